"""Nothing that changes data bypasses the audit log.

Every public action (a ``do_*`` function in any module of the project's apps, found by its
name) is listed here with a way to call it; each call must leave audit rows naming the actor and carrying before/after values.
A new action without an entry fails ``test_every_action_is_covered``. Apps keep their
entries beside them, in ``<app>/tests/audit_calls.py`` exposing ``calls(cast, tmp_path)``;
a module whose entries come in groups with their own setup lists the groups (functions of
the same signature, ``calls`` being their union) in ``SECTIONS``, and each test then sets up
only its action's group.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
from pathlib import Path

import pytest

from core.models import AuditLog

# The import-job actions read their progress through the progress alias.
pytestmark = pytest.mark.django_db(databases=["default", "progress"])
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _documents_in_tmp(private_media):
    """Documents the calls write land in the test's own MEDIA_ROOT (tmp_path/"media", the
    folder the apps' ``calls(cast, tmp_path)`` name too), never in var/."""


# Actions that write their own log instead of the audit log, with the reason.
NOT_AUDITED = {
    "core.notifications.actions.do_mark_read": "reading a notification changes no record",
}


def _app_call_modules():
    for path in sorted(ROOT.glob("*/tests/audit_calls.py")):
        yield importlib.import_module(f"{path.parent.parent.name}.tests.audit_calls")


def _app_calls(cast, tmp_path) -> dict:
    """The entries apps keep beside them (``<app>/tests/audit_calls.py``)."""
    found = {}
    for module in _app_call_modules():
        found |= module.calls(cast, tmp_path)
    return found


def _sections():
    """This module's ``_calls`` and every app's groups of entries (its ``SECTIONS``, or its
    ``calls`` as one group)."""
    yield _calls
    for module in _app_call_modules():
        yield from getattr(module, "SECTIONS", (module.calls,))


# {action: the group of entries that has it}, learnt in the first test of a process: each
# later test then sets up only the entries of that one group.
_ENTRY_SECTION: dict = {}


def _call_of(name: str, cast, tmp_path):
    if not _ENTRY_SECTION:
        entries = {}
        for section in _sections():
            calls = section(cast, tmp_path)
            _ENTRY_SECTION.update(dict.fromkeys(calls, section))
            entries |= calls
        return entries[name]
    return _ENTRY_SECTION[name](cast, tmp_path)[name]


