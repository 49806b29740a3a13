"""IP-ASN in the demo: the scores of the demo year and the one before (for the trend), and
national values for a sample of employees with a few deliberate differences, so the
comparison screen has something to explain.

Idempotent: nothing is done when the demo year already has scores. A few seconds for the
whole province (ipasn.scores.actions.do_compute_scores is the same path as ipasn_compute).
"""

from __future__ import annotations

from random import Random

from django.contrib.auth import get_user_model

from demo.people import AS_OF
from ipasn.models import Score
from ipasn.national.actions import do_import_national_scores
from ipasn.scores.actions import do_compute_scores
from people.models import Pegawai

NATIONAL_SAMPLE = 200
NATIONAL_DIFFERENT = 12


def seed_demo_ipasn(seed: int, *, year: int = AS_OF.year) -> dict:
    if Score.objects.filter(year=year).exists() or not Pegawai.objects.exists():
        return {}
    do_compute_scores(year - 1, actor=None)
    counts = do_compute_scores(year, actor=None)
    admin = get_user_model().objects.filter(username="admin").first()
    national = 0
    if admin is not None:
        rows = national_sample(year, seed)
        national = do_import_national_scores(rows, year=year, actor=admin)["diimpor"]
    return {"tahun": year, "dinilai": counts["dinilai"], "nasional": national}


def national_sample(year: int, seed: int) -> list[dict]:
    """What the national system might say for a sample: mostly our values, a few with the
    kompetensi or kinerja the national data lacks (a training or an SKP not sent to SIASN)."""
    rng = Random(seed)
    scores = list(
        Score.objects.filter(year=year)
        .order_by("pk")
        .values_list("pegawai__nip", "kualifikasi", "kompetensi", "kinerja", "disiplin")
    )
    sample = rng.sample(scores, min(NATIONAL_SAMPLE, len(scores)))
    rows = []
    for i, (nip, kualifikasi, kompetensi, kinerja, disiplin) in enumerate(sample):
        if i < NATIONAL_DIFFERENT:
            if i % 2 and kompetensi:
                kompetensi = 0.0
            else:
                kinerja = max(kinerja - 10, 0)
        total = kualifikasi + kompetensi + kinerja + disiplin
        rows.append(
            {
                "nip": nip,
                "kualifikasi": kualifikasi,
                "kompetensi": kompetensi,
                "kinerja": kinerja,
                "disiplin": disiplin,
                "total": total,
            }
        )
    return rows
