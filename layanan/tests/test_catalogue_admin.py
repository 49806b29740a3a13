"""The Admin edits the catalogue through its screens: every edit is audited under the service
with who, before and after, and shows on the service's history page; bad input is refused
with an Indonesian message and changes nothing; other roles are refused."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_pdf
from core.models import AuditLog
from layanan.catalogue import actions as cat
from layanan.models import Action, Requirement, Service, Step, Transition
from layanan.tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(db):
    cat.do_seed_catalogue(actor=None)
    return Service.objects.get(slug="izin-belajar")


@pytest.fixture
def admin(cast, client_for):
    return client_for(cast.admin)


def _rows(service, event):
    return AuditLog.objects.filter(object_type="layanan.service", object_id=str(service.pk), event=event)


def _service_data(service, **changes):
    data = {
        "name": service.name,
        "summary": service.summary,
        "order": service.order,
        "active": "on" if service.active else "",
        "eligibility": service.eligibility,
        "duration": service.duration,
        "duration_unit": service.duration_unit,
    }
    return {**data, **changes}


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as context:
        call()
    return len(context)


def test_the_admin_list_shows_every_service_with_a_constant_number_of_queries(service, cast, admin):
    cat.do_update_service(Service.objects.get(slug="upkp"), changes={"active": False}, actor=cast.admin)
    url = reverse("layanan:service_admin_list")
    html = admin.get(url).content.decode()
    assert "Izin Belajar" in html and "Ujian Penyesuaian Kenaikan Pangkat (UPKP)" in html  # closed ones too
    assert "Ditutup" in html
    few = _queries(lambda: admin.get(url))
    for i in range(6):
        make_service(f"uji-{i}", f"Layanan Uji {i}")
    assert _queries(lambda: admin.get(url)) == few
    assert few <= 8  # the page's shell (session, user, roles, notifications) + count + one page of services


def test_editing_a_component_is_audited_with_who_before_and_after(service, cast, admin):
    component = service.components.get(component="biaya")
    old = component.text
    url = reverse("layanan:component_edit", kwargs={"pk": service.pk, "component": "biaya"})
    assert old in admin.get(url).content.decode()

    response = admin.post(url, {"text": "Gratis. Tidak ada pungutan dalam bentuk apa pun."})

    assert response.status_code == 302
    component.refresh_from_db()
    assert component.text == "Gratis. Tidak ada pungutan dalam bentuk apa pun."
    row = _rows(service, "layanan.component_updated").get()
    assert row.actor == cast.admin
    assert row.before == {"biaya": old}
    assert row.after == {"biaya": "Gratis. Tidak ada pungutan dalam bentuk apa pun."}
    assert "Biaya/tarif" in row.object_repr

    history = admin.get(reverse("layanan:service_history", kwargs={"pk": service.pk})).content.decode()
    assert "Komponen diubah" in history
    assert cast.admin.username in history
    assert "Tidak ada pungutan dalam bentuk apa pun." in history and old in history


def test_an_empty_component_is_refused(service, admin):
    url = reverse("layanan:component_edit", kwargs={"pk": service.pk, "component": "biaya"})
    response = admin.post(url, {"text": "   "})
    assert response.status_code == 200
    assert "Isi komponen tidak boleh kosong." in response.content.decode()
    assert service.components.get(component="biaya").text == "Tidak dipungut biaya (gratis)."
    assert not _rows(service, "layanan.component_updated").exists()


def test_an_unknown_component_is_404(service, admin):
    url = reverse("layanan:component_edit", kwargs={"pk": service.pk, "component": "bukan-komponen"})
    assert admin.get(url).status_code == 404


def test_editing_the_service_is_audited_and_a_zero_duration_is_refused(service, cast, admin):
    url = reverse("layanan:service_admin_edit", kwargs={"pk": service.pk})
    response = admin.post(url, _service_data(service, duration=0))
    assert response.status_code == 200
    assert "Jangka waktu paling sedikit 1." in response.content.decode()
    service.refresh_from_db()
    assert service.duration == 3

    response = admin.post(url, _service_data(service, duration=5, summary="Ringkasan baru."))
    assert response.status_code == 302
    row = _rows(service, "layanan.service_updated").get()
    assert row.actor == cast.admin
    assert row.before == {"duration": 3, "summary": service.summary}
    assert row.after == {"duration": 5, "summary": "Ringkasan baru."}


def test_the_service_page_shows_the_chain_as_a_transition_table(service, admin):
    html = admin.get(reverse("layanan:service_admin_edit", kwargs={"pk": service.pk})).content.decode()
    table = html[html.index('data-testid="transition-table"') :]
    assert "Registrasi dan nomor agenda" in table and "Teruskan" in table and "Pemilahan surat" in table
    assert "Kembalikan ke pemohon" in table and "Selesaikan" in table
    assert table.count("data-transition=") == service.transitions.count()


def test_adding_editing_and_removing_a_requirement_is_audited(service, cast, admin):
    response = admin.post(
        reverse("layanan:requirement_add", kwargs={"pk": service.pk}),
        {
            "name": "Surat keterangan sehat",
            "note": "Dari dokter pemerintah",
            "required": "on",
            "from_file_kind": "",
        },
    )
    assert response.status_code == 302
    added = service.requirements.get(name="Surat keterangan sehat")
    assert added.order == 9  # after the eight of seed 000
    row = _rows(service, "layanan.requirement_added").get()
    assert row.after["name"] == "Surat keterangan sehat" and row.actor == cast.admin

    response = admin.post(
        reverse("layanan:requirement_edit", kwargs={"pk": added.pk}),
        {"order": 9, "name": "Surat keterangan sehat jasmani", "note": "", "from_file_kind": ""},
    )
    assert response.status_code == 302
    row = _rows(service, "layanan.requirement_updated").get()
    assert row.before == {
        "name": "Surat keterangan sehat",
        "note": "Dari dokter pemerintah",
        "required": True,
    }
    assert row.after == {"name": "Surat keterangan sehat jasmani", "note": "", "required": False}

    response = admin.post(reverse("layanan:requirement_delete", kwargs={"pk": added.pk}))
    assert response.status_code == 302
    assert not Requirement.objects.filter(pk=added.pk).exists()
    row = _rows(service, "layanan.requirement_removed").get()
    assert row.before["name"] == "Surat keterangan sehat jasmani" and row.after == {}

    history = admin.get(reverse("layanan:service_history", kwargs={"pk": service.pk})).content.decode()
    for label in ("Persyaratan ditambahkan", "Persyaratan diubah", "Persyaratan dihapus"):
        assert label in history


def test_a_requirement_without_a_name_or_with_an_unknown_archive_kind_is_refused(service, admin):
    before = service.requirements.count()
    response = admin.post(reverse("layanan:requirement_add", kwargs={"pk": service.pk}), {"name": ""})
    assert "Nama persyaratan wajib diisi." in response.content.decode()
    response = admin.post(
        reverse("layanan:requirement_add", kwargs={"pk": service.pk}),
        {"name": "Berkas", "from_file_kind": "produk"},
    )
    assert response.status_code == 200 and "from_file_kind_error" in response.content.decode()
    assert service.requirements.count() == before
    with pytest.raises(cat.CatalogueError):
        cat.do_add_requirement(service, name="Berkas", from_file_kind="produk", actor=None)


def test_a_requirement_a_request_has_used_cannot_be_removed(service, cast, admin, tmp_path):
    from layanan.requests.actions import do_create_request, do_upload_request_document
    from people.tests.factories import make_pegawai

    pegawai = make_pegawai(cast.opd_a, nama="Pegawai Dinkes", user=cast.pegawai_a)
    requirement = service.requirements.get(name="Jadwal kuliah")
    request = do_create_request(service, pegawai, actor=cast.pegawai_a)
    do_upload_request_document(request, requirement, make_pdf("jadwal.pdf"), actor=cast.pegawai_a)

    response = admin.post(reverse("layanan:requirement_delete", kwargs={"pk": requirement.pk}), follow=True)

    assert "tidak dapat dihapus karena sudah dipakai oleh 1 permohonan" in response.content.decode()
    assert Requirement.objects.filter(pk=requirement.pk).exists()
    assert not _rows(service, "layanan.requirement_removed").exists()


def test_editing_a_step_is_audited_and_escalating_to_its_own_role_is_refused(service, cast, admin):
    step = service.steps.get(code="paraf")
    url = reverse("layanan:step_edit", kwargs={"pk": step.pk})
    data = {"name": step.name, "role": step.role, "escalate_to": step.role, "target_minutes": 45}
    response = admin.post(url, data)
    assert "Eskalasi harus ke peran lain" in response.content.decode()
    response = admin.post(url, {**data, "target_minutes": 0, "escalate_to": step.escalate_to})
    assert "Target paling sedikit 1 menit." in response.content.decode()
    step.refresh_from_db()
    assert step.target_minutes == 60

    response = admin.post(
        url, {**data, "escalate_to": step.escalate_to, "name": "Paraf dan telaah Sekretaris"}
    )
    assert response.status_code == 302
    row = _rows(service, "layanan.step_updated").get()
    assert row.before == {"name": "Paraf Sekretaris", "target_minutes": 60}
    assert row.after == {"name": "Paraf dan telaah Sekretaris", "target_minutes": 45}


def test_adding_a_transition_checks_the_target_and_is_audited(service, cast, admin):
    steps = {s.code: s for s in service.steps.all()}
    url = reverse("layanan:transition_add", kwargs={"pk": service.pk})
    forward = {
        "from_step": steps["verifikasi"].pk,
        "action": Action.FORWARD,
        "label": "Minta telaah Kepala Bidang",
    }

    response = admin.post(url, forward)  # no target
    assert "Tindakan &#x27;Teruskan&#x27; memerlukan tahap tujuan." in response.content.decode()
    response = admin.post(url, {**forward, "to_step": steps["verifikasi"].pk})
    assert "Tahap tujuan harus berbeda dari tahap asal." in response.content.decode()
    other = Step.objects.filter(service__slug="upkp", code="bidang").get()
    response = admin.post(url, {**forward, "to_step": other.pk})
    assert "to_step_error" in response.content.decode()  # not one of this service's steps
    response = admin.post(
        url, {"from_step": steps["paraf"].pk, "action": Action.REJECT, "to_step": steps["bidang"].pk}
    )
    assert "Hanya tindakan &#x27;Teruskan&#x27; yang punya tahap tujuan." in response.content.decode()
    response = admin.post(url, {"from_step": steps["verifikasi"].pk, "action": Action.REJECT})
    assert "Transisi ini sudah ada." in response.content.decode()
    assert service.transitions.count() == 10  # the standard chain, unchanged

    response = admin.post(url, {**forward, "to_step": steps["bidang"].pk, "note_required": "on"})
    assert response.status_code == 302
    added = service.transitions.get(label="Minta telaah Kepala Bidang")
    assert (added.from_step, added.to_step, added.note_required) == (
        steps["verifikasi"],
        steps["bidang"],
        True,
    )
    row = _rows(service, "layanan.transition_added").get()
    assert row.actor == cast.admin and row.after["to_step"] == steps["bidang"].pk


def test_the_action_refuses_a_target_of_another_service(service, cast):
    steps = {s.code: s for s in service.steps.all()}
    other = Step.objects.get(service__slug="upkp", code="bidang")
    with pytest.raises(cat.CatalogueError, match="tahap layanan yang sama"):
        cat.do_add_transition(
            service, from_step=steps["verifikasi"], action=Action.FORWARD, to_step=other, actor=cast.admin
        )
    with pytest.raises(cat.CatalogueError, match="Tahap asal bukan tahap layanan ini"):
        cat.do_add_transition(service, from_step=other, action=Action.REJECT, actor=cast.admin)


def test_removing_a_transition_is_audited_but_the_last_complete_stays(service, cast, admin):
    complete = service.transitions.get(action=Action.COMPLETE)
    response = admin.post(reverse("layanan:transition_delete", kwargs={"pk": complete.pk}), follow=True)
    assert "Transisi &#x27;Selesaikan&#x27; terakhir tidak dapat dihapus" in response.content.decode()
    assert Transition.objects.filter(pk=complete.pk).exists()

    reject = service.transitions.get(action=Action.REJECT)
    response = admin.post(reverse("layanan:transition_delete", kwargs={"pk": reject.pk}))
    assert response.status_code == 302
    assert not Transition.objects.filter(pk=reject.pk).exists()
    row = _rows(service, "layanan.transition_removed").get()
    assert row.actor == cast.admin and row.before["action"] == "reject"
    assert "Verifikasi berkas" in row.object_repr


def test_the_history_page_lists_only_this_service_with_constant_queries(service, cast, admin):
    other = Service.objects.get(slug="upkp")
    cat.do_update_service(other, changes={"summary": "Ringkasan UPKP baru."}, actor=cast.admin)
    url = reverse("layanan:service_history", kwargs={"pk": service.pk})
    html = admin.get(url).content.decode()
    assert "Layanan dimuat dari katalog bawaan" in html and "sistem" in html
    assert "Ringkasan UPKP baru." not in html
    few = _queries(lambda: admin.get(url))
    for i in range(5):
        cat.do_update_component(
            service.components.get(component="biaya"), text=f"Gratis {i}.", actor=cast.admin
        )
    assert _queries(lambda: admin.get(url)) == few
    assert few <= 10  # shell + service + template id + count + page of entries
    assert "Gratis 4." in admin.get(url).content.decode()


def test_other_roles_cannot_edit_the_catalogue(service, cast, client_for):
    component = service.components.get(component="biaya")
    url = reverse("layanan:component_edit", kwargs={"pk": service.pk, "component": "biaya"})
    for persona in ("operator_a", "pegawai_a", "unit_pengolah", "kepala_badan"):
        response = client_for(cast.persona(persona)).post(url, {"text": "Bayar Rp100.000"})
        assert response.status_code == 403, persona
    response = client_for(None).post(url, {"text": "Bayar Rp100.000"})
    assert response.status_code == 302
    component.refresh_from_db()
    assert component.text == "Tidak dipungut biaya (gratis)."
