"""Reference data of the changes app: the default category matrix (risk × impact). A data
migration creates it; nothing here overwrites what an admin changed."""


def ensure_defaults(matrix_model=None) -> None:
    from .services import DEFAULT_CATEGORY_MATRIX

    if matrix_model is None:
        from .models import CategoryMatrix as matrix_model
    for impact, row in DEFAULT_CATEGORY_MATRIX.items():
        for risk, category in row.items():
            matrix_model.objects.get_or_create(risk=risk, impact=impact, defaults={"category": category})
