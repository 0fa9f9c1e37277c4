"""Reference data of the changes app: the default category matrix (risk × impact). A data
migration creates it; nothing here overwrites what an admin changed."""

from .models import CategoryMatrix

#: risk × impact → category, used while an admin has not set a cell of ``CategoryMatrix``.
DEFAULT_CATEGORY_MATRIX = {
    1: {1: "significant", 2: "significant", 3: "major", 4: "major", 5: "major"},
    2: {1: "minor", 2: "minor", 3: "significant", 4: "significant", 5: "major"},
    3: {1: "minor", 2: "minor", 3: "minor", 4: "significant", 5: "significant"},
}


def ensure_defaults(matrix_model=None) -> None:
    """Create the missing cells; a data migration passes its historical model."""
    matrix_model = matrix_model or CategoryMatrix
    for impact, row in DEFAULT_CATEGORY_MATRIX.items():
        for risk, category in row.items():
            matrix_model.objects.get_or_create(risk=risk, impact=impact, defaults={"category": category})
