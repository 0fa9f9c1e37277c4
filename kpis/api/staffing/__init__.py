"""``kpis/staffing/``, the Erlang C calculator: its input and answer in :mod:`.serializers`,
the view in :mod:`.views`."""
