"""The managers' pages' forms, split like the views: :mod:`.dashboard` (the period picker)
and :mod:`.floor` (the staffing day and the what-if calculator)."""
