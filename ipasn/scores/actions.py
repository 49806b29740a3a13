"""Every write of the scores, and the employee's own training record.

``do_compute_scores`` is the one path from master data to a stored score: the command for
the whole instansi, the listener that follows every change of an input, and the tests all
go through it. Only scores that differ from the stored ones are written, so a recompute of
an unchanged instansi writes nothing but its audit row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from core.audit import Recorded, record
from core.documents import do_attach_document
from ipasn.models import Score
from ipasn.scores.queries import read_inputs, stored
from ipasn.scores.rules import Memo, inputs_of
from people.models import (
    Pegawai,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatPendidikan,
    RiwayatSkp,
)
from people.records.actions import do_add_riwayat
from regulations.ipasn import DEFAULT_CONFIG, score
from regulations.reasons import RuleInputError

_DIMENSIONS = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")
# The records a score reads, by the object type core.audit announces them under.
_INPUT_ROWS = {
    m._meta.label_lower: m
    for m in (RiwayatDiklat, RiwayatSkp, RiwayatHukdis, RiwayatPendidikan, RiwayatJabatan)
}
_PEGAWAI = Pegawai._meta.label_lower


def compute(year: int, data: dict, config=DEFAULT_CONFIG) -> dict[int, tuple]:
    """pegawai id → (opd id, kualifikasi, kompetensi, kinerja, disiplin, total, kategori, inputs)."""
    results = {}
    pendidikan, diklat, skp, hukdis = data["pendidikan"], data["diklat"], data["skp"], data["hukdis"]
    memo = Memo(config)
    for pid, opd_id, level, jenis_jabatan, eselon, jabatan in data["people"]:
        inputs, profile = inputs_of(
            year=year,
            pendidikan=level,
            pendidikan_row=pendidikan.get(pid, {}).get(level),
            jenis_jabatan=jenis_jabatan,
            eselon=eselon,
            jabatan=jabatan,
            diklat=diklat.get(pid, ()),
            skp=skp.get(pid),
            hukdis=hukdis.get(pid, ()),
            memo=memo,
        )
        try:
            result = score(profile, config)
        except RuleInputError as exc:
            # An SKP the year's regime cannot read scores as no SKP, and the page says why.
            inputs["skp"]["error"] = str(exc)
            result = score(replace(profile, skp=None), config)
        results[pid] = (
            opd_id,
            result.kualifikasi,
            result.kompetensi,
            result.kinerja,
            result.disiplin,
            result.total,
            result.kategori.value,
            inputs,
        )
    return results


def _row(pid: int, year: int, values: tuple, now) -> Score:
    opd_id, kualifikasi, kompetensi, kinerja, disiplin, total, kategori, inputs = values
    return Score(
        pegawai_id=pid,
        year=year,
        opd_id=opd_id,
        kualifikasi=kualifikasi,
        kompetensi=kompetensi,
        kinerja=kinerja,
        disiplin=disiplin,
        total=total,
        kategori=kategori,
        inputs=inputs,
        computed_at=now,
    )


_COLUMNS = ("pegawai", "year", "opd", *_DIMENSIONS, "kategori", "inputs", "digest", "computed_at")
# One encoder for the whole run: json.dumps with options builds a new one per call.
_JSON = json.JSONEncoder(separators=(",", ":")).encode


def digest_of(values: tuple) -> tuple[str, str]:
    """(the inputs as JSON text, a digest of everything a score row stores but its time):
    a run compares digests instead of decoding every stored row's JSON."""
    text = _JSON(values[7])
    head = "|".join(map(str, values[:7]))
    return text, hashlib.blake2b(f"{head}|{text}".encode(), digest_size=16).hexdigest()


def _upsert(year: int, changed: dict[int, tuple], texts: dict[int, tuple[str, str]], now) -> None:
    """Insert or update the changed scores of a whole-instansi run. Not bulk_create: its
    per-value field preparation cost three times the scoring itself for 10,000 rows. The
    values are the ones Score's fields would store (floats, the JSON text, the database's
    form of the moment)."""
    if not changed:
        return
    columns = [Score._meta.get_field(name).column for name in _COLUMNS]
    quote = connection.ops.quote_name
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns[2:])
    insert = f"INSERT INTO {quote(Score._meta.db_table)} ({', '.join(map(quote, columns))}) "
    tail = f" ON CONFLICT ({quote(columns[0])}, {quote(columns[1])}) DO UPDATE SET {updates}"
    moment = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The rows as one JSON document, unpacked by the server: a single text parameter,
            # where a parameter per value (or an array per column) cost the driver more to
            # encode than the scoring took. The inputs go in as the JSON text already made
            # for the digest.
            document = (
                "["
                + ",".join(
                    f"[{pid},{opd_id},{float(k)!r},{float(c)!r},{float(n)!r},{float(d)!r},{float(t)!r},"
                    f'"{kategori}","{texts[pid][1]}",{texts[pid][0]}]'
                    for pid, (opd_id, k, c, n, d, t, kategori, _inputs) in changed.items()
                )
                + "]"
            )
            select = (
                "(e->>0)::bigint, %s, (e->>1)::bigint, (e->>2)::float8, (e->>3)::float8,"
                " (e->>4)::float8, (e->>5)::float8, (e->>6)::float8, e->>7, e->9, e->>8, %s"
            )
            cursor.execute(
                f"{insert}SELECT {select} FROM jsonb_array_elements(%s::jsonb) AS e{tail}",
                [year, moment, document],
            )
            return
        # SQLite: one prepared statement run for every row, the loop in the driver.
        cursor.executemany(
            f"{insert}VALUES ({', '.join(['%s'] * len(columns))}){tail}",
            [
                (pid, year, opd_id, *map(float, points), kategori, *texts[pid], moment)
                for pid, (opd_id, *points, kategori, _inputs) in changed.items()
            ],
        )


