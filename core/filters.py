"""Pieces the list pages' FilterSets share."""


class ShownFiltersMixin:
    """A FilterSet whose list page shows the filters named in ``SHOWN`` in its panel (the
    others still work from the address bar), and counts how many of those are in use."""

    SHOWN: tuple = ()

    @property
    def shown_fields(self):
        return [self.form[name] for name in self.SHOWN]

    @property
    def active_count(self) -> int:
        if not hasattr(self.data, "getlist"):  # no parameters at all
            return 0
        return sum(1 for name in self.SHOWN if any(v not in ("", None) for v in self.data.getlist(name)))
