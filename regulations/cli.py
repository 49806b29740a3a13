"""``python -m regulations RULE [ARGS | JSON]``: every rule on the command line, as JSON.

Each command is a function ``(argv: list[str]) -> dict`` living next to its rule; it raises
:class:`~regulations.reasons.RuleInputError` for bad input, which is printed as
``{"error": "<pesan>"}`` with exit status 1. Commands read their input with
:mod:`regulations.inputs` and are imported lazily, so that one subject's start-up cost is never
paid by another. Legal basis: none; each command's module cites its own.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable

from regulations.reasons import RuleInputError

# command name -> "module:function"
COMMANDS: dict[str, str] = {
    "nip": "regulations.identity:command_nip",
    "nik": "regulations.identity:command_nik",
    "pensiun": "regulations.pension:command_pensiun",
    "kp-periods": "regulations.promotion:command_kp_periods",
    "kp-reguler": "regulations.promotion:command_kp_reguler",
    "kp-fungsional": "regulations.promotion:command_kp_fungsional",
    "kp-struktural": "regulations.promotion:command_kp_struktural",
    "kp-penyesuaian-ijazah": "regulations.promotion:command_kp_penyesuaian_ijazah",
    "kp-pengabdian": "regulations.promotion:command_kp_pengabdian",
    "ujian-dinas": "regulations.ujian_dinas:command_ujian_dinas",
    "izin-belajar": "regulations.study:command_izin_belajar",
    "ipasn": "regulations.ipasn:command_ipasn",
    "ikm": "regulations.skm:command_ikm",
    "sample-size": "regulations.skm:command_sample_size",
    "angka-kredit": "regulations.credit_points:command_angka_kredit",
    "jf-golongan": "regulations.credit_points:command_jf_golongan",
    "cpns": "regulations.cpns:command_cpns",
    "due": "regulations.sla:command_due",
    "kgb": "regulations.salary:command_kgb",
    "gaji-pokok": "regulations.salary:command_gaji_pokok",
    "duk": "regulations.duk:command_duk",
}


def _load(name: str) -> Callable[[list[str]], dict]:
    module_name, func_name = COMMANDS[name].split(":")
    return getattr(importlib.import_module(module_name), func_name)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print("Pemakaian: python -m regulations ATURAN [ARGUMEN | JSON]")
        print("Aturan: " + ", ".join(sorted(COMMANDS)))
        return 0 if argv else 1
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        _print({"error": f"Aturan tidak dikenal: {name!r}. Pilihan: {', '.join(sorted(COMMANDS))}."})
        return 1
    try:
        result = _load(name)(rest)
    except RuleInputError as exc:
        _print({"error": exc.message})
        return 1
    _print(result)
    return 0


def _print(data: dict) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
