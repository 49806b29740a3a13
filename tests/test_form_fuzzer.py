"""Every form of the project, fed bad input as every persona: never a 5xx, never a half-write.

Discovery is automatic, so a new form is covered without touching this file: for every URL
of the role matrix (which must name every URL, see tests/test_role_matrix.py) the page is
built with the matrix's own kwargs builder, fetched as each persona allowed to see it, and
every ``<form>`` in the HTML is read (fields, defaults, options, named submit buttons).
A form is then sent, as the persona that saw it:
- once per class of hostile value with every field of that class at once (random text and
  markup, 100k characters, RTL/emoji/combining unicode, NUL bytes, huge numbers, negative
  numbers, impossible dates, several values, missing fields; wrong-typed files in file
  fields): form validation cleans each field on its own, so one post per class reaches all;
- then one field at a time, the others filled with plausible values so the hostile one gets
  past the form into the view and the action: the classes likely to break a field of its
  kind (every bad date on a date field, every huge number on a number or hidden field, big
  text and NUL on text, every wrong file on a file field) and one more drawn at random;
and once, fully hostile, as every other persona, anonymous included.

Deterministic and bounded: values are drawn from a generator seeded with the form and the
persona, sampled per field (never the cartesian product); a form seen on many pages (logout,
language) is fuzzed once per process; fields repeated with a number (``d0-opens`` …
``d6-opens``) are tried alone once. Each request runs in a savepoint that is rolled back,
so every value meets the page as its builder left it. ``FUZZ_STATS=1`` (with ``-s``) prints
the forms found and the requests sent per page.

Asserted for every request:
- no 5xx (the test client raises the view's exception: it is caught, listed, and the test
  fails with the list);
- a refused POST (4xx, a page showing a form error, or a redirect carrying an error message)
  changes nothing: the row count of every table (the audit log among them) and the number
  of stored files are the same before and after, except the writes listed below.

Not covered: forms that only appear in a state the matrix builders do not create, and the
JSON endpoints that scripts call (campaigns' chunked upload has its own tests).
"""

from __future__ import annotations

import os
import random
import re
import traceback
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.messages import constants as message_levels
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve, reverse

from conftest import PERSONAS, build_cast
from tests.test_role_matrix import MATRIX

# Writes a rejected request may legitimately make: the login form counts failures to lock
# out a guesser (that is its job), and sessions/captcha rows come and go with any visit.
# Rate-limit counters count refused attempts too: that is what they are for.
ALWAYS_MAY_CHANGE = {"django_session", "captcha_captchastore", "accounts_throttlecount"}
FILES = "<stored files>"
MAY_CHANGE_ON_REJECTION = {
    "accounts:login": {"accounts_loginfailure"},
    # A file sent with refused answers is stored, then discarded (campaigns/submissions/views.py):
    # both audited, and its bytes removed on commit, which a test transaction never reaches.
    # Its upload session and document rows must still be gone.
    "campaigns:campaign_submit": {"core_auditlog", FILES},
    "campaigns:campaign_submit_for": {"core_auditlog", FILES},
    # A refused chunked upload is marked refused with its reason, and that is audited.
    "campaigns:upload_finish": {"core_auditlog"},
}

# What a page shows when it refuses a post (core/templates/core/_form.html, base.html).
ERROR_MARKERS = ("field-invalid", "field-error", "form-errors", "message-error")

# The test client does not check CSRF tokens; CsrfViewMiddleware is Django's, not ours.
NOT_FUZZED = {"csrfmiddlewaretoken"}

_done: set[tuple] = set()


# --- Reading forms out of a page ---------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    fields: list[Field] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons

    def defaults(self) -> dict[str, list]:
        """What a browser would post, with plausible values in the empty fields.

        Filled-in defaults let a hostile value in one field get past the "required" checks
        of the others and reach the code behind them.
        """
        data: dict[str, list] = {}
        for f in self.fields:
            if f.kind == "file":
                continue
            if f.kind == "checkbox":
                if f.value is not None:
                    data.setdefault(f.name, []).append(f.value)
            elif f.kind == "radio":
                data[f.name] = [f.value if f.value is not None else f.options[0]]
            elif f.kind == "select":
                filled = [o for o in f.options if o]
                data.setdefault(f.name, []).append(f.value or (filled[0] if filled else ""))
            else:
                data.setdefault(f.name, []).append(f.value or PLAUSIBLE.get(f.kind, ""))
        return data


