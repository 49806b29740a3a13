"""The catalogue's content files: every one loads, a file that does not fit is refused with a
message naming the file and the field, and a letter stored as one flat body prints exactly what
the letter file and the files it extends say."""

from __future__ import annotations

import re
import shutil

import pytest
from django.template import Context
from django.template.loader import get_template

from layanan.catalogue import files
from layanan.catalogue.files import ContentError, letter_body, load_chain, load_service, load_services
from layanan.models import ProductTemplate, Service
from layanan.products import files as products

LETTERS = sorted(
    p.stem for p in (files.TEMPLATES / files.LETTERS).glob("*.html") if not p.stem.startswith("_")
)
SERVICE_FILE = files.CONTENT / "services" / "izin-belajar.yaml"
ANSWERS = {
    "jenjang": "s2",
    "program_studi": "Kesehatan Masyarakat",
    "perguruan_tinggi": "Universitas Tanjungpura",
    "sumber_biaya": "LPDP",
    "tingkat": "II",
    "ijazah_baru": "s1",
}


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


def _context(letter: str) -> dict:
    service = Service(name="Layanan Contoh", slug=letter, duration=1)
    context = products.sample_context(service)
    context["request"].answers = ANSWERS
    return context


@pytest.mark.parametrize("letter", [name for name in LETTERS if name not in ("base", "surat_dinas")])
def test_the_stored_body_prints_what_the_letter_file_prints(letter):
    body = letter_body(letter)
    assert not re.search(r"{%\s*(extends|block|endblock|include)\b", body)
    assert "{#" not in body  # the files' comments are for developers
    assert body.count("<style>") == 1 and body.count('class="verifikasi"') == 1
    context = _context(letter)
    flat = products._engine().from_string(body).render(Context(context))
    # Django's own engine with its loaders, as for any template of the project.
    from_files = get_template(f"layanan/letters/{letter}.html").render(context)
    assert _words(flat) == _words(from_files)
    assert "Nama Pegawai Contoh" in flat and context["product"].number in flat


def test_the_house_style_is_written_once():
    styles = [p.name for p in (files.TEMPLATES / files.LETTERS).glob("*.html") if "<style>" in p.read_text()]
    assert styles == ["base.html"]


def test_every_service_names_a_letter_and_a_time_the_component_repeats():
    for spec in files.SERVICES:
        assert (files.TEMPLATES / files.LETTERS / f"{spec.product.letter}.html").is_file()
        assert spec.components["jangka_waktu"].startswith(f"{spec.duration} (")
        assert "Waktu pelayanan:" in spec.components["jangka_waktu"]  # common.yaml jam-pelayanan
    # the suggested start of a new template is the house style too
    assert letter_body("default") == products.DEFAULT_BODY


def test_shared_keys_become_their_text_and_lists_are_numbered():
    spec = next(s for s in files.SERVICES if s.slug == "izin-belajar")
    assert spec.components["dasar_hukum"].startswith(
        "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n2. Undang-Undang Nomor 20 Tahun 2023"
    )
    assert spec.components["biaya"] == "Tidak dipungut biaya (gratis)."
    assert spec.components["kompetensi"].endswith("• Dapat mengoperasikan komputer")


