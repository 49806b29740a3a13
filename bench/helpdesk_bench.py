"""The public helpdesk against django-helpdesk, measured in the same run on this machine.

Run: ``.venv/bin/python bench/helpdesk_bench.py [--tickets 100000] [--submissions 600]
[--clients 20] [--samples 40] [--dh-venv /tmp/dh-venv] [--pg-port 55443]``.

The anchor is django-helpdesk (the Django helpdesk people install), in a virtual environment
of its own with the Django version it supports (``--dh-venv``: made with ``python3 -m venv``
and ``pip install django-helpdesk gunicorn "psycopg[binary]"`` when it does not exist). Both
systems get the same treatment:

* one throwaway PostgreSQL cluster (scripts/pg-throwaway.sh), a database each, migrated;
* gunicorn with 3 sync workers on 127.0.0.1, DEBUG on in both (Pelita's production settings
  demand HTTPS cookies, which a plain-HTTP load client cannot send back);
* **submission throughput**: ``--clients`` concurrent clients (threads, one cookie jar each)
  each fetching the public form and posting a ticket, ``--submissions`` tickets in all;
  tickets/s over the wall time. Pelita's form carries its real captcha: the client reads the
  answer of its picture from the database, as a person reads the picture (django-helpdesk's
  public form has none). Pelita's rate limits are raised for the run;
* **operator queue p95**: with ``--tickets`` tickets in the database (10% open), ``--samples``
  sequential loads of the queue's first page as a logged-in operator after five warm-up
  loads. Pelita's queue renders its rows in the page; django-helpdesk's ticket list fetches
  them from its datatables JSON endpoint, so one sample there is the page plus that call.

Prints both systems' figures and the ratios. A benchmark, not a test (not part of make test).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import p95

ROOT = Path(__file__).resolve().parent.parent
PELITA_PY = ROOT / ".venv" / "bin" / "python"
PASSWORD = "Bench#Helpdesk2026"

DH_SETTINGS = """
from pathlib import Path
import os
BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "bench-only"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
    "django.contrib.sites", "django.contrib.humanize", "rest_framework", "helpdesk",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "dhbench.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.debug", "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth", "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql", "NAME": "dh", "USER": "postgres",
    "HOST": "127.0.0.1", "PORT": os.environ["DH_PG_PORT"], "CONN_MAX_AGE": 600,
}}
SITE_ID = 1
STATIC_URL = "static/"
MEDIA_ROOT = os.environ["DH_MEDIA"]
USE_TZ = True
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/helpdesk/"
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
HELPDESK_SUBMIT_A_TICKET_PUBLIC = True
# Teams need pinax-teams, which the basic installation does not have.
HELPDESK_TEAMS_MODE_ENABLED = False
"""

DH_URLS = """
from django.contrib.auth import views as auth_views
from django.urls import include, path
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="helpdesk/registration/login.html"), name="login"),
    path("helpdesk/", include("helpdesk.urls", namespace="helpdesk")),
]
"""

DH_WSGI = """
import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dhbench.settings")
application = get_wsgi_application()
"""

# Run inside each system's own interpreter, after django.setup().
DH_FILL = """
import datetime as dt, random
from django.contrib.auth import get_user_model
from django.utils import timezone
from helpdesk.models import Queue, Ticket
queue, _ = Queue.objects.get_or_create(slug="sscn", defaults={"title": "Helpdesk SSCN", "allow_public_submission": True})
User = get_user_model()
if not User.objects.filter(username="operator").exists():
    User.objects.create_superuser("operator", "operator@example.org", PASSWORD)
rng = random.Random(2026)
now = timezone.now()
batch = []
for n in range(TICKETS):
    created = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    status = Ticket.OPEN_STATUS if n % 10 == 0 else Ticket.CLOSED_STATUS
    batch.append(Ticket(title=f"Tiket {n}", queue=queue, created=created, modified=created, status=status,
                        submitter_email=f"pelamar{n}@example.org", description="NIK saya tidak ditemukan.", priority=3))
    if len(batch) == 5000:
        Ticket.objects.bulk_create(batch); batch = []
Ticket.objects.bulk_create(batch)
print(queue.pk)
"""

PELITA_FILL = """
import datetime as dt, random, secrets
from accounts.users.actions import do_create_user
from accounts.models import User
from accounts.roles import Role
from helpdesk.catalogue.actions import do_seed_helpdesk
from helpdesk.models import ProblemType, Ticket
from helpdesk.tickets.rules import ALPHABET, PREFIX
from django.utils import timezone
do_seed_helpdesk(actor=None)
if not User.objects.filter(username="operator").exists():
    do_create_user(username="operator", name="Operator Bench", password=PASSWORD,
                   roles=[Role.OPERATOR_HELPDESK], opd=None, actor=None)
