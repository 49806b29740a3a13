"""The service catalogue as data: each BKD service with its Standar Pelayanan (the 14
components), requirement checklist, time limit, disposition chain targets and product letter.

Written from the seeds (``shared/seeds``): 000 (BKD Provinsi Kalimantan Barat: izin belajar,
tugas belajar, kenaikan jabatan fungsional, kenaikan pangkat), 001 (Standar Pelayanan IP-ASN)
and 004 (Standar Pelayanan Ujian Dinas dan UPKP), both of BKPSDM Singkawang and laid out in
the 14 components A–N of PermenPAN-RB 15/2014. Where a seed is silent the text or value is
ours, marked in a comment "not in the seeds: our choice". Legal bases are those of
docs/regulations.md and shared/design/domain.md.

Pure data plus two small helpers: ``layanan.catalogue.actions.do_seed_catalogue`` turns it
into rows once, after which an Admin edits the rows (never this file) with history.

Real contact details of the agencies in the seeds (their e-mail addresses and mobile numbers)
are deliberately left out: the demo must not send citizens to a real office. An Admin fills
in the agency's own channels on the component screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from accounts.roles import Role
from layanan.models import Action, Component, Eligibility, Service

# The standard disposition chain of BKD services (seeds 001 and 004, "Sistem, mekanisme dan
# prosedur"): the catalogue seeds each service's Step and Transition rows from it, and an Admin
# may edit them per service afterwards. Petugas Administrasi registers the letter and gives the
# agenda number → Kasubbag Umum sorts → Sekretaris initials → Kepala Badan disposes → Kepala
# Bidang → Unit Pengolah verifies (returns to the applicant with reasons, or processes) → the
# product is issued → done.


@dataclass(frozen=True)
class StepSpec:
    code: str
    name: str
    role: str
    escalate_to: str
    target_minutes: int  # office minutes; a service may scale them to fit its duration


@dataclass(frozen=True)
class TransitionSpec:
    from_step: str
    action: str
    to_step: str | None
    label: str
    note_required: bool = False
    bulk: bool = False


DEFAULT_STEPS = (
    StepSpec("registrasi", "Registrasi dan nomor agenda", Role.PETUGAS_ADMINISTRASI, Role.KASUBBAG_UMUM, 30),
    StepSpec("pemilahan", "Pemilahan surat", Role.KASUBBAG_UMUM, Role.SEKRETARIS, 30),
    StepSpec("paraf", "Paraf Sekretaris", Role.SEKRETARIS, Role.KEPALA_BADAN, 60),
    StepSpec("disposisi", "Disposisi Kepala Badan", Role.KEPALA_BADAN, Role.SEKRETARIS, 60),
    StepSpec("bidang", "Kepala Bidang", Role.KEPALA_BIDANG, Role.KEPALA_BADAN, 60),
    StepSpec("verifikasi", "Verifikasi berkas", Role.UNIT_PENGOLAH, Role.KEPALA_BIDANG, 120),
    StepSpec("penerbitan", "Penerbitan produk", Role.UNIT_PENGOLAH, Role.KEPALA_BIDANG, 60),
)

DEFAULT_TRANSITIONS = (
    TransitionSpec("registrasi", Action.FORWARD, "pemilahan", "Registrasi dan teruskan"),
    TransitionSpec("pemilahan", Action.FORWARD, "paraf", "Teruskan ke Sekretaris", bulk=True),
    TransitionSpec("paraf", Action.FORWARD, "disposisi", "Paraf dan teruskan", bulk=True),
    TransitionSpec("disposisi", Action.FORWARD, "bidang", "Disposisi ke Kepala Bidang", bulk=True),
    TransitionSpec("bidang", Action.FORWARD, "verifikasi", "Teruskan ke Unit Pengolah", bulk=True),
    TransitionSpec("verifikasi", Action.RETURN, None, "Kembalikan ke pemohon", note_required=True),
    TransitionSpec("verifikasi", Action.REJECT, None, "Tolak permohonan", note_required=True),
    TransitionSpec("verifikasi", Action.FORWARD, "penerbitan", "Berkas lengkap, proses"),
    TransitionSpec("penerbitan", Action.COMPLETE, None, "Terbitkan produk dan selesaikan"),
)
ENTRY_STEP = "registrasi"

WORKING_DAYS = Service.DurationUnit.WORKING_DAYS
MONTHS = Service.DurationUnit.MONTHS

# Office minutes one working day surely holds: Friday is the shortest day of the seeds'
# service hours (08.30–15.30 less a two-hour break = 5 hours).
MINUTES_PER_WORKING_DAY = 300
# A month of working days after weekends and the odd holiday: a conservative 20.
WORKING_DAYS_PER_MONTH = 20
# The desks of the chain may use at most this share of the service's time: the rest is a
# margin for the applicant's own delays and the hand-overs between desks.
CHAIN_SHARE = 0.8
# For month-long services the last step (the file goes to BKN and the answer comes back)
# takes what the desks before it leave.
LONG_STEP = "penerbitan"


@dataclass(frozen=True)
class RequirementSpec:
    name: str
    note: str = ""
    required: bool = True
    # A core.Document.Kind whose scan in the employee's file may be attached instead.
    from_file_kind: str = ""


@dataclass(frozen=True)
class ProductSpec:
    title: str
    number_format: str
    body: str
    official_title: str = "Kepala Badan Kepegawaian Daerah"
    # The demo Kepala Badan (org/demo.py USERS); an Admin sets the real official.
    official_name: str = "Ir. Siti Aminah, M.Si."
    official_nip: str = ""


@dataclass(frozen=True)
class ServiceSpec:
    slug: str
    name: str
    summary: str
    eligibility: str
    duration: int
    unit: str
    components: dict[str, str]
    requirements: tuple[RequirementSpec, ...]
    product: ProductSpec
    order: int = 0
    previous_stage: str | None = None


# --- Helpers ------------------------------------------------------------------------------

_WORDS = {
    1: "satu",
    2: "dua",
    3: "tiga",
    4: "empat",
    5: "lima",
    6: "enam",
    7: "tujuh",
    8: "delapan",
    9: "sembilan",
    10: "sepuluh",
    14: "empat belas",
    20: "dua puluh",
}


def in_words(number: int) -> str:
    """'3 (tiga)', the way a standar pelayanan writes numbers; plain digits beyond the table."""
    word = _WORDS.get(number)
    return f"{number} ({word})" if word else str(number)


def duration_text(duration: int, unit: str) -> str:
    """'3 hari kerja', '2 bulan': the service time as the public page says it (the unit's
    label, so it follows the active language)."""
    return f"{duration} {Service.DurationUnit(unit).label}"


def duration_budget_minutes(duration: int, unit: str) -> int:
    """The office minutes a service's time limit surely holds (see MINUTES_PER_WORKING_DAY)."""
    days = duration * WORKING_DAYS_PER_MONTH if unit == MONTHS else duration
    return days * MINUTES_PER_WORKING_DAY


