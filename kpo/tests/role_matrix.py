"""Role-matrix entries of kpo (see tests/test_role_matrix.py): the lists are read by BKD staff
(every OPD) and the Operator OPD (their own), not by a Pegawai; recomputing is for BKD staff;
"Karier Saya" is for whoever has a linked employee record."""

from conftest import PERSONAS
from tests.matrix import BKD_AND_OPERATORS, PUBLIC, only


def _link_pegawai_a(cast):
    from people.tests.factories import make_pegawai

    make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)


def _pegawai_of_opd_a(cast):
    from people.tests.factories import make_pegawai

    return {"pk": make_pegawai(cast.opd_a, nama="Rekan Dinkes").pk}


def _letter_of_opd_a(cast):
    """An SK KGB of an OPD A employee (a stand-in PDF: the matrix checks access, not printing)."""
    import datetime as dt

    from django.utils import timezone

    from conftest import make_pdf
    from core.documents import do_attach_document
    from kpo.models import SkKgb
    from people.tests.factories import make_pegawai

    p = make_pegawai(cast.opd_a, nama="Gaji Dinkes")
    sk = SkKgb.objects.create(
        pegawai=p,
        opd=cast.opd_a,
        tmt=dt.date(2026, 4, 1),
        golongan="III/a",
        mkg_lama=0,
        gaji_lama=2_785_700,
        mkg_baru=2,
        gaji_baru=2_873_500,
        number="822.3/0001/BKD/2026",
        year=2026,
        sequence=1,
        verification_code="matriks-sk-kgb",
        title="Surat Pemberitahuan Kenaikan Gaji Berkala",
        official_name="Kepala BKD",
        issued_at=timezone.now(),
    )
    sk.document = do_attach_document(sk, make_pdf("sk.pdf"), kind="produk", actor=cast.admin)
    sk.save(update_fields=["document"])
    return sk


def _letter(cast):
    return {"pk": _letter_of_opd_a(cast).pk}


def _code(cast):
    return {"code": _letter_of_opd_a(cast).verification_code}


POST_ONLY = {**dict.fromkeys(PERSONAS, 405), "anonymous": 302}
# Only pegawai_a has a linked record; the others get 404 (no "Karier Saya" of their own).
OWN_CAREER = {**dict.fromkeys(PERSONAS, 404), "pegawai_a": 200, "anonymous": 302}
IN_SCOPE = {**BKD_AND_OPERATORS, "operator_b": 404}
READERS = [name for name, status in BKD_AND_OPERATORS.items() if status == 200]

MATRIX = {
    "kpo:kp_list": (None, BKD_AND_OPERATORS),
    "kpo:kp_export": (None, BKD_AND_OPERATORS),
    "kpo:kp_refresh": (None, POST_ONLY),
    "kpo:reconciliation": (None, BKD_AND_OPERATORS),
    "kpo:reconciliation_remind": (None, POST_ONLY),
    "kpo:kp_requests": (None, POST_ONLY),
    "kpo:ppo_requests": (None, POST_ONLY),
    "kpo:ppo_list": (None, BKD_AND_OPERATORS),
    "kpo:ppo_export": (None, BKD_AND_OPERATORS),
    "kpo:kgb_list": (None, BKD_AND_OPERATORS),
    "kpo:kgb_export": (None, BKD_AND_OPERATORS),
    "kpo:pension_reconciliation": (None, BKD_AND_OPERATORS),
    "kpo:pension_reconciliation_remind": (None, POST_ONLY),
    "kpo:sk_kgb_issue": (_pegawai_of_opd_a, POST_ONLY),
    "kpo:sk_kgb_issue_month": (None, POST_ONLY),
    "kpo:sk_kgb_download": (_letter, IN_SCOPE),
    # No month asked is the current one, with no letter yet: each reader goes back to the list.
    "kpo:sk_kgb_zip": (None, {**BKD_AND_OPERATORS, **dict.fromkeys(READERS, 302)}),
    "kpo:sk_kgb_verify": (_code, PUBLIC),
    "kpo:career_mine": (_link_pegawai_a, OWN_CAREER),
    "kpo:career_of": (_pegawai_of_opd_a, IN_SCOPE),
}

__all__ = ["MATRIX", "only"]
