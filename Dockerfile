# One image for every tier: the web server (default command), the Celery worker and
# Celery beat (see docker-compose.yml for their commands). docs/operations.md explains it.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=servicedesk.settings.production \
    PYTHONPATH=/app

# manage.py and the Celery app fall back to the development settings when
# DJANGO_SETTINGS_MODULE is unset; the image sets the production settings for all of them.
# PYTHONPATH=/app: the settings find templates/, static/ and var/ next to the package
# (BASE_DIR is the folder above servicedesk/), and the wheel holds only the Python modules,
# so every process imports the project from the source tree in /app.

RUN groupadd --system --gid 10001 servicedesk \
    && useradd --system --uid 10001 --gid servicedesk --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin servicedesk

WORKDIR /app

# Dependencies first, in their own layer, so a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
       > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself (.dockerignore keeps var/, .venv/, .git/ and local secrets out).
COPY . .
RUN pip install . \
    && rm -rf build ./*.egg-info

# Static files are collected at build time and served by WhiteNoise. The production
# settings refuse to load without SECRET_KEY, so this one step gets a throwaway key that
# exists only in this RUN's environment (it is not kept in the image's ENV).
RUN SECRET_KEY=collectstatic-only-build-key-not-used-at-runtime \
    python manage.py collectstatic --noinput

# The code stays owned by root (read-only for the service user); only var/ is writable:
# Celery beat's schedule file (var/celery/beat-schedule) and MEDIA_ROOT (var/media).
RUN mkdir -p /app/var/celery /app/var/media /app/var/cache \
    && chown -R servicedesk:servicedesk /app/var

USER 10001:10001

EXPOSE 8000

CMD ["gunicorn", "servicedesk.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
