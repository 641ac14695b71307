# The platform itself (web and workers). The sandbox image that runs student code is runner/image/.
# BASE is python:3.11-slim from a registry by default; without a registry, scripts/build_app_image.sh makes a local
# base that already holds every requirement (APP_BUILD=offline) and passes it here, so pip never runs in the build.
ARG BASE=python:3.11-slim
FROM ${BASE}
# gunicorn binds 0.0.0.0:$PORT when no --bind is given.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=8000
WORKDIR /app
COPY requirements.txt scripts/requirements_met.py /tmp/requirements/
RUN if python3 /tmp/requirements/requirements_met.py /tmp/requirements/requirements.txt; then \
        echo "every requirement is already in the base image"; \
    else \
        python3 -m pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu \
            -r /tmp/requirements/requirements.txt; \
    fi \
    && rm -rf /tmp/requirements
COPY . .
# Collected as production serves them (hashed names and a manifest); the key only lets the settings load.
RUN SECRET_KEY=collectstatic-only python3 manage.py collectstatic --noinput -v0
RUN useradd --uid 1000 --create-home app && mkdir -p /app/var && chown app /app/var
USER app
EXPOSE 8000
# gthread workers: live-output streams (server-sent events) hold a thread each while a submission runs.
# Modules, not console scripts: the offline base has no scripts on PATH.
CMD ["python3", "-m", "gunicorn", "config.wsgi", "--workers", "3", "--worker-class", "gthread", "--threads", "16"]
