"""``newsextract_person_names``: names that look like people's names are people.

- A known given name followed by one or two capitalized words that do not end
  a place or an organization's name ("Tim Henman", not "Grace Road") is a
  PERSON where the model found nothing, or called it a place or a nationality
  (or, for exactly "Given Surname", an organization: companies named like
  people are kept by the organization patterns in ``models/``).
- A name followed by a country in brackets, as in results lists ("Tim Henman
  ( Britain )"), or by an age between commas ("Duran , 45 ,") is a PERSON even
  against the model.
- Two or three capitalized words opening a sentence or clause, then a comma and what a
  person does ("Parul Jain, deputy chief economist at Nomura"), are a PERSON where the
  model found nothing or only a weak guess.
- A month's name is a surname after a given name ("Theresa May", "Brian May"), not
  before a number ("May 5"), even where the model read a date.
- A given name that is also a place or a word ("Sofia") starts a name after the "by"
  of a passive verb ("directed by Sofia Coppola").
- One capitalized word right after a singular noun of what a person does
  (``models/mononym_role_nouns.txt``: "rapper Skepta", "R&B star Nelly", "striker Drogba")
  is a PERSON where the model found nothing or guessed a body or a place; so is a name
  between commas after a noun of kin that a possessive owns ("His mother, Giselle, said").

Word lists: ``models/first_names.txt`` (US SSA given names, generated),
``models/first_names_world.txt`` (other countries' given names, generated) and
``models/name_stopwords.txt`` (words that end other kinds of names).
"""
from __future__ import annotations

import calendar

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ... import lexicon
from ..lemmas import lemma
from ...lexicon.geo import Gazetteer
from .carried import Carried
from .name_bounds import NameBounds, initial
from .person_contexts import PersonContexts
from .entity_spans import HEADLINE_KEY, capital_word, replace_ents
from .provenance import NAME, RESULTS, guessed, source, stays
from .person_titles import REGNAL, TITLES_KEY
from .results_lines import ResultsLines, joined, stays_against_slot

WEAK_LABELS = {"GPE", "LOC", "NORP", "FAC"}
STRONG_OVER = {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}  # what a name in a results slot overrides
PLACE_PREPOSITIONS = {"in", "at", "on", "from", "to", "near", "of"}


