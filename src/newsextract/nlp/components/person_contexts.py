"""Places in a sentence that only a person's name fills, where the model saw an
organization or nothing (``PersonNames`` makes the names found here people):

- after a work's making verb and "by": "the comedy directed by Sofia Coppola",
  "a score composed by Arvo Lind"; after "starring": "starring Ewan Marsh";
- a tennis opponent: "beat Jelena Kostanic 6-7 (7-2) 6-4", "lost to Tomas Berg 6-3 6-2"
  (a win's verb, the name, then a set score);
- a name that a comma and a role follow, opening a sentence or a quote: "Parul Jain,
  deputy chief economist at Nomura, said".

A name here is two or three capitalized words (name particles between them:
"Piero della Francesco"), with nothing capitalized after it (a longer name, a
company's). Word lists: ``models/person_contexts.json``; the roles are those of
``titles.tsv`` and ``person_nouns.txt``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .entity_spans import capital_word
from .name_bounds import opens

SET_SCORE = re.compile(r"^(\d)-(\d)$")
MAX_WORDS = 3


class PersonContexts:
    def __init__(self, data: dict, *, roles: frozenset[str], particles: frozenset[str],
                 not_surnames: frozenset[str], company_cues: frozenset[str]) -> None:
        self.made_by = frozenset(data["made_by"])
        self.starring = frozenset(data["starring"])
        self.beat = frozenset(data["beat_verbs"])
        self.openers = frozenset(data["appositive_openers"])
        self.roles = roles
        self.particles = particles
        self.not_surnames = not_surnames
        self.company_cues = company_cues

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, why) of each name found: ``made-by``, ``opponent`` or ``appositive``."""
        out = []
        for token in doc:
            low = token.lower_
            if low == "by" and token.i > 0 and doc[token.i - 1].lower_ in self.made_by \
                    or low in self.starring and token.i + 1 < len(doc):
                end = self.name_end(doc, token.i + 1)
                if end is not None:
                    out.append((token.i + 1, end, "made-by"))
            elif low in self.beat:
                end = self.name_end(doc, token.i + 1)
                if end is not None and _set_score(doc, end):
                    out.append((token.i + 1, end, "opponent"))
            elif capital_word(token) and opens(doc, token.i):
                end = self.name_end(doc, token.i)
                if end is not None and self._role_after(doc, end):
                    out.append((token.i, end, "appositive"))
        return out

    def name_end(self, doc: Doc, begin: int) -> int | None:
        """The end of the name of two or three words starting at ``begin``, or None."""
        end, words = begin, 0
        while end < len(doc) and words < MAX_WORDS:
            k = end
            while words and k < len(doc) and k - end < 2 and doc[k].text in self.particles:
                k += 1
            token = doc[k] if k < len(doc) else None
            if token is None or not capital_word(token) or token.is_stop or token.text in self.not_surnames:
                break
            end, words = k + 1, words + 1
        if words < 2:
            return None
        if end < len(doc) and (capital_word(doc[end]) or doc[end].text in self.company_cues):
            return None  # a longer name, or a company's ("Marsh Holdings Ltd")
        return end

    def _role_after(self, doc: Doc, end: int) -> bool:
        """", deputy chief economist at": a comma, then a role at most four words on."""
        if end >= len(doc) or doc[end].text != ",":
            return False
        for k in range(end + 1, min(end + 5, len(doc))):
            word = doc[k]
            if not word.is_lower:
                return False
            if word.lower_ in self.roles and k + 1 < len(doc) \
                    and doc[k + 1].lower_ in ("at", "of", "for", "with", ",", "in"):
                return True
            if word.lower_ not in self.openers and word.lower_ not in self.roles:
                return False
        return False


def _set_score(doc: Doc, i: int) -> bool:
    """A tennis set starts at ``doc[i]``: "6-4", "7-6", "3-6" (one side won six or seven games),
    one token or three."""
    text = doc[i].text if i < len(doc) else ""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and text.isdigit() and doc[i + 2].text.isdigit() \
            and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        text = f"{text}-{doc[i + 2].text}"
    m = SET_SCORE.match(text)
    return m is not None and max(int(m.group(1)), int(m.group(2))) in (6, 7) and m.group(1) != m.group(2)
