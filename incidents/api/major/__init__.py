"""The major-incident API (``major-incidents/``, ``spike-rules/``, ``spike-alerts/``), split like
the incident API beside it: :mod:`.serializers` and the viewsets in :mod:`.views`."""
