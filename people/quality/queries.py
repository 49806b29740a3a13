"""Data quality: checks per employee, a score per OPD and the ranking of OPDs.

Every check is a small pure function over one :class:`Record` (a Pegawai with the history
rows the checks need), returning the findings it makes. The records are loaded for many
OPDs at once in a constant number of queries (:func:`load_records`), so the ranking of a
10,000-employee province costs the same handful of queries as that of one small OPD; the
checks then run in Python. docs/data-quality.md lists every check, its severity and the
score formula.

The two checks that compare employees with each other (duplicate NIK, likely duplicate
person) look across the whole instansi, not just the OPDs being ranked: a duplicate in
another OPD is still a duplicate. They are answered by two GROUP BY queries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from django.db.models import Count, Min, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core.models import Document
from people.models import Pegawai, RiwayatGolongan, RiwayatJabatan, RiwayatSkp
from regulations.identity import MIN_CPNS_AGE, Nip, check_nip_nik, parse_nik, parse_nip
from regulations.ranks import GOLONGAN, anniversary, golongan, max_golongan_reguler
from regulations.reasons import RuleInputError


class Severity:
    """How badly a finding hurts: berat (identity or rank wrong), sedang, ringan (incomplete)."""

    BERAT = "berat"
    SEDANG = "sedang"
    RINGAN = "ringan"


SEVERITY_ORDER = (Severity.BERAT, Severity.SEDANG, Severity.RINGAN)
SEVERITY_LABELS = {
    Severity.BERAT: gettext_lazy("Berat"),
    Severity.SEDANG: gettext_lazy("Sedang"),
    Severity.RINGAN: gettext_lazy("Ringan"),
}
# The points a check costs an OPD when every one of its employees has that finding; a check
# found in a share of the employees costs that share (docs/data-quality.md). A missing scan is
# worth little beside a wrong identity, so the findings nearly every OPD shares (no scans yet)
# cannot flatten the ranking, and the points per check say what to fix first.
WEIGHT = {Severity.BERAT: 100.0, Severity.SEDANG: 50.0, Severity.RINGAN: 5.0}

# Where a finding is fixed: the tab of the employee detail page (people.records.rules.profile.TABS), or
# "" for the main data of the Pegawai record itself.
MAIN_DATA = ""

# KP kinds that may legitimately lift a rank above the ijazah's reguler ceiling.
_BEYOND_CEILING_KINDS = frozenset(
    {
        RiwayatGolongan.JenisKp.PILIHAN,
        RiwayatGolongan.JenisKp.PENYESUAIAN_IJAZAH,
        RiwayatGolongan.JenisKp.PENGABDIAN,
        RiwayatGolongan.JenisKp.ANUMERTA,
    }
)


@dataclass(frozen=True)
class GolonganStep:
    code: str  # "III/a"
    tmt: dt.date
    jenis_kp: str
    pk: int = 0
    has_scan: bool = True


@dataclass(frozen=True)
class JabatanSpan:
    nama: str
    tmt: dt.date
    tmt_selesai: dt.date | None
    pk: int = 0
    has_scan: bool = True


@dataclass
class Record:
    """One Pegawai as the checks see it: plain values, no lazy relation that could query."""

    pk: int
    opd_id: int
    instansi_id: int
    nip: str
    nik: str | None
    nama: str
    tanggal_lahir: dt.date
    jenis_kelamin: str
    status: str
    tmt_cpns: dt.date | None
    golongan: str | None  # current, "III/a"
    pendidikan: str  # current highest ijazah, a Pendidikan value or ""
    golongan_steps: list[GolonganStep] = field(default_factory=list)
    jabatan: list[JabatanSpan] = field(default_factory=list)
    skp_last_year: bool = False
    duplicate_nik: int = 0  # how many other employees of the instansi share the NIK
    twin_of: int = 0  # >0: an earlier employee has the same name, birth date and gender

    @cached_property
    def parsed_nip(self) -> Nip | RuleInputError:
        """The NIP parsed once for all the checks that read it, or why it does not parse."""
        try:
            return parse_nip(self.nip)
        except RuleInputError as exc:
            return exc


@dataclass(frozen=True)
class Finding:
    pegawai_id: int
    code: str
    severity: str
    # The message is kept as its Indonesian id and values and translated only when read:
    # the ranking counts tens of thousands of findings and shows none of their messages.
    msgid: str
    params: dict
    fix_tab: str = MAIN_DATA  # where to fix it: a tab of the detail page, or the main data

    @property
    def message(self) -> str:
        return _(self.msgid) % self.params

    @property
    def severity_label(self):
        return SEVERITY_LABELS[self.severity]


@dataclass(frozen=True)
class Context:
    """What every check may need besides the record: the day the data is judged on."""

    today: dt.date

    @property
    def skp_year(self) -> int:
        return self.today.year - 1


CheckFn = Callable[[Record, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    label: object  # lazy Indonesian text for the filter and the docs
    fn: CheckFn


def _finding(check_code: str, record: Record, msgid: str, params: dict, fix_tab: str = MAIN_DATA) -> Finding:
    return Finding(record.pk, check_code, SEVERITY_OF[check_code], msgid, params, fix_tab)


_RANKS = {g.code: g for g in GOLONGAN}


def _rank(code: str):
    """The rank of a stored code ("III/a"): a dict hit, since the checks ask tens of thousands of times."""
    return _RANKS.get(code) or golongan(code)


def _nip_or_none(record: Record) -> Nip | None:
    return None if isinstance(record.parsed_nip, RuleInputError) else record.parsed_nip


# -- the checks --------------------------------------------------------------------------------


def check_nip_valid(record: Record, ctx: Context):
    """NIP structure (Perka BKN 22/2007): date of birth, TMT CPNS, gender digit, sequence."""
    if isinstance(error := record.parsed_nip, RuleInputError):
        yield _finding(
            "nip_tidak_valid",
            record,
            gettext_noop("NIP %(nip)s tidak sah: %(reason)s"),
            {"nip": record.nip, "reason": error.message},
        )


def check_nip_matches_nik(record: Record, ctx: Context):
    """The NIK (birth date, gender) must describe the same person as the NIP."""
    nip = _nip_or_none(record)
    if nip is None or not record.nik:
        return  # reported by nip_tidak_valid / nik_kosong
    try:
        nik = parse_nik(record.nik, today=ctx.today)
    except RuleInputError as exc:
        yield _finding(
            "nip_nik_tidak_cocok",
            record,
            gettext_noop("NIK %(nik)s tidak sah: %(reason)s"),
            {"nik": record.nik, "reason": exc.message},
        )
        return
    verdict = check_nip_nik(nip, nik)
    for reason in verdict.reasons:
        yield _finding(
            "nip_nik_tidak_cocok",
            record,
            gettext_noop("NIP %(nip)s dan NIK %(nik)s: %(reason)s"),
            {"nip": record.nip, "nik": record.nik, "reason": reason.message},
        )


def check_record_matches_nip(record: Record, ctx: Context):
    """Birth date, gender and TMT CPNS on the record must be the ones the NIP encodes."""
    nip = _nip_or_none(record)
    if nip is None:
        return
    if record.tanggal_lahir != nip.birth_date:
        yield _finding(
            "data_beda_nip",
            record,
            gettext_noop("Tanggal lahir %(record)s berbeda dengan tanggal lahir pada NIP (%(nip)s)."),
            {"record": record.tanggal_lahir.isoformat(), "nip": nip.birth_date.isoformat()},
        )
    if record.jenis_kelamin != nip.gender:
        yield _finding(
            "data_beda_nip",
            record,
            gettext_noop("Jenis kelamin %(record)s berbeda dengan jenis kelamin pada NIP (%(nip)s)."),
            {"record": record.jenis_kelamin or "–", "nip": nip.gender},
        )
    if record.tmt_cpns and (record.tmt_cpns.year, record.tmt_cpns.month) != nip.cpns_tmt:
        year, month = nip.cpns_tmt
        yield _finding(
            "data_beda_nip",
            record,
            gettext_noop("TMT CPNS %(record)s berbeda dengan TMT CPNS pada NIP (%(nip)s)."),
            {"record": record.tmt_cpns.isoformat(), "nip": f"{year:04d}-{month:02d}"},
        )


def check_nik_present(record: Record, ctx: Context):
    if not record.nik:
        yield _finding("nik_kosong", record, gettext_noop("NIK belum diisi."), {})


def check_nik_unique(record: Record, ctx: Context):
    """Guard: the database keeps NIK unique, but data loaded around it must not share one."""
    if record.nik and record.duplicate_nik:
        yield _finding(
            "nik_ganda",
            record,
            gettext_noop("NIK %(nik)s juga dipakai oleh %(count)d pegawai lain di instansi ini."),
            {"nik": record.nik, "count": record.duplicate_nik},
        )


def check_likely_duplicate(record: Record, ctx: Context):
    """Same name, birth date and gender as an earlier employee: probably one person twice."""
    if record.twin_of:
        yield _finding(
            "pegawai_kembar",
            record,
            gettext_noop(
                "Nama %(nama)s, tanggal lahir %(lahir)s dan jenis kelamin %(jk)s sama dengan "
                "%(count)d pegawai lain yang tercatat lebih dahulu; pastikan bukan orang yang sama."
            ),
            {
                "nama": record.nama,
                "lahir": record.tanggal_lahir.isoformat(),
                "jk": record.jenis_kelamin,
                "count": record.twin_of,
            },
        )


def check_rank_ceiling(record: Record, ctx: Context):
    """KP reguler cannot lift a rank above the ceiling of the ijazah (PP 99/2000 jo 12/2002).

    Only steps reached by KP reguler count: pilihan, penyesuaian ijazah, pengabdian and
    anumerta may go beyond it. A current rank above the ceiling with no history row for it
    is reported too, since nothing shows it was reached another way.
    """
    if not record.golongan or not record.pendidikan:
        return
    ceiling = max_golongan_reguler(record.pendidikan)
    current = _rank(record.golongan)
    if current <= ceiling:
        return
    steps = {step.code: step for step in record.golongan_steps}
    reguler_above = [
        step
        for step in record.golongan_steps
        if _rank(step.code) > ceiling and step.jenis_kp not in _BEYOND_CEILING_KINDS
    ]
    if record.golongan not in steps or reguler_above:
        yield _finding(
            "golongan_melebihi_pendidikan",
            record,
            gettext_noop(
                "Golongan %(current)s melebihi golongan tertinggi %(ceiling)s yang dapat dicapai "
                "dengan kenaikan pangkat reguler bagi pendidikan %(pendidikan)s; periksa pendidikan "
                "terakhir atau jenis kenaikan pangkat."
            ),
            {"current": current.code, "ceiling": ceiling.code, "pendidikan": record.pendidikan},
            fix_tab="golongan",
        )


def check_golongan_chain(record: Record, ctx: Context):
    """Each rank step must take effect after the one below it, and none before TMT CPNS."""
    steps = sorted(record.golongan_steps, key=lambda s: _rank(s.code))
    for before, after in pairwise(steps):
        if after.tmt <= before.tmt:
            yield _finding(
                "riwayat_tidak_berurutan",
                record,
                gettext_noop(
                    "TMT golongan %(after)s (%(after_tmt)s) tidak sesudah TMT golongan %(before)s (%(before_tmt)s)."
                ),
                {
                    "after": after.code,
                    "after_tmt": after.tmt.isoformat(),
                    "before": before.code,
                    "before_tmt": before.tmt.isoformat(),
                },
                fix_tab="golongan",
            )
    if record.tmt_cpns and steps and steps[0].tmt < record.tmt_cpns:
        yield _finding(
            "riwayat_tidak_berurutan",
            record,
            gettext_noop("TMT golongan %(code)s (%(tmt)s) lebih awal dari TMT CPNS (%(cpns)s)."),
            {"code": steps[0].code, "tmt": steps[0].tmt.isoformat(), "cpns": record.tmt_cpns.isoformat()},
            fix_tab="golongan",
        )


def check_jabatan_dates(record: Record, ctx: Context):
    """Guard: a position cannot end before it starts (the database refuses new ones)."""
    for span in record.jabatan:
        if span.tmt_selesai and span.tmt_selesai < span.tmt:
            yield _finding(
                "riwayat_tidak_berurutan",
                record,
                gettext_noop("Jabatan %(nama)s berakhir (%(end)s) sebelum dimulai (%(start)s)."),
                {"nama": span.nama, "end": span.tmt_selesai.isoformat(), "start": span.tmt.isoformat()},
                fix_tab="jabatan",
            )


def check_cpns_age(record: Record, ctx: Context):
    """TMT CPNS on the record before the 18th birthday (PP 11/2017 Pasal 23)."""
    if record.tmt_cpns and record.tmt_cpns < anniversary(record.tanggal_lahir, MIN_CPNS_AGE):
        yield _finding(
            "cpns_di_bawah_umur",
            record,
            gettext_noop("TMT CPNS %(cpns)s jatuh sebelum usia %(age)d tahun (lahir %(lahir)s)."),
            {
                "cpns": record.tmt_cpns.isoformat(),
                "age": MIN_CPNS_AGE,
                "lahir": record.tanggal_lahir.isoformat(),
            },
        )


def check_current_scans(record: Record, ctx: Context):
    """The decrees of the current rank and position must have their scan (SK) attached."""
    if record.golongan_steps:
        step = max(record.golongan_steps, key=lambda s: (s.tmt, s.pk))
        if not step.has_scan:
            yield _finding(
                "pindaian_sk_kosong",
                record,
                gettext_noop("Pindaian SK pangkat golongan %(code)s (TMT %(tmt)s) belum diunggah."),
                {"code": step.code, "tmt": step.tmt.isoformat()},
                fix_tab="golongan",
            )
    if record.jabatan:
        span = max(record.jabatan, key=lambda s: (s.tmt, s.pk))
        if not span.has_scan:
            yield _finding(
                "pindaian_sk_kosong",
                record,
                gettext_noop("Pindaian SK jabatan %(nama)s (TMT %(tmt)s) belum diunggah."),
                {"nama": span.nama, "tmt": span.tmt.isoformat()},
                fix_tab="jabatan",
            )


def check_skp_last_year(record: Record, ctx: Context):
    """An active employee in service by 30 June of last year must have last year's SKP."""
    year = ctx.skp_year
    if (
        record.status == Pegawai.Status.AKTIF
        and record.tmt_cpns
        and record.tmt_cpns <= dt.date(year, 6, 30)
        and not record.skp_last_year
    ):
        yield _finding(
            "skp_tahun_lalu_kosong",
            record,
            gettext_noop("SKP tahun %(year)d belum dicatat."),
            {"year": year},
            fix_tab="skp",
        )


