#!/usr/bin/env python3
"""A received notice (.eml) as the parts a mail client is given: from, subject, text, html and the
extra headers, as JSON on stdout (for bench/java/mail/*Ceiling). Usage: mail-parts.py MAIL.eml"""
import json
import sys
from email import policy
from email.parser import BytesParser

# Headers the mail clients write themselves (or that the sink adds); everything else is passed on.
OWN = {"from", "to", "subject", "date", "message-id", "mime-version", "content-type",
       "content-transfer-encoding", "received", "return-path", "x-original-to", "delivered-to"}

with open(sys.argv[1], "rb") as f:
    msg = BytesParser(policy=policy.default).parse(f)
text = msg.get_body(preferencelist=("plain",))
html = msg.get_body(preferencelist=("html",))
print(json.dumps({
    "from": str(msg["From"]),
    "subject": str(msg["Subject"]),
    "text": text.get_content() if text else "",
    "html": html.get_content() if html else "",
    "headers": {k: str(v) for k, v in msg.items() if k.lower() not in OWN},
}))
