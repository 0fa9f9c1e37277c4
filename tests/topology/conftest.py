"""The topology tests (issue 23): the production topology as real processes on the loopback."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "topology: starts the production topology (PgBouncer, gunicorn ×2, Celery workers on "
        "separate queues, Redis) as real processes; bounded to a minute")
