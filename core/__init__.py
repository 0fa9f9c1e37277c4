"""The shared toolbox every app may use; it imports no feature app (ARCHITECTURE.md)."""
