"""careerpath settings: every deploy-specific value comes from the environment.

See the README for the table of variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=true for local development."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "formtools",
    "crispy_forms",
    "nested_admin",
    "simple_history",
    # Listed for its system check: it refuses a rate-limit cache that is not shared or not atomic.
    "django_ratelimit",
    "careerpath",
    "eligibility",
    "advising",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "careerpath.logs.RequestLogMiddleware",  # one line per request (static files not logged)
    "careerpath.outage.DatabaseUnavailableMiddleware",  # 503 + Retry-After, DB down
    "careerpath.content_security.ContentSecurityPolicyMiddleware",  # django-csp, see module
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "careerpath.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "careerpath.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Caches every web process shares live in the database, the one store.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "careerpath_cache",
    },
    # The rate limits' request counters: one or two statements a counted request.
    "ratelimit": {"BACKEND": "careerpath.counters.CounterCache"},
    # The advisor dashboard's numbers, for a minute, in each process (advising/numbers.py:
    # the organisation row read on every request says when they changed).
    "dashboard": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "dashboard",
    },
}
# A shared Redis instead of the database for rate-limit counters (no statement at all);
# sessions stay in the database.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "").strip()
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "DJANGO_CACHE_URL must be a Redis URL (redis://host:6379/0, rediss://…, unix://…)."
        )
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
    }
# How often a worker checks whether an editor changed the catalog in another process.
CATALOG_RECHECK_SECONDS = float(os.environ.get("DJANGO_CATALOG_RECHECK_SECONDS", "2"))
RATELIMIT_USE_CACHE = "default" if CACHE_URL else "ratelimit"
RATELIMIT_VIEW = "careerpath.views.rate_limited"
# django_ratelimit warns (W001) about every backend outside its short list (memcached and
# django-redis). Ours are shared and count atomically: CounterCache is one SQL statement per
# operation on the shared database, and Django's RedisCache increments atomically on the
# server. Its errors (a local-memory, file or database cache: E003) still run.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
RATELIMIT_ENABLE = env_bool("DJANGO_RATELIMIT_ENABLE", default=True)  # off only for benchmarks
# Addresses are per client as seen by the proxy in front (gunicorn behind one proxy): the
# header it sets (HTTP_X_REAL_IP), read by careerpath.client_address, which falls back to the
# connection's address when the header is missing or not an address (README, "Behind a proxy").
RATELIMIT_CLIENT_IP_META_KEY = os.environ.get("DJANGO_RATELIMIT_IP_META_KEY") or "REMOTE_ADDR"
RATELIMIT_IP_META_KEY = "careerpath.client_address.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Advisors
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "advisor_dashboard"
LOGOUT_REDIRECT_URL = "home"
INVITATION_DAYS = int(os.environ.get("CAREERPATH_INVITATION_DAYS", "14"))

# The job queue (README, "The job queue"): after a catalog change the advisors' summaries are
# recomputed by Celery workers (`celery -A careerpath worker`) fed through RabbitMQ.
# CAREERPATH_RECOMPUTE: "queue" sends the work to the broker (production, compose); "inline"
# runs it in the process that changed the catalog, at commit (Celery's eager mode: `make run`
# and the tests need no broker or worker); "off" runs nothing until
# `manage.py recompute_summaries`. Default: "inline" with DEBUG, else "queue".
CAREERPATH_RECOMPUTE = os.environ.get("CAREERPATH_RECOMPUTE", "inline" if DEBUG else "queue")
if CAREERPATH_RECOMPUTE not in ("queue", "inline", "off"):
    raise ImproperlyConfigured("CAREERPATH_RECOMPUTE must be queue, inline or off.")
CAREERPATH_RECOMPUTE_CHUNK = int(os.environ.get("CAREERPATH_RECOMPUTE_CHUNK", "1000"))  # clients
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
# The queue, declared durable by Celery, and persistent messages: a queued pass survives a
# broker restart. Its name can change so that sites (or a benchmark) can share one broker.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CAREERPATH_QUEUE", "careerpath")
CELERY_TASK_DEFAULT_DELIVERY_MODE = "persistent"
CELERY_TASK_ACKS_LATE = True  # acknowledged once done: a worker killed mid-chunk loses nothing
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # ... its chunk goes back on the queue
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # a worker holds one chunk at a time; the rest wait
CELERY_TASK_IGNORE_RESULT = True  # no result backend: the pass's outcome is a Recomputation
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the worker logs through LOGGING, like the site

# Password-reset mail: printed to the console in development, sent by SMTP otherwise.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "careerpath <noreply@localhost>")


# Production hardening; all on unless DEBUG. HTTPS is terminated in front of the app.
# The header a TLS-terminating proxy sets (and strips from clients), e.g.
# "HTTP_X_FORWARDED_PROTO,https"; leave unset when nothing in front sets it.
_proxy_ssl_header = env_list("DJANGO_SECURE_PROXY_SSL_HEADER")
if _proxy_ssl_header and len(_proxy_ssl_header) != 2:
    raise ImproperlyConfigured("DJANGO_SECURE_PROXY_SSL_HEADER must be 'HTTP_HEADER_NAME,value'.")
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if _proxy_ssl_header else None
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# The container healthcheck asks over plain HTTP from inside; everything else is redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp): scripts and styles only from our own static files;
# no inline script, style or javascript: URL anywhere, in debug too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Logs name routes, never paths (tokens), queries or bodies (names): careerpath/logs.py.
    "filters": {"hide_paths": {"()": "careerpath.logs.HidePaths"}},
    "formatters": {
        "json": {"()": "careerpath.logs.JsonFormatter"},  # one JSON object per line
        "plain": {"()": "careerpath.logs.PlainFormatter"},  # readable, for development
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "").strip().lower()
            or ("plain" if DEBUG else "json"),
            "filters": ["hide_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (console in debug, mail_admins) would print paths and whole
        # requests unfiltered: its records go to the console handler above instead.
        "django": {"handlers": []},
        "django.request": {"filters": ["hide_paths"]},
        # runserver's access line prints the raw path; the request line replaces it.
        "django.server": {"handlers": [], "propagate": False, "level": "CRITICAL"},
    },
}

# crispy-forms renders every site form through the project's own template pack
# (eligibility/templates/careerpath/): the site's CSS and accessible markup, no Bootstrap pack.
CRISPY_TEMPLATE_PACK = "careerpath"
CRISPY_ALLOWED_TEMPLATE_PACKS = ("careerpath",)
CRISPY_FAIL_SILENTLY = False