def step_targets(duration: int, unit: str) -> dict[str, int]:
    """Per-step targets (office minutes) of the default chain, fitted to the service's time.

    The desks keep the chain's own targets when they fit in CHAIN_SHARE of the time limit and
    are scaled down together (to whole 5 minutes, at least 5) when they do not, so a
    one-day service does not promise seven hours of desk work. Month-long services give the
    remainder to the last step, where the file waits for BKN.
    """
    budget = int(duration_budget_minutes(duration, unit) * CHAIN_SHARE)
    defaults = {spec.code: spec.target_minutes for spec in DEFAULT_STEPS}
    total = sum(defaults.values())
    if total > budget:
        factor = budget / total
        return {code: max(5, int(minutes * factor) // 5 * 5) for code, minutes in defaults.items()}
    if unit == MONTHS:
        others = total - defaults[LONG_STEP]
        return {**defaults, LONG_STEP: budget - others}
    return defaults


# --- Texts shared by every standard (seeds 001 and 004, adapted to BKD) ---------------------

_HOURS = (
    "Waktu pelayanan:\n"
    "• Senin s/d Kamis: 08.00 s/d 15.30 WIB, istirahat 11.30 s/d 13.00 WIB\n"
    "• Jumat: 08.30 s/d 15.30 WIB, istirahat 11.00 s/d 13.00 WIB\n"
    # not in the seeds: our choice (how the online channel counts the time)
    "Permohonan melalui Pelita dapat diajukan kapan saja. Jangka waktu dihitung dalam jam kerja "
    "sejak permohonan diterima, dan berhenti selama berkas dikembalikan kepada pemohon untuk dilengkapi."
)

BIAYA = "Tidak dipungut biaya (gratis)."

# Seeds 001/004 list the channels; the addresses are the Singkawang office's, replaced by
# BKD's own without contact numbers (see the module docstring). The "alur pengaduan" is
# empty in both seeds: the flow below is ours.
PENGADUAN = (
    "1. Pengaduan, saran dan masukan disampaikan melalui:\n"
    "• datang langsung/tatap muka di ruang pelayanan BKD;\n"
    "• kotak saran di ruang pelayanan;\n"
    "• surat kepada Kepala Badan Kepegawaian Daerah;\n"
    "• layanan Helpdesk dan e-mail resmi BKD;\n"
    "• aplikasi SP4N-LAPOR! (www.lapor.go.id).\n"
    "2. Petugas penerima/pengelola pengaduan: Sekretaris Badan (ruang kerja Sekretaris).\n"
    "3. Alur pengaduan: pengaduan dicatat dan diberi nomor, diteruskan kepada bidang yang "
    "menangani, ditindaklanjuti, lalu jawabannya disampaikan kepada pengadu."
)

SARANA = (
    "• Gedung kantor\n"
    "• Halaman parkir\n"
    "• Ruang tunggu dan ruang tamu\n"
    "• Ruang pelayanan berpendingin udara dan kursi tamu\n"
    "• Ruang salat\n"
    "• Ruang laktasi\n"
    "• Toilet\n"
    "• Telepon\n"
    "• Wi-fi\n"
    "• Komputer dan printer\n"
    "• ATK\n"
    # not in the seeds: our choice (the online channel this system provides)
    "• Aplikasi Pelita untuk pengajuan, pelacakan dan unduhan produk secara daring"
)

PENGAWASAN = (
    "• Pengawasan secara berjenjang oleh Kepala Bidang dan Kepala Badan\n"
    "• Supervisi dari atasan langsung\n"
    # not in the seeds: our choice
    "• Pemantauan jangka waktu setiap permohonan melalui laporan kepatuhan SLA"
)

JAMINAN_PELAYANAN = (
    "Pelayanan diberikan secara cepat, tepat, lengkap dan dapat dipertanggungjawabkan. Apabila "
    "terjadi pelanggaran terhadap standar pelayanan maka akan diberikan sanksi, yaitu mulai dari "
    "teguran lisan, teguran tertulis dan seterusnya sesuai ketentuan yang berlaku."
)

JAMINAN_KEAMANAN = (
    "• Informasi yang diberikan dijamin keabsahannya dan dapat dipertanggungjawabkan\n"
    "• Pelayanan dilaksanakan di ruang kantor BKD dengan jaminan keamanan dan keselamatan sesuai "
    "standar dengan fasilitas sarana dan prasarana yang tersedia\n"
    # not in the seeds: our choice (what the system guarantees for uploads)
    "• Berkas yang diunggah disimpan secara tertutup dan hanya dapat dibuka oleh pemohon dan "
    "petugas yang berwenang; setiap produk memuat kode QR untuk memeriksa keasliannya"
)

EVALUASI = "• Dilakukan rapat staf per triwulan\n• Survei Kepuasan Masyarakat 2 (dua) kali setahun"

_UU_ASN = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
_UU_PELAYANAN = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
_PP_MANAJEMEN = (
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020"
)
_PP_DISIPLIN = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
_PP_KP = (
    "Peraturan Pemerintah Nomor 99 Tahun 2000 tentang Kenaikan Pangkat Pegawai Negeri Sipil "
    "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 12 Tahun 2002"
)
_KEP_BKN_12 = (
    "Keputusan Kepala Badan Kepegawaian Negara Nomor 12 Tahun 2002 tentang Ketentuan Pelaksanaan "
    "Peraturan Pemerintah Nomor 99 Tahun 2000"
)
_PERMENPAN_SP = "Peraturan Menteri PAN-RB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan"


def _numbered(lines: list[str]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))


def _jangka_waktu(duration: int, unit: str, after: str = "sejak berkas diterima lengkap") -> str:
    unit_word = "bulan" if unit == MONTHS else "hari kerja"
    return f"{in_words(duration)} {unit_word} {after}.\n{_HOURS}"


def _chain_text(bidang: str, last: str) -> tuple[str, str]:
    """The seeds' procedure steps (001/004 steps 2 and 3) with this service's field and outcome."""
    return (
        "Petugas Administrasi menerima dan mengagendakan, dipilah dan diteruskan Kasubbag Umum, "
        "diparaf Sekretaris, kemudian didisposisi Kepala Badan, selanjutnya ke Kepala "
        f"{bidang} dan diteruskan ke Unit Pengolah (Analis Kepegawaian/Pejabat Pelaksana/Jafung).",
        "Unit Pengolah memeriksa berkas. Jika tidak sesuai, berkas dikembalikan kepada pemohon "
        f"dengan alasannya; jika sudah benar, berkas diproses dan {last}",
    )


def _kompetensi(first: str) -> str:
    return (
        f"• {first}\n"
        "• Memahami peraturan yang berlaku\n"
        "• Kualifikasi pendidikan minimal Diploma III\n"
        "• Dapat berkomunikasi dengan baik, ramah dan santun\n"
        "• Dapat mengoperasikan komputer"
    )


def _upload_note(extra: str = "") -> str:
    text = (
        "Berkas persyaratan sesuai daftar periksa di bawah diunggah melalui Pelita (PDF, JPG atau "
        "PNG), atau diserahkan melalui Tata Usaha BKD. Dokumen yang sudah ada di arsip "
        "kepegawaian (misalnya SK pangkat terakhir) dapat dipakai tanpa diunggah ulang."
    )
    return f"{text}\n{extra}" if extra else text


def _standard(
    *,
    dasar_hukum: list[str],
    persyaratan: str,
    prosedur: list[str],
    jangka_waktu: str,
    produk: str,
    jumlah_pelaksana: str,
    kompetensi: str,
) -> dict[str, str]:
    """All 14 components, in published order, with the shared texts filled in."""
    return {
        Component.DASAR_HUKUM: _numbered(dasar_hukum),
        Component.PERSYARATAN: persyaratan,
        Component.PROSEDUR: _numbered(prosedur),
        Component.JANGKA_WAKTU: jangka_waktu,
        Component.BIAYA: BIAYA,
        Component.PRODUK: produk,
        Component.PENGADUAN: PENGADUAN,
        Component.SARANA: SARANA,
        Component.JUMLAH_PELAKSANA: jumlah_pelaksana,
        Component.KOMPETENSI: kompetensi,
        Component.PENGAWASAN: PENGAWASAN,
        Component.JAMINAN_PELAYANAN: JAMINAN_PELAYANAN,
        Component.JAMINAN_KEAMANAN: JAMINAN_KEAMANAN,
        Component.EVALUASI: EVALUASI,
    }


# --- Product letters (Django templates rendered by layanan.products.files) -----------------------
# Context: request, pegawai, service, product (number, issued_at), official_name,
# official_nip, official_title, qr_svg, verify_url. Inline <style> is fine: the body only
# ever becomes a PDF, it is never served to a browser.

_STYLE = """<style>
  @page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
  body { font-family: "DejaVu Serif", "Times New Roman", serif; font-size: 11.5pt; line-height: 1.45; color: #000; }
  .kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 6pt; margin-bottom: 14pt; }
  .kop .pemda { font-size: 13pt; font-weight: bold; }
  .kop .badan { font-size: 15pt; font-weight: bold; }
  .kop .alamat { font-size: 9.5pt; }
  h1 { font-size: 12.5pt; text-align: center; text-decoration: underline; margin: 10pt 0 0; }
  .nomor { text-align: center; margin: 0 0 14pt; }
  .kepala-surat td { padding: 0 6pt 0 0; vertical-align: top; }
  table.data { margin-left: 1cm; border-collapse: collapse; }
  table.data td { padding: 1pt 6pt 1pt 0; vertical-align: top; }
  ol { margin-top: 0; }
  .diktum td { vertical-align: top; padding: 2pt 6pt 2pt 0; }
  .ttd { margin-top: 20pt; margin-left: 55%; }
  .ttd .nama { font-weight: bold; text-decoration: underline; margin-top: 54pt; }
  .tembusan { margin-top: 20pt; font-size: 10pt; }
  .verifikasi { margin-top: 24pt; border-top: 1px solid #000; font-size: 8.5pt; width: 100%; }
  .verifikasi td { vertical-align: middle; padding-top: 4pt; }
  .verifikasi svg { width: 2.6cm; height: 2.6cm; }
</style>
"""

_KOP = """<div class="kop">
  <div class="pemda">{{ pegawai.opd.instansi.name|default:"PEMERINTAH PROVINSI"|upper }}</div>
  <div class="badan">BADAN KEPEGAWAIAN DAERAH</div>
  <div class="alamat">{{ pegawai.opd.instansi.address }}</div>
</div>
"""

_DATA_PEGAWAI = """<table class="data">
  <tr><td>Nama</td><td>:</td><td>{{ pegawai.nama_lengkap }}</td></tr>
  <tr><td>NIP</td><td>:</td><td>{{ pegawai.nip }}</td></tr>
  <tr><td>Pangkat/golongan ruang</td><td>:</td><td>{% if pegawai.golongan %}{{ pegawai.golongan.pangkat }}, {{ pegawai.golongan.code }}{% else %}-{% endif %}</td></tr>
  <tr><td>Jabatan</td><td>:</td><td>{{ pegawai.jabatan|default:"-" }}</td></tr>
  <tr><td>Unit kerja</td><td>:</td><td>{{ pegawai.opd.name }}</td></tr>
</table>
"""

_TTD = """<div class="ttd">
  {{ product.issued_at|date:"j F Y" }}<br>
  {{ official_title }},
  <div class="nama">{{ official_name }}</div>
  {% if official_nip %}NIP. {{ official_nip }}{% endif %}
</div>
"""

_VERIFIKASI = """<table class="verifikasi"><tr>
  <td>{{ qr_svg|safe }}</td>
  <td>Dokumen ini diterbitkan secara elektronik melalui Pelita atas permohonan nomor
  {{ request.number }}. Keasliannya dapat diperiksa dengan memindai kode QR di samping
  atau membuka {{ verify_url }}. Nomor register: {{ product.number }}.</td>
</tr></table>
"""


def _letter(title: str, body: str, *, tembusan: tuple[str, ...] = ()) -> str:
    """A decree-style document: letterhead, centred title and number, body, signature, QR."""
    copies = ""
    if tembusan:
        items = "".join(f"<li>{t}</li>" for t in tembusan)
        copies = f'<div class="tembusan">Tembusan:<ol>{items}</ol></div>\n'
    return (
        f"{_STYLE}{_KOP}<h1>{title}</h1>\n"
        '<p class="nomor">Nomor: {{ product.number }}</p>\n'
        f"{body}{_TTD}{copies}{_VERIFIKASI}"
    )


def _usulan(hal: str, kepada: str, body: str, *, tembusan: tuple[str, ...]) -> str:
    """An official letter (surat dinas) to another office: number, nature, subject, address."""
    items = "".join(f"<li>{t}</li>" for t in tembusan)
    return (
        f"{_STYLE}{_KOP}"
        '<table class="kepala-surat">\n'
        "  <tr><td>Nomor</td><td>:</td><td>{{ product.number }}</td></tr>\n"
        "  <tr><td>Sifat</td><td>:</td><td>Penting</td></tr>\n"
        "  <tr><td>Lampiran</td><td>:</td><td>1 (satu) berkas</td></tr>\n"
        f"  <tr><td>Hal</td><td>:</td><td><strong>{hal}</strong></td></tr>\n"
        "</table>\n"
        f"<p>Yth. {kepada}<br>di&nbsp;Jakarta</p>\n"
        f"{body}{_TTD}"
        f'<div class="tembusan">Tembusan:<ol>{items}</ol></div>\n'
        f"{_VERIFIKASI}"
    )


_KANREG = "Kepala Kantor Regional V Badan Kepegawaian Negara"  # seed 004: "Kanreg V BKN Jakarta"
_CLOSING = "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>\n"

BODY_IZIN_BELAJAR = _letter(
    "SURAT IZIN BELAJAR",
    "<p>Berdasarkan permohonan nomor {{ request.number }} beserta berkas persyaratannya, "
    "{{ official_title }} memberikan izin belajar kepada:</p>\n"
    f"{_DATA_PEGAWAI}"
    "<p>untuk mengikuti pendidikan jenjang {{ request.answers.jenjang|upper|default:'-' }} pada "
    "program studi {{ request.answers.program_studi|default:'-' }} di "
    "{{ request.answers.perguruan_tinggi|default:'-' }}, dengan ketentuan:</p>\n"
    "<ol>\n"
    "  <li>pendidikan dilaksanakan di luar jam kerja dan tidak mengganggu pelaksanaan tugas kedinasan;</li>\n"
    "  <li>seluruh biaya pendidikan menjadi tanggung jawab yang bersangkutan;</li>\n"
    "  <li>izin belajar ini tidak dengan sendirinya memberikan hak kenaikan pangkat penyesuaian "
    "ijazah; kenaikan pangkat mengikuti ketentuan peraturan perundang-undangan;</li>\n"
    "  <li>apabila di kemudian hari terdapat kekeliruan dalam surat izin ini, akan diadakan "
    "perbaikan sebagaimana mestinya.</li>\n"
    "</ol>\n"
    "<p>Demikian surat izin belajar ini diberikan untuk dipergunakan sebagaimana mestinya.</p>\n",
    tembusan=("Kepala {{ pegawai.opd.name }};", "Yang bersangkutan."),
)

BODY_REKOMENDASI_TUBEL = _letter(
    "SURAT REKOMENDASI",
    "<p>Yang bertanda tangan di bawah ini, {{ official_title }}, berdasarkan permohonan nomor "
    "{{ request.number }} memberikan rekomendasi kepada:</p>\n"
    f"{_DATA_PEGAWAI}"
    "<p>untuk mengikuti seleksi tugas belajar jenjang {{ request.answers.jenjang|upper|default:'-' }} "
    "program studi {{ request.answers.program_studi|default:'-' }} pada "
    "{{ request.answers.perguruan_tinggi|default:'-' }}"
    "{% if request.answers.sumber_biaya %} dengan sumber biaya {{ request.answers.sumber_biaya }}{% endif %}.</p>\n"
    "<p>Rekomendasi ini diberikan untuk keperluan mengikuti seleksi dan bukan merupakan penetapan "
    "sebagai Pegawai Negeri Sipil tugas belajar. Penetapan tugas belajar diberikan dengan Surat "
    "Keputusan setelah yang bersangkutan dinyatakan lulus seleksi.</p>\n"
    "<p>Demikian rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.</p>\n",
    tembusan=("Kepala {{ pegawai.opd.name }};", "Yang bersangkutan."),
)

BODY_SK_TUBEL = _letter(
    "KEPUTUSAN KEPALA BADAN KEPEGAWAIAN DAERAH<br>TENTANG<br>PENUNJUKAN PEGAWAI NEGERI SIPIL TUGAS BELAJAR",
    '<table class="diktum">\n'
    "  <tr><td>Menimbang</td><td>:</td><td>bahwa untuk meningkatkan kompetensi Pegawai Negeri Sipil "
    "sesuai kebutuhan instansi, dan berdasarkan hasil seleksi serta permohonan nomor "
    "{{ request.number }}, perlu menetapkan Keputusan tentang Penunjukan Pegawai Negeri Sipil "
    "Tugas Belajar;</td></tr>\n"
    f"  <tr><td>Mengingat</td><td>:</td><td><ol><li>{_UU_ASN};</li><li>{_PP_MANAJEMEN};</li>"
    f"<li>{_PP_DISIPLIN}.</li></ol></td></tr>\n"
    "</table>\n"
    '<p style="text-align:center"><strong>MEMUTUSKAN:</strong></p>\n'
    '<table class="diktum">\n'
    "  <tr><td>Menetapkan</td><td>:</td><td>KEPUTUSAN KEPALA BADAN KEPEGAWAIAN DAERAH TENTANG "
    "PENUNJUKAN PEGAWAI NEGERI SIPIL TUGAS BELAJAR.</td></tr>\n"
    "  <tr><td>KESATU</td><td>:</td><td>Menunjuk Pegawai Negeri Sipil berikut sebagai Pegawai "
    f"Negeri Sipil tugas belajar:{_DATA_PEGAWAI}"
    "untuk mengikuti pendidikan jenjang {{ request.answers.jenjang|upper|default:'-' }} program "
    "studi {{ request.answers.program_studi|default:'-' }} pada "
    "{{ request.answers.perguruan_tinggi|default:'-' }}.</td></tr>\n"
    "  <tr><td>KEDUA</td><td>:</td><td>Selama menjalani tugas belajar, yang bersangkutan dibebaskan "
    "dari tugas jabatannya dan wajib mematuhi semua ketentuan yang berlaku bagi Pegawai Negeri "
    "Sipil tugas belajar, termasuk kembali bertugas di lingkungan pemerintah daerah setelah "
    "menyelesaikan pendidikan.</td></tr>\n"
    "  <tr><td>KETIGA</td><td>:</td><td>Biaya pendidikan dibebankan kepada "
    "{{ request.answers.sumber_biaya|default:'pemberi beasiswa sesuai perjanjian' }}.</td></tr>\n"
    "  <tr><td>KEEMPAT</td><td>:</td><td>Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan "
    "ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana "
    "mestinya.</td></tr>\n"
    "</table>\n"
    "<p>Ditetapkan di: {{ pegawai.opd.instansi.address|default:'-' }}</p>\n",
    tembusan=(
        "Kepala {{ pegawai.opd.name }};",
        "Pimpinan {{ request.answers.perguruan_tinggi|default:'perguruan tinggi' }};",
        "Yang bersangkutan.",
    ),
)

BODY_USULAN_JF = _usulan(
    "Usul Kenaikan Jenjang Jabatan Fungsional a.n. {{ pegawai.nama_lengkap }}",
    _KANREG,
    "<p>Berdasarkan permohonan nomor {{ request.number }} yang telah diverifikasi kelengkapan "
    "berkasnya, bersama ini kami usulkan kenaikan jenjang jabatan fungsional Pegawai Negeri "
    "Sipil berikut:</p>\n"
    f"{_DATA_PEGAWAI}"
    "<p>dengan kelengkapan berkas: SK pangkat terakhir, SK jabatan fungsional terakhir, Penetapan "
    "Angka Kredit, SKP 1 (satu) tahun terakhir, dan sertifikat uji kompetensi/diklat sepanjang "
    "dipersyaratkan, untuk mendapat pertimbangan teknis sebagaimana mestinya.</p>\n"
    f"{_CLOSING}",
    tembusan=("Kepala {{ pegawai.opd.name }};", "Yang bersangkutan."),
)


def _usulan_kp(jenis: str, berkas: str) -> str:
    return _usulan(
        f"Usul Kenaikan Pangkat {jenis} a.n. {{{{ pegawai.nama_lengkap }}}}",
        _KANREG,
        "<p>Berdasarkan permohonan nomor {{ request.number }} yang telah diverifikasi kelengkapan "
        f"berkasnya, bersama ini kami usulkan kenaikan pangkat {jenis.lower()} Pegawai Negeri Sipil "
        "berikut:</p>\n"
        f"{_DATA_PEGAWAI}"
        f"<p>dengan kelengkapan berkas {berkas}, untuk mendapat persetujuan teknis sesuai periode "
        "kenaikan pangkat yang berlaku.</p>\n"
        f"{_CLOSING}",
        tembusan=("Kepala {{ pegawai.opd.name }};", "Yang bersangkutan."),
    )


BODY_USULAN_KP_REGULER = _usulan_kp(
    "Reguler",
    "Kartu Pegawai, SKP 2 (dua) tahun terakhir, SK CPNS, SK pangkat terakhir dan, untuk kenaikan "
    "pangkat pindah golongan, Surat Tanda Lulus Ujian Dinas",
)
BODY_USULAN_KP_PILIHAN = _usulan_kp(
    "Pilihan",
    "Kartu Pegawai, SKP 2 (dua) tahun terakhir, SK CPNS, SK pangkat terakhir, serta dokumen "
    "pendukung jenis kenaikan pangkat pilihan yang diusulkan (jabatan struktural, jabatan "
    "fungsional atau penyesuaian ijazah)",
)


def _surat_lulus(ujian: str, detail: str) -> str:
    return _letter(
        "SURAT KETERANGAN",
        "<p>Yang bertanda tangan di bawah ini, {{ official_title }}, menerangkan bahwa:</p>\n"
        f"{_DATA_PEGAWAI}"
        f"<p>telah mengikuti dan dinyatakan <strong>LULUS</strong> {ujian}{detail} yang "
        "dilaksanakan dengan sistem CAT (Computer Assisted Test) difasilitasi Kantor Regional V "
        "Badan Kepegawaian Negara, sebagaimana tercantum dalam sertifikat hasil ujian yang "
        "diterima Badan Kepegawaian Daerah (permohonan nomor {{ request.number }}).</p>\n"
        "<p>Surat keterangan ini dapat dipergunakan sebagai kelengkapan usul kenaikan pangkat "
        "sesuai ketentuan peraturan perundang-undangan.</p>\n",
        tembusan=("Kepala {{ pegawai.opd.name }};", "Yang bersangkutan."),
    )


BODY_LULUS_UJIAN_DINAS = _surat_lulus("Ujian Dinas", " Tingkat {{ request.answers.tingkat|default:'I' }}")
BODY_LULUS_UPKP = _surat_lulus(
    "Ujian Penyesuaian Kenaikan Pangkat (UPKP)",
    "{% if request.answers.ijazah_baru %} untuk ijazah {{ request.answers.ijazah_baru|upper }}"
    "{% if request.answers.program_studi %} program studi {{ request.answers.program_studi }}{% endif %}"
    "{% endif %}",
)

BODY_LAPORAN_IPASN = _letter(
    "LAPORAN HASIL UNGGAH DATA<br>INDEKS PROFESIONALITAS APARATUR SIPIL NEGARA (IP-ASN)",
    "<p>Berdasarkan laporan nomor {{ request.number }} yang disampaikan {{ pegawai.opd.name }}, "
    "Unit Pengolah telah memeriksa data pendidikan, jabatan, serta bimbingan teknis/diklat/"
    "workshop/seminar Aparatur Sipil Negara berikut:</p>\n"
    f"{_DATA_PEGAWAI}"
    "<p>Data tersebut telah sesuai dan telah diunggah ke aplikasi IP-ASN Badan Kepegawaian "
    "Negara sebagai bahan pengukuran Indeks Profesionalitas ASN pada dimensi kualifikasi, "
    "kompetensi, kinerja dan disiplin, sesuai Peraturan Menteri PAN-RB Nomor 38 Tahun 2018 dan "
    "Peraturan BKN Nomor 8 Tahun 2019.</p>\n"
    "<p>Demikian laporan ini disampaikan kepada Kepala Perangkat Daerah untuk diketahui.</p>\n",
    tembusan=("Kepala {{ pegawai.opd.name }};", "Arsip."),
)

BODY_USULAN_PENSIUN = _usulan(
    "Usul Pensiun Batas Usia Pensiun a.n. {{ pegawai.nama_lengkap }}",
    _KANREG,
    "<p>Berdasarkan permohonan nomor {{ request.number }} yang telah diverifikasi kelengkapan "
    "berkasnya, bersama ini kami usulkan pemberhentian dengan hormat dengan hak pensiun karena "
    "mencapai batas usia pensiun bagi Pegawai Negeri Sipil berikut:</p>\n"
    f"{_DATA_PEGAWAI}"
    "<p>yang lahir pada tanggal {{ pegawai.tanggal_lahir|date:'j F Y' }}, dengan kelengkapan "
    "Daftar Perorangan Calon Penerima Pensiun (DPCP) dan berkas persyaratan lainnya, untuk "
    "mendapat pertimbangan teknis dan penetapan pensiun sebagaimana mestinya.</p>\n"
    f"{_CLOSING}",
    tembusan=("Kepala {{ pegawai.opd.name }};", "Kepala PT Taspen (Persero) setempat;", "Yang bersangkutan."),
)


# --- The services ---------------------------------------------------------------------------

_BIDANG_KOMPETENSI = "Bidang Pengembangan Kompetensi"  # org/demo.py BKD_UNITS
_BIDANG_MUTASI = "Bidang Mutasi dan Promosi"
_BIDANG_KINERJA = "Bidang Penilaian Kinerja dan Penghargaan"
_BIDANG_PEMBERHENTIAN = "Bidang Pengadaan, Pemberhentian dan Informasi"

_SURAT_PENGANTAR = RequirementSpec("Surat pengantar dari Kepala Perangkat Daerah")
_SK_CPNS = RequirementSpec("Fotokopi sah SK CPNS")
_SK_PANGKAT = RequirementSpec("Fotokopi sah SK pangkat terakhir", from_file_kind="sk_pangkat")
_PAS_FOTO = RequirementSpec(
    "Pas foto terbaru berwarna, Pakaian Dinas Harian (PDH), latar belakang merah, ukuran 3×4",
    note="Fisik 5 (lima) lembar diserahkan saat pengambilan sertifikat",
)
_HUKDIS = RequirementSpec("Surat keterangan tidak pernah dijatuhi hukuman disiplin")

IZIN_BELAJAR = ServiceSpec(
    slug="izin-belajar",
    name="Izin Belajar",
    summary=(
        "Izin bagi PNS yang melanjutkan pendidikan ke jenjang lebih tinggi atas biaya sendiri, di "
        "luar jam kerja, tanpa meninggalkan tugas kedinasan."
    ),
    eligibility=Eligibility.IZIN_BELAJAR,
    duration=3,  # seed 000: "menunggu proses persetujuan selama kurang lebih 3 hari"
    unit=WORKING_DAYS,
    order=10,
    components=_standard(
        dasar_hukum=[_UU_PELAYANAN, _UU_ASN, _PP_MANAJEMEN, _PP_DISIPLIN, _PERMENPAN_SP],
        persyaratan=_upload_note(
            "Ketentuan: tidak sedang menjalani hukuman disiplin; SKP 2 (dua) tahun terakhir bernilai "
            "baik; perguruan tinggi dan program studi terakreditasi (BAN-PT/LAM); perkuliahan "
            "dilaksanakan di luar jam kerja (jadwal kuliah dilampirkan)."
        ),
        prosedur=[
            "Pegawai Negeri Sipil yang ingin mengajukan izin belajar menyiapkan surat usulan yang "
            "ditandatangani pejabat yang berwenang, disertai berkas persyaratan.",
            "PNS atau Operator OPD mengajukan permohonan melalui Pelita (atau menyerahkan berkas "
            "melalui Tata Usaha BKD); Pelita menampilkan hasil pemeriksaan kelayakan sebelum "
            "permohonan diajukan.",
            *_chain_text(_BIDANG_KOMPETENSI, "Surat Izin Belajar disiapkan."),
            "Surat Izin Belajar ditandatangani Kepala Badan dan dapat diunduh pemohon melalui Pelita.",
        ],
        jangka_waktu=_jangka_waktu(3, WORKING_DAYS),
        produk=(
            "Surat Izin Belajar yang ditandatangani Kepala Badan Kepegawaian Daerah, dengan nomor "
            "register dan kode QR untuk memeriksa keasliannya."
        ),
        jumlah_pelaksana="5 (lima) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan izin belajar dan tugas belajar PNS"),
    ),
    requirements=(
        RequirementSpec("Surat pengantar dari instansi terkait (ditandatangani pejabat eselon II)"),
        RequirementSpec("Form 2A"),
        _SK_CPNS,
        _SK_PANGKAT,
        RequirementSpec("SKP 2 (dua) tahun terakhir", from_file_kind="skp"),
        RequirementSpec("Jadwal kuliah"),
        RequirementSpec("Bukti akreditasi perguruan tinggi (BAN-PT) dan program studi"),
        _HUKDIS,
    ),
    product=ProductSpec("Surat Izin Belajar", "800/{seq}/BKD-IB/{year}", BODY_IZIN_BELAJAR),
)