CHECKS: tuple[Check, ...] = (
    Check("nip_tidak_valid", Severity.BERAT, gettext_lazy("Struktur NIP tidak sah"), check_nip_valid),
    Check(
        "nip_nik_tidak_cocok", Severity.BERAT, gettext_lazy("NIP dan NIK tidak cocok"), check_nip_matches_nik
    ),
    Check(
        "data_beda_nip",
        Severity.BERAT,
        gettext_lazy("Data pegawai berbeda dengan NIP"),
        check_record_matches_nip,
    ),
    Check("nik_ganda", Severity.BERAT, gettext_lazy("NIK ganda"), check_nik_unique),
    Check(
        "golongan_melebihi_pendidikan",
        Severity.BERAT,
        gettext_lazy("Golongan melebihi batas pendidikan"),
        check_rank_ceiling,
    ),
    Check("nik_kosong", Severity.SEDANG, gettext_lazy("NIK kosong"), check_nik_present),
    Check(
        "pegawai_kembar", Severity.SEDANG, gettext_lazy("Kemungkinan pegawai ganda"), check_likely_duplicate
    ),
    Check(
        "riwayat_tidak_berurutan",
        Severity.SEDANG,
        gettext_lazy("Tanggal riwayat tidak berurutan"),
        lambda record, ctx: [*check_golongan_chain(record, ctx), *check_jabatan_dates(record, ctx)],
    ),
    Check("cpns_di_bawah_umur", Severity.SEDANG, gettext_lazy("TMT CPNS sebelum usia 18"), check_cpns_age),
    Check(
        "skp_tahun_lalu_kosong", Severity.RINGAN, gettext_lazy("SKP tahun lalu kosong"), check_skp_last_year
    ),
    Check(
        "pindaian_sk_kosong",
        Severity.RINGAN,
        gettext_lazy("Pindaian SK pangkat/jabatan belum diunggah"),
        check_current_scans,
    ),
)
SEVERITY_OF = {c.code: c.severity for c in CHECKS}
CHECK_CODES = tuple(c.code for c in CHECKS)
CHECK_LABELS = {c.code: c.label for c in CHECKS}


