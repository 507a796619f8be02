"""``newsextract_sports_teams``: a town followed by a score is a team.

In results and standings ("Atlanta 6 Chicago 5", "Durham 114 and 81-3",
"Wigan 4 3 1 0") a city or region named before a score stands for its club,
an organization. Countries keep their place reading: national teams are
written and searched for as the country.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..geo import lookup

SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
PLACE_LABELS = {"GPE", "LOC"}


class SportsTeams:
    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for k, ent in enumerate(ents):
            if ent.label_ not in PLACE_LABELS or ent.end >= len(doc) or not SCORE.match(doc[ent.end].text):
                continue
            entry = lookup(ent.text)
            if entry is not None and entry.kind in ("country", "continent"):
                continue
            ents[k] = Span(doc, ent.start, ent.end, label="ORG", span_id=ent.id_)
            changed = True
        if changed:
            doc.set_ents(ents)
        return doc


@Language.factory("newsextract_sports_teams", assigns=["doc.ents"], default_config={})
def make_sports_teams(nlp: Language, name: str) -> SportsTeams:
    return SportsTeams()