# A value a user might type into an empty field of each input type.
PLAUSIBLE = {
    "text": "Uji 1",
    "textarea": "Uji 1",
    "search": "uji",
    "number": "1",
    "date": "2026-03-10",
    "datetime-local": "2026-03-10T09:00",
    "time": "08:00",
    "email": "uji@example.org",
    "tel": "081200000001",
    "url": "https://example.org/",
    "password": "Rahasia#Uji2026",
}


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None
        self._by_name: dict[str, Field] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            action = urljoin(self.page_url, a.get("action") or self.page_url)
            enctype = a.get("enctype", "")
            self._form = Form(action, (a.get("method") or "get").lower(), "multipart" in enctype)
            self._by_name = {}
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "image", "button", "reset"):
                form.buttons.append((name, a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                existing = self._by_name.get(name)
                if existing is None:
                    existing = Field(name, kind, value=None)
                    self._by_name[name] = existing
                    form.fields.append(existing)
                existing.options.append(a.get("value", "on"))
                if "checked" in a:
                    existing.value = a.get("value", "on")
            else:
                form.fields.append(Field(name, kind, a.get("value", "")))
        elif tag == "button" and name and (a.get("type") or "submit").lower() == "submit":
            form.buttons.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = Field(name, "select", multiple="multiple" in a)
            form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._select.options.append(value)
            if "selected" in a and not self._select.value:
                self._select.value = value
        elif tag == "textarea" and name:
            self._textarea = Field(name, "textarea")
            form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(page_url: str, html: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return parser.forms


# --- Hostile values -----------------------------------------------------------------------

HUGE = 100_000


def _random_text(rng: random.Random) -> str:
    alphabet = "abcXYZ019 -_.,;:/\\'\"<>&%#@!?()[]{}=+*~`|$^"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))


def _constant(value: str):
    return lambda rng: value


# class -> makers of one hostile value each; a value is a str, a list of str (several values
# for one name) or None (the field left out). Every field gets one value of every class.
TEXT_VALUES = {
    "random": [
        _random_text,
        lambda rng: rng.choice(["<script>alert(1)</script>", "{{ 7*7 }}", "%(x)s %s {0}", "' OR 1=1 --"]),
        lambda rng: "../../../etc/passwd",
        lambda rng: ["1", "2", _random_text(rng)],
        lambda rng: "",
    ],
    "huge": [lambda rng: rng.choice("xA9é") * HUGE, lambda rng: "9" * HUGE],
    "unicode": [
        lambda rng: "\u202eاسم مستخدم\u202c",
        lambda rng: "👩🏽‍💻🇮🇩" * rng.randint(1, 5),
        lambda rng: "e" + "\u0301\u0308\u0323" * rng.randint(1, 30),
        lambda rng: "\u200b\ufeff\u00a0",
        lambda rng: "١٢٣",
    ],
    "nul": [lambda rng: "ab\x00cd", lambda rng: "\x00"],
    "huge_number": [
        lambda rng: "99999999999999999999999999",
        lambda rng: "1e400",
        lambda rng: "9" * 5000,  # past int()'s 4300-digit limit: a ValueError, not a number
        lambda rng: "NaN",
        lambda rng: "Infinity",
        lambda rng: "0x1F",
    ],
    "negative": [
        lambda rng: "-1",
        lambda rng: "-0",
        lambda rng: "-99999999999999999999",
        lambda rng: "-12,5",
    ],
    "date": [
        *(
            _constant(value)
            for value in (
                "0000-00-00",
                "9999-99-99",
                "9999-12-31",
                "0001-01-01",
                "31-02-2025",
                "99999-01-01",
                "2025-13-01",
                "0000-00-00T00:00",
                "9999-12-31T23:59",
                "0001-01-01T00:00",
                "2025-01-01T25:61",
            )
        )
    ],
    "missing": [lambda rng: None],
}


def _file(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


FILE_VALUES = {
    "exe_as_pdf": [lambda rng: _file("surat.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")],
    "html_as_jpg": [lambda rng: _file("foto.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")],
    "empty": [lambda rng: _file("kosong.pdf", b"", "application/pdf")],
    "text_as_xlsx": [lambda rng: _file("data.xlsx", b"bukan,excel\n1,2\n", "application/vnd.ms-excel")],
    "zip_as_csv": [lambda rng: _file("arsip.csv", b"PK\x03\x04" + rng.randbytes(300), "text/csv")],
    "long_name": [lambda rng: _file("a" * 300 + ".pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")],
    "active_pdf": [
        lambda rng: _file(
            "aktif.pdf",
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj\n%%EOF\n",
            "application/pdf",
        )
    ],
    "text": [lambda rng: _random_text(rng)],  # a string where a file belongs
    "missing": [lambda rng: None],
}


def _hostile(rng: random.Random, f: Field, category: str):
    makers = (FILE_VALUES if f.kind == "file" else TEXT_VALUES)[category]
    return rng.choice(makers)(rng)


# The classes most likely to break a field of each kind, tried on it alone, with every value
# of the class ("all") or one drawn from it ("one"); one more class is drawn at random. A
# select or hidden field usually carries an id, a date field a date.
LIKELY = {
    "select": {"huge_number": "one", "negative": "one"},
    "radio": {"huge_number": "one", "random": "one"},
    "checkbox": {"huge_number": "one", "negative": "one"},
    "hidden": {"huge_number": "all", "negative": "one"},
    "number": {"huge_number": "all", "negative": "all"},
    "date": {"date": "all", "huge_number": "one"},
    "datetime-local": {"date": "all", "huge_number": "one"},
    "time": {"date": "one", "huge": "one"},
}
LIKELY_TEXT = {"huge": "all", "nul": "one"}


def _values_for(f: Field, rng: random.Random):
    """(class, value) pairs to try on ``f`` alone."""
    if f.kind == "file":  # few upload fields, and each file class matters
        for category in sorted(FILE_VALUES):
            yield category, _hostile(rng, f, category)
        return
    likely = LIKELY.get(f.kind, LIKELY_TEXT)
    for category, how in likely.items():
        makers = TEXT_VALUES[category] if how == "all" else [rng.choice(TEXT_VALUES[category])]
        for make in makers:
            yield category, make(rng)
    extra = rng.choice([c for c in sorted(TEXT_VALUES) if c not in likely])
    yield extra, _hostile(rng, f, extra)


def payloads(form: Form, rng: random.Random, *, full: bool):
    """(description, data) pairs: one field at a time when ``full``, else one all-hostile post."""
    base = form.defaults()
    buttons = iter(form.buttons * 1000) if form.buttons else None

    def with_button(data):
        if buttons:  # each named submit button in turn (accept / ask for a fix, up / down)
            name, value = next(buttons)
            data.setdefault(name, [value])
        return data

    if not full:
        data = {}
        for f in form.fields:
            category = rng.choice(sorted(FILE_VALUES if f.kind == "file" else TEXT_VALUES))
            value = _hostile(rng, f, category)
            if value is not None:
                data[f.name] = value
        yield "every field hostile", with_button(data)
        return
    fuzzed = [f for f in form.fields if f.name not in NOT_FUZZED]
    # Every field gets a value of every class, all fields of the form at once: form
    # validation cleans each field on its own, so one post per class reaches them all.
    for category in sorted(TEXT_VALUES):
        data = {k: list(v) for k, v in base.items()}
        for f in fuzzed:
            value = _hostile(rng, f, category if f.kind != "file" else rng.choice(sorted(FILE_VALUES)))
            if value is None:
                data.pop(f.name, None)
            else:
                data[f.name] = value
        yield f"every field={category}", with_button(data)
    # Then one field at a time, the others plausible, so the value gets past the form into
    # the view and the action behind it: the classes likely to break a field of its kind,
    # and one more drawn by the seeded generator.
    patterns: set[tuple[str, str]] = set()
    for f in fuzzed:
        pattern = (f.kind, re.sub(r"\d+", "#", f.name))
        if pattern in patterns:
            continue  # d0-opens … d6-opens: the same field seven times, tried once
        patterns.add(pattern)
        for category, value in _values_for(f, rng):
            data = {k: list(v) for k, v in base.items()}
            if value is None:
                data.pop(f.name, None)
            else:
                data[f.name] = value
            yield f"{f.name}={category}:{_short(value)}", with_button(data)


def _short(value) -> str:
    text = repr(value.name if isinstance(value, SimpleUploadedFile) else value)
    return text if len(text) <= 40 else f"{text[:30]}…({len(text)} chars)"


# --- What a request changed ---------------------------------------------------------------


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def row_counts(tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def stored_files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def refused(response) -> bool:
    """Whether the app said no: a client error, a form with errors, or an error message."""
    if 400 <= response.status_code < 500:
        return True
    request = getattr(response, "wsgi_request", None)
    storage = getattr(request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    if any(m.level >= message_levels.ERROR for m in queued):
        return True
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        body = response.content.decode(errors="replace")
        return any(marker in body for marker in ERROR_MARKERS)
    return False


# --- The fuzzer ---------------------------------------------------------------------------


@dataclass
class Finding:
    url_name: str
    persona: str
    method: str
    action: str
    case: str
    problem: str

    def __str__(self):
        return f"{self.method.upper()} {self.action} as {self.persona} [{self.case}] (page {self.url_name}): {self.problem}"


def _where(error: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/.venv/" not in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__}: {str(error)[:200]} at {Path(frame.filename).name}:{frame.lineno}"


def _form_key(form: Form) -> tuple | None:
    """Which form this is, independent of the page and object ids: url name + field names."""
    path = urlsplit(form.action).path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return (match.view_name, form.method, tuple(sorted({f.name for f in form.fields})))


class Fuzzer:
    def __init__(self, cast, url_name: str, media_root: Path):
        self.cast = cast
        self.url_name = url_name
        self.media_root = media_root
        self.client = Client()
        self.persona: str | None = None
        self.tables = _tables()
        self.findings: list[Finding] = []
        self.sent = 0

    def login(self, persona: str) -> None:
        self.client.logout()
        user = self.cast.persona(persona)
        if user is not None:
            self.client.force_login(user)
        self.persona = persona

    def send(self, persona: str, form: Form, case: str, data: dict):
        self.sent += 1
        if self.persona != persona:
            self.login(persona)
        path, query = urlsplit(form.action).path, urlsplit(form.action).query
        key = _form_key(form)
        allowed = ALWAYS_MAY_CHANGE | MAY_CHANGE_ON_REJECTION.get(key[0] if key else "", set())

        def problem(text: str) -> None:
            self.findings.append(Finding(self.url_name, persona, form.method, path, case, text))

        post = form.method == "post"
        try:
            # A savepoint per request, always rolled back: every value meets the page as the
            # builder left it (a first accepted post would otherwise close the record for all
            # the others), and a database error inside the view cannot poison the test's
            # transaction (PostgreSQL refuses every later query otherwise).
            with transaction.atomic():
                before = row_counts(self.tables) if post else None
                files_before = stored_files(self.media_root) if post else None
                if post:
                    response = self.client.post(f"{path}?{query}" if query else path, data)
                else:
                    response = self.client.get(path, data)
                if post and refused(response):
                    after = row_counts(self.tables)
                    changed = {
                        t: (before[t], after[t])
                        for t in self.tables
                        if before[t] != after[t] and t not in allowed
                    }
                    if changed:
                        problem(f"refused but wrote rows {changed}")
                    if FILES not in allowed and stored_files(self.media_root) != files_before:
                        problem("refused but stored a file")
                transaction.set_rollback(True)
        except Exception as error:  # the test client re-raises the view's exception: a 500
            problem(_where(error))
            self.persona = None  # the session may be gone with the failed request
            return
        if response.status_code >= 500:
            problem(f"status {response.status_code}")
        # Rolled back, the session row is as before, but a logout or a password change also
        # changed the client's cookie: log in afresh after any redirect.
        if 300 <= response.status_code < 400:
            self.persona = None

    def fuzz(self, seen_as: str, form: Form) -> None:
        key = _form_key(form)
        if key is None:
            return
        for persona in PERSONAS:
            rng = random.Random(f"{key}|{persona}")
            full = persona == seen_as
            for case, data in payloads(form, rng, full=full):
                self.send(persona, form, case, data)


@pytest.fixture(scope="module")
def shared_cast(django_db_setup, django_db_blocker):
    """The cast, built once for the module inside a transaction rolled back at its end.

    Each page's test runs in pytest-django's own transaction nested inside (a savepoint,
    rolled back after it), so every page starts from the bare cast, as in the role matrix,
    without building the cast 120 times.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        cast = build_cast()
        yield cast
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_forms_on_page_survive_hostile_input_from_every_persona(url_name, shared_cast, private_media):
    cast = shared_cast
    kwargs_for, expected = MATRIX[url_name]
    url = reverse(url_name, kwargs=kwargs_for(cast) if kwargs_for else None)
    fuzzer = Fuzzer(cast, url_name, private_media)
    found: list[tuple[str, Form]] = []
    for persona in PERSONAS:
        if expected[persona] != 200:
            continue
        fuzzer.login(persona)
        response = fuzzer.client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_of(f"http://testserver{url}", response.content.decode(errors="replace")):
            key = _form_key(form)
            if key is not None and key not in _done:
                _done.add(key)
                found.append((persona, form))
    for persona, form in found:
        fuzzer.fuzz(persona, form)
    if os.environ.get("FUZZ_STATS"):
        for persona, form in found:
            print("FORM", url_name, persona, form.method, _form_key(form), len(form.fields))
        print("SENT", url_name, fuzzer.sent)
    assert not fuzzer.findings, "bad input broke the app:\n" + "\n".join(map(str, fuzzer.findings))