def _calls(cast, tmp_path):
    from accounts.login import actions as login
    from accounts.roles import Role
    from accounts.users import actions as acc
    from conftest import make_pdf
    from core import documents as docs
    from core.holidays import actions as core
    from org.units import actions as org
    from people.corrections import actions as corrections
    from people.imports.files.tables import do_import_pegawai
    from people.models import RiwayatDiklat
    from people.records.actions import do_add_riwayat, do_update_pegawai
    from people.tests.factories import make_pegawai
    from people.tests.siasn_files import asn_row, write_csv
    from regulations.sla import OfficeDay

    holiday = core.do_add_holiday(date=dt.date(2026, 8, 28), name="Hari Jadi", actor=cast.admin)
    unit = cast.opd_a.units.first()
    pegawai = make_pegawai(cast.opd_a, actor=cast.admin)

    def scan():
        return docs.do_attach_document(
            pegawai.riwayat_golongan.get(), make_pdf("sk.pdf"), kind="sk_pangkat", actor=cast.admin
        )

    def correction(hp="081200000001"):
        return corrections.do_propose_correction(
            pegawai,
            field="nomor_hp",
            new_value=hp,
            reason="Nomor baru",
            scan=make_pdf("ktp.pdf"),
            actor=cast.operator_a,
        )

    return {
        "people.corrections.actions.do_propose_correction": correction,
        "people.corrections.actions.do_approve_correction": lambda: corrections.do_approve_correction(
            correction(), actor=cast.unit_pengolah
        ),
        "people.corrections.actions.do_reject_correction": lambda: corrections.do_reject_correction(
            correction(), reason="Pindaian tidak terbaca", actor=cast.unit_pengolah
        ),
        "core.documents.do_attach_document": scan,
        "core.documents.do_delete_document": lambda: docs.do_delete_document(scan(), actor=cast.admin),
        "core.documents.do_record_download": lambda: docs.do_record_download(scan(), actor=cast.operator_a),
        "accounts.users.actions.do_create_user": lambda: acc.do_create_user(
            username="baru", name="Baru", password="x" * 12, roles=[Role.UNIT_PENGOLAH], actor=cast.admin
        ),
        "accounts.users.actions.do_update_user": lambda: acc.do_update_user(
            cast.pegawai_a,
            changes={"name": "Nama Baru"},
            roles=[Role.PEGAWAI, Role.OPERATOR_OPD],
            actor=cast.admin,
        ),
        "accounts.login.actions.do_change_password": lambda: login.do_change_password(
            cast.pegawai_a, new_password="Baru#2026xx", actor=cast.pegawai_a
        ),
        "accounts.login.actions.do_record_login": lambda: login.do_record_login(
            cast.pegawai_a, ip="127.0.0.1"
        ),
        "core.holidays.actions.do_add_holiday": lambda: core.do_add_holiday(
            date=dt.date(2026, 9, 1), name="Libur Lokal", actor=cast.admin
        ),
        "core.holidays.actions.do_rename_holiday": lambda: core.do_rename_holiday(
            holiday, name="Hari Jadi ke-69", actor=cast.admin
        ),
        "core.holidays.actions.do_cancel_holiday": lambda: core.do_cancel_holiday(holiday, actor=cast.admin),
        "core.holidays.actions.do_load_national_holidays": lambda: core.do_load_national_holidays(
            [2026], actor=cast.admin
        ),
        "org.units.actions.do_create_instansi": lambda: org.do_create_instansi(
            actor=cast.admin, code="9901", name="Pemerintah Kota Uji", kind="kota", time_zone="Asia/Makassar"
        ),
        "org.units.actions.do_update_instansi": lambda: org.do_update_instansi(
            cast.instansi, changes={"address": "Jalan Baru"}, actor=cast.admin
        ),
        "org.units.actions.do_create_opd": lambda: org.do_create_opd(
            actor=cast.admin, instansi=cast.instansi, code="99", name="Dinas Uji"
        ),
        "org.units.actions.do_update_opd": lambda: org.do_update_opd(
            cast.opd_a, changes={"is_active": False}, actor=cast.admin
        ),
        "org.units.actions.do_create_unit": lambda: org.do_create_unit(
            actor=cast.admin, opd=cast.opd_a, parent=unit, name="Seksi"
        ),
        "org.units.actions.do_update_unit": lambda: org.do_update_unit(
            unit, changes={"name": "Sekretariat Dinas"}, actor=cast.admin
        ),
        "org.units.actions.do_set_office_hours": lambda: org.do_set_office_hours(
            cast.instansi, weekday=4, opens=dt.time(7, 30), closes=dt.time(16, 0), actor=cast.admin
        ),
        "people.imports.files.tables.do_import_pegawai": lambda: do_import_pegawai(
            write_csv(tmp_path / "data-asn.csv", [asn_row(cast.opd_a, 901)]), actor=cast.admin
        ),
        "people.records.actions.do_create_pegawai": lambda: make_pegawai(cast.opd_a, actor=cast.admin),
        "people.records.actions.do_update_pegawai": lambda: do_update_pegawai(
            pegawai, changes={"nomor_hp": "0812"}, actor=cast.admin
        ),
        "people.records.actions.do_add_riwayat": lambda: do_add_riwayat(
            pegawai,
            RiwayatDiklat,
            actor=cast.admin,
            jenis="teknis",
            nama="Pelatihan SIASN",
            tahun=2026,
            jam=24,
        ),
        "org.units.actions.do_set_office_week": lambda: org.do_set_office_week(
            cast.instansi, {5: OfficeDay(dt.time(8, 0), dt.time(12, 0)), 4: None}, actor=cast.admin
        ),
    }


