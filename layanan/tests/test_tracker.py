"""The public tracker: request number + NIP → where the request is, without personal details."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from layanan.models import Action, Request
from layanan.tests.product_builders import submitted_request
from layanan.tests.workflow_helpers import act, holder, walk_to
from layanan.tracking.queries import FAILURE_LIMIT, track
from people.tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
NOT_FOUND = "Permohonan tidak ditemukan"
GENERIC = "Permohonan tidak ditemukan. Periksa kembali nomor permohonan dan NIP pemohon."
BLOCKED = "Terlalu banyak pencarian yang gagal"
NOTE = "Surat keterangan dari perguruan tinggi belum dilampirkan"


@pytest.fixture
def andi(cast):
    return make_pegawai(cast.opd_a, nama="Andi Susanto", user=cast.pegawai_a)


@pytest.fixture
def returned(cast, chain, izin_belajar, andi):
    """A request that went up the chain to the verifier and came back with a note."""
    with time_machine.travel(dt.datetime(2026, 8, 17, 2, 0, tzinfo=dt.UTC), tick=False):
        request = submitted_request(izin_belajar, andi, created_by=cast.pegawai_a)
    with time_machine.travel(dt.datetime(2026, 8, 18, 2, 0, tzinfo=dt.UTC), tick=False):
        request = walk_to(request, "verifikasi", chain)
    with time_machine.travel(dt.datetime(2026, 8, 19, 3, 30, tzinfo=dt.UTC), tick=False):
        return act(request, holder(chain, "verifikasi"), Action.RETURN, note=NOTE)


def lookup(client, number, nip, **extra):
    return client.post(reverse("layanan:tracker"), {"number": number, "nip": nip}, **extra)


def test_the_tracker_shows_status_place_and_every_step_with_dates(returned, andi, client):
    response = lookup(client, returned.number, andi.nip)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dikembalikan ke pemohon" in html
    for step in ("Registrasi dan nomor agenda", "Disposisi Kepala Badan", "Verifikasi berkas"):
        assert step in html
    assert "17 Agustus 2026 09:00" in html  # registration started (WIB)
    assert "19 Agustus 2026 10:30" in html  # returned
    assert "Jam layanan berhenti" in html


def test_the_tracker_page_shows_no_personal_details(returned, andi, cast, chain, client):
    html = lookup(client, returned.number, andi.nip).content.decode()

    assert returned.number in html  # found …
    for personal in ("Andi", "Susanto", andi.nip, NOTE, chain.unit_pengolah.name, cast.pegawai_a.username):
        assert personal not in html  # … but nothing about the person, the note or the officials


def test_the_nip_may_be_typed_in_its_printed_grouping(returned, andi, client):
    nip = andi.nip
    grouped = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert "Dikembalikan ke pemohon" in lookup(client, returned.number.lower(), grouped).content.decode()


@pytest.mark.parametrize("wrong", ["number", "nip", "both"])
def test_a_wrong_pair_gets_one_generic_answer(wrong, returned, andi, cast, client):
    other = make_pegawai(cast.opd_b, nama="Budi Hartono")
    number = "IB-0000-XXXXX" if wrong in ("number", "both") else returned.number
    nip = other.nip if wrong in ("nip", "both") else andi.nip

    html = lookup(client, number, nip).content.decode()

    # The same words whichever half was wrong: no hint which one to fix.
    refusal = html.split('data-testid="tracker-refusal">')[1].split("</p>")[0]
    assert refusal == GENERIC
    assert "tracker-result" not in html


def test_a_draft_is_not_tracked(cast, izin_belajar, andi):
    request = submitted_request(izin_belajar, andi, created_by=cast.pegawai_a)
    Request.objects.filter(pk=request.pk).update(status=Request.Status.DRAFT)
    assert track(request.number, andi.nip) is None


def test_a_malformed_nip_is_a_form_error_and_not_a_failure(returned, client):
    for _ in range(FAILURE_LIMIT + 1):
        response = lookup(client, returned.number, "1234")
    assert "NIP terdiri dari 18 angka" in response.content.decode()
    assert BLOCKED not in response.content.decode()


def test_five_failures_in_ten_minutes_block_further_lookups_from_that_address(returned, andi, client):
    start = dt.datetime(2026, 8, 20, 2, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(FAILURE_LIMIT):
            assert NOT_FOUND in lookup(client, "IB-0000-XXXXX", andi.nip).content.decode()
        # Even the right pair is refused now, and from another address it is not.
        blocked = lookup(client, returned.number, andi.nip).content.decode()
        assert BLOCKED in blocked and "tracker-result" not in blocked
        assert (
            "tracker-result"
            in lookup(client, returned.number, andi.nip, REMOTE_ADDR="10.0.0.2").content.decode()
        )
    with time_machine.travel(start + dt.timedelta(minutes=10, seconds=1), tick=False):
        assert "tracker-result" in lookup(client, returned.number, andi.nip).content.decode()


def test_the_tracker_costs_the_same_queries_whatever_the_trail(
    cast, chain, izin_belajar, andi, client, django_assert_num_queries
):
    short = submitted_request(izin_belajar, andi, created_by=cast.pegawai_a)
    long = walk_to(submitted_request(izin_belajar, andi, created_by=cast.pegawai_a), "penerbitan", chain)

    # A hit: the throttle check, the request, its trail.
    with django_assert_num_queries(3):
        html = lookup(client, short.number, andi.nip).content.decode()
    assert "tracker-result" in html and short.number in html
    with django_assert_num_queries(3):
        html = lookup(client, long.number, andi.nip).content.decode()
    assert "Penerbitan produk" in html and "Verifikasi berkas" in html
    # A miss: the check, the one lookup (whichever half was wrong), counting the miss.
    with django_assert_num_queries(3):
        html = lookup(client, "IB-0000-XXXXX", andi.nip).content.decode()
    assert GENERIC in html and "tracker-result" not in html


def test_the_tracker_counts_misses_by_the_client_address_behind_the_trusted_proxy(
    returned, andi, client, settings
):
    settings.PELITA_TRUSTED_PROXIES = 1
    # Every request comes from the proxy (REMOTE_ADDR), which appends the real client last;
    # the guesser writes a new "client" in front each time, and that part is ignored.
    for n in range(FAILURE_LIMIT):
        forwarded = f"10.9.9.{n}, 203.0.113.7"
        assert (
            NOT_FOUND
            in lookup(
                client, "IB-0000-XXXXX", andi.nip, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
            ).content.decode()
        )
    blocked = lookup(
        client, returned.number, andi.nip, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
    ).content.decode()
    assert BLOCKED in blocked
    # Another client behind the same proxy is not blocked.
    other = lookup(
        client, returned.number, andi.nip, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8"
    ).content.decode()
    assert "tracker-result" in other


def test_the_tracker_form_is_public(client):
    response = client.get(reverse("layanan:tracker"))
    assert response.status_code == 200
    assert "Nomor permohonan" in response.content.decode()
