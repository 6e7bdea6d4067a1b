"""The records the coder reads and writes: documents in, events out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DateSource = Literal["publication", "sentence"]


@dataclass(frozen=True, slots=True)
class Document:
    """A news document to code."""

    doc_id: str
    text: str
    pub_date: date
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str = ""  # the file (and line) it came from

    @property
    def content_hash(self) -> str:
        """SHA-256 hex digest of the text."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor found in a sentence: its CAMEO code and where it came from."""

    code: str
    text: str
    country: str | None
    role: str | None
    entry: str  # the dictionary entry that gave the code, e.g. "countries:RUS + roles:force"
    confidence: float = 1.0  # lower when the actor was inferred (see docs/coding.md)
    placed: bool = True  # False for a role with no country yet ("the police"), see arguments

    @property
    def is_place(self) -> bool:
        """Whether the actor is only a place ("Kharkiv"): a possible target, never a source."""
        return self.role is None and self.entry.startswith("places:")

    def placed_in(self, country: str, confidence: float, source: str) -> Actor:
        """This role-only actor, placed in `country` (taken from `source`)."""
        code = country + (self.role or "")
        label = f"{self.entry} in {country} (from {source})"
        return Actor(code, self.text, country, self.role, label, self.confidence * confidence)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that triggered an event code, with its character offsets in the document."""

    word: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    doc_id: str
    sentence_index: int
    sentence_text: str
    event_date: date
    date_source: DateSource
    source: Actor
    target: Actor | None
    code: str
    root_code: str
    quad_class: int
    goldstein: float
    triggers: tuple[Trigger, ...]
    rule_id: str
    coder_version: str
    confidence: float = 1.0  # how complete the evidence is, 0..1 (docs/coding.md)
    url: str | None = None
    outlet: str | None = None
    event_id: str = field(init=False)

    def __post_init__(self) -> None:
        first = self.triggers[0].char_start if self.triggers else -1
        target = self.target.code if self.target else ""
        key = f"{self.doc_id}|{self.sentence_index}|{self.source.code}|{target}|{self.code}|{first}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
        object.__setattr__(self, "event_id", digest)

    def to_record(self) -> dict[str, object]:
        """The event as a flat row with the column names of the `events` table."""
        target = self.target
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence_text": self.sentence_text,
            "event_date": self.event_date,
            "date_source": self.date_source,
            "source": self.source.code,
            "source_text": self.source.text,
            "source_country": self.source.country,
            "source_role": self.source.role,
            "target": target.code if target else "",
            "target_text": target.text if target else "",
            "target_country": target.country if target else None,
            "target_role": target.role if target else None,
            "code": self.code,
            "root_code": self.root_code,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "url": self.url,
            "outlet": self.outlet,
            "trigger_text": " ".join(t.word for t in self.triggers),
            "triggers": [
                {"word": t.word, "char_start": t.char_start, "char_end": t.char_end}
                for t in self.triggers
            ],
            "rule_id": self.rule_id,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
        }

    def to_output(self) -> dict[str, object]:
        """The event as `dyad code` writes it: the record, with its evidence grouped."""
        record = self.to_record()
        evidence = {
            "sentence": record.pop("sentence_text"),
            "trigger_text": record.pop("trigger_text"),
            "triggers": record.pop("triggers"),
            "rule_id": record.pop("rule_id"),
            "source_entry": self.source.entry,
            "target_entry": self.target.entry if self.target else None,
        }
        record["event_date"] = self.event_date.isoformat()
        record["evidence"] = evidence
        return record


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A document after coding: its sentence count and events."""

    document: Document
    n_sentences: int
    events: tuple[Event, ...]

    def to_record(self) -> dict[str, object]:
        """The document as a row of the `documents` table."""
        doc = self.document
        return {
            "doc_id": doc.doc_id,
            "pub_date": doc.pub_date,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "text": doc.text,
            "content_hash": doc.content_hash,
            "origin": doc.origin,
            "n_chars": len(doc.text),
            "n_sentences": self.n_sentences,
        }
