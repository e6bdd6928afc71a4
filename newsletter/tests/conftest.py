from .smtp import smtp_server  # noqa: F401 - the SMTP server fixture of the e-mail tests
