"""One throttle for every guess limit in Pelita: failed logins, tracker lookups.

A counter is a (limit, key) pair: ``Limit("login-address", 50, 15 minutes).on("10.1.2.3")``.
Counts live in the database (``ThrottleCount``), not in one process's memory, so every app
server and worker sees the same number.

How it counts: a sliding window cut into ``SLICES`` slices. A hit adds one to the row of the
current slice with a single ``INSERT … ON CONFLICT DO UPDATE SET count = count + 1``
(PostgreSQL, and SQLite since 3.24): the database does the addition, so two servers hitting
one key at the same instant both count. A read-then-write in Python (the cache's
``incr`` on the database cache) would lose one of them. A read sums the slices still in the
window in one SELECT. A slice stops counting a full window after it started, so a hit is
remembered for between (window − one slice) and the window: at most a tenth short, never
longer. Rows past their window are dead weight; ``prune_throttle`` deletes them.

Costs: ``tallies`` one query, ``hit`` one query (however many counters), ``clear`` one.

The counter rows are not business data and are not audited, like the cache they replace.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from accounts.models import ThrottleCount

SLICES = 10


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` hits per key inside any ``window``; ``scope`` names the throttle."""

    scope: str
    limit: int
    window: dt.timedelta

    @property
    def slice_seconds(self) -> int:
        return max(1, math.ceil(self.window.total_seconds() / SLICES))

    def slice_start(self, now: dt.datetime) -> dt.datetime:
        # Slices are aligned on the epoch, so every server puts a hit in the same row.
        seconds = int(now.timestamp())
        return dt.datetime.fromtimestamp(seconds - seconds % self.slice_seconds, tz=dt.UTC)

    def on(self, key: str) -> Counter:
        return Counter(self, _digest(self.scope, key))


@dataclass(frozen=True)
class Counter:
    limit: Limit
    key: str  # a keyed hash of what was counted (see ThrottleCount)


@dataclass(frozen=True)
class Tally:
    """The hits of one counter still in its window at ``now``: (expires_at, count), oldest first."""

    limit: Limit
    now: dt.datetime
    slices: tuple[tuple[dt.datetime, int], ...] = ()

    @property
    def count(self) -> int:
        return sum(count for _, count in self.slices)

    @property
    def blocked(self) -> bool:
        return self.count >= self.limit.limit

    @property
    def retry_after(self) -> dt.timedelta:
        """How long until the count falls below the limit again (zero when it already is)."""
        if not self.blocked:
            return dt.timedelta(0)
        remaining = self.count
        for expires_at, count in self.slices:  # the oldest slice leaves the window first
            remaining -= count
            if remaining < self.limit.limit:
                return max(expires_at - self.now, dt.timedelta(0))
        return dt.timedelta(0)  # not reached: an empty tally is never blocked (limit >= 1)

    @property
    def retry_minutes(self) -> int:
        """``retry_after`` in whole minutes, rounded up, for a message to a person."""
        return max(1, math.ceil(self.retry_after.total_seconds() / 60))

    def plus_one(self) -> Tally:
        """This tally after one more hit now (what ``hit`` just wrote), without a query."""
        expires_at = self.limit.slice_start(self.now) + self.limit.window
        slices = dict(self.slices)
        slices[expires_at] = slices.get(expires_at, 0) + 1
        return Tally(self.limit, self.now, tuple(sorted(slices.items())))


def address_key(address: str) -> str:
    """The key a client address is counted under: IPv4 as is, IPv6 by its /64 network.

    One IPv6 connection usually owns a whole /64 (2^64 addresses): counted address by
    address, a guesser would never meet a limit.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # an IPv4 client seen through an IPv6 socket
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def _digest(scope: str, key: str) -> str:
    return salted_hmac("pelita.throttle", f"{scope}\0{key}", algorithm="sha256").hexdigest()


def _rows_of(counters) -> Q:
    """The rows of these counters, whatever their slice."""
    wanted = Q()
    for counter in counters:
        wanted |= Q(scope=counter.limit.scope, key=counter.key)
    return wanted


def tallies(*counters: Counter, now: dt.datetime | None = None) -> list[Tally]:
    """The current tally of each counter, in order, in one query."""
    now = now or timezone.now()
    if not counters:
        return []
    rows = (
        ThrottleCount.objects.filter(_rows_of(counters), expires_at__gt=now)
        .order_by("expires_at")
        .values_list("scope", "key", "expires_at", "count")
    )
    found: dict[tuple[str, str], list[tuple[dt.datetime, int]]] = {}
    for scope, key, expires_at, count in rows:
        found.setdefault((scope, key), []).append((expires_at, count))
    return [
        Tally(counter.limit, now, tuple(found.get((counter.limit.scope, counter.key), ())))
        for counter in counters
    ]


def hit(*counters: Counter, now: dt.datetime | None = None) -> None:
    """Count one hit on each counter, atomically, in one query."""
    now = now or timezone.now()
    rows = {}
    for counter in counters:
        start = counter.limit.slice_start(now)
        # One VALUES row per conflict key: PostgreSQL refuses to update a row twice in one statement.
        rows[(counter.limit.scope, counter.key, start)] = start + counter.limit.window
    if not rows:
        return
    qn = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    table = qn(ThrottleCount._meta.db_table)
    scope, key, start, expires, count = map(qn, ("scope", "key", "slice_start", "expires_at", "count"))
    sql = (
        f"INSERT INTO {table} ({scope}, {key}, {start}, {expires}, {count}) VALUES "
        + ", ".join(["(%s, %s, %s, %s, 1)"] * len(rows))
        + f" ON CONFLICT ({scope}, {key}, {start}) DO UPDATE SET {count} = {table}.{count} + 1"
    )
    params = []
    for (row_scope, row_key, row_start), row_expires in rows.items():
        params += [row_scope, row_key, adapt(row_start), adapt(row_expires)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def clear(*counters: Counter) -> None:
    """Forget every hit of these counters (one query)."""
    if not counters:
        return
    ThrottleCount.objects.filter(_rows_of(counters)).delete()


def prune(now: dt.datetime | None = None) -> int:
    """Delete the rows no window can see any more; returns how many."""
    deleted, _ = ThrottleCount.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