_TUBEL_PROSEDUR = (
    "Perangkat Daerah menyampaikan usulan dan berkas persyaratan PNS yang akan mengikuti seleksi "
    "tugas belajar (Tahap I: permohonan rekomendasi)."
)

TUGAS_BELAJAR_REKOMENDASI = ServiceSpec(
    slug="tugas-belajar-rekomendasi",
    name="Tugas Belajar — Tahap I: Rekomendasi Seleksi",
    summary=(
        "Rekomendasi Kepala BKD bagi PNS yang akan mengikuti seleksi tugas belajar (beasiswa "
        "pemerintah atau pihak ketiga). Tahap pertama dari dua tahap layanan tugas belajar."
    ),
    eligibility=Eligibility.TUGAS_BELAJAR,
    duration=5,  # not in the seeds: our choice (seed 000 gives no time for tugas belajar)
    unit=WORKING_DAYS,
    order=20,
    components=_standard(
        dasar_hukum=[_UU_PELAYANAN, _UU_ASN, _PP_MANAJEMEN, _PP_DISIPLIN, _PERMENPAN_SP],
        persyaratan=_upload_note(
            "Ketentuan: penilaian kinerja (PPK/SKP) 2 (dua) tahun terakhir bernilai baik; bidang "
            "studi sesuai kebutuhan instansi; bersedia ditempatkan kembali di lingkungan "
            "pemerintah daerah apabila lulus seleksi."
        ),
        prosedur=[
            _TUBEL_PROSEDUR,
            *_chain_text(_BIDANG_KOMPETENSI, "Surat Rekomendasi Kepala BKD disiapkan."),
            "Surat Rekomendasi ditandatangani Kepala Badan dan dapat diunduh melalui Pelita.",
            "PNS mengikuti seleksi TPA/TPM, kemudian dilakukan perangkingan hasil tes. PNS yang "
            "lulus melanjutkan ke Tahap II (penetapan Surat Keputusan tugas belajar).",
        ],
        jangka_waktu=_jangka_waktu(5, WORKING_DAYS),
        produk="Surat Rekomendasi Kepala BKD untuk mengikuti seleksi tugas belajar.",
        jumlah_pelaksana="5 (lima) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan izin belajar dan tugas belajar PNS"),
    ),
    requirements=(
        RequirementSpec("Surat permohonan rekomendasi mengikuti seleksi tugas belajar dari Kepala OPD"),
        RequirementSpec("Surat rekomendasi dari pimpinan OPD untuk mengikuti seleksi tugas belajar"),
        RequirementSpec("Proposal atau surat penawaran beasiswa dari pihak ketiga"),
        RequirementSpec(
            "Surat pernyataan bersedia ditempatkan kembali di lingkungan pemerintah daerah apabila "
            "dinyatakan lulus seleksi"
        ),
        RequirementSpec("Fotokopi SK CPNS"),
        RequirementSpec("Fotokopi SK pangkat terakhir", from_file_kind="sk_pangkat"),
        RequirementSpec("PPK/SKP 2 (dua) tahun terakhir bernilai baik", from_file_kind="skp"),
        RequirementSpec("Dokumen kebutuhan instansi untuk tenaga keahlian atau kompetensi tertentu"),
    ),
    product=ProductSpec(
        "Surat Rekomendasi Seleksi Tugas Belajar", "800/{seq}/BKD-REKTB/{year}", BODY_REKOMENDASI_TUBEL
    ),
)

