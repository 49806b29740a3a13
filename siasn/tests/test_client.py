"""The SIASN client against the fake national service: tokens, refresh, backoff, paging."""

import datetime as dt

import pytest
from django.core.cache import caches

from people.tests.factories import make_pegawai
from siasn.service.queries import Client, SiasnError


class Sleeps(list):
    """Records the waits instead of waiting (the backoff is asserted, not sat through)."""

    def __call__(self, seconds):
        self.append(seconds)


@pytest.fixture
def employee(cast, fake_siasn):
    pegawai = make_pegawai(cast.opd_a, nama="Siti Rahma")
    fake_siasn.add(pegawai)
    return pegawai


@pytest.mark.django_db
def test_both_tokens_are_sent_and_kept_in_the_database_cache(fake_siasn, employee):
    record = Client().data_utama(employee.nip)
    assert record["nama"] == "Siti Rahma"
    _path, headers = fake_siasn.requests[-1]
    assert headers["Authorization"].startswith("Bearer gateway-")
    assert headers["Auth"].startswith("Bearer sso-")
    # A second client (another server, another worker) finds the tokens in the database cache.
    Client().data_utama(employee.nip)
    assert fake_siasn.tokens_issued == {"gateway": 1, "sso": 1}
    assert caches["default"].get("siasn.token.training.gateway").startswith("gateway-")


@pytest.mark.django_db
def test_an_expired_gateway_token_is_refreshed_once_and_the_call_succeeds(fake_siasn, employee):
    client = Client()
    client.data_utama(employee.nip)
    fake_siasn.expire_tokens()
    assert client.data_utama(employee.nip)["nipBaru"] == employee.nip
    assert fake_siasn.tokens_issued == {"gateway": 2, "sso": 2}
    assert fake_siasn.hits[f"pns/data-utama/{employee.nip}"] == 3  # ok, 401, ok


@pytest.mark.django_db
def test_a_token_refused_twice_is_an_error_not_a_loop(fake_siasn, employee, monkeypatch):
    client = Client()
    monkeypatch.setattr(client, "_tokens", lambda: ("kedaluwarsa", "kedaluwarsa"))
    with pytest.raises(SiasnError) as refused:
        client.data_utama(employee.nip)
    assert refused.value.status == 401
    assert fake_siasn.hits[f"pns/data-utama/{employee.nip}"] == 2


@pytest.mark.django_db
def test_429_backs_off_for_retry_after_then_succeeds(fake_siasn, employee):
    sleeps = Sleeps()
    fake_siasn.fail("pns/data-utama/", 429, 429)
    assert Client(sleep=sleeps).data_utama(employee.nip)["nama"] == "Siti Rahma"
    assert fake_siasn.hits[f"pns/data-utama/{employee.nip}"] == 3
    assert sleeps[:2] == [1.0, 1.0]  # the service's Retry-After, longer than the 0.01 s backoff


@pytest.mark.django_db
def test_500_is_retried_with_growing_backoff_and_then_reported(fake_siasn, employee):
    sleeps = Sleeps()
    fake_siasn.fail("pns/data-utama/", 500, 500, 500, 500)
    with pytest.raises(SiasnError) as failed:
        Client(sleep=sleeps).data_utama(employee.nip)
    assert failed.value.status == 500
    assert "galat 500" in str(failed.value)
    assert sleeps == [0.01, 0.02, 0.04]  # retries=3: four attempts


@pytest.mark.django_db
def test_an_unreachable_service_is_a_clear_error(fake_siasn, employee, settings):
    settings.SIASN = {**fake_siasn.settings(), "base_url": "http://127.0.0.1:9/", "retries": 0}
    with pytest.raises(SiasnError, match="tidak dapat dihubungi"):
        Client().data_utama(employee.nip)


@pytest.mark.django_db
def test_lists_are_read_page_by_page(fake_siasn):
    fake_siasn.lists["referensi/ref-unor"] = [{"id": f"u{i}", "nama": f"Unit {i}"} for i in range(250)]
    fake_siasn.lists["pns/list-kp-instansi"] = [{"nipBaru": "1" * 18, "golonganBaru": "III/b"}]
    client = Client()
    assert [row["id"] for row in client.ref_unor()] == [f"u{i}" for i in range(250)]
    assert fake_siasn.hits["referensi/ref-unor"] == 3
    assert next(iter(client.list_kp_instansi("2026-04-01")))["golonganBaru"] == "III/b"
    assert list(client.list_pensiun_instansi(dt.date(2026, 1, 1), dt.date(2026, 12, 31))) == []


@pytest.mark.django_db
def test_histories_and_ipasn_calls(fake_siasn, employee):
    client = Client()
    assert client.riwayat("golongan", employee.nip)[0]["golongan"] == "III/a"
    assert client.riwayat("skp22", employee.nip) == []
    assert client.nilai_ipasn(employee.nip)["total"] == 87.5
    with pytest.raises(ValueError):
        client.riwayat("gaji", employee.nip)


@pytest.mark.django_db
def test_calls_wait_for_the_rate_limit_shared_through_the_database(
    fake_siasn, employee, settings, monkeypatch
):
    from accounts.models import ThrottleCount
    from accounts.throttle import actions as throttle

    settings.SIASN = fake_siasn.settings(rate_per_second=2)
    # One instant for the whole test: the window is one second, and a real clock could
    # cross into the next second between the calls.
    instant = dt.datetime(2026, 12, 3, 8, 0, 0, 250_000, tzinfo=dt.UTC)
    monkeypatch.setattr(throttle.timezone, "now", lambda: instant)
    sleeps = Sleeps()
    client = Client(sleep=sleeps)
    client.data_utama(employee.nip)
    client.data_utama(employee.nip)
    assert sleeps == []

    def wait(seconds):
        # A fake sleep cannot end the second: the counter is emptied as the next second would.
        sleeps.append(seconds)
        ThrottleCount.objects.filter(scope="siasn-calls").delete()

    client.sleep = wait
    client.data_utama(employee.nip)
    assert sleeps == [0.75]  # until the end of the current second


@pytest.mark.django_db
def test_nothing_secret_is_logged(fake_siasn, employee, caplog):
    with caplog.at_level("INFO", logger="pelita.siasn"):
        Client().data_utama(employee.nip)
    text = caplog.text
    assert "pns/data-utama" in text
    for secret in ("rahasia-uji", "sandi-uji", "gateway-1", "sso-"):
        assert secret not in text
