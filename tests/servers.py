"""Real servers for tests that must see Pelita as production runs it.

Other test modules import this harness; it starts nothing on import. The pieces:

- ``free_port()``: a TCP port on 127.0.0.1 nobody listens on right now.
- ``fresh_database_url(name)`` / ``drop_database(url)``: a new empty PostgreSQL database
  on the cluster of the current ``DATABASE_URL`` (the PostgreSQL pass of ``make test``);
  the test is skipped when ``DATABASE_URL`` is not PostgreSQL (the SQLite pass).
- ``production_env(database_url, var_dir, **extra)``: the environment of a production
  process: the variables of deploy/pelita.env.example, which docs/operations.md tells an
  administrator to set (tests/test_production.py checks that the two name the same ones).
- ``manage(env, *args)``: ``manage.py`` in a subprocess with that environment.
- ``Gunicorn(env)``: ``gunicorn config.wsgi`` on a free port, stopped by its own PID.
- ``DbWorker(env, log_path, *args)``: ``manage.py db_worker``, the task queue's worker.
- ``Nginx(upstream_ports, static_root)``: the committed site file deploy/nginx/pelita.conf,
  with its documented EDIT values replaced, served by a private nginx master.
- ``HttpClient(base_url)``: a tiny cookie- and CSRF-aware HTTP client on http.client
  that can pick its source address, so one test can act as two clients.

Every process is started by the test, on 127.0.0.1, and ended by its own PID; nothing
reaches the internet.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"
NGINX_SITE = PROJECT / "deploy" / "nginx" / "pelita.conf"
NGINX_BIN = shutil.which("nginx") or "/usr/sbin/nginx"

# The host names the test servers answer to. The nginx site file names the real host
# (pelita.bkd.example.go.id); the harness keeps it and talks to 127.0.0.1, which nginx
# serves as the default (first) server of each port.
TEST_HOSTS = "127.0.0.1,localhost"


def free_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- PostgreSQL -----------------------------------------------------------------------


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL (DATABASE_URL); runs in the PostgreSQL pass of make test")
    return url


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin_connection(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def fresh_database_url(name: str) -> str:
    """Create a new, empty database on the cluster of DATABASE_URL and return its URL.

    The database is called ``<name>_<random>`` so parallel test workers and the leftovers
    of an interrupted run never collide. The caller drops it with ``drop_database``.
    Skips the test when DATABASE_URL is not PostgreSQL.
    """
    url = _postgres_url()
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}", name):
        raise ValueError(f"database name prefix must be lower-case letters, digits, _: {name!r}")
    database = f"{name}_{uuid.uuid4().hex[:10]}"
    with _admin_connection(url) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    return _with_database(url, database)


def drop_database(database_url: str) -> None:
    """Drop a database made by fresh_database_url (closing any connection left on it)."""
    database = urlsplit(database_url).path.lstrip("/")
    with _admin_connection(_with_database(database_url, "postgres")) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


# --- Environment and manage.py --------------------------------------------------------


def production_env(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    """os.environ plus the production variables docs/operations.md documents.

    ``extra`` adds or overrides variables (e.g. ``PELITA_EMAIL_PORT`` of a test's own mail
    server). The DJANGO_*, PELITA_*, DATABASE_URL and DB_* variables of the calling shell
    are dropped first. ``PELITA_TRUSTED_PROXIES=1`` is right behind the Nginx below, and
    harmless for a Gunicorn reached directly: a request without X-Forwarded-For is keyed
    on its own address (core.clients).
    """
    # Only the variables set here (and in ``extra``) configure Pelita: a developer's own
    # DJANGO_*/PELITA_* variables must not leak into a production-like process.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PELITA_", "DATABASE_URL", "DB_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            # A real random key, as `python -c "import secrets; print(secrets.token_urlsafe(50))"`
            # makes it in the guide (67 characters; check --deploy wants 50+).
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": TEST_HOSTS,
            "DJANGO_CSRF_TRUSTED_ORIGINS": ",".join(f"https://{h}" for h in TEST_HOSTS.split(",")),
            "DATABASE_URL": database_url,
            "PELITA_VAR_DIR": str(var_dir),
            "PELITA_TRUSTED_PROXIES": "1",
            "PELITA_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
            "PELITA_BASE_URL": "https://127.0.0.1",
            # Production sends mail over SMTP (the console backend fails check --deploy).
            # Nothing listens on this port: notifications are sent with fail_silently, so
            # they are dropped; a test that reads mail points these at its own server.
            "PELITA_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "PELITA_EMAIL_HOST": "127.0.0.1",
            "PELITA_EMAIL_PORT": str(free_port()),
            "PELITA_FROM_EMAIL": "Pelita <pelita@bkd.example.go.id>",
            "PELITA_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(
    env: dict[str, str], *args: str, input: str | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run ``.venv/bin/python manage.py ARGS`` in the project; raise with its output on failure."""
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=PROJECT,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} exited with {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
        )
    return result


