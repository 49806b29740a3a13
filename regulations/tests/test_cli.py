"""``python -m regulations``: usage, unknown rules, JSON errors and the real module entry point."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from regulations.cli import COMMANDS, main, parse_json_argument
from regulations.reasons import RuleInputError

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


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "Berikan tepat satu argumen JSON."),
        (["{}", "{}"], "Berikan tepat satu argumen JSON."),
        (["{days: 1}"], "JSON tidak valid"),
        (["[1, 2]"], "JSON harus berupa objek"),
    ],
)
def test_json_commands_get_an_indonesian_error_for_malformed_json(argv, message):
    with pytest.raises(RuleInputError, match=message.replace(".", r"\.")):
        parse_json_argument(argv)


def test_malformed_json_reaches_the_user_as_a_json_error(capsys):
    assert main(["due", "{days: 1}"]) == 1
    assert json.loads(capsys.readouterr().out)["error"].startswith("JSON tidak valid")


def test_the_real_module_runs_from_the_project_root():
    done = subprocess.run(
        [sys.executable, "-m", "regulations", "nip", "19660801 198803 1 001"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "birth_date": "1966-08-01",
        "cpns_tmt": "1988-03",
        "gender": "L",
        "sequence": 1,
    }


def test_the_real_module_exits_1_with_a_json_error_for_bad_input():
    done = subprocess.run(
        [sys.executable, "-m", "regulations", "nip", "123"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"error": "NIP harus 18 digit, bukan 3 digit."}