types = list(ProblemType.objects.filter(audience="publik"))
rng = random.Random(2026)
now = timezone.now()
numbers = set()
batch = []
for n in range(TICKETS):
    received = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    number = PREFIX + "".join(rng.choice(ALPHABET) for _ in range(8))
    if number in numbers:
        continue
    numbers.add(number)
    kind = types[n % len(types)]
    open_ = n % 10 == 0
    batch.append(Ticket(number=number, problem_type=kind, team_id=kind.team_id, name=f"Pelamar {n}",
                        email=f"pelamar{n}@example.org", question="NIK saya tidak ditemukan.",
                        status="diterima" if open_ else "ditutup", received_at=received,
                        due_at=received + dt.timedelta(days=2),
                        closed_at=None if open_ else received + dt.timedelta(days=1)))
    if len(batch) == 5000:
        Ticket.objects.bulk_create(batch); batch = []
Ticket.objects.bulk_create(batch)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, env, cwd=ROOT, quiet=True):
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def python_in(python, code: str, env, cwd, settings: str, **values) -> str:
    prelude = (
        f"import django, os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', {settings!r})\ndjango.setup()\n"
    )
    consts = "".join(f"{k} = {v!r}\n" for k, v in values.items())
    return run([python, "-c", prelude + consts + textwrap.dedent(code)], env, cwd)


