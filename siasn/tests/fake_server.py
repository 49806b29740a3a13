"""A fake of the national service (SIASN via BKN's API gateway): a real HTTP server on
127.0.0.1 in a thread, answering in the national format.

- ``POST /oauth2/token``: client credentials (Basic consumer key:secret) → gateway token;
- ``POST /sso/token``: password grant → SSO token;
- ``GET /apisiasn/1.0/pns/data-utama/{nip}``, ``pns/rw-{kind}/{nip}``, ``pns/nilaiipasn/{nip}``,
  ``pns/list-kp-instansi?periode=``, ``pns/list-pensiun-instansi?tglAwal&tglAkhir``,
  ``referensi/ref-unor`` (the lists page with ``limit``/``offset``).

Tests steer it: ``expire_tokens()`` makes every issued token invalid (the next call gets
401), ``fail(path_prefix, 429, 500, …)`` queues answers for the next calls to a path,
``records`` / ``histories`` hold what it serves (``national_record(pegawai)`` builds a record
from a Pelita employee), and ``hits`` counts calls per path.
"""

from __future__ import annotations

import base64
import collections
import itertools
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from people.imports.files import siasn as vocab

KEY, SECRET, USER, PASSWORD = "kunci-uji", "rahasia-uji", "operator.siasn", "sandi-uji"
PREFIX = "/apisiasn/1.0/"