TUGAS_BELAJAR_SK = ServiceSpec(
    slug="tugas-belajar-sk",
    name="Tugas Belajar — Tahap II: Surat Keputusan",
    summary=(
        "Penetapan Surat Keputusan penunjukan PNS tugas belajar bagi PNS yang lulus seleksi. "
        "Memerlukan permohonan Tahap I (rekomendasi) yang telah selesai."
    ),
    eligibility=Eligibility.TUGAS_BELAJAR,
    duration=10,  # not in the seeds: our choice (a decree takes longer than a letter)
    unit=WORKING_DAYS,
    order=21,
    previous_stage="tugas-belajar-rekomendasi",
    components=_standard(
        dasar_hukum=[_UU_PELAYANAN, _UU_ASN, _PP_MANAJEMEN, _PP_DISIPLIN, _PERMENPAN_SP],
        persyaratan=_upload_note(
            "Ketentuan: telah memperoleh Surat Rekomendasi Kepala BKD (Tahap I) dan dinyatakan lulus "
            "oleh lembaga pendidikan; tidak pernah dijatuhi hukuman disiplin."
        ),
        prosedur=[
            "Perangkat Daerah menyampaikan usulan tugas belajar bagi PNS yang lulus seleksi, "
            "dengan merujuk permohonan Tahap I yang telah selesai.",
            *_chain_text(_BIDANG_KOMPETENSI, "rancangan Surat Keputusan disiapkan."),
            "Surat Keputusan Penunjukan PNS Tugas Belajar ditetapkan dan dapat diunduh melalui Pelita.",
        ],
        jangka_waktu=_jangka_waktu(10, WORKING_DAYS),
        produk="Surat Keputusan Penunjukan Pegawai Negeri Sipil Tugas Belajar.",
        jumlah_pelaksana="5 (lima) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan izin belajar dan tugas belajar PNS"),
    ),
    requirements=(
        RequirementSpec("Surat pengantar usulan tugas belajar dari OPD"),
        RequirementSpec("Surat kelulusan dari lembaga pendidikan"),
        RequirementSpec(
            "Surat keputusan penunjukan tugas belajar bagi PNS tugas belajar pihak ketiga",
            note="Bila beasiswa dari pihak ketiga",
            required=False,
        ),
        RequirementSpec(
            "Surat Rekomendasi Kepala BKD untuk mengikuti seleksi tugas belajar",
            note="Produk permohonan Tahap I",
        ),
        RequirementSpec("Formulir calon peserta"),
        _HUKDIS,
        RequirementSpec("Surat rekomendasi melanjutkan tugas belajar"),
        RequirementSpec("Surat pernyataan mematuhi semua ketentuan yang berlaku bagi PNS tugas belajar"),
    ),
    product=ProductSpec(
        "Surat Keputusan Penunjukan PNS Tugas Belajar", "800/{seq}/BKD-SKTB/{year}", BODY_SK_TUBEL
    ),
)