def _dimensions(values: tuple) -> dict:
    return dict(zip(_DIMENSIONS, values, strict=True))


@transaction.atomic
def do_compute_scores(year: int, *, actor, pegawai_ids=None, because: str = "") -> dict:
    """Compute and store the scores of ``year`` for every measured employee, or for
    ``pegawai_ids``. The whole instansi is one audit row with the counts; a recompute of
    chosen employees is one audit row per score that changed (before → after)."""
    ids = None if pegawai_ids is None else sorted({int(i) for i in pegawai_ids})
    results = compute(year, read_inputs(year, ids))
    old = stored(year, ids)
    now = timezone.now()
    texts = {pid: digest_of(values) for pid, values in results.items()}
    changed = {
        pid: values for pid, values in results.items() if pid not in old or old[pid][6] != texts[pid][1]
    }
    gone = [pid for pid in old if pid not in results]
    if gone:
        Score.objects.filter(year=year, pegawai_id__in=gone).delete()
    if ids is None:
        _upsert(year, changed, texts, now)
        counts = {"tahun": year, "dinilai": len(results), "berubah": len(changed), "dihapus": len(gone)}
        record(actor=actor, event="ipasn.dihitung", object_type="ipasn.score", object_id=year, after=counts)
        return counts
    for pid, values in changed.items():
        before = _dimensions(old[pid][:5]) if pid in old else {}
        row = _row(pid, year, values, now)
        row.digest = texts[pid][1]
        existing = Score.objects.filter(pegawai_id=pid, year=year).values_list("pk", flat=True).first()
        row.pk = existing
        row.save(force_insert=existing is None)
        after = _dimensions(values[1:6]) | {"kategori": values[6], "tahun": year}
        if because:
            after["karena"] = because
        record(
            actor=actor,
            event="ipasn.skor_berubah",
            object_type="ipasn.score",
            object_id=row.pk,
            object_repr=f"IP-ASN {year} pegawai {pid}",
            before=before,
            after=after,
        )
    for pid in gone:
        record(
            actor=actor,
            event="ipasn.skor_dihapus",
            object_type="ipasn.score",
            object_repr=f"IP-ASN {year} pegawai {pid}",
            before=_dimensions(old[pid][:5]),
            after={"tahun": year, "karena": because},
        )
    return {"tahun": year, "dinilai": len(results), "berubah": len(changed), "dihapus": len(gone)}


def touched_pegawai(change: Recorded) -> list[int]:
    """The employees whose score an announced write may change."""
    if change.object_type == _PEGAWAI:
        return [int(i) for i in change.object_ids if i.isdigit()]
    model = _INPUT_ROWS.get(change.object_type)
    if model is None:
        return []
    ids = [int(i) for i in change.object_ids if i.isdigit()]
    return sorted(set(model.objects.filter(pk__in=ids).values_list("pegawai_id", flat=True)))


def follow_recorded_change(sender, change: Recorded, **kwargs) -> None:
    """core.audit.recorded listener: recompute the stored years of the touched employees.

    Runs after the writer's commit, in its own transaction. Years: those the employee
    already has a score for, else the latest year computed for the instansi (a new
    employee joins the current figures); nothing before the first ipasn_compute.
    """
    pegawai_ids = touched_pegawai(change)
    if not pegawai_ids:
        return
    years = set(Score.objects.filter(pegawai_id__in=pegawai_ids).values_list("year", flat=True).distinct())
    if not years:
        latest = Score.objects.order_by("-year").values_list("year", flat=True).first()
        years = {latest} if latest is not None else set()
    for year in sorted(years):
        do_compute_scores(year, actor=None, pegawai_ids=pegawai_ids, because=change.event)


@transaction.atomic
def do_record_training(
    pegawai: Pegawai, *, jenis: str, nama: str, penyelenggara: str, tahun: int, jam: int, certificate, actor
) -> RiwayatDiklat:
    """The employee records a training they followed, with its certificate.

    The row is added through people's own action (audited, like any history row) and the
    certificate attached to it; the score follows through the announcement of the row.
    """
    if actor is None or pegawai.user_id != actor.pk:
        raise PermissionDenied
    row = do_add_riwayat(
        pegawai,
        RiwayatDiklat,
        actor=actor,
        jenis=jenis,
        nama=nama,
        penyelenggara=penyelenggara,
        tahun=tahun,
        jam=jam,
    )
    do_attach_document(row, certificate, kind="sertifikat", actor=actor)
    return row
