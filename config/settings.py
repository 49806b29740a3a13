"""Pelita settings: one file, driven by the environment.

Zero variables give a working local setup (DEBUG, SQLite under var/). Every variable is
listed in .env.example; a value that cannot be right raises ImproperlyConfigured at start.
"""

from __future__ import annotations

import copy
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PELITA_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "pelita-insecure-development-key-do-not-use-in-production"
# Whether demo data (accounts with a published password) may be loaded: only in a DEBUG
# configuration. seed_demo reads this, not DEBUG itself, because the test runner switches DEBUG
# off in every test while the configuration under test is still a development one.
PELITA_DEMO_ALLOWED = DEBUG
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    # Swagger UI of /api/v1/docs from the package's own static files (no CDN).
    "ninja",
    "core",
    "accounts",
    "org",
    "people",
    "layanan",
    "campaigns",
    "helpdesk",
    "jafung",
    "ipasn",
    "feedback",
    "kpo",
    "siasn",
    "api",
    "reports",
    "demo",
    # After accounts: accounts/templates/captcha/ overrides the widget's template.
    "captcha",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.navigation.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------
# dj_database_url.config() with DATABASE_URL="" silently selects the dummy backend, so
# parse the variable ourselves and fall back to SQLite explicitly.
_database_url = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'pelita.sqlite3'}")
try:
    _default_db = dj_database_url.parse(
        _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 600, minimum=0)
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if _default_db["ENGINE"] == "django.db.backends.sqlite3":
    Path(_default_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers work while the worker writes; the busy timeout makes a writer wait
    # for a lock instead of failing at once; IMMEDIATE takes the write lock up front so two
    # writers cannot deadlock upgrading read locks.
    _default_db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    _default_db["CONN_MAX_AGE"] = 0 if DEBUG else _default_db["CONN_MAX_AGE"]
elif _default_db["ENGINE"] == "django.db.backends.postgresql":
    _default_db["CONN_HEALTH_CHECKS"] = True
else:
    raise ImproperlyConfigured(f"DATABASE_URL uses an unsupported engine: {_default_db['ENGINE']}")
# A second alias for progress that a long transaction must not hide (core.progress): the
# same PostgreSQL database over a connection of its own; on SQLite a file of its own, since
# an import holds the main file's single write lock for its whole transaction.
_progress_db = copy.deepcopy(_default_db)
if _default_db["ENGINE"] == "django.db.backends.sqlite3":
    _main_file = Path(_default_db["NAME"])
    _progress_db["NAME"] = str(_main_file.with_name(f"{_main_file.stem}-progress{_main_file.suffix}"))
else:
    # Tests: a test database of its own. A mirror of default's would stay connected when
    # the test run drops that database (PostgreSQL refuses), and nothing joins across them.
    _progress_db["TEST"] = {"NAME": f"test_{_default_db['NAME']}_progress"}
DATABASES = {"default": _default_db, "progress": _progress_db}
DATABASE_ROUTERS = ["core.progress.ProgressRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reports:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins (accounts/login/actions.py, docs/decisions/0002-login-throttling.md). Nobody
# is ever locked out of their own account: an address, or a username from one address, is
# refused for a while; a username failing from anywhere only gets a captcha.
# The window, in minutes, of the two refusals below.
LOGIN_LOCKOUT_MINUTES = env_int("PELITA_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
# Failed logins from one client address (any usernames) before that address is refused.
LOGIN_ADDRESS_LIMIT = env_int("PELITA_LOGIN_ADDRESS_LIMIT", 50, minimum=1)
# Failed logins of one username from one address before that pair is refused.
LOGIN_FAILURE_LIMIT = env_int("PELITA_LOGIN_FAILURE_LIMIT", 5, minimum=1)
# Failed logins of one username from any address within LOGIN_CAPTCHA_HOURS before the
# login form asks that username for a captcha.
LOGIN_CAPTCHA_AFTER = env_int("PELITA_LOGIN_CAPTCHA_AFTER", 3, minimum=1)
LOGIN_CAPTCHA_HOURS = env_int("PELITA_LOGIN_CAPTCHA_HOURS", 24, minimum=1)
# django-simple-captcha: a picture drawn here (no outside service). Test mode accepts the
# answer "passed" for any picture, so it would switch the captcha off: never in production.
CAPTCHA_TEST_MODE = env_bool("PELITA_CAPTCHA_TEST_MODE", False)
if CAPTCHA_TEST_MODE and not DEBUG:
    raise ImproperlyConfigured(
        "PELITA_CAPTCHA_TEST_MODE=1 disables the login captcha; it is refused when DJANGO_DEBUG=0."
    )
CAPTCHA_TIMEOUT = 10  # minutes a picture stays valid: a slow phone connection needs time
CAPTCHA_FONT_SIZE = 36  # the default 22 px draws letters too small to read on a phone

# Public helpdesk (helpdesk/, docs/helpdesk.md): tickets one client address may file per
# hour, tickets everybody together may file per hour (a flood from many addresses), and the
# days after an answer or closing in which the applicant's reply reopens the ticket.
PELITA_HELPDESK_PER_ADDRESS_HOUR = env_int("PELITA_HELPDESK_PER_ADDRESS_HOUR", 10, minimum=1)
PELITA_HELPDESK_GLOBAL_HOUR = env_int("PELITA_HELPDESK_GLOBAL_HOUR", 600, minimum=1)
PELITA_HELPDESK_REOPEN_DAYS = env_int("PELITA_HELPDESK_REOPEN_DAYS", 7, minimum=1)

# How many reverse proxies (nginx, a load balancer) stand in front of the app servers; the
# client address is read from that many X-Forwarded-For entries and no more (core.clients).
PELITA_TRUSTED_PROXIES = env_int("PELITA_TRUSTED_PROXIES", 0, minimum=0)

# The national system's web service (siasn/, docs/siasn.md): BKN issues keys per environment;
# training and production have their own URLs and keys. Empty URLs or keys: not connected.
_SIASN_ENV = env_choice("PELITA_SIASN_ENV", "training", {"training", "production"})
SIASN = {
    "environment": _SIASN_ENV,
    "base_url": env_str("PELITA_SIASN_BASE_URL", ""),
    "gateway_token_url": env_str("PELITA_SIASN_GATEWAY_TOKEN_URL", ""),
    "sso_token_url": env_str("PELITA_SIASN_SSO_TOKEN_URL", ""),
    "consumer_key": env_str("PELITA_SIASN_CONSUMER_KEY", ""),
    "consumer_secret": env_str("PELITA_SIASN_CONSUMER_SECRET", ""),
    "sso_client_id": env_str("PELITA_SIASN_SSO_CLIENT_ID", ""),
    "username": env_str("PELITA_SIASN_USERNAME", ""),
    "password": env_str("PELITA_SIASN_PASSWORD", ""),
    "timeout": env_int("PELITA_SIASN_TIMEOUT_SECONDS", 20, minimum=1),
    "retries": env_int("PELITA_SIASN_RETRIES", 4, minimum=0),
    "backoff": 1.0,  # seconds before the first retry, doubling after each
    # Calls per second across every server and worker (BKN's gateway enforces its own quota).
    "rate_per_second": env_int("PELITA_SIASN_RATE_PER_SECOND", 10, minimum=1),
}

# --- Shared state ---------------------------------------------------------------------
# Whatever is cached must be seen by every app server and worker, so the default cache is
# a table in the database they share (created by a migration of core), never one process's
# memory. Guess limits have their own atomic table (accounts.throttle.actions) and job progress its
# own alias (core.progress); nothing of Pelita's reads the default cache today.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pelita_cache",
    },
    # Progress and heartbeats of background jobs (core.progress), on the "progress" alias so
    # that the job's own long transaction cannot hide them; the table is made on first use.
    "progress": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pelita_progress",
        "TIMEOUT": 7 * 24 * 3600,  # longer than any job runs; leftovers of dead runs then expire
        "OPTIONS": {"MAX_ENTRIES": 100_000},  # never cull a running job's entry
    },
}
# A job "Diproses" whose worker showed no sign of life (progress) for this long is marked
# failed, retryable (people.imports.actions, `manage.py expire_stuck_jobs`).
PELITA_JOB_STUCK_MINUTES = env_int("PELITA_JOB_STUCK_MINUTES", 10, minimum=1)
# Days the file of a failed, retryable import is kept for "Ulangi impor" (it holds personal data).
PELITA_IMPORT_RETRY_DAYS = env_int("PELITA_IMPORT_RETRY_DAYS", 7, minimum=1)

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static files and documents ---------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Private documents live outside every URL; they are served only by permission-checked views.
MEDIA_ROOT = Path(env_str("PELITA_DOCUMENT_ROOT", str(VAR_DIR / "documents")))
# Where every private file (scans, campaign uploads and their parts, import files, exports)
# is kept: "local" is MEDIA_ROOT on this server's disk; "s3" is an S3-compatible object store,
# which several app servers behind a load balancer can share. Code reads and writes them only
# through default_storage (core.documents.storage()), never through a path on disk.
PELITA_STORAGE = env_choice("PELITA_STORAGE", "local", {"local", "s3"})
if PELITA_STORAGE == "s3":
    _s3_bucket = env_str("PELITA_S3_BUCKET", "")
    if not _s3_bucket:
        raise ImproperlyConfigured("PELITA_S3_BUCKET must be set when PELITA_STORAGE=s3.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _s3_bucket,
            "endpoint_url": env_str("PELITA_S3_ENDPOINT_URL", "") or None,  # None: AWS itself
            "access_key": env_str("PELITA_S3_ACCESS_KEY", "") or None,  # None: boto3's own chain
            "secret_key": env_str("PELITA_S3_SECRET_KEY", "") or None,
            # us-east-1 is what MinIO, Ceph and most S3-compatible stores answer to by default.
            "region_name": env_str("PELITA_S3_REGION", "us-east-1"),
            # Path style (endpoint/bucket/key) works on every S3-compatible store; virtual hosts
            # need a DNS name per bucket, which an agency's own MinIO seldom has.
            "addressing_style": env_choice("PELITA_S3_ADDRESSING_STYLE", "path", {"path", "virtual", "auto"}),
            "signature_version": "s3v4",
            # Personal data: objects are private and never given a public URL; they are
            # streamed through Pelita's permission-checked views only.
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
            # Never replace an object: a name collision gets a new name, as on local disk.
            "file_overwrite": False,
            # Reads larger than this spill to a temporary file instead of memory (ZIP exports).
            "max_memory_size": 4 * 1024 * 1024,
        },
    }