KENAIKAN_JF = ServiceSpec(
    slug="kenaikan-jabatan-fungsional",
    name="Kenaikan Jabatan Fungsional",
    summary="Usul kenaikan jenjang jabatan fungsional bagi pejabat fungsional yang memenuhi angka kredit.",
    eligibility=Eligibility.KENAIKAN_JF,
    duration=3,  # seed 000: "menunggu proses persetujuan selama kurang lebih 3 hari"
    unit=WORKING_DAYS,
    order=30,
    components=_standard(
        dasar_hukum=[
            _UU_PELAYANAN,
            _UU_ASN,
            _PP_MANAJEMEN,
            "Peraturan Menteri PAN-RB Nomor 1 Tahun 2023 tentang Jabatan Fungsional",
            "Peraturan Badan Kepegawaian Negara Nomor 3 Tahun 2023 tentang Angka Kredit, Kenaikan "
            "Pangkat dan Kenaikan Jenjang Jabatan Fungsional",
            _PERMENPAN_SP,
        ],
        persyaratan=_upload_note(
            "Ketentuan: angka kredit kumulatif memenuhi syarat jenjang yang dituju; predikat kinerja "
            "paling rendah baik; lulus uji kompetensi dan diklat apabila dipersyaratkan peraturan "
            "menteri PAN-RB jabatan fungsional yang bersangkutan."
        ),
        prosedur=[
            "Pegawai Negeri Sipil menyiapkan berkas persyaratan kenaikan jabatan fungsional.",
            "PNS atau Operator OPD mengajukan permohonan melalui Pelita (atau menyerahkan berkas "
            "melalui Tata Usaha BKD).",
            *_chain_text(_BIDANG_KOMPETENSI, "surat usulan disiapkan."),
            "Surat usulan ditandatangani Kepala Badan dan disampaikan kepada BKN.",
        ],
        jangka_waktu=_jangka_waktu(3, WORKING_DAYS),
        produk="Surat usulan kenaikan jenjang jabatan fungsional kepada Badan Kepegawaian Negara.",
        jumlah_pelaksana="5 (lima) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan jabatan fungsional dan angka kredit"),
    ),
    requirements=(
        RequirementSpec("SK pangkat terakhir", from_file_kind="sk_pangkat"),
        RequirementSpec("SK jabatan fungsional terakhir", from_file_kind="sk_jabatan"),
        RequirementSpec("Penetapan Angka Kredit (PAK)"),
        RequirementSpec("SKP 1 (satu) tahun terakhir", from_file_kind="skp"),
        RequirementSpec(
            "Sertifikat lulus uji kompetensi",
            note="Apabila dipersyaratkan sesuai Permenpan jenis jabatan fungsional",
            required=False,
        ),
        RequirementSpec(
            "Sertifikat diklat",
            note="Apabila dipersyaratkan sesuai Permenpan jenis jabatan fungsional",
            required=False,
        ),
        RequirementSpec("Surat pengantar Kepala Perangkat Daerah"),
    ),
    product=ProductSpec(
        "Surat Usulan Kenaikan Jenjang Jabatan Fungsional", "800/{seq}/BKD-JF/{year}", BODY_USULAN_JF
    ),
)

