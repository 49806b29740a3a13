"""No view reads personal data with an unscoped ORM query.

A view module (``views.py`` or ``api.py``, or a package of that name) reaches the records of
a person only through a queries module, where the permission scope is applied
(``people.records.queries.pegawai_for_user``, ``own_pegawai``, ``may_act_for``…). Here every
view module's syntax tree is read, function-level imports included, and ``Model.objects``,
``Model._default_manager`` or ``get_object_or_404(Model, …)`` on a model holding personal
data fails, unless it is listed in ``ALLOWED`` with the reason. A scoped queryset handed to
``get_object_or_404`` (``get_object_or_404(requests_for_user(user), pk=pk)``) is fine.

Personal models are Pegawai, the models named in ``PERSONAL`` and, found by their foreign
keys, every model that hangs off one of them (the histories, a request's steps and
documents, a ticket's messages…), so a new model under Pegawai is covered without a list.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
VIEW_KINDS = {"views", "api"}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}

# Models that hold personal data on their own (besides Pegawai and what hangs off these).
PERSONAL = {
    "people.Pegawai": "the employee's master data",
    "accounts.User": "a person's account: name, e-mail, NIP",
    "core.Document": "scans of a person's decrees, diplomas, identity cards",
    "core.AuditLog": "the before/after values of personal records",
    "core.Notification": "what a user is told about their own affairs",
    "core.ExportJob": "files of personal data, their owner's alone",
    "people.ImportJob": "uploaded files of personal data",
    "helpdesk.Ticket": "a person's problem, identity and scans",
    "feedback.Complaint": "the complainant's identity and complaint",
    "feedback.SurveyInvitation": "the respondent's account and e-mail",
}
# Foreign keys that do not make a model personal: "who created it" is not whose data it is.
NOT_PROPAGATING = {"accounts.User"}
# Models with a foreign key to a personal one that hold no personal data themselves.
NOT_PERSONAL = {
    "helpdesk.FaqEntry": "a public answer; the ticket it was drawn from is only its source",
}

# {(view module, model label): why this unscoped read is right}. May only shrink.
ALLOWED: dict[tuple[str, str], str] = {}


def personal_models() -> set[str]:
    """The labels of every model holding personal data: ``PERSONAL`` and, transitively, every
    model with a foreign key (or one-to-one) to one of them."""
    found = set(PERSONAL)
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            label = model._meta.label
            if label in found or label in NOT_PERSONAL:
                continue
            for field in model._meta.get_fields():
                if not (field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)):
                    continue
                target = field.related_model._meta.label
                if target in found and target not in NOT_PROPAGATING:
                    found.add(label)
                    grew = True
                    break
    return found


def view_modules(root: Path) -> list[Path]:
    """Every view module of an app under ``root`` (tests and migrations aside)."""
    found = []
    for app in sorted(path.parent for path in root.glob("*/apps.py")):
        for path in sorted(app.rglob("*.py")):
            parts = path.relative_to(root).parts
            if {"tests", "migrations"} & set(parts):
                continue
            # A kind module, or a module of a kind package inside the app (the app ``api`` is
            # not itself a views package).
            if path.stem in VIEW_KINDS or VIEW_KINDS & set(parts[1:-1]):
                found.append(path)
    return found


def _imported_names(tree: ast.AST) -> dict[str, tuple[str, str]]:
    """``{local name: (module, attribute)}`` of every ``from module import attribute``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def _model_label(module: str, name: str) -> str | None:
    try:
        value = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    meta = getattr(value, "_meta", None)
    return meta.label if isinstance(value, type) and meta is not None and hasattr(meta, "label") else None


def unscoped_reads(path: Path, personal: set[str]) -> list[tuple[int, str, str]]:
    """``(line, model label, what)`` for every unscoped read of a personal model in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported = _imported_names(tree)

    def label_of(node) -> str | None:
        if isinstance(node, ast.Name) and node.id in imported:
            label = _model_label(*imported[node.id])
            return label if label in personal else None
        return None

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS and (label := label_of(node.value)):
            found.append((node.lineno, label, f"{node.value.id}.{node.attr}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in SHORTCUTS
            and node.args
            and (label := label_of(node.args[0]))
        ):
            found.append((node.lineno, label, f"{node.func.id}({node.args[0].id}, …)"))
    return found


def findings(root: Path) -> dict[tuple[str, str], list[str]]:
    personal = personal_models()
    found: dict[tuple[str, str], list[str]] = {}
    for path in view_modules(root):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for line, label, what in unscoped_reads(path, personal):
            found.setdefault((module, label), []).append(f"{path.relative_to(root)}:{line}: {what}")
    return found


def test_no_view_reads_personal_data_without_a_scoped_query():
    found = findings(ROOT)
    unexpected = {key: where for key, where in found.items() if key not in ALLOWED}
    assert unexpected == {}, "read personal data through a queries module (or list the reason in ALLOWED)"
    assert ALLOWED.keys() <= found.keys(), "ALLOWED names a read that no longer happens"


def test_the_personal_models_include_what_hangs_off_pegawai_and_not_what_a_user_created():
    personal = personal_models()
    assert {
        "people.RiwayatGolongan",
        "layanan.Request",
        "layanan.RequestStep",
        "campaigns.Submission",
    } <= personal
    assert {
        "ipasn.Score",
        "helpdesk.TicketMessage",
        "feedback.ComplaintStep",
        "people.Correction",
    } <= personal
    # Created by a user, or drawn from a ticket, but not a person's data.
    assert not {"campaigns.Campaign", "layanan.Service", "org.Opd", "helpdesk.FaqEntry"} & personal


def test_an_unscoped_read_in_a_view_is_found(tmp_path):
    def write(relative: str, source: str) -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")

    write("shop/apps.py", "")
    write(
        "shop/orders/views.py",
        "from django.shortcuts import get_object_or_404\n"
        "from org.models import Opd\n"
        "from people.models import Pegawai as P, RiwayatSkp\n"
        "from people.records.queries import pegawai_for_user\n\n"
        "def detail(request, pk):\n"
        "    from layanan.models import Request\n"
        "    Opd.objects.all()\n"  # not personal
        "    get_object_or_404(pegawai_for_user(request.user), pk=pk)\n"  # scoped
        "    Request.objects.filter(pk=pk)\n"
        "    return get_object_or_404(RiwayatSkp, pk=pk), P._default_manager.first()\n",
    )
    write(
        "shop/orders/queries.py", "from people.models import Pegawai\nPegawai.objects.all()\n"
    )  # a query module
    write("shop/tests/test_views.py", "from people.models import Pegawai\nPegawai.objects.all()\n")
    write("shop/api/feed.py", "from people.models import Pegawai\nPegawai.objects.all()\n")  # a views package
    assert findings(tmp_path) == {
        ("shop.orders.views", "layanan.Request"): ["shop/orders/views.py:10: Request.objects"],
        ("shop.orders.views", "people.RiwayatSkp"): [
            "shop/orders/views.py:11: get_object_or_404(RiwayatSkp, …)"
        ],
        ("shop.orders.views", "people.Pegawai"): ["shop/orders/views.py:11: P._default_manager"],
        ("shop.api.feed", "people.Pegawai"): ["shop/api/feed.py:2: Pegawai.objects"],
    }
