"""The managers' pages under ``/dashboards/``, one module per screen family like the API beside
them: :mod:`.dashboard` (the KPI dashboard, from the rollups) and :mod:`.floor` (the live
wallboard and the staffing plan). ``kpis.urls`` routes to both; no other app imports them."""
