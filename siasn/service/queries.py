"""Every read from the national system's web service (SIASN, through BKN's API gateway).

The service wants two tokens on every call, as its published client libraries send them:
``Authorization: Bearer <gateway token>`` (OAuth2 client credentials at the gateway, with
the consumer key and secret) and ``Auth: Bearer <SSO token>`` (the password grant of the
instansi's SIASN user at the SSO). Answers are JSON ``{"code": 1, "data": …}``; lists page
with ``limit`` and ``offset``.

- Both tokens are kept in the database cache (``caches["default"]``) until just before they
  expire, never in this process's memory: Pelita runs several app servers and workers, and
  each fetching its own tokens would be refused by the gateway's own limits.
- A 401 drops both tokens and fetches them again, once; a second 401 is an error.
- 429 and 5xx answers and network failures are retried with exponential backoff (a 429's
  ``Retry-After`` is honoured), up to ``SIASN_RETRIES`` times; every attempt has a timeout.
- Every call passes the rate limit first: at most ``SIASN_RATE_PER_SECOND`` calls per second
  across all servers, counted on the one database throttle (accounts.throttle.actions).
- Every call is logged on ``pelita.siasn``: method, path, status, duration, attempt —
  never a token, key or password.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _

from accounts.throttle import actions as throttle

log = logging.getLogger("pelita.siasn")

HISTORIES = ("golongan", "jabatan", "pendidikan", "diklat", "kursus", "skp", "skp22", "hukdis", "angkakredit")
_TOKEN_MARGIN = 30  # seconds before the stated expiry at which a cached token is dropped


class SiasnError(Exception):
    """The national service could not answer; ``str()`` is an Indonesian message for staff."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


class SiasnNotConfigured(SiasnError):
    pass


@dataclass(frozen=True)
class Config:
    environment: str
    base_url: str
    gateway_token_url: str
    sso_token_url: str
    consumer_key: str
    consumer_secret: str
    sso_client_id: str
    username: str
    password: str
    timeout: float
    retries: int
    backoff: float
    rate_per_second: int

    @classmethod
    def from_settings(cls) -> Config:
        s = settings.SIASN
        return cls(**{name: s[name] for name in cls.__dataclass_fields__})

    def check(self) -> None:
        missing = [
            name
            for name in ("base_url", "gateway_token_url", "sso_token_url", "consumer_key", "consumer_secret")
            if not getattr(self, name)
        ]
        if missing:
            raise SiasnNotConfigured(
                _("Koneksi SIASN belum diatur (%(names)s) untuk lingkungan %(env)s.")
                % {"names": ", ".join(missing), "env": self.environment}
            )


