"""The KPI API, one package per kind of figure like the pages: :mod:`.rollup`
(``kpis/contact-center/`` and ``kpis/itsm/``, read from the rollup tables) and :mod:`.staffing`
(``kpis/staffing/``, the Erlang C calculator); ``kpis.api.urls`` routes to both."""
