"""``newsextract_headlines``: the lines whose capitals say nothing about names.

Writes ``doc.spans["headline_case"]`` (``entity_spans.HEADLINE_KEY``): the blocks
of ``doc.spans["blocks"]`` written in ALL CAPS, and the Title Case headings whose
content words are largely everyday words ("Canada's Evolving Role in the
Conflict"), unlike a list of names ("4. Marco Lietti (Italy) MG-Technogym")
(``entity_spans.is_headline_case``). It runs after ``newsextract_entity_rules``
and before the entity components that read those lines (``person_titles``,
``person_names``, ``places_gazetteer``, ``entity_consistency``), and the facts
read them too (``extractors/evidence``). spaCy's ``assigns`` can name
``doc.spans`` but not one of its keys: this component's ``doc.spans`` is that key.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import lexicon
from .carried import Carried
from .entity_spans import everyday_words, mark_headline_lines


class Headlines(Carried):
    """Data (``initialize``, kept by ``to_disk``): the given names and the gazetteer,
    which are taken out of the everyday words (the pipeline's own lemmatizer tables,
    read again when the data arrive): "Rose" and "Reading" say nothing about a line."""

    uses_geo = True

    def __init__(self, nlp: Language, name: str, *, everyday_share: float = 0.25) -> None:
        self.nlp, self.name = nlp, name
        self.everyday_share = everyday_share

    def gather(self) -> dict:
        return {"first_names": lexicon.first_names()}

    def build(self, data: dict) -> None:
        words = everyday_words(self.nlp, frozenset(data["first_names"]), self.geo)
        self.non_nouns = words[1] if words is not None else None

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        mark_headline_lines(doc, self.non_nouns, self.everyday_share)
        return doc


@Language.factory("newsextract_headlines", assigns=["doc.spans"], requires=["doc.spans"],
                  default_config={"everyday_share": 0.25})
def make_headlines(nlp: Language, name: str, everyday_share: float) -> Headlines:
    """``everyday_share``: the share of a Title Case heading's content words that must
    be everyday words for its capitals to say nothing about names."""
    return Headlines(nlp, name, everyday_share=everyday_share)