class Server:
    """gunicorn with 3 sync workers, started and stopped by this bench."""

    def __init__(self, gunicorn, app: str, env, cwd):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [gunicorn, app, "-w", "3", "-b", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"{app} did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)


class Browser:
    """One client: a cookie jar, forms read from the HTML, redirects followed."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl()

    def field(self, html: str, name: str) -> str:
        match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
            rf'value="([^"]*)" name="{name}"', html
        )
        if not match:
            raise SystemExit(f"no field {name} on the page")
        return match[1]

    def login(self, path: str, username: str) -> None:
        html = self.get(path)
        self.post(
            path,
            {
                "csrfmiddlewaretoken": self.field(html, "csrfmiddlewaretoken"),
                "username": username,
                "password": PASSWORD,
            },
        )


def throughput(submit, clients: int, total: int) -> float:
    """Tickets per second: ``clients`` threads submitting ``total`` tickets between them."""
    counter = iter(range(total))
    lock = threading.Lock()

    def worker():
        done = 0
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return done
            submit(n)
            done += 1

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        sent = sum(pool.map(lambda _: worker(), range(clients)))
    return sent / (time.perf_counter() - started)


def samples_of(load, count: int) -> list[float]:
    for _ in range(5):
        load()
    out = []
    for _ in range(count):
        started = time.perf_counter()
        load()
        out.append((time.perf_counter() - started) * 1000)
    return out


def pelita(args, pg_url: str, tmp: Path) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": f"{pg_url.rsplit('/', 1)[0]}/pelita",
        "DJANGO_DEBUG": "1",
        "PELITA_VAR_DIR": str(tmp / "pelita-var"),
        "PELITA_HELPDESK_PER_ADDRESS_HOUR": "10000000",
        "PELITA_HELPDESK_GLOBAL_HOUR": "10000000",
        "PELITA_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    run([PELITA_PY, "manage.py", "migrate", "-v", "0"], env)
    python_in(PELITA_PY, PELITA_FILL, env, ROOT, "config.settings", TICKETS=args.tickets, PASSWORD=PASSWORD)
    server = Server(ROOT / ".venv" / "bin" / "gunicorn", "config.wsgi", env, ROOT)
    import psycopg

    answers = psycopg.connect(env["DATABASE_URL"], autocommit=True)
    answers_lock = threading.Lock()
    local = threading.local()
    path = "/bantuan/tanya/lupa-password/"
    try:

        def submit(n):
            if not hasattr(local, "browser"):
                local.browser = Browser(server.url)
            b = local.browser
            html = b.get(path)
            key = b.field(html, "captcha_0")
            with answers_lock:
                answer = answers.execute(
                    "SELECT response FROM captcha_captchastore WHERE hashkey = %s", [key]
                ).fetchone()[0]
            _status, url = b.post(
                path,
                {
                    "csrfmiddlewaretoken": b.field(html, "csrfmiddlewaretoken"),
                    "name": f"Pelamar {n}",
                    "email": f"bench{n}@example.org",
                    "question": "Saya lupa password.",
                    "isian_nik": "6171015508990001",
                    "captcha_0": key,
                    "captcha_1": answer,
                },
            )
            if not url.endswith("/bantuan/terkirim/"):
                raise SystemExit(f"Pelita refused a ticket (ended at {url})")

        rate = throughput(submit, args.clients, args.submissions)
        operator = Browser(server.url)
        operator.login("/akun/masuk/", "operator")
        if "data-number=" not in operator.get("/bantuan/antrian/"):
            raise SystemExit("Pelita's queue shows no tickets")
        queue = samples_of(lambda: operator.get("/bantuan/antrian/"), args.samples)
    finally:
        answers.close()
        server.stop()
    return {"rate": rate, "queue_p95": p95(queue), "queue_median": sorted(queue)[len(queue) // 2]}


def django_helpdesk(args, pg_url: str, tmp: Path) -> dict:
    venv = Path(args.dh_venv)
    if not (venv / "bin" / "python").exists():
        run(
            [sys.executable if shutil.which("python3") is None else "python3", "-m", "venv", str(venv)],
            os.environ,
        )
        run(
            [venv / "bin" / "pip", "install", "-q", "django-helpdesk", "gunicorn", "psycopg[binary]"],
            os.environ,
        )
    project = tmp / "dh"
    (project / "dhbench").mkdir(parents=True)
    (project / "dhbench" / "__init__.py").write_text("")
    (project / "dhbench" / "settings.py").write_text(DH_SETTINGS)
    (project / "dhbench" / "urls.py").write_text(DH_URLS)
    (project / "dhbench" / "wsgi.py").write_text(DH_WSGI)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH")},
        "DJANGO_SETTINGS_MODULE": "dhbench.settings",
        "DH_PG_PORT": str(args.pg_port),
        "DH_MEDIA": str(tmp / "dh-media"),
        "PYTHONPATH": str(project),
    }
    python = venv / "bin" / "python"
    run([python, "-m", "django", "migrate", "-v", "0"], env, cwd=project)
    queue_id = python_in(
        python, DH_FILL, env, project, "dhbench.settings", TICKETS=args.tickets, PASSWORD=PASSWORD
    )
    queue_id = queue_id.strip().splitlines()[-1]
    version = run(
        [
            python,
            "-c",
            "import django, importlib.metadata as m; "
            "print(m.version('django-helpdesk'), django.get_version())",
        ],
        env,
        cwd=project,
    ).split()
    server = Server(venv / "bin" / "gunicorn", "dhbench.wsgi", env, project)
    local = threading.local()
    path = "/helpdesk/tickets/submit/"
    try:

        def submit(n):
            if not hasattr(local, "browser"):
                local.browser = Browser(server.url)
            b = local.browser
            html = b.get(path)
            _status, url = b.post(
                path,
                {
                    "csrfmiddlewaretoken": b.field(html, "csrfmiddlewaretoken"),
                    "queue": queue_id,
                    "title": f"Lupa password {n}",
                    "body": "Saya lupa password.",
                    "submitter_email": f"bench{n}@example.org",
                    "priority": "3",
                },
            )
            if url.rstrip("/").endswith("/submit"):
                raise SystemExit("django-helpdesk refused a ticket")

        rate = throughput(submit, args.clients, args.submissions)
        operator = Browser(server.url)
        operator.login("/login/", "operator")
        page = operator.get("/helpdesk/tickets/")
        data_url = re.search(r"(/helpdesk/datatables_ticket_list/[A-Za-z0-9_=-]+)", page)
        if not data_url:
            raise SystemExit("django-helpdesk's ticket list has no datatables URL")
        data = data_url[1] + "?draw=1&start=0&length=25&order%5B0%5D%5Bcolumn%5D=0&order%5B0%5D%5Bdir%5D=desc"
        if '"recordsTotal"' not in operator.get(data):
            raise SystemExit("django-helpdesk's ticket data did not load")

        def load():
            operator.get("/helpdesk/tickets/")
            operator.get(data)

        queue = samples_of(load, args.samples)
    finally:
        server.stop()
    return {
        "rate": rate,
        "queue_p95": p95(queue),
        "queue_median": sorted(queue)[len(queue) // 2],
        "version": f"django-helpdesk {version[0]} on Django {version[1]}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--submissions", type=int, default=600)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--dh-venv", default="/tmp/dh-venv")
    parser.add_argument("--pg-port", type=int, default=55443)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="helpdesk-bench-") as tmp:
        tmp = Path(tmp)
        # Beside the temporary folder, not in it: the cluster runs as postgres, which cannot
        # enter a folder that only root may read.
        cluster = Path(f"/tmp/pg-helpdesk-bench-{args.pg_port}")
        pg_url = run(
            ["bash", ROOT / "scripts" / "pg-throwaway.sh", "start", cluster, str(args.pg_port)], os.environ
        ).strip()
        try:
            base = pg_url.rsplit("/", 1)[0]
            for name in ("pelita", "dh"):
                run(["psql", f"{base}/postgres", "-qc", f"CREATE DATABASE {name}"], os.environ)
            started = time.perf_counter()
            ours = pelita(args, pg_url, tmp)
            anchor = django_helpdesk(args, pg_url, tmp)
            spent = time.perf_counter() - started
        finally:
            run(["bash", ROOT / "scripts" / "pg-throwaway.sh", "stop", cluster], os.environ)
    print(
        f"Helpdesk bench: {args.tickets:,} tickets, {args.submissions} submissions by {args.clients} clients, "
        f"gunicorn -w 3, PostgreSQL; anchor {anchor['version']} ({spent:.0f} s)"
    )
    print(
        f"  submission throughput  Pelita {ours['rate']:7.1f} tickets/s   django-helpdesk {anchor['rate']:7.1f} "
        f"tickets/s   ratio {ours['rate'] / anchor['rate']:.2f}x (higher is better for Pelita)"
    )
    print(
        f"  operator queue p95     Pelita {ours['queue_p95']:7.1f} ms        django-helpdesk "
        f"{anchor['queue_p95']:7.1f} ms        ratio {anchor['queue_p95'] / ours['queue_p95']:.2f}x "
        f"(django-helpdesk / Pelita; median {ours['queue_median']:.1f} vs {anchor['queue_median']:.1f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
