#!/usr/bin/env python3
"""ctl.py: one control request, with a deadline, for the fault tests.

usage: ctl.py SOCKET METHOD SECONDS

Sends {"method": METHOD} to mouwatchd's control socket and prints the
reply line. Exits 0 with a reply, 3 when none came within SECONDS (the
daemon's loop did not answer), 1 on a connection error.
"""
import json
import socket
import sys

path, method, deadline = sys.argv[1], sys.argv[2], float(sys.argv[3])
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(deadline)
try:
    s.connect(path)
    s.sendall((json.dumps({"v": 1, "method": method}) + "\n").encode())
    buf = b""
    while not buf.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
except socket.timeout:
    print("no reply to %s within %g s" % (method, deadline))
    sys.exit(3)
except OSError as e:
    print("cannot ask %s: %s" % (method, e))
    sys.exit(1)
print(buf.decode("utf-8", "replace").strip())
sys.exit(0 if buf else 1)
