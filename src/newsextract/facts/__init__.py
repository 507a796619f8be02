"""Extractors: pure functions ``(doc, *, options) -> list[record]`` over a processed Doc."""
