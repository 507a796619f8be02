"""The output record: one ``Article`` per input, ``to_dict()`` is the JSON Schema."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Role:
    """A title and the body or country it belongs to. ``where`` (character offsets of
    the words naming the body) and ``country`` (ISO code of a nationality) are how the
    extractor finds the organization's entry; they are not output."""
    title: str
    organization: str | None = None
    where: tuple[int, int] | None = None
    country: str | None = None
    loose: bool = False  # the words were read as a name: a body only if no one is called so

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization}


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _judged(self, {"name": self.name, "titles": list(self.titles),
                              "roles": [r.to_dict() for r in self.roles],
                              "mentions": [m.to_dict() for m in self.mentions]})


@dataclass(slots=True)
class Place:
    name: str
    kind: str = "other"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)
    geonames_id: int | None = None
    evidence: list[str] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _judged(self, {"name": self.name, "kind": self.kind, "country": self.country,
                              "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id,
                              "mentions": [m.to_dict() for m in self.mentions]})


@dataclass(slots=True)
class Organization:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _judged(self, {"name": self.name, "mentions": [m.to_dict() for m in self.mentions]})


def _judged(entry, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the entry's ``confidence`` and ``evidence`` when it was judged."""
    if entry.confidence is not None:
        record["confidence"] = entry.confidence
        record["evidence"] = list(entry.evidence)
    return record


@dataclass(frozen=True, slots=True)
class DateExpr:
    text: str
    start: int
    end: int
    type: str
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "type": self.type, "value": self.value}


@dataclass(frozen=True, slots=True)
class Commitment:
    actor: str | None
    modality: str
    action: str
    object: str | None
    when: str | None
    negated: bool
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "modality": self.modality, "action": self.action,
                "object": self.object, "when": self.when, "negated": self.negated,
                "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    # the organization the speaker speaks for ("Arsenal director Danny Fiszman": Arsenal;
    # an organization speaking: itself), the actor of a quoted "we"; not written out
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "speaker": self.speaker, "cue": self.cue}


@dataclass(slots=True)
class Article:
    id: str
    source: str
    title: str | None = None
    category: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str | None = None
    words: int = 0
    text: str | None = None
    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: dict[str, str] | None = None
    include_text: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"schema": SCHEMA_VERSION, "id": self.id, "source": self.source}
        if self.error is not None:
            record["error"] = dict(self.error)
            if self.warnings:
                record["warnings"] = list(self.warnings)
            return record
        record.update({
            "title": self.title,
            "category": self.category,
            "published": self.published,
            "url": self.url,
        })
        if self.encoding is not None:
            record["encoding"] = self.encoding
        record["words"] = self.words
        if self.include_text and self.text is not None:
            record["text"] = self.text
        record["people"] = [p.to_dict() for p in self.people]
        record["places"] = [p.to_dict() for p in self.places]
        record["organizations"] = [o.to_dict() for o in self.organizations]
        record["dates"] = [d.to_dict() for d in self.dates]
        record["commitments"] = [c.to_dict() for c in self.commitments]
        record["quotes"] = [q.to_dict() for q in self.quotes]
        record["warnings"] = list(self.warnings)
        return record

    @classmethod
    def failed(cls, *, id: str, source: str, type: str, message: str,
               warnings: list[str] | None = None) -> "Article":
        return cls(id=id, source=source, error={"type": type, "message": message},
                   warnings=list(warnings or []))


def failed_record(item, type: str, message: str) -> Article:
    """The error record of an input (an ``ArticleInput``) that could not be processed:
    its id, source and warnings, the error's ``type`` and ``message``. Every engine
    and every failure builds it here."""
    return Article.failed(id=item.id, source=item.source, type=type, message=message,
                          warnings=item.warnings)
