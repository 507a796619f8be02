"""``newsextract_commitments``: commitment clauses found over the dependency parse.

A DependencyMatcher, compiled once from ``models/commitment_triggers.json``,
finds a trigger (a future modal, an intention or commitment verb, "committed
to", "set to", ...) and the action verb it governs. Each candidate is then
checked the way ``annotation.md`` asks: an agentive subject (a person, a
country, an organization, a pronoun or a title; never "the meetings"), no
hedge (could/may/might/must), no passive "is expected to", "would" only in
reported speech, no forecast by analysts. Headlines in the news infinitive
("Smith to step down as CEO") are found in title and heading blocks.

Survivors become ``doc.spans["commitments"]``: the clause (subject to the end
of the predicate), labelled with the modality, with a ``Candidate`` in
``span._.nx_commitment`` whose token positions are relative to the span.
Actors, dates and duplicates are settled by ``facts.commitments``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from ... import lexicon
from ..lemmas import lemma as lemma_of
from .blocks import BLOCKS_KEY
from .carried import Carried

COMMITMENTS_KEY = "commitments"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
AGENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
RELATIVE = {"who", "which", "that"}
HEADLINE_NOMINAL = {"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART", "PRON", "PUNCT", "CCONJ", "X", "SYM"}
HEADLINE_STOP = {":", "—", "–", "-", "|"}
HEADLINE_QUOTES = {"'", '"', "‘", "’", "“", "”", "``", "''"}

if not Span.has_extension("nx_commitment"):  # prefixed: never a library user's own extension
    Span.set_extension("nx_commitment", default=None)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One commitment clause; token positions are relative to the clause span."""
    modality: str
    action: str
    verb: int
    subject: tuple[int, int] | None
    subject_head: int | None
    object: tuple[int, int] | None
    negated: bool
    headline: bool = False
    speaker: tuple[int, int] | None = None  # "X said ...": X's phrase (may lie before the span)


class Lexicon:
    """The word lists of ``commitment_triggers.json`` and ``commitment_actors.json``."""

    def __init__(self, triggers: dict, actors: dict, reporting: Iterable[str] | None = None,
                 role_nouns: Iterable[str] | None = None) -> None:
        self.modals: dict[str, str] = triggers["modals"]
        self.negated_intentions: dict[str, str] = triggers["negated_intentions"]
        self.possess_forms = set(triggers["possess_forms"])
        self.negated_is_no_commitment = set(triggers["negated_is_no_commitment"])
        self.reported_only = set(triggers["reported_only_modals"])
        self.hedges = set(triggers["hedges"])
        self.hedge_adverbs = set(triggers["hedge_adverbs"])
        self.hearsay = set(triggers["hearsay_nouns"])
        self.it_verbs = set(triggers["it_verbs"])
        self.verb_forms: dict[str, str] = {}
        for modality, forms in triggers["intention_verbs"].items():
            for form in forms:
                self.verb_forms[form] = modality
        self.noun_object = set(triggers["noun_object_verbs"])
        self.present_only = set(triggers["present_only_noun_object"])
        self.prep_to = set(triggers["prep_to_triggers"])
        self.adjectives: dict[str, str] = triggers["adjectives"]
        self.standing: dict[str, str] = triggers["standing_verbs"]
        self.reporting = set(lexicon.reporting_verbs() if reporting is None else reporting)
        self.forecasters = set(triggers["forecasters"])
        self.opinion = set(triggers["opinion_verbs"])
        self.person_nouns = set(actors["person_actor_nouns"])
        self.non_agentive_verbs = set(triggers["non_agentive_verbs"])
        self.expect_forecast = set(triggers["expect_forecast_verbs"])
        self.pronouns = set(actors["person_pronouns"]) | set(actors["group_pronouns"]) | set(
            actors["speaker_pronouns"])
        self.agentive_nouns = set(actors["government_nouns"]) | set(actors["organization_actor_nouns"]) | set(
            actors["person_actor_nouns"]) | set(actors["anaphoric_org_nouns"])
        self.non_agentive_nouns = set(actors["non_agentive_nouns"])
        self.quantifiers = set(actors["quantifiers"])
        self.explicit = set(triggers["explicit_commitments"])
        self.present_only_adjectives = set(triggers["present_only_adjectives"])
        self.get_participles = set(triggers["agentive_get_participles"])
        self.role_verbs = set(triggers["future_role_verbs"])
        self.fixture_verbs = set(triggers["fixture_verbs"])
        self.reported_conditional = set(triggers["reported_conditional_marks"])
        self.question_verbs = set(triggers["question_verbs"])
        self.role_nouns = frozenset(lexicon.role_nouns() if role_nouns is None else role_nouns)
        self.person_pronoun_words = set(actors["person_pronouns"])
        self.trigger_forms = (set(self.modals) | self.reported_only | set(self.verb_forms)
                              | set(self.adjectives) | self.prep_to | set(self.negated_intentions))

    @classmethod
    def load(cls) -> "Lexicon":
        return cls(lexicon.json("commitment_triggers.json"), lexicon.json("commitment_actors.json"))


