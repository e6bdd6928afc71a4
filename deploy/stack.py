"""make stack, make stack-stop: the production pieces on this machine, on 127.0.0.1 only.

    Varnish :STACK_PORT (8080) -> nginx :+1 -> gunicorn app nodes :+11, :+12 -> PostgreSQL, Redis :+3
                                  nginx /media/ -> moto (S3) :+2
    django-tasks worker (manage.py db_worker) -> PostgreSQL, Varnish (purges)
    (PostgreSQL: the database bochum2015_stack; Redis: a redis-server of the stack's own)

Every process runs in a session of its own; its process id is in var/stack/run/NAME.pid and its
output in var/stack/log/NAME.log. `python deploy/stack.py up` starts everything on a fresh database
with the demo content (`--reuse`: keep a stack that answers), `down` stops everything,
`stop NAME`, `kill NAME` (SIGKILL, a crash) and `start NAME` act on one service (the fault tests).
The environment is written to deploy/stack.env (KEY=VALUE), so
`set -a; . deploy/stack.env; .venv/bin/python manage.py ...` runs any command against the stack.
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
VAR = ROOT / "var" / "stack"
RUN = VAR / "run"
LOG = VAR / "log"
ENV_FILE = DEPLOY / "stack.env"
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("STACK_PORT", "8080"))
PORTS = {
    "varnish": PORT,
    "nginx": PORT + 1,
    "moto": PORT + 2,
    "redis": PORT + 3,
    "varnish-admin": PORT + 4,
    "app1": PORT + 11,
    "app2": PORT + 12,
}
DATABASE = os.environ.get("STACK_DATABASE", "bochum2015_stack")
BUCKET = "bochum2015-stack"
APP_NODES = ("app1", "app2")
# Start order; `down` stops in reverse.
SERVICES = ("redis", "moto", "app1", "app2", "worker", "nginx", "varnish")
TOOLS = {"varnishd": "varnish", "nginx": "nginx", "redis-server": "redis-server", "wrk": "wrk"}


def base_url():
    return f"http://127.0.0.1:{PORTS['varnish']}"


def _secret_key():
    """The stack keeps its secret key across restarts (sessions stay valid)."""
    if ENV_FILE.exists():
        for line in ENV_FILE.read_text().splitlines():
            if line.startswith("SECRET_KEY="):
                return line.split("=", 1)[1]
    return secrets.token_urlsafe(50)


def environment():
    """The stack's settings, as production would have them (bochum2015/settings/stack.py)."""
    moto = f"http://127.0.0.1:{PORTS['moto']}"
    return {
        "DJANGO_SETTINGS_MODULE": "bochum2015.settings.stack",
        "SECRET_KEY": _secret_key(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": base_url(),
        "WAGTAILADMIN_BASE_URL": base_url(),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": f"redis://127.0.0.1:{PORTS['redis']}/0",
        "INSTALL_TOOLING": "1",
        "STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        # Varnish and nginx each append the address they saw to X-Forwarded-For.
        "TRUSTED_PROXY_COUNT": "2",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        # Wagtail purges Varnish (pagecache/frontend.py, through the task worker).
        "FRONTEND_CACHE_URL": base_url(),
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": moto,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_CUSTOM_DOMAIN": f"127.0.0.1:{PORTS['varnish']}/media",
        "AWS_S3_URL_PROTOCOL": "http:",
        # moto accepts any key; these name no real account.
        "AWS_ACCESS_KEY_ID": "stack",
        "AWS_SECRET_ACCESS_KEY": "stack",  # noqa: S105
        "LOG_LEVEL": "WARNING",
        # For the stack's tests and tools.
        "STACK_BASE_URL": base_url(),
        "STACK_NGINX_URL": f"http://127.0.0.1:{PORTS['nginx']}",
        "STACK_APP_URLS": ",".join(f"http://127.0.0.1:{PORTS[node]}" for node in APP_NODES),
        "STACK_VARNISH_DIR": str(VAR / "varnish"),
        "STACK_S3_BUCKET": BUCKET,
    }


def write_env_file(env):
    lines = ["# Written by `make stack` (deploy/stack.py); `set -a; . deploy/stack.env` to use it."]
    lines += [f"{key}={value}" for key, value in env.items()]
    ENV_FILE.write_text("\n".join(lines) + "\n")


def step(message):
    print(f"== {message}", flush=True)


# Processes


def _pid_file(name):
    return RUN / f"{name}.pid"


def pid_of(name):
    """The service's process id while it runs, else None."""
    try:
        pid = int(_pid_file(name).read_text())
    except (FileNotFoundError, ValueError):
        return None
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return None
    return None if state == "Z" else pid


def command(name, env):
    python = str(BIN / "python")
    if name == "redis":
        port = str(PORTS["redis"])
        return ["redis-server", "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly", "no"]
    if name == "moto":
        return [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(PORTS["moto"])]
    if name in APP_NODES:
        return [
            str(BIN / "gunicorn"),
            "bochum2015.wsgi",
            "--bind",
            f"127.0.0.1:{PORTS[name]}",
            "--workers",
            os.environ.get("STACK_WORKERS", "2"),
            "--name",
            f"bochum2015-{name}",
            "--graceful-timeout",
            "5",
        ]
    if name == "worker":
        return [python, "manage.py", "db_worker", "--interval", "0.1", "--no-reload", "--no-startup-delay"]
    if name == "nginx":
        config = str(VAR / "nginx" / "nginx.conf")
        return ["nginx", "-e", str(LOG / "nginx-error.log"), "-c", config, "-g", "daemon off;"]
    if name == "varnish":
        return [
            "varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(VAR / "varnish"),
            "-a",
            f"127.0.0.1:{PORTS['varnish']}",
            "-T",
            f"127.0.0.1:{PORTS['varnish-admin']}",
            "-S",
            str(VAR / "varnish-secret"),
            "-f",
            str(DEPLOY / "varnish" / "bochum2015.vcl"),
            "-p",
            f"vcl_path={VAR / 'varnish-conf'}:{DEPLOY / 'varnish'}",
            "-s",
            "malloc,256m",
        ]
    raise SystemExit(f"Unknown service {name!r}; the services are {', '.join(SERVICES)}")


def start(name, env=None):
    env = env or {**os.environ, **environment()}
    if pid_of(name):
        return pid_of(name)
    RUN.mkdir(parents=True, exist_ok=True)
    LOG.mkdir(parents=True, exist_ok=True)
    with open(LOG / f"{name}.log", "a") as log:
        process = subprocess.Popen(  # noqa: S603
            command(name, env), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    _pid_file(name).write_text(str(process.pid))
    wait_ready(name)
    return process.pid


def _signal_group(pid, sig):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)


def stop(name, sig=signal.SIGTERM, timeout=15):
    """Stops the service's whole process group (a gunicorn node with its workers)."""
    pid = pid_of(name)
    if pid:
        _signal_group(pid, sig)
        deadline = time.monotonic() + timeout
        while pid_of(name) and time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.1)
        if pid_of(name):
            _signal_group(pid, signal.SIGKILL)
        # Workers of a killed gunicorn die with it: they are in its group.
        _signal_group(pid, signal.SIGKILL)
    _pid_file(name).unlink(missing_ok=True)


