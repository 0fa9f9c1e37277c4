"""The topology tests (issue 23): the production topology as real processes on the loopback
(the ``topology`` marker is registered in pyproject.toml)."""
