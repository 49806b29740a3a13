"""Shared test fixtures: the fixed cast of personas, fast hashing, and real Chromium.

Personas are built through the same actions the application uses, so every test starts
from state the app itself could have produced.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Hypothesis fails an example that takes over 200 ms: on a loaded 2-core machine (the suite
# runs on both cores) that measures the machine, not the rule under test.
hypothesis_settings.register_profile("pelita", deadline=None)
hypothesis_settings.load_profile("pelita")

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to
# run inside one unless told it is safe (it is: the loop is idle while the test runs).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).parent / "test-artifacts"
PASSWORD = "Rahasia#Uji2026"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _django_test_settings(request):
    # The pure regulations tests also run without Django (-p no:django): nothing to set then.
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.test import override_settings

    # Not the `settings` fixture: a test may use that name for a parameter of its own.
    # Argon2 is deliberately slow and tests create many users; the production setting is
    # checked in core/tests/test_settings.py.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    ):
        yield


@dataclass
class Cast:
    """The fixed cast. ``opd_a``/``opd_b`` are two OPDs of one instansi."""

    instansi: object
    opd_a: object
    opd_b: object
    admin: object
    operator_a: object
    operator_b: object
    pegawai_a: object
    unit_pengolah: object
    kepala_badan: object
    operator_helpdesk: object

    def persona(self, name: str):
        return None if name == "anonymous" else getattr(self, name)


PERSONAS = (
    "admin",
    "operator_a",
    "operator_b",
    "pegawai_a",
    "unit_pengolah",
    "kepala_badan",
    "operator_helpdesk",
    "anonymous",
)


def ensure_reference_tables() -> None:
    """Reference rows come from a data migration; the flush after a transactional (browser)
    test empties them, and serialized_rollback cannot restore them once Playwright's event
    loop has given the test a fresh connection. Reload them when they are missing."""
    from people.models import Golongan, JabatanFungsional
    from people.reference.actions import sync_reference_tables

    if not Golongan.objects.exists():
        sync_reference_tables(Golongan, JabatanFungsional)


def build_cast() -> Cast:
    from accounts.roles import Role
    from accounts.users.actions import do_create_user
    from org.models import Instansi
    from org.units.actions import do_create_instansi, do_create_opd, do_create_unit, do_set_office_week
    from regulations.sla import DEFAULT_OFFICE_HOURS

    ensure_reference_tables()
    instansi = do_create_instansi(
        actor=None,
        code="9900",
        name="Pemerintah Provinsi Uji",
        kind=Instansi.Kind.PROVINSI,
        time_zone=Instansi.TimeZone.WIB,
    )
    do_set_office_week(instansi, DEFAULT_OFFICE_HOURS, actor=None)
    bkd = do_create_opd(
        actor=None, instansi=instansi, code="07", name="Badan Kepegawaian Daerah", short_name="BKD"
    )
    opd_a = do_create_opd(
        actor=None, instansi=instansi, code="13", name="Dinas Kesehatan", short_name="Dinkes"
    )
    opd_b = do_create_opd(
        actor=None, instansi=instansi, code="24", name="Dinas Perhubungan", short_name="Dishub"
    )
    for opd in (opd_a, opd_b):
        do_create_unit(actor=None, opd=opd, parent=None, name="Sekretariat")

    def user(username, name, roles, opd):
        return do_create_user(
            username=username, name=name, password=PASSWORD, roles=roles, opd=opd, actor=None
        )

    return Cast(
        instansi=instansi,
        opd_a=opd_a,
        opd_b=opd_b,
        admin=user("admin", "Admin BKD", [Role.ADMIN], bkd),
        operator_a=user("operator.a", "Operator Dinkes", [Role.OPERATOR_OPD], opd_a),
        operator_b=user("operator.b", "Operator Dishub", [Role.OPERATOR_OPD], opd_b),
        pegawai_a=user("pegawai.a", "Pegawai Dinkes", [Role.PEGAWAI], opd_a),
        unit_pengolah=user("verifikator", "Verifikator BKD", [Role.UNIT_PENGOLAH], bkd),
        kepala_badan=user("kepala", "Kepala BKD", [Role.KEPALA_BADAN], bkd),
        operator_helpdesk=user("operator.helpdesk", "Operator Helpdesk BKD", [Role.OPERATOR_HELPDESK], bkd),
    )


# {database name: (snapshot of the cast's rows, {persona field: (model, pk)})}, or None where
# the cast cannot be restored from rows and is built every time.
_CAST_ROWS: dict = {}


def restored_cast() -> Cast:
    """The cast, built through the actions once per database and restored from its rows after.

    A transactional test (live server, browser) is not inside a transaction that would undo
    the restored rows, and its flush empties every table afterwards: it gets a fresh build."""
    from django.db import IntegrityError, connection

    from tests.snapshot import NotRestorable, Snapshot

    if not connection.in_atomic_block:
        return build_cast()
    ensure_reference_tables()
    database = connection.settings_dict["NAME"]
    if database not in _CAST_ROWS:
        try:
            cast, rows = Snapshot.take(build_cast)
        except NotRestorable:
            _CAST_ROWS[database] = None
            return build_cast()
        fields = {name: (type(obj)._meta.concrete_model, obj.pk) for name, obj in vars(cast).items()}
        _CAST_ROWS[database] = None if rows is None else (rows, fields)
        return cast
    if _CAST_ROWS[database] is None:
        return build_cast()
    rows, fields = _CAST_ROWS[database]
    try:
        objects = rows.restore()
    except IntegrityError:  # the test wrote a row the cast also has (a username, a code)
        return build_cast()
    return Cast(**{name: objects[key] for name, key in fields.items()})


@pytest.fixture
def cast(db) -> Cast:
    return restored_cast()


# --- Private files ---------------------------------------------------------------------

# A minimal PDF: core.documents checks the "%PDF-" signature and the extension, nothing more.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
# The JFIF header and the end-of-image marker: enough for the content check of a JPG.
JPG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def make_pdf(name: str = "berkas.pdf", content: bytes = PDF_BYTES):
    """A fresh PDF upload each call (an upload is a stream and is consumed once)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_jpg(name: str = "foto.jpg", content: bytes = JPG_BYTES):
    """A fresh JPG upload each call."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.fixture
def pdf():
    """``pdf("ijazah.pdf")``: a small valid PDF upload."""
    return make_pdf


@pytest.fixture
def jpg():
    """``jpg("foto.jpg")``: a small valid JPG upload."""
    return make_jpg


@pytest.fixture
def private_media(tmp_path):
    """The test's own MEDIA_ROOT (returned): uploads, products and exports never land in var/."""
    from django.test import override_settings

    root = tmp_path / "media"
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client logged in as ``user`` (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


# --- Browser (pytest-playwright on Debian's Chromium) ---------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


@pytest.fixture
def screenshot(page, request):
    """``screenshot("name")`` saves a PNG under test-artifacts/ (git-ignored) for a human look."""

    def take(name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{request.node.name}-{name}.png".replace("/", "_")
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def login_page(page, live_server):
    """``login_page(username)``: log in through the real form and return the page."""

    def login(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/akun/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Kata sandi").fill(password)
        page.get_by_role("button", name="Masuk").click()
        return page

    return login
