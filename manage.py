#!/usr/bin/env python
"""Django's command-line utility for administrative tasks, in a checkout. An installed copy
has the same commands as the ``servicedesk`` console script (servicedesk/__main__.py)."""

from servicedesk.__main__ import main

if __name__ == "__main__":
    main()