# --- Processes ------------------------------------------------------------------------


class _Process:
    """A child process whose output goes to a file (a pipe could fill up and block it)."""

    name = "process"

    def _start(self, argv: list[str], env: dict[str, str] | None, log_path: Path) -> None:
        self._log_path = log_path
        self._log_file = open(log_path, "wb")  # noqa: SIM115 -- closed in _stop
        self.process = subprocess.Popen(
            argv, cwd=PROJECT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT
        )

    def log(self) -> str:
        """Everything the process has written to stdout and stderr so far."""
        return self._log_path.read_text(errors="replace")

    def _stop(self, sig: int = signal.SIGTERM, grace: float = 15) -> None:
        # Only our own child, by its PID.
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log_file.close()

    def _wait_until(self, ready, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._stop()
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log()}")
            if ready():
                return
            time.sleep(0.1)
        self._stop()
        raise RuntimeError(f"{self.name} did not {what} within {timeout} s:\n{self.log()}")


class DbWorker(_Process):
    """``manage.py db_worker`` with ``env``, as the worker's systemd unit runs it; output in ``log_path``.

    Started at once; ``stop()`` (or leaving the ``with`` block) ends it by its own PID,
    ``kill()`` sends it SIGKILL, the death of a worker mid-task.
    """

    name = "db_worker"

    def __init__(self, env: dict[str, str], log_path: Path, *args: str):
        self._start([str(PYTHON), "manage.py", "db_worker", "--no-startup-delay", *args], env, log_path)

    def __enter__(self) -> DbWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)  # our own child, by its PID
        self.process.wait(10)

    def stop(self) -> None:
        self._stop(grace=10)


def _answers(port: int, path: str, *, tls: bool = False) -> bool:
    try:
        conn = _connection("https" if tls else "http", "127.0.0.1", port, timeout=2)
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        status = conn.getresponse().status
        conn.close()
        return status == 200
    except OSError:
        return False


class Gunicorn(_Process):
    """``gunicorn config.wsgi`` with ``env`` on 127.0.0.1, as the systemd unit runs it.

    >>> with Gunicorn(env) as app:
    ...     HttpClient(app.url).get("/healthz")
    """

    name = "gunicorn"

    def __init__(self, env: dict[str, str], port: int | None = None, workers: int = 2):
        self.env = env
        self.port = port or free_port()
        self.workers = workers
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        self._dir = Path(tempfile.mkdtemp(prefix="pelita-gunicorn-"))
        try:
            self._launch()
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise
        return self

    def _launch(self) -> None:
        self._start(
            [
                str(GUNICORN),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--no-control-socket",
                "--access-logfile",
                "-",
                "--error-logfile",
                "-",
                "--graceful-timeout",
                "5",
            ],
            self.env,
            self._dir / "gunicorn.log",
        )
        self._wait_until(lambda: _answers(self.port, "/healthz"), 60, "answer /healthz")

    def __exit__(self, *exc) -> None:
        self._stop()
        shutil.rmtree(self._dir, ignore_errors=True)


