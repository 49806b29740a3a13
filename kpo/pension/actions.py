"""Pension requests in bulk from the PPO list."""

from __future__ import annotations

from datetime import date

from kpo.periods.actions import do_create_requests

PENSION_SERVICE = "pensiun-bup"  # layanan/content/services/pensiun-bup.yaml


def do_create_pension_requests(pegawai_ids, *, actor, window: tuple[date, date]) -> dict:
    """Draft pension (BUP) requests for the employees of a PPO list (see do_create_requests)."""
    pairs = [(pk, PENSION_SERVICE) for pk in pegawai_ids]
    note = {"dari": window[0].isoformat(), "sampai": window[1].isoformat()}
    return do_create_requests(pairs, actor=actor, event="kpo.pension_requests_created", note=note)
