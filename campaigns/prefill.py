"""Facts of the master data shown read-only on a campaign form ("nobody types what Pelita knows")."""

from __future__ import annotations

from django.utils.formats import date_format

from campaigns.models import Question
from people.models import Pegawai, RiwayatSkp


def _date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def facts_of(pegawai: Pegawai, keys: set[str] | None = None) -> dict[str, str]:
    """{prefill key: text} for one employee (``keys`` limits the work to what the form shows).

    Expects ``opd``, ``golongan`` and ``jabatan_fungsional`` to be joined or cheap to load.
    """
    keys = set(Question.Prefill.values) - {""} if keys is None else keys
    facts = {
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "opd": pegawai.opd.name,
        "golongan": str(pegawai.golongan) if pegawai.golongan_id else "",
        "tmt_golongan": _date(pegawai.tmt_golongan),
        "jabatan": pegawai.jabatan,
        "jenis_jabatan": pegawai.get_jenis_jabatan_display() if pegawai.jenis_jabatan else "",
        "jabatan_fungsional": pegawai.jabatan_fungsional.name if pegawai.jabatan_fungsional_id else "",
        "jenjang": pegawai.jenjang,
        "tmt_jabatan": _date(pegawai.tmt_jabatan),
        "pendidikan": pegawai.get_pendidikan_display() if pegawai.pendidikan else "",
    }
    if "skp_terakhir" in keys:
        skp = RiwayatSkp.objects.filter(pegawai=pegawai).order_by("-tahun").first()
        facts["skp_terakhir"] = (
            f"{skp.tahun}: {skp.predikat or '-'}" + (f" ({skp.nilai})" if skp.nilai is not None else "")
            if skp
            else ""
        )
    return {key: value for key, value in facts.items() if key in keys}
