"""Who may try a password now: the login policy on top of accounts.throttle.actions.

Three counters of failed logins (docs/decisions/0002-login-throttling.md):

- per client address (``LOGIN_ADDRESS_LIMIT`` in ``LOGIN_LOCKOUT_MINUTES``): a machine
  guessing many usernames is refused, from that address only;
- per username and address (``LOGIN_FAILURE_LIMIT`` in the same window): a machine guessing
  one account is refused for that pair only, so the owner elsewhere logs in as usual;
- per username from any address (``LOGIN_CAPTCHA_AFTER`` in ``LOGIN_CAPTCHA_HOURS``): past
  it the form asks for a captcha. That slows a guesser spread over many addresses, and it
  is never a refusal: five anonymous POSTs cannot lock anybody out of their own account.

Every answer is the same for a username that exists and one that does not. Usernames are
counted case-folded, so "Admin" and "admin" share their counters.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from accounts.login import actions as login_guard
from accounts.models import User
from accounts.throttle import actions as throttle
from accounts.throttle.actions import Limit, Tally
from core.audit import record

log = logging.getLogger("pelita.security")


def _limits() -> tuple[Limit, Limit, Limit]:
    # Read at every call: the limits are settings, and tests override them.
    window = dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    return (
        Limit("login-address", settings.LOGIN_ADDRESS_LIMIT, window),
        Limit("login-pair", settings.LOGIN_FAILURE_LIMIT, window),
        Limit(
            "login-username", settings.LOGIN_CAPTCHA_AFTER, dt.timedelta(hours=settings.LOGIN_CAPTCHA_HOURS)
        ),
    )


def normalise_username(username: str | None) -> str:
    return (username or "").strip().casefold()[:150]


def _counters(username: str, address: str) -> tuple[throttle.Counter, ...]:
    by_address, by_pair, by_username = _limits()
    name = normalise_username(username)
    address = throttle.address_key(address)
    return by_address.on(address), by_pair.on(f"{name}\0{address}"), by_username.on(name)


@dataclass(frozen=True)
class LoginState:
    address: Tally
    pair: Tally
    username: Tally

    @property
    def captcha_needed(self) -> bool:
        return self.username.blocked

    def after_failure(self) -> LoginState:
        """The state once ``record_failed_login`` has counted one more failure."""
        return LoginState(self.address.plus_one(), self.pair.plus_one(), self.username.plus_one())


def login_state(username: str, address: str) -> LoginState:
    """The three tallies for ``username`` from ``address`` (one query)."""
    return LoginState(*throttle.tallies(*_counters(username, address)))


def record_failed_login(username: str, address: str, *, before: LoginState | None = None) -> None:
    """Count a wrong password on all three counters (one query)."""
    throttle.hit(*_counters(username, address))
    if before is not None:
        after = before.after_failure()
        # Worth a line in the log when a limit is reached, for whoever watches the servers;
        # the address only (a failed username is often a password typed in the wrong box).
        if after.address.blocked and not before.address.blocked:
            log.warning("Login refused from %s: too many failed logins from this address.", address)
        elif after.pair.blocked and not before.pair.blocked:
            log.warning("Login refused from %s for one username: too many failed logins.", address)


def record_failed_captcha(address: str) -> None:
    """A missing or wrong captcha: no password was tried, but the address pays (one query).

    A script that ignores the captcha thus still meets the address limit.
    """
    throttle.hit(_counters("", address)[0])


def forget_failures(username: str, address: str) -> None:
    """After a successful login: the pair and the username start afresh (one query).

    The address counter stays: one person logging in says nothing about the other
    usernames tried from that address.
    """
    throttle.clear(*_counters(username, address)[1:])


@transaction.atomic
def do_change_password(user: User, *, new_password: str, actor) -> None:
    user.set_password(new_password)
    user.save(update_fields=["password"])
    # The hash itself never goes into the log: only that it changed.
    record(actor=actor, event="pengguna.kata_sandi_diubah", obj=user, after={"password": "diubah"})


@transaction.atomic
def do_record_login(user: User, *, ip: str | None) -> None:
    # The owner got in: this username starts afresh (from this address and for the captcha).
    login_guard.forget_failures(user.username, ip or "")
    record(actor=user, event="akun.masuk", obj=user, after={"ip": ip})