_KP_DASAR = [
    _UU_PELAYANAN,
    _UU_ASN,
    _PP_MANAJEMEN,
    _PP_KP,
    _KEP_BKN_12,
    "Peraturan Badan Kepegawaian Negara Nomor 4 Tahun 2023 yang menetapkan enam periode kenaikan "
    "pangkat: 1 Februari, 1 April, 1 Juni, 1 Agustus, 1 Oktober dan 1 Desember",
    _PERMENPAN_SP,
]


def _kp_prosedur() -> list[str]:
    # seed 000, kenaikan pangkat
    return [
        "Pegawai Negeri Sipil menyiapkan berkas persyaratan kenaikan pangkat.",
        "PNS atau Operator OPD mengajukan permohonan melalui Pelita (atau menyerahkan berkas melalui "
        "Tata Usaha BKD); Pelita menampilkan hasil pemeriksaan kelayakan sebelum permohonan diajukan.",
        *_chain_text(_BIDANG_MUTASI, "surat usulan disiapkan dan disampaikan kepada BKN melalui SIASN."),
        "PNS menunggu proses administrasi selama kurang lebih 2 (dua) bulan.",
        "PNS menerima SK Kenaikan Pangkat.",
    ]


_KP_COMMON = (
    RequirementSpec("Fotokopi sah Kartu Pegawai (Karpeg)"),
    RequirementSpec("Fotokopi sah SKP 2 (dua) tahun terakhir", from_file_kind="skp"),
    RequirementSpec("Fotokopi SK pengangkatan CPNS"),
    RequirementSpec("Fotokopi sah SK pangkat terakhir", from_file_kind="sk_pangkat"),
)
_KP_PRODUK = (
    "Surat usulan kenaikan pangkat kepada Badan Kepegawaian Negara; setelah persetujuan teknis "
    "BKN, PNS menerima SK Kenaikan Pangkat."
)

KP_REGULER = ServiceSpec(
    slug="kp-reguler",
    name="Kenaikan Pangkat Reguler",
    summary=(
        "Kenaikan pangkat bagi PNS yang tidak menduduki jabatan struktural atau jabatan fungsional "
        "tertentu, setelah paling singkat 4 (empat) tahun dalam pangkat terakhir."
    ),
    eligibility=Eligibility.KP_REGULER,
    duration=2,  # seed 000: "menunggu proses administrasi selama kurang lebih 2 bulan"
    unit=MONTHS,
    order=40,
    components=_standard(
        dasar_hukum=_KP_DASAR,
        persyaratan=_upload_note(
            "Ketentuan: paling singkat 4 (empat) tahun dalam pangkat terakhir; setiap unsur penilaian "
            "kinerja paling rendah bernilai baik dalam 2 (dua) tahun terakhir; tidak melampaui pangkat "
            "atasan langsung dan pangkat tertinggi sesuai ijazah; kenaikan pangkat dari II/d ke III/a "
            "dan dari III/d ke IV/a memerlukan Surat Tanda Lulus Ujian Dinas (STLUD)."
        ),
        prosedur=_kp_prosedur(),
        jangka_waktu=_jangka_waktu(2, MONTHS),
        produk=_KP_PRODUK,
        jumlah_pelaksana="6 (enam) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan kenaikan pangkat PNS dan penggunaan SIASN"),
    ),
    requirements=(
        *_KP_COMMON,
        RequirementSpec(
            "Fotokopi sah Surat Tanda Lulus Ujian Dinas (STLUD)",
            note="KP reguler pindah golongan (II/d ke III/a atau III/d ke IV/a)",
            required=False,
        ),
    ),
    product=ProductSpec(
        "Surat Usulan Kenaikan Pangkat Reguler", "800/{seq}/BKD-KPR/{year}", BODY_USULAN_KP_REGULER
    ),
)

KP_PILIHAN = ServiceSpec(
    slug="kp-pilihan",
    name="Kenaikan Pangkat Pilihan",
    summary=(
        "Kenaikan pangkat bagi pejabat struktural, pejabat fungsional (angka kredit) dan PNS yang "
        "memperoleh ijazah lebih tinggi (penyesuaian ijazah, setelah lulus UPKP)."
    ),
    eligibility=Eligibility.KP_PILIHAN,
    duration=2,  # seed 000: "menunggu proses administrasi selama kurang lebih 2 bulan"
    unit=MONTHS,
    order=41,
    components=_standard(
        dasar_hukum=_KP_DASAR,
        persyaratan=_upload_note(
            "Selain berkas umum, lampirkan berkas sesuai jenis kenaikan pangkat pilihan:\n"
            "• jabatan struktural: SK jabatan terakhir, surat pernyataan pelantikan dan sertifikat "
            "diklat penjenjangan;\n"
            "• jabatan fungsional: asli Penetapan Angka Kredit (paling singkat 2 (dua) tahun dalam "
            "pangkat terakhir);\n"
            "• penyesuaian ijazah: STLUPKP, surat izin belajar, surat keterangan uraian tugas dan "
            "ijazah (paling singkat 1 (satu) tahun dalam pangkat terakhir)."
        ),
        prosedur=_kp_prosedur(),
        jangka_waktu=_jangka_waktu(2, MONTHS),
        produk=_KP_PRODUK,
        jumlah_pelaksana="6 (enam) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan kenaikan pangkat PNS dan penggunaan SIASN"),
    ),
    # Seed 000 lists one document set with the variant in brackets; items 4 and 11 (STLUPKP)
    # are the same document and appear once here.
    requirements=(
        *_KP_COMMON,
        RequirementSpec(
            "Fotokopi sah SK jabatan terakhir",
            note="KP pilihan jabatan struktural",
            required=False,
            from_file_kind="sk_jabatan",
        ),
        RequirementSpec(
            "Fotokopi sah surat pernyataan pelantikan", note="KP pilihan jabatan struktural", required=False
        ),
        RequirementSpec(
            "Fotokopi sah sertifikat diklat penjenjangan",
            note="KP pilihan jabatan struktural",
            required=False,
        ),
        RequirementSpec(
            "Asli Penetapan Angka Kredit (PAK)", note="KP pilihan jabatan fungsional", required=False
        ),
        RequirementSpec(
            "Fotokopi sah Surat Tanda Lulus Ujian Penyesuaian Kenaikan Pangkat (STLUPKP)",
            note="KP pilihan penyesuaian ijazah",
            required=False,
        ),
        RequirementSpec(
            "Fotokopi sah surat izin belajar", note="KP pilihan penyesuaian ijazah", required=False
        ),
        RequirementSpec(
            "Surat keterangan uraian tugas", note="KP pilihan penyesuaian ijazah", required=False
        ),
        # not in seed 000's list: our choice (seed 002 Tabel 3 asks for the ijazah when education changed)
        RequirementSpec(
            "Fotokopi sah ijazah dan transkrip nilai terakhir",
            note="KP pilihan penyesuaian ijazah",
            required=False,
            from_file_kind="ijazah",
        ),
    ),
    product=ProductSpec(
        "Surat Usulan Kenaikan Pangkat Pilihan", "800/{seq}/BKD-KPP/{year}", BODY_USULAN_KP_PILIHAN
    ),
)

