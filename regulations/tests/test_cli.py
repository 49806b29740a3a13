"""``python -m regulations``: usage, unknown rules, every command with good and bad input, and
the real module entry point."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from regulations.cli import COMMANDS, main

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_no_arguments_prints_usage_and_exits_1(capsys):
    assert main([]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Pemakaian: python -m regulations ATURAN [ARGUMEN | JSON]")
    assert all(name in out for name in COMMANDS)


def test_help_prints_usage_and_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "Pemakaian" in capsys.readouterr().out


def test_an_unknown_rule_is_a_json_error_with_exit_1(capsys):
    assert main(["gaji"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error.startswith("Aturan tidak dikenal: 'gaji'.")
    assert "nip" in error


KP_EMPLOYEE = {
    "golongan": "III/c",
    "tmt_golongan": "2022-04-01",
    "pendidikan": "S1",
    "appraisals": [{"year": 2024, "predikat": "baik"}, {"year": 2025, "predikat": "sangat_baik"}],
}

# command -> (valid argv, bad argv, part of the Indonesian error the bad argv gets).
# Every entry of COMMANDS must have a row: a new command without one fails below.
CASES: dict[str, tuple[list[str], list[str], str]] = {
    "nip": (["19660801 198803 1 001"], ["123"], "NIP harus 18 digit"),
    "nik": (
        ["3515144508680002", "--today", "2026-11-23", "--nip", "196808051990032002"],
        ["3515144508680002", "--today", "23-11-2026"],
        "--today harus tanggal ISO YYYY-MM-DD",
    ),
    "pensiun": (
        ["--birth", "1966-09-19", "--jabatan", "pelaksana"],
        ["--birth", "19-09-1966", "--jabatan", "pelaksana"],
        "--birth harus tanggal ISO YYYY-MM-DD",
    ),
    "kp-periods": (["2025"], ["tahun"], "Berikan satu tahun"),
    "kp-reguler": (
        [json.dumps({**KP_EMPLOYEE, "period": "2026-04-01", "atasan_golongan": "IV/a"})],
        [json.dumps(KP_EMPLOYEE)],
        "Kolom period wajib diisi.",
    ),
    "kp-fungsional": (
        [
            json.dumps(
                {
                    **KP_EMPLOYEE,
                    "period": "2026-04-01",
                    "jabatan": "jf_ahli_muda",
                    "ak_current": 100,
                    "ak_required": 100,
                }
            )
        ],
        [json.dumps({**KP_EMPLOYEE, "period": "2026-04-01", "ak_current": "100", "ak_required": 100})],
        "ak_current harus angka",
    ),
    "jf-golongan": (["ahli_pertama"], ["ahli_super"], "tidak dikenal"),
    "kp-struktural": (
        [
            json.dumps(
                {
                    **KP_EMPLOYEE,
                    "jabatan": "pengawas",
                    "period": "2026-04-01",
                    "eselon": "IV.a",
                    "tmt_jabatan": "2024-01-02",
                }
            )
        ],
        [json.dumps({**KP_EMPLOYEE, "period": "2026-04-01", "eselon": "IX", "tmt_jabatan": "2024-01-02"})],
        "Eselon tidak dikenal",
    ),
    "kp-penyesuaian-ijazah": (
        [
            json.dumps(
                {
                    **KP_EMPLOYEE,
                    "golongan": "II/c",
                    "period": "2026-04-01",
                    "ijazah": "S1",
                    "lulus_upkp": True,
                }
            )
        ],
        [json.dumps({**KP_EMPLOYEE, "period": "2026-04-01", "ijazah": "S1", "lulus_upkp": "ya"})],
        "lulus_upkp harus true atau false",
    ),
    "kp-pengabdian": (
        [json.dumps({**KP_EMPLOYEE, "tmt_pensiun": "2026-06-01", "tmt_pns": "1992-03-01"})],
        [json.dumps({**KP_EMPLOYEE, "tmt_pensiun": "2026-06-01"})],
        "tmt_pns wajib diisi",
    ),
    "izin-belajar": (
        [json.dumps({**KP_EMPLOYEE, "today": "2026-03-01", "jenjang": "S2", "akreditasi": "a"})],
        [json.dumps({**KP_EMPLOYEE, "today": "2026-03-01", "akreditasi": "bagus"})],
        "akreditasi tidak dikenal",
    ),
    "ujian-dinas": (
        [json.dumps({**KP_EMPLOYEE, "golongan": "III/d", "today": "2026-03-01", "jabatan": "administrator"})],
        [json.dumps({**KP_EMPLOYEE, "today": "kemarin"})],
        "today harus tanggal ISO YYYY-MM-DD",
    ),
    "ipasn": (
        [
            json.dumps(
                {"year": 2026, "education": "S1", "position": "pelaksana", "skp": {"year": 2025, "score": 85}}
            )
        ],
        [json.dumps({"year": 2026, "education": "SMA", "position": "jf"})],
        "Pendidikan 'SMA' tidak dikenal",
    ),
    "ikm": (
        ['{"unsur_totals": [105, 101, 100, 116, 102, 105, 106, 105, 115], "respondents": 29}'],
        ['{"unsur_totals": [105, 101, 100, 116, 102, 105, 106, 105, 115]}'],
        "respondents harus bilangan bulat",
    ),
    "sample-size": (["1000"], ["seribu"], "Populasi harus bilangan bulat"),
    "angka-kredit": (
        ['{"jenjang": "ahli_pertama", "predikat": "baik", "months": 2}'],
        ['{"jenjang": "ahli", "predikat": "baik"}'],
        "Jenjang 'ahli' tidak dikenal",
    ),
    "cpns": (
        ['{"birth_date": "1995-06-01", "registered_on": "2026-11-23", "photo_bytes": 150000}'],
        ['{"birth_date": "01-06-1995", "registered_on": "2026-11-23", "photo_bytes": 150000}'],
        "Kolom 'birth_date' harus tanggal ISO YYYY-MM-DD",
    ),
    "due": (
        ['{"received": "2026-03-13T15:29:00+07:00", "days": 5, "now": "2026-03-16T10:00:00+07:00"}'],
        ['{"received": "kemarin", "days": 1}'],
        "Kolom 'received' harus tanggal-waktu ISO",
    ),
    "kgb": (
        ['{"golongan": "III/a", "mkg_since": "2024-04-01", "mkg_tahun": 2, "after": "2026-01-01"}'],
        ['{"golongan": "III/a", "mkg_since": "2024-04-01", "mkg_bulan": 12, "after": "2026-01-01"}'],
        "mkg_bulan harus antara 0 dan 11",
    ),
    "duk": (
        ['{"pegawai": [{"key": "a", "golongan": "III/a", "tmt_golongan": "2020-04-01"}]}'],
        ['{"pegawai": [{"key": "a", "golongan": "III/a", "tmt_golongan": "1-4-2020"}]}'],
        "pegawai[0].tmt_golongan harus tanggal ISO",
    ),
    "gaji-pokok": (
        ['{"golongan": "III/a", "mkg": 10}'],
        ['{"golongan": "V/a", "mkg": 10}'],
        "Golongan",
    ),
}


def run(capsys, argv: list[str]) -> tuple[int, object]:
    status = main(argv)
    return status, json.loads(capsys.readouterr().out)


def test_every_command_has_a_cli_case():
    assert sorted(CASES) == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_answers_valid_input_with_json_and_exit_0(capsys, name):
    valid, _, _ = CASES[name]
    status, out = run(capsys, [name, *valid])
    assert status == 0
    assert isinstance(out, dict)
    assert out and "error" not in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_answers_bad_input_with_an_indonesian_json_error_and_exit_1(capsys, name):
    _, bad, message = CASES[name]
    status, out = run(capsys, [name, *bad])
    assert status == 1
    assert list(out) == ["error"]
    assert message in out["error"]


def test_malformed_json_reaches_the_user_as_a_json_error(capsys):
    assert main(["due", "{days: 1}"]) == 1
    assert json.loads(capsys.readouterr().out)["error"].startswith("JSON tidak valid")


def run_module(*args: str) -> subprocess.CompletedProcess:
    """``python -m regulations ARGS`` in a fresh interpreter, from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "regulations", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_real_module_runs_from_the_project_root():
    done = run_module("nip", "19660801 198803 1 001")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "birth_date": "1966-08-01",
        "cpns_tmt": "1988-03",
        "gender": "L",
        "sequence": 1,
    }


def test_the_real_module_exits_1_with_a_json_error_for_bad_input():
    done = run_module("nip", "123")
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"error": "NIP harus 18 digit, bukan 3 digit."}


@pytest.mark.parametrize(
    ("command", "payload"),
    [
        ("ipasn", '{"year": 2026, "education": "S1", "position": "pelaksana", "trainnigs": []}'),
        ("ipasn", '{"year": 2026, "education": "S1", "position": "jf", "skp": {"year": 2025, "scor": 85}}'),
        ("ikm", '{"unsur_totals": [3,3,3,3,3,3,3,3,3], "respondents": 1, "wieghting": "0.11"}'),
        ("angka-kredit", '{"jenjang": "ahli_pertama", "predikat": "baik", "month": 2}'),
    ],
)
def test_a_misspelt_field_is_refused_rather_than_ignored(command, payload, capsys):
    assert main([command, payload]) == 1
    assert "tidak dikenal" in json.loads(capsys.readouterr().out)["error"]
