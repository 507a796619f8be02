"""``newsextract_commitments``: commitment clauses found over the dependency parse."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMMITMENTS_KEY = "commitments"


class CommitmentsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[COMMITMENTS_KEY] = []
        return doc


@Language.factory("newsextract_commitments", assigns=["doc.spans"], default_config={})
def make_commitments(nlp: Language, name: str) -> CommitmentsComponent:
    return CommitmentsComponent()