def findings_for(record: Record, ctx: Context) -> list[Finding]:
    return [finding for check in CHECKS for finding in check.fn(record, ctx)]


# -- loading -------------------------------------------------------------------------------------

_PEGAWAI_COLUMNS = (
    "pk",
    "opd_id",
    "opd__instansi_id",
    "nip",
    "nik",
    "nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "status",
    "tmt_cpns",
    "golongan__code",
    "pendidikan",
)


def load_records(opd_ids: Iterable[int], *, today: dt.date) -> list[Record]:
    """Every Pegawai of these OPDs with what the checks need: seven queries whatever the size."""
    opd_ids = list(opd_ids)
    records = [
        Record(*row)
        for row in Pegawai.objects.filter(opd_id__in=opd_ids).order_by("pk").values_list(*_PEGAWAI_COLUMNS)
    ]
    if not records:
        return records
    by_pk = {r.pk: r for r in records}
    of_opds = {"pegawai__opd_id__in": opd_ids}
    golongan_rows = RiwayatGolongan.objects.filter(**of_opds)
    jabatan_rows = RiwayatJabatan.objects.filter(**of_opds)
    scanned = _scanned(golongan_rows, jabatan_rows)
    for pk, pegawai_id, code, tmt, jenis_kp in golongan_rows.values_list(
        "pk", "pegawai_id", "golongan__code", "tmt", "jenis_kp"
    ):
        step = GolonganStep(code, tmt, jenis_kp, pk, (RiwayatGolongan, pk) in scanned)
        by_pk[pegawai_id].golongan_steps.append(step)
    for pk, pegawai_id, nama, tmt, tmt_selesai in jabatan_rows.values_list(
        "pk", "pegawai_id", "nama", "tmt", "tmt_selesai"
    ):
        span = JabatanSpan(nama, tmt, tmt_selesai, pk, (RiwayatJabatan, pk) in scanned)
        by_pk[pegawai_id].jabatan.append(span)
    for pegawai_id in RiwayatSkp.objects.filter(tahun=today.year - 1, **of_opds).values_list(
        "pegawai_id", flat=True
    ):
        by_pk[pegawai_id].skp_last_year = True
    _mark_duplicates(records)
    return records


