#!/usr/bin/env python3
"""A webhook receiver for bench/webhooks.sh: answers 200 at once, verifies every Standard Webhooks
signature with the secret registered for its path, and logs one line per request:
  <epoch ms> <path> <webhook-id> <valid 1|0>
Secrets come from a file of "<path> <whsec_...>" lines, re-read when a path is unknown."""
import base64, hashlib, hmac, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secrets_file, log_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
secrets = {}
log = open(log_file, "a", buffering=1)


def secret_for(path):
    if path not in secrets:
        with open(secrets_file) as f:
            for line in f:
                p, s = line.split()
                secrets[p] = base64.b64decode(s[len("whsec_"):])
    return secrets.get(path)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        wid, ts, sig = self.headers.get("webhook-id"), self.headers.get("webhook-timestamp"), self.headers.get("webhook-signature", "")
        key = secret_for(self.path)
        valid = 0
        if key and wid and ts:
            expected = base64.b64encode(hmac.new(key, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
            valid = int(any(hmac.compare_digest(part[3:], expected) for part in sig.split(" ") if part.startswith("v1,")))
        log.write(f"{int(time.time() * 1000)} {self.path} {wid} {valid}\n")
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 1024
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
