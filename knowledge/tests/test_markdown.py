"""Article bodies are rendered from Markdown and sanitised: whatever is written, readers get
no scripts, frames, styles, event handlers or javascript: links."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString

from knowledge.markdown import render_markdown, validate_body


def test_markdown_renders_headings_lists_tables_and_links():
    html = render_markdown("# Reset\n\n1. Open **Settings**\n2. Choose *Password*\n\n"
                           "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                           "[Help](https://example.com/help) and [mail](mailto:desk@example.com) and "
                           "[page](/help/KB000001/)")
    assert isinstance(html, SafeString)
    assert "<h1>Reset</h1>" in html and "<ol>" in html and "<strong>Settings</strong>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert '<a href="https://example.com/help" rel="noopener noreferrer">Help</a>' in html
    assert 'href="mailto:desk@example.com"' in html and 'href="/help/KB000001/"' in html


@pytest.mark.parametrize("body", [
    "<script>alert(1)</script>",
    "Text <script>alert(1)</script> more",
    "```\nfine\n```\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
])
def test_scripts_are_removed(body):
    html = render_markdown(body).lower()
    assert "<script" not in html and "alert(1)</" not in html


def test_iframes_objects_and_styles_are_removed():
    html = render_markdown('<iframe src="https://evil.example"></iframe><object data="x"></object>'
                           '<embed src="x"><style>body{display:none}</style>\n\nok').lower()
    assert "<iframe" not in html and "<object" not in html and "<embed" not in html
    assert "<style" not in html and "display:none" not in html and "ok" in html


@pytest.mark.parametrize("body", [
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>',
])
def test_javascript_and_other_schemes_are_not_links(body):
    html = render_markdown(body).lower()
    assert "href=\"javascript" not in html and "href=\"vbscript" not in html and "href=\"data:" not in html


def test_event_handlers_and_style_attributes_are_removed():
    html = render_markdown('<p onclick="steal()" style="color:red" class="x">Hi</p>\n\n'
                           '<img src="/media/knowledge/a.png" onerror="steal()">').lower()
    assert "onclick" not in html and "onerror" not in html and "style=" not in html and "steal" not in html
    assert "<p>hi</p>" in html


def test_images_only_from_this_site():
    html = render_markdown("![ours](/media/knowledge/2026/12/a.png) ![theirs](https://tracker.example/p.gif) "
                           "![inline](data:image/png;base64,AAAA) ![proto](//tracker.example/p.gif)")
    assert 'src="/media/knowledge/2026/12/a.png"' in html
    assert "tracker.example" not in html and "data:" not in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == "" and render_markdown(None) == ""


def test_validate_body_refuses_empty_and_too_long(settings):
    settings.KNOWLEDGE_BODY_MAX_CHARS = 10
    for bad in ("", "   \n", "x" * 11, "a\x00b"):
        with pytest.raises(ValidationError) as caught:
            validate_body(bad)
        assert "body" in caught.value.message_dict
    assert validate_body("x" * 10) == "x" * 10
