"""Audit-trail entries of core's actions: notifications and exports (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from core.exports import actions as exports
    from core.notifications.actions import do_notify
    from people.records.files import PEGAWAI_EXPORT

    def start(title="Daftar pegawai"):
        job, _created = exports.do_start_export(
            PEGAWAI_EXPORT, params={"q": title}, title=title, total=0, actor=cast.admin
        )
        return job

    return {
        "core.notifications.actions.do_notify": lambda: do_notify(
            [cast.pegawai_a],
            title="Permohonan diterima",
            url="/",
            actor=cast.admin,
            event="notification.sent",
        ),
        "core.exports.actions.do_start_export": start,
        "core.exports.actions.do_record_export_download": lambda: exports.do_record_export_download(
            start("Unduhan"), actor=cast.admin
        ),
        "core.exports.actions.do_record_inline_export": lambda: exports.do_record_inline_export(
            PEGAWAI_EXPORT, params={}, rows=3, title="Daftar pegawai", actor=cast.admin
        ),
    }
