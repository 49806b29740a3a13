"""Audit-trail entries for core's notification action (see tests/test_audit_trail.py)."""


def calls(cast, tmp_path) -> dict:
    from core.notifications.actions import do_notify

    return {
        "core.notifications.actions.do_notify": lambda: do_notify(
            [cast.pegawai_a],
            title="Permohonan diterima",
            url="/",
            actor=cast.admin,
            event="notification.sent",
        ),
    }