def _d(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def national_record(pegawai) -> dict:
    """The data-utama record SIASN would hold for this Pelita employee (same values)."""
    return {
        "id": pegawai.pns_id or f"pns-{pegawai.nip}",
        "nipBaru": pegawai.nip,
        "nama": pegawai.nama,
        "gelarDepan": pegawai.gelar_depan,
        "gelarBelakang": pegawai.gelar_belakang,
        "tempatLahir": pegawai.tempat_lahir,
        "tglLahir": _d(pegawai.tanggal_lahir),
        "jenisKelamin": "Pria" if pegawai.jenis_kelamin == "L" else "Wanita",
        "agama": vocab.AGAMA_OUT[pegawai.agama][1] if pegawai.agama else "",
        "statusPerkawinan": vocab.KAWIN_OUT[pegawai.status_kawin][1] if pegawai.status_kawin else "",
        "nik": pegawai.nik or "",
        "noHp": pegawai.nomor_hp,
        "email": pegawai.email,
        "alamat": pegawai.alamat,
        "jenisPegawaiNama": "PPPK" if pegawai.jenis_pegawai == "pppk" else "PNS Daerah",
        "statusPegawai": "CPNS" if pegawai.jenis_pegawai == "cpns" else "PNS",
        "kedudukanPnsNama": vocab.KEDUDUKAN_OUT[pegawai.status][1],
        "tmtCpns": _d(pegawai.tmt_cpns),
        "tmtPns": _d(pegawai.tmt_pns),
        "golRuangAkhir": pegawai.golongan.code if pegawai.golongan_id else "",
        "tmtGolAkhir": _d(pegawai.tmt_golongan),
        "jabatanNama": pegawai.jabatan,
        "tmtJabatan": _d(pegawai.tmt_jabatan),
        "pendidikanTerakhirNama": vocab.PENDIDIKAN_OUT[pegawai.pendidikan][1] if pegawai.pendidikan else "",
        "unorNama": pegawai.opd.name,
    }


def national_golongan(pegawai) -> list[dict]:
    return [
        {
            "golongan": row.golongan.code,
            "golonganId": str(row.golongan.numeric),
            "tmtGolongan": _d(row.tmt),
            "skNomor": row.nomor_sk,
            "skTanggal": _d(row.tanggal_sk),
            "jenisKPNama": "Reguler",
            "masaKerjaGolonganTahun": row.mk_tahun,
            "masaKerjaGolonganBulan": row.mk_bulan,
        }
        for row in pegawai.riwayat_golongan.select_related("golongan")
    ]


class FakeSiasn:
    def __init__(self, *, token_seconds: int = 3600):
        self.token_seconds = token_seconds
        self.records: dict[str, dict] = {}
        self.histories: dict[tuple[str, str], list] = {}
        # nip → the pns/nilaiipasn record (default: a fixed value for every known employee;
        # None: the service has none for them, answered 404)
        self.ipasn: dict[str, dict | None] = {}
        self.lists: dict[str, list] = {
            "pns/list-kp-instansi": [],
            "pns/list-pensiun-instansi": [],
            "referensi/ref-unor": [],
        }
        self.hits: collections.Counter = collections.Counter()
        self.tokens_issued = collections.Counter()
        self.requests: list[tuple[str, dict]] = []  # (path, headers) of every data call
        self._valid = {"gateway": set(), "sso": set()}
        self._queued: dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._serial = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- steering ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def settings(self, **changes) -> dict:
        """A ``settings.SIASN`` pointing at this server (fast retries for tests)."""
        return {
            "environment": "training",
            "base_url": self.url + PREFIX,
            "gateway_token_url": self.url + "/oauth2/token",
            "sso_token_url": self.url + "/sso/token",
            "consumer_key": KEY,
            "consumer_secret": SECRET,
            "sso_client_id": "pelita",
            "username": USER,
            "password": PASSWORD,
            "timeout": 5,
            "retries": 3,
            "backoff": 0.01,
            "rate_per_second": 1000,
            **changes,
        }

    def add(self, pegawai, **changes) -> dict:
        """Serve this employee as Pelita has them, with ``changes`` to the national record."""
        record = {**national_record(pegawai), **changes}
        self.records[pegawai.nip] = record
        self.histories[("golongan", pegawai.nip)] = national_golongan(pegawai)
        return record

    def expire_tokens(self) -> None:
        with self._lock:
            for tokens in self._valid.values():
                tokens.clear()

    def fail(self, path_prefix: str, *statuses: int) -> None:
        """The next calls whose path starts with ``path_prefix`` get these statuses, in order."""
        self._queued[path_prefix].extend(statuses)

    def start(self) -> FakeSiasn:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- the service ------------------------------------------------------------------------

    def _issue(self, kind: str) -> dict:
        token = f"{kind}-{next(self._serial)}"
        with self._lock:
            self._valid[kind].add(token)
            self.tokens_issued[kind] += 1
        return {"access_token": token, "token_type": "Bearer", "expires_in": self.token_seconds}

    def _queued_status(self, path: str) -> int | None:
        for prefix, queue in self._queued.items():
            if path.startswith(prefix) and queue:
                return queue.popleft()
        return None

    def _answer(self, path: str, query: dict):
        """(status, JSON body) of a data call."""
        parts = path.split("/")
        if path.startswith("pns/data-utama/"):
            record = self.records.get(parts[-1])
            return (
                (200, {"code": 1, "data": record}) if record is not None else (404, {"code": 0, "data": None})
            )
        if path.startswith("pns/rw-"):
            kind = parts[1][3:]
            return 200, {"code": 1, "data": self.histories.get((kind, parts[-1]), [])}
        if path.startswith("pns/nilaiipasn/"):
            nip = parts[-1]
            if nip not in self.records or (nip in self.ipasn and self.ipasn[nip] is None):
                return 404, {"code": 0, "data": None}
            if nip in self.ipasn:
                return 200, {"code": 1, "data": self.ipasn[nip]}
            return 200, {
                "code": 1,
                "data": {
                    "nip": nip,
                    "tahun": 2025,
                    "kualifikasi": 20,
                    "kompetensi": 32.5,
                    "kinerja": 30,
                    "disiplin": 5,
                    "total": 87.5,
                },
            }
        if path in self.lists:
            rows = self.lists[path]
            limit, offset = int(query.get("limit", ["100"])[0]), int(query.get("offset", ["0"])[0])
            return 200, {"code": 1, "data": {"count": len(rows), "data": rows[offset : offset + limit]}}
        return 404, {"code": 0, "message": "not found"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet: tests read hits, not the console
                pass

            def _send(self, status: int, body: dict, headers: dict | None = None):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                grant = form.get("grant_type", [""])[0]
                if self.path == "/oauth2/token":
                    expected = "Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
                    if grant != "client_credentials" or self.headers.get("Authorization") != expected:
                        return self._send(401, {"error": "invalid_client"})
                    return self._send(200, fake._issue("gateway"))
                if self.path == "/sso/token":
                    if (
                        grant != "password"
                        or form.get("username") != [USER]
                        or form.get("password") != [PASSWORD]
                    ):
                        return self._send(401, {"error": "invalid_grant"})
                    return self._send(200, fake._issue("sso"))
                return self._send(404, {"error": "not found"})

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if not url.path.startswith(PREFIX):
                    return self._send(404, {"code": 0})
                path = url.path[len(PREFIX) :]
                with fake._lock:
                    fake.hits[path] += 1
                    fake.requests.append((path, dict(self.headers)))
                    gateway_ok = self.headers.get("Authorization", "")[7:] in fake._valid["gateway"]
                    sso_ok = self.headers.get("Auth", "")[7:] in fake._valid["sso"]
                queued = fake._queued_status(path)
                if queued == 429:
                    return self._send(429, {"message": "Too Many Requests"}, {"Retry-After": "1"})
                if queued is not None:
                    return self._send(queued, {"code": 0, "message": "Internal Server Error"})
                if not (gateway_ok and sso_ok):
                    return self._send(401, {"code": 0, "message": "Invalid Credentials"})
                status, body = fake._answer(path, urllib.parse.parse_qs(url.query))
                return self._send(status, body)

        return Handler
