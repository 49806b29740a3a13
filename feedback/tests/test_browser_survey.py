"""The survey in real Chromium: a request completes, the applicant finds the survey link on
the public tracker of the request (and the same link in their notifications) and answers on
a phone-sized screen; the IKM report of the service counts the answer; the same link used
again is refused, and the tracker says the survey was answered."""

import pytest

from feedback.models import SurveyInvitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_applicant_answers_the_survey_once(cast, chain, login_page, live_server, page, client, screenshot):
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import complete, give_template
    from layanan.tests.workflow_helpers import make_applicant, submit

    service = make_service("izin-belajar", "Izin Belajar")
    give_template(service, actor=cast.admin)
    pegawai = make_applicant(cast.opd_a, user=cast.pegawai_a)
    request = complete(submit(service, pegawai, actor=cast.pegawai_a), chain)
    invitation = SurveyInvitation.objects.get(object_id=str(request.pk))

    page.set_viewport_size({"width": 390, "height": 844})
    login_page(cast.pegawai_a.username).wait_for_url("**/")
    # The notification carries the link...
    page.goto(f"{live_server.url}/notifikasi/")
    notified = page.get_by_role("link", name=f"Survei kepuasan: permohonan {request.number}")
    assert notified.get_attribute("href").endswith(f"/survei/{invitation.token}/")

    def track() -> None:
        page.goto(f"{live_server.url}/layanan/lacak/")
        page.get_by_label("Nomor permohonan").fill(request.number)
        page.get_by_label("NIP pemohon").fill(pegawai.nip)
        page.get_by_role("button", name="Lacak").click()
        page.get_by_test_id("tracker-result").wait_for()

    # ...and so does the tracker of the finished request: the applicant answers from there.
    track()
    screenshot("tracker-survey-link")
    page.get_by_test_id("tracker-survey").get_by_role("link").click()
    page.wait_for_url(f"**/survei/{invitation.token}/")
    form = page.get_by_test_id("survey-form")
    for unsur in range(1, 10):
        form.locator(f"[data-unsur=u{unsur}] input[value='{4 if unsur != 3 else 3}']").check()
    page.get_by_label("Umur").select_option("35-44")
    page.get_by_label("Jenis kelamin").select_option("P")
    page.get_by_label("Pendidikan terakhir").select_option("s1-d4")
    page.get_by_label("Pekerjaan").select_option("pns")
    page.get_by_label("Saran dan masukan (tidak wajib)").fill("Proses cepat, terima kasih.")
    screenshot("survey")
    page.get_by_role("button", name="Kirim jawaban").click()
    assert page.get_by_test_id("survey-thanks").is_visible()

    # The IKM report of the service counts the answer (the Kepala Badan reads it).
    client.force_login(cast.kepala_badan)
    report = client.get("/ikm/", {"layanan": "izin-belajar"}).content.decode()
    assert 'data-col="respondents">1<' in report and "Proses cepat, terima kasih." in report

    # The same link again, from the notification: refused with a thank-you.
    page.goto(f"{live_server.url}/notifikasi/")
    notified.click()
    assert page.get_by_test_id("survey-used").is_visible()
    screenshot("used")
    # The tracker no longer links to it.
    track()
    assert "sudah diisi" in page.get_by_test_id("tracker-survey").inner_text()
    assert page.get_by_test_id("tracker-survey").get_by_role("link").count() == 0
