"""Helpers the browser test modules share (fixtures stay in ``conftest.py``)."""

#: What check_page_fits looks at: every link, button and field of the top bar and main area.
CONTROLS = ".topbar a, .topbar button, main a, main button, main input, main select"

# The controls that lie off screen, found in the page in one call: the element rectangles
# WebDriver's "Get Element Rect" answers (getBoundingClientRect, page-relative), read without
# a round trip per element (a page has a few hundred controls; each trip cost ~5 ms).
_OFF_SCREEN = """
const viewport = document.documentElement.clientWidth;
return [...document.querySelectorAll(arguments[0])].flatMap(el => {
  const r = el.getBoundingClientRect(), x = r.left + window.scrollX;
  if (r.width === 0 || (x >= -0.5 && x + r.width <= viewport + 0.5)) return [];  // hidden, or on screen
  return [(el.innerText || el.value || el.outerHTML).trim().slice(0, 120)];
});
"""


def check_page_fits(page, name: str, path: str):
    """Open ``path``, save a screenshot as ``name`` and check that nothing scrolls sideways
    and no link, button or field of the top bar or the main area lies off screen."""
    page.get(path)
    page.screenshot(name)
    assert page.horizontal_overflow() == 0, f"{path} ({name}) scrolls sideways"
    off_screen = page.js(_OFF_SCREEN, CONTROLS)
    assert not off_screen, f"{off_screen} on {path} ({name}) off screen"
