#!/usr/bin/env python3
"""OCSP responder on 127.0.0.1 for the TLS suite: `openssl ocsp` answers each request.

usage: ocsp-responder.py <port> <index.txt> <ca.pem> <ca.key>

`openssl ocsp -port` binds every interface and takes no address, so this server listens on
loopback only and runs `openssl ocsp -reqin/-respout` (signed by the CA, valid 7 days) for each
POST (RFC 6960 appendix A.1) or GET with the base64 request in the path.
"""
import base64
import http.server
import subprocess
import sys
import tempfile
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def do_GET(self):
        self.answer(base64.b64decode(urllib.parse.unquote(self.path.lstrip("/"))))

    def answer(self, request):
        with tempfile.NamedTemporaryFile() as req, tempfile.NamedTemporaryFile() as resp:
            req.write(request)
            req.flush()
            done = subprocess.run(["openssl", "ocsp", "-index", INDEX, "-rsigner", CA, "-rkey", KEY, "-CA", CA,
                                   "-ndays", "7", "-reqin", req.name, "-respout", resp.name],
                                  capture_output=True)
            body = resp.read() if done.returncode == 0 else b""
        if not body:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/ocsp-response")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stderr.write("ocsp: " + (fmt % args) + "\n")


if __name__ == "__main__":
    PORT, INDEX, CA, KEY = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