def defined_actions(root: Path) -> set[str]:
    """``module.do_x`` for every ``do_*`` function defined at the top of a module of an app
    (a folder with ``apps.py``) under ``root``, tests, migrations and commands aside: a writer
    in an unexpected module is found by its name instead of being missed by a list of file
    patterns. Read from the syntax tree: an imported ``do_*`` is its own module's, not the
    importer's."""
    names = set()
    for app in sorted(path.parent for path in root.glob("*/apps.py")):
        for path in sorted(app.rglob("*.py")):
            relative = path.relative_to(root)
            if {"tests", "migrations", "management"} & set(relative.parts):
                continue
            module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            names |= {
                f"{module}.{node.name}"
                for node in tree.body
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("do_")
            }
    return names


def all_actions() -> set[str]:
    return defined_actions(ROOT)


def uncovered(actions: set[str], entries: set[str]) -> set[str]:
    """Actions with no entry (and no reason in NOT_AUDITED)."""
    return actions - entries - NOT_AUDITED.keys()


def test_each_app_keeps_its_entries_in_one_file():
    strays = {path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/tests/audit_calls*.py")}
    strays -= {path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/tests/audit_calls.py")}
    assert strays == set(), "an app's audit-trail entries belong in <app>/tests/audit_calls.py"


def test_every_action_is_covered(cast, tmp_path):
    entries = set(_calls(cast, tmp_path)) | set(_app_calls(cast, tmp_path))
    assert uncovered(all_actions(), entries) == set(), "add an entry to an audit_calls module"
    assert entries - all_actions() == set(), "entries for actions that no longer exist"
    assert NOT_AUDITED.keys() <= all_actions(), "NOT_AUDITED names an action that no longer exists"


def test_a_new_action_without_an_entry_is_found_uncovered(tmp_path):
    def write(relative: str, source: str) -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")

    write("shop/apps.py", "")
    write(
        "shop/orders/actions.py", "def do_place_order(*, actor): ...\n\ndef do_cancel_order(*, actor): ...\n"
    )
    write("shop/orders/views.py", "from shop.orders.actions import do_place_order\n")  # not its own
    write("shop/imports/jobs.py", "async def do_run_import(*, actor): ...\n")  # an unusual module
    write("shop/__init__.py", "def do_setup(*, actor): ...\n")
    write("shop/tests/test_orders.py", "def do_helper(): ...\n")
    write("shop/migrations/0002_data.py", "def do_forwards(apps, schema_editor): ...\n")
    write("notes/orders.py", "def do_untracked(): ...\n")  # not an app: no apps.py
    found = defined_actions(tmp_path)
    assert found == {
        "shop.orders.actions.do_place_order",
        "shop.orders.actions.do_cancel_order",
        "shop.imports.jobs.do_run_import",
        "shop.do_setup",
    }
    covered = {"shop.orders.actions.do_place_order", "shop.imports.jobs.do_run_import", "shop.do_setup"}
    assert uncovered(found, covered) == {"shop.orders.actions.do_cancel_order"}


@pytest.mark.parametrize("name", sorted(n for n in all_actions() if n not in NOT_AUDITED))
def test_action_leaves_an_audit_row_with_actor_and_values(name, cast, tmp_path):
    call = _call_of(name, cast, tmp_path)
    last = AuditLog.objects.order_by("-id").values_list("id", flat=True).first() or 0
    call()
    rows = list(AuditLog.objects.filter(id__gt=last))
    assert rows, f"{name} wrote no audit row"
    for row in rows:
        assert row.actor_label != "sistem" and row.actor is not None
        assert row.before or row.after, f"{name}: audit row without values"
