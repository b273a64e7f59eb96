#!/usr/bin/env python3
# test_cli_protocol.py SOCKET: hostile and odd clients of the control
# socket, run by test_cli_protocol.sh. Prints one "RESULT name value" line
# per probe; the shell script asserts on them.
import json, socket, sys, time

path = sys.argv[1]

def conn():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    pending.clear()
    s.settimeout(20)
    s.connect(path)
    return s

pending = {}

def reply(s):
    """The next reply line on s (replies may arrive several at once)."""
    buf = pending.pop(s.fileno(), b"")
    while b"\n" not in buf:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    line, _, rest = buf.partition(b"\n")
    pending[s.fileno()] = rest
    return json.loads(line) if line else None

def closed(s):
    try:
        return s.recv(1) == b""
    except OSError:
        return True

def out(name, value):
    print("RESULT", name, value)

s = conn()
for name, line in [("not_json", b"{nope\n"), ("array", b"[1,2]\n"),
                   ("no_method", b'{"params":{}}\n'), ("params_list", b'{"method":"feeds","params":[1]}\n'),
                   ("unknown", b'{"method":"rm -rf"}\n'), ("bad_type", b'{"method":"agreement","params":{"id":"x"}}\n'),
                   ("future_version", b'{"v":99,"method":"hello"}\n'), ("binary", b'{"method":"\xff\xfe"}\n')]:
    s.sendall(line)
    r = reply(s)
    out(name, r["error"]["code"] if r and not r["ok"] else "ok")
s.sendall(b'{"id":"x7","method":"hello"}\n')
r = reply(s)
out("same_connection_still_served", "%s,%s,%s" % (r["ok"], r["id"], r["result"]["protocol"]))
s.sendall(b'{"method":"hello"}\n{"method":"methods"}\n')
a, b = reply(s), reply(s)
out("pipelined_first", a["ok"] and b["ok"] and isinstance(b["result"], list))
s.close()

s = conn()
s.sendall(b'{"method":"search","params":{"text":"' + b"a" * 70000 + b'"}}\n')
r = reply(s)
out("oversized", r["error"]["code"] if r else "none")
out("oversized_closed", closed(s))

s = conn()
s.sendall(b"x" * 70000)
r = reply(s)
out("endless_line", r["error"]["code"] if r else "none")

s = conn()
s.sendall(b'{"method":"hel')
r = reply(s)          # the daemon answers when its idle timeout passes
out("slow", r["error"]["code"] if r else "none")
out("slow_closed", closed(s))

many = []
codes = []
for i in range(40):
    c = conn()
    many.append(c)
for c in many:
    c.setblocking(False)
time.sleep(0.5)
busy = 0
for c in many:
    try:
        data = c.recv(4096)
        if b'"busy"' in data:
            busy += 1
    except BlockingIOError:
        pass
out("busy_refusals", busy)
for c in many:
    c.close()

s = conn()
s.sendall(b'{"method":"status"}\n')
r = reply(s)
out("status_after", "%s,%s" % (r["ok"], r["result"]["control"]["errors"] > 0))
