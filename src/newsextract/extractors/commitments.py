"""Commitments: who committed to what, by when."""
from __future__ import annotations

from spacy.tokens import Doc

from ..article import Commitment, DateExpr, Organization, Person, Place


def extract_commitments(doc: Doc, *, people: list[Person], places: list[Place],
                        organizations: list[Organization], dates: list[DateExpr]) -> list[Commitment]:
    return []
