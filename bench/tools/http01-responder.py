#!/usr/bin/env python3
"""http-01 responder for `mdj renew` in the issuance bench (mdj renew runs no server).

usage: http01-responder.py <port> <store-dir>

Answers GET /.well-known/acme-challenge/<token> on 127.0.0.1:<port> with the bytes of
<store-dir>/challenges/<Host>/acme-http-01.txt, as mod_md and mdj's server do (the token in the
URL is not compared); anything else is 404. Threaded: Pebble's VA fetches every token three times
(multi-perspective), for 50 names at once.
"""
import http.server
import os
import sys

PREFIX = "/.well-known/acme-challenge/"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        answer = None
        if self.path.startswith(PREFIX) and "/" not in self.path[len(PREFIX):] and host and "/" not in host:
            try:
                with open(os.path.join(STORE, "challenges", host, "acme-http-01.txt"), "rb") as f:
                    answer = f.read()
            except OSError:
                pass
        if answer is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    PORT, STORE = int(sys.argv[1]), sys.argv[2]
    http.server.ThreadingHTTPServer.daemon_threads = True
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
