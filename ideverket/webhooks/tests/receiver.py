"""A real HTTP receiver on 127.0.0.1 in a thread: it checks the signature, records what came,
and can be told to fail the first N requests (or to answer slowly)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ideverket.webhooks.signing import verify


class Receiver:
    def __init__(self):
        self.secret = ""
        self.fail_times = 0
        self.fail_status = 500
        self.received = []  # (headers dict, payload, signature ok)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k: v for k, v in self.headers.items()}
                ok = verify(
                    receiver.secret,
                    int(headers.get("X-Ideverket-Timestamp", "0")),
                    body,
                    headers.get("X-Ideverket-Signature"),
                )
                receiver.received.append((headers, json.loads(body), ok))
                if not ok:
                    status = 401
                elif receiver.fail_times > 0:
                    receiver.fail_times -= 1
                    status = receiver.fail_status
                else:
                    status = 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
