# One image for every tier: the web server (default command), the Celery worker and
# Celery beat (see docker-compose.yml for their commands). docs/operations.md explains it.
#
# The project is installed as a package (the wheel built in the first stage), not run from
# a source tree on the path: /app holds only the writable state (var/) and the collected
# static files. Management commands: `servicedesk <command>` (e.g. `servicedesk migrate`).

# --- Stage 1: build the wheel -------------------------------------------------------------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /src
# .dockerignore keeps var/, .venv/, .git/, build leftovers and local secrets out.
COPY . .
RUN pip wheel --no-deps --wheel-dir /wheels .

# --- Stage 2: the image -------------------------------------------------------------------
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=servicedesk.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles

# The servicedesk command and Celery fall back to the development settings when
# DJANGO_SETTINGS_MODULE is unset; the image sets the production settings for all of them.
# The package's templates, static files, migrations and translations are inside the installed
# package (site-packages); VAR_DIR and STATIC_ROOT put the state and the collected static
# files under /app instead of next to it.

RUN groupadd --system --gid 10001 servicedesk \
    && useradd --system --uid 10001 --gid servicedesk --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin servicedesk

WORKDIR /app

# Dependencies first, in their own layer, so a code change does not reinstall them.
COPY pyproject.toml /tmp/pyproject.toml
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/tmp/pyproject.toml', 'rb'))['project']['dependencies']))" \
       > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt /tmp/pyproject.toml

# The project itself: the wheel from the first stage (its dependencies are already there).
COPY --from=build /wheels/ /tmp/wheels/
RUN pip install /tmp/wheels/servicedesk-*.whl \
    && rm -rf /tmp/wheels

# Static files are collected at build time into STATIC_ROOT and served by WhiteNoise. The
# production settings refuse to load without SECRET_KEY, so this one step gets a throwaway key
# that exists only in this RUN's environment (it is not kept in the image's ENV).
RUN SECRET_KEY=collectstatic-only-build-key-not-used-at-runtime \
    servicedesk collectstatic --noinput

# The installed code and the static files stay owned by root (read-only for the service
# user); only var/ is writable: Celery beat's schedule file (var/celery/beat-schedule) and
# MEDIA_ROOT (var/media).
RUN mkdir -p /app/var/celery /app/var/media /app/var/cache \
    && chown -R servicedesk:servicedesk /app/var

USER 10001:10001

EXPOSE 8000

CMD ["gunicorn", "servicedesk.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
