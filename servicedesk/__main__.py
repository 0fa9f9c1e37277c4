"""Django's management commands for an installed copy: the ``servicedesk`` console script
(``servicedesk migrate``, ``servicedesk createsuperuser``…) and ``python -m servicedesk``.
``manage.py`` in a checkout runs the same function."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings.local")
    # Imported once the settings module is named, as manage.py does.
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if os.path.basename(argv[0]) == "__main__.py":
        argv[0] = "python -m servicedesk"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
