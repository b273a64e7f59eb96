#!/usr/bin/env python3
"""notify_sink.py: stands in for systemd's notify socket in a fault test.

usage: notify_sink.py SOCKET LOG

Binds a Unix datagram socket at SOCKET (give it to the daemon as
NOTIFY_SOCKET) and appends one line per message to LOG: the monotonic
time in seconds, the sender's pid (from its credentials, as systemd
reads them for NotifyAccess=main), and the message with its newlines as
spaces ("READY=1", "WATCHDOG=1", "STATUS=..."), tab-separated. Runs
until killed.
"""
import os
import socket
import struct
import sys
import time

path, log = sys.argv[1], sys.argv[2]
try:
    os.unlink(path)
except FileNotFoundError:
    pass
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(path)
creds = struct.calcsize("3i")
with open(log, "a", encoding="utf-8") as out:
    while True:
        data, anc, _, _ = s.recvmsg(65536, socket.CMSG_SPACE(creds))
        pid = 0
        for level, kind, value in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("3i", value[:creds])[0]
        text = data.decode("utf-8", "replace").strip().replace("\n", " ")
        out.write("%.3f\t%d\t%s\n" % (time.monotonic(), pid, text))
        out.flush()
