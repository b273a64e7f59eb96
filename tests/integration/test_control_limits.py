#!/usr/bin/env python3
# test_control_limits.py MODE SOCKET [ARGS]: careless and hostile clients
# of the control socket, run by test_control_limits.sh and
# fault_control_clients.sh. Prints "RESULT name value" lines.
#   nonreader N SECS pipelines N 'methods' requests without reading the
#                    replies, reads 512 bytes every 0.5 s for SECS, then
#                    the rest: did the daemon close the connection?
#   pipeline N       pipelines N 'methods' requests and reads every reply
#   dribble N SECS READY
#                    N connections sending a request a byte every 0.5 s,
#                    for at most SECS; touches READY once all are open
import json, os, select, socket, sys, threading, time

mode, path = sys.argv[1], sys.argv[2]
REQ = b'{"method":"methods"}\n'


def out(name, value):
    print("RESULT", name, value, flush=True)


def conn():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s


def nonreader(n, slow):
    s = conn()
    s.setblocking(False)
    sent, stalled_since = 0, None
    while sent < n:
        try:
            s.send(REQ)
            sent += 1
            stalled_since = None
        except BlockingIOError:
            # The daemon stopped reading: wait for room a while, then stop.
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 2:
                break
            select.select([], [s], [], 0.1)
        except OSError:
            break
    out("nonreader_sent", sent)
    out("nonreader_all_sent", sent == n)
    # Read a little for twice the write timeout (as a client stuck on
    # something else would), then all that is left: the end of the
    # stream shows whether the daemon closed the connection.
    got, slow_until = 0, time.monotonic() + slow
    s.setblocking(True)
    s.settimeout(30)
    closed = False
    while True:
        try:
            chunk = s.recv(512 if time.monotonic() < slow_until else 65536)
        except socket.timeout:
            break
        except OSError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        got += chunk.count(b"\n")
        if time.monotonic() < slow_until:
            time.sleep(0.5)
    out("nonreader_closed", closed)
    out("nonreader_replies_short", got < sent)


def pipeline(n):
    s = conn()
    s.settimeout(60)
    writer = threading.Thread(target=lambda: s.sendall(REQ * n))
    writer.start()
    got, buf = 0, b""
    while got < n:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        lines = buf.split(b"\n")
        buf = lines.pop()
        got += sum(1 for l in lines if json.loads(l)["ok"])
    writer.join()
    out("pipeline_replies", got)


def dribble(n, secs, ready):
    req = b'{"method":"hello"}\n'
    conns, codes = [], {}
    for _ in range(n):
        conns.append(conn())
    for c in conns:
        c.setblocking(False)
        try:
            c.send(req[:1])
        except OSError:
            pass  # refused (busy) and closed already: its reply is read below
    open(ready, "w").close()
    start, i = time.monotonic(), 1
    while len(codes) < n and time.monotonic() - start < secs:
        time.sleep(0.5)
        for k, c in enumerate(conns):
            if k in codes:
                continue
            try:
                data = c.recv(4096)
                codes[k] = json.loads(data.split(b"\n")[0])["error"]["code"] if data else "closed"
                continue
            except BlockingIOError:
                pass
            except OSError:
                codes[k] = "closed"
                continue
            try:
                c.send(req[i % (len(req) - 1):i % (len(req) - 1) + 1])  # never the newline
            except OSError:
                pass
        i += 1
    for name in ("timeout", "busy"):
        out("dribble_" + name, sum(1 for v in codes.values() if v == name))
    out("dribble_unanswered", n - len(codes))


if mode == "nonreader":
    nonreader(int(sys.argv[3]), float(sys.argv[4]))
elif mode == "pipeline":
    pipeline(int(sys.argv[3]))
elif mode == "dribble":
    dribble(int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
else:
    sys.exit("unknown mode " + mode)