def _scanned(golongan_rows, jabatan_rows) -> set[tuple[type, int]]:
    """The (model, pk) of the rank and position rows that have a document: one query.

    Documents point at their owner through a content type (core.models.Document); joining
    on the content type's app and model name keeps this one query without a cache lookup,
    and the row ids stay subqueries, far below any database's parameter limit.
    """
    owners = {"riwayatgolongan": RiwayatGolongan, "riwayatjabatan": RiwayatJabatan}
    rows = (
        Document.objects.filter(content_type__app_label="people")
        .filter(
            Q(content_type__model="riwayatgolongan", object_id__in=golongan_rows.values("pk"))
            | Q(content_type__model="riwayatjabatan", object_id__in=jabatan_rows.values("pk"))
        )
        .values_list("content_type__model", "object_id")
        .distinct()
    )
    return {(owners[model], object_id) for model, object_id in rows}


def _mark_duplicates(records: list[Record]) -> None:
    """Duplicates are looked for across each whole instansi: two GROUP BY queries."""
    instansi_ids = {r.instansi_id for r in records}
    in_instansi = Pegawai.objects.filter(opd__instansi_id__in=instansi_ids)
    shared_nik = {
        (row["opd__instansi_id"], row["nik"]): row["n"]
        for row in in_instansi.exclude(nik=None)
        .values("opd__instansi_id", "nik")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by()
    }
    twins = {
        (row["opd__instansi_id"], row["nama"], row["tanggal_lahir"], row["jenis_kelamin"]): (
            row["n"],
            row["first"],
        )
        for row in in_instansi.values("opd__instansi_id", "nama", "tanggal_lahir", "jenis_kelamin")
        .annotate(n=Count("pk"), first=Min("pk"))
        .filter(n__gt=1)
        .order_by()
    }
    if not shared_nik and not twins:
        return
    for r in records:
        r.duplicate_nik = shared_nik.get((r.instansi_id, r.nik), 1) - 1 if r.nik else 0
        count, first = twins.get((r.instansi_id, r.nama, r.tanggal_lahir, r.jenis_kelamin), (0, r.pk))
        # Only the later records are flagged: the first one recorded is presumed the original.
        r.twin_of = count - 1 if r.pk != first else 0


