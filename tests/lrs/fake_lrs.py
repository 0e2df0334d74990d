#!/usr/bin/env python3
"""A tiny HTTP server that answers POST .../statements the way an unwell LRS does.

    fake_lrs.py PORT_FILE MODE
MODE: 200 (always accepts; every statement received is appended as one line of JSON to
PORT_FILE.statements), 401 (always), 500 (always), 413 (a body over 20,000 bytes gets 413, a
smaller one 200 with the ids), 413all (always 413). Writes the port it listens on into PORT_FILE and appends
one line per request ("POST <status> <bytes>") to PORT_FILE.log.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

port_file, mode = sys.argv[1], sys.argv[2]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        status, reply = 200, b"[]"
        if mode == "401":
            status = 401
        elif mode == "500":
            status = 500
        elif mode == "413all" or (mode == "413" and n > 20000):
            status = 413
        else:
            got = json.loads(body)
            reply = json.dumps([s["id"] for s in got]).encode()
            if mode == "200":
                with open(port_file + ".statements", "a") as f:
                    for s in got:
                        f.write(json.dumps(s, ensure_ascii=False) + "\n")
        with open(port_file + ".log", "a") as f:
            f.write("POST %d %d %s\n" % (status, n, self.headers.get("Authorization", "")))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


srv = HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
srv.serve_forever()
