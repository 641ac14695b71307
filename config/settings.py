"""The one settings module. Everything that differs between machines comes from the environment."""
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-secret-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "frontend",  # first, so its registration/ templates (password reset, logged out) win over the admin's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_prometheus",
    "courses",
    "runner",
    "studio",
    "lti_tool",
    "lti",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "runner.middleware.ProbeMiddleware",  # before host validation and the HTTPS redirect: probes come by IP
    "django.middleware.security.SecurityMiddleware",
    "frontend.middleware.RequestSizeLimitMiddleware",
    "frontend.middleware.ApiNotFoundMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "frontend.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lti.middleware.FrameAncestorsMiddleware",  # before (so after, on the way out) the X-Frame-Options it replaces
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontend.context_processors.platform",
                "studio.context_processors.authoring",
            ],
        },
    },
]

# Persistent connections are checked before each request or task reuses them, so a database that restarted
# costs one reconnect, not a failed request.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests share the SQLite file with a real worker process, so the test database is a file too.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Madrid")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "PyTorch desde cero <no-reply@localhost>")

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    if SESSION_COOKIE_SECURE:
        # Pages opened from an LMS live in its iframe, a cross-site context: browsers send only SameSite=None
        # cookies there, and only Secure ones may say so.
        SESSION_COOKIE_SAMESITE = "None"
        CSRF_COOKIE_SAMESITE = "None"
    # HTTPS is on by default in production; TLS ends at a reverse proxy, which says so in X-Forwarded-Proto.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    if env_bool("TLS_PROXY_HEADER", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list is hard to undo: an operator opts in deliberately, so its absence
        # is a choice, not an oversight for `check --deploy` to report.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Probes and Prometheus talk plain HTTP inside the deployment's own network.
SECURE_REDIRECT_EXEMPT = [r"^metrics$"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a request without credentials gets 401 with a WWW-Authenticate challenge.
        "courses.api.auth.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "courses.api.common.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["courses.api.common.ApiThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "api": env_str("API_RATE", "600/min"),  # per personal token, else per user (else per client address)
        "submissions": env_str("SUBMISSION_RATE", "30/min"),
        "signup": env_str("SIGNUP_RATE", "10/hour"),  # per client address
    },
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PyTorch desde cero API",
    "DESCRIPTION": "La API de la plataforma: contenido del curso, práctica, progreso, grupos y envíos de código. "
                   "Autenticación con la sesión del navegador o con una clave personal "
                   "(`Authorization: Bearer <clave>`), que se crea en /cuenta/claves/.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"VerdictEnum": "courses.verdicts.Verdict.choices",
                            "SubmissionStatusEnum": "runner.models.Status.choices"},
}

REDIS_URL = env_str("REDIS_URL")
# Rate limits live in the cache, so with Redis they hold across every web process and host.
# A Redis that is down or restarting turns cache reads into misses instead of failing the request: rate limits
# then hold back nobody for those seconds, and submissions are still accepted (the sweeper queues them later).
CACHES = {
    "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL,
                "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2}}
    if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Bodies are capped before anything parses them: 64 KiB of code, JSON-escaped, fits with room to spare.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 512 * 1024, minimum=256 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES

# --- Content ---
CONTENT_DIR = Path(env_str("CONTENT_DIR", str(BASE_DIR / "content")))

# --- Queue (every Celery setting lives here; config/celery.py only loads them) ---
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 900, minimum=60)}
    if REDIS_URL
    else {  # the embedded broker keeps all of its state under the runtime folder
        "data_folder_in": str(VAR_DIR / "broker"),
        "data_folder_out": str(VAR_DIR / "broker"),
        "control_folder": str(VAR_DIR / "broker-control"),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "store_processed": False,
    }
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "cpu"
# The sandbox enforces each job's wall clock itself; these only catch a worker that hangs around it.
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# The sweeper re-queues submissions whose message was lost (a broker restart, a failed publish) once they have
# waited SUBMISSION_QUEUED_GRACE_SECONDS, and those whose worker died once their lease lapsed.
SWEEP_INTERVAL_SECONDS = env_int("SWEEP_INTERVAL_SECONDS", 30, minimum=1)
SUBMISSION_QUEUED_GRACE_SECONDS = env_int("SUBMISSION_QUEUED_GRACE_SECONDS", 120, minimum=2)
# Grade passback to LMSs is light network work: its own queue, consumed by the CPU workers (-Q cpu,lti).
CELERY_TASK_ROUTES = {"lti.tasks.*": {"queue": "lti"}}
CELERY_BEAT_SCHEDULE = {
    "sweep-submissions": {"task": "runner.tasks.sweep", "schedule": float(SWEEP_INTERVAL_SECONDS),
                          "options": {"queue": "cpu"}},
}

