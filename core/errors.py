"""Domain errors raised by services, whichever door the request came through. The API's
exception handler turns them into 409s; the pages show them as messages."""


class DomainError(Exception):
    pass


class InvalidTransitionError(DomainError):
    """The action is not allowed from the record's current state (or its guard refused)."""

    def __init__(self, message: str, status: str):
        super().__init__(message)
        self.status = status


class ConflictError(DomainError):
    """Someone else changed the record first."""

    def __init__(self, message: str, status: str | None = None):
        super().__init__(message)
        self.status = status