class PersonNames(Carried):
    """Data (``initialize``, kept by ``to_disk``): given names, name stopwords, company
    cues, person nouns, speech-verb forms, name particles, the results-line patterns,
    building words and the gazetteer."""

    uses_geo = True

    def __init__(self, nlp: Language, *, max_age: int = 120, country_max_words: int = 3,
                 results_name_max_words: int = 5) -> None:
        self.nlp = nlp
        self.max_age = max_age
        self.country_words = country_max_words
        self.results_name_max = results_name_max_words

    def gather(self) -> dict:
        return {"first_names": lexicon.first_names(), "name_stopwords": lexicon.words("name_stopwords.txt"),
                "other_given_names": sorted(set(lexicon.given_name_sexes()) - lexicon.first_names()),
                "company_cues": frozenset(lexicon.company_cues()),
                "person_nouns": lexicon.words("person_nouns.txt"),
                "speech_verb_forms": lexicon.speech_verb_forms(), "name_particles": lexicon.name_particles(),
                "results_patterns": lexicon.patterns("results_patterns.jsonl"),
                "building_words": lexicon.json("evidence_words.json")["building_words"],
                "author_verbs": lexicon.json("evidence_words.json")["author_verbs"],
                "contexts": lexicon.json("person_contexts.json"),
                "role_nouns": lexicon.role_nouns() | lexicon.words("person_nouns.txt"),
                "role_words": lexicon.person_role_words(), "post_nominals": lexicon.post_nominals(),
                "mononym_roles": lexicon.mononym_role_nouns(), "kinship_words": lexicon.kinship_words(),
                "titles": {row["form"].lower(): row.get("canonical") or row["form"] for row in lexicon.titles()
                           if row["kind"] in ("title", "honorific") and " " not in row["form"]}}

    def build(self, data: dict) -> None:
        vocab = self.nlp.vocab
        self.first_names = frozenset(data["first_names"])
        # given names left out of first_names as also places or words ("Sofia", "Chad")
        self.other_given = frozenset(data["other_given_names"])
        self.not_surnames = frozenset(data["name_stopwords"])
        self.company_cues = frozenset(data["company_cues"])
        self.speech = frozenset(data["speech_verb_forms"])
        self.particles = frozenset(data["name_particles"])
        # "Charles de Gaulle airport": a name before what is built is the building's
        self.buildings = frozenset(w.lower() for w in data["building_words"])
        self.author_verbs = frozenset(data["author_verbs"])
        self.results = ResultsLines(vocab, data["results_patterns"], not_surnames=self.not_surnames,
                                    particles=self.particles, geo=self.geo, name_max_words=self.results_name_max)
        self.bounds = NameBounds(first_names=self.first_names, role_words=frozenset(data["role_words"]),
                                 post_nominals=frozenset(data["post_nominals"]), titles=dict(data["titles"]))
        self.contexts = PersonContexts(data["contexts"], roles=frozenset(data["role_nouns"]),
                                       particles=self.particles, not_surnames=self.not_surnames,
                                       company_cues=self.company_cues)
        self.mononym_roles = frozenset(data["mononym_roles"])
        self.kin = frozenset(data["kinship_words"])
        self.before_names = Matcher(vocab)  # "rapper X", "His mother, X,": found in one pass, in Cython
        self.before_names.add("MONONYM", [[{"LOWER": {"IN": sorted(self.mononym_roles)}, "IS_LOWER": True,
                                            "TAG": {"IN": ["NN", "NNP"]}}]])
        self.before_names.add("KIN", [[{"LOWER": {"IN": sorted(self.kin)}, "IS_LOWER": True}, {"ORTH": ","}]])
        self.jobs = Matcher(vocab)
        self.jobs.add("JOB", [[{"LOWER": {"IN": sorted(set(data["person_nouns"]) | self.mononym_roles)}, "IS_LOWER": True}]])

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        headline = set()
        for line in doc.spans.get(HEADLINE_KEY, []):
            headline.update(range(line.start, line.end))
        ent_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        exact = {(e.start, e.end) for e in doc.ents if e.label_ == "ORG"}
        in_role = set()  # "German Defence Minister": a role is never part of a name
        for role in doc.spans.get(TITLES_KEY, []):
            in_role.update(range(role.start, role.end))
        found: list[Span] = []
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            if (token.text in self.first_names or self._by_given(doc, i)) and i not in headline \
                    and capital_word(token):
                end, words = self._name_end(doc, i, in_role)
                if end < n and doc[end].text in REGNAL and not self.bounds.pronoun_i(doc, end, i):
                    end, words = end + 1, words + 1  # "Henry VIII"
                if words >= 2 and i not in in_role and (end >= n or doc[end].text not in self.not_surnames
                                     and doc[end].text not in self.company_cues
                                     and doc[end].lower_ not in self.buildings) \
                        and not _is_place(doc[i:end].text, self.geo) and not _has_demonym(doc[i:end], self.geo) \
                        and self._free(_without_month(ent_of, doc, end), i, end,
                                       strong=words == 2 and (i, end) in exact):
                    found.append(Span(doc, i, end, label="PERSON"))
                    i = end
                    continue
            i += 1
        found.extend(self._in_context(doc, ent_of, headline))
        found.extend(self._after_job(doc, ent_of, headline))
        found.extend(self._in_person_slots(doc, ent_of, headline))
        found.extend(self._before_job(doc, ent_of, headline))
        before_names = self.before_names(doc)
        kin_id = self.nlp.vocab.strings["KIN"]
        found.extend(self._one_word_after_role(doc, ent_of, headline,
                                               [doc[s] for m, s, _ in before_names if m != kin_id]))
        found.extend(self._named_kin(doc, ent_of, headline, [doc[s] for m, s, _ in before_names if m == kin_id]))
        replace_ents(doc, found, source=NAME)
        replace_ents(doc, self.results(doc, headline), keep=stays_against_slot, source=RESULTS)
        # "Paul Boateng MP", "Author David Mitchell": a title is no part of a name; trimmed
        # before a surname looks for its given name ("Manjit" | "Singh Gill QC") and after
        self.bounds.trim(doc)
        self._given_names_before(doc, headline, in_role)
        self.bounds.trim(doc)
        return doc

    def _by_given(self, doc: Doc, i: int) -> bool:
        """``doc[i]`` starts the name of the doer of a passive verb: a given name that is also a
        place or a word ("directed by Sofia Coppola", "bought by Sofia ..."), or any name after
        a verb of writing or directing ("directed by Southan Morris"; ``author_verbs``)."""
        if i == 0 or doc[i - 1].lower_ != "by" or doc[i - 1].dep_ != "agent":
            return False
        return doc[i].text in self.other_given or lemma(doc[i - 1].head).lower() in self.author_verbs

    def _name_end(self, doc: Doc, i: int, in_role: set[int]) -> tuple[int, int]:
        """Where the name that starts with the given name ``doc[i]`` ends, and its number of
        capitalized words (at most 3): name particles between them are part of it ("Ursula
        von der Leyen", "Rodrigo de Rato"), never at its end ("Peter van")."""
        end, words = i + 1, 1
        while end < len(doc) and words < 3:
            k = end
            while k < len(doc) and k - end < 3 and doc[k].text in self.particles:
                k += 1
            if k < len(doc) and capital_word(doc[k]) and (not doc[k].is_stop or _month_surname(doc, k)) \
                    and doc[k].text not in self.not_surnames and k not in in_role:
                end, words = k + 1, words + 1
            else:
                break
        return end, words

    def _given_names_before(self, doc: Doc, headline: set[int], in_role: set[int]) -> None:
        """A surname the model found alone takes the capitalized word just before it
        as the given name, with any name particles between: "Romesh Kaluwitharana",
        "Maarten den Bakker", where the model saw only "Kaluwitharana", "Bakker"."""
        ents = list(doc.ents)
        taken = set()
        ent_of = {}
        for ent in ents:
            taken.update(range(ent.start, ent.end))
            ent_of.update((i, ent) for i in range(ent.start, ent.end))
        grown, found_by = [], []
        for ent in ents:
            if ent.label_ != "PERSON" or len(ent) > 2 or ent.start in headline:
                continue
            k = ent.start
            while k > 0 and doc[k - 1].text in self.particles and ent.start - k < 2:
                k -= 1
            before = ent_of.get(k - 1)
            # "President John" | "F. Kennedy": a role took the given name alone, a rule the initial
            joins = before is not None and before.label_ == "PERSON" and len(before) == 1 and before.end == k \
                and before.text in self.first_names and ent[0].shape_ == "X."
            if k == 0 or k - 1 in in_role or k - 1 in taken and not (self._weak_guess(before) or joins):
                continue
            given = doc[k - 1]
            if initial(given) and given.text.isalpha() and k == ent.start:
                # "J Smith", "R Patel": the model saw only the surname
                grown.append(Span(doc, k - 1, ent.end, label="PERSON"))
                found_by.append(source(ent) or NAME)
                continue
            if not capital_word(given) or given.is_stop or given.text in self.not_surnames \
                    or given.text.endswith(".") or self.geo.demonym_country(given.text) is not None \
                    or self.geo.lookup(given.text) is not None and given.text not in self.first_names:
                continue
            if given.is_sent_start and given.text not in self.first_names:
                continue  # "Yesterday Kaluwitharana": a sentence's first word may be anything
            if k > 1 and doc[k - 2].lower_ in PLACE_PREPOSITIONS:
                continue  # "at Wimbledon Sampras"
            grown.append(Span(doc, k - 1, ent.end, label="PERSON"))
            found_by.append(source(ent) or NAME)
        replace_ents(doc, grown, source=found_by)

    def _weak_guess(self, ent: Span | None) -> bool:
        """One word the model alone took for a place or a people ("Ard" in "Ard Jan Vetham"),
        which the gazetteer does not know: it may be a given name."""
        return ent is not None and len(ent) == 1 and guessed(ent) and ent.label_ in WEAK_LABELS \
            and self.geo.lookup(ent.text) is None and self.geo.demonym_country(ent.text) is None

    def _in_context(self, doc: Doc, ent_of, headline) -> list[Span]:
        """Names before "( Country )" or ", AGE ,"."""
        out = []
        for token in doc:
            if token.i < 1 or token.i + 2 >= len(doc):
                continue
            nxt = doc[token.i + 1]
            after = doc[token.i + 2]
            # (a country in brackets is a results slot even in a line written in Title Case)
            country = token.text == "(" and _country_in_brackets(doc, token.i, self.geo, self.country_words)
            age = token.text == "," and after.text in (",", ")") and nxt.like_num and nxt.text.isdigit() \
                and 0 < int(nxt.text) <= self.max_age and token.i not in headline
            if not (country or age):
                continue
            end = token.i
            begin = end
            size = 0  # words: "Anne-Gaelle Sidot" is two
            while begin > 0 and size < 3 and (capital_word(doc[begin - 1]) or joined(doc, begin - 1)) \
                    and doc[begin - 1].text not in self.not_surnames and not doc[begin - 1].is_stop:
                begin -= 1
                size += not joined(doc, begin) and not (begin > 0 and joined(doc, begin - 1))
            if size >= 2 or size == 1 and age and not self.geo.is_country(doc[begin].text):
                if self._free(ent_of, begin, end, strong=True):
                    out.append(Span(doc, begin, end, label="PERSON"))
        return out

    def _after_job(self, doc: Doc, ent_of, headline) -> list[Span]:
        """ "spokesman Glyn Davies said": a name right after what a person does
        (``models/person_nouns.txt``): two or three capitalized words, or one
        that then speaks."""
        out = []
        for _, start, _ in self.jobs(doc):
            begin = end = start + 1
            while end < len(doc) and end - begin < 3 and capital_word(doc[end]) and not doc[end].is_stop \
                    and doc[end].text not in self.not_surnames:
                end += 1
            if end == begin or begin in headline or _is_place(doc[begin:end].text, self.geo) \
                    or _has_demonym(doc[begin:end], self.geo) or self.geo.demonym_country(doc[begin].text) is not None:
                continue
            if end < len(doc) and (capital_word(doc[end]) or doc[end].text in self.company_cues):
                continue  # a longer name, or a company's ("analyst Merrill Lynch Inc")
            speaks = end < len(doc) and doc[end].lower_ in self.speech
            if (end - begin >= 2 or speaks) and self._free(ent_of, begin, end, strong=True):
                out.append(Span(doc, begin, end, label="PERSON"))
        return out

    def _before_job(self, doc: Doc, ent_of, headline) -> list[Span]:
        """ "Parul Jain, deputy chief economist at Nomura, said": two or three capitalized
        words opening a sentence or a clause, then a comma and what a person does
        (``models/person_nouns.txt``) with at most ``JOB_WORDS`` words before it and "at",
        "of", "for", "with" or a comma after it."""
        out = []
        for _, start, _ in self.jobs(doc):
            end = start + 1
            if end >= len(doc) or doc[end].lower_ not in JOB_LINKS:
                continue
            comma = start - 1
            while comma > 0 and start - comma <= JOB_WORDS and doc[comma].is_lower and doc[comma].text != ",":
                comma -= 1
            if comma < 2 or doc[comma].text != ",":
                continue
            begin = comma
            while begin > 0 and comma - begin < 3 and capital_word(doc[begin - 1]) and not doc[begin - 1].is_stop \
                    and doc[begin - 1].text not in self.not_surnames:
                begin -= 1
            opens = begin == 0 or doc[begin].is_sent_start or doc[begin - 1].is_punct
            if comma - begin < 2 or not opens or begin in headline or _is_place(doc[begin:comma].text, self.geo) \
                    or _has_demonym(doc[begin:comma], self.geo) or doc[comma - 1].text in self.company_cues:
                continue
            if self._free(ent_of, begin, comma, strong=False):
                out.append(Span(doc, begin, comma, label="PERSON"))
        return out

    def _one_word_after_role(self, doc: Doc, ent_of, headline, roles) -> list[Span]:
        """ "rapper Skepta", "R&B star Nelly", "striker Drogba": one capitalized word right after
        a singular noun of what a person does (``mononym_role_nouns.txt``) that no capitalized
        word follows, where the model found nothing or guessed an organization or a place;
        not a place, a people or a month ("the singer London", "star Monday")."""
        out = []
        for token in roles:  # a singular role noun of ``mononym_role_nouns``
            i = token.i + 1
            if i >= len(doc):
                continue
            name = doc[i]
            after = doc[i + 1] if i + 1 < len(doc) else None
            if i in headline or not capital_word(name) or name.is_stop or name.is_upper or len(name) < 3 \
                    or name.text in self.not_surnames or name.text in MONTHS or name.text in self.company_cues:
                continue
            if after is not None and (capital_word(after) or after.text in self.company_cues
                                      or after.text in ("-", "&") or after.lower_ in self.buildings):
                continue  # a longer name ("star Tom Cruise" is found as a full name), a company's
            if self.geo.lookup(name.text) is not None or self.geo.demonym_country(name.text) is not None:
                continue
            old = ent_of.get(i)
            if old is not None and (old.start != i or old.end != i + 1):
                continue  # inside a longer entity: not one word
            if self._free(ent_of, i, i + 1, strong=True):
                out.append(Span(doc, i, i + 1, label="PERSON"))
        return out

    def _named_kin(self, doc: Doc, ent_of, headline, kin) -> list[Span]:
        """ "His mother, Giselle, said": one or two capitalized words between commas after a
        noun of kin that a possessive owns ("his wife", "the boy's father")."""
        out = []
        for token in kin:  # a noun of kin, then a comma
            if token.i + 3 >= len(doc) or not any(c.dep_ == "poss" for c in token.children):
                continue
            begin = end = token.i + 2
            while end < len(doc) and end - begin < 2 and capital_word(doc[end]) and not doc[end].is_stop \
                    and doc[end].text not in self.not_surnames:
                end += 1
            if end == begin or end >= len(doc) or doc[end].text != "," or begin in headline \
                    or _is_place(doc[begin:end].text, self.geo) or _has_demonym(doc[begin:end], self.geo):
                continue
            if self._free(ent_of, begin, end, strong=True):
                out.append(Span(doc, begin, end, label="PERSON"))
        return out

    def _in_person_slots(self, doc: Doc, ent_of, headline) -> list[Span]:
        """Names where only a person fits (``person_contexts``): "directed by Sofia Coppola",
        "beat Jelena Kostanic 6-4", "Parul Jain, deputy chief economist at ..."."""
        out = []
        for begin, end, why in self.contexts(doc):
            if begin in headline or _is_place(doc[begin:end].text, self.geo) or _has_demonym(doc[begin:end], self.geo):
                continue
            if why == "opponent" and any(self.geo.lookup(t.text) is not None and t.text not in self.first_names
                                         for t in doc[begin:end]):
                continue  # "beat Aston Villa 6-0": a club named after a place
            old = ent_of.get(begin)
            into_score = why == "opponent" and old is not None and old.start == begin and old.end > end \
                and guessed(old) and all(t.like_num or t.text == "-" for t in doc[end:old.end])
            if into_score or self._free(ent_of, begin, end, strong=True):  # "Justin Gimelstob 7-6" | PRODUCT
                out.append(Span(doc, begin, end, label="PERSON"))
        return out

    @staticmethod
    def _free(ent_of, start: int, end: int, *, strong: bool) -> bool:
        """No rule said otherwise, and the model said nothing, a shorter person's
        name, or only a weak guess."""
        olds = {id(ent_of[i]): ent_of[i] for i in range(start, end) if i in ent_of}
        for old in olds.values():
            if not (start <= old.start and old.end <= end):
                return False
            if old.label_ == "PERSON" and (not stays(old, NAME) or old.start == start and old.end < end):
                continue  # a longer name: "Emilio Valle" over "Valle", "Ursula von der Leyen" over "Ursula"
            if stays(old, NAME):
                return False
            if old.label_ not in WEAK_LABELS and not (strong and old.label_ in STRONG_OVER):
                return False
        return True


