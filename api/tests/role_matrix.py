"""Role-matrix entries of the API (see tests/test_role_matrix.py).

The API does not read sessions: every persona, logged in or not, is a caller without a token
(401 in the JSON error shape). The docs and the schema are public. The token screens are the
Admin's.
"""

from conftest import PERSONAS
from tests.matrix import ADMIN_ONLY, ALL

NO_TOKEN = dict.fromkeys(PERSONAS, 401)
ARGS = {"nip": "198505172010031001", "opd_id": 1, "kode": "izin-belajar", "nomor": "IB-2612-AAAAA"}


def _args(*names):
    return lambda cast: {name: ARGS[name] for name in names}


def _token(cast):
    from api.tokens.actions import do_create_api_token

    token, _plain = do_create_api_token(name="Matriks", scopes=["read:pegawai"], actor=cast.admin)
    return {"pk": token.pk}


MATRIX = {
    "api:openapi-json": (None, ALL),
    "api:openapi-view": (None, ALL),
    "api:api-root": (None, dict.fromkeys(PERSONAS, 404)),
    "api:list_pegawai": (None, NO_TOKEN),
    "api:get_pegawai": (_args("nip"), NO_TOKEN),
    **{
        f"api:riwayat_{kind}": (_args("nip"), NO_TOKEN)
        for kind in ("golongan", "jabatan", "pendidikan", "diklat", "skp", "hukdis", "angka_kredit")
    },
    "api:list_opd": (None, NO_TOKEN),
    "api:get_opd": (_args("opd_id"), NO_TOKEN),
    "api:list_services": (None, NO_TOKEN),
    "api:get_service": (_args("kode"), NO_TOKEN),
    "api:create_request": (None, dict.fromkeys(PERSONAS, 405)),  # POST only
    "api:list_requests": (None, NO_TOKEN),
    "api:get_request": (_args("nomor"), NO_TOKEN),
    "api:list_campaigns": (None, NO_TOKEN),
    "api:participation": (_args("kode"), NO_TOKEN),
    "api:list_scores": (None, NO_TOKEN),
    "api:ticket_status": (None, dict.fromkeys(PERSONAS, 405)),  # POST only
    "api:kp_list": (None, NO_TOKEN),
    "api:ppo_list": (None, NO_TOKEN),
    "api:kgb_list": (None, NO_TOKEN),
    "api_tokens:token_list": (None, ADMIN_ONLY),
    "api_tokens:token_create": (None, ADMIN_ONLY),
    "api_tokens:token_revoke": (_token, {**ADMIN_ONLY, "admin": 405}),  # POST only
}
