"""Match lexicon entries against a verb in the dependency parse.

Words are token indices into the document's `Parse` (see coder/parse.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from coder.lexicon import CuesByHead, Lexicon, NounCue, VerbEntry
from coder.parse import Parse

# Nouns that stand for an amount of what follows: "a wave of attacks", "$2 billion in aid".
QUANTITY_NOUNS = frozenset(
    "wave series barrage string spate round number worth million billion trillion thousand "
    "thousands hundred hundreds dozen dozens ten tens package batch shipment consignment "
    "tonne ton dollar euro pound yuan yen rupee".split()
)
QUANTITY_PREPS = frozenset({"of", "in"})  # "a wave of attacks", "$2 billion in military aid"
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
PARTICLES = frozenset({"out", "back", "down", "off", "up", "away", "over", "in"})
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today yesterday tonight weekend "
    "morning evening night week month year".split()
)


@dataclass(slots=True)
class VerbFrame:
    """What a verb governs in the parse: its object, prepositions and complements.

    Not frozen: thousands are built per batch, and a frozen dataclass sets each field through
    object.__setattr__ (twice the cost). Treat as read-only.
    """

    parse: Parse = field(repr=False)
    verb: int
    particle: int | None
    passive: bool
    obj: int | None  # direct object; the passive subject when passive
    dative: int | None
    preps: tuple[tuple[str, int, int], ...]  # (preposition, preposition token, its object)
    complements: tuple[int, ...]
    # Nouns an object cue may match: the direct object, then the complements' objects.
    objects: tuple[int, ...]
    # What entries are checked against, read once per frame rather than once per entry tried.
    prep_names: frozenset[str]
    complement_lemmas: frozenset[str]

    @classmethod
    def of(cls, parse: Parse, verb: int) -> VerbFrame:
        """The frame of the verb at token `verb`."""
        dep, lower = parse.dep, parse.lower
        children = parse.children[verb]
        passive = any(dep[child] in ("nsubjpass", "auxpass") for child in children)
        particle = next((c for c in children if _is_particle(parse, c)), None)
        obj_dep = "nsubjpass" if passive else "dobj"
        obj = next((c for c in children if dep[c] == obj_dep), None)
        if obj is not None and lower[obj] in RELATIVE_PRONOUNS and dep[verb] == "relcl":
            obj = parse.head[verb]  # "Hezbollah, *which* is backed by Iran": Hezbollah is backed
        if obj is not None:
            obj = through_quantity(parse, obj)
        dative = next((c for c in children if dep[c] == "dative"), None)
        # By dependency, not tag: the parser sometimes tags a complement verb as an adjective.
        complements = tuple(c for c in children if dep[c] in ("xcomp", "ccomp"))
        holders = [verb, *([obj] if obj is not None else []), *complements]
        preps = tuple(
            (lower[prep], prep, pobj)
            for holder in holders
            for prep in _prepositions(parse, holder)
            if dep[prep] == "prep" or (dep[prep] == "dative" and parse.pos[prep] == "ADP")
            for pobj in parse.children[prep]
            if dep[pobj] in ("pobj", "pcomp")  # "accused X of violating ..."
            and not _is_time(parse, pobj)  # "called Zelenskiy on Tuesday": no "call on"
        )
        return cls(
            parse,
            verb,
            particle,
            passive,
            obj,
            dative,
            preps,
            complements,
            _objects(parse, verb, passive, obj, complements),
            frozenset(name for name, _, _ in preps),
            frozenset(parse.lemma[c] for c in complements),
        )

    @property
    def keys(self) -> tuple[str, ...]:
        """Lexicon keys for this verb: "lemma particle" first, then the bare lemma."""
        lemma = self.parse.lemma[self.verb]
        if self.particle is not None:
            return (f"{lemma} {self.parse.lower[self.particle]}", lemma)
        return (lemma,)


@dataclass(slots=True)
class VerbMatch:
    """A lexicon entry that fits a verb frame, with the tokens that matched its conditions.

    Not frozen: thousands are built per batch, and a frozen dataclass sets each field through
    object.__setattr__ (twice the cost). Treat as read-only.
    """

    entry: VerbEntry
    frame: VerbFrame
    cue_tokens: tuple[int, ...]


def match_verbs(frame: VerbFrame, lexicon: Lexicon) -> list[VerbMatch]:
    """Every lexicon entry that fits the frame, best first.

    Entries for the phrasal verb ("crack down") come before the bare verb's; then the more
    specific entry (more conditions, more cue words); then the one earlier in the file.
    """
    parse = frame.parse
    ranked: list[tuple[tuple[int, int, int], VerbMatch]] = []
    nouns = [
        *frame.objects,
        *(
            c
            for n in frame.objects
            if parse.pos[n] == "PROPN"
            for c in parse.children[n]
            if parse.dep[c] == "compound"
        ),
    ]  # a name's title: "Foreign Minister"
    words = {w for noun in nouns for w in (parse.lemma[noun], parse.lower[noun])}
    for priority, key in enumerate(reversed(frame.keys)):
        for entry in lexicon.entries_for(key, words, frame.complement_lemmas, frame.prep_names):
            fit = _fit(entry, frame)
            if fit is not None:
                cues, n_words = fit
                rank = (priority, entry.specificity + n_words, -entry.order)
                ranked.append((rank, VerbMatch(entry, frame, cues)))
    ranked.sort(key=itemgetter(0), reverse=True)
    return [match for _, match in ranked]


def _fit(entry: VerbEntry, frame: VerbFrame) -> tuple[tuple[int, ...], int] | None:
    """The cue tokens and the number of cue words, if every condition holds; else None."""
    if entry.prep and entry.prep not in frame.prep_names:
        return None  # the cheap checks first: most entries tried fail on them
    if entry.complements and entry.complements.isdisjoint(frame.complement_lemmas):
        return None
    parse = frame.parse
    cues: list[int] = []
    if entry.objects:
        # The verb's object; for an entry that names the complement verb, also that verb's
        # object ("pledged to send *humanitarian aid*": the complement gives it its meaning).
        nouns = (
            frame.objects
            if entry.complements
            else frame.objects[:1]
            if frame.obj is not None
            else ()
        )
        found = None
        for noun in nouns:
            found = _noun_fits(parse, noun, entry.objects, entry.object_heads)
            if found is not None:
                break
        if found is None:
            return None
        cues.extend(found)
    if entry.prep:
        pairs = [(prep, pobj) for name, prep, pobj in frame.preps if name == entry.prep]
        fits: list[tuple[int, tuple[int, ...] | None]] = [(prep, None) for prep, _ in pairs]
        if entry.prep_objects:  # "supplied Russia with *hundreds of* drones": the drones
            wanted, heads = entry.prep_objects, entry.prep_object_heads
            fits = [
                (prep, _noun_fits(parse, through_quantity(parse, pobj), wanted, heads))
                for prep, pobj in pairs
            ]
            fits = [(prep, found) for prep, found in fits if found is not None]
        if not fits:
            return None
        prep, found = fits[0]
        cues.append(prep)
        if entry.prep_objects and found:
            cues.extend(found)
    if entry.complements:
        complement = next(
            (c for c in frame.complements if parse.lemma[c] in entry.complements), None
        )
        if complement is None:
            return None
        cues.append(complement)
    return tuple(cues), len(cues)


def _noun_fits(
    parse: Parse, token: int, cues: tuple[NounCue, ...], heads: CuesByHead
) -> tuple[int, ...] | None:
    """The noun and its matched modifiers for the most specific cue it fits, else None."""
    lemma, lower = parse.lemma[token], parse.lower[token]
    modifiers: list[int] | None = None  # built only once a cue's head matches
    words: set[str] = set()  # the modifiers' forms and lemmas: a cue needing others cannot fit
    best: tuple[int, ...] | None = None
    for cue in _headed_by(cues, heads, lemma, lower):
        if modifiers is None:
            modifiers = [c for c in parse.children[token] if parse.dep[c] in NOUN_MODIFIER_DEPS]
            words = {w for m in modifiers for w in (parse.lower[m], parse.lemma[m])}
        if not cue.modifiers <= words:
            continue
        matched = [
            m
            for m in modifiers
            if parse.lower[m] in cue.modifiers or parse.tagged_lemma[m] in cue.modifiers
        ]
        if {w for m in matched for w in (parse.lower[m], parse.lemma[m])} >= cue.modifiers:
            found = (*matched, token)
            if best is None or len(found) > len(best):
                best = found
    if best is None and parse.pos[token] == "PROPN":  # "received Foreign *Minister* Wang Yi"
        titles = (c for c in parse.children[token] if parse.dep[c] == "compound")
        for title in titles:
            best = _noun_fits(parse, title, cues, heads)
            if best is not None:
                return best
    return best


def _headed_by(
    cues: tuple[NounCue, ...], heads: CuesByHead, lemma: str, lower: str
) -> tuple[NounCue, ...]:
    """The cues whose head is the noun's lemma or lower-case form, in the entry's order."""
    by_lemma = heads.get(lemma, ())
    if lemma == lower:
        return by_lemma
    by_form = heads.get(lower, ())
    if not by_lemma or not by_form:
        return by_lemma or by_form
    return tuple(cue for cue in cues if cue.head == lemma or cue.head == lower)


def _objects(
    parse: Parse, verb: int, passive: bool, obj: int | None, complements: tuple[int, ...]
) -> tuple[int, ...]:
    """The direct object, the object a passive verb keeps ("was granted *asylum* by Spain"),
    then the complements' objects."""
    nouns = [obj] if obj is not None else []
    if passive:
        nouns.extend(
            through_quantity(parse, c) for c in parse.children[verb] if parse.dep[c] == "dobj"
        )
    nouns.extend(
        through_quantity(parse, c)
        for complement in complements
        for c in parse.children[complement]
        if parse.dep[c] == "dobj"
    )
    return tuple(nouns)


