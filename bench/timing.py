"""Helpers shared by the benchmarks: timed samples, their p95 or best, and a throwaway database."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def timed_calls(call: Callable[[], object], count: int) -> list[float]:
    """Milliseconds of ``count`` calls of ``call``."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def timed_get(client, url: str, count: int) -> list[float]:
    """Milliseconds of ``count`` GETs of ``url``; any answer but 200 stops the bench."""

    def get() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")

    return timed_calls(get, count)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Seconds of the fastest of ``repeat`` calls of ``fn``."""
    return min(timed_calls(fn, repeat)) / 1000


@contextmanager
def throwaway_sqlite(prefix: str) -> Iterator[str]:
    """A temporary folder, removed afterwards, with Django pointed (before it starts) at a
    fresh SQLite file and data folder in it; yields the folder.

    Sets ``DATABASE_URL`` even when the shell has one: these benchmarks migrate and fill
    their database, which must never be a real one.
    """
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        os.environ["PELITA_VAR_DIR"] = tmp
        os.environ["DATABASE_URL"] = f"sqlite:///{os.path.join(tmp, 'bench.sqlite3')}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        yield tmp
