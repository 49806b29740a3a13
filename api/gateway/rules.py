"""The one error shape of the API: ``{"kode": "...", "pesan": "..."}`` (plus ``rincian`` for
invalid input), codes stable for programs, messages in Indonesian for people."""

from __future__ import annotations

from ninja import Schema


class Galat(Schema):
    kode: str
    pesan: str
    rincian: list[dict] | None = None


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


# Statuses every operation may answer with the error shape (added to the OpenAPI schema).
ERROR_STATUSES = {
    "401": "Token tidak ada, tidak dikenal, kedaluwarsa atau dicabut",
    "403": "Cakupan token atau alamat klien tidak diizinkan",
    "404": "Tidak ditemukan atau di luar cakupan OPD token",
    "422": "Isian tidak sah",
    "429": "Batas permintaan token terlampaui",
}
