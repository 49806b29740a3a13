"""Timing helpers shared by the page benchmarks: samples in milliseconds and their p95."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
