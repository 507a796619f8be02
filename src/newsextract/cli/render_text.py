"""Text the renderers share (tables, CSV, HTML), kept apart so that they import it
one way: render and render_csv/render_html both read it, neither the other."""
from __future__ import annotations

from typing import Any


def role_text(roles: list[dict[str, Any]]) -> str:
    """"chief executive, Nissan; spokesman": each role with its organization."""
    return "; ".join(f"{r['title']}, {r['organization']}" if r.get("organization") else r["title"] for r in roles)