JOB_WORDS = 3  # lower-case words between the comma and the job: ", deputy chief economist"
JOB_LINKS = {"at", "of", "for", "with", ",", "from"}
MONTHS = frozenset(m for m in calendar.month_name if m)


def _month_surname(doc: Doc, k: int) -> bool:
    """A month's name written as a surname after a given name ("Theresa May", "Brian May"),
    mid-sentence and not before a number, as a date would be ("May 5")."""
    return doc[k].text in MONTHS and not doc[k].is_sent_start \
        and not (k + 1 < len(doc) and doc[k + 1].like_num)


def _without_month(ent_of: dict, doc: Doc, end: int) -> dict:
    """``ent_of`` less a date the model read in a month's name that ends a name ("Theresa
    May" where it saw the date "May")."""
    last = ent_of.get(end - 1)
    if last is None or last.label_ != "DATE" or len(last) != 1 or not _month_surname(doc, end - 1):
        return ent_of
    return {i: e for i, e in ent_of.items() if e is not last}


def _has_demonym(span: Span, geo: Gazetteer) -> bool:
    """"Roman Catholic", "West Indian": a people, not a person."""
    return geo.demonym_country(span.text) is not None \
        or any(geo.demonym_country(t.text) is not None for t in span[1:])


def _is_place(text: str, geo: Gazetteer) -> bool:
    entry = geo.lookup(text)
    return entry is not None and entry.match > 0


def _country_in_brackets(doc: Doc, i: int, geo: Gazetteer, words: int) -> bool:
    """``doc[i]`` is "(" opening "( Switzerland )", "( Czech Republic )" (at most ``words`` words)."""
    for j in range(i + 2, min(i + 2 + words, len(doc))):
        if doc[j].text == ")":
            return geo.is_country(doc[i + 1:j].text)
    return False


@Language.factory("newsextract_person_names", assigns=["doc.ents", "span._.nx_source"],
                  requires=["doc.ents", "doc.spans", "span._.nx_source"],
                  default_config={"max_age": 120, "country_max_words": 3, "results_name_max_words": 5})
def make_person_names(nlp: Language, name: str, max_age: int, country_max_words: int,
                      results_name_max_words: int) -> PersonNames:
    """``max_age``: the largest number read as an age in "Duran , 45 ,"; ``country_max_words``:
    the longest country in "( Czech Republic )"; ``results_name_max_words``: the longest
    name in a results slot."""
    return PersonNames(nlp, max_age=max_age, country_max_words=country_max_words,
                       results_name_max_words=results_name_max_words)
