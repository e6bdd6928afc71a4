"""`make bench`'s front cache: Varnish with the site's VCL (deploy/varnish/) in front of nginx and
the benchmark's gunicorn, and nginx serving static files of each page's size – the ceiling the
pages through Varnish are compared with. Both on free ports on 127.0.0.1, in var/bench/front/."""

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from django.conf import settings

from bench.views import reference_page

DEPLOY = Path(settings.BASE_DIR) / "deploy"

NGINX_CONF = """worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {dir}/tmp;
    proxy_temp_path {dir}/tmp;
    fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp;
    scgi_temp_path {dir}/tmp;
    upstream app {{
        server {backend};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location /bench-static/ {{
            alias {dir}/static/;
            default_type text/html;
        }}
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""

SITE_VCL = """backend default {{
    .host = "127.0.0.1";
    .port = "{port}";
    .probe = {{
        .request = "GET /healthz HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
        .interval = 1s;
        .timeout = 5s;
        .window = 3;
        .threshold = 1;
    }}
}}
acl purgers {{
    "127.0.0.1";
}}
sub site_pass {{
    if (req.url ~ "^/admin(/|$)") {{
        return (pass);
    }}
}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def available():
    return bool(shutil.which("varnishd") and shutil.which("nginx"))


class FrontCache:
    """`with FrontCache(out_dir, "127.0.0.1:PORT") as front:` front.varnish is Varnish's base URL,
    front.static_url(size) a static file of that many bytes served by nginx."""

    def __init__(self, out_dir, backend=None):
        self.dir = Path(out_dir).resolve() / "front"
        self.backend = backend
        self.processes = []
        self.nginx_port, self.varnish_port = free_port(), free_port()
        self.nginx = f"http://127.0.0.1:{self.nginx_port}"
        # Known before the app starts: the app and the task worker purge it.
        self.varnish = f"http://127.0.0.1:{self.varnish_port}"

    def __enter__(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        for folder in ("tmp", "static", "varnish", "vcl"):
            (self.dir / folder).mkdir(parents=True)
        nginx_port, varnish_port = self.nginx_port, self.varnish_port
        (self.dir / "nginx.conf").write_text(NGINX_CONF.format(dir=self.dir, backend=self.backend, port=nginx_port))
        (self.dir / "vcl" / "site.vcl").write_text(SITE_VCL.format(port=nginx_port))
        log = open(self.dir / "processes.log", "w")  # noqa: SIM115 (open while the servers run)
        commands = [
            [
                "nginx",
                "-e",
                str(self.dir / "nginx-error.log"),
                "-c",
                str(self.dir / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            [
                "varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(self.dir / "varnish"),
                "-a",
                f"127.0.0.1:{varnish_port}",
                "-f",
                str(DEPLOY / "varnish" / "bochum2015.vcl"),
                "-p",
                f"vcl_path={self.dir / 'vcl'}:{DEPLOY / 'varnish'}",
                "-s",
                "malloc,512m",
            ],
        ]
        for command in commands:
            self.processes.append(
                subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603
            )
        for port in (nginx_port, varnish_port):
            self._wait(port)
        return self

    def _wait(self, port):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"nothing answers on port {port}; see {self.dir / 'processes.log'}")

    def static_url(self, size):
        """A static file of `size` bytes (the benchmark's reference page) from nginx."""
        path = self.dir / "static" / f"page-{size}.html"
        if not path.exists():
            path.write_text(reference_page(size))
        return f"{self.nginx}/bench-static/{path.name}"

    def __exit__(self, *exc):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
