"""IP-ASN scoring benchmark: 100,000 generated profiles must score in under 2 seconds.

Run: ``.venv/bin/python bench/ipasn_bench.py [--profiles N] [--seed S] [--target SECONDS]``.
Prints the scoring time, a baseline measured in the same run (a plain loop that reads every
field the scorer reads and sums them: the floor any scorer in pure Python pays) and the
ratio between the two, so a slower or faster machine shows up in both numbers. Exits 1 when
scoring misses the target. A benchmark, not a test: the CI suite does not run it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from regulations.discipline import Level
from regulations.ipasn import (
    DisciplineRecord,
    IpAsnProfile,
    JenisPelatihan,
    Position,
    SkpRecord,
    Training,
    score,
)
from regulations.ranks import Pendidikan
from regulations.skp import Predikat

YEAR = 2026
_PREDIKAT_2022 = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)


def generate(count: int, seed: int) -> list[IpAsnProfile]:
    """Deterministic profiles shaped like an agency's data: 0–5 trainings, mostly a recent
    SKP (a numeric score or a 2022-style predikat), occasionally a punishment."""
    rng = random.Random(seed)
    educations, positions, kinds, levels = list(Pendidikan), list(Position), list(JenisPelatihan), list(Level)
    profiles = []
    for _ in range(count):
        trainings = tuple(
            Training(rng.choice(kinds), YEAR - rng.randrange(4), rng.randrange(4, 60), rng.random() < 0.8)
            for _ in range(rng.randrange(6))
        )
        roll = rng.random()
        if roll < 0.1:
            skp = None
        elif roll < 0.55:
            skp = SkpRecord(YEAR - 1, score=rng.randrange(40, 101))
        else:
            skp = SkpRecord(YEAR - 1, predikat=rng.choice(_PREDIKAT_2022).value)
        discipline = tuple(
            DisciplineRecord(rng.choice(levels), YEAR - rng.randrange(8))
            for _ in range(rng.random() < 0.1 and rng.randrange(1, 3))
        )
        profiles.append(
            IpAsnProfile(YEAR, rng.choice(educations), rng.choice(positions), trainings, skp, discipline)
        )
    return profiles


def baseline(profiles: list[IpAsnProfile]) -> float:
    """Touch every field the scorer touches, doing nothing but add: the cost of the data itself."""
    acc = 0
    for p in profiles:
        acc += p.year
        for t in p.trainings:
            acc += t.year + t.hours
        if p.skp is not None:
            acc += p.skp.year
        for d in p.discipline:
            acc += d.year
    return acc


def score_all(profiles: list[IpAsnProfile]) -> float:
    total = 0.0
    for p in profiles:
        total += score(p).total
    return total


def timed(func, profiles) -> tuple[float, float]:
    """Best of three runs (the least disturbed by the rest of the machine), and the result."""
    best, result = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        result = func(profiles)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--target", type=float, default=2.0, help="seconds allowed for scoring")
    args = parser.parse_args()

    start = time.perf_counter()
    profiles = generate(args.profiles, args.seed)
    built = time.perf_counter() - start
    base, _ = timed(baseline, profiles)
    took, checksum = timed(score_all, profiles)

    met = took < args.target
    print(f"profiles:        {len(profiles):,} (seed {args.seed}), generated in {built:.2f} s")
    print(f"baseline loop:   {base:.3f} s")
    print(f"scoring:         {took:.3f} s ({took / len(profiles) * 1e6:.1f} µs per profile)")
    print(f"ratio:           {took / base:.1f}× the baseline")
    print(f"mean total:      {checksum / len(profiles):.3f}")
    print(f"target {args.target:g} s:     {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
