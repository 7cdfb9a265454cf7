"""gunicorn settings for the atlas behind nginx (deploy/serve passes the listeners with -b)."""
import os

import gunicorn.http.wsgi
import gunicorn.util

wsgi_app = "dashboard.app:server"
worker_class = "gthread"
workers = int(os.environ.get("NBA_WORKERS", "2"))
threads = int(os.environ.get("NBA_THREADS", "4"))
preload_app = True          # load and check the data once, in the master: a bad file stops start-up at once
timeout = 30                # a stuck worker is replaced after 30 s
graceful_timeout = 10
keepalive = 15              # nginx keeps upstream connections open (keepalive 16)
max_requests = 5000         # recycle workers now and then; nginx retries what a recycling worker drops
max_requests_jitter = 500
limit_request_line = 8190      # nginx (large_client_header_buffers 4 8k) is the one that refuses; these stay above it
limit_request_fields = 200
limit_request_field_size = 8190
accesslog = None
errorlog = "-"
loglevel = "warning"
proc_name = "northern-border-atlas"

# No product name in the Server header when gunicorn is reached directly (nginx sends its own anyway).
gunicorn.http.wsgi.SERVER = "atlas"

# Headers and a whole body in ONE send. gunicorn sends them in two, and between the two another thread may hold
# the GIL for milliseconds: a worker killed in that gap leaves nginx with headers but no body, a response it
# has started and cannot retry elsewhere. Sent together, a killed worker has sent all or nothing, and
# nginx retries "nothing" on another worker (proxy_next_upstream). Only for bodies of known length in one piece.
_write = gunicorn.http.wsgi.Response.write


def _write_whole(self, arg):
    if (self.headers_sent or not isinstance(arg, bytes) or self.chunked or getattr(self, "_omits_body", False)
            or self.response_length != len(arg)):
        return _write(self, arg)
    head = self.default_headers() + ["%s: %s\r\n" % (k, v) for k, v in self.headers]
    gunicorn.util.write(self.sock, gunicorn.util.to_bytestring("%s\r\n" % "".join(head), "latin-1") + arg)
    self.headers_sent = True
    self.sent = len(arg)


gunicorn.http.wsgi.Response.write = _write_whole