def _is_particle(parse: Parse, token: int) -> bool:
    """A verb particle, also where the parser calls it an adverb or an objectless preposition:
    "stepped *down*", "pulled *out* of Khiam"."""
    dep = parse.dep[token]
    if dep == "prt":
        return True
    if parse.lower[token] not in PARTICLES or token < parse.head[token]:
        return False
    return dep == "advmod" or (
        dep == "prep" and not any(parse.dep[c] == "pobj" for c in parse.children[token])
    )


def _prepositions(parse: Parse, holder: int) -> list[int]:
    """The prepositions on a word, including those under a particle ("out *of* Khiam")."""
    found = []
    for child in parse.children[holder]:
        found.append(child)
        if _is_particle(parse, child):
            found.extend(c for c in parse.children[child] if parse.dep[c] == "prep")
    return found


def _is_time(parse: Parse, token: int) -> bool:
    """A weekday, month, year or date as the object of a preposition ("on Tuesday")."""
    if parse.lower[token] in TIME_WORDS:
        return True
    word = parse.token(token)
    return word.ent_type_ in ("DATE", "TIME") or (word.like_num and len(word.text) == 4)


def through_quantity(parse: Parse, obj: int) -> int:
    """ "a wave of attacks" → "attacks"."""
    if parse.lemma[obj] not in QUANTITY_NOUNS:
        return obj
    for prep in parse.children[obj]:
        if parse.dep[prep] == "prep" and parse.lower[prep] in QUANTITY_PREPS:
            for pobj in parse.children[prep]:
                if parse.dep[pobj] == "pobj":
                    return pobj
    return obj
