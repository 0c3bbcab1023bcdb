"""HTML to text (kg.sources.html_text): telling a page from prose, and keeping what a browser shows."""

from __future__ import annotations

import pytest
from sample_texts import HTML_PAGE

from kg.sources.html_text import html_to_text, looks_html

PROSE = "The envoys met on Monday and agreed to meet again in the spring, a spokesman said.\n"


@pytest.mark.parametrize(
    "head", ["<!DOCTYPE html>", "<!doctype HTML>", "<html lang='en'>", "<HEAD>", "<body class='x'>"]
)
def test_a_root_tag_near_the_start_makes_a_page(head: str) -> None:
    assert looks_html(head + PROSE)


def test_a_root_tag_deep_in_the_text_does_not() -> None:
    assert not looks_html(PROSE * 60 + "<html>")


def test_three_block_tags_make_a_page_two_do_not() -> None:
    assert looks_html("<p>One.</p> <p>Two.")
    assert looks_html(PROSE * 60 + "<div>One</div><br>")
    assert not looks_html(PROSE + "A reader wrote <p> twice: <p>.")
    assert not looks_html(PROSE + "Tags like <b>bold</b> and <i>italic</i> are not blocks.")


def test_block_elements_make_paragraphs_and_whitespace_collapses() -> None:
    page = "<div>First   line\n of text</div><h2>A heading</h2>Loose text<br/>after a break<li>An item</li>"
    assert html_to_text(page) == "First line of text\n\nA heading\n\nLoose text\n\nafter a break\n\nAn item"


def test_chrome_is_dropped_even_when_nested() -> None:
    page = (
        "<header><nav><a>Home</a></nav><span>Site name</span></header>"
        "<p>The talks went on.</p>"
        "<aside><form><button>Subscribe</button></form>Related</aside>"
        "<footer>Contact us</footer><p>They ended late.</p>"
    )
    assert html_to_text(page) == "The talks went on.\n\nThey ended late."


def test_a_void_break_inside_chrome_opens_nothing() -> None:
    assert html_to_text("<nav>Home<br/>World</nav><p>The talks went on.</p>") == "The talks went on."


def test_a_stray_closing_tag_does_not_hide_the_rest() -> None:
    assert html_to_text("</script><p>The talks went on.</p>") == "The talks went on."


def test_entities_are_unescaped() -> None:
    assert html_to_text("<p>Trade &amp; security &lt;and&gt; &#8220;climate&#8221;</p>") == (
        "Trade & security <and> \u201cclimate\u201d"
    )


def test_a_page_with_nothing_visible_is_empty() -> None:
    page = "<html><head><title>Site</title></head><body><script>x()</script></body></html>"
    assert html_to_text(page) == ""


def test_html_to_text_skips_chrome_and_keeps_blocks() -> None:
    text = html_to_text(HTML_PAGE)
    assert text.split("\n\n")[0] == "Talks resume in the capital"
    assert "alert" not in text and "Home" not in text and "Site" not in text
