"""The catalogue seeded from the seeds: every service, its 14 components, its documents, its
time limit, its chain and its product letter; and a reseed that changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from core.models import AuditLog
from layanan.catalogue.actions import (
    SERVICE_OBJECT,
    do_remove_requirement,
    do_seed_catalogue,
    do_update_component,
    do_update_service,
    do_update_step,
)
from layanan.catalogue.files import DEFAULT_STEPS, SERVICES, duration_budget_minutes
from layanan.models import (
    Component,
    ProductTemplate,
    Requirement,
    Service,
    StandardComponent,
    Step,
    Transition,
)
from layanan.products import files as products
from layanan.tests.factories import make_service

pytestmark = pytest.mark.django_db

REQUIRED_SLUGS = {
    "izin-belajar",
    "tugas-belajar-rekomendasi",
    "tugas-belajar-sk",
    "kenaikan-jabatan-fungsional",
    "kp-reguler",
    "kp-pilihan",
    "ujian-dinas",
    "upkp",
    "laporan-ip-asn",
    "pensiun-bup",
}


@pytest.fixture
def seeded(db):
    return do_seed_catalogue(actor=None)


def _docs(slug: str) -> list[str]:
    return list(
        Requirement.objects.filter(service__slug=slug).order_by("order").values_list("name", flat=True)
    )


def test_every_required_service_is_seeded_once(seeded):
    assert set(Service.objects.values_list("slug", flat=True)) == REQUIRED_SLUGS
    assert seeded["layanan"] == len(REQUIRED_SLUGS)
    assert seeded["komponen"] == 14 * len(REQUIRED_SLUGS)
    assert seeded["templat"] == len(REQUIRED_SLUGS)
    assert seeded["tahap"] == len(DEFAULT_STEPS) * len(REQUIRED_SLUGS)
    assert seeded["persyaratan"] == Requirement.objects.count()


@pytest.mark.parametrize("slug", sorted(REQUIRED_SLUGS))
def test_every_service_has_all_14_components_filled_in(seeded, slug):
    texts = dict(StandardComponent.objects.filter(service__slug=slug).values_list("component", "text"))
    assert set(texts) == set(Component.values)
    assert all(text.strip() for text in texts.values())


@pytest.mark.parametrize(
    ("slug", "duration", "unit"),
    [
        ("izin-belajar", 3, "working_days"),  # seed 000: "kurang lebih 3 hari"
        ("kenaikan-jabatan-fungsional", 3, "working_days"),  # seed 000
        ("kp-reguler", 2, "months"),  # seed 000: "kurang lebih 2 bulan"
        ("kp-pilihan", 2, "months"),
        ("ujian-dinas", 4, "working_days"),  # seed 004: "4 (empat) hari"
        ("upkp", 4, "working_days"),
        ("laporan-ip-asn", 1, "working_days"),  # seed 001: "1 (satu) hari"
    ],
)
def test_durations_come_from_the_seeds(seeded, slug, duration, unit):
    service = Service.objects.get(slug=slug)
    assert (service.duration, service.duration_unit) == (duration, unit)
    jangka = service.components.get(component=Component.JANGKA_WAKTU).text
    assert jangka.startswith(f"{duration} (")


def test_the_two_kenaikan_pangkat_variants_ask_for_different_documents(seeded):
    reguler, pilihan = set(_docs("kp-reguler")), set(_docs("kp-pilihan"))
    assert reguler != pilihan
    assert any("STLUD" in name for name in reguler - pilihan)
    only_pilihan = " ".join(pilihan - reguler)
    for document in ("STLUPKP", "pelantikan", "Angka Kredit", "izin belajar", "uraian tugas"):
        assert document in only_pilihan
    # both start from the same common file (seed 000: Karpeg, SKP, SK CPNS, SK pangkat)
    assert {n for n in reguler if "Karpeg" in n or "SK pangkat terakhir" in n} <= pilihan


def test_tugas_belajar_runs_in_two_stages(seeded):
    rekomendasi = Service.objects.get(slug="tugas-belajar-rekomendasi")
    sk = Service.objects.get(slug="tugas-belajar-sk")
    assert sk.previous_stage == rekomendasi
    assert rekomendasi.previous_stage is None
    assert any("Rekomendasi Kepala BKD" in name for name in _docs("tugas-belajar-sk"))
    assert len(_docs("tugas-belajar-rekomendasi")) == 8 and len(_docs("tugas-belajar-sk")) == 8  # seed 000


@pytest.mark.parametrize(
    ("slug", "document", "kind"),
    [
        ("kp-reguler", "SK pangkat terakhir", "sk_pangkat"),
        ("kp-pilihan", "SK jabatan terakhir", "sk_jabatan"),
        ("upkp", "ijazah", "ijazah"),
        ("izin-belajar", "SKP 2 (dua) tahun terakhir", "skp"),
        ("kenaikan-jabatan-fungsional", "SK jabatan fungsional terakhir", "sk_jabatan"),
    ],
)
def test_documents_kept_in_the_employee_file_name_their_scan(seeded, slug, document, kind):
    requirement = Requirement.objects.get(service__slug=slug, name__icontains=document)
    assert requirement.from_file_kind == kind


def test_documents_of_izin_belajar_are_those_of_seed_000(seeded):
    names = _docs("izin-belajar")
    assert len(names) == 8  # seed 000 lists 7, with "SK CPNS dan SK Pangkat Terakhir" split in two
    for word in (
        "eselon II",
        "Form 2A",
        "SK CPNS",
        "SK pangkat",
        "SKP",
        "Jadwal kuliah",
        "BAN-PT",
        "hukuman disiplin",
    ):
        assert any(word in name for name in names), word


@pytest.mark.parametrize("slug", sorted(REQUIRED_SLUGS))
def test_the_chain_targets_fit_within_the_service_time(seeded, slug):
    service = Service.objects.get(slug=slug)
    steps = list(service.steps.all())
    assert [s.code for s in steps] == [spec.code for spec in DEFAULT_STEPS]
    assert sum(s.is_entry for s in steps) == 1
    assert sum(s.target_minutes for s in steps) <= duration_budget_minutes(
        service.duration, service.duration_unit
    )
    assert service.transitions.filter(action="complete").count() == 1


def test_a_one_day_service_scales_its_desks_down(seeded):
    ipasn = {s.code: s.target_minutes for s in Step.objects.filter(service__slug="laporan-ip-asn")}
    defaults = {spec.code: spec.target_minutes for spec in DEFAULT_STEPS}
    assert all(ipasn[code] < defaults[code] for code in defaults)
    assert sum(ipasn.values()) <= 300  # one Friday of office time


@pytest.mark.parametrize("slug", sorted(REQUIRED_SLUGS))
def test_every_product_template_renders_and_numbers_uniquely(seeded, slug):
    template = ProductTemplate.objects.select_related("service").get(service__slug=slug)
    assert products.body_errors(template.body, service=template.service) == []
    assert products.number_format_errors(template.number_format, service=template.service) == []
    assert "Kepala Badan Kepegawaian Daerah" in template.official_title


def test_a_product_letter_names_the_employee_the_number_and_the_official(seeded, cast):
    from people.tests.factories import make_pegawai

    template = ProductTemplate.objects.get(service__slug="izin-belajar")
    context = products.sample_context(template.service, template)
    pegawai = make_pegawai(cast.opd_a, nama="Rina Marlina")
    context["pegawai"] = context["request"].pegawai = pegawai
    context["request"].answers = {
        "jenjang": "s2",
        "program_studi": "Kesehatan Masyarakat",
        "perguruan_tinggi": "Universitas Tanjungpura",
    }
    html = products.render_html(template, context)
    assert "SURAT IZIN BELAJAR" in html
    assert "Rina Marlina" in html and pegawai.nip in html
    assert "Kesehatan Masyarakat" in html and "Universitas Tanjungpura" in html
    assert context["product"].number in html
    assert template.official_name in html
    assert cast.instansi.name.upper() in html
    assert "<svg" in html  # the QR code is inserted unescaped


def test_seeding_leaves_one_audit_row_per_service_by_the_system(seeded):
    rows = AuditLog.objects.filter(event="layanan.service_seeded")
    assert rows.count() == len(REQUIRED_SLUGS)
    row = rows.get(object_id=str(Service.objects.get(slug="upkp").pk))
    assert row.object_type == SERVICE_OBJECT
    assert row.actor is None and row.actor_label == "sistem"
    assert row.after["slug"] == "upkp" and row.after["komponen"] == 14


def test_a_second_run_creates_nothing_and_writes_no_history(seeded):
    counts = {
        model: model.objects.count()
        for model in (Service, StandardComponent, Requirement, Step, Transition, ProductTemplate)
    }
    audit = AuditLog.objects.count()
    again = do_seed_catalogue(actor=None)
    assert set(again.values()) == {0}
    assert {model: model.objects.count() for model in counts} == counts
    assert AuditLog.objects.count() == audit


def test_a_reseed_keeps_everything_an_admin_edited(seeded, cast):
    service = Service.objects.get(slug="izin-belajar")
    do_update_component(
        service.components.get(component="biaya"), text="Gratis, tanpa pungutan.", actor=cast.admin
    )
    removed = service.requirements.get(name="Form 2A")
    do_remove_requirement(removed, actor=cast.admin)
    do_update_service(service, changes={"name": "Izin Belajar PNS", "active": False}, actor=cast.admin)
    do_update_step(service.steps.get(code="paraf"), changes={"target_minutes": 15}, actor=cast.admin)

    assert set(do_seed_catalogue(actor=None).values()) == {0}

    service.refresh_from_db()
    assert (service.name, service.active) == ("Izin Belajar PNS", False)
    assert service.components.get(component="biaya").text == "Gratis, tanpa pungutan."
    assert not service.requirements.filter(name="Form 2A").exists()
    assert service.steps.get(code="paraf").target_minutes == 15


def test_a_reseed_completes_a_service_made_elsewhere_without_touching_its_checklist(db, cast):
    made = make_service("izin-belajar", "Izin Belajar", requirements=("Surat permohonan",))
    made.components.filter(component__in=["biaya", "produk"]).delete()

    counts = do_seed_catalogue(actor=cast.admin)

    assert counts["layanan"] == len(REQUIRED_SLUGS) - 1
    made.refresh_from_db()
    assert made.components.count() == 14
    assert made.components.get(component="biaya").text == "Tidak dipungut biaya (gratis)."
    assert list(made.requirements.values_list("name", flat=True)) == ["Surat permohonan"]
    assert made.product_template.title == "Surat Izin Belajar"
    row = AuditLog.objects.get(event="layanan.service_completed", object_id=str(made.pk))
    assert row.actor == cast.admin
    assert sorted(row.after["komponen"]) == ["biaya", "produk"]


def test_seed_demo_loads_the_catalogue_and_says_so(db, capsys):
    call_command("seed_demo", pegawai=0)
    out = capsys.readouterr().out
    assert "Katalog layanan siap (baru dibuat: layanan 10," in out
    call_command("seed_demo", pegawai=0)
    assert "Katalog layanan siap (baru dibuat: layanan 0, komponen 0," in capsys.readouterr().out


def test_the_catalogue_data_names_every_service_once():
    slugs = [spec.slug for spec in SERVICES]
    assert len(slugs) == len(set(slugs)) and set(slugs) == REQUIRED_SLUGS
    stages = {spec.slug: spec.previous_stage for spec in SERVICES if spec.previous_stage}
    assert stages == {"tugas-belajar-sk": "tugas-belajar-rekomendasi"}
    # a previous stage is seeded before the stage that needs it
    assert slugs.index("tugas-belajar-rekomendasi") < slugs.index("tugas-belajar-sk")