def _patterns(lex: Lexicon) -> dict[str, list[list[dict]]]:
    verbal = {"POS": {"IN": ["VERB", "AUX"]}}
    xcomp_triggers = sorted(set(lex.verb_forms) | set(lex.adjectives))
    noun_object_forms = sorted(f for f, m in lex.verb_forms.items() if m in lex.noun_object)
    return {
        "modal": [[
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": verbal},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "trigger",
             "RIGHT_ATTRS": {"DEP": "aux", "LOWER": {"IN": sorted(set(lex.modals) | lex.reported_only)}}},
        ]],
        "xcomp": [[
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": xcomp_triggers}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "verb",
             "RIGHT_ATTRS": {"DEP": "xcomp", **verbal}},
        ]],
        "prep_to": [[
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(lex.prep_to | {"ready"})}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "to",
             "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "to"}},
            {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "verb",
             "RIGHT_ATTRS": {"DEP": "pcomp", **verbal}},
        ]],
        "committed_to": [[
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(lex.prep_to)}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "verb",
             "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "to"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
             "RIGHT_ATTRS": {"DEP": "pobj", "POS": {"IN": ["NOUN", "PROPN"]}}},
        ]],
        "no_intention": [[  # "we have no intention of abolishing it", "has no plans to sell"
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(lex.possess_forms)}, **verbal}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "noun",
             "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": sorted(lex.negated_intentions)}}},
            {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "no", "RIGHT_ATTRS": {"DEP": "det", "LOWER": "no"}},
            {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "of", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "pcomp", **verbal}},
        ], [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(lex.possess_forms)}, **verbal}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "noun",
             "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": sorted(lex.negated_intentions)}}},
            {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "no", "RIGHT_ATTRS": {"DEP": "det", "LOWER": "no"}},
            {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "acl", **verbal}},
        ]],
        "noun_object": [[
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": noun_object_forms}, "POS": "VERB"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "verb",
             "RIGHT_ATTRS": {"DEP": "dobj", "POS": {"IN": ["NOUN", "PROPN", "NUM", "SYM"]}}},
        ]],
    }


