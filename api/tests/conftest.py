import pytest


@pytest.fixture
def issue(cast):
    """``issue(scopes, **options)``: a token issued by the Admin; returns the token text."""
    from api.tokens.actions import do_create_api_token

    counter = iter(range(1, 1000))

    def make(scopes=("read:pegawai",), **options):
        options.setdefault("name", f"Klien {next(counter)}")
        _row, plain = do_create_api_token(scopes=list(scopes), actor=cast.admin, **options)
        return plain

    return make


@pytest.fixture
def call(client):
    """``call(token, path, method="get", **kwargs)`` against /api/v1/ with the bearer token."""

    def send(token, path, method="get", **kwargs):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return getattr(client, method)(f"/api/v1/{path}", **headers, **kwargs)

    return send
