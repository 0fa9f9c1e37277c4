"""Helpers the browser test modules share (fixtures stay in ``conftest.py``)."""


def check_page_fits(page, name: str, path: str):
    """Open ``path``, save a screenshot as ``name`` and check that nothing scrolls sideways
    and no link, button or field of the top bar or the main area lies off screen."""
    page.get(path)
    page.screenshot(name)
    assert page.horizontal_overflow() == 0, f"{path} ({name}) scrolls sideways"
    viewport = page.js("return document.documentElement.clientWidth;")
    for el in page.find_all(".topbar a, .topbar button, main a, main button, main input, main select"):
        r = el.rect
        if r["width"] == 0:  # hidden
            continue
        assert r["x"] >= -0.5 and r["x"] + r["width"] <= viewport + 0.5, f"{el.text!r} on {path} ({name}) is off screen"