class CommitmentsComponent(Carried):
    """Data (``initialize``, kept by ``to_disk``): ``commitment_triggers.json``,
    ``commitment_actors.json``, the reporting verbs and the role nouns."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def gather(self) -> dict:
        return {"triggers": lexicon.json("commitment_triggers.json"), "actors": lexicon.json("commitment_actors.json"),
                "reporting_verbs": lexicon.reporting_verbs(), "role_nouns": lexicon.role_nouns()}

    def build(self, data: dict) -> None:
        nlp = self.nlp
        self.lex = Lexicon(data["triggers"], data["actors"], data["reporting_verbs"], data["role_nouns"])
        self.matcher = DependencyMatcher(nlp.vocab, validate=True)
        for key, patterns in _patterns(self.lex).items():
            self.matcher.add(key, patterns)
        self.trigger_orths = {nlp.vocab.strings.add(f) for f in self.lex.trigger_forms}

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        spans: list[Span] = []
        if any(t.lower in self.trigger_orths for t in doc):
            spans.extend(self._from_matches(doc))
        spans.extend(self._headlines(doc))
        doc.spans[COMMITMENTS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc

    # -- the parse ------------------------------------------------------------
    def _from_matches(self, doc: Doc) -> list[Span]:
        found: dict[int, tuple[str, Token, Token]] = {}
        triggers: set[int] = set()
        for match_id, token_ids in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            trigger, verb = doc[token_ids[0]], doc[token_ids[-1]]
            if kind == "modal":
                verb, trigger = doc[token_ids[0]], doc[token_ids[1]]
            elif kind in ("noun_object", "committed_to"):
                kind, verb = "noun_object", trigger  # the trigger is the action; its object a noun
            if kind != "modal":
                triggers.add(trigger.i)
            previous = found.get(verb.i if kind != "noun_object" else -verb.i - 1)
            if previous is None or previous[0] == "modal":
                found[verb.i if kind != "noun_object" else -verb.i - 1] = (kind, trigger, verb)
        spans = []
        for kind, trigger, verb in found.values():
            # "will seek to expand": the intention verb's own candidate is the commitment
            if kind == "modal" and verb.i in triggers:
                continue
            if kind == "noun_object" and _verbal_complement(trigger):
                continue  # "pledged to send": the verb is the commitment, not a noun
            span = self._candidate(doc, kind, trigger, verb)
            if span is not None:
                spans.append(span)
        return spans

    def _candidate(self, doc: Doc, kind: str, trigger: Token, verb: Token) -> Span | None:
        lex = self.lex
        modality = self._modality(kind, trigger)
        if modality is None:
            return None
        if any(t.text == "?" for t in trigger.sent[-2:]):
            return None
        anchor = trigger if kind != "modal" else verb
        standing = (trigger.head,) if kind != "modal" and trigger.dep_ in ("acomp", "oprd") else ()
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.hedges
               for t in (anchor, verb, *standing) for c in t.children):
            return None  # hedged, or advice to others: "the Bank should stand ready to cut rates"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in anchor.children) and not (
                kind == "modal" and trigger.lower_ in lex.reported_only and self._reported(verb)
                and not self._asked(verb) and all(
                    c.lower_ in lex.reported_conditional for c in anchor.children if c.dep_ == "mark"
                    and c.lower_ in ("if", "unless", "whether"))):
            return None  # conditional: left open; a reported "would ... if" is a conditional promise
        if any(c.dep_ == "advmod" and c.lower_ in lex.hedge_adverbs and c.i < verb.i
               for c in (*anchor.children, *verb.children)):
            return None  # "will probably not play": hedged, left open
        if self._hearsay(anchor):
            return None
        if verb.dep_ != "relcl" and any(c.tag_ in ("WDT", "WP", "WRB") and c.dep_ not in SUBJECT_DEPS
                                        for c in verb.children):
            return None  # an embedded question: "which employees will join"
        if verb.dep_ != "relcl" and any(t.tag_ in ("WDT", "WP", "WRB", "WP$") and t.i < anchor.i
                                        and not _in_clause(t, verb, ("relcl", "advcl"))
                                        for t in verb.subtree):
            return None  # "announce which constituency he will run in"
        if kind == "noun_object" and modality in lex.present_only and trigger.tag_ not in ("VBZ", "VBP"):
            return None  # "planned the attack" is a past fact; "plans daily flights" an intention
        if kind != "modal" and _passive(trigger) and trigger.lower_ not in lex.adjectives:
            return None  # "had been promised a game": the promisee is the subject
        if kind == "modal":
            if self._state(verb):
                return None
            if lemma_of(verb) == "become" and any(c.dep_ in ("acomp", "oprd") for c in verb.children) or \
                    lemma_of(verb) in ("remain", "stay") and any(c.dep_ == "acomp" and c.tag_ == "VBN"
                                                              for c in verb.children):
                return None  # "will become commonplace", "will remain suspended": a state; not "neutral"
            if self._passive_verb(verb):
                return None
            if trigger.lower_ in lex.reported_only and not self._reported(verb):
                return None
            if trigger.lower_ in lex.reported_only and any(c.dep_ == "aux" and lemma_of(c) == "have" for c in verb.children):
                return None  # "would have stayed down": counterfactual
        if kind != "modal" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
            return None  # "urged the council to commit": someone else's wish
        if kind == "xcomp":
            if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
                return None  # "is co-operating": no to-infinitive, no intention
            if modality not in lex.explicit and self._state(verb, roles=False):
                return None  # "is going to be a registrar": a state, not an act
            if trigger.pos_ in ("NOUN", "PROPN"):
                return None  # "plans to lower ..." as a noun: left open
            if trigger.lower_ in lex.present_only_adjectives and trigger.head.tag_ not in ("VBZ", "VBP"):
                return None  # "was not about to crash": a past expectation
            if any(c.dep_ == "dobj" and c.i < verb.i for c in trigger.children):
                return None  # "expected 2,000 supporters to make": others act
            if trigger.lower_ in lex.adjectives and any(c.dep_ == "prt" for c in trigger.children):
                return None  # "had set out to look": a past attempt
            if modality == "agree" and any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
                return None  # "agreed with everything she's done to change ...": an opinion
            if modality == "expect" and (trigger.tag_ == "VBN" or _passive(trigger)
                                         or lemma_of(verb) in lex.expect_forecast):
                return None
            if trigger.lower_ == "going" and not any(lemma_of(c) == "be" and c.tag_ in ("VBZ", "VBP", "MD")
                                                     or c.lower_ == "'s" for c in trigger.children):
                return None  # "were going to put": a past plan, not a commitment
            if lemma_of(trigger) == "be" and any(c.lower_ in ("yet", "still") for c in trigger.children):
                return None  # "Defra is yet to begin": not done, nothing promised
            if self._passive_verb(verb):
                return None  # "is set to be approved": nobody acts
            if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                return None
        subject = _subject(anchor if kind != "xcomp" or trigger.pos_ != "ADJ" else trigger)
        if self._forecast(anchor, subject):
            return None
        if subject is None or not self._agentive(subject):
            return None
        if self._wished(anchor, subject):
            return None
        if kind == "modal" and subject.lower_ == "it" and lemma_of(verb) in lex.it_verbs:
            return None  # "it will take until next year": no one acts
        if subject.dep_ not in SUBJECT_DEPS and subject.i < anchor.i and any(
                c.dep_ == "relcl" for c in subject.children):
            # reached through "which"/"who": "which" never stands for a person
            rel = next(c for c in subject.children if c.dep_ == "relcl")
            pron = [c for c in rel.subtree if c.lower_ == "which" and c.dep_ in SUBJECT_DEPS]
            if pron and (subject.ent_type_ == "PERSON" or lemma_of(subject).lower() in lex.person_nouns):
                return None
        sent = trigger.sent
        subj_start = subject.left_edge.i if subject.left_edge.i >= sent.start else subject.i
        start = min(subj_start, trigger.i, verb.i)
        if subject.i > verb.i:  # "..., she vowed" style inversions are not ours
            start = min(trigger.i, verb.i)
        end = _clause_end(verb, lex, sent)
        end = max(end, verb.i + 1, trigger.i + 1)
        negated = kind == "no_intention" or _negated(trigger, verb, kind)
        if negated and kind == "noun_object" and modality in lex.negated_is_no_commitment:
            return None  # "has not agreed a final settlement": nothing agreed, nothing refused
        obj_start = verb.i + 1
        while obj_start < end and doc[obj_start].dep_ in ("prt", "neg") and doc[obj_start].head == verb:
            obj_start += 1
        lemma = lex.verb_forms.get(verb.lower_, _lemma(verb)) if kind == "noun_object" else _lemma(verb)
        action = " ".join([lemma] + [c.lower_ for c in verb.children if c.dep_ == "prt"])
        subj_lo = max(subj_start, start)
        # the subject phrase, without a relative clause that holds the commitment itself
        subj_hi = subject.right_edge.i + 1 if subject.right_edge.i < min(trigger.i, verb.i) else subject.i + 1
        speaker = self._speaker(anchor)
        cand = Candidate(
            modality=modality, action=action, verb=verb.i - start,
            subject=(subj_lo - start, max(subj_hi, subject.i + 1) - start) if subj_lo <= subject.i else None,
            subject_head=subject.i - start if start <= subject.i < end else None,
            object=(obj_start - start, end - start) if obj_start < end else None,
            negated=negated,
            speaker=(speaker.left_edge.i - start, speaker.right_edge.i + 1 - start) if speaker is not None else None,
        )
        span = Span(doc, start, end, label=modality)
        span._.nx_commitment = cand
        return span

    def _modality(self, kind: str, trigger: Token) -> str | None:
        lex, word = self.lex, trigger.lower_
        if kind == "no_intention":
            noun = next((c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in lex.negated_intentions), None)
            return lex.negated_intentions[noun.lower_] if noun is not None else None
        if kind == "modal":
            return lex.modals.get(word, "would" if word in lex.reported_only else None)
        if word in lex.adjectives and (trigger.pos_ == "ADJ" or trigger.tag_ == "VBN" or word not in lex.verb_forms):
            modality = lex.adjectives[word]
            head = trigger.head
            if trigger.dep_ in ("acomp", "xcomp", "oprd") and head.lower_ in lex.standing:
                return lex.standing[head.lower_] if word in ("committed", "ready") else modality
            return modality
        return lex.verb_forms.get(word)

    def _reported(self, verb: Token) -> bool:
        """"He said he would resign": a would-clause under a reporting verb."""
        clause = verb
        while clause.dep_ == "conj":
            clause = clause.head
        return clause.dep_ in ("ccomp", "parataxis") and lemma_of(clause.head) in self.lex.reporting

    def _asked(self, verb: Token) -> bool:
        """"Asked if he would ...": the reporting verb asks a question."""
        clause = verb
        while clause.dep_ == "conj":
            clause = clause.head
        return lemma_of(clause.head) in self.lex.question_verbs

    def _speaker(self, token: Token) -> Token | None:
        """The subject of the reporting verb that governs this clause, if any."""
        clause = token
        while clause.dep_ in ("conj", "xcomp"):
            clause = clause.head
        if clause.dep_ in ("ccomp", "parataxis") and lemma_of(clause.head) in self.lex.reporting:
            verb = clause.head
            speaker = _subject(verb)
            if speaker is None and verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
                speaker = _subject(verb.head)  # "the minister responded, saying ..."
            return speaker
        return None

    def _hearsay(self, token: Token) -> bool:
        """"rumours persist that he will leave": a clause hanging on a rumour or report."""
        clause = token
        while clause.dep_ in ("conj", "xcomp", "acomp", "oprd"):
            clause = clause.head
        if clause.dep_ not in ("acl", "ccomp", "relcl"):
            return False
        holder = clause.head if clause.dep_ != "ccomp" else (_subject(clause.head) or clause.head)
        return lemma_of(holder).lower() in self.lex.hearsay  # "rumours persist that", "reports that"

    def _wished(self, token: Token, subject: Token) -> bool:
        """"I hope the government will act": someone's wish about another actor."""
        clause = token
        while clause.dep_ in ("conj", "xcomp"):
            clause = clause.head
        if clause.dep_ != "ccomp" or lemma_of(clause.head) not in self.lex.opinion:
            return False
        holder = _subject(clause.head)
        return holder is None or holder.lower_ != subject.lower_

    def _passive_verb(self, verb: Token) -> bool:
        """"is set to be approved": nobody acts; "get involved" is an act."""
        return any(c.dep_ == "auxpass" and not (lemma_of(c) == "get" and verb.lower_ in self.lex.get_participles)
                   for c in verb.children)

    def _state(self, verb: Token, *, roles: bool = True) -> bool:
        """A verb of state, not of action ("will miss", "will be"), except "get involved",
        a future role ("will be co-executive producer") and a fixture ("will face Jones")."""
        if lemma_of(verb) not in self.lex.non_agentive_verbs:
            return False
        if lemma_of(verb) == "get" and any(c.dep_ in ("acomp", "oprd") and c.lower_ in self.lex.get_participles
                                           for c in verb.children):
            return False
        return not (roles and self._future_role(verb)) and not self._fixture(verb)

    def _future_role(self, verb: Token) -> bool:
        """"will be co-executive producer": a role the subject takes on."""
        return lemma_of(verb) in self.lex.role_verbs and any(
            c.dep_ in ("attr", "oprd") and c.lower_ in self.lex.role_nouns for c in verb.children)

    def _fixture(self, verb: Token) -> bool:
        """"will now face US Open champion Svetlana Kuznetsova": a named opponent."""
        return lemma_of(verb) in self.lex.fixture_verbs and any(
            c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in verb.children)

    def _forecast(self, token: Token, subject: Token | None = None) -> bool:
        """"Analysts say the deal will ...": a clause under a forecaster's reporting verb
        (never a named forecaster's "he would": his own plan)."""
        clause = token
        while clause.dep_ in ("conj", "xcomp"):
            clause = clause.head
        for prep in clause.children:  # "according to analysts' forecasts, HSBC will ..."
            if prep.dep_ == "prep" and prep.lower_ == "according" and any(
                    lemma_of(t).lower() in self.lex.forecasters or t.lower_ == "forecasts" for t in prep.subtree):
                return True
        if clause.dep_ not in ("ccomp", "parataxis"):
            return False
        speaker = _subject(clause.head)
        if speaker is None or not any(lemma_of(t).lower() in self.lex.forecasters for t in (
                speaker, *(c for c in speaker.children if c.dep_ == "compound"))):
            return False  # "Analyst John Reed said the bank would ...": a forecaster too
        named = any(t.ent_type_ == "PERSON" for t in speaker.subtree)
        return not (named and subject is not None and subject.lower_ in self.lex.person_pronoun_words)

    def _agentive(self, subject: Token) -> bool:
        lex = self.lex
        word = subject.lower_
        if subject.dep_ == "expl" or any(c.tag_ in ("WDT", "WP", "WP$") for c in subject.children):
            return False
        if any(c.dep_ in ("det", "amod") and c.lower_ in lex.quantifiers for c in subject.children):
            return False  # "more UK firms", "some managers": nobody identifiable
        if word in lex.pronouns:
            return True
        if lemma_of(subject).lower() in lex.non_agentive_nouns or word in lex.non_agentive_nouns:
            return False
        if subject.ent_type_:
            return subject.ent_type_ in AGENT_LABELS
        if self._headline_name(subject):
            return True
        if subject.pos_ == "PROPN":
            return True
        return lemma_of(subject).lower() in lex.agentive_nouns or word in lex.agentive_nouns

    def _headline_name(self, token: Token) -> bool:
        """"Real will finish abandoned match": in a headline the tagger often reads a
        name as an adjective or a noun; a capitalised subject there that begins a
        person, organization or country the article names is that actor."""
        if not token.text[:1].isupper() or token.pos_ not in ("ADJ", "NOUN"):
            return False
        doc = token.doc
        if not any(b.start <= token.i < b.end and b.label_ in ("title", "heading")
                   for b in doc.spans.get(BLOCKS_KEY, [])):
            return False
        return any(ent.label_ in AGENT_LABELS and ent[0].text == token.text and not ent.start <= token.i < ent.end
                   for ent in doc.ents)

    # -- headlines --------------------------------------------------------------
    def _headlines(self, doc: Doc) -> list[Span]:
        spans = []
        for block in doc.spans.get(BLOCKS_KEY, []):
            if block.label_ not in ("title", "heading"):
                continue
            span = self._headline(doc, block)
            if span is not None:
                spans.append(span)
        return spans

    def _headline(self, doc: Doc, block: Span) -> Span | None:
        """"Smith to step down as CEO": a nominal subject, then to + verb, no finite verb."""
        for tok in block:
            if tok.lower_ != "to" or tok.i + 1 >= block.end:
                continue
            verb = doc[tok.i + 1]
            if not (verb.tag_ == "VB" or verb.pos_ == "VERB") or lemma_of(verb).lower() in self.lex.non_agentive_verbs:
                return None
            start = block.start
            for t in doc[block.start:tok.i]:
                if t.text in HEADLINE_STOP:
                    start = t.i + 1
            # "US 'to raise TV indecency fines'": the infinitive may sit inside quotation marks
            before = [t for t in doc[start:tok.i] if t.text not in HEADLINE_QUOTES]
            if not before or any(t.pos_ not in HEADLINE_NOMINAL or t.tag_ in ("VBZ", "VBD", "VBP", "MD")
                                 for t in before):
                return None
            head = before[-1]
            if head.pos_ not in ("PROPN", "NOUN") or not self._agentive(head):
                return None
            end = block.end
            while end > verb.i + 1 and doc[end - 1].is_punct:
                end -= 1
            action = " ".join([_lemma(verb)] + [c.lower_ for c in verb.children if c.dep_ == "prt"])
            obj_start = verb.i + 1
            while obj_start < end and doc[obj_start].dep_ == "prt":
                obj_start += 1
            cand = Candidate(modality="will", action=action, verb=verb.i - start,
                             subject=(0, head.i + 1 - start), subject_head=head.i - start,
                             object=(obj_start - start, end - start) if obj_start < end else None,
                             negated=False, headline=True)
            span = Span(doc, start, end, label="will")
            span._.nx_commitment = cand
            return span
        return None


