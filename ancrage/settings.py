"""Django settings, all read from the environment (see .env.example).

Embedded mode (no DATABASE_URL): SQLite in WAL mode inside ANCRAGE_DATA_DIR, a
secret key generated once and kept there. Production: DATABASE_URL points at
PostgreSQL and SECRET_KEY comes from the environment.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ancrage.lib.env import EnvError, envbool, envint, envlist, envstr

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(envstr("ANCRAGE_DATA_DIR", str(Path.cwd() / "data"))).resolve()
# The data dir holds the database, the keys and the demo password: its owner only.
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)


def _embedded_secret_key() -> str:
    """A key generated on first start and kept, readable by the owner only."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _embedded_encryption_key() -> str:
    """Embedded mode only: one machine, so a key kept next to the data is enough."""
    path = DATA_DIR / "encryption_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            # A Fernet key, without importing cryptography at every start.
            handle.write(base64.urlsafe_b64encode(os.urandom(32)).decode("ascii"))
    return path.read_text().strip()


DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY") or _embedded_secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# Public base URL the SMS providers call (webhook signatures are computed on it).
PUBLIC_BASE_URL = envstr("ANCRAGE_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "ancrage.coaching",
    "ancrage.messaging",
    "ancrage.conversations",
    "ancrage.checkins",
    "ancrage.inbox",
    "ancrage.consent",
    "ancrage.autonomy",
    "ninja",  # for its Swagger UI static files: the API docs load nothing from a CDN
    "ancrage.api",
    "auditlog",
    "ancrage.audit",
    "ancrage.privacy",
    "ancrage.workers",
    "ancrage.team",
]

MIDDLEWARE = [
    "ancrage.lib.request_id.RequestIdMiddleware",  # first: its id covers the whole request
    "django.middleware.security.SecurityMiddleware",
    # Provider webhooks are answered here, without the middleware made for people below.
    "ancrage.messaging.views.WebhookMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ancrage.audit.middleware.AuditActorMiddleware",  # the signed-in user acts in the log
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ancrage.coaching.middleware.CurrentPracticeMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "ancrage.urls"
WSGI_APPLICATION = "ancrage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
SQLITE_PATH = DATA_DIR / "ancrage.sqlite3"
DATABASE_URL = envstr("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    # Django disables psycopg's prepared statements; only the webhook's own cursor (bound by
    # the server, messaging/fastpath.py) uses them: Django's cursors bind on the client, which
    # never prepares. Off with ANCRAGE_PG_PREPARED=0 (behind PgBouncer < 1.21 in transaction mode).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        5 if envbool("ANCRAGE_PG_PREPARED", True) else None
    )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                # WAL lets the web server read while the worker writes; IMMEDIATE
                # takes the write lock up front so busy waits instead of failing.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": envint("SQLITE_BUSY_TIMEOUT", 20),
            },
            # Tests use a real file too, so concurrency behaves as in production.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
            # Keep connections: opening one costs a schema load, and closing the last one
            # of a WAL database checkpoints it (fsync) - per request, that halves throughput.
            "CONN_MAX_AGE": 60,
        }
    }
EMBEDDED = not DATABASE_URL


