"""Pieces the list pages' FilterSets share."""


class ShownFiltersMixin:
    """A FilterSet whose list page shows the filters named in ``SHOWN`` in its panel (the
    others still work from the address bar), and counts how many of those are in use."""

    SHOWN: tuple = ()
    #: count every filter in use, also those typed in the address bar, not only the shown ones
    COUNT_ALL_FILTERS = False

    @property
    def shown_fields(self):
        return [self.form[name] for name in self.SHOWN]

    @property
    def active_count(self) -> int:
        if not hasattr(self.data, "getlist"):  # no parameters at all
            return 0
        names = self.filters if self.COUNT_ALL_FILTERS else self.SHOWN
        return sum(1 for name in names if any(v not in ("", None) for v in self.data.getlist(name)))
