"""The one throttle: exact counts from any number of connections, a sliding window, one query a call."""

import datetime as dt
import threading
from io import StringIO

import pytest
from captcha.models import CaptchaStore
from django.core.management import call_command
from django.db import connection

from accounts.models import ThrottleCount
from accounts.throttle.actions import Limit, address_key, clear, hit, tallies

pytestmark = pytest.mark.django_db
LIMIT = Limit("uji", 3, dt.timedelta(minutes=10))  # slices of one minute
T0 = dt.datetime(2026, 8, 17, 2, 0, tzinfo=dt.UTC)


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def test_hits_are_counted_per_key_and_block_at_the_limit():
    guesser = LIMIT.on("10.0.0.1")
    for expected in (1, 2, 3):
        hit(guesser, now=T0)
        assert tallies(guesser, now=T0)[0].count == expected
    tally = tallies(guesser, now=T0)[0]
    assert tally.blocked and tally.retry_after == dt.timedelta(minutes=10) and tally.retry_minutes == 10
    assert not tallies(LIMIT.on("10.0.0.2"), now=T0)[0].blocked  # another key
    assert not tallies(Limit("lain", 3, LIMIT.window).on("10.0.0.1"), now=T0)[0].blocked  # another scope


def test_the_window_slides_one_slice_at_a_time():
    guesser = LIMIT.on("10.0.0.1")
    for at in (0, 3, 6):
        hit(guesser, now=minutes(at))
    blocked = tallies(guesser, now=minutes(6))[0]
    assert blocked.blocked and blocked.retry_after == dt.timedelta(minutes=4)  # when the first hit leaves
    later = tallies(guesser, now=minutes(10))[0]
    assert later.count == 2 and not later.blocked
    assert tallies(guesser, now=minutes(16))[0].count == 0


def test_plus_one_predicts_what_hit_writes():
    guesser = LIMIT.on("10.0.0.1")
    hit(guesser, now=minutes(0))
    before = tallies(guesser, now=minutes(2.5))[0]
    hit(guesser, now=minutes(2.5))
    assert before.plus_one() == tallies(guesser, now=minutes(2.5))[0]


def test_each_call_costs_one_query_however_many_counters(django_assert_num_queries):
    counters = [LIMIT.on(f"10.0.0.{n}") for n in range(3)]
    with django_assert_num_queries(1):
        hit(*counters, counters[0])  # the same counter twice in one call counts once
    with django_assert_num_queries(1):
        assert [t.count for t in tallies(*counters)] == [1, 1, 1]
    with django_assert_num_queries(1):
        clear(*counters[:2])
    assert [t.count for t in tallies(*counters)] == [0, 0, 1]


def test_an_ipv6_client_is_counted_by_its_64_network_and_ipv4_by_its_address():
    # One IPv6 subscriber owns a whole /64: address by address, it would never meet a limit.
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("10.0.0.1") != address_key("10.0.0.2")
    assert address_key("::ffff:10.0.0.1") == "10.0.0.1"  # IPv4 seen through an IPv6 socket
    assert address_key("") == "unknown"


def test_the_table_holds_no_username_or_address_in_clear():
    hit(LIMIT.on("admin\x00203.0.113.7"))
    row = ThrottleCount.objects.get()
    assert row.count == 1 and "admin" not in row.key and "203.0.113.7" not in row.key


def test_the_hourly_command_prunes_what_no_window_sees_and_expired_captchas():
    hit(LIMIT.on("lama"), now=minutes(-11))
    hit(LIMIT.on("baru"))
    CaptchaStore.objects.create(challenge="ABCD", response="abcd", expiration=minutes(-60))
    live_picture = CaptchaStore.generate_key()
    out = StringIO()
    call_command("prune_throttle", stdout=out)
    assert ThrottleCount.objects.count() == 1 and tallies(LIMIT.on("baru"))[0].count == 1
    assert list(CaptchaStore.objects.values_list("hashkey", flat=True)) == [live_picture]
    assert "1 hitungan pembatas dan 1 captcha" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_from_many_connections_are_all_counted():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: there is no concurrent write to race")
    counter = LIMIT.on("203.0.113.7")
    threads, hits = 8, 25
    start = threading.Barrier(threads)
    errors = []

    def guess():
        try:
            start.wait()  # all connections open and hitting the same row at the same moment
            for _ in range(hits):
                hit(counter)
        except Exception as error:  # reported below: an exception in a thread is otherwise lost
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection

    workers = [threading.Thread(target=guess) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    assert tallies(counter)[0].count == threads * hits
