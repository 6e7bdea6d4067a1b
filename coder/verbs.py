"""Match lexicon entries against a verb in the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from coder.lexicon import Lexicon, NounCue, VerbEntry

# Nouns that stand for an amount of what follows: "a wave of attacks", "$2 billion in aid".
QUANTITY_NOUNS = frozenset(
    "wave series barrage string spate round number worth million billion trillion thousand "
    "thousands hundred hundreds dozen dozens ten tens package batch shipment consignment "
    "tonne ton dollar euro pound yuan yen rupee".split()
)
QUANTITY_PREPS = frozenset({"of", "in"})  # "a wave of attacks", "$2 billion in military aid"
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
Forms = dict[int, tuple[str, str]]
PARTICLES = frozenset({"out", "back", "down", "off", "up", "away", "over", "in"})
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today yesterday tonight weekend "
    "morning evening night week month year".split()
)


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """What a verb governs in the parse: its object, prepositions and complements."""

    verb: Token
    particle: Token | None
    passive: bool
    obj: Token | None  # direct object; the passive subject when passive
    dative: Token | None
    preps: tuple[tuple[str, Token, Token], ...]  # (preposition, preposition token, its object)
    complements: tuple[Token, ...]
    # Nouns an object cue may match: the direct object, then the complements' objects.
    objects: tuple[Token, ...]
    # What entries are checked against, read once per frame rather than once per entry tried.
    prep_names: frozenset[str]
    complement_lemmas: frozenset[str]

    @classmethod
    def of(cls, verb: Token) -> VerbFrame:
        """The frame of a verb token."""
        children = list(verb.children)
        passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in children)
        particle = next((c for c in children if _is_particle(c)), None)
        obj_dep = "nsubjpass" if passive else "dobj"
        obj = next((c for c in children if c.dep_ == obj_dep), None)
        if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            obj = verb.head  # "Hezbollah, *which* is backed by Iran": Hezbollah is backed
        if obj is not None:
            obj = through_quantity(obj)
        dative = next((c for c in children if c.dep_ == "dative"), None)
        # By dependency, not tag: the parser sometimes tags a complement verb as an adjective.
        complements = tuple(c for c in children if c.dep_ in ("xcomp", "ccomp"))
        holders = [verb, *([obj] if obj is not None else []), *complements]
        preps = tuple(
            (prep.lower_, prep, pobj)
            for holder in holders
            for prep in _prepositions(holder)
            if prep.dep_ == "prep" or (prep.dep_ == "dative" and prep.pos_ == "ADP")
            for pobj in prep.children
            if pobj.dep_ in ("pobj", "pcomp")  # "accused X of violating ..."
            and not _is_time(pobj)  # "called Zelenskiy on Tuesday": no "call on"
        )
        return cls(
            verb,
            particle,
            passive,
            obj,
            dative,
            preps,
            complements,
            _objects(obj, children if passive else [], complements),
            frozenset(name for name, _, _ in preps),
            frozenset(c.lemma_.lower() for c in complements),
        )

    @property
    def keys(self) -> tuple[str, ...]:
        """Lexicon keys for this verb: "lemma particle" first, then the bare lemma."""
        lemma = self.verb.lemma_.lower()
        if self.particle is not None:
            return (f"{lemma} {self.particle.lower_}", lemma)
        return (lemma,)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A lexicon entry that fits a verb frame, with the tokens that matched its conditions."""

    entry: VerbEntry
    frame: VerbFrame
    cue_tokens: tuple[Token, ...]


def match_verbs(frame: VerbFrame, lexicon: Lexicon) -> list[VerbMatch]:
    """Every lexicon entry that fits the frame, best first.

    Entries for the phrasal verb ("crack down") come before the bare verb's; then the more
    specific entry (more conditions, more cue words); then the one earlier in the file.
    """
    ranked: list[tuple[tuple[int, int, int], VerbMatch]] = []
    forms: Forms = {}  # each noun's lemma and lower-case form, looked up once per verb
    nouns = [
        *frame.objects,
        *(
            c
            for n in frame.objects
            if n.pos_ == "PROPN"
            for c in n.children
            if c.dep_ == "compound"
        ),
    ]  # a name's title: "Foreign Minister"
    words = {w for noun in nouns for w in (noun.lemma_.lower(), noun.lower_)}
    for priority, key in enumerate(reversed(frame.keys)):
        for entry in lexicon.entries_for(key, words):
            fit = _fit(entry, frame, forms)
            if fit is not None:
                cues, n_words = fit
                rank = (priority, entry.specificity + n_words, -entry.order)
                ranked.append((rank, VerbMatch(entry, frame, cues)))
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    return [match for _, match in ranked]


