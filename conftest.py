import os

# Tests run with development defaults unless the environment says otherwise (CI sets DATABASE_URL, REDIS_URL).
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
os.environ.setdefault("SUBMISSION_RATE", "1000/min")
