#!/usr/bin/env python3
# test_systemd_notify.py SOCKET OUT: a NOTIFY_SOCKET as systemd has one:
# binds an AF_UNIX datagram socket and appends each message it receives to
# OUT, one "---" line after each; runs until killed.
import socket, sys

s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        msg = s.recv(4096).decode("utf-8", "replace")
        out.write(msg + "\n---\n")
