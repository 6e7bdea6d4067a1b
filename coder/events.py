"""Code the events of one parsed sentence: who did what to whom, with the evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from coder.actors import SentenceActors
from coder.codebook import EventCode
from coder.dates import find_date
from coder.dictionaries import ActorDictionary
from coder.lexicon import Lexicon
from coder.records import Actor, Document, Event, Trigger
from coder.verbs import VerbFrame, VerbMatch, match_verbs

GENERIC_STATEMENT = "010"
INHERITS_SUBJECT = frozenset({"xcomp", "conj"})  # "agreed to withdraw", "met and signed"
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
FINITE_CLAUSES = frozenset({"ROOT", "ccomp"})
COMPLEMENTS = frozenset({"xcomp", "ccomp"})  # clauses whose subject the parser may misplace


@dataclass(frozen=True, slots=True)
class CodingContext:
    """Everything coding a sentence needs besides the sentence."""

    actors: ActorDictionary
    lexicon: Lexicon
    codebook: dict[str, EventCode]
    coder_version: str


def code_sentence(
    sent: Span, index: int, document: Document, context: CodingContext
) -> list[Event]:
    """Every event the sentence states, at most one per (source, target, code)."""
    actors = SentenceActors(sent, context.actors)
    if not actors.has_names:
        return []
    stated = find_date(sent.text, document.pub_date)
    when = (stated or document.pub_date, stated is not None)
    candidates = _candidates(sent, context.lexicon)
    events: dict[tuple[str, str, str], Event] = {}
    for token_index, ranked in candidates.items():
        if _governed(sent.doc[token_index], candidates):
            continue
        match, dyads = _first_with_dyads(ranked, actors)
        for source, target in dyads:
            key = (source.code, target.code if target else "", match.entry.code)
            if key not in events:
                events[key] = _event(match, source, target, sent, index, document, when, context)
    return _drop_generic_statements(list(events.values()))


def _governed(verb: Token, candidates: dict[int, list[VerbMatch]]) -> bool:
    """Whether the verb only says what a coded verb above it urged, promised or demanded.

    "urged Israel to withdraw", "demanded that Russia withdraw": the withdrawal did not happen.
    Under a plain statement ("said Russia attacked") the complement is the reported event.
    """
    if verb.dep_ not in COMPLEMENTS or verb.head.i not in candidates:
        return False
    return candidates[verb.head.i][0].entry.code != GENERIC_STATEMENT


def _candidates(sent: Span, lexicon: Lexicon) -> dict[int, list[VerbMatch]]:
    """Matching lexicon entries per verb; a negated verb and its complements get none."""
    candidates: dict[int, list[VerbMatch]] = {}
    negated: set[int] = set()
    for token in sent:
        if token.pos_ != "VERB":
            continue
        if _negated(token) or (token.dep_ == "xcomp" and token.head.i in negated):
            negated.add(token.i)  # "did not agree to withdraw": neither is coded
            continue
        if not lexicon.knows(token.lemma_.lower()):
            continue
        ranked = match_verbs(VerbFrame.of(token), lexicon)
        if ranked:
            candidates[token.i] = ranked
    return candidates


def _first_with_dyads(
    ranked: list[VerbMatch], actors: SentenceActors
) -> tuple[VerbMatch, list[tuple[Actor, Actor | None]]]:
    """The best-ranked entry that yields a source and target; a looser one if the best cannot."""
    for match in ranked:
        dyads = _dyads(match, actors)
        if dyads:
            return match, dyads
    return ranked[0], []


def _dyads(match: VerbMatch, actors: SentenceActors) -> list[tuple[Actor, Actor | None]]:
    verb = match.frame.verb
    sources = [actor for token in _subjects(match.frame) for actor in actors.actors_at(token, verb)]
    if not sources:
        return []
    targets = _targets(match, actors, {source.code for source in sources})
    if not targets and len(sources) > 1 and _mutual(match):
        return [(a, b) for a in sources for b in sources if a.code != b.code]  # "X and Y met"
    if targets is None:
        return []
    if not targets:
        return [(source, None) for source in sources]  # a target-less event: "X protested"
    return [(s, t) for s in sources for t in targets if t.code != s.code]


def _mutual(match: VerbMatch) -> bool:
    """Whether "X and Y <verb>" with no stated target is X and Y acting on each other.

    So when the verb acts on nothing but its own cue ("agreed to expand cooperation", "met"),
    and it is not a public statement (root 01), which two parties make jointly, not to each other.
    """
    obj = match.frame.obj
    return (obj is None or obj in match.cue_tokens) and not match.entry.code.startswith("01")


def _subjects(frame: VerbFrame) -> list[Token]:
    """The tokens that do the action: the subject, or the `by` agent of a passive verb."""
    verb = frame.verb
    for _ in range(4):  # follow xcomp/conj heads up to the verb that has the subject
        if frame.passive:
            agents = [
                pobj
                for child in verb.children
                if child.dep_ == "agent"
                for pobj in child.children
                if pobj.dep_ == "pobj"
            ]
            return agents
        subjects = [child for child in verb.children if child.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return [verb.head]
            return [subject]
        if verb.dep_ in FINITE_CLAUSES:
            return _fronted_subject(verb)
        if verb.dep_ not in INHERITS_SUBJECT:
            return []
        verb = verb.head
    return []


def _fronted_subject(verb: Token) -> list[Token]:
    """The noun phrase just before a subjectless finite verb, back to the last punctuation.

    Repairs parses where an opening phrase swallows the subject: "In Minsk, China and Belarus
    agreed ..." parsed with "China and Belarus" as conjuncts of "Minsk".
    """
    start = verb.i
    while start > verb.sent.start and not verb.doc[start - 1].is_punct:
        start -= 1
    for token in verb.doc[start : verb.i]:
        if token.pos_ in ("PROPN", "NOUN") and not (start <= token.head.i < verb.i):
            return [token]
    return []


def _targets(
    match: VerbMatch, actors: SentenceActors, source_codes: set[str]
) -> list[Actor] | None:
    """Target actors by the entry's preference; [] for a target-less event; None if none fits.

    A slot whose actors are all sources ("Nepal lifted the curfew in Kathmandu") is passed over.
    """
    frame = match.frame
    for slot in match.entry.targets:
        if slot == "none":
            return []
        for token in _slot_tokens(slot, frame):
            found = actors.actors_at(token, frame.verb)
            if any(actor.code not in source_codes for actor in found):
                return found
    return None


def _slot_tokens(slot: str, frame: VerbFrame) -> list[Token]:
    if slot == "dobj":
        return [frame.obj] if frame.obj is not None else []
    if slot == "comp":  # "threatened to attack Ukraine", "demanded that Russia withdraw"
        return [
            c for verb in frame.complements for c in verb.children if c.dep_ in ("nsubj", "dobj")
        ]
    if slot == "dative":
        tokens = [frame.dative] if frame.dative is not None else []
        return [c for t in tokens for c in ([t] if t.pos_ != "ADP" else list(t.children))]
    name = slot.removeprefix("prep:")
    return [pobj for prep_name, _, pobj in frame.preps if prep_name == name]


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _event(
    match: VerbMatch,
    source: Actor,
    target: Actor | None,
    sent: Span,
    index: int,
    document: Document,
    when: tuple[date, bool],
    context: CodingContext,
) -> Event:
    code = context.codebook[match.entry.code]
    frame = match.frame
    words = [frame.verb, *([frame.particle] if frame.particle else []), *match.cue_tokens]
    triggers = tuple(
        Trigger(t.text, t.idx, t.idx + len(t.text)) for t in sorted(set(words), key=lambda t: t.i)
    )
    return Event(
        doc_id=document.doc_id,
        sentence_index=index,
        sentence_text=sent.text.strip(),
        event_date=when[0],
        date_source="sentence" if when[1] else "publication",
        source=source,
        target=target,
        code=code.code,
        root_code=code.root_code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        triggers=triggers,
        rule_id=match.entry.id,
        coder_version=context.coder_version,
        url=document.url,
        outlet=document.outlet,
    )


def _drop_generic_statements(events: list[Event]) -> list[Event]:
    """A bare "said" is coded only when the sentence reports nothing more specific."""
    if any(event.code != GENERIC_STATEMENT for event in events):
        return [event for event in events if event.code != GENERIC_STATEMENT]
    return events
