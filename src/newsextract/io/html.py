"""HTML pages to article text with trafilatura (offline: no URL is ever fetched).

The main text keeps the page's structure: every heading, paragraph, list item
and quotation becomes its own block, blocks separated by a blank line, so the
plain-text rules (title, headings, entities never crossing a block) apply
unchanged. ``title`` comes from the page, ``published`` from its metadata
(htmldate, through trafilatura: meta tags, JSON-LD, ``<time>``, the URL; never
the article's own text, where dates are events, not publication) and ``url``
from the canonical link.
"""
from __future__ import annotations

import logging
import re

from ..errors import InputError
from .inputs import ArticleInput

# trafilatura's own element names for blocks in its XML-like body tree
_BLOCK_TAGS = {"head", "p", "quote", "item", "code"}
_CONTAINER_TAGS = {"list", "div", "main", "body", "doc", "table", "row", "cell"}
MIN_BLOCK_WORDS = 8
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# htmldate: only the page's metadata, not dates mentioned in the article text
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

# trafilatura and htmldate log through the standard library; keep stderr for our lines
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def html_to_input(item: ArticleInput) -> None:
    """Fill ``item.text`` (and title, published, url where missing) from ``item.html``."""
    import trafilatura

    page, truncated = _parse_page(item.html)
    if truncated:
        item.warnings.append(f"{item.source}: the page nests its tags too deeply (over {_MAX_DEPTH} levels); "
                             "the text after that point was not read")
    result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True,
                                         date_extraction_params=dict(_DATE_PARAMS))
    text = page_text(result.body) if result is not None and result.body is not None else ""
    if not text.strip() and result is not None:
        text = result.text or ""
    if not has_prose(text):
        raise InputError("no_article", f"{item.source}: no article text found in the page")
    item.text = text
    item.title = item.title or _clean(result.title)
    item.url = item.url or _clean(result.url)
    if item.published is None and result.date:
        from .dateutil import normalize_published

        item.published = normalize_published(result.date)
    if item.published is None:
        item.published = item.fallback_published
    item.html = None


_MAX_DEPTH = 256  # libxml2's limit on nested elements: the parser stops reading there


def _parse_page(html: str):
    """``(tree, truncated)``: the page parsed as trafilatura parses it, without its
    ``<base href>`` (it names where relative links point, not the article's address:
    ``url`` comes from the canonical link only); ``truncated`` when the parser
    stopped at its nesting limit. The string itself when it cannot be parsed here
    (trafilatura then reports it as it always has)."""
    from trafilatura.utils import HTML_PARSER, load_html

    try:
        tree = load_html(html)
    except Exception:  # trafilatura gets the page as it was and decides
        return html, False
    if tree is None:
        return html, False
    truncated = any("Excessive depth" in entry.message for entry in HTML_PARSER.error_log)
    for base in tree.iter("base"):
        base.drop_tree()
    return tree, truncated


def has_prose(text: str) -> bool:
    """An article has at least one block of sentence length; a page whose main
    text is only menu words ("Home", "Log in") has none."""
    return any(len(block.split()) >= MIN_BLOCK_WORDS for block in text.split("\n\n"))


def page_text(body) -> str:
    """The blocks of trafilatura's body tree, one per line, blank lines between."""
    blocks: list[str] = []

    def visit(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BLOCK_TAGS:
            block = _block_text(element)
            if block:
                blocks.append(block)
            return
        if tag in _CONTAINER_TAGS or tag == "":
            for child in element:
                visit(child)
        else:  # inline element outside a block: keep its text as a block of its own
            block = _block_text(element)
            if block:
                blocks.append(block)

    visit(body)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _block_text(element) -> str:
    """The text of one block; ``<lb/>`` (a ``<br>``) becomes a line break."""
    parts: list[str] = []

    def walk(el) -> None:
        if el.tag == "lb":
            parts.append("\n")
        elif el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None
