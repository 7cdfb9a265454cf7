"""gunicorn settings for the atlas behind nginx (deploy/serve passes the listeners with -b)."""
import os

import gunicorn.http.wsgi

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
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
accesslog = None
errorlog = "-"
loglevel = "warning"
proc_name = "northern-border-atlas"

# No product name in the Server header when gunicorn is reached directly (nginx sends its own anyway).
gunicorn.http.wsgi.SERVER = "atlas"
