"""Settings shared by every environment. Everything that differs between machines comes
from environment variables (see docs/configuration.md)."""

import json
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The project-level templates/, static/ and locale/: in a checkout (and an editable install)
# they sit next to the package; a built wheel carries them inside it, in servicedesk/_project/
# (copied there by setup.py). An installed copy sets VAR_DIR and STATIC_ROOT (docs/operations.md).
_PACKAGED_ASSETS = Path(__file__).resolve().parent.parent / "_project"
ASSETS_DIR = _PACKAGED_ASSETS if _PACKAGED_ASSETS.is_dir() else BASE_DIR
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
PUBLIC_BASE_URL = (env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000") or "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    "core",
    "servicedesk",
    "catalog",
    "notifications",
    "sla",
    "incidents",
    "statuspage",
    "problems",
    "changes",
    "servicerequests",
    "mail",
    "monitoring",
    "contactcenter",
    "crm",
    "knowledge",
    "kpis",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-csp's middleware with the plain policy built once per process (core/middleware.py).
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a login refused for too many failures into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "servicedesk.urls"
WSGI_APPLICATION = "servicedesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ASSETS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "servicedesk.context_processors.navigation",
                "notifications.context_processors.unread",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# DATABASE_URL, e.g. postgres://user:pass@host:5432/servicedesk. Default: SQLite under var/.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'servicedesk.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Behind PgBouncer in transaction pooling mode (docs/operations.md, "Production topology"):
# each transaction may run on another server connection, so nothing may outlive one — no
# server-side cursors (QuerySet.iterator() holds one open across statements), no prepared
# statements (psycopg 3 prepares a query after it ran a few times on one connection; Django
# turns that off by default, said here so that nobody turns it on), and no session-level
# advisory locks (mail's fetch lock takes a transaction-level one instead, see mail/imap.py).
DATABASE_TRANSACTION_POOLING = env_bool("DATABASE_TRANSACTION_POOLING", False)
# A read-only copy (a streaming replica) for the dashboards and reports: the alias "reports"
# (core/db_router.py). Unset: they read the default database.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL") or ""
if DATABASE_REPLICA_URL:
    DATABASES["reports"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True)
    # A test run with a replica configured still uses one test database.
    DATABASES["reports"]["TEST"] = {"MIRROR": "default"}
if DATABASE_TRANSACTION_POOLING:
    for _database in (db for db in DATABASES.values() if db["ENGINE"] == "django.db.backends.postgresql"):
        _database["DISABLE_SERVER_SIDE_CURSORS"] = True
        _database.setdefault("OPTIONS", {}).update({"prepare_threshold": None, "server_side_binding": False})
DATABASE_ROUTERS = ["core.db_router.ReportsRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default is shared by the web process, the worker and beat.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 30,
            # Take the write lock when a transaction starts, so concurrent writers wait for
            # each other (busy timeout) instead of failing with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Covering indexes (INCLUDE columns, e.g. the 360° timeline's on calls) are a PostgreSQL
    # speed-up; SQLite builds them without the extra columns, which is all the quick start needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits, short-lived state) --------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "sd"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Celery -----------------------------------------------------------------------------
# CELERY_BROKER_URL (or REDIS_URL). Default: kombu's filesystem transport under var/, so a
# machine with nothing but Python runs a real worker and beat.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or (
    REDIS_URL or f"file://{VAR_DIR / 'celery' / 'results'}"
)
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = VAR_DIR / "celery" / "queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
    # kombu warns that the filesystem URL names no host; there is none to name.
    _quiet_loggers = {"kombu.connection": {"level": "ERROR"}}
else:
    _quiet_loggers = {}
# JSON object merged into the broker's transport options, e.g. for Redis
# {"visibility_timeout": 3600}: how long a task a dead worker had taken waits before another
# worker gets it (docs/operations.md, "Production topology").
_transport_options = env_str("CELERY_BROKER_TRANSPORT_OPTIONS", "") or ""
if _transport_options.strip():
    try:
        _transport_options = json.loads(_transport_options)
    except ValueError as exc:
        raise ImproperlyConfigured(f"CELERY_BROKER_TRANSPORT_OPTIONS must be a JSON object: {exc}") from exc
    if not isinstance(_transport_options, dict):
        raise ImproperlyConfigured("CELERY_BROKER_TRANSPORT_OPTIONS must be a JSON object.")
    CELERY_BROKER_TRANSPORT_OPTIONS.update(_transport_options)

# Queues (docs/operations.md, "Production topology"): "fast" holds what someone is waiting
# on (notifications, webhook follow-ups, callers in a queue), "slow" what may wait (sweeps,
# rollups, mail fetch); anything else goes to Celery's default queue. A worker started
# without -Q consumes all three (the quick start's one worker); production runs
# `-Q fast,celery` and `-Q slow` workers, so a long rollup never delays a notification.
# Routes are by task name: a full name wins over a pattern, then the first matching pattern.
FAST_TASKS = ["notifications.tasks.deliver", "notifications.tasks.deliver_batch", "sla.tasks.fire_escalations",
              "incidents.tasks.linked_resolved", "contactcenter.tasks.*", "statuspage.tasks.*", "crm.tasks.*"]
SLOW_TASKS = ["sla.tasks.sweep", "kpis.tasks.*", "mail.tasks.*", "incidents.tasks.*", "problems.tasks.trend_sweep",
              "monitoring.tasks.*", "notifications.tasks.retry_stuck_deliveries",
              "contactcenter.tasks.fetch_call_recording", "contactcenter.tasks.fetch_prompt_recording",
              "contactcenter.tasks.purge_call_recordings", "servicedesk.tasks.maintain_partitions"]


def celery_queues(prefix: str = "") -> tuple[str, list, dict]:
    """The default queue's name, the queues and the routes, every name after ``prefix``
    (the test settings give each test process its own)."""
    from kombu import Queue

    names = {"default": f"{prefix}celery", "fast": f"{prefix}fast", "slow": f"{prefix}slow"}
    routes = {pattern: {"queue": names["fast"]} for pattern in FAST_TASKS}
    routes.update({pattern: {"queue": names["slow"]} for pattern in SLOW_TASKS})
    return names["default"], [Queue(name) for name in names.values()], routes


CELERY_TASK_DEFAULT_QUEUE, CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues()
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = False
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")
SLA_SWEEP_SECONDS = env_int("SLA_SWEEP_SECONDS", 30)
SPIKE_SWEEP_SECONDS = env_int("SPIKE_SWEEP_SECONDS", 60)
CELERY_BEAT_SCHEDULE: dict = {
    # A sweep that could not start within its own period is dropped: the next one covers it.
    "sla-sweep": {"task": "sla.tasks.sweep", "schedule": SLA_SWEEP_SECONDS,
                  "options": {"expires": SLA_SWEEP_SECONDS}},
    "incidents-auto-close": {"task": "incidents.tasks.auto_close", "schedule": 3600},
    "spike-detection": {"task": "incidents.tasks.detect_spikes", "schedule": SPIKE_SWEEP_SECONDS,
                        "options": {"expires": SPIKE_SWEEP_SECONDS}},
    "problems-trend-sweep": {"task": "problems.tasks.trend_sweep",
                             "schedule": env_int("PROBLEM_TREND_SWEEP_SECONDS", 3600)},
    "major-incident-update-reminders": {"task": "incidents.tasks.remind_updates", "schedule": 60,
                                        "options": {"expires": 60}},
    "notifications-retry-stuck": {
        "task": "notifications.tasks.retry_stuck_deliveries",
        "schedule": env_int("NOTIFICATIONS_RETRY_SECONDS", 300),
    },
    "contact-center-match-waiting-calls": {"task": "contactcenter.tasks.match_waiting_calls", "schedule": 5,
                                           "options": {"expires": 5}},
    # Recordings older than CALL_RECORDING_RETENTION_DAYS: the file and Twilio's copy deleted, the row kept.
    "contact-center-purge-recordings": {"task": "contactcenter.tasks.purge_call_recordings", "schedule": 3600,
                                        "options": {"expires": 3600}},
    # Daily: the coming months' partitions of the append-only tables, then their retention
    # (docs/operations.md, "Partitioned tables and retention").
    "partitions-maintain": {"task": "servicedesk.tasks.maintain_partitions", "schedule": 24 * 3600,
                            "options": {"expires": 3600}},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Sessions are read from the cache (Redis in production) and written through to the database:
# a signed-in request, a live poll above all, reads no session row (bench/README.md, "Live
# pages": 200 open pages 5.2 → 3.5 % of a core). Logging out, a password change and flush()
# delete both copies.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Auth --------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    # First: refuses every login (browser, admin, API token) of a locked-out account or address.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- Login lockout (django-axes, docs/configuration.md) --------------------------------------
# Failed logins are counted in the database per username and, separately, per client address
# (the same address the API rate limits use); LOGIN_FAILURE_LIMIT failures within
# LOGIN_COOLOFF_MINUTES lock that username or address out until the failures are that old.
# "a+b" in LOGIN_LOCKOUT_PARAMETERS counts the pair together instead.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item
    for item in env_list("LOGIN_LOCKOUT_PARAMETERS", ["username", "ip_address"])
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
# Not reset by a success: with per-address counting, a success would also wipe the address's
# failures against other accounts, so anyone with one account could guess others' passwords
# without limit.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "core.api.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [
    ("en", _("English")),
    ("fa", _("Persian")),
    ("el", _("Greek")),
    ("pt", _("Portuguese")),
]
LOCALE_PATHS = [ASSETS_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# One date format per language, everywhere (core/formats/<language>/formats.py; Django's own
# where a language has none).
FORMAT_MODULE_PATH = ["core.formats"]

# --- Static files ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [ASSETS_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# --- REST API ----------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header turns "not logged in" into 401, not 403.
        # DRF's TokenAuthentication, reading token, user and roles in one statement.
        "core.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["core.permissions.IsStaffRole"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "core.api.filters.DjangoFilterBackend",
        "core.api.filters.SearchFilter",
        "core.api.filters.OrderingFilter",
    ],
    # drf-spectacular's schema with the error responses every operation may give.
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    # JSON only: an error under /api/ is never an HTML page (DRF's browsable API would answer
    # HTML to a browser's Accept); /api/docs/ is the API for people.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # DRF's three parsers; the JSON one refuses bodies nested or sized past API_JSON_MAX_* (400).
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "core.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.api.throttling.AnonRateThrottle",
        "core.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("THROTTLE_ANON", "60/min"),
        "user": env_str("THROTTLE_USER", "100/s"),
        "auth": env_str("THROTTLE_AUTH", "10/min"),
    },
    # How many reverse proxies stand in front of the app: rate limits and the login lockout
    # then trust exactly that many X-Forwarded-For hops. 0 (the default): the header is
    # ignored and the socket's address counts (DRF's None would trust the header as sent).
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# JSON request bodies: at most this many bytes and this many nested arrays/objects (400 past either).
API_JSON_MAX_BYTES = env_int("API_JSON_MAX_BYTES", 2_621_440)
API_JSON_MAX_DEPTH = env_int("API_JSON_MAX_DEPTH", 64)
SPECTACULAR_SETTINGS = {
    "TITLE": "Service desk API",
    "DESCRIPTION": "Incidents, SLA, major incidents, problems, changes, requests, "
    "contact center and KPIs. See API.md for the stable contract.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI's files come from the drf-spectacular-sidecar package, not from a CDN.
    "ENUM_NAME_OVERRIDES": {
        "CustomerTierEnum": "catalog.choices.CustomerTier",
        "TicketKindEnum": "sla.choices.TicketKind",
        "DeliveryChannelEnum": "notifications.choices.Channel",
        "CIRelationKindEnum": "catalog.choices.CIRelationKind",
        "EventKindEnum": "sla.choices.EventKind",
        "TicketChannelEnum": "sla.models.CHANNEL_CHOICES",
        "IncidentStatusEnum": "incidents.choices.IncidentStatus",
        "LevelEnum": "incidents.choices.Level",
        "TimerStatusEnum": "sla.choices.TimerStatus",
        "MajorIncidentStatusEnum": "incidents.choices.MajorIncidentStatus",
        "TaskStatusEnum": "incidents.choices.TaskStatus",
        "RequestTaskStatusEnum": "servicerequests.choices.TaskStatus",
        "SpikeAlertStatusEnum": "incidents.choices.SpikeAlertStatus",
        "ServiceImpactEnum": "incidents.choices.ServiceImpact",
        "TeamRoleEnum": "incidents.choices.TeamRole",
        "AudienceEnum": "incidents.choices.Audience",
        "UpdateEventEnum": "incidents.choices.UpdateEvent",
        "TimelineKindEnum": "incidents.choices.TimelineKind",
        "CallOutcomeEnum": "contactcenter.choices.CallOutcome",
        "ChangeOutcomeEnum": "changes.choices.Outcome",
        "AlertStatusEnum": "monitoring.choices.AlertStatus",
        # An article's audience (public/internal) is not a stakeholder update's audiences.
        "ArticleAudienceEnum": "knowledge.choices.ArticleAudience",
        "ArticleStatusEnum": "knowledge.choices.ArticleStatus",
        "ArticleLanguageEnum": "knowledge.choices.ArticleLanguage",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Content-Security-Policy and Permissions-Policy (docs/configuration.md) ---------------
# No inline script anywhere: pages load their scripts and styles from our own static files.
# A view that needs more says so with django-csp's decorators (the Swagger UI page, the
# dashboard's SVG charts with a nonce).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": env_list("CSP_REPORT_URI", []) or None,
    },
}
PERMISSIONS_POLICY = {
    feature: [] for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
        "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}
PERMISSIONS_POLICY.update({feature: ["self"] for feature in env_list("PERMISSIONS_POLICY_SELF", [])})

# --- Email and SMS -----------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Service desk <servicedesk@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# "notifications.sms.OutboxBackend" keeps messages in the database (development, tests);
# "notifications.sms.TwilioBackend" sends them with Twilio's REST client.
SMS_BACKEND = env_str("SMS_BACKEND", "notifications.sms.OutboxBackend")
NOTIFICATIONS_MAX_ATTEMPTS = env_int("NOTIFICATIONS_MAX_ATTEMPTS", 5)

# --- Twilio ------------------------------------------------------------------------------
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN", "")
TWILIO_FROM_NUMBER = env_str("TWILIO_FROM_NUMBER", "")
# Where Twilio's REST client sends its requests; empty means Twilio's own https://api.twilio.com.
# The tests point it at a local stub server (tests/twilio_stub.py); nothing else should set it.
TWILIO_API_BASE_URL = env_str("TWILIO_API_BASE_URL", "")
# "contactcenter.telephony.OutboxBackend" records what the desk asks of the provider (move a
# live call to an agent, to hold music, to another queue) in the database; set
# "contactcenter.telephony.TwilioBackend" in production.
TELEPHONY_BACKEND = env_str("TELEPHONY_BACKEND", "contactcenter.telephony.OutboxBackend")
# The phone console's "Try a call" box and `manage.py simulate_call`: a demo contact calls
# through the real, signed voice webhook (docs/contactcenter.md). On with DEBUG by default.
DEMO_TELEPHONY = env_bool("DEMO_TELEPHONY", DEBUG)
# Route each answered call through a Twilio conference (the caller and the agent as its two
# participants) so that a supervisor can listen, whisper or barge in from the wallboard
# (docs/contactcenter.md, "Supervision"). Off: the caller is dialled straight to the agent.
CONTACT_CENTER_CONFERENCE = env_bool("CONTACT_CENTER_CONFERENCE", False)
# Call recordings are kept this many days, then deleted by the hourly purge (docs/contactcenter.md).
CALL_RECORDING_RETENTION_DAYS = env_int("CALL_RECORDING_RETENTION_DAYS", 90)
# The number staff call to record a prompt or an announcement with a one-time code; uploads of
# recorded prompts are refused above CONTACT_CENTER_PROMPT_MAX_BYTES.
CONTACT_CENTER_PROMPT_NUMBER = env_str("CONTACT_CENTER_PROMPT_NUMBER", "")
CONTACT_CENTER_PROMPT_MAX_BYTES = env_int("CONTACT_CENTER_PROMPT_MAX_BYTES", 5 * 1024 * 1024)

# --- Contact center ------------------------------------------------------------------------
# How agents take calls: "client" dials the Twilio Voice SDK identity (the username),
# "phone" dials the mobile in their profile.
CONTACT_CENTER_AGENT_ENDPOINT = env_str("CONTACT_CENTER_AGENT_ENDPOINT", "client")
# Seconds an agent's phone rings before the call goes to the next agent (the agent is set offline).
CONTACT_CENTER_RING_SECONDS = env_int("CONTACT_CENTER_RING_SECONDS", 20)
# The same contact (or number) calling again within this many hours is a repeat call (not
# resolved at first contact).
CONTACT_CENTER_REPEAT_WINDOW_HOURS = env_int("CONTACT_CENTER_REPEAT_WINDOW_HOURS", 72)
# Played to waiting and held callers when the queue has no music of its own (empty: silence
# between position messages).
CONTACT_CENTER_HOLD_MUSIC_URL = env_str("CONTACT_CENTER_HOLD_MUSIC_URL", "")

# --- Staffing ------------------------------------------------------------------------------
# Erlang C staffing (kpis/staffing/, /dashboards/staffing/): the forecast for an interval is
# the mean of the same weekday and interval over this many past weeks; the targets and the
# shrinkage (the share of paid time agents cannot take calls: breaks, training) apply when a
# request does not give its own. Fractions: 0.8 is 80 %.
STAFFING_FORECAST_WEEKS = env_int("STAFFING_FORECAST_WEEKS", 4)
STAFFING_SHRINKAGE = float(env_str("STAFFING_SHRINKAGE", "0.3"))
STAFFING_TARGET_SERVICE_LEVEL = float(env_str("STAFFING_TARGET_SERVICE_LEVEL", "0.8"))
STAFFING_TARGET_SECONDS = env_int("STAFFING_TARGET_SECONDS", 20)
# Handle time assumed for intervals with no answered call in the forecast weeks.
STAFFING_DEFAULT_AHT_SECONDS = env_int("STAFFING_DEFAULT_AHT_SECONDS", 300)
# How often the wallboard (/dashboards/wallboard/) refreshes its figures.
WALLBOARD_REFRESH_SECONDS = env_int("WALLBOARD_REFRESH_SECONDS", 5)
# How often a major incident's war room (/major-incidents/<id>/) refreshes its live part.
MAJOR_INCIDENT_REFRESH_SECONDS = env_int("MAJOR_INCIDENT_REFRESH_SECONDS", 10)

# --- KPIs ----------------------------------------------------------------------------------
# Rollups (docs/kpis.md): a caller who hangs up within the grace is neither offered nor
# abandoned; beat recomputes the last LOOKBACK hours every ROLLUP seconds, so late webhook
# events are folded in; cost per call = the hourly cost of a logged-in agent × agent hours
# / answered calls.
KPI_ABANDON_GRACE_SECONDS = env_int("KPI_ABANDON_GRACE_SECONDS", 5)
KPI_ROLLUP_SECONDS = env_int("KPI_ROLLUP_SECONDS", 300)
KPI_ROLLUP_LOOKBACK_HOURS = env_int("KPI_ROLLUP_LOOKBACK_HOURS", 6)
KPI_COST_PER_AGENT_HOUR = float(env_str("KPI_COST_PER_AGENT_HOUR", "30"))
CELERY_BEAT_SCHEDULE["kpis-rollup-recent"] = {"task": "kpis.tasks.rollup_recent", "schedule": KPI_ROLLUP_SECONDS,
                                              "options": {"expires": KPI_ROLLUP_SECONDS}}

# Email channel (docs/mail.md): beat polls the IMAP mailboxes every MAIL_FETCH_SECONDS;
# a raw message larger than MAIL_MAX_MESSAGE_BYTES is refused (kept nowhere, answered 413);
# one sender (staff excepted) may send at most MAIL_SENDER_LIMIT messages per
# MAIL_SENDER_WINDOW_SECONDS; the rest are kept but open or append nothing.
MAIL_FETCH_SECONDS = env_int("MAIL_FETCH_SECONDS", 60)
MAIL_MAX_MESSAGE_BYTES = env_int("MAIL_MAX_MESSAGE_BYTES", 25 * 1024 * 1024)
MAIL_SENDER_LIMIT = env_int("MAIL_SENDER_LIMIT", 20)
MAIL_SENDER_WINDOW_SECONDS = env_int("MAIL_SENDER_WINDOW_SECONDS", 3600)
CELERY_BEAT_SCHEDULE["mail-fetch"] = {"task": "mail.tasks.fetch_all", "schedule": MAIL_FETCH_SECONDS,
                                      "options": {"expires": MAIL_FETCH_SECONDS}}

# Monitoring (docs/monitoring.md): this many alerts opening incidents on one service within
# MONITORING_STORM_MINUTES are a storm; further ones join its incident and count as demand.
MONITORING_STORM_THRESHOLD = env_int("MONITORING_STORM_THRESHOLD", 10)
MONITORING_STORM_MINUTES = env_int("MONITORING_STORM_MINUTES", 5)
# One post to alert-sources/<id>/events/ holds at most MONITORING_MAX_ALERTS alerts and
# MONITORING_MAX_BODY_BYTES bytes (more answers 413); beat releases the alerts a change window
# held back once it is over, every MONITORING_RELEASE_SECONDS.
MONITORING_MAX_ALERTS = env_int("MONITORING_MAX_ALERTS", 1000)
MONITORING_MAX_BODY_BYTES = env_int("MONITORING_MAX_BODY_BYTES", 5 * 1024 * 1024)
MONITORING_RELEASE_SECONDS = env_int("MONITORING_RELEASE_SECONDS", 60)
CELERY_BEAT_SCHEDULE["monitoring-release"] = {"task": "monitoring.tasks.release_suppressed",
                                              "schedule": MONITORING_RELEASE_SECONDS,
                                              "options": {"expires": MONITORING_RELEASE_SECONDS}}
# Customers (docs/customers.md): a satisfaction survey's link works this many days.
CRM_SURVEY_TOKEN_DAYS = env_int("CRM_SURVEY_TOKEN_DAYS", 14)

# Knowledge base (docs/knowledge.md): an article's Markdown body holds at most
# KNOWLEDGE_BODY_MAX_CHARS characters; an image attached to it at most KNOWLEDGE_IMAGE_MAX_BYTES.
KNOWLEDGE_BODY_MAX_CHARS = env_int("KNOWLEDGE_BODY_MAX_CHARS", 200_000)
KNOWLEDGE_IMAGE_MAX_BYTES = env_int("KNOWLEDGE_IMAGE_MAX_BYTES", 2 * 1024 * 1024)

# --- Domain ------------------------------------------------------------------------------
# Region used to read phone numbers written without a leading "+" (ISO 3166 code).
PHONE_DEFAULT_REGION = env_str("PHONE_DEFAULT_REGION", "") or None

# Incidents: reopen within this many days of resolution; close automatically after this many.
INCIDENT_REOPEN_DAYS = env_int("INCIDENT_REOPEN_DAYS", 7)
INCIDENT_AUTOCLOSE_DAYS = env_int("INCIDENT_AUTOCLOSE_DAYS", 3)
# Major incidents: the conference bridge's dial-in number (the PIN is per major incident; the
# contact center joins callers who type it), an optional external war-room link (default:
# the war-room page), and how often stakeholders must hear from us, in minutes by priority.
MAJOR_INCIDENT_BRIDGE_NUMBER = env_str("MAJOR_INCIDENT_BRIDGE_NUMBER", "+15555550100")
MAJOR_INCIDENT_WAR_ROOM_URL = env_str("MAJOR_INCIDENT_WAR_ROOM_URL", "")
MAJOR_INCIDENT_UPDATE_CADENCE = {
    int(priority): int(minutes)
    for priority, minutes in (item.split(":") for item in env_list(
        "MAJOR_INCIDENT_UPDATE_CADENCE", ["1:30", "2:60", "3:120", "4:240", "5:480"]))
}
# Problems: a cluster of at least N incidents on the same service and CI within M days, not
# linked to a problem, is proposed as a problem; an incident like a problem resolved within
# the last D days flags that problem for review.
PROBLEM_TREND_MIN_INCIDENTS = env_int("PROBLEM_TREND_MIN_INCIDENTS", 5)
PROBLEM_TREND_DAYS = env_int("PROBLEM_TREND_DAYS", 7)
PROBLEM_RECURRENCE_DAYS = env_int("PROBLEM_RECURRENCE_DAYS", 30)
# Partitioned append-only tables (PostgreSQL; docs/operations.md): monthly partitions made this
# many months ahead, and how many whole months of each table are kept (0 keeps everything).
# Status page subscriber notices: how long a worker's claim on a batch holds before another
# worker takes it over (keep it below the broker's visibility timeout).
STATUSPAGE_NOTICE_LEASE_SECONDS = env_int("STATUSPAGE_NOTICE_LEASE_SECONDS", 300)
PARTITIONS_AHEAD_MONTHS = env_int("PARTITIONS_AHEAD_MONTHS", 3)
SLA_EVENT_RETENTION_MONTHS = env_int("SLA_EVENT_RETENTION_MONTHS", 25)
DELIVERY_RETENTION_MONTHS = env_int("DELIVERY_RETENTION_MONTHS", 13)
ALERT_RETENTION_MONTHS = env_int("ALERT_RETENTION_MONTHS", 13)
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
ATTACHMENT_CONTENT_TYPES = env_list("ATTACHMENT_CONTENT_TYPES", [
    "image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain", "text/csv", "application/zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "message/rfc822",
])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, **_quiet_loggers},
}