# Seed 004 names Perka BKN 33/2011 and the city's own Perwako Singkawang 36/2015; the latter is
# not our instansi's, so it is left out.
_UJIAN_DASAR = [
    _UU_PELAYANAN,
    _PP_KP,
    _KEP_BKN_12,
    "Peraturan Kepala Badan Kepegawaian Negara Nomor 33 Tahun 2011 tentang Kenaikan Pangkat bagi "
    "Pegawai Negeri Sipil yang Memperoleh Surat Tanda Tamat Belajar/Ijazah",
    _PP_DISIPLIN,
    _PERMENPAN_SP,
]


def _ujian_prosedur(ujian: str) -> list[str]:
    # seed 004, C. Prosedur atau Alur Pelayanan
    return [
        "Pemohon menyampaikan berkas usulan.",
        "Petugas Administrasi menerima dan mengagendakan, dipilah dan diteruskan Kasubbag Umum, "
        "diparaf Sekretaris, kemudian didisposisi Kepala Badan, selanjutnya ke Kepala "
        f"{_BIDANG_MUTASI} dan diteruskan ke Unit Pengolah.",
        f"Unit Pengolah memverifikasi berkas usulan (berkas yang tidak sesuai dikembalikan kepada "
        f"pemohon dengan alasannya), selanjutnya membuat surat usulan ke Kanreg V BKN Jakarta untuk "
        f"memfasilitasi {ujian} dengan sistem CAT.",
        "Surat usulan dikoreksi dan diparaf Kepala Bidang dan Sekretaris, selanjutnya ditandatangani "
        "Kepala Badan.",
        "Unit Pengolah mengirim surat ke Kanreg V BKN Jakarta.",
        f"BKD menerima persetujuan teknis peserta {ujian}, kemudian Unit Pengolah menyiapkan surat "
        f"pengarahan teknis pelaksanaan {ujian}.",
        "Surat dikoreksi Kepala Bidang dan Sekretaris, selanjutnya ditandatangani Kepala Badan dan "
        "disampaikan kepada Kepala Perangkat Daerah.",
        f"BKD mengirimkan peserta {ujian} kepada unit penyelenggara untuk mengikuti ujian.",
        f"BKD menerima sertifikat hasil {ujian}, selanjutnya Unit Pengolah menyampaikan sertifikat "
        "dan surat keterangan lulus kepada peserta melalui Pelita.",
    ]


# Seed 004 lists "Memahami ketentuan tentang Kenaikan Gaji Berkala PNS" under J, a copy from
# another standard; the ujian's own subject is meant.
_UJIAN_KOMPETENSI = (
    "• Memahami ketentuan ujian dinas dan ujian penyesuaian kenaikan pangkat PNS\n"
    "• Memiliki kemampuan pengolahan data dan menganalisa berkas\n"
    "• Dapat mengoperasikan komputer"
)
_UJIAN_PRODUK = "Sertifikat Ujian Dinas dan UPKP"  # seed 004, F. Produk

UJIAN_DINAS = ServiceSpec(
    slug="ujian-dinas",
    name="Ujian Dinas",
    summary=(
        "Usul peserta Ujian Dinas Tingkat I (II/d ke III/a) dan Tingkat II (III/d ke IV/a) "
        "dengan sistem CAT yang difasilitasi BKN."
    ),
    eligibility=Eligibility.UJIAN_DINAS,
    duration=4,  # seed 004: "4 (empat) hari"
    unit=WORKING_DAYS,
    order=50,
    components=_standard(
        dasar_hukum=_UJIAN_DASAR,
        persyaratan=_upload_note(
            "Ketentuan lain-lain:\n"
            "1. Peserta Ujian Dinas telah 2 (dua) tahun dalam pangkat Pengatur Tk. I (II/d) untuk "
            "Tingkat I atau Penata Tk. I (III/d) untuk Tingkat II; tidak sedang diberhentikan "
            "sementara dari jabatan negeri; tidak sedang menerima uang tunggu; tidak sedang menjalani "
            "cuti di luar tanggungan negara; tidak sedang dijatuhi hukuman disiplin tingkat sedang "
            "atau berat.\n"
            "2. Dikecualikan dari Ujian Dinas: lulus Adum/Adumla/Sepala/Diklatpim Tingkat IV (Tingkat "
            "I) atau Sepadya/Spama/Diklatpim Tingkat III (Tingkat II); memperoleh ijazah S-1/D-IV "
            "(Tingkat I) atau Dokter, Apoteker, S-2, S-3 atau yang setara (Tingkat II); menduduki "
            "jabatan fungsional tertentu yang kenaikan pangkatnya berdasarkan angka kredit."
        ),
        prosedur=_ujian_prosedur("Ujian Dinas"),
        jangka_waktu=_jangka_waktu(
            4, WORKING_DAYS, "sejak berkas usulan diterima lengkap sampai surat usulan dikirim ke BKN"
        ),
        produk=f"{_UJIAN_PRODUK}; melalui Pelita diterbitkan Surat Keterangan Lulus Ujian Dinas ber-kode QR.",
        jumlah_pelaksana="8 (delapan) orang",  # seed 004
        kompetensi=_UJIAN_KOMPETENSI,
    ),
    requirements=(
        _SURAT_PENGANTAR,
        RequirementSpec("Daftar nama peserta ujian", note="Sesuai format terlampir"),
        RequirementSpec(
            "Fotokopi SK jabatan terakhir yang dilegalisir pejabat yang berwenang",
            from_file_kind="sk_jabatan",
        ),
        RequirementSpec(
            "Fotokopi SK kenaikan pangkat terakhir yang dilegalisir pejabat yang berwenang",
            from_file_kind="sk_pangkat",
        ),
        RequirementSpec(
            "Fotokopi penilaian prestasi kerja 1 (satu) tahun terakhir yang disahkan, termasuk SKP "
            "dan penilaian capaian SKP",
            from_file_kind="skp",
        ),
        _PAS_FOTO,
    ),
    product=ProductSpec(
        "Surat Keterangan Lulus Ujian Dinas", "800/{seq}/BKD-UD/{year}", BODY_LULUS_UJIAN_DINAS
    ),
)

UPKP = ServiceSpec(
    slug="upkp",
    name="Ujian Penyesuaian Kenaikan Pangkat (UPKP)",
    summary=(
        "Usul peserta ujian bagi PNS yang memperoleh ijazah lebih tinggi melalui izin belajar, "
        "sebagai syarat kenaikan pangkat penyesuaian ijazah."
    ),
    eligibility=Eligibility.UPKP,
    duration=4,  # seed 004: "4 (empat) hari"
    unit=WORKING_DAYS,
    order=51,
    components=_standard(
        dasar_hukum=_UJIAN_DASAR,
        persyaratan=_upload_note(
            "Ketentuan lain-lain:\n"
            "1. Memperoleh STTB/ijazah setingkat lebih tinggi melalui izin belajar dari sekolah atau "
            "perguruan tinggi yang terakreditasi dan/atau mempunyai izin penyelenggaraan; ijazah luar "
            "negeri harus telah diakui dan disetarakan oleh menteri yang bertanggung jawab di bidang "
            "pendidikan.\n"
            "2. Bidang studi sesuai kualifikasi formasi yang tersedia atau relevan dengan tugas pokok.\n"
            "3. Setiap unsur penilaian prestasi kerja paling kurang bernilai baik dalam 1 (satu) tahun "
            "terakhir.\n"
            "4. Tidak sedang menjalani hukuman disiplin tingkat sedang atau berat, cuti di luar "
            "tanggungan negara, atau pemberhentian sementara.\n"
            # seed 004 stops before its table; the national table is UNCONFIRMED (domain.md §6)
            "5. Memenuhi jenjang pangkat/golongan dan masa kerja yang dipersyaratkan sesuai ketentuan "
            "yang berlaku (paling singkat 1 (satu) tahun dalam pangkat terakhir)."
        ),
        prosedur=_ujian_prosedur("UPKP"),
        jangka_waktu=_jangka_waktu(
            4, WORKING_DAYS, "sejak berkas usulan diterima lengkap sampai surat usulan dikirim ke BKN"
        ),
        produk=f"{_UJIAN_PRODUK}; melalui Pelita diterbitkan Surat Keterangan Lulus UPKP ber-kode QR.",
        jumlah_pelaksana="8 (delapan) orang",  # seed 004
        kompetensi=_UJIAN_KOMPETENSI,
    ),
    requirements=(
        _SURAT_PENGANTAR,
        RequirementSpec("Daftar nama peserta ujian", note="Sesuai format terlampir"),
        RequirementSpec(
            "Fotokopi STTB/ijazah dan transkrip nilai terakhir yang disahkan pejabat yang berwenang, "
            "serta hasil cek PDDikti (Forlap Dikti)",
            from_file_kind="ijazah",
        ),
        RequirementSpec("Fotokopi surat izin belajar/SK tugas belajar yang dilegalisir"),
        RequirementSpec(
            "Fotokopi SK jabatan terakhir yang dilegalisir pejabat yang berwenang",
            from_file_kind="sk_jabatan",
        ),
        RequirementSpec(
            "Fotokopi SK kenaikan pangkat yang dilegalisir pejabat yang berwenang",
            from_file_kind="sk_pangkat",
        ),
        RequirementSpec(
            "Fotokopi penilaian prestasi kerja 1 (satu) tahun terakhir yang disahkan, termasuk SKP "
            "dan penilaian capaian SKP",
            from_file_kind="skp",
        ),
        RequirementSpec("Surat keterangan uraian tugas yang ditandatangani Kepala Perangkat Daerah"),
        _PAS_FOTO,
    ),
    product=ProductSpec("Surat Keterangan Lulus UPKP", "800/{seq}/BKD-UPKP/{year}", BODY_LULUS_UPKP),
)