# The values deploy/nginx/pelita.conf ships with, each on a line marked "# EDIT", and what
# the harness puts in their place. A changed site file fails here loudly, not silently.
def _render_site(
    text: str, *, upstream_ports: list[int], static_root: Path, http_port: int, https_port: int, root: Path
) -> str:
    upstreams = "\n".join(f"    server 127.0.0.1:{port};" for port in upstream_ports)
    replacements = [
        ("    server 127.0.0.1:8000;", upstreams),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        # The test machine may have no IPv6; the IPv4 listener above is the one tested.
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
        ("/etc/letsencrypt/live/pelita.bkd.example.go.id/fullchain.pem", str(root / "cert.pem")),
        ("/etc/letsencrypt/live/pelita.bkd.example.go.id/privkey.pem", str(root / "key.pem")),
        ("/srv/pelita/var/static/", f"{static_root}/"),
        ("/var/log/nginx/", f"{root}/logs/"),
        ("/var/www/html", str(root / "acme")),
    ]
    for old, new in replacements:
        if old not in text:
            raise AssertionError(
                f"deploy/nginx/pelita.conf no longer contains {old!r}; update tests/servers.py"
            )
        text = text.replace(old, new)
    return text


def _self_signed_certificate(root: Path) -> None:
    # A throwaway certificate for 127.0.0.1, made locally by openssl (no network).
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(root / "key.pem"),
            "-out",
            str(root / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )


