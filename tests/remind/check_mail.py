#!/usr/bin/env python3
"""check_mail.py FILE.eml: parses one message mw-smtpd stored with the
email package and prints what a test asserts on, one "name: value" per
line: the decoded subject, headers present, the text part, the .ics."""
import email, sys
from email import policy

msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
print("subject:", msg["subject"])
for h in ("date", "message-id", "from", "to"):
    print(f"{h}:", msg[h])
print("multipart:", msg.get_content_type())
for part in msg.walk():
    ct = part.get_content_type()
    if ct == "text/plain":
        for line in part.get_content().splitlines():
            print("text:", line)
    elif ct == "text/calendar":
        print("ics-filename:", part.get_filename())
        for line in part.get_content().splitlines():
            print("ics:", line)
