"""Commitments: who committed to what, by when.

Turns the ``commitments`` clause spans of ``newsextract_commitments`` into
``Commitment`` records: the actor resolved to the article's canonical person,
country or organization (``resolve.EntityIndex``), the object (the rest of the
predicate), ``when`` from a dated expression inside the clause, and one record
for a headline (or any clause) repeated verbatim. Inside a quotation (``quotes``)
"I" is the quote's speaker and "we" the organization the speaker speaks for,
else the speaker; a quoted "I"/"we" whose speaker nobody names is dropped.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .resolve import COUNTRY, ORG, PLACE, PRONOUN_SEX, EntityIndex, name_of, person_sex
from ..records import Commitment, DateExpr, Organization, Person, Place, Quote
from ..nlp.components.commitments import COMMITMENTS_KEY, Candidate
from ..nlp.doctext import doc_text
from ..nlp.lemmas import lemma as lemma_of

_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}
_FIRST_PERSON = {"i": "speaker", "we": "group"}


def extract_commitments(doc: Doc, *, people: list[Person], places: list[Place],
                        organizations: list[Organization], dates: list[DateExpr],
                        quotes: list[Quote] | None = None, index: EntityIndex | None = None) -> list[Commitment]:
    spans = [s for s in doc.spans.get(COMMITMENTS_KEY, []) if s._.nx_commitment is not None]
    if not spans:
        return []
    if index is None:
        index = EntityIndex(doc, people, places, organizations)
    if quotes:
        index.use_quotes([(q.start, q.end) for q in quotes])
    out: list[Commitment] = []
    seen: set[tuple[str | None, str, str]] = set()
    for span in spans:
        cand: Candidate = span._.nx_commitment
        quoted = _speaker_in_quote(quotes, span, cand)
        actor = _actor(index, span, cand, quotes, people) if quoted is None else quoted or None
        if actor is None:
            continue
        if quoted is None and _claim_about_others(quotes, span, cand, actor):
            continue
        key = (actor, cand.action, " ".join(span.text.lower().split()))
        if key in seen:  # a headline repeated verbatim
            continue
        seen.add(key)
        obj = None
        if cand.object is not None:
            obj = " ".join(span[cand.object[0]:cand.object[1]].text.split()) or None
        out.append(Commitment(
            actor=actor, modality=cand.modality, action=cand.action, object=obj,
            when=_when(dates, span, cand), negated=cand.negated,
            text=span.text, start=span.start_char, end=span.end_char))
    return out


def _claim_about_others(quotes: list[Quote] | None, span: Span, cand: Candidate, actor: str) -> bool:
    """""The Tories will con enough people," said Smith": inside a quotation, a bare
    future of someone other than the speaker (or the speaker's "our ...") is the
    speaker's claim about another, not that actor's commitment
    (``quoted_claims_about_others`` in ``models/commitment_triggers.json``)."""
    if not quotes or cand.modality not in _claim_modalities() or cand.subject_head is None:
        return False
    head = span[cand.subject_head]
    quote = next((q for q in quotes if q.start <= head.idx < q.end), None)
    if quote is None or quote.speaker is None:
        return False
    if actor in (quote.speaker, quote.group) or any(
            c.dep_ == "poss" and c.lower_ in ("our", "my") for c in head.children):
        return False
    return True


def _claim_modalities() -> frozenset[str]:
    from .. import lexicon

    return frozenset(lexicon.json("commitment_triggers.json")["quoted_claims_about_others"])


def _speaker_in_quote(quotes: list[Quote] | None, span: Span, cand: Candidate) -> str | None:
    """A quoted "I"/"we": the speaker (for "we", the speaker's organization where the
    article gives one); "" when the quotation's speaker is unknown; None for any other
    subject or a clause outside quotation marks."""
    if not quotes or cand.subject_head is None:
        return None
    head = span[cand.subject_head]
    role = _FIRST_PERSON.get(head.lower_)
    if role is None:
        return None
    for quote in quotes:
        if quote.start <= head.idx < quote.end:
            if role == "group":
                return quote.group or quote.speaker or ""
            return quote.speaker or ""
    return None


def _actor(index: EntityIndex, span: Span, cand: Candidate, quotes: list[Quote] | None = None,
           people: list[Person] | None = None) -> str | None:
    if cand.subject_head is None:
        return None
    head = span[cand.subject_head]
    lo, hi = cand.subject if cand.subject is not None else (cand.subject_head, cand.subject_head + 1)
    subject = span[lo:hi]
    speaker = None
    if cand.speaker is not None:
        doc = span.doc
        speaker = doc[max(0, span.start + cand.speaker[0]):min(len(doc), span.start + cand.speaker[1])]
    actor = index.resolve(head, subject, speaker)
    if actor is None and head.lower_ in PRONOUN_SEX:
        actor = _quoted_before(quotes, people, head)
    if actor is None and any(c.dep_ == "poss" and c.lower_ == "our" for c in head.children):
        # "Our review board will now consider ...": the body the quotation's speaker speaks for
        quote = next((q for q in quotes or [] if q.start <= head.idx < q.end), None)
        if quote is not None and quote.speaker is not None:
            actor = quote.group or name_of(head)
    if actor is None:
        if head.lower_ in _PRONOUNS:
            return None  # nobody identifiable
        if _plural_body(index, head):
            return None  # "the teams": several bodies, no one entry the article names
        actor = name_of(head)
    if speaker is not None and head.lower_ not in _PRONOUNS and _about_others(index, speaker, actor, head):
        return None
    return actor


def _plural_body(index: EntityIndex, head) -> bool:
    """"the teams", "the two firms": an unresolved plural of an organization anaphor
    ("company", "team", "agency") names no one actor; "ministers", "officials" (an
    official group) and "police" are kept."""
    lemma = lemma_of(head).lower()
    return head.tag_ == "NNS" and lemma != head.lower_ and (  # "police" is one body
        lemma in index.anaphoric_org_nouns or lemma in index.organization_nouns)


def _quoted_before(quotes: list[Quote] | None, people: list[Person] | None, head) -> str | None:
    """"... too," she said. She will wait ...": outside quotation marks, a "he"/"she" the
    sentences before do not resolve is the speaker of the quotation just before it in
    its paragraph, when that speaker is a person of that sex."""
    if not quotes or not people:
        return None
    text = doc_text(head.doc)
    before = [q for q in quotes if q.end <= head.idx and "\n" not in text[q.end:head.idx]]
    if not before:
        return None
    quote = max(before, key=lambda q: q.end)
    person = next((p for p in people if p.name == quote.speaker), None)
    if person is None or person_sex(person) != PRONOUN_SEX[head.lower_]:
        return None
    return person.name


def _about_others(index: EntityIndex, speaker: Span, actor: str, head=None) -> bool:
    """"Iraq's deputy foreign minister said Washington would ...": a speaker tied to
    another country or organization talks about someone else's future. A town is
    no other party: "Sydney will host the match, the union said" is the union's fixture."""
    if head is not None:
        named = index.at(head.idx, head.idx + len(head.text))
        if named is not None and named.kind == PLACE:
            return False
    named = index.entities_in(speaker, skip_compounds=True)  # "Party spokesman X" ties X to nothing
    tied = [e for e in named if e.kind in (COUNTRY, ORG)]
    return bool(tied) and all(e.name != actor for e in index.entities_in(speaker))


_EMBEDDED = {"relcl", "acl", "ccomp", "advcl", "csubj",
             # a date that modifies a noun ("its 2004 results") dates the noun, not the action
             "compound", "nmod", "poss", "amod", "nummod"}


def _when(dates: list[DateExpr], span: Span, cand: Candidate) -> str | None:
    """The TIMEX3 value of a date (not a duration, not the past) of the clause's own
    predicate, preferring one after the verb; dates inside a relative or subordinate
    clause ("a manifesto which for the past two years ...") belong to that clause."""
    verb = span[cand.verb]
    dated = []
    for d in dates:
        if not (span.start_char <= d.start and d.end <= span.end_char and d.value):
            continue
        if d.type not in ("DATE", "TIME") or d.value == "PAST_REF":
            continue  # "40-year lows" is no date of the action
        date_span = span.doc.char_span(d.start, d.end, alignment_mode="expand")
        if date_span is not None and _embedded(date_span.root, verb):
            continue
        dated.append(d)
    if not dated:
        return None
    verb_char = verb.idx
    after = [d for d in dated if d.start >= verb_char]
    return (after or dated)[0].value


def _embedded(token, verb) -> bool:
    """Whether ``token`` is not an adverbial of ``verb``: it hangs under a clause of its
    own, modifies a noun, or is not under the verb at all."""
    for _ in range(len(token.doc)):
        if token.i == verb.i:
            return False
        if token.dep_ in _EMBEDDED or token.head.i == token.i:
            return True
        token = token.head
    return True
