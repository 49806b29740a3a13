"""Every app is laid out as docs/architecture.md ("The shape of every app") says.

The app's root holds ``__init__ apps models urls``; each sub-capability is a package holding
only modules named by their kind (``actions queries forms views rules tasks files api``);
a kind that outgrows its module becomes a package of the same name whose modules are named
freely (``people/imports/files/asn.py``). An app with a single capability keeps the kind
modules at its root. No module anywhere is named ``views_x``, ``x_views`` or ``x_urls``.
Folders of Django's own (migrations, templates, …) and tests are not part of the shape.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]

APP_ROOT = {"__init__", "apps", "models", "urls"}
KINDS = {"actions", "queries", "forms", "views", "rules", "tasks", "files", "api"}
NOT_SHAPED = {"migrations", "templates", "static", "templatetags", "management", "tests", "content", "locale"}
SPLIT_NAME = re.compile(r"^(views_.+|.+_views|.+_urls|urls_.+)$")

# core is the toolkit under every app: each of these root modules is one tool that apps use.
CORE_TOOLS = {
    "audit": "core.audit.record: the audit row every action writes",
    "documents": "private documents, content-checked, served by permission-checked views",
    "spreadsheets": "XLSX/CSV writing with safe cells, for every export",
    "tables": "reading an uploaded CSV/XLSX table, for every import",
    "inputs": "form fields and parsers that survive hostile input",
    "answers": "the one form built from question definitions (campaign and request answers)",
    "paging": "pagination of every list",
    "permissions": "the capability check (require, user_can) every view uses",
    "clients": "the client's address behind the proxy",
    "progress": "progress of background jobs, for their pages",
    "commands": "the shared options of management commands (file, actor, dry run)",
    "backup": "backup and restore of the whole installation",
    "middleware": "the language chosen by the user",
    "charts": "the one chart spec every chart of every app is drawn from",
    "monthly": "the one monthly report (page, XLSX, chart) of the SLA, helpdesk and complaints",
}
# accounts/roles.py is the role table every app reads: data, like models.py.
ACCOUNTS_EXTRA = {"roles"}
# demo seeds every app: one module per app it seeds, and the data files they read.
DEMO_EXTRA = {"files"}


def project_apps() -> list[str]:
    return [app for app in settings.INSTALLED_APPS if (ROOT / app / "__init__.py").is_file()]


def _modules(folder: Path):
    return sorted(path for path in folder.glob("*.py"))


def _packages(folder: Path):
    return sorted(path for path in folder.iterdir() if path.is_dir() and (path / "__init__.py").is_file())


def misplaced(root: Path, app: str, allowed_root: set[str] | None = None) -> list[str]:
    """Every module of ``app`` (under ``root``) whose name or place breaks the shape."""
    found = []
    base = root / app
    for path in base.rglob("*.py"):
        relative = path.relative_to(root)
        if {"tests", "migrations"} & set(relative.parts):
            continue
        if SPLIT_NAME.match(path.stem):
            found.append(f"{relative.as_posix()}: named like views_x / x_views / x_urls")
    capabilities = [p for p in _packages(base) if p.name not in NOT_SHAPED]
    if (base / "models").is_dir():
        found.append(f"{app}/models/: one models.py per app, never a package")
    root_allowed = APP_ROOT | (allowed_root or set())
    if not capabilities:
        root_allowed |= KINDS  # a single capability keeps its files at the root
    for path in _modules(base):
        if path.stem not in root_allowed:
            found.append(f"{app}/{path.name}: the app's root holds only {sorted(APP_ROOT)}")
    for capability in capabilities:
        if capability.name in KINDS:
            found.append(f"{app}/{capability.name}/: a kind package belongs in a capability")
            continue
        for path in _modules(capability):
            if path.stem != "__init__" and path.stem not in KINDS:
                found.append(f"{path.relative_to(root).as_posix()}: a capability holds only {sorted(KINDS)}")
        for package in _packages(capability):
            if package.name not in KINDS:
                found.append(f"{package.relative_to(root).as_posix()}/: only a kind may become a package")
    return sorted(set(found))


def allowed_root_of(app: str) -> set[str]:
    if app == "core":
        return set(CORE_TOOLS)
    if app == "accounts":
        return ACCOUNTS_EXTRA
    if app == "demo":
        return set(project_apps()) | DEMO_EXTRA
    return set()


@pytest.mark.parametrize("app", project_apps())
def test_the_app_has_the_shape_of_docs_architecture(app):
    assert misplaced(ROOT, app, allowed_root_of(app)) == []


def test_every_core_tool_exists():
    assert {path.stem for path in _modules(ROOT / "core")} - APP_ROOT == set(CORE_TOOLS)


# --- the check catches what it is for -----------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    def write(*relatives: str) -> None:
        for relative in relatives:
            path = tmp_path / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("", encoding="utf-8")

    return write


def test_a_well_shaped_app_passes(tmp_path, tree):
    tree(
        "shop/__init__.py",
        "shop/apps.py",
        "shop/models.py",
        "shop/urls.py",
        "shop/orders/__init__.py",
        "shop/orders/actions.py",
        "shop/orders/views.py",
        "shop/orders/files/__init__.py",
        "shop/orders/files/invoice.py",
        "shop/migrations/0001_initial.py",
        "shop/tests/test_orders_views.py",
        "shop/templatetags/shop_tags.py",
    )
    assert misplaced(tmp_path, "shop") == []


def test_split_names_and_misplaced_modules_are_caught(tmp_path, tree):
    tree(
        "shop/__init__.py",
        "shop/urls.py",
        "shop/admin_urls.py",
        "shop/orders/__init__.py",
        "shop/orders/views_export.py",
        "shop/orders/helpers.py",
        "shop/orders/queries/__init__.py",
        "shop/orders/misc/__init__.py",
        "shop/views.py",
    )
    assert misplaced(tmp_path, "shop") == [
        "shop/admin_urls.py: named like views_x / x_views / x_urls",
        "shop/admin_urls.py: the app's root holds only ['__init__', 'apps', 'models', 'urls']",
        "shop/orders/helpers.py: a capability holds only " + str(sorted(KINDS)),
        "shop/orders/misc/: only a kind may become a package",
        "shop/orders/views_export.py: a capability holds only " + str(sorted(KINDS)),
        "shop/orders/views_export.py: named like views_x / x_views / x_urls",
        "shop/views.py: the app's root holds only ['__init__', 'apps', 'models', 'urls']",
    ]


def test_a_single_capability_app_keeps_its_kinds_at_the_root(tmp_path, tree):
    tree("watch/__init__.py", "watch/queries.py", "watch/rules.py", "watch/scoring.py")
    assert misplaced(tmp_path, "watch") == [
        "watch/scoring.py: the app's root holds only ['__init__', 'apps', 'models', 'urls']"
    ]


def test_a_models_package_is_caught(tmp_path, tree):
    tree("shop/__init__.py", "shop/models/__init__.py", "shop/models/order.py")
    assert misplaced(tmp_path, "shop") == [
        "shop/models/: one models.py per app, never a package",
        "shop/models/order.py: a capability holds only " + str(sorted(KINDS)),
    ]


def test_every_model_of_the_project_names_itself_in_indonesian():
    """A model without verbose_name shows Django's English class name on screens (the audit log)."""
    from django.apps import apps
    from django.conf import settings

    unnamed = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_config.path.startswith(str(settings.BASE_DIR))
        and "site-packages" not in model._meta.app_config.path
        and "verbose_name" not in model._meta.original_attrs
    ]
    assert unnamed == []
