"""The SK KGB letter: issued from the KGB list, one page, the numbers of the PP 5/2024 table,
stored privately, downloadable in scope, verifiable by its QR code, in bulk for a month."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pypdf
import pytest

from core.documents import storage
from kpo.kgb.files import rupiah, terbilang
from kpo.models import SkKgb

pytestmark = pytest.mark.django_db(databases=["default", "progress"])


def _due(opd, nama, *, skp="baik", actor=None):
    from people.models import RiwayatSkp
    from people.records.actions import do_add_riwayat
    from people.tests.factories import make_pegawai

    # III/a since 1 April 2024 with MKG 0: the KGB to MKG 2 is due on 1 April 2026.
    p = make_pegawai(opd, nama=nama, cpns=dt.date(2024, 4, 1), golongan="III/a", actor=actor)
    do_add_riwayat(p, RiwayatSkp, actor=actor, tahun=2025, predikat=skp)
    return p


def _pdf(sk) -> pypdf.PdfReader:
    with storage().open(sk.document.storage_name, "rb") as f:
        return pypdf.PdfReader(io.BytesIO(f.read()))


def test_terbilang_and_rupiah():
    assert terbilang(2_873_500) == "dua juta delapan ratus tujuh puluh tiga ribu lima ratus"
    assert terbilang(1_115_100) == "satu juta seratus lima belas ribu seratus"
    assert terbilang(11_000) == "sebelas ribu" and terbilang(1_000) == "seribu"
    assert rupiah(2_873_500) == "2.873.500"


def test_an_sk_kgb_is_issued_from_the_list_with_the_table_numbers_and_stays_in_scope(cast, client_for):
    ours = _due(cast.opd_a, "Gaji Dinkes")
    theirs = _due(cast.opd_b, "Gaji Dishub")

    # client_for logs the one test client in as the user named: call it before each use.
    def staff():
        return client_for(cast.unit_pengolah)

    def operator():
        return client_for(cast.operator_a)

    page = staff().get("/kpo/kgb/?bulan=2026-04").content.decode()
    assert page.count('data-testid="sk-issue"') == 2
    # The Operator OPD reads the list but does not issue letters.
    assert 'data-testid="sk-issue"' not in operator().get("/kpo/kgb/?bulan=2026-04").content.decode()
    assert operator().post(f"/kpo/kgb/sk/pegawai/{ours.pk}/", {"bulan": "2026-04"}).status_code == 403

    staff().post(f"/kpo/kgb/sk/pegawai/{ours.pk}/", {"bulan": "2026-04"})
    sk = SkKgb.objects.get(pegawai=ours)
    # Lampiran PP 5/2024: III/a MKG 0 Rp2.785.700 → MKG 2 Rp2.873.500 (PP 7/1977 Pasal 18).
    assert (sk.tmt, sk.golongan, sk.mkg_lama, sk.gaji_lama, sk.mkg_baru, sk.gaji_baru) == (
        dt.date(2026, 4, 1),
        "III/a",
        0,
        2_785_700,
        2,
        2_873_500,
    )
    assert sk.tmt_berikutnya == dt.date(2028, 4, 1)
    reader = _pdf(sk)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "SURAT PEMBERITAHUAN KENAIKAN GAJI BERKALA",
        sk.number,
        ours.nip,
        "Rp2.785.700",
        "Rp2.873.500",
        "1 April 2026",
        "Nomor 5 Tahun 2024",
        "2 tahun 0 bulan",
    ):
        assert expected in text, expected
    # Issuing again gives the same letter, not a second number.
    staff().post(f"/kpo/kgb/sk/pegawai/{ours.pk}/", {"bulan": "2026-04"})
    assert SkKgb.objects.count() == 1

    # Download: the Operator OPD of the employee's OPD only.
    download = operator().get(f"/kpo/kgb/sk/{sk.pk}/unduh/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    assert client_for(cast.operator_b).get(f"/kpo/kgb/sk/{sk.pk}/unduh/").status_code == 404
    listed = operator().get("/kpo/kgb/?bulan=2026-04").content.decode()
    assert sk.number in listed and "Gaji Dishub" not in listed
    archive = zipfile.ZipFile(io.BytesIO(operator().get("/kpo/kgb/sk/zip/?bulan=2026-04").content))
    assert archive.namelist() == [f"sk-kgb-2026-04-{ours.nip}.pdf"]
    # The Operator of OPD B reaches none of OPD A's letters (nothing to zip: back to the list).
    assert client_for(cast.operator_b).get("/kpo/kgb/sk/zip/?bulan=2026-04").status_code == 302
    assert theirs.pk not in set(SkKgb.objects.values_list("pegawai_id", flat=True))

    # The QR code's page: genuine, holder masked; an unknown code is a 404.
    verify = client_for(None).get(f"/kpo/kgb/verifikasi/{sk.verification_code}/")
    assert verify.status_code == 200 and sk.number in verify.content.decode()
    assert ours.nama not in verify.content.decode()
    assert client_for(None).get("/kpo/kgb/verifikasi/tidak-ada/").status_code == 404


def test_no_letter_for_an_employee_not_eligible(cast, client_for):
    from kpo.kgb.actions import do_issue_sk_kgb
    from kpo.kgb.rules import KgbError

    blocked = _due(cast.opd_a, "Kinerja Kurang", skp="sangat_kurang")
    with pytest.raises(KgbError, match="belum memenuhi syarat"):
        do_issue_sk_kgb(blocked, 2026, 4, actor=cast.unit_pengolah)
    with pytest.raises(KgbError, match="tidak jatuh tempo"):
        do_issue_sk_kgb(blocked, 2026, 5, actor=cast.unit_pengolah)
    response = client_for(cast.unit_pengolah).post(
        f"/kpo/kgb/sk/pegawai/{blocked.pk}/", {"bulan": "2026-04"}, follow=True
    )
    assert "belum memenuhi syarat" in response.content.decode() and not SkKgb.objects.exists()


def test_the_month_in_bulk_by_the_worker_with_progress(cast, client_for, django_capture_on_commit_callbacks):
    from core import progress
    from kpo.kgb import views
    from kpo.kgb.actions import progress_key

    for i in range(2):
        _due(cast.opd_a, f"Gaji Dinkes {i}")
    _due(cast.opd_b, "Gaji Dishub")
    _due(cast.opd_a, "Kinerja Kurang", skp="sangat_kurang")
    views.INLINE_LETTERS, saved = 0, views.INLINE_LETTERS  # force the background path
    try:
        # The worker is the ImmediateBackend (conftest), enqueued once the request commits.
        with django_capture_on_commit_callbacks(execute=True):
            client_for(cast.unit_pengolah).post(
                "/kpo/kgb/sk/terbitkan/", {"bulan": "2026-04", "opd": cast.opd_a.pk}
            )
    finally:
        views.INLINE_LETTERS = saved
    assert sorted(SkKgb.objects.values_list("pegawai__nama", flat=True)) == ["Gaji Dinkes 0", "Gaji Dinkes 1"]
    done = progress.read(progress_key(2026, 4, [cast.opd_a.pk]))
    assert (done.done, done.total) == (2, 2)
    assert (
        set(SkKgb.objects.values_list("number", flat=True))
        and SkKgb.objects.filter(sequence__in=[1, 2]).count() == 2
    )


def test_the_demo_issues_a_few_letters_of_the_month(cast):
    from demo.kpo import _sk_kgb

    _due(cast.opd_a, "Gaji Dinkes")
    assert _sk_kgb(dt.date(2026, 4, 15)) == 1
    assert SkKgb.objects.get().issued_by is None