# --- Sandbox ---
SANDBOX_BACKEND = env_choice("SANDBOX_BACKEND", "docker", ["docker", "local"])
if SANDBOX_BACKEND == "local" and not DEBUG:
    raise ImproperlyConfigured(
        "SANDBOX_BACKEND=local runs student code without isolation and is refused when DEBUG is off"
    )
SANDBOX_IMAGE = env_str("SANDBOX_IMAGE", "pytorch-sandbox:latest")
SANDBOX_GPU_IMAGE = env_str("SANDBOX_GPU_IMAGE", "pytorch-sandbox-gpu:latest")
SANDBOX_CPUS = env_float("SANDBOX_CPUS", 1.0)
SANDBOX_MEMORY_MB = env_int("SANDBOX_MEMORY_MB", 1024, minimum=256)
SANDBOX_PIDS_LIMIT = env_int("SANDBOX_PIDS_LIMIT", 128, minimum=32)
SANDBOX_TMPFS_MB = env_int("SANDBOX_TMPFS_MB", 64, minimum=8)
SANDBOX_TIME_LIMIT = env_int("SANDBOX_TIME_LIMIT", 20, minimum=1)
SANDBOX_STARTUP_SECONDS = env_int("SANDBOX_STARTUP_SECONDS", 30, minimum=5)
# Waiting submissions per queue beyond which new ones are refused with "busy, try again" (HTTP 503): a class
# that floods the queue gets an honest answer at once instead of a verdict many minutes later.
SUBMISSION_QUEUE_CAP = env_int("SUBMISSION_QUEUE_CAP", 1000, minimum=1)
SANDBOX_MAX_ATTEMPTS = env_int("SANDBOX_MAX_ATTEMPTS", 3, minimum=1)
# Warm pools: per worker process and device, containers ready for one job each (0 turns them off).
SANDBOX_POOL_SIZE = env_int("SANDBOX_POOL_SIZE", 3, minimum=0)
SANDBOX_POOL_DEVICES = env_list("SANDBOX_POOL_DEVICES", ["cpu"])
SANDBOX_POOL_MEMORY_MB = env_int("SANDBOX_POOL_MEMORY_MB", 4096, minimum=0)
# Containers a pool starts at once: one per core lets a busy worker process refill as fast as the machine allows.
SANDBOX_POOL_PARALLEL_STARTS = env_int("SANDBOX_POOL_PARALLEL_STARTS", 2, minimum=1)
# Idle containers are replaced after this many seconds; kept well under the reaper's 600 s age rule.
SANDBOX_POOL_MAX_IDLE = env_int("SANDBOX_POOL_MAX_IDLE", 180, minimum=10)
if SANDBOX_POOL_MAX_IDLE > 300:
    raise ImproperlyConfigured("SANDBOX_POOL_MAX_IDLE must be at most 300 (seconds)")
# An OCI runtime for every sandbox, e.g. runsc (gVisor) for a second wall around student code.
SANDBOX_RUNTIME = env_str("SANDBOX_RUNTIME", "")
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-password")

# --- LTI 1.3 (pages opened from Moodle, Canvas, ...) ---
# Origins allowed to frame the pages besides the registered platforms' own (e.g. a Canvas school's domain,
# which differs from its issuer): comma-separated, like https://campus.example.edu
LTI_FRAME_ORIGINS = env_list("LTI_FRAME_ORIGINS", [])
# Seconds the tool waits for an LMS (key sets, tokens, grades, rosters) before giving up (a grade post retries).
LTI_HTTP_TIMEOUT = env_int("LTI_HTTP_TIMEOUT", 10, minimum=1)

# JSON lines in production (one object per line, with `submission_id` on the runner's lines), text in development.
LOG_FORMAT = env_choice("LOG_FORMAT", "text" if DEBUG else "json", ["json", "text"])
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"submission": {"()": "runner.logs.SubmissionIdFilter"}},
    "formatters": {"json": {"()": "config.logs.JsonFormatter"},
                   "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["submission"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
