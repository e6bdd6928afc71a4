"""The production settings as `make stack` runs them: on 127.0.0.1 over plain HTTP, with the demo's
users. Everything else – PostgreSQL, Redis, S3, the task queue, the front cache – comes from the
environment (deploy/stack.env) exactly as it would in production."""

from .production import *  # noqa: F403

# No TLS on the loopback stack: cookies over HTTP, no redirect to HTTPS, no HSTS, no upgrade of
# the page's requests to https:// (nothing would answer there).
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
CONTENT_SECURITY_POLICY["DIRECTIVES"].pop("upgrade-insecure-requests", None)  # noqa: F405

# A local stack for trying the site out: `load_demo_content` creates the demo's users.
DEMO_USERS = True
