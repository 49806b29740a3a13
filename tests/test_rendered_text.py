"""Every page of the persona walk, rendered in Indonesian, shows no raw code and no English.

Each demo persona opens every entry of its menu and the first link to each further page
kind those pages offer (a detail, a tab, a form), with the Django test client. The visible
text (and the title, aria-label, placeholder and alt that a person reads or hears) is then
scanned for:

- a raw code: a snake_case value of one of the project's choices (every ``models.Choices``
  in the apps' models and every ``StrEnum`` of ``regulations``), e.g. ``sangat_baik``;
- English: a phrase of the English side of the project's catalogue (locale/en) or one of
  Django's own messages that its Indonesian catalogue leaves untranslated (so it reaches an
  Indonesian page in English, like "- Select an option -"). A phrase that also occurs in an
  Indonesian message id ("OPD", "Token API", "Status") is the same in both languages and
  not counted.
"""

from __future__ import annotations

import enum
import gettext
import importlib
import inspect
import pkgutil
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import override_settings

from demo.org import USERS
from tests.walk import demo_users, detail_links, menu_urls, seed_small_demo

ROOT = Path(__file__).resolve().parent.parent
SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[^}]*\}")
# Attributes whose text a person reads or hears.
_READ_ATTRS = ("title", "aria-label", "placeholder", "alt")
# Elements whose text is not read as a label: scripts, and codes shown as codes on purpose
# (a question's code that a campaign designer refers to, an audit event's code under its label).
_SKIP_TAGS = ("script", "style", "template", "code")
# English words Indonesian uses as they are (KBBI): the English side of "Kata sandi" and
# "Ijazah" is also how an Indonesian writes "lupa password" or "Diploma III".
LOANWORDS = {"Password", "Diploma"}


# --- what a page shows ---------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a person sees or hears: data outside script/style, and the read attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        for name, value in attrs:
            if name in _READ_ATTRS and value:
                self.parts.append(value)
        if tag == "input":
            attrs = dict(attrs)
            if attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


# --- raw codes -------------------------------------------------------------------------


def _choices_in(namespace, seen: set) -> list[type]:
    found = []
    for value in vars(namespace).values():
        if not inspect.isclass(value) or value in seen:
            continue
        seen.add(value)
        if issubclass(value, (models.Choices, enum.StrEnum)) and value not in (
            models.TextChoices,
            models.IntegerChoices,
            models.Choices,
        ):
            found.append(value)
        if value.__module__ == getattr(namespace, "__name__", value.__module__) or isinstance(
            namespace, type
        ):
            found.extend(_choices_in(value, seen))
    return found


@cache
def raw_codes() -> dict[str, str]:
    """{snake_case code: "where.Choices"} of every choice of the project."""
    seen: set = set()
    classes = []
    for config in apps.get_app_configs():
        if config.models_module is None or not str(Path(config.path)).startswith(str(ROOT)):
            continue
        classes += _choices_in(config.models_module, seen)
    import regulations

    for info in pkgutil.iter_modules(regulations.__path__):
        if info.name in ("__main__", "cli"):
            continue
        module = importlib.import_module(f"regulations.{info.name}")
        classes += _choices_in(module, seen)
    codes = {}
    for cls in classes:
        for member in cls:
            value = member.value
            if isinstance(value, str) and SNAKE.match(value):
                codes.setdefault(value, f"{cls.__module__}.{cls.__qualname__}")
    return codes


def raw_codes_in(text: str) -> set[str]:
    words = set(re.findall(r"(?<![\w./-])[a-z][a-z0-9_]*[a-z0-9](?![\w/-])", text))
    return {word for word in words if word in raw_codes()}


# --- English ---------------------------------------------------------------------------