LAPORAN_IPASN = ServiceSpec(
    slug="laporan-ip-asn",
    name="Laporan Indeks Profesionalitas ASN (IP-ASN)",
    summary=(
        "Penyampaian data pendidikan, jabatan dan pengembangan kompetensi ASN oleh Perangkat Daerah "
        "untuk pengukuran IP-ASN melalui aplikasi BKN."
    ),
    eligibility=Eligibility.NONE,
    duration=1,  # seed 001: "1 (satu) hari"
    unit=WORKING_DAYS,
    order=60,
    components=_standard(
        dasar_hukum=[
            # seed 001, A. Dasar Hukum
            "Peraturan Menteri PAN-RB Nomor 38 Tahun 2018 tentang Pengukuran Indeks Profesionalitas "
            "Aparatur Sipil Negara",
            "Peraturan Badan Kepegawaian Negara Nomor 8 Tahun 2019 tentang Pedoman Tata Cara dan "
            "Pelaksanaan Pengukuran Indeks Profesionalitas ASN (IP-ASN)",
            _UU_PELAYANAN,
            _PERMENPAN_SP,
        ],
        persyaratan=_upload_note(
            "IP-ASN diukur pada 4 (empat) dimensi: kualifikasi (25), kompetensi (40), kinerja (30) dan "
            "disiplin (5); data yang dilaporkan menjadi dasar penilaian tersebut."
        ),
        prosedur=[
            "Pemohon menyampaikan Laporan IP-ASN.",
            *_chain_text(
                _BIDANG_KINERJA,
                "disampaikan kepada Badan Kepegawaian Negara melalui aplikasi IP-ASN.",
            ),
            "Unit Pengolah membuat laporan hasil unggah data IP-ASN dan menyampaikannya kepada Kepala "
            "Badan melalui Kepala Bidang.",
        ],
        jangka_waktu=_jangka_waktu(1, WORKING_DAYS),
        produk="Laporan Data IP-ASN.",  # seed 001, F. Produk
        jumlah_pelaksana="8 (delapan) orang",  # seed 001
        kompetensi=_kompetensi("Mengetahui konsep pelaporan penilaian prestasi kerja dan IP-ASN"),
    ),
    requirements=(
        RequirementSpec("Surat pengantar dari Perangkat Daerah"),
        RequirementSpec("Laporan/rekapitulasi data pendidikan, jabatan, bimtek/diklat/workshop/seminar ASN"),
    ),
    product=ProductSpec("Laporan Data IP-ASN", "800/{seq}/BKD-IPASN/{year}", BODY_LAPORAN_IPASN),
)

PENSIUN_BUP = ServiceSpec(
    slug="pensiun-bup",
    name="Pensiun Batas Usia Pensiun (BUP)",
    summary=(
        "Usul pemberhentian dengan hak pensiun bagi PNS yang mencapai batas usia pensiun: 58 tahun, "
        "60 tahun atau 65 tahun sesuai jabatannya."
    ),
    eligibility=Eligibility.PENSIUN,
    duration=2,  # not in the seeds: our choice (as long as a KP: the file also goes to BKN)
    unit=MONTHS,
    order=70,
    components=_standard(
        dasar_hukum=[
            "Undang-Undang Nomor 11 Tahun 1969 tentang Pensiun Pegawai dan Pensiun Janda/Duda Pegawai",
            _UU_PELAYANAN,
            _UU_ASN,
            _PP_MANAJEMEN + " (Pasal 239 dan Pasal 240: batas usia pensiun)",
            "Peraturan Kepala Badan Kepegawaian Negara Nomor 26 Tahun 2013 (pensiun otomatis bagi PNS "
            "yang mencapai batas usia pensiun)",
            _PERMENPAN_SP,
        ],
        persyaratan=_upload_note(
            "Ketentuan: batas usia pensiun 58 tahun (pejabat administrasi, jabatan fungsional ahli "
            "muda, ahli pertama dan keterampilan), 60 tahun (pejabat pimpinan tinggi dan jabatan "
            "fungsional ahli madya) atau 65 tahun (jabatan fungsional ahli utama), kecuali jabatan "
            "fungsional yang batas usianya diatur undang-undang tersendiri (guru 60 tahun). Pensiun "
            "berlaku mulai tanggal 1 bulan berikutnya setelah bulan PNS mencapai batas usia pensiun; "
            "usul disampaikan sedini mungkin agar SK pensiun terbit tepat waktu."
        ),
        prosedur=[
            "Perangkat Daerah menyiapkan berkas usul pensiun PNS yang akan mencapai batas usia pensiun.",
            "PNS atau Operator OPD mengajukan permohonan melalui Pelita (atau menyerahkan berkas "
            "melalui Tata Usaha BKD).",
            *_chain_text(_BIDANG_PEMBERHENTIAN, "surat usul pensiun disiapkan."),
            "Surat usul pensiun ditandatangani Kepala Badan dan disampaikan kepada BKN untuk "
            "pertimbangan teknis dan penetapan SK pensiun.",
        ],
        jangka_waktu=_jangka_waktu(2, MONTHS),
        produk=(
            "Surat usul pensiun kepada Badan Kepegawaian Negara; setelah pertimbangan teknis BKN, "
            "PNS menerima SK pemberhentian dengan hak pensiun."
        ),
        jumlah_pelaksana="5 (lima) orang",  # not in the seeds: our choice
        kompetensi=_kompetensi("Memahami ketentuan pemberhentian dan pensiun PNS"),
    ),
    # Seed 002 Tabel 4 (pensiun otomatis and the classic route), summarised in domain.md §4.
    requirements=(
        _SURAT_PENGANTAR,
        RequirementSpec("Daftar Perorangan Calon Penerima Pensiun (DPCP) dan formulir pembayaran pensiun"),
        _SK_CPNS,
        RequirementSpec("Fotokopi sah SK pangkat terakhir", from_file_kind="sk_pangkat"),
        RequirementSpec("SKP 1 (satu) tahun terakhir", from_file_kind="skp"),
        RequirementSpec("Surat pernyataan tidak pernah dijatuhi hukuman disiplin tingkat sedang atau berat"),
        RequirementSpec("Fotokopi akta nikah", note="Bila menikah", required=False),
        RequirementSpec(
            "Fotokopi akta kelahiran anak", note="Bila mempunyai anak yang masih ditanggung", required=False
        ),
        RequirementSpec("Fotokopi kartu keluarga"),
        RequirementSpec("Pas foto terbaru ukuran 3×4", note="Fisik 5 (lima) lembar diserahkan kemudian"),
    ),
    product=ProductSpec("Surat Usulan Pensiun", "800/{seq}/BKD-PENS/{year}", BODY_USULAN_PENSIUN),
)

SERVICES: tuple[ServiceSpec, ...] = (
    IZIN_BELAJAR,
    TUGAS_BELAJAR_REKOMENDASI,
    TUGAS_BELAJAR_SK,
    KENAIKAN_JF,
    KP_REGULER,
    KP_PILIHAN,
    UJIAN_DINAS,
    UPKP,
    LAPORAN_IPASN,
    PENSIUN_BUP,
)
