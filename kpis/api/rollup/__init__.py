"""``kpis/contact-center/`` and ``kpis/itsm/``: the query and response shapes in
:mod:`.serializers`, the views (and the CSV renderer) in :mod:`.views`."""
