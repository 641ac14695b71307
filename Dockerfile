# The platform itself (web and workers). The sandbox image that runs student code is runner/image/.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -r requirements.txt
COPY . .
RUN DEBUG=1 python manage.py collectstatic --noinput -v0
RUN useradd --uid 1000 --create-home app
USER app
EXPOSE 8000
# gthread workers: live-output streams (server-sent events) hold a thread each while a submission runs.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "gthread", "--threads", "16"]