class Nginx(_Process):
    """The committed nginx site in front of ``upstream_ports``, serving ``static_root``.

    It terminates TLS with a throwaway self-signed certificate (``.url`` is https) and
    redirects plain HTTP (``.http_url``) as in production. Its pid, logs and temp files
    live in a private directory, so no system nginx is touched.
    """

    name = "nginx"

    def __init__(self, upstream_ports: list[int], static_root: Path, port: int | None = None):
        self.upstream_ports = list(upstream_ports)
        self.static_root = Path(static_root)
        self.port = port or free_port()
        self.http_port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.http_url = f"http://127.0.0.1:{self.http_port}"
        self.dir: Path | None = None  # made by write_config, removed on exit

    def write_config(self) -> None:
        """Render the site file and a main nginx.conf into ``self.dir`` (done by ``with``)."""
        self.dir = root = Path(tempfile.mkdtemp(prefix="pelita-nginx-"))
        for sub in ("logs", "temp", "acme"):
            (root / sub).mkdir()
        _self_signed_certificate(root)
        site = _render_site(
            NGINX_SITE.read_text(),
            upstream_ports=self.upstream_ports,
            static_root=self.static_root,
            http_port=self.http_port,
            https_port=self.port,
            root=root,
        )
        (root / "pelita.conf").write_text(site)
        # The part of Debian's /etc/nginx/nginx.conf the site file relies on, with every
        # path inside our directory. As root, the workers run as root too so they can read
        # the test's private (0700) temporary directories.
        user = "user root root;" if os.geteuid() == 0 else ""
        (root / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/logs/error.log info;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {root}/logs/access.log;
    client_body_temp_path {root}/temp/body;
    proxy_temp_path {root}/temp/proxy;
    fastcgi_temp_path {root}/temp/fastcgi;
    uwsgi_temp_path {root}/temp/uwsgi;
    scgi_temp_path {root}/temp/scgi;
    include {root}/pelita.conf;
}}
"""
        )

    def __enter__(self) -> Nginx:
        try:
            self._launch()
        except BaseException:
            if self.dir is not None:
                shutil.rmtree(self.dir, ignore_errors=True)
            raise
        return self

    def _launch(self) -> None:
        self.write_config()
        test = subprocess.run(
            [NGINX_BIN, "-t", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t refused the rendered site:\n{test.stderr}")
        self._start(
            [NGINX_BIN, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"],
            None,
            self.dir / "stdout.log",
        )
        self._wait_until(lambda: _answers(self.port, "/healthz", tls=True), 30, "answer /healthz over TLS")

    def error_log(self) -> str:
        path = self.dir / "logs" / "pelita.error.log"
        main = self.dir / "logs" / "error.log"
        return "".join(p.read_text(errors="replace") for p in (main, path) if p.exists())

    def access_log(self) -> str:
        path = self.dir / "logs" / "pelita.access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def __exit__(self, *exc) -> None:
        # SIGQUIT: nginx's graceful shutdown of its own master (which ends its workers).
        self._stop(signal.SIGQUIT, grace=10)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- HTTP -----------------------------------------------------------------------------


def _connection(scheme: str, host: str, port: int, *, timeout: float = 30, source_address=None):
    if scheme == "https":
        # The test certificate is self-signed: encrypt, but do not verify it.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return http.client.HTTPSConnection(
            host, port, timeout=timeout, source_address=source_address, context=context
        )
    return http.client.HTTPConnection(host, port, timeout=timeout, source_address=source_address)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    url: str
    history: list[Response] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def set_cookies(self) -> list[str]:
        """Every raw Set-Cookie header of this response and the redirects before it."""
        found = []
        for response in [*self.history, self]:
            found.extend(response.headers.get_all("Set-Cookie") or [])
        return found


class HttpClient:
    """One client: keeps its cookies, sends the CSRF token, can choose its source address.

    It sends ``X-Forwarded-Proto: https`` as a TLS-terminating proxy would, so a gunicorn
    reached directly treats the request as secure; nginx replaces that header with its own.
    ``source_address=("127.0.0.2", 0)`` makes this client a second address on loopback.
    """

    def __init__(self, base_url: str, *, source_address=None, forwarded_proto: str | None = "https"):
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.source_address = source_address
        self.forwarded_proto = forwarded_proto
        self.cookies: dict[str, str] = {}

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        parts = urlsplit(urljoin(self.base_url + "/", url))
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        conn = _connection(parts.scheme, parts.hostname, parts.port, source_address=self.source_address)
        sent = {"Host": f"{parts.hostname}:{parts.port}", "Accept-Language": "id"}
        if self.forwarded_proto:
            sent["X-Forwarded-Proto"] = self.forwarded_proto
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers)
        try:
            conn.request(method, target, body=body, headers=sent)
            raw = conn.getresponse()
            response = Response(raw.status, raw.headers, raw.read(), urlunsplit(parts))
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def _follow(self, response: Response, follow: bool) -> Response:
        history = []
        while follow and response.status in (301, 302, 303, 307, 308) and len(history) < 10:
            history.append(response)
            response = self._request("GET", urljoin(response.url, response.header("Location")), None, {})
        response.history = history
        return response

    def get(self, path: str, *, follow: bool = True, headers: dict[str, str] | None = None) -> Response:
        return self._follow(self._request("GET", path, None, headers or {}), follow)

    def post(
        self, path: str, data: dict[str, str] | None = None, *, follow: bool = True, headers=None
    ) -> Response:
        """POST a form with the CSRF cookie's token, from a page of this same site."""
        fields = dict(data or {})
        if "csrftoken" in self.cookies:
            fields.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"])
        origin = f"{self.scheme}://{self.host}:{self.port}"
        sent = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": urljoin(origin + "/", path),
            "Origin": origin,
            **(headers or {}),
        }
        return self._follow(self._request("POST", path, urlencode(fields).encode(), sent), follow)

    def post_body(
        self, path: str, body: bytes, content_type: str, *, follow: bool = False, headers=None
    ) -> Response:
        """POST raw bytes (a chunk, a multipart body) with the CSRF token in X-CSRFToken."""
        origin = f"{self.scheme}://{self.host}:{self.port}"
        sent = {
            "Content-Type": content_type,
            "Referer": urljoin(origin + "/", path),
            "Origin": origin,
            **({"X-CSRFToken": self.cookies["csrftoken"]} if "csrftoken" in self.cookies else {}),
            **(headers or {}),
        }
        return self._follow(self._request("POST", path, body, sent), follow)

    def login(self, username: str, password: str, path: str = "/akun/masuk/") -> Response:
        """Log in through the real form (GET it for the CSRF cookie, then POST)."""
        self.get(path)
        return self.post(path, {"username": username, "password": password})


def http_get(url: str, **kwargs) -> Response:
    """One GET with a fresh client (no cookies kept)."""
    parts = urlsplit(url)
    client = HttpClient(f"{parts.scheme}://{parts.netloc}", **kwargs)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""))


def http_post(url: str, data: dict[str, str] | None = None, **kwargs) -> Response:
    """One POST with a fresh client (no CSRF token: for views that need none)."""
    parts = urlsplit(url)
    client = HttpClient(f"{parts.scheme}://{parts.netloc}", **kwargs)
    return client.post(parts.path + (f"?{parts.query}" if parts.query else ""), data)