def _fit(entry: VerbEntry, frame: VerbFrame, forms: Forms) -> tuple[tuple[Token, ...], int] | None:
    """The cue tokens and the number of cue words, if every condition holds; else None."""
    if entry.prep and entry.prep not in frame.prep_names:
        return None  # the cheap checks first: most entries tried fail on them
    if entry.complements and entry.complements.isdisjoint(frame.complement_lemmas):
        return None
    cues: list[Token] = []
    if entry.objects:
        # The verb's object; for an entry that names the complement verb, also that verb's
        # object ("pledged to send *humanitarian aid*": the complement gives it its meaning).
        nouns = frame.objects if entry.complements else frame.objects[:1] if frame.obj else []
        found = None
        for noun in nouns:
            found = _noun_fits(noun, entry.objects, forms)
            if found is not None:
                break
        if found is None:
            return None
        cues.extend(found)
    if entry.prep:
        pairs = [(prep, pobj) for name, prep, pobj in frame.preps if name == entry.prep]
        fits: list[tuple[Token, tuple[Token, ...] | None]] = [(prep, None) for prep, _ in pairs]
        if entry.prep_objects:  # "supplied Russia with *hundreds of* drones": the drones
            fits = [
                (prep, _noun_fits(through_quantity(pobj), entry.prep_objects, forms))
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
            (c for c in frame.complements if c.lemma_.lower() in entry.complements), None
        )
        if complement is None:
            return None
        cues.append(complement)
    return tuple(cues), len(cues)


def _noun_fits(token: Token, cues: tuple[NounCue, ...], forms: Forms) -> tuple[Token, ...] | None:
    """The noun and its matched modifiers for the most specific cue it fits, else None."""
    if token.i not in forms:
        forms[token.i] = (token.lemma_.lower(), token.lower_)
    lemma, lower = forms[token.i]
    modifiers: list[Token] | None = None  # built only once a cue's head matches
    best: tuple[Token, ...] | None = None
    for cue in cues:
        if cue.head != lemma and cue.head != lower:
            continue
        if modifiers is None:
            modifiers = [child for child in token.children if child.dep_ in NOUN_MODIFIER_DEPS]
        matched = [m for m in modifiers if m.lower_ in cue.modifiers or m.lemma_ in cue.modifiers]
        if {w for m in matched for w in (m.lower_, m.lemma_.lower())} >= cue.modifiers:
            found = (*matched, token)
            if best is None or len(found) > len(best):
                best = found
    if best is None and token.pos_ == "PROPN":  # "received Foreign *Minister* Wang Yi"
        titles = (c for c in token.children if c.dep_ == "compound")
        for title in titles:
            best = _noun_fits(title, cues, forms)
            if best is not None:
                return best
    return best


def _objects(
    obj: Token | None, kept: list[Token], complements: tuple[Token, ...]
) -> tuple[Token, ...]:
    """The direct object, the objects a passive verb keeps (`kept`: its dependents; "was granted
    *asylum* by Spain"), then the complements' objects."""
    nouns = [obj] if obj is not None else []
    nouns.extend(through_quantity(c) for c in kept if c.dep_ == "dobj")
    nouns.extend(
        through_quantity(c) for verb in complements for c in verb.children if c.dep_ == "dobj"
    )
    return tuple(nouns)


def _is_particle(token: Token) -> bool:
    """A verb particle, also where the parser calls it an adverb or an objectless preposition:
    "stepped *down*", "pulled *out* of Khiam"."""
    if token.dep_ == "prt":
        return True
    if token.lower_ not in PARTICLES or token.i < token.head.i:
        return False
    return token.dep_ == "advmod" or (
        token.dep_ == "prep" and not any(c.dep_ == "pobj" for c in token.children)
    )


def _prepositions(holder: Token) -> list[Token]:
    """The prepositions on a word, including those under a particle ("out *of* Khiam")."""
    found = []
    for child in holder.children:
        found.append(child)
        if _is_particle(child):
            found.extend(c for c in child.children if c.dep_ == "prep")
    return found


def _is_time(token: Token) -> bool:
    """A weekday, month, year or date as the object of a preposition ("on Tuesday")."""
    return (
        token.lower_ in TIME_WORDS
        or token.ent_type_ in ("DATE", "TIME")
        or (token.like_num and len(token.text) == 4)
    )


def through_quantity(obj: Token) -> Token:
    """ "a wave of attacks" → "attacks"."""
    if obj.lemma_.lower() not in QUANTITY_NOUNS:
        return obj
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in QUANTITY_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return obj
