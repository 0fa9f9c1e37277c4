"""Bodies as the monitoring systems' own documentation shows them (loaded by the tests)."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(name: str) -> dict:
    return json.loads((HERE / name).read_text())
