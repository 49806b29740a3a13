"""The production smoke test: Pelita installed as docs/operations.md says, used over HTTP.

A fresh PostgreSQL database is migrated, static files are collected, a small demo province
is loaded, and gunicorn (DJANGO_DEBUG=0, a real secret key) runs behind nginx configured
by the committed deploy/nginx/pelita.conf, which terminates TLS and serves the collected
static files itself. Every demo persona then logs in through the form and opens each page
its menu shows. It runs in the PostgreSQL pass of ``make test`` (skipped on SQLite).

Everything happens in one test so the installation is built once: under pytest-xdist the
tests of a module may land on different workers, each of which would build its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.roles import capabilities_of
from config.navigation import MENU
from demo.org import DEMO_PASSWORD, USERS
from tests.servers import (
    Gunicorn,
    HttpClient,
    Nginx,
    Response,
    drop_database,
    fresh_database_url,
    manage,
    production_env,
)

HASHED_STATIC = re.compile(r"^/static/.+\.[0-9a-f]{12}\.[A-Za-z0-9]+$")


@dataclass
class Site:
    env: dict[str, str]
    apps: list[Gunicorn]  # two app servers behind one upstream list, as docs/operations.md §11
    web: Nginx
    var_dir: Path
    database_url: str

    def client(self, **kwargs) -> HttpClient:
        return HttpClient(self.web.url, **kwargs)

    def logs(self) -> str:
        """The end of the servers' logs, for the message of a failed assertion."""
        return f"\n--- gunicorn ---\n{self.app_log()[-4000:]}\n--- nginx ---\n{self.web.error_log()[-1500:]}"

    def app_log(self) -> str:
        return "\n".join(app.log() for app in self.apps)


