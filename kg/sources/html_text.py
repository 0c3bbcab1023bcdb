"""HTML to text: the visible text of a scraped page, one paragraph per block.

A scraper sometimes saves the page instead of its text. :func:`looks_html` tells such a
page from prose (an ``<html>``, ``<head>``, ``<body>`` or doctype tag near the start, or
at least three block tags), and :func:`html_to_text` keeps what a browser would show of
the article: scripts, styles and page chrome (navigation, header, footer, forms) are
dropped, entities unescaped, and each block element ends a paragraph.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_html"]

_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|span|a|li|ul|ol|h[1-6]|article|section|table|tr|td|img)\b[^>]*>", re.I
)
_MIN_HTML_TAGS = 3


def looks_html(text: str) -> bool:
    """Whether a text is an HTML page rather than prose.

    Parameters
    ----------
    text:
        The decoded text (only its first 64 KiB characters are looked at).

    Returns
    -------
    bool
        ``True`` for a page: a root or doctype tag in the first 4,096 characters, or
        at least three block tags (``<p>``, ``<div>``, ``<br>``...).

    Examples
    --------
    >>> looks_html("<!DOCTYPE html><title>Talks</title>"), looks_html("Talks <b>resumed</b> on Monday.")
    (True, False)
    """
    head = text[:4096]
    if _HTML_ROOT.search(head):
        return True
    return len(_HTML_BLOCK.findall(text, 0, 65_536)) >= _MIN_HTML_TAGS


class _VisibleText(HTMLParser):
    """Collect the text a browser would show, one line per block element."""

    # Page chrome and code, not article text.
    SKIP = frozenset(
        {
            "script",
            "style",
            "nav",
            "header",
            "footer",
            "aside",
            "noscript",
            "template",
            "svg",
            "form",
            "iframe",
            "head",
            "button",
            "select",
            "object",
            "canvas",
            "menu",
            "dialog",
        }
    )
    BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "blockquote",
            "pre",
            "hr",
            "figure",
            "figcaption",
            "dd",
            "dt",
            "dl",
            "main",
            "address",
            "caption",
            "details",
            "summary",
            "title",
            "body",
            "html",
            "td",
            "th",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and friends: a void element never opens a skipped region.
        if tag in self.BLOCK and not self.skipping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: one paragraph per block, blank lines between.

    Scripts, styles and page chrome (``nav``, ``header``, ``footer``, ``aside``,
    forms) are dropped; entities are unescaped.

    Parameters
    ----------
    html:
        The page source.

    Returns
    -------
    str
        Paragraphs separated by a blank line.

    Examples
    --------
    >>> html_to_text("<html><script>x()</script><p>Talks&nbsp;began.</p><p>They ended &amp; left.</p></html>")
    'Talks began.\\n\\nThey ended & left.'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