# -- scores and ranking --------------------------------------------------------------------------


@dataclass
class OpdQuality:
    """The data quality of one OPD: counts and the score (None when it has no employees)."""

    opd: object
    pegawai: int = 0
    clean: int = 0  # employees without any finding
    findings: Counter = field(default_factory=Counter)  # severity -> number of findings
    by_code: Counter = field(default_factory=Counter)  # check code -> number of findings
    employees_by_code: Counter = field(default_factory=Counter)  # check code -> employees with it
    score: float | None = None

    @property
    def lost(self) -> list[tuple[str, float]]:
        """(check code, points it costs) in the order to fix them: the gravest severity first (a
        wrong identity before a missing scan, however many scans), then the costliest."""
        costs = points_lost(self.pegawai, self.employees_by_code)
        return sorted(
            costs.items(),
            key=lambda item: (
                SEVERITY_ORDER.index(SEVERITY_OF[item[0]]),
                -item[1],
                CHECK_CODES.index(item[0]),
            ),
        )

    @property
    def fix_first(self) -> tuple[str, str, float] | None:
        """(code, label, points regained) of the check to fix first, if any."""
        if not self.lost:
            return None
        code, points = self.lost[0]
        return code, CHECK_LABELS[code], points

    @property
    def berat(self) -> int:
        return self.findings[Severity.BERAT]

    @property
    def sedang(self) -> int:
        return self.findings[Severity.SEDANG]

    @property
    def ringan(self) -> int:
        return self.findings[Severity.RINGAN]


