"""Audit-trail entries of the IP-ASN actions (see tests/test_audit_trail.py)."""

from __future__ import annotations


def calls(cast, tmp_path) -> dict:
    from conftest import make_pdf
    from ipasn.national.actions import do_import_national_scores
    from ipasn.scores import actions
    from people.models import Pegawai
    from people.tests.factories import make_pegawai

    def training():
        pegawai = Pegawai.objects.filter(user=cast.pegawai_a).first() or make_pegawai(
            cast.opd_a, user=cast.pegawai_a, actor=cast.pegawai_a
        )
        return actions.do_record_training(
            pegawai,
            jenis="teknis",
            nama="Bimtek",
            penyelenggara="",
            tahun=2026,
            jam=20,
            certificate=make_pdf("sertifikat.pdf"),
            actor=cast.pegawai_a,
        )

    def national():
        pegawai = make_pegawai(cast.opd_a, actor=cast.admin)
        row = {
            "nip": pegawai.nip,
            "kualifikasi": 15,
            "kompetensi": 0,
            "kinerja": 0,
            "disiplin": 5,
            "total": 20,
        }
        return do_import_national_scores([row], year=2026, actor=cast.admin)

    return {
        "ipasn.scores.actions.do_compute_scores": lambda: (
            make_pegawai(cast.opd_a, actor=cast.admin),
            actions.do_compute_scores(2026, actor=cast.admin),
        ),
        "ipasn.scores.actions.do_record_training": training,
        "ipasn.national.actions.do_import_national_scores": national,
    }