else:
    # Owner-only permissions: the files are personal data, and nothing but Pelita reads them.
    STORAGES["default"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
    }
# Chunked campaign uploads (and completed ones never used in a submission) older than this
# are removed by `manage.py prune_uploads`.
PELITA_UPLOAD_MAX_AGE_HOURS = env_int("PELITA_UPLOAD_MAX_AGE_HOURS", 24, minimum=1)
# The largest employee file (CSV/XLSX) an import reads; bigger files are refused unread.
PELITA_IMPORT_MAX_MB = env_int("PELITA_IMPORT_MAX_MB", 50, minimum=1)
# The largest scan per document kind (core.Document.Kind), in MB; kinds not named use "default".
PELITA_DOCUMENT_MAX_MB = {"default": env_int("PELITA_DOCUMENT_MAX_MB", 2, minimum=1)}
# Days before a campaign closes at which send_campaign_reminders reminds (checked by campaigns.reminders.rules).
PELITA_CAMPAIGN_REMINDER_DAYS = env_list("PELITA_CAMPAIGN_REMINDER_DAYS", ["7", "3", "1"])
# Exports (core.exports.files): up to this many rows are built inside the request; a bigger one is
# built by the worker as a background job with a progress page (docs/exports.md).
PELITA_EXPORT_INLINE_MAX_ROWS = env_int("PELITA_EXPORT_INLINE_MAX_ROWS", 2000, minimum=1)
# Background exports one user may have waiting or running at once (bounds what one person can queue).
PELITA_EXPORT_MAX_RUNNING = env_int("PELITA_EXPORT_MAX_RUNNING", 3, minimum=1)
# Days a finished export's file is kept before prune_exports deletes it (it holds personal data).
PELITA_EXPORT_KEEP_DAYS = env_int("PELITA_EXPORT_KEEP_DAYS", 7, minimum=1)
# The SI JAFUNG campaign (slug) the jafung monitoring reads; empty: the latest survey asking its
# questions that has opened (jafung.queries.current_survey, docs/jafung.md).
PELITA_JAFUNG_CAMPAIGN = env_str("PELITA_JAFUNG_CAMPAIGN", "")

