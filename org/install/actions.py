"""The first installation of a real instansi: the instansi, its standard office week, the
national holidays and its first Admin, in one transaction (``manage.py setup_instansi``).

The office week and the holidays come from the same actions the demo uses
(``do_set_office_week`` with ``DEFAULT_OFFICE_HOURS``, ``do_load_national_holidays``).
A second run with the same values changes nothing; one that contradicts what exists
(another name for the instansi, another Admin) is refused before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from accounts.users.actions import do_create_user
from core.holidays.actions import do_load_national_holidays
from org.models import Instansi, OfficeHours
from org.units.actions import do_create_instansi, do_set_office_week
from regulations.sla import DEFAULT_OFFICE_HOURS

# Every IANA zone in use in Indonesia, by the three legal time zones the model stores.
# Asia/Pontianak has kept Jakarta's offset since 1988 (it was WITA before): for office
# hours and SLA deadlines today the two are the same zone.
TIME_ZONES = {
    "asia/jakarta": Instansi.TimeZone.WIB,
    "asia/pontianak": Instansi.TimeZone.WIB,
    "wib": Instansi.TimeZone.WIB,
    "asia/makassar": Instansi.TimeZone.WITA,
    "asia/ujung_pandang": Instansi.TimeZone.WITA,
    "wita": Instansi.TimeZone.WITA,
    "asia/jayapura": Instansi.TimeZone.WIT,
    "wit": Instansi.TimeZone.WIT,
}
_KIND_PREFIX = re.compile(r"^(pemerintah\s+)?(provinsi|kabupaten|kota)\s+", re.IGNORECASE)


class SetupRefused(ValueError):
    """The setup cannot run as asked; nothing was written. ``message`` is for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def resolve_time_zone(text: str) -> str:
    """The stored zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) for an Indonesian zone name."""
    zone = TIME_ZONES.get(text.strip().lower())
    if zone is None:
        raise SetupRefused(
            _(
                "Zona waktu %(zone)r tidak dipakai di Indonesia. Pilih WIB (Asia/Jakarta, Asia/Pontianak), "
                "WITA (Asia/Makassar) atau WIT (Asia/Jayapura)."
            )
            % {"zone": text}
        )
    return zone.value


def resolve_kind(text: str) -> str:
    kind = text.strip().lower()
    if kind not in Instansi.Kind.values:
        raise SetupRefused(
            _("Jenis instansi %(kind)r tidak dikenal; pilih salah satu: %(kinds)s.")
            % {"kind": text, "kinds": ", ".join(Instansi.Kind.values)}
        )
    return kind


def default_code(name: str) -> str:
    """A code from the name when none is given: "Pemerintah Provinsi Kalimantan Barat" → KALIMANTAN-BARAT."""
    return slugify(_KIND_PREFIX.sub("", name.strip())).upper()[:20].strip("-") or "INSTANSI"


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


@dataclass(frozen=True)
class InstansiSetup:
    """What the operator asked for (already resolved: kind and zone as stored)."""

    name: str
    kind: str
    time_zone: str
    admin_username: str
    admin_email: str
    admin_name: str = "Administrator"
    code: str = ""  # empty: default_code(name), and not compared with an existing instansi
    address: str = ""

    @property
    def instansi_code(self) -> str:
        return self.code or default_code(self.name)


@dataclass
class SetupPlan:
    instansi: Instansi | None  # the existing instansi, or None: create it
    create_admin: bool
    set_office_week: bool


@dataclass
class SetupResult:
    instansi: Instansi
    instansi_created: bool = False
    office_days: int = 0
    holidays: int = 0
    admin: User | None = None  # the Admin created by this run

    @property
    def changed(self) -> bool:
        return self.instansi_created or bool(self.office_days or self.holidays) or self.admin is not None


# The demo's password is published in the README, so an account it still opens is an open door:
# setup refuses such a database. It lives here, below the demo app, which imports it.
DEMO_PASSWORD = "Pelita#Demo2026"


def _demo_accounts(limit: int = 5) -> list[str]:
    """Usernames (at most ``limit``) that still open with the published demo password."""
    found = []
    for user in User.objects.order_by("pk").iterator():
        if user.check_password(DEMO_PASSWORD):
            found.append(user.username)
            if len(found) == limit:
                break
    return found