def _write(tmp_path, text: str, name: str = "izin-belajar.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _edited(old: str, new: str) -> str:
    text = SERVICE_FILE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("eligibility: izin_belajar", "eligibility: izin_bljr", "'eligibility' is 'izin_bljr', not one of"),
        ("duration: 3", "duration: tiga", "'duration' must be a whole number"),
        ("duration: 3", "duration: 4", "jangka_waktu: must start with the duration, 4"),
        ("    - uu-asn\n", "    - uu-asm\n", "'uu-asm' is not a shared text of layanan/content/common.yaml"),
        ("order: 10", "order: 10\ncolour: red", "unknown field(s) colour"),
        ("    from_file_kind: skp", "    from_file_kind: ktp", "'from_file_kind' is 'ktp'"),
        ("letter: izin-belajar", "letter: izin-bljr", "no letter layanan/letters/izin-bljr.html"),
        ('"800/{seq}/BKD-IB/{year}"', '"800/BKD-IB/{year}"', "must hold {seq} and {year}"),
        ("slug: izin-belajar", "slug: izin", "'slug' is 'izin' but the file is named izin-belajar.yaml"),
        ("  - name: Form 2A", "  - nama: Form 2A", "requirement 2: unknown field(s) nama"),
        (
            "    - unggah-berkas\n",
            "    - Ketentuan:\n",
            "line 1: a line with ': ' or ending in ':' must be quoted",
        ),
        ("summary: >-", "summary: [", "not valid YAML"),
    ],
)
def test_a_service_file_that_does_not_fit_is_refused_with_the_place(tmp_path, old, new, message):
    with pytest.raises(ContentError) as refused:
        load_service(_write(tmp_path, _edited(old, new)))
    assert message in str(refused.value)
    assert "izin-belajar.yaml" in str(refused.value)


def test_a_second_stage_must_follow_its_first(tmp_path):
    folder = tmp_path / "services"
    shutil.copytree(files.CONTENT / "services", folder)
    sk = folder / "tugas-belajar-sk.yaml"
    sk.write_text(sk.read_text().replace("order: 21", "order: 19"))
    with pytest.raises(ContentError, match="previous_stage 'tugas-belajar-rekomendasi' is not a service"):
        load_services(folder)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("role: sekretaris", "role: sekertaris", "step 3: 'role' is 'sekertaris'"),
        ("entry: registrasi", "entry: loket", "'entry' is 'loket'"),
        (
            "action: return, label",
            "action: return, to: paraf, label",
            "transition 6: only a forward has 'to'",
        ),
        ("to: paraf, label", "label", "transition 2: a forward needs 'to'"),
        ("target_minutes: 120", "target_minutes: 0", "step 6: 'target_minutes' must be more than 0"),
    ],
)
def test_a_chain_that_does_not_fit_is_refused_with_the_place(tmp_path, old, new, message):
    text = (files.CONTENT / "chain.yaml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ContentError) as refused:
        load_chain(_write(tmp_path, text.replace(old, new, 1), "chain.yaml"))
    assert message in str(refused.value) and "chain.yaml" in str(refused.value)


@pytest.mark.parametrize(
    ("letter", "message"),
    [
        ('{% extends "layanan/base.html" %}', "may only use files of layanan/letters/"),
        (
            '{% extends "layanan/letters/base.html" %}{% block sidebar %}x{% endblock %}',
            "has no block sidebar",
        ),
        (
            '{% extends "layanan/letters/base.html" %}{% block title %}{{ block.super }}{% endblock %}',
            "block.super",
        ),
        ('{% extends "layanan/letters/base.html" %}<p>loose</p>', "holds nothing outside its blocks"),
        ('{% include "layanan/letters/_pegawai.html" with x=1 %}', "takes the file name only"),
        ("{% block body %}unclosed", "block 'body' is not closed"),
    ],
)
def test_a_letter_a_flat_body_cannot_express_is_refused(tmp_path, monkeypatch, letter, message):
    shutil.copytree(files.TEMPLATES / files.LETTERS, tmp_path / files.LETTERS)
    (tmp_path / files.LETTERS / "broken.html").write_text(letter)
    monkeypatch.setattr(files, "TEMPLATES", tmp_path)
    letter_body.cache_clear()
    try:
        with pytest.raises(ContentError, match=re.escape(message)):
            letter_body("broken")
    finally:
        letter_body.cache_clear()


@pytest.mark.django_db
def test_a_seeded_template_stores_the_flat_letter():
    from layanan.catalogue.actions import do_seed_catalogue

    do_seed_catalogue(actor=None)
    template = ProductTemplate.objects.get(service__slug="pensiun-bup")
    assert template.body == letter_body("pensiun-bup")
    assert "Kepala PT Taspen (Persero) setempat;" in template.body
    assert "Yth. Kepala Kantor Regional V Badan Kepegawaian Negara" in template.body
