#!/usr/bin/env python3
"""receiver.py: a webhook receiver whose behaviour a fault scenario changes
while it runs.

usage: receiver.py --log FILE --control FILE (--port-file FILE | --port N)
                   [--bind ADDR] [--get-body FILE]

Listens on 127.0.0.1 (or --bind ADDR, e.g. ::1; a kernel-chosen port
written to --port-file by rename, or --port N to come back on the same
port after being stopped). A GET is logged as "GET <TAB> path" and answered
200 with the --get-body file (an internal server a redirect must not reach).
Each POST is logged as one line in mw-httpd's log format, so check.py reads
both alike:  POST <TAB> path <TAB> webhook-id: ID <TAB> status: S

Before answering it reads the control file (missing or empty: "200"):
  200 | 500 | any status   answer that status
  sleep N [STATUS]         wait N seconds first (slower than the client's
                           timeout: the client gives up, the receiver still
                           logged the request, as a real slow receiver would)
"""
import argparse
import http.server
import os
import socket
import threading
import time

LOCK = threading.Lock()


def behaviour(path):
    try:
        with open(path, encoding="utf-8") as f:
            words = f.read().split()
    except OSError:
        words = []
    delay, status = 0.0, 200
    if words and words[0] == "sleep":
        delay = float(words[1])
        words = words[2:]
    if words:
        status = int(words[0])
    return delay, status


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        delay, status = behaviour(self.server.control)
        with LOCK, open(self.server.logfile, "a", encoding="utf-8") as log:
            log.write("POST\t%s\twebhook-id: %s\tstatus: %d%s\n" % (
                self.path, self.headers.get("webhook-id", ""), status,
                "\tdelay: %g" % delay if delay else ""))
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass    # the client gave up first

    def do_GET(self):
        with LOCK, open(self.server.logfile, "a", encoding="utf-8") as log:
            log.write("GET\t%s\n" % self.path)
        body = b""
        if self.server.get_body:
            with open(self.server.get_body, "rb") as f:
                body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", required=True)
    ap.add_argument("--control", required=True)
    ap.add_argument("--port-file")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--get-body")
    a = ap.parse_args()
    cls = http.server.ThreadingHTTPServer
    if ":" in a.bind:
        cls = type("Server6", (cls,), {"address_family": socket.AF_INET6})
    cls.allow_reuse_address = True
    srv = cls((a.bind, a.port), Handler)
    srv.daemon_threads = True
    srv.logfile, srv.control, srv.get_body = a.log, a.control, a.get_body
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write("%d\n" % srv.server_address[1])
        os.replace(a.port_file + ".tmp", a.port_file)
    srv.serve_forever()


if __name__ == "__main__":
    main()