class Client:
    """One client per job or request; all shared state lives in the database."""

    def __init__(self, config: Config | None = None, *, sleep: Callable[[float], None] = time.sleep):
        self.config = config or Config.from_settings()
        self.config.check()
        self.sleep = sleep
        self.calls = 0  # HTTP calls made by this client (tokens included), for reports and benches

    # --- the calls Pelita uses --------------------------------------------------------------

    def data_utama(self, nip: str) -> dict:
        return self.get(f"pns/data-utama/{nip}")

    def riwayat(self, kind: str, nip: str) -> list:
        if kind not in HISTORIES:
            raise ValueError(kind)
        return self.get(f"pns/rw-{kind}/{nip}") or []

    def nilai_ipasn(self, nip: str) -> dict:
        return self.get(f"pns/nilaiipasn/{nip}")

    def list_kp_instansi(self, periode: str) -> Iterator[dict]:
        return self.pages("pns/list-kp-instansi", {"periode": periode})

    def list_pensiun_instansi(self, tgl_awal: dt.date, tgl_akhir: dt.date) -> Iterator[dict]:
        params = {"tglAwal": tgl_awal.strftime("%d-%m-%Y"), "tglAkhir": tgl_akhir.strftime("%d-%m-%Y")}
        return self.pages("pns/list-pensiun-instansi", params)

    def ref_unor(self) -> Iterator[dict]:
        return self.pages("referensi/ref-unor", {})

    # --- transport -----------------------------------------------------------------------------

    def pages(self, path: str, params: dict, *, limit: int = 100) -> Iterator[dict]:
        """Every record of a paged list, one page (``limit``/``offset``) at a time."""
        offset = 0
        while True:
            data = self.get(path, {**params, "limit": limit, "offset": offset})
            rows = data.get("data", []) if isinstance(data, dict) else (data or [])
            yield from rows
            if len(rows) < limit:
                return
            offset += limit

    def get(self, path: str, params: dict | None = None):
        url = self.config.base_url.rstrip("/") + "/" + path
        if params:
            url += "?" + urllib.parse.urlencode(params)
        refreshed = False
        while True:
            status, body = self._send(url, path)
            if status == 401 and not refreshed:
                # A token the gateway or the SSO no longer accepts (expired early, revoked).
                refreshed = True
                self._forget_tokens()
                continue
            if status == 401:
                raise SiasnError(_("SIASN menolak token akses (401)."), status=401)
            if status == 404:
                raise SiasnError(_("Data tidak ditemukan di SIASN (404)."), status=404)
            if status >= 400:
                raise SiasnError(
                    _("SIASN menjawab dengan galat %(status)s.") % {"status": status}, status=status
                )
            try:
                answer = json.loads(body)
            except ValueError:
                raise SiasnError(_("Jawaban SIASN bukan JSON yang sah."), status=status) from None
            if not isinstance(answer, dict) or str(answer.get("code")) != "1":
                raise SiasnError(_("SIASN tidak menemukan data yang diminta."), status=status)
            return answer.get("data")

    def _send(self, url: str, path: str) -> tuple[int, bytes]:
        """One call with retries and the rate limit; (status, body) of the last attempt."""
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            gateway, sso = self._tokens()
            headers = {
                "Authorization": f"Bearer {gateway}",
                "Auth": f"Bearer {sso}",
                "Accept": "application/json",
            }
            self._wait_for_rate_limit()
            started = time.monotonic()
            status, body, retry_after = self._open(urllib.request.Request(url, headers=headers))
            log.info(
                "SIASN GET %s -> %s in %.0f ms (attempt %s)",
                path,
                status or "no answer",
                (time.monotonic() - started) * 1000,
                attempt,
            )
            retriable = status in (0, 429) or status >= 500
            if not retriable or attempt == attempts:
                if status == 0:
                    raise SiasnError(_("SIASN tidak dapat dihubungi."))
                return status, body
            delay = self.config.backoff * 2 ** (attempt - 1)
            if retry_after is not None:
                delay = max(delay, retry_after)
            self.sleep(delay)
        raise AssertionError("not reached")

    def _open(self, request) -> tuple[int, bytes, float | None]:
        self.calls += 1
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:
                return response.status, response.read(), None
        except urllib.error.HTTPError as exc:
            retry_after = exc.headers.get("Retry-After")
            try:
                wait = float(retry_after) if retry_after else None
            except ValueError:
                wait = None
            return exc.code, exc.read(), wait
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
            return 0, b"", None

    # --- rate limit ------------------------------------------------------------------------

    def _wait_for_rate_limit(self) -> None:
        limit = throttle.Limit("siasn-calls", self.config.rate_per_second, dt.timedelta(seconds=1))
        counter = limit.on(self.config.environment)
        while True:
            (tally,) = throttle.tallies(counter)
            if not tally.blocked:
                throttle.hit(counter)
                return
            self.sleep(max(tally.retry_after.total_seconds(), 0.01))

    # --- tokens ------------------------------------------------------------------------------

    def _cache_key(self, kind: str) -> str:
        return f"siasn.token.{self.config.environment}.{kind}"

    def _forget_tokens(self) -> None:
        caches["default"].delete_many([self._cache_key("gateway"), self._cache_key("sso")])

    def _tokens(self) -> tuple[str, str]:
        """(gateway token, SSO token): both read in one query, fetched when missing."""
        cache = caches["default"]
        keys = {kind: self._cache_key(kind) for kind in ("gateway", "sso")}
        found = cache.get_many(list(keys.values()))
        tokens = []
        for kind, key in keys.items():
            token = found.get(key)
            if not token:
                token, expires_in = (
                    self._fetch_gateway_token() if kind == "gateway" else self._fetch_sso_token()
                )
                cache.set(key, token, timeout=max(1, expires_in - _TOKEN_MARGIN))
            tokens.append(token)
        return tokens[0], tokens[1]

    def _fetch_gateway_token(self) -> tuple[str, int]:
        pair = f"{self.config.consumer_key}:{self.config.consumer_secret}".encode()
        return self._fetch_token(
            self.config.gateway_token_url,
            {"grant_type": "client_credentials"},
            {"Authorization": "Basic " + base64.b64encode(pair).decode()},
            "gateway",
        )

    def _fetch_sso_token(self) -> tuple[str, int]:
        form = {
            "grant_type": "password",
            "client_id": self.config.sso_client_id,
            "username": self.config.username,
            "password": self.config.password,
        }
        return self._fetch_token(self.config.sso_token_url, form, {}, "sso")

    def _fetch_token(self, url: str, form: dict, headers: dict, kind: str) -> tuple[str, int]:
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(form).encode(),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        started = time.monotonic()
        status, body, _wait = self._open(request)
        log.info(
            "SIASN token %s -> %s in %.0f ms",
            kind,
            status or "no answer",
            (time.monotonic() - started) * 1000,
        )
        if status != 200:
            raise SiasnError(
                _("Token SIASN (%(kind)s) tidak dapat diperoleh: jawaban %(status)s.")
                % {"kind": kind, "status": status or "-"},
                status=status,
            )
        try:
            answer = json.loads(body)
            return str(answer["access_token"]), int(answer.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise SiasnError(_("Jawaban token SIASN tidak sah.")) from None
