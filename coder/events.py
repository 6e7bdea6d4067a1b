"""Code the events of one parsed sentence: who did what to whom, with the evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from coder.actors import NO_ANTECEDENTS, Antecedents, SentenceActors
from coder.arguments import GENERIC_STATEMENT, Dyad, find_dyads
from coder.clauses import unreal
from coder.codebook import EventCode
from coder.dates import find_date
from coder.dictionaries import ActorDictionary
from coder.instruments import Instruments
from coder.lexicon import Lexicon
from coder.parse import Parse, parse_of, span_text
from coder.records import Document, Event, Trigger
from coder.stances import ANNOUNCEMENTS, Stances
from coder.trace import Trace
from coder.verbs import VerbFrame, VerbMatch, match_verbs

COMPLEMENTS = frozenset({"xcomp", "ccomp"})  # "urged X to withdraw", "demanded that X withdraw"
FALLBACK_ENTRY = 0.85  # a looser entry coded because the best one found no source or target
BARE_VERB = 0.9  # an entry with no object, preposition or complement cue
ANNOUNCED_AS = {  # why an announced deed has the code it has, by kind of announcement
    "future": "announced for the future: coded as the intent or threat",
    "refused": "announced as not to be done: coded as the refusal",
}


@dataclass(frozen=True, slots=True)
class CodingContext:
    """Everything coding a sentence needs besides the sentence."""

    actors: ActorDictionary
    lexicon: Lexicon
    codebook: dict[str, EventCode]
    stances: Stances
    instruments: Instruments
    coder_version: str


@dataclass(frozen=True, slots=True)
class Coded:
    """The code chosen for a matched verb, and what beyond the lexicon entry chose it."""

    code: str
    how: str = ""  # a note for explanations
    rule: str = ""  # appended to the entry's id: the deed or weapon that refined the code
    words: tuple[int, ...] = ()  # the refining words (token indices), shown as triggers


@dataclass(slots=True)
class SentenceInfo:
    """The sentence being coded: its position, document, event date and text.

    Not frozen: thousands are built per batch, and a frozen dataclass sets each field through
    object.__setattr__ (twice the cost). Treat as read-only.
    """

    index: int
    document: Document
    event_date: date
    stated: bool  # whether the date is stated in the sentence (else publication)
    text: str  # as its events quote it


def code_sentence(
    sent: Span,
    index: int,
    document: Document,
    context: CodingContext,
    previous: Antecedents = NO_ANTECEDENTS,
    trace: Trace | None = None,
    home: str | None = None,
) -> list[Event]:
    """Every event the sentence states, at most one per (source, target, code).

    `previous` holds what the previous sentence offers a pronoun subject (see Antecedents); a
    `trace` collects why each verb was or was not coded; `home` is the dateline's country.
    """
    parse = parse_of(sent.doc)
    verbs = _lexicon_verbs(parse, sent, context.lexicon)
    if not verbs:
        return []  # most sentences of real news: no actor matching needed
    text = span_text(sent)
    stated = find_date(text, document.pub_date)
    day = stated or document.pub_date
    info = SentenceInfo(index, document, day, stated is not None, text.strip())
    actors = SentenceActors(sent, context.actors, info.event_date, previous, home)
    if not actors.has_names:
        if trace is not None:
            trace.add("(sentence)", -1, "no actor", detail="it names no actor dyad knows")
        return []
    fits: dict[int, list[VerbMatch]] = {}  # every verb's fitting entries, matched once
    candidates, announced = _candidates(parse, verbs, context, trace, fits)
    events: dict[tuple[str, str, str], Event] = {}
    for verb, ranked in candidates.items():
        if _governed(parse, verb, candidates):
            _note(trace, parse, verb, "governed", ranked[0], "complement of a coded verb")
            continue
        choice = _first_with_dyads(ranked, actors, context.codebook)
        if choice is None:
            _note(trace, parse, verb, "no source or target", ranked[0])
            continue
        match, dyads, factor = choice
        if match.entry.code == GENERIC_STATEMENT and _reports_a_clause(parse, verb):
            _note(trace, parse, verb, "reported clause", match, "the reported clause is the event")
            continue
        coded = _code_of(match, announced.get(verb), context, fits)
        _note(trace, parse, verb, "coded", match, coded.how)
        triggers = _triggers(match, coded)
        for dyad in dyads:
            key = (dyad.source.code, dyad.target.code if dyad.target else "", coded.code)
            if key not in events:
                events[key] = _event(match, coded, triggers, dyad, factor, info, context)
    return _drop_generic_statements(list(events.values()))


def _lexicon_verbs(parse: Parse, sent: Span, lexicon: Lexicon) -> list[int]:
    """The verbs of the sentence that have lexicon entries."""
    pos, lemma = parse.pos, parse.lemma
    return [i for i in range(sent.start, sent.end) if pos[i] == "VERB" and lexicon.knows(lemma[i])]


def _governed(parse: Parse, verb: int, candidates: dict[int, list[VerbMatch]]) -> bool:
    """Whether the verb only says what a coded verb above it urged, promised or demanded.

    "urged Israel to withdraw", "demanded that Russia withdraw", also through an uncoded verb
    or a conjunct between them ("urged China to stop *supporting* Russia", "demanded that
    Rwanda withdraw and stop *supporting* M23"): the deed did not happen. Under a
    plain statement ("said Russia attacked") the complement is the reported event.
    """
    dep = parse.dep
    complement = False  # a conjunct of a coded verb is an event of its own: "met and signed"
    for _ in range(4):
        if dep[verb] not in COMPLEMENTS and dep[verb] != "conj":
            return False
        complement = complement or dep[verb] in COMPLEMENTS
        verb = parse.head[verb]
        if verb in candidates and complement:
            return candidates[verb][0].entry.code != GENERIC_STATEMENT
    return False


def _candidates(
    parse: Parse,
    verbs: list[int],
    context: CodingContext,
    trace: Trace | None,
    fits: dict[int, list[VerbMatch]],
) -> tuple[dict[int, list[VerbMatch]], dict[int, str]]:
    """Matching lexicon entries per verb that states a real event (not negated, modal or
    hypothetical, nor a complement of such a verb), and which of those verbs announce a deed
    for the future ("future") or announce it will not be done ("refused"); for those, only
    entries whose deed CAMEO codes an intent, threat or refusal for are kept."""
    candidates: dict[int, list[VerbMatch]] = {}
    announced: dict[int, str] = {}
    lexicon = context.lexicon
    stances = context.stances
    for token in verbs:
        reason = unreal(parse, token)  # looks up through the verbs it depends on, too
        if reason and reason not in ANNOUNCEMENTS:
            _note(trace, parse, token, reason)
            continue
        ranked = _fitting(parse, token, lexicon, fits)
        if reason in ANNOUNCEMENTS:
            ranked = [m for m in ranked if stances.announced(m.entry.code, reason)]
            announced[token] = reason
        if ranked:
            candidates[token] = ranked
        else:
            _note(
                trace, parse, token, reason or "no entry", detail="no lexicon entry fits its cues"
            )
    return candidates, announced


def _fitting(
    parse: Parse, verb: int, lexicon: Lexicon, fits: dict[int, list[VerbMatch]]
) -> list[VerbMatch]:
    """The lexicon entries that fit the verb, best first, kept in `fits`: a complement whose
    deed refines a statement ("agreed to *expand* cooperation") is a candidate verb too."""
    if verb not in fits:
        fits[verb] = match_verbs(VerbFrame.of(parse, verb), lexicon)
    return fits[verb]


def _code_of(
    match: VerbMatch,
    announced: str | None,
    context: CodingContext,
    fits: dict[int, list[VerbMatch]],
) -> Coded:
    """The event code of a chosen match: a deed announced for the future codes as its intent or
    threat, one announced as not to be done as its refusal; a statement takes its subcode from
    the deed it is about; a generic attack takes the code of the weapon that carried it out
    ("Russian *drones* attacked Odesa": 195)."""
    code = match.entry.code
    if announced is not None:
        code = context.stances.announced(code, announced) or code
        return Coded(code, ANNOUNCED_AS[announced])
    refined, deed = _refined(match, context, fits)
    if deed is not None:
        frame = deed.frame
        particle = (frame.particle,) if frame.particle is not None else ()
        words = (frame.verb, *particle, *deed.cue_tokens)
        return Coded(refined, f"subcode from {deed.entry.id}", deed.entry.id, words)
    weapon = context.instruments.refine(code, match.frame.parse, match.frame.verb)
    if weapon is not None:
        refined, word, name = weapon
        return Coded(refined, f"code from the weapon '{name}'", f"weapon:{name}", (word,))
    return Coded(code)


def _refined(
    match: VerbMatch, context: CodingContext, fits: dict[int, list[VerbMatch]]
) -> tuple[str, VerbMatch | None]:
    """The entry's code, or the subcode its complement's deed gives a statement about it
    ("urged Germany to *send missiles*": 0232), with the deed's match."""
    code = match.entry.code
    if not context.stances.covers(code):
        return code, None
    lexicon = context.lexicon
    # the complement, a clause saying what for ("marched *demanding* the president's exit"), or
    # what the object asks for ("rejected a German request *to re-export* ammunition")
    frame = match.frame
    parse = frame.parse
    dep = parse.dep
    purposes = [c for c in parse.children[frame.verb] if dep[c] == "advcl"]
    asked = (
        [c for c in parse.children[frame.obj] if dep[c] in ("acl", "relcl")]
        if frame.obj is not None
        else []
    )
    for verb in (*frame.complements, *purposes, *asked):
        if not lexicon.knows(parse.lemma[verb]) or any(
            dep[c] == "neg" for c in parse.children[verb]
        ):
            continue
        for deed in _fitting(parse, verb, lexicon, fits):
            refined = context.stances.refine(code, deed.entry.code)
            if refined:
                return refined, deed
    return code, None


def _first_with_dyads(
    ranked: list[VerbMatch], actors: SentenceActors, codebook: dict[str, EventCode]
) -> tuple[VerbMatch, list[Dyad], float] | None:
    """The best-ranked entry that yields a source (and a target it needs), with its confidence
    factor; a looser entry if the best cannot; None if none can."""
    for rank, match in enumerate(ranked):
        dyads = find_dyads(match, actors, material=codebook[match.entry.code].material)
        if dyads:
            factor = (1.0 if rank == 0 else FALLBACK_ENTRY) * (
                1.0 if match.cue_tokens else BARE_VERB
            )
            return match, dyads, factor
    return None


def _note(
    trace: Trace | None,
    parse: Parse,
    verb: int,
    outcome: str,
    match: VerbMatch | None = None,
    detail: str = "",
) -> None:
    if trace is not None:
        trace.add(parse.text[verb], verb, outcome, match.entry.id if match else None, detail)


def _event(
    match: VerbMatch,
    coded: Coded,
    triggers: tuple[Trigger, ...],
    dyad: Dyad,
    factor: float,
    info: SentenceInfo,
    context: CodingContext,
) -> Event:
    """The event of a matched verb, coded as `coded` says."""
    document = info.document
    code = context.codebook[coded.code]
    return Event(
        doc_id=document.doc_id,
        sentence_index=info.index,
        sentence_text=info.text,
        event_date=info.event_date,
        date_source="sentence" if info.stated else "publication",
        source=dyad.source,
        target=dyad.target,
        code=code.code,
        root_code=code.root_code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        triggers=triggers,
        rule_id=f"{match.entry.id}+{coded.rule}" if coded.rule else match.entry.id,
        coder_version=context.coder_version,
        confidence=round(dyad.confidence * factor, 2),
        url=document.url,
        outlet=document.outlet,
    )


def _triggers(match: VerbMatch, coded: Coded) -> tuple[Trigger, ...]:
    """The words that triggered the code, in text order: the verb, its particle and cue words,
    and the words that refined it (the deed's, the weapon)."""
    frame = match.frame
    particle = [frame.particle] if frame.particle is not None else []
    words = [frame.verb, *particle, *match.cue_tokens, *coded.words]
    return tuple(_trigger(frame.parse, i) for i in sorted(set(words)))


def _trigger(parse: Parse, i: int) -> Trigger:
    """The trigger word at token `i`, with its character offsets."""
    text, start = parse.text[i], parse.idx[i]
    return Trigger(text, start, start + len(text))


def _reports_a_clause(parse: Parse, verb: int) -> bool:
    """Whether a statement verb only frames a reported clause ("X did Y, officials said", "said
    it was confident"): the clause is what happened, coded if the lexicon knows it."""
    dep = parse.dep
    return dep[verb] == "parataxis" or any(
        dep[c] in ("ccomp", "parataxis") for c in parse.children[verb]
    )


def _drop_generic_statements(events: list[Event]) -> list[Event]:
    """A bare "said" is coded only when the sentence reports nothing more specific."""
    if any(event.code != GENERIC_STATEMENT for event in events):
        return [event for event in events if event.code != GENERIC_STATEMENT]
    return events
