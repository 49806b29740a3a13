"""The persona walk shared by the rendered-text and browser checks: a small demo province
(every role of demo.org.USERS, employees with histories, requests, campaigns, tickets) and
the pages each persona reaches from its menu.

The test cast has no employees, requests or histories, so its pages would be empty
tables: a scan for raw codes over them would prove nothing. The demo holds every role and
the data that reaches the screen.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse

DEMO_PEGAWAI = 60
DEMO_SEED = 7

# Links that do not lead to an HTML page of the walk: files, the language switch, logout.
_SKIP_LINK = re.compile(
    r"(ekspor|export|unduh|download|xlsx|pdf|zip|csv|berkas|keluar|logout|/media/|/static/)"
)


def seed_small_demo() -> None:
    from people.models import Golongan, JabatanFungsional
    from people.reference.actions import sync_reference_tables

    # A transactional test before this one may have flushed the migration's reference rows
    # (or left some): reload them all, idempotently, before the demo reads them.
    sync_reference_tables(Golongan, JabatanFungsional)
    call_command(
        "seed_demo",
        "--pegawai",
        str(DEMO_PEGAWAI),
        "--seed",
        str(DEMO_SEED),
        "--i-know-this-is-demo",
        stdout=io.StringIO(),
    )


def demo_users():
    """(username, user) for every demo account, in demo.org.USERS order."""
    from accounts.models import User
    from demo.org import USERS

    by_name = {u.username: u for u in User.objects.filter(username__in=[row[0] for row in USERS])}
    return [(row[0], by_name[row[0]]) for row in USERS]


def menu_urls(user) -> list[tuple[str, str]]:
    """(url name, path) of every entry of the user's menu."""
    from config.navigation import menu_for

    return [(entry.name, reverse(entry.name)) for entry in menu_for(user)]


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.hrefs.append(href)


def detail_links(html: str, seen_names: set[str]) -> list[tuple[str, str]]:
    """The first link to each page kind (URL name) a page offers that the walk has not seen."""
    found = []
    for href in Links(html).hrefs:
        parts = urlsplit(href)
        path = parts.path
        if _SKIP_LINK.search(href):
            continue
        try:
            match = resolve(path)
        except Resolver404:
            continue
        # A tab is a page of its own (the history tabs of an employee), other parameters
        # (filters, sorting, paging) show the same page again.
        tab = parse_qs(parts.query).get("tab")
        name = match.view_name + (f"?tab={tab[0]}" if tab else "")
        if name in seen_names:
            continue
        seen_names.add(name)
        found.append((name, href))
    return found
