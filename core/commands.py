"""What several management commands share: file and ``--actor`` options, progress lines, error lines.

Commands are assembly code (architecture.md): they may import any app; this module imports
none, so every app's commands can use it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, OutputWrapper


def add_file_arguments(parser) -> None:
    """The file an import command reads (CSV or XLSX) and its ``--dry-run``."""
    parser.add_argument("file")
    parser.add_argument("--dry-run", action="store_true", help="periksa dan hitung saja, tanpa menyimpan")


def add_actor_argument(parser) -> None:
    parser.add_argument("--actor", help="username pelaku yang dicatat di log audit (bawaan: sistem)")


def actor_named(username: str | None):
    """The user ``--actor`` names, or None (the system) without it; an unknown name stops with exit 2."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Pengguna {username!r} tidak ada.", returncode=2)
    return user


def line_writer(stream: OutputWrapper) -> Callable[[str], None]:
    """A ``report(line)`` callback that shows each line at once (a long run is watched live)."""

    def report(line: str) -> None:
        stream.write(line)
        stream.flush()

    return report


def error_line(exc: Exception, expected: type[Exception]) -> str:
    """An ``expected`` error by its own (Indonesian) message; anything else by its type too."""
    return str(exc) if isinstance(exc, expected) else f"{type(exc).__name__}: {exc}"
