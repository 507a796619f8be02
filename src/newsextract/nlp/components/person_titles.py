"""``newsextract_person_titles``: a role beside a name makes the name a PERSON.

"Prime Minister Mark Carney", "PM Carney", "Mr Smith" and "Nadia Burger, the
deputy ambassador" all name a person; the role is never part of the name. The
roles are kept as ``doc.spans["person_titles"]``: each span covers the role as
written (modifiers included), its label is the role written out ("PM" ->
"Prime Minister") and its ``span._.nx_name_side`` (``provenance.name_side``) says
where the name is: ``before`` the name or ``after`` it (an appositive). Word lists: ``models/titles.tsv``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ... import lexicon
from .carried import Carried
from .entity_spans import HEADLINE_KEY, in_lines, replace_ents
from .provenance import AFTER, BEFORE, TITLE, guessed, set_name_side, stays

TITLES_KEY = "person_titles"
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her"}
POSSESSIVE = {"'s", "’s"}
REGNAL = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
NOT_A_NAME = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _name_like(token) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and all(c.isalpha() or c in "-'’." for c in text)


class PersonTitles(Carried):
    """Data (``initialize``, kept by ``to_disk``): the rows of ``titles.tsv``, the
    name particles and the gazetteer (for demonyms)."""

    uses_geo = True

    def __init__(self, nlp: Language, *, name_max_words: int = 4) -> None:
        self.nlp = nlp
        self.name_max = name_max_words

    def gather(self, *, titles: list[dict[str, str]] | None = None) -> dict:
        return {"titles": lexicon.titles() if titles is None else titles,
                "name_particles": lexicon.name_particles()}

    def build(self, data: dict) -> None:
        nlp = self.nlp
        self.particles = frozenset(data["name_particles"])
        self.info: dict[str, tuple[str, str | None, bool]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.modifiers: set[str] = set()
        forms = []
        for row in data["titles"]:
            form, kind = row["form"], row["kind"]
            if kind == "modifier":
                self.modifiers.add(form.lower())
                continue
            if kind == "role":  # read by extractors/roles.py only: "analyst" makes no name a person
                continue
            self.info[form.lower()] = (kind, row.get("canonical") or None, row.get("strong") == "1")
            forms.append(form)
        self.matcher.add("TITLE", list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        headlines = doc.spans.get(HEADLINE_KEY, [])
        ent_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        people, titles = [], []
        found = filter_spans([Span(doc, s, e) for _, s, e in self.matcher(doc)])
        starts = {t.start for t in found}
        for t in found:
            if t.end in starts:
                continue  # "General Director Ljubomir Acimovic": the last role names the person
            kind, canonical, strong = self.info[t.text.lower()]
            start = t.start
            while start > 0 and doc[start - 1].lower_ in self.modifiers:
                start -= 1
            role = canonical or doc[start:t.end].text
            name = self._name_after(doc, t.end, headline=in_lines(t.start, headlines))
            if name is not None and self._may_name(doc, t, name, strong, ent_of):
                people.append(Span(doc, name[0], name[1], label="PERSON"))
                if kind in ("title", "honorific"):  # annotation.md: honorifics go to titles too
                    titles.append(set_name_side(Span(doc, start if kind == "title" else t.start, t.end,
                                                     label=role), BEFORE))
                continue
            if kind != "title":
                continue
            name = self._name_before(doc, start, ent_of)
            if name is not None:
                people.append(Span(doc, name[0], name[1], label="PERSON"))
                titles.append(set_name_side(Span(doc, start, t.end, label=role), AFTER))
        replace_ents(doc, people, keep=lambda old, new: stays(old, TITLE), source=TITLE)
        in_role = set()
        for role in titles:
            in_role.update(range(role.start, role.end))
        drop = [e for e in doc.ents if guessed(e) and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
                and (e.label_ == "PERSON" and all(t.lower_ in self.info or t.lower_ in self.modifiers for t in e)
                     or all(i in in_role for i in range(e.start, e.end)))]
        if drop:  # "Assistant Secretary" alone names nobody; "State" in a role is no organization
            doc.set_ents([e for e in doc.ents if e not in drop])
        doc.spans[TITLES_KEY] = titles
        return doc

    def _name_after(self, doc: Doc, i: int, *, headline: bool) -> tuple[int, int] | None:
        end = i
        while end < len(doc) and end - i < self.name_max:
            token = doc[end]
            if _name_like(token) and (not token.is_upper or headline or len(token) > 3):
                end += 1
            elif end > i and len(token.text) == 1 and token.text.isupper() and token.text not in ("I", "A") \
                    and end + 1 < len(doc) and _name_like(doc[end + 1]) and end + 1 - i < self.name_max:
                end += 2  # a middle initial without its stop: "President George W Bush"
            elif end > i and token.text in REGNAL:
                end += 1
                break
            elif token.lower_ in self.particles and end > i and end + 1 < len(doc) and _name_like(doc[end + 1]):
                end += 1
            elif token.text == "-" and end > i and not doc[end - 1].whitespace_ and not token.whitespace_ \
                    and end + 1 < len(doc) and _name_like(doc[end + 1]):
                end += 2  # "Aynsley-Green", "Zeta-Jones": one surname
            else:
                break
        return (i, end) if end > i else None

    def _may_name(self, doc: Doc, title: Span, name: tuple[int, int], strong: bool, ent_of) -> bool:
        inside = [ent_of[i] for i in range(*name) if i in ent_of]
        if any(e.label_ in NOT_A_NAME for e in inside) or self.geo.demonym_country(doc[name[0]:name[1]].text) is not None:
            return False
        first = doc[name[0]].lower_
        roles = self.modifiers | self.info.keys()
        if strong and not (doc[name[0]].is_stop or first in roles or first.endswith("s") and first[:-1] in roles):
            return True  # not "Lord Of the Rings", "Lord Justices Clarke": those need the model to agree
        # a weak role ("General", "Captain") needs the model to agree, and must not
        # itself start an organization's name ("General Motors")
        title_ent = ent_of.get(title.start)
        if title_ent is not None and title_ent.label_ != "PERSON":
            return False
        return bool(inside) and all(e.label_ == "PERSON" for e in inside)

    def _name_before(self, doc: Doc, start: int, ent_of) -> tuple[int, int] | None:
        """The name in "NAME, the deputy ambassador" / "NAME, Canada's prime minister"."""
        k = start
        if k > 0 and doc[k - 1].lower_ in DETERMINERS:
            k -= 1
        elif k > 1 and doc[k - 1].text in POSSESSIVE:
            k -= 2
            while k > 0 and _name_like(doc[k]) and _name_like(doc[k - 1]) and k > start - 5:
                k -= 1
        if k < 2 or doc[k - 1].text != ",":
            return None
        end = k - 1
        ent = ent_of.get(end - 1)
        if ent is not None and ent.end == end:
            if ent.label_ == "PERSON" or guessed(ent) and ent.label_ in ("ORG", "GPE", "LOC", "FAC") and len(ent) > 1:
                return (ent.start, ent.end)
            return None
        begin = end
        while begin > 0 and end - begin < self.name_max and _name_like(doc[begin - 1]) and (begin - 1) not in ent_of:
            begin -= 1
        return (begin, end) if end - begin >= 2 else None


@Language.factory("newsextract_person_titles", assigns=["doc.ents", "doc.spans", "span._.nx_source", "span._.nx_name_side"],
                  requires=["doc.ents", "doc.spans", "span._.nx_source"],
                  default_config={"name_max_words": 4})
def make_person_titles(nlp: Language, name: str, name_max_words: int) -> PersonTitles:
    """``name_max_words``: the longest name a role may introduce ("Prime Minister NAME")."""
    return PersonTitles(nlp, name_max_words=name_max_words)