def _private_sqlite_file(path: Path) -> None:
    """SQLite creates its file (and -wal, -shm, with the same mode) 0644: make it 0600 first."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)  # a database created before this rule


if EMBEDDED:
    _private_sqlite_file(SQLITE_PATH)
# Fernet key(s) encrypting SMS provider credentials at rest (comma-separated for rotation).
# Production (several machines) must set it; the embedded mode keeps one in DATA_DIR.
ENCRYPTION_KEY = envstr("ANCRAGE_ENCRYPTION_KEY") or (
    _embedded_encryption_key() if EMBEDDED else ""
)

# --- SMS ------------------------------------------------------------------------
# A message still `sending` after this many seconds is marked for the coach to check.
SMS_SENDING_TIMEOUT = envint("ANCRAGE_SMS_SENDING_TIMEOUT", 120)
SMS_SWEEP_INTERVAL = envint("ANCRAGE_SMS_SWEEP_INTERVAL", 60)  # seconds between sweeps
SMS_RETRY_BASE_SECONDS = envint("ANCRAGE_SMS_RETRY_BASE_SECONDS", 2)  # backoff: base * 2**n
SMS_AUTOMATED_VALIDITY = envint("ANCRAGE_SMS_AUTOMATED_VALIDITY", 24 * 3600)  # seconds
# Raw webhook payloads older than this are deleted by the sweeper (their messages stay).
WEBHOOK_RETENTION_DAYS = envint("ANCRAGE_WEBHOOK_RETENTION_DAYS", 90)


def _networks(name: str) -> list[str]:
    try:
        return [str(ipaddress.ip_network(item, strict=False)) for item in envlist(name, [])]
    except ValueError as error:
        raise EnvError(f"{name}: {error} (use networks such as 192.168.1.0/24)") from None


# Provider API URLs (providers/urls.py). Twilio's and Vonage's are fixed unless this is on
# (tests against local fakes, a compatible self-hosted gateway); loopback, private and
# link-local addresses are refused unless listed, e.g. the office LAN of an Android gateway.
SMS_CUSTOM_API_URLS = envbool("ANCRAGE_SMS_CUSTOM_API_URLS", False)
SMS_PRIVATE_NETWORKS = _networks("ANCRAGE_SMS_PRIVATE_NETWORKS")
# Apps that read inbound SMS (not keywords) in a task after the webhook is answered.
INBOUND_HANDLERS = ["ancrage.checkins.answering.on_inbound", "ancrage.inbox.handlers.on_inbound"]
# --- E-mail to coaches (wins and thanks) ----------------------------------------
# The console in the embedded demo; in production a provider through django-anymail, e.g.
# ANCRAGE_EMAIL_BACKEND=anymail.backends.brevo.EmailBackend ANYMAIL_BREVO_API_KEY=...
EMAIL_BACKEND = envstr("ANCRAGE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("ANCRAGE_FROM_EMAIL", "Ancrage <noreply@localhost>")
ANYMAIL = {
    key[len("ANYMAIL_") :]: value for key, value in os.environ.items() if key.startswith("ANYMAIL_")
}
# --- Team (docs/team.md) ----------------------------------------------------------
TEAM_INVITATION_DAYS = envint("ANCRAGE_TEAM_INVITATION_DAYS", 7)  # an invitation link's life
# --- Check-ins ------------------------------------------------------------------
CHECKIN_INTERVAL = envint("ANCRAGE_CHECKIN_INTERVAL", 60)  # seconds between scheduler passes
# --- Audit log and privacy (docs/privacy.md) ------------------------------------------
# django-auditlog writes our entry model, which adds the practice; personal values masked.
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"
# django-auditlog's own migrations would create its default entry table, unused since ours
# replaces it, and whose foreign key to content types stops PostgreSQL from emptying them
# (TRUNCATE in tests, `flush`): without its migrations, Django creates no table for a model
# that is swapped out.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_MASK_CALLABLE = "ancrage.audit.registry.mask"
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_CID_GETTER = "ancrage.audit.middleware.request_id"  # ties entries to log lines
# Seconds between two passes of the retention task (alumni anonymised after N months).
PRIVACY_RETENTION_INTERVAL = envint("ANCRAGE_PRIVACY_RETENTION_INTERVAL", 3600)
# Benchmarks only: a bare view to compare the webhook against.
BENCH_VIEWS = envbool("ANCRAGE_BENCH_VIEWS", False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background work ------------------------------------------------------------
TASKS = {"default": {"BACKEND": envstr("ANCRAGE_TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A worker whose heartbeat is older than this is dead: its tasks and messages are taken back.
WORKER_LEASE_SECONDS = envint("ANCRAGE_WORKER_LEASE_SECONDS", 30)
WORKER_TASK_RETENTION_HOURS = envint("ANCRAGE_WORKER_TASK_RETENTION_HOURS", 24)  # finished tasks
# The SMS dispatcher (docs/dispatch.md): messages claimed at once, provider calls in flight.
# A worker killed mid-batch interrupts at most DISPATCH_BATCH sends; the sweep asks the
# provider about each (messaging/reconcile.py) before any is shown "to check".
DISPATCH_BATCH = envint("ANCRAGE_DISPATCH_BATCH", 16)
DISPATCH_CONCURRENCY = envint("ANCRAGE_DISPATCH_CONCURRENCY", 16)

# --- Auth -----------------------------------------------------------------------
# django-axes: after LOGIN_FAILURE_LIMIT wrong passwords from one address (app or admin),
# that address is refused (429) for the cool-off; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("ANCRAGE_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = dt.timedelta(minutes=envint("ANCRAGE_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lock lasts the cool-off, no more
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "ancrage.lib.client_ip.client_ip"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # an invitation link stays valid three days
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "coachee_list"
LOGOUT_REDIRECT_URL = "login"

# --- Internationalisation -------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
PHONE_DEFAULT_REGION = envstr("ANCRAGE_PHONE_REGION", "FR")

# Largest transcript accepted by the web page (the CLI streams or refuses by its own limit).
ANCRAGE_MAX_UPLOAD_MB = envint("ANCRAGE_MAX_UPLOAD_MB", 20)
# Analyses of uploaded transcripts running at once per practice (in the worker); beyond it
# the job waits, shown as queued.
ANCRAGE_ANALYSIS_CONCURRENCY = envint("ANCRAGE_ANALYSIS_CONCURRENCY", 2)
if ANCRAGE_ANALYSIS_CONCURRENCY < 1:
    raise EnvError(f"ANCRAGE_ANALYSIS_CONCURRENCY={ANCRAGE_ANALYSIS_CONCURRENCY} must be 1 or more")

# --- JSON API (docs/api.md) ----------------------------------------------------
ANCRAGE_API_RATE = envstr("ANCRAGE_API_RATE", "120/min")  # requests per token (s, min, h, day)
ANCRAGE_API_ANALYSIS_RATE = envstr("ANCRAGE_API_ANALYSIS_RATE", "10/min")  # analyses per token
ANCRAGE_API_ANALYSIS_MAX_KB = envint("ANCRAGE_API_ANALYSIS_MAX_KB", 500)  # transcript size

# --- Static files ---------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the package when collectstatic was not run

# --- Security -------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
BEHIND_PROXY = envbool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# HTTPS-only cookies mean the site is served over HTTPS: tell browsers never to use plain
# HTTP again (sent on HTTPS responses only, by SecurityMiddleware).
SECURE_HSTS_SECONDS = envint("ANCRAGE_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0)
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere (templates load ancrage/*.js); chart data is a JSON
# <script> tag, which is data and never run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Everything to stderr, each line with its request id ("-" outside requests). Server errors
# are logged whatever DEBUG says (lib/request_id.py; django.request for the rest).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ancrage.lib.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "loggers": {
        "ancrage": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