def plan_setup(setup: InstansiSetup) -> SetupPlan:
    """What a run would do, or SetupRefused naming every conflict with what exists."""
    demo = _demo_accounts()
    if demo:
        raise SetupRefused(
            _(
                "Basis data ini memuat akun demo dengan kata sandi yang dipublikasikan (%(users)s). "
                "setup_instansi hanya untuk basis data tanpa data demo: buat basis data baru, "
                "jalankan migrate, lalu setup_instansi."
            )
            % {"users": ", ".join(demo)}
        )
    problems: list[str] = []
    instansi = _existing_instansi(setup, problems)
    user = User.objects.filter(username=setup.admin_username).first()
    create_admin = user is None
    if user is not None:
        if Role.ADMIN not in user.roles:
            problems.append(
                _("Pengguna %(username)s sudah ada tetapi bukan Admin; pilih username lain.")
                % {"username": user.username}
            )
        elif user.email.lower() != setup.admin_email.strip().lower():
            problems.append(
                _("Admin %(username)s sudah ada dengan email %(email)s (diminta %(asked)s).")
                % {"username": user.username, "email": user.email or "-", "asked": setup.admin_email}
            )
    else:
        admins = list(
            User.objects.filter(role_assignments__role=Role.ADMIN, is_active=True).values_list(
                "username", flat=True
            )
        )
        if admins:
            problems.append(
                _(
                    "Sudah ada Admin (%(admins)s). setup_instansi hanya membuat Admin pertama; tambahkan "
                    "pengguna lain lewat menu Pengguna."
                )
                % {"admins": ", ".join(admins)}
            )
        problems.extend(_admin_field_problems(setup))
    if problems:
        raise SetupRefused(" ".join(problems))
    set_week = instansi is None or not OfficeHours.objects.filter(instansi=instansi).exists()
    return SetupPlan(instansi=instansi, create_admin=create_admin, set_office_week=set_week)


def _existing_instansi(setup: InstansiSetup, problems: list[str]) -> Instansi | None:
    existing = list(Instansi.objects.order_by("pk"))
    if not existing:
        return None
    if len(existing) > 1:
        match = [i for i in existing if _same_text(i.name, setup.name)]
        if len(match) != 1:
            problems.append(
                _("Sudah ada %(count)d instansi (%(names)s); setup_instansi hanya untuk instalasi pertama.")
                % {"count": len(existing), "names": "; ".join(i.name for i in existing)}
            )
            return None
        existing = match
    instansi = existing[0]
    wanted = {
        "name": (_("nama"), instansi.name, setup.name),
        "kind": (_("jenis"), instansi.kind, setup.kind),
        "time_zone": (_("zona waktu"), instansi.time_zone, setup.time_zone),
    }
    if setup.code:
        wanted["code"] = (_("kode"), instansi.code, setup.code)
    differences = [
        _("%(field)s %(have)r (diminta %(asked)r)") % {"field": label, "have": have, "asked": asked}
        for label, have, asked in wanted.values()
        if not _same_text(have, asked)
    ]
    if differences:
        problems.append(
            _(
                "Instansi sudah ada dengan nilai lain: %(diff)s. setup_instansi tidak mengubah instansi "
                "yang sudah ada; ubah lewat menu Organisasi › Instansi."
            )
            % {"diff": "; ".join(differences)}
        )
    return instansi


def _admin_field_problems(setup: InstansiSetup) -> list[str]:
    candidate = User(username=setup.admin_username, email=setup.admin_email.strip(), name=setup.admin_name)
    try:
        candidate.full_clean(exclude=["password", "opd"], validate_unique=False)
    except ValidationError as exc:
        return [f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()]
    if not setup.admin_email.strip():
        return [_("Email Admin wajib diisi.")]
    return []


def admin_candidate(setup: InstansiSetup) -> User:
    """An unsaved User like the Admin to create: the password validators compare against it."""
    return User(username=setup.admin_username, email=setup.admin_email.strip(), name=setup.admin_name)


@transaction.atomic
def do_setup_instansi(
    setup: InstansiSetup, *, password: str | None, holiday_years: list[int], actor
) -> SetupResult:
    """Create what is missing. ``password`` (already validated) is needed only when the Admin is new."""
    plan = plan_setup(setup)  # again inside the transaction: the state may have moved since
    created = plan.instansi is None
    instansi = plan.instansi
    if instansi is None:
        instansi = do_create_instansi(
            actor=actor,
            code=setup.instansi_code,
            name=" ".join(setup.name.split()),
            kind=setup.kind,
            time_zone=setup.time_zone,
            address=setup.address,
        )
    result = SetupResult(instansi=instansi, instansi_created=created)
    if plan.set_office_week:
        result.office_days = do_set_office_week(instansi, DEFAULT_OFFICE_HOURS, actor=actor)
    result.holidays = do_load_national_holidays(sorted(set(holiday_years)), actor=actor)
    if plan.create_admin:
        if not password:
            raise ValueError("a new Admin needs a password")
        # Admin is not an OPD-bound role: the first Admin has no OPD (the OPDs are imported
        # after this); an Admin may link them to BKD later on the user screen.
        result.admin = do_create_user(
            username=setup.admin_username,
            name=setup.admin_name,
            email=setup.admin_email.strip(),
            password=password,
            roles=[Role.ADMIN],
            actor=actor,
        )
    return result
