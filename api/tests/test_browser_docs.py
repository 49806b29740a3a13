"""/api/v1/docs in real Chromium: Swagger UI runs from Pelita's own static files under the
site's Content Security Policy (no CDN, nothing blocked)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_from_local_assets_under_the_csp(page, live_server, screenshot):
    blocked, foreign = [], []
    page.on(
        "console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    page.on(
        "request", lambda req: foreign.append(req.url) if not req.url.startswith(live_server.url) else None
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Pelita API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.get_by_text("/api/v1/pegawai", exact=True).first.is_visible()
    screenshot("api-docs")
    assert blocked == [] and [url for url in foreign if not url.startswith("data:")] == []
