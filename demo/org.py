"""The minimal demo province: one instansi, its 37 OPDs with units, holidays, and one
user per role. Idempotent: what exists is left alone, so a second run changes nothing.

Names are of the real kind (a provincial government's perangkat daerah) but every person
is fictional.
"""

from __future__ import annotations

from django.db import transaction

from accounts.models import User
from accounts.roles import Role
from accounts.users.actions import do_create_user
from core.holidays.actions import do_load_national_holidays
from org.install.actions import DEMO_PASSWORD
from org.models import Instansi, OfficeHours, Opd, UnitKerja
from org.units.actions import do_create_instansi, do_create_opd, do_create_unit, do_set_office_week
from regulations.sla import DEFAULT_OFFICE_HOURS

INSTANSI = {
    "code": "6100",
    "name": "Pemerintah Provinsi Kalimantan Barat",
    "kind": Instansi.Kind.PROVINSI,
    "time_zone": Instansi.TimeZone.WIB,
    "address": "Jalan Ahmad Yani, Pontianak",
}

# (code, name, short name)
OPDS = [
    ("01", "Sekretariat Daerah", "Setda"),
    ("02", "Sekretariat DPRD", "Setwan"),
    ("03", "Inspektorat", "Itprov"),
    ("04", "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("05", "Badan Keuangan dan Aset Daerah", "BKAD"),
    ("06", "Badan Pendapatan Daerah", "Bapenda"),
    ("07", "Badan Kepegawaian Daerah", "BKD"),
    ("08", "Badan Pengembangan Sumber Daya Manusia", "BPSDM"),
    ("09", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("10", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("11", "Badan Penghubung Daerah", "Banhub"),
    ("12", "Dinas Pendidikan dan Kebudayaan", "Disdikbud"),
    ("13", "Dinas Kesehatan", "Dinkes"),
    ("14", "Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR"),
    ("15", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Perkim"),
    ("16", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("17", "Dinas Sosial", "Dinsos"),
    ("18", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans"),
    ("19", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana", "DP3AKB"),
    ("20", "Dinas Ketahanan Pangan", "DKP"),
    ("21", "Dinas Lingkungan Hidup dan Kehutanan", "DLHK"),
    ("22", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    ("23", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("24", "Dinas Perhubungan", "Dishub"),
    ("25", "Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("26", "Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"),
    ("27", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("28", "Dinas Kepemudaan dan Olahraga", "Dispora"),
    ("29", "Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    ("30", "Dinas Kelautan dan Perikanan", "DKP Laut"),
    ("31", "Dinas Pariwisata", "Dispar"),
    ("32", "Dinas Perindustrian dan Perdagangan", "Disperindag"),
    ("33", "Dinas Energi dan Sumber Daya Mineral", "ESDM"),
    ("34", "Dinas Perkebunan dan Peternakan", "Disbunnak"),
    ("35", "Dinas Tanaman Pangan dan Hortikultura", "Distanhorti"),
    ("36", "Rumah Sakit Umum Daerah dr. Soedarso", "RSUD Soedarso"),
    ("37", "Rumah Sakit Jiwa Daerah Sungai Bangkong", "RSJD"),
]

# Every OPD has a secretariat with its two sub-sections; BKD also has its four fields.
COMMON_UNITS = {"Sekretariat": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"]}
BKD_UNITS = {
    "Bidang Pengadaan, Pemberhentian dan Informasi": [],
    "Bidang Mutasi dan Promosi": [],
    "Bidang Pengembangan Kompetensi": [],
    "Bidang Penilaian Kinerja dan Penghargaan": [],
}

# username, name, roles, OPD short name (None: BKD-wide)
USERS = [
    ("admin", "Rahmat Hidayat", [Role.ADMIN], "BKD"),
    ("kepala.badan", "Ir. Siti Aminah, M.Si.", [Role.KEPALA_BADAN], "BKD"),
    ("sekretaris", "Drs. Yohanes Ngadiman", [Role.SEKRETARIS], "BKD"),
    ("kasubbag.umum", "Dewi Lestari, S.E.", [Role.KASUBBAG_UMUM], "BKD"),
    ("kepala.bidang", "Agus Salim, S.H., M.H.", [Role.KEPALA_BIDANG], "BKD"),
    ("petugas.admin", "Nurul Huda", [Role.PETUGAS_ADMINISTRASI], "BKD"),
    ("unit.pengolah", "Maria Ulfa, S.Sos.", [Role.UNIT_PENGOLAH], "BKD"),
    ("helpdesk", "Bayu Pratama", [Role.OPERATOR_HELPDESK], "BKD"),
    ("operator.dinkes", "Fransiska Yuliana", [Role.OPERATOR_OPD, Role.PEGAWAI], "Dinkes"),
    ("pegawai.dinkes", "dr. Andi Saputra", [Role.PEGAWAI], "Dinkes"),
]


@transaction.atomic
def seed_minimal_demo(*, holiday_years: list[int]) -> dict[str, int]:
    """Create what is missing; returns how many objects of each kind were created."""
    created = {"instansi": 0, "opd": 0, "unit": 0, "office_hours": 0, "users": 0, "holidays": 0}
    instansi = Instansi.objects.filter(code=INSTANSI["code"]).first()
    if instansi is None:
        instansi = do_create_instansi(actor=None, **INSTANSI)
        created["instansi"] += 1
    if not OfficeHours.objects.filter(instansi=instansi).exists():
        created["office_hours"] = do_set_office_week(instansi, DEFAULT_OFFICE_HOURS, actor=None)
    existing = {o.code: o for o in Opd.objects.filter(instansi=instansi)}
    by_short = {}
    for code, name, short in OPDS:
        opd = existing.get(code)
        if opd is None:
            opd = do_create_opd(actor=None, instansi=instansi, code=code, name=name, short_name=short)
            created["opd"] += 1
        by_short[short] = opd
        units = {**COMMON_UNITS, **(BKD_UNITS if short == "BKD" else {})}
        created["unit"] += _ensure_units(opd, units)
    for username, name, roles, opd_short in USERS:
        if not User.objects.filter(username=username).exists():
            do_create_user(
                username=username,
                name=name,
                password=DEMO_PASSWORD,
                roles=roles,
                opd=by_short.get(opd_short),
                actor=None,
            )
            created["users"] += 1
    created["holidays"] = do_load_national_holidays(holiday_years, actor=None)
    return created


def _ensure_units(opd: Opd, tree: dict[str, list[str]]) -> int:
    have = {(u.parent_id, u.name): u for u in UnitKerja.objects.filter(opd=opd)}
    count = 0
    for parent_name, children in tree.items():
        parent = have.get((None, parent_name))
        if parent is None:
            parent = do_create_unit(actor=None, opd=opd, parent=None, name=parent_name)
            count += 1
        for child in children:
            if (parent.pk, child) not in have:
                do_create_unit(actor=None, opd=opd, parent=parent, name=child)
                count += 1
    return count
