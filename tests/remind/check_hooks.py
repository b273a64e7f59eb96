#!/usr/bin/env python3
"""check_hooks.py HOOK_DIR SECRET: verifies every webhook mw-httpd recorded
(N.headers + N.body): Standard Webhooks headers present, the signature
recomputed here with hmac/base64 matches, the timestamp is recent and the
body has the fields of SPEC.md. Prints one line per problem; exit 1 if any."""
import base64, hashlib, hmac, json, os, sys, time

hook_dir, secret = sys.argv[1], sys.argv[2]
key = base64.b64decode(secret.split("_", 1)[1])
problems, n = [], 0
for name in sorted(os.listdir(hook_dir)):
    if not name.endswith(".headers"):
        continue
    n += 1
    num = name[:-8]
    heads = {}
    for line in open(os.path.join(hook_dir, name), encoding="utf-8"):
        k, _, v = line.rstrip("\r\n").partition(": ")
        heads[k.lower()] = v
    body = open(os.path.join(hook_dir, num + ".body"), "rb").read()
    wid, ts, sig = heads.get("webhook-id"), heads.get("webhook-timestamp"), heads.get("webhook-signature")
    if not (wid and ts and sig):
        problems.append(f"{num}: missing webhook-* headers")
        continue
    if heads.get("content-type") != "application/json":
        problems.append(f"{num}: content-type {heads.get('content-type')}")
    mac = hmac.new(key, wid.encode() + b"." + ts.encode() + b"." + body, hashlib.sha256).digest()
    want = "v1," + base64.b64encode(mac).decode()
    if want not in sig.split(" "):
        problems.append(f"{num}: signature {sig} != {want}")
    if abs(time.time() - int(ts)) > 600:
        problems.append(f"{num}: timestamp {ts} not recent")
    doc = json.loads(body)
    if doc.get("type") not in ("agreement.new", "agreement.expiring", "event.upcoming"):
        problems.append(f"{num}: type {doc.get('type')}")
    if doc["reminder"]["kind"] != doc["type"] or not doc["agreement"].get("parties"):
        problems.append(f"{num}: reminder/agreement fields")
    if not isinstance(doc["agreement"].get("expires_estimated"), bool):
        problems.append(f"{num}: expires_estimated is not a JSON boolean")
    if not doc.get("sources") or not doc["sources"][0].startswith("https://"):
        problems.append(f"{num}: sources {doc.get('sources')}")
for p in problems:
    print(p)
print(f"{n} hook(s) checked")
sys.exit(1 if problems or n == 0 else 0)
