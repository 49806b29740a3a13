"""Move Python modules with ``git mv`` and rewrite every reference to them in the tree.

Usage: ``python scripts/move_modules.py MAPPING`` where each line of MAPPING reads
``old/path.py new/path.py``. Parent packages are created with an empty ``__init__.py``.
References rewritten in every ``.py`` file (tracked or not, outside .venv): ``import a.b``,
``from a.b import x``, dotted strings such as ``"a.b.func"`` (mock targets, task paths,
``include()``), and ``from a import b`` when ``b`` is a moved module. Run ``ruff check --fix``
and ``ruff format`` afterwards to re-sort imports.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "node_modules", ".git", "test-artifacts"}


def dotted(path: str) -> str:
    p = path[:-3] if path.endswith(".py") else path
    if p.endswith("/__init__"):
        p = p[: -len("/__init__")]
    return p.replace("/", ".")


def python_files():
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def main(mapping_file: str) -> None:
    pairs = []
    for line in Path(mapping_file).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            old, new = line.split()
            pairs.append((old, new))
    for old, new in pairs:
        target = ROOT / new
        for parent in list(target.relative_to(ROOT).parents)[:-1]:
            init = ROOT / parent / "__init__.py"
            if not init.exists():
                init.parent.mkdir(parents=True, exist_ok=True)
                init.write_text("")
                subprocess.run(["git", "add", str(init)], cwd=ROOT, check=True)
        subprocess.run(["git", "mv", old, new], cwd=ROOT, check=True)
    # Longest names first, so that a.b.c is rewritten before a.b.
    modules = sorted(((dotted(o), dotted(n)) for o, n in pairs), key=lambda p: -len(p[0]))
    manual = []
    table = dict(modules)
    combined = re.compile(r"(?<![\w.])(" + "|".join(re.escape(old) for old, _ in modules) + r")(?![\w])")
    for path in python_files():
        text = original = path.read_text()
        # One pass, so that a name already rewritten is never rewritten again.
        text = combined.sub(lambda m: table[m.group(1)], text)
        for old, new in modules:
            parent, _, leaf = old.rpartition(".")
            new_parent, _, new_leaf = new.rpartition(".")
            # from parent import leaf  ->  from new_parent import new_leaf as leaf
            pattern = rf"^(\s*)from {re.escape(parent)} import ([^\n(]*\b{re.escape(leaf)}\b[^\n]*)$"
            for match in re.finditer(pattern, text, flags=re.M):
                names = [n.strip() for n in match.group(2).split(",")]
                if names == [leaf]:
                    alias = "" if new_leaf == leaf else f" as {leaf}"
                    repl = f"{match.group(1)}from {new_parent} import {new_leaf}{alias}"
                    text = text.replace(match.group(0), repl)
                else:
                    manual.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
        if text != original:
            path.write_text(text)
            print("changed:", path.relative_to(ROOT))
    for line in manual:
        print("FIX BY HAND:", line)


if __name__ == "__main__":
    main(sys.argv[1])