def _in_clause(token: Token, stop: Token, deps: tuple[str, ...]) -> bool:
    """Whether ``token`` sits in a clause of one of ``deps`` below ``stop``: "relcl"
    ("Smith, who founded ..."), "advcl" ("when we come ..., we will")."""
    while token.i != stop.i and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _verbal_complement(trigger: Token) -> bool:
    """A to-infinitive or "to -ing" complement that comes before any noun object."""
    first_object = min((c.i for c in trigger.children if c.dep_ == "dobj"), default=len(trigger.doc))
    return any(c.i < first_object and (c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pcomp" for g in c.children)) for c in trigger.children)


def _lemma(token: Token) -> str:
    lemma = lemma_of(token).lower()
    return lemma if lemma and lemma != "-pron-" else token.lower_


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _subject(token: Token) -> Token | None:
    """The subject of ``token``'s clause, following coordination, adjectives and relative clauses."""
    seen = 0
    while token is not None and seen < 6:
        seen += 1
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.lower_ in RELATIVE and token.dep_ == "relcl":
                    return token.head
                return child
        if token.dep_ in ("conj", "acomp", "oprd") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "ccomp":
            # a common misparse: "the office added Mr Stearns had agreed to": the subject
            # hangs on the reporting verb as its object, right before the clause
            lost = [c for c in token.head.children if c.dep_ == "dobj" and token.head.i < c.i < token.i]
            if lost and lost[-1].right_edge.i + 1 >= token.left_edge.i:
                return lost[-1]
        return None
    return None


def _negated(trigger: Token, verb: Token, kind: str) -> bool:
    tokens = {trigger, verb}
    if kind != "modal" and trigger.dep_ in ("acomp", "oprd"):
        tokens.add(trigger.head)
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "no longer")
               for t in tokens for c in t.children if c.dep_ in ("neg", "advmod"))


def _clause_end(verb: Token, lex: Lexicon, sent: Span) -> int:
    """Token index just past the predicate: the verb's right dependents, without
    a separate clause coordinated with its own subject or a trailing "she said"."""
    end = verb.i + 1
    rights = list(verb.rights)
    for child in rights:
        if child.dep_ in ("parataxis",):
            break
        if child.dep_ in ("ccomp", "advcl") and lemma_of(child) in lex.reporting and any(
                c.dep_ in SUBJECT_DEPS for c in child.children):
            break
        if child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            break
        if child.dep_ == "cc" and any(r.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in r.children)
                                      for r in rights if r.i > child.i):
            break
        end = max(end, child.right_edge.i + 1)
    end = min(end, sent.end)
    doc = verb.doc
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


@Language.factory("newsextract_commitments", assigns=["doc.spans"],
                  requires=["doc.spans", "token.dep", "token.pos"],
                  default_config={})
def make_commitments(nlp: Language, name: str) -> CommitmentsComponent:
    return CommitmentsComponent(nlp)