# --- Mail and links -------------------------------------------------------------------
# Notifications (request submitted/returned/completed, SLA escalations, campaign reminders)
# go out through Django's mailer; the console backend prints them, so nothing leaves the
# machine until an operator sets PELITA_EMAIL_BACKEND to the SMTP backend and its host.
_mail_backend = env_str("PELITA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _mail_backend,
        "OPTIONS": {
            "host": env_str("PELITA_EMAIL_HOST", "localhost"),
            "port": env_int("PELITA_EMAIL_PORT", 25, minimum=1),
        }
        if _mail_backend.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("PELITA_FROM_EMAIL", "Pelita <pelita@localhost>")
# The public address of this installation: links in e-mails and the QR codes on products.
PELITA_BASE_URL = env_str("PELITA_BASE_URL", "http://127.0.0.1:8000")
# Unset in production, products would carry the default address in their QR codes: the
# product-template page and `check --deploy` (layanan.W001) say so.
PELITA_BASE_URL_SET = bool(env_str("PELITA_BASE_URL", ""))

# --- Background work ------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_choice(
            "PELITA_TASK_BACKEND",
            "django_tasks_db.DatabaseBackend",
            {"django_tasks_db.DatabaseBackend", "django.tasks.backends.immediate.ImmediateBackend"},
        ),
    }
}

# --- Security -------------------------------------------------------------------------
# A strict policy: only our own scripts, styles and images; no inline script at all.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("PELITA_SESSION_HOURS", 10, minimum=1) * 3600
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The preload token only consents to the browsers' HSTS preload list; nothing happens
    # until the agency submits its domain there (check --deploy asks for it, security.W021).
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice("PELITA_LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"}),
    },
}
