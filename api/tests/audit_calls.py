"""Audit-trail entries of the API token actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from api.tokens import actions

    def issued(name):
        return actions.do_create_api_token(name=name, scopes=["read:pegawai"], actor=cast.admin)[0]

    def used():
        token = issued("Audit pakai")
        return actions.do_note_api_token_use(token, address="10.0.0.1", actor=token.client_user)

    return {
        "api.tokens.actions.do_create_api_token": lambda: issued("Audit terbit"),
        "api.tokens.actions.do_revoke_api_token": lambda: actions.do_revoke_api_token(
            issued("Audit cabut"), actor=cast.admin
        ),
        "api.tokens.actions.do_note_api_token_use": used,
    }
