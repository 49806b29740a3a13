"""One employee's career timeline ("Karier Saya"): next KP, next KGB, ujian dinas / UPKP,
pension, each with its reasons and the fix for a gap. Months ahead, not on the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404

from kpo.inputs.queries import load_records
from kpo.kgb.rules import KgbRow, kgb_of
from kpo.pension.rules import pension_of, ppo_items
from kpo.periods.rules import Candidate, evaluate
from layanan.requests.rules import rule_input
from people.records.queries import pegawai_for_user, pegawai_of_user
from regulations.pension import Pension, request_window
from regulations.promotion import next_kp_period
from regulations.ranks import add_months
from regulations.reasons import RuleInputError
from regulations.ujian_dinas import UjianDinasResult, ujian_dinas

# How far ahead the next KP is looked for: the next 12 periods (two years).
KP_HORIZON = 12
# The reconciliation closes 3 months before the period (seed 002: 6 to 3 months before).
FIX_MONTHS_BEFORE = 3


@dataclass(frozen=True)
class NextKp:
    period: date
    candidate: Candidate
    fix_by: date
    reconciliation_opens: date


@dataclass(frozen=True)
class Career:
    record: object
    today: date
    kp: NextKp | None
    kgb: KgbRow
    ujian: UjianDinasResult | None
    ujian_problem: str
    pension: Pension | None
    pension_opens: date | None
    pension_items: tuple


def next_kp(record, today: date) -> NextKp | None:
    period = next_kp_period(today)
    for _ in range(KP_HORIZON):
        c = evaluate(record, period)
        if c is not None:
            return NextKp(period, c, add_months(period, -FIX_MONTHS_BEFORE), add_months(period, -6))
        period = next_kp_period(period)
    return None


def career_of(record, today: date) -> Career:
    try:
        ujian, problem = ujian_dinas(rule_input(record), today), ""
    except RuleInputError as exc:
        ujian, problem = None, exc.message
    p = pension_of(record)
    return Career(
        record=record,
        today=today,
        kp=next_kp(record, today),
        kgb=kgb_of(record, today),
        ujian=ujian,
        ujian_problem=problem,
        pension=p,
        pension_opens=request_window(p)[0] if p else None,
        pension_items=ppo_items(record),
    )


def _record(pegawai) -> object:
    records = load_records(pegawai, golongan_history=True, family=True)
    if not records:
        raise Http404
    return records[0]


def own_record(user):
    return _record(pegawai_of_user(user))


def record_for_user(user, pk: int):
    """Any employee in the user's scope (BKD staff: all; Operator OPD: their OPD); else 404."""
    return _record(pegawai_for_user(user).filter(pk=pk))