def _po_msgids(path: Path) -> list[str]:
    """The message ids of a .po file (singular ones; contexts and plurals kept as ids)."""
    ids, current, reading = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, reading = [line[6:]], True
        elif reading and line.startswith('"'):
            current.append(line)
        else:
            if reading:
                ids.append("".join(part.strip().strip('"') for part in current))
            reading = False
    return [i.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") for i in ids if i]


def _catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    out = {}
    for key, value in catalog.items():
        if isinstance(key, tuple):  # a plural form: (msgid, n)
            key = key[0]
        if key and isinstance(value, str):
            out[key.split("\x04")[-1]] = value
    return out


def _fragments(message: str) -> list[str]:
    """The literal parts of a message between its placeholders, each at least two words or a
    word of six letters or more (shorter single words are too often shared by both languages)."""
    out = []
    for part in _PLACEHOLDER.split(message):
        part = part.strip(" .,:;()\n\"'«»…")
        if not part or not re.search(r"[A-Za-z]{2}", part):
            continue
        if " " in part or len(part) >= 6:
            out.append(part)
    return out


@cache
def english_phrases() -> re.Pattern:
    ours = _catalogue(ROOT / "locale/en/LC_MESSAGES/django.mo")
    indonesian = "\n".join(ours)
    django_root = Path(django.__file__).parent
    translated_by_django = _catalogue(django_root / "conf/locale/id/LC_MESSAGES/django.mo")
    django_english = [
        m
        for m in _po_msgids(django_root / "conf/locale/en/LC_MESSAGES/django.po")
        if m not in translated_by_django
    ]
    phrases = set()
    for msgid, msgstr in ours.items():
        if msgstr.strip() and msgstr.strip().lower() != msgid.strip().lower():
            phrases.update(_fragments(msgstr))
    for message in django_english:
        phrases.update(_fragments(message))
    phrases -= LOANWORDS
    phrases = {p for p in phrases if not re.search(rf"(?<!\w){re.escape(p)}(?!\w)", indonesian)}
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def english_in(text: str) -> set[str]:
    return set(english_phrases().findall(text))


# --- the walk ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_province(django_db_setup, django_db_blocker):
    """The small demo, seeded once for this module and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
        ),
        transaction.atomic(),
    ):
        seed_small_demo()
        yield
        transaction.set_rollback(True)


def walk(client, user):
    """(url name, path, response) for the menu pages and the pages one link further."""
    seen: set[str] = set()
    pages = []
    for name, path in menu_urls(user):
        seen.add(name)
        pages.append((name, path, client.get(path)))
    further = []
    for _name, _path, response in list(pages):
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            further += detail_links(response.content.decode(), seen)
    for name, path in further:
        pages.append((name, path, client.get(path)))
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("username", [row[0] for row in USERS])
def test_no_raw_code_and_no_english_on_any_page(demo_province, client, username):
    user = dict(demo_users())[username]
    client.force_login(user)
    problems = []
    opened = 0
    for name, path, response in walk(client, user):
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        opened += 1
        text = VisibleText(response.content.decode()).text
        for code in sorted(raw_codes_in(text)):
            problems.append(f"{path} ({name}): raw code {code!r} of {raw_codes()[code]}")
        for phrase in sorted(english_in(text)):
            problems.append(f"{path} ({name}): English {phrase!r}")
    assert opened >= len(menu_urls(user)), f"{username} opened only {opened} pages"
    assert not problems, f"{username}:\n" + "\n".join(problems)


def test_the_scanners_find_what_they_look_for():
    assert "sangat_baik" in raw_codes() and "jf_ahli_madya" in raw_codes()
    assert raw_codes_in("Predikat: sangat_baik, jf_ahli_madya.") == {"sangat_baik", "jf_ahli_madya"}
    # A code inside a path or a longer identifier is not text a person reads as a label.
    assert raw_codes_in("/pegawai/sangat_baik/ sangat_baik_x") == set()
    assert english_in("Pilih: - Select an option -") == {"- Select an option -"}
    assert "This field is required" in english_in("This field is required.")
    assert english_in("Kolom ini wajib diisi. Token API OPD") == set()


def test_counts_over_lists_are_grouped_by_the_locale():
    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        "{% load humanize i18n %}{% blocktranslate count total=n with shown=n|intcomma %}"
        "{{ shown }} pegawai{% plural %}{{ shown }} pegawai{% endblocktranslate %}"
    )
    with translation.override("id"):
        assert template.render(Context({"n": 10334})) == "10.334 pegawai"