class _Page(HTMLParser):
    """The parts of a page the smoke test reads: menu entries, links, assets, headings."""

    def __init__(self, html: str):
        super().__init__()
        self.menu: dict[str, str] = {}  # data-nav name -> href
        self.active: list[str] = []
        self.links: list[str] = []
        self.assets: list[str] = []
        self.h1 = ""
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "data-nav" in attrs:
                self.menu[attrs["data-nav"]] = attrs["href"]
                if attrs.get("aria-current") == "page":
                    self.active.append(attrs["data-nav"])
        if tag in ("link", "script", "img"):
            src = attrs.get("href") or attrs.get("src")
            if src and src.startswith("/static/"):
                self.assets.append(src)
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def expected_menu(roles) -> list[str]:
    """The menu config/navigation.py promises a holder of ``roles`` (as NavEntry.shown_to)."""
    capabilities = capabilities_of(frozenset(roles))
    return [
        entry.name
        for entry in MENU
        if (entry.capability is None or entry.capability in capabilities)
        and (entry.roles is None or bool(entry.roles & frozenset(roles)))
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database_url = fresh_database_url("pelita_smoke")
    var_dir = tmp_path_factory.mktemp("var")
    env = production_env(database_url, var_dir)
    try:
        # The installation steps of docs/operations.md. collectstatic needs no database, so
        # it runs while migrate does.
        with ThreadPoolExecutor(max_workers=1) as pool:
            collected = pool.submit(manage, env, "collectstatic", "--no-input")
            manage(env, "migrate", "--no-input")
            collected.result()
        manage(env, "seed_demo", "--i-know-this-is-demo", "--pegawai", "60", "--seed", "7")
        with (
            Gunicorn(env, workers=1) as first,
            Gunicorn(env, workers=1) as second,
            Nginx([first.port, second.port], var_dir / "static") as web,
        ):
            yield Site(env, [first, second], web, var_dir, database_url)
    finally:
        drop_database(database_url)


def logged_in(site: Site, username: str) -> tuple[HttpClient, Response]:
    client = site.client()
    response = client.login(username, DEMO_PASSWORD)
    assert response.status == 200, f"{username}: login ended with {response.status}{site.logs()}"
    assert response.url.endswith(reverse("reports:dashboard")), f"{username} landed on {response.url}"
    return client, response


def assert_static_files_come_from_nginx_under_hashed_names(site: Site) -> None:
    login_page = site.client().get(reverse("accounts:login"))
    assets = _Page(login_page.text).assets
    assert assets, "the login page links no static file"
    for asset in assets:
        assert HASHED_STATIC.match(asset), f"{asset} is not a manifest (hashed) name"
        response = site.client().get(asset, headers={"Accept-Encoding": "gzip"})
        assert response.status == 200, f"{asset}: {response.status}"
        assert "immutable" in response.header("Cache-Control"), asset
        assert response.header("Strict-Transport-Security"), asset
        if asset.endswith(".css"):
            assert response.header("Content-Type").startswith("text/css")
            # The .gz collectstatic wrote beside the file is what nginx sends.
            assert response.header("Content-Encoding") == "gzip", asset
    # nginx answered them: gunicorn never saw a /static/ request.
    assert "/static/" not in site.app_log()
    # A name without its hash is not served by the application either.
    assert site.client().get("/static/no-such-file.css").status == 404


def assert_http_is_redirected_and_healthz_answers_on_both(site: Site) -> None:
    plain = HttpClient(site.web.http_url, forwarded_proto=None)
    redirect = plain.get(reverse("accounts:login"), follow=False)
    assert redirect.status == 301
    assert redirect.header("Location").startswith("https://")
    # A load balancer probes /healthz over plain HTTP; it must not be redirected.
    health = plain.get("/healthz", follow=False)
    assert health.status == 200 and '"database": "postgresql"' in health.text
    assert site.client().get("/healthz").status == 200


def assert_anonymous_visitor_sees_public_pages_and_nothing_else(site: Site) -> None:
    visitor = site.client()
    dashboard = visitor.get(reverse("reports:dashboard"), follow=False)
    assert dashboard.status == 302 and reverse("accounts:login") in dashboard.header("Location")

    catalogue = visitor.get(reverse("layanan:public_list"))
    assert catalogue.status == 200
    page = _Page(catalogue.text)
    services = sorted({link for link in page.links if re.fullmatch(r"/layanan/[a-z0-9-]+/", link)})
    services = [s for s in services if s not in (reverse("layanan:tracker"),)]
    assert len(services) >= 5, f"the public catalogue lists {services}"
    detail = visitor.get(services[0])
    assert detail.status == 200 and _Page(detail.text).h1.strip(), services[0]

    tracker = visitor.get(reverse("layanan:tracker"))
    assert tracker.status == 200 and "<form" in tracker.text


def assert_persona_opens_every_menu_entry(site: Site, username: str, roles) -> tuple[HttpClient, Response]:
    """Log in, then open each menu entry; return the logged-in client and the login's answer."""
    client, dashboard = logged_in(site, username)
    page = _Page(dashboard.text)
    assert list(page.menu) == expected_menu(roles), f"{username}'s menu"
    assert page.h1.strip().startswith("Selamat datang"), f"{username}'s dashboard: {page.h1!r}"
    for name, href in page.menu.items():
        response = client.get(href)
        assert response.status == 200, f"{username} → {href}: {response.status}{site.logs()}"
        opened = _Page(response.text)
        assert opened.h1.strip(), f"{username} → {href} has no heading"
        # The page rendered inside the site's frame and marks its own menu entry.
        assert opened.active == [name], f"{username} → {href} marks {opened.active}"
    return client, dashboard


def assert_main_pages_show_real_data(personas: dict[str, HttpClient]) -> None:
    admin = personas["admin"]
    employees = admin.get(reverse("people:pegawai_list"))
    details = [link for link in _Page(employees.text).links if re.fullmatch(r"/pegawai/\d+/", link)]
    assert len(details) >= 20, "the employee list shows too few employees"
    detail = admin.get(details[0])
    assert detail.status == 200
    assert re.search(r'data-testid="nip">[0-9 ]{18,21}<', detail.text), "an employee's page shows no NIP"

    mine = personas["pegawai.dinkes"].get(reverse("people:data_saya"))
    assert mine.status == 200 and "Andi Saputra" in mine.text

    inbox = personas["unit.pengolah"].get(reverse("layanan:inbox"))
    assert inbox.status == 200
    assert re.search(r"/layanan/permohonan/[^/\"]+/", inbox.text), "the inbox shows no request"

    jafung = admin.get(reverse("jafung:ranking"))
    opd_pages = [link for link in _Page(jafung.text).links if re.fullmatch(r"/jafung/opd/\d+/", link)]
    assert opd_pages, "the jafung ranking links no OPD"
    assert admin.get(opd_pages[0]).status == 200
    assert admin.get(reverse("jafung:types")).status == 200

    campaigns = admin.get(reverse("campaigns:campaign_list"))
    assert "LIKE ASN" in campaigns.text and "SI JAFUNG" in campaigns.text


def assert_cookies_are_secure_and_hsts_is_sent(login: Response) -> None:
    response = login
    cookies = {c.split("=", 1)[0]: c for c in response.set_cookies}
    assert {"sessionid", "csrftoken"} <= set(cookies), cookies
    assert "; Secure" in cookies["sessionid"] and "HttpOnly" in cookies["sessionid"]
    assert "; Secure" in cookies["csrftoken"]
    assert response.header("Strict-Transport-Security").startswith("max-age=31536000")
    assert "'unsafe-inline'" not in response.header("Content-Security-Policy")


def assert_client_address_is_read_through_nginx(site: Site) -> None:
    # The audit row of a login carries the client's address: through nginx and with
    # PELITA_TRUSTED_PROXIES=1 that is the second loopback client, not nginx itself
    # (a forged X-Forwarded-For from the client is not believed either).
    second = site.client(source_address=("127.0.0.2", 0))
    second.get(reverse("accounts:login"))
    second.post(
        reverse("accounts:login"),
        {"username": "helpdesk", "password": DEMO_PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    import psycopg

    with psycopg.connect(site.database_url) as conn:
        (address,) = conn.execute(
            "SELECT after->>'ip' FROM core_auditlog "
            "WHERE event = 'akun.masuk' AND actor_label = 'helpdesk' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert address == "127.0.0.2"


def test_a_fresh_production_install_serves_every_persona_through_nginx(site):
    assert_static_files_come_from_nginx_under_hashed_names(site)
    assert_http_is_redirected_and_healthz_answers_on_both(site)
    assert_anonymous_visitor_sees_public_pages_and_nothing_else(site)
    # Two personas at a time, one per app server, as real users arrive together.
    with ThreadPoolExecutor(max_workers=2) as pool:
        walks = {
            username: pool.submit(assert_persona_opens_every_menu_entry, site, username, roles)
            for username, _name, roles, _opd in USERS
        }
    personas = {username: walk.result()[0] for username, walk in walks.items()}
    logins = {username: walk.result()[1] for username, walk in walks.items()}
    assert_main_pages_show_real_data(personas)
    assert_cookies_are_secure_and_hsts_is_sent(logins["admin"])
    assert_client_address_is_read_through_nginx(site)

    # Both app servers answered (sessions live in the database, so either may serve anyone).
    for app in site.apps:
        assert app.log().count('"GET /') > 20, app.log()[-2000:]
    log = site.app_log()
    assert '" 500 ' not in log and "Traceback" not in log, log[-5000:]
    # nginx's only complaint is the missing file asked for on purpose.
    problems = [
        line
        for line in site.web.error_log().splitlines()
        if re.search(r"\[(error|crit|alert|emerg)\]", line) and "no-such-file.css" not in line
    ]
    assert not problems, "\n".join(problems)


def test_check_deploy_passes_with_the_documented_production_variables(tmp_path):
    # Checks read only the settings: no database is reached, so this runs in both passes.
    env = production_env("postgres://pelita@127.0.0.1:1/pelita", tmp_path)
    done = subprocess.run(
        [".venv/bin/python", "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


# --- The deployment files (no server and no database: these run in both passes) ---------

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def unit_commands() -> dict[str, list[str]]:
    """unit file name -> the manage.py commands its ExecStart lines run."""
    found = {}
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        lines = [line for line in unit.read_text().splitlines() if line.startswith("ExecStart=")]
        found[unit.name] = [m for line in lines for m in re.findall(r"manage\.py (\w+)", line)]
    return found


def test_every_command_a_systemd_unit_runs_exists():
    from django.core.management import get_commands

    commands = unit_commands()
    assert commands["pelita-worker.service"] == ["db_worker"]
    assert commands["pelita-check-sla.service"] == ["check_sla"]
    assert commands["pelita-reminders.service"] == ["send_campaign_reminders"]
    assert commands["pelita-backup.service"] == ["backup"]
    missing = {name for names in commands.values() for name in names} - set(get_commands())
    assert not missing, f"the units run commands that do not exist: {missing}"


def test_every_prune_command_runs_from_the_daily_prune_timer():
    from django.core.management import get_commands

    prunes = {name for name in get_commands() if name.startswith("prune_")}
    assert set(unit_commands()["pelita-prune.service"]) == prunes
    assert "OnCalendar=*-*-* 03:15" in (DEPLOY / "systemd" / "pelita-prune.timer").read_text()


def test_every_service_but_the_web_and_worker_has_a_timer():
    services = {p.stem for p in (DEPLOY / "systemd").glob("*.service")}
    timers = {p.stem for p in (DEPLOY / "systemd").glob("*.timer")}
    assert timers == services - {"pelita-web", "pelita-worker"}


@pytest.mark.skipif(not Path("/usr/bin/systemd-analyze").exists(), reason="needs systemd-analyze")
def test_the_systemd_units_are_valid(tmp_path):
    # verify also checks that each ExecStart program exists: point the units at this checkout.
    project = str(DEPLOY.parent)
    for unit in (DEPLOY / "systemd").iterdir():
        (tmp_path / unit.name).write_text(unit.read_text().replace("/srv/pelita/app", project))
    done = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def parse_environment_file(text: str) -> dict[str, str]:
    """KEY=value lines as systemd's EnvironmentFile= reads them (comments, double quotes)."""
    values = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().removeprefix('"').removesuffix('"')
    return values


def test_the_environment_file_sets_what_the_smoke_test_sets(tmp_path):
    text = (DEPLOY / "pelita.env.example").read_text()
    documented = parse_environment_file(text)
    tested = {
        key
        for key in production_env("postgres://pelita@127.0.0.1:1/pelita", tmp_path)
        if key.startswith(("DJANGO_", "PELITA_", "DATABASE_URL")) and key != "DJANGO_SETTINGS_MODULE"
    }
    assert set(documented) == tested
    # deploy/pelita-manage reads it as shell: both readings must agree.
    shell = subprocess.run(
        ["bash", "-c", 'set -a; . "$0"; set +a; env -0', str(DEPLOY / "pelita.env.example")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    from_shell = dict(item.split("=", 1) for item in shell.stdout.split("\0") if "=" in item)
    assert {key: from_shell[key] for key in documented} == documented
    # Every variable it sets is one .env.example documents.
    listed = set(re.findall(r"^# ([A-Z][A-Z0-9_]+)=", (DEPLOY.parent / ".env.example").read_text(), re.M))
    assert set(documented) <= listed


def test_the_nginx_site_file_is_accepted_by_nginx(tmp_path):
    from tests.servers import NGINX_BIN

    if not Path(NGINX_BIN).exists():
        pytest.skip("needs nginx (scripts/ensure-test-tools.sh installs it)")
    server = Nginx([8000, 8001], tmp_path)
    try:
        server.write_config()
        done = subprocess.run(
            [NGINX_BIN, "-t", "-p", str(server.dir), "-c", str(server.dir / "nginx.conf")],
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(server.dir, ignore_errors=True)
    assert done.returncode == 0, done.stderr


def test_every_periodic_command_the_guide_lists_is_run_by_a_unit():
    from django.core.management import get_commands

    guide = (DEPLOY.parent / "docs" / "operations.md").read_text()
    table = guide[guide.index("### Periodic commands") : guide.index("### Mail")]
    # Every row but the yearly one, which an Admin runs by hand (load_holidays YEAR).
    rows = [row for row in table.splitlines() if row.startswith("| ") and "yearly" not in row]
    listed = {name for row in rows for name in re.findall(r"`(?:manage\.py )?([a-z_]+)", row)}
    listed &= set(get_commands())
    assert {"check_sla", "expire_stuck_jobs", "backup"} <= listed
    run = {name for names in unit_commands().values() for name in names}
    assert listed <= run, f"the guide lists as periodic, but no unit runs: {listed - run}"
