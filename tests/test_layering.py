"""Imports point one way: the rank table of docs/architecture.md, enforced on every module.

Each module's syntax tree is read (function-level imports included: they used to hide
upward dependencies), so nothing is imported to check it. Tests and migrations may reach
across apps; everything else may import only packages of a lower rank, and ``regulations``
nothing but the standard library.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# Upward imports that predate this test, with the move that removes each. The list may only
# shrink (it is empty now): an entry that no longer happens fails too.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def ranks(text: str) -> dict[str, int]:
    """``{package: rank}`` from the markdown table whose rows are ``| 3 | `org` |``."""
    found = {}
    for rank, cells in re.findall(r"^\|\s*(\d+)\s*\|(.+)\|\s*$", text, flags=re.MULTILINE):
        for package in re.findall(r"`([a-z_]+)`", cells):
            found[package] = int(rank)
    return found


def imported_packages(path: Path) -> set[str]:
    """The top-level names every import statement of ``path`` names (absolute imports)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules(root: Path, package: str):
    for path in sorted((root / package).rglob("*.py")):
        relative = path.relative_to(root)
        if not {"tests", "migrations"} & set(relative.parts):
            yield relative, path


def violations(root: Path, rank: dict[str, int]) -> set[tuple[str, str]]:
    """(module, package) for every import of a package of the same or a higher rank."""
    found = set()
    for package in rank:
        if not (root / package).is_dir():
            continue
        for relative, path in modules(root, package):
            for other in imported_packages(path) & rank.keys():
                if other != package and rank[other] >= rank[package]:
                    found.add((relative.as_posix(), other))
    return found


def impure(root: Path) -> set[tuple[str, str]]:
    """(module, name) for every import in ``regulations`` outside the standard library."""
    allowed = set(sys.stdlib_module_names) | {"regulations"}
    return {
        (relative.as_posix(), name)
        for relative, path in modules(root, "regulations")
        for name in imported_packages(path) - allowed
    }


RANK = ranks(ARCHITECTURE.read_text(encoding="utf-8"))


def test_the_rank_table_names_every_package_of_the_project():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages <= RANK.keys(), f"not in docs/architecture.md's rank table: {packages - RANK.keys()}"
    assert RANK["regulations"] == 0 and RANK["config"] == max(RANK.values())


def test_no_module_imports_a_package_of_the_same_or_a_higher_rank():
    found = violations(ROOT, RANK)
    assert found - KNOWN_UPWARD.keys() == set(), "imports against docs/architecture.md's rank table"
    assert KNOWN_UPWARD.keys() - found == set(), "these moves landed: delete their KNOWN_UPWARD entries"


def test_regulations_imports_only_the_standard_library():
    assert impure(ROOT) == set()


# --- the checks catch what they are for ---------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    def write(relative: str, source: str) -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")

    return write


def test_an_upward_import_is_caught_even_inside_a_function(tmp_path, tree):
    tree("core/views.py", "def page():\n    from people.models import Pegawai\n    return Pegawai\n")
    tree("people/models.py", "from core.models import Document\n")
    tree("people/tests/test_x.py", "from layanan.models import Request\n")  # tests may
    assert violations(tmp_path, {"core": 1, "people": 4, "layanan": 6}) == {("core/views.py", "people")}


def test_same_rank_packages_may_not_import_each_other(tmp_path, tree):
    tree("layanan/rules.py", "import jafung.queries\n")
    assert violations(tmp_path, {"layanan": 6, "jafung": 6}) == {("layanan/rules.py", "jafung")}


def test_django_in_regulations_is_caught(tmp_path, tree):
    tree("regulations/rule.py", "from datetime import date\nfrom django.utils import timezone\n")
    assert impure(tmp_path) == {("regulations/rule.py", "django")}


def test_the_rank_table_is_read_from_the_markdown():
    assert ranks("| rank | packages |\n|---|---|\n| 0 | `regulations` |\n| 5 | `campaigns`, `ipasn` |\n") == {
        "regulations": 0,
        "campaigns": 5,
        "ipasn": 5,
    }
