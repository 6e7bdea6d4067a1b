"""Explain how the coder codes a text: parse, actors, verb decisions and events, per sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coder.actors import Antecedents, SentenceActors
from coder.dateline import blank_datelines
from coder.dates import find_date
from coder.engine import Coder
from coder.events import code_sentence
from coder.records import Document, Event
from coder.trace import Decision, Trace


@dataclass(frozen=True, slots=True)
class Token:
    """One parsed word, as the explanation shows it."""

    index: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True, slots=True)
class SentenceExplanation:
    """Everything the coder saw and decided in one sentence."""

    index: int
    text: str
    event_date: date
    date_stated: bool
    tokens: tuple[Token, ...]
    names: tuple[tuple[str, str, str], ...]  # (words, code, dictionary entry)
    decisions: tuple[Decision, ...]
    events: tuple[Event, ...]


def explain(coder: Coder, text: str, pub_date: date) -> list[SentenceExplanation]:
    """Parse and code `text` published on `pub_date`, keeping every decision."""
    document = Document("explain", text, pub_date)
    doc = coder.nlp(blank_datelines(text))
    explained = []
    previous = Antecedents()
    home = coder.home_country(text)
    for index, sent in enumerate(doc.sents):
        trace = Trace()
        events = code_sentence(sent, index, document, coder.context, previous, trace, home)
        stated = find_date(sent.text, pub_date)
        actors = SentenceActors(sent, coder.context.actors, stated or pub_date)
        names = tuple(
            (doc[m.start : m.end].text, m.value.code, m.value.label) for m in actors.named
        )
        tokens = tuple(
            Token(t.i - sent.start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.start)
            for t in sent
            if not t.is_space
        )
        explained.append(
            SentenceExplanation(
                index,
                sent.text.strip(),
                stated or pub_date,
                stated is not None,
                tokens,
                names,
                tuple(trace.decisions),
                tuple(events),
            )
        )
        previous = Antecedents.of(sent, events)
    return explained