def points_lost(pegawai: int, employees_by_code: Counter) -> dict[str, float]:
    """Per check: WEIGHT of its severity × the share of the employees who have it."""
    if not pegawai:
        return {}
    return {
        code: WEIGHT[SEVERITY_OF[code]] * count / pegawai
        for code, count in employees_by_code.items()
        if count
    }


def score(pegawai: int, employees_by_code: Counter) -> float | None:
    """100 − Σ points lost per check, never below 0, one decimal; None without employees."""
    if not pegawai:
        return None
    return round(max(0.0, 100 - sum(points_lost(pegawai, employees_by_code).values())), 1)


def opd_quality(opd, records: Iterable[Record], ctx: Context) -> tuple[OpdQuality, list[Finding]]:
    quality = OpdQuality(opd)
    all_findings: list[Finding] = []
    for record in records:
        found = findings_for(record, ctx)
        quality.pegawai += 1
        if not found:
            quality.clean += 1
            continue
        all_findings.extend(found)
        for f in found:
            quality.findings[f.severity] += 1
            quality.by_code[f.code] += 1
        quality.employees_by_code.update({f.code for f in found})
    quality.score = score(quality.pegawai, quality.employees_by_code)
    return quality, all_findings


def ranking(opds, *, today: dt.date) -> list[OpdQuality]:
    """The OPDs by score, best first; OPDs without employees last. Constant queries."""
    opds = list(opds)
    by_opd: dict[int, list[Record]] = defaultdict(list)
    for record in load_records([o.pk for o in opds], today=today):
        by_opd[record.opd_id].append(record)
    ctx = Context(today)
    rows = [opd_quality(opd, by_opd.get(opd.pk, []), ctx)[0] for opd in opds]
    return sorted(rows, key=lambda q: (q.score is None, -(q.score or 0), q.opd.name))


@dataclass(frozen=True)
class FindingRow:
    """A finding with the employee it is about, for the drill-down list and its export."""

    finding: Finding
    pegawai_id: int
    nip: str
    nama: str

    @property
    def fix_label(self):
        """Where the finding is fixed, as the detail page names it."""
        from people.records.rules.profile import (
            TABS,  # the detail page's tabs; imported late to keep this light
        )

        return next((t.label for t in TABS if t.key == self.finding.fix_tab), _("Data utama"))


def opd_findings(opd, *, today: dt.date, code: str = "") -> tuple[OpdQuality, list[FindingRow]]:
    """One OPD's summary and its findings (optionally of one check), worst first, then by name."""
    records = load_records([opd.pk], today=today)
    quality, found = opd_quality(opd, records, Context(today))
    by_pk = {r.pk: r for r in records}
    rows = [
        FindingRow(f, f.pegawai_id, by_pk[f.pegawai_id].nip, by_pk[f.pegawai_id].nama)
        for f in found
        if not code or f.code == code
    ]
    rows.sort(
        key=lambda row: (SEVERITY_ORDER.index(row.finding.severity), row.nama, row.nip, row.finding.code)
    )
    return quality, rows