def kill(name):
    """A crash: SIGKILL to the service's process group, nothing waits for requests in flight."""
    stop(name, sig=signal.SIGKILL, timeout=5)


def port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def http_status(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (our own loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def wait_ready(name, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if name != "worker" and not pid_of(name):
            break
        if name == "worker":
            time.sleep(0.5)
            if pid_of(name):
                return
            break
        if name in APP_NODES:
            if http_status(f"http://127.0.0.1:{PORTS[name]}/healthz") == 200:
                return
        elif port_open(PORTS[name]):
            return
        time.sleep(0.2)
    tail = (LOG / f"{name}.log").read_text()[-2000:] if (LOG / f"{name}.log").exists() else ""
    raise SystemExit(f"{name} did not start; the end of var/stack/log/{name}.log:\n{tail}")


# Set-up


def check_tools():
    missing = [package for tool, package in TOOLS.items() if not shutil.which(tool)]
    if missing:
        raise SystemExit(f"Missing: {' '.join(missing)} (make stack installs them with apt-get).")


def write_configuration(env):
    (VAR / "varnish-conf").mkdir(parents=True, exist_ok=True)
    (VAR / "varnish").mkdir(parents=True, exist_ok=True)
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (VAR / "nginx" / folder).mkdir(parents=True, exist_ok=True)
    (VAR / "bench-static").mkdir(parents=True, exist_ok=True)
    secret = VAR / "varnish-secret"
    if not secret.exists():
        secret.write_text(secrets.token_hex(16) + "\n")
        secret.chmod(0o600)
    admin_path = env.get("ADMIN_PATH", "admin").strip("/") or "admin"
    # The probe finds the site down only when five probes in a row fail: a busy site answers
    # /healthz late, and a backend marked sick would turn every miss into a 503.
    (VAR / "varnish-conf" / "site.vcl").write_text(
        f"""# Written by deploy/stack.py: the stack's nginx, purgers and admin path.
backend default {{
    .host = "127.0.0.1";
    .port = "{PORTS["nginx"]}";
    .probe = {{
        .request = "GET /healthz HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
        .interval = 1s;
        .timeout = 5s;
        .window = 5;
        .threshold = 1;
    }}
}}

acl purgers {{
    "127.0.0.1";
}}

sub site_pass {{
    if (req.url ~ "^/{admin_path}(/|$)") {{
        return (pass);
    }}
}}
"""
    )
    values = {
        "@RUN@": str(RUN),
        "@LOG@": str(LOG),
        "@VAR@": str(VAR),
        "@STATIC_ROOT@": env["STATIC_ROOT"],
        "@NGINX_PORT@": str(PORTS["nginx"]),
        "@APP1_PORT@": str(PORTS["app1"]),
        "@APP2_PORT@": str(PORTS["app2"]),
        "@S3_ENDPOINT@": env["AWS_S3_ENDPOINT_URL"],
        "@BUCKET@": env["AWS_STORAGE_BUCKET_NAME"],
    }
    text = (DEPLOY / "nginx.conf").read_text()
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    (VAR / "nginx" / "nginx.conf").write_text(text)


def fresh_database():
    """The stack's database starts anew with every `make stack`, like moto's bucket (in memory)."""
    import psycopg2

    admin = psycopg2.connect(dbname="postgres", user="postgres", host="127.0.0.1", port=5432)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    admin.close()


def create_bucket(env):
    """The media bucket: images may be read by anyone (nginx or a CDN serves them), documents only
    through Wagtail's view, which checks their privacy."""
    import json

    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name=env["AWS_S3_REGION_NAME"],
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
        client.create_bucket(Bucket=env["AWS_STORAGE_BUCKET_NAME"])
    public_images = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{env['AWS_STORAGE_BUCKET_NAME']}/images/*",
    }
    client.put_bucket_policy(
        Bucket=env["AWS_STORAGE_BUCKET_NAME"],
        Policy=json.dumps({"Version": "2012-10-17", "Statement": [public_images]}),
    )


def manage(env, *args):
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def running():
    return {name: pid_of(name) for name in SERVICES}


def answers():
    """Whether a started stack serves its home page through Varnish."""
    return all(running().values()) and http_status(base_url() + "/de/") == 200


def up(reuse=False):
    check_tools()
    if reuse and answers():
        step(f"the stack is running on {base_url()}/")
        return False
    down(quiet=True)
    settings = environment()
    env = {**os.environ, **settings}
    write_env_file(settings)
    write_configuration(settings)
    started = time.monotonic()
    step("Redis and moto (S3)")
    start("redis", env)
    start("moto", env)
    create_bucket(env)
    step(f"fresh PostgreSQL database {DATABASE} with the demo content")
    fresh_database()
    manage(env, "compile_catalogues")
    manage(env, "migrate", "--noinput", "-v0")
    # The demo is loaded with its tasks run at once: the search index is complete when the stack opens.
    # Varnish is not running yet: nothing to purge.
    demo_env = {**env, "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "FRONTEND_CACHE_URL": ""}
    manage(demo_env, "load_demo_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    step("app nodes, task worker, nginx, Varnish")
    for name in ("app1", "app2", "worker", "nginx", "varnish"):
        start(name, env)
    deadline = time.monotonic() + 30
    while http_status(base_url() + "/de/") != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    if http_status(base_url() + "/de/") != 200:
        raise SystemExit("The stack does not serve /de/; see var/stack/log/.")
    step(f"ready in {time.monotonic() - started:.0f} s")
    print(f"Bochum 2015 stack on {base_url()}/ (Varnish; nginx on :{PORTS['nginx']}, app nodes on", end=" ")
    print(f":{PORTS['app1']} and :{PORTS['app2']})")
    print(f"Admin: {base_url()}/admin/ as admin / {env.get('DEMO_ADMIN_PASSWORD', 'bochum2015-demo')}")
    print("Its environment: set -a; . deploy/stack.env; .venv/bin/python manage.py ...   Stop: make stack-stop")
    return True


def down(quiet=False):
    for name in reversed(SERVICES):
        if pid_of(name) and not quiet:
            step(f"stopping {name}")
        stop(name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="action", required=True)
    up_parser = sub.add_parser("up", help="start the stack on a fresh database")
    up_parser.add_argument("--reuse", action="store_true", help="keep a running stack that answers")
    sub.add_parser("down", help="stop every service")
    sub.add_parser("status", help="list the services and their process ids")
    for action in ("start", "stop", "kill"):
        sub.add_parser(action, help=f"{action} one service").add_argument("name", choices=SERVICES)
    args = parser.parse_args(argv)
    if args.action == "up":
        up(reuse=args.reuse)
    elif args.action == "down":
        down()
    elif args.action == "status":
        for name, pid in running().items():
            print(f"{name:8} {pid or '-'}")
    else:
        {"start": start, "stop": stop, "kill": kill}[args.action](args.name)


if __name__ == "__main__":
    main()
