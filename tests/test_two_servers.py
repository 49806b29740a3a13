"""Two app servers, one database, one object store: nothing depends on which server answers.

Production runs several gunicorn instances behind a load balancer (docs/operations.md,
"Beberapa server"). Here two real gunicorn processes with the production settings
(tests/servers.py production_env, DJANGO_DEBUG=0) on two ports share a fresh PostgreSQL
database and a moto S3 store (PELITA_STORAGE=s3, tests/object_store.py). The test sends
the steps of one user's work to alternate servers and checks that:

- a chunked campaign upload started on server 1 and finished on server 2 is complete and
  has the declared SHA-256 (read back from the store itself, not through Pelita);
- wrong guesses on the public tracker count across both servers: the limit is reached
  after the same number of misses as on one server;
- an import's progress (the job's status endpoint) is the same on both servers while a
  real ``db_worker`` runs it, and both see it finish.

PostgreSQL pass only (the SQLite pass skips it: two servers cannot share a SQLite file
safely over the network, which is the point of this test).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import time
import uuid
from types import SimpleNamespace

import pytest

from campaigns.tests.helpers import pdf_of_size
from demo.org import DEMO_PASSWORD
from people.tests.siasn_files import asn_row, write_csv
from tests.object_store import ObjectStore
from tests.servers import (
    DbWorker,
    Gunicorn,
    HttpClient,
    drop_database,
    fresh_database_url,
    manage,
    production_env,
)

LIKE_ASN = "like-asn-2025"
FILE_QUESTION = "laporan_kinerja"
CHUNK = 256 * 1024
TRACKER = "/layanan/lacak/"


class Browser:
    """One person's browser whose requests the load balancer sends to either server.

    Both HttpClients share one cookie jar (the session and CSRF cookies work on every
    server: same secret key, sessions in the database). Posts carry the https origin the
    browser would send through the TLS-terminating load balancer.
    """

    def __init__(self, servers, source_address=None):
        self.clients = [HttpClient(s.url, source_address=source_address) for s in servers]
        for client in self.clients[1:]:
            client.cookies = self.clients[0].cookies

    def _https(self, n: int) -> dict[str, str]:
        origin = f"https://127.0.0.1:{self.clients[n].port}"
        return {"Origin": origin, "Referer": origin + "/"}

    def get(self, n: int, path: str, **kwargs):
        return self.clients[n].get(path, **kwargs)

    def post(self, n: int, path: str, data: dict, **kwargs):
        return self.clients[n].post(path, data, headers=self._https(n), **kwargs)

    def post_body(self, n: int, path: str, body: bytes, content_type: str):
        return self.clients[n].post_body(path, body, content_type, headers=self._https(n))

    def login(self, n: int, username: str):
        self.get(n, "/akun/masuk/")
        response = self.post(n, "/akun/masuk/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status == 200 and "/akun/masuk/" not in response.url, response.text[:500]
        return response


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database_url = fresh_database_url("pelita_two_servers")
    var_dir = tmp_path_factory.mktemp("var")
    try:
        with ObjectStore() as store:
            # PELITA_TRUSTED_PROXIES=0: the servers are reached directly, so the client is
            # the connection's address (two loopback addresses stand for two people).
            env = production_env(database_url, var_dir, PELITA_TRUSTED_PROXIES="0", **store.env())
            manage(env, "migrate", "--no-input")
            manage(env, "collectstatic", "--no-input")
            manage(env, "seed_demo", "--i-know-this-is-demo", "--pegawai", "60", "--seed", "7")
            with Gunicorn(env, workers=1) as one, Gunicorn(env, workers=1) as two:
                yield SimpleNamespace(
                    env=env, servers=[one, two], store=store, database_url=database_url, var_dir=var_dir
                )
                for server in (one, two):
                    assert "Traceback" not in server.log(), server.log()[-3000:]
    finally:
        drop_database(database_url)


def _query(site, sql: str, *params):
    import psycopg

    with psycopg.connect(site.database_url) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_chunked_upload_started_on_one_server_is_finished_on_the_other(site):
    browser = Browser(site.servers)
    browser.login(0, "pegawai.dinkes")
    data = pdf_of_size(600 * 1024, "dokumen penilaian kinerja")
    start = browser.post(
        0,
        f"/kampanye/{LIKE_ASN}/unggah/",
        {"question": FILE_QUESTION, "filename": "penilaian-kinerja.pdf", "size": str(len(data))},
        follow=False,
    )
    assert start.status == 201, start.text[:500]
    token = json.loads(start.body)["token"]
    base = f"/kampanye/unggah/{token}/"
    # Chunks alternate between the servers, as a load balancer without stickiness sends them.
    offset, n = 0, 0
    while offset < len(data):
        sent = browser.post_body(
            n % 2,
            f"{base}potongan/?offset={offset}",
            data[offset : offset + CHUNK],
            "application/octet-stream",
        )
        assert sent.status == 200, sent.text[:500]
        offset = json.loads(sent.body)["received"]
        n += 1
    assert json.loads(browser.get(1, base).body)["received"] == len(data)
    digest = hashlib.sha256(data).hexdigest()
    finish = browser.post(1, f"{base}selesai/", {"sha256": digest}, follow=False)
    assert finish.status == 200, finish.text[:500]
    answer = json.loads(finish.body)
    assert answer["sha256"] == digest and answer["size"] == len(data)
    [(storage_name, stored_sha)] = _query(
        site, "SELECT storage_name, sha256 FROM core_document WHERE id = %s", answer["document"]
    )
    # Read from the object store itself: the bytes are the file, whole and in order.
    assert hashlib.sha256(site.store.get(storage_name)).hexdigest() == digest == stored_sha
    assert site.store.names(f"campaign_uploads/{uuid.UUID(token).hex}/") == []  # parts removed


def _tracker_misses_until_refused(browser: Browser, servers: list[int], attempts: int) -> int:
    """Send wrong guesses, server by server in turn; the attempt number first refused."""
    browser.get(servers[0], TRACKER)  # the CSRF cookie
    for attempt in range(1, attempts + 1):
        n = servers[(attempt - 1) % len(servers)]
        page = browser.post(n, TRACKER, {"number": f"LYN-2026-{attempt:06d}", "nip": "198505172010031002"})
        assert page.status == 200, page.text[:300]
        if "Terlalu banyak pencarian yang gagal" in page.text:
            return attempt
        assert "Permohonan tidak ditemukan" in page.text
    return 0


def test_wrong_tracker_guesses_count_across_both_servers(site):
    on_one = _tracker_misses_until_refused(Browser(site.servers, ("127.0.0.3", 0)), [0], 10)
    alternating = _tracker_misses_until_refused(Browser(site.servers, ("127.0.0.4", 0)), [0, 1], 10)
    assert on_one == 6  # five misses allowed (layanan.tracking.queries.FAILURE_LIMIT), the sixth refused
    assert alternating == on_one


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = f"pelita{uuid.uuid4().hex}"
    out = io.BytesIO()
    for key, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: text/csv\r\n\r\n".encode()
    )
    out.write(content + f"\r\n--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def test_an_imports_progress_is_the_same_on_both_servers(site, tmp_path):
    browser = Browser(site.servers)
    browser.login(0, "admin")
    dinkes = SimpleNamespace(name="Dinas Kesehatan")
    rows = [
        asn_row(
            dinkes,
            seq % 990 + 1,
            birth=dt.date(1975, 1, 1) + dt.timedelta(days=seq // 990),
            nama=f"Impor {seq}",
        )
        # Progress is published after every 1,000 rows: 6,000 give five part-way points, so
        # even a busy machine's slow polling sees one on each server.
        for seq in range(6000)
    ]
    content = write_csv(tmp_path / "data-asn.csv", rows).read_bytes()
    browser.get(0, "/pegawai/impor/")
    body, content_type = _multipart({"jenis": ""}, "berkas", "data-asn.csv", content)
    preview = browser.post_body(0, "/pegawai/impor/", body, content_type)
    assert preview.status == 302, preview.text[:800]
    job = int(re.search(r"/pegawai/impor/(\d+)/", preview.header("Location")).group(1))
    # The preview page on the other server: the file it read lies in the object store.
    assert browser.get(1, f"/pegawai/impor/{job}/pratinjau/").status == 200
    started = browser.post(1, f"/pegawai/impor/{job}/mulai", {}, follow=False)
    assert started.status == 302, started.text[:500]
    worker = DbWorker(site.env, tmp_path / "worker.log")
    seen: list[list[dict]] = [[], []]
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            answers = [json.loads(browser.get(n, f"/pegawai/impor/{job}/status").body) for n in (0, 1)]
            for n in (0, 1):
                seen[n].append(answers[n])
            if all(a["finished"] for a in answers):
                break
            time.sleep(0.05)
    finally:
        worker.stop()
    last = [seen[0][-1], seen[1][-1]]
    assert last[0] == last[1], last
    assert last[0]["status"] == "selesai", (last[0], worker.log()[-3000:])
    assert last[0]["done"] == last[0]["total"] == 6000
    # Each server showed the job part-way while the worker ran, not only at its end.
    for n in (0, 1):
        assert any(0 < a["done"] < a["total"] for a in seen[n]), seen[n][:20]
