"""The captcha in real Chromium: the picture loads under the strict CSP and a person can log in with it."""

import pytest
from captcha.models import CaptchaStore

from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_after_three_failures_the_owner_reads_the_picture_and_logs_in(cast, login_page, screenshot):
    for _ in range(3):
        page = login_page(cast.operator_a.username, "tebakan")
    assert "Nama pengguna atau kata sandi salah" in page.get_by_role("alert").inner_text()
    picture = page.get_by_role("img", name="Gambar kode keamanan")
    # Drawn and served: waits for the picture's load (on a busy machine it may still be loading).
    loaded = "img => img.complete ? img.naturalWidth > 0 : new Promise(done => {"
    loaded += " img.onload = () => done(img.naturalWidth > 0); img.onerror = () => done(false); })"
    assert picture.evaluate(loaded)
    screenshot("captcha")

    key = page.locator("input[name=captcha_0]").input_value()
    page.get_by_label("Nama pengguna").fill(cast.operator_a.username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_label("Kode pada gambar").fill(CaptchaStore.objects.get(hashkey=key).response.upper())
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/")
    assert page.locator("[data-testid=main-nav]").is_visible()
