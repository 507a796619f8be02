"""HTML pages to article text with trafilatura (offline: no URL is ever fetched)."""
from __future__ import annotations

from .errors import InputError
from .inputs import ArticleInput


def html_to_input(item: ArticleInput) -> None:
    """Fill ``item.text`` (and title, published, url where missing) from ``item.html``."""
    import trafilatura

    result = trafilatura.bare_extraction(item.html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        raise InputError("no_article", f"{item.source}: no article text found in the page")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no_article", f"{item.source}: no article text found in the page")
    item.text = text
    item.title = item.title or data.get("title")
    item.url = item.url or data.get("url")
    if item.published is None and data.get("date"):
        from .dateutil import normalize_published

        item.published = normalize_published(data["date"])
    item.html = None
