"""Find actors in a parsed sentence and give each its CAMEO code.

A noun phrase is coded from the dictionary entries inside it: a country, region, city or
organisation, plus a role word or office title ("Russian forces" → RUS + MIL = `RUSMIL`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from coder.dictionaries import ActorDictionary, ActorEntry, RoleEntry
from coder.phrases import Match
from coder.records import Actor

# Dependents of a noun that belong to its phrase ("the Russian defence ministry's forces").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "flat", "appos"})
# Prepositions whose object still names the actor ("the government of Belarus").
OF_PREPS = frozenset({"of"})
# Prepositions that place a role-only actor in a country ("officials in Kyiv").
LOCATIVE_PREPS = frozenset({"in", "from"})
# Nouns that count the actor that follows "of": "dozens of protesters".
QUANTITY_NOUNS = frozenset(
    "dozen dozens hundred hundreds thousand thousands ten tens score scores number group "
    "handful some many several two three four five".split()
)


class SentenceActors:
    """The dictionary matches in one sentence, and the actor each noun phrase codes to."""

    def __init__(self, sent: Span, dictionary: ActorDictionary) -> None:
        words = [token.lower_ for token in sent]
        lemmas = [token.lemma_.lower() for token in sent]
        offset = sent.start
        self._doc = sent.doc
        self._names = _by_token(dictionary.names.find(words), offset)
        self._roles = _by_token(dictionary.roles.find(words, lemmas), offset)

    @property
    def has_names(self) -> bool:
        """Whether the sentence names any country, region, city or organisation."""
        return bool(self._names)

    def actors_at(self, head: Token, verb: Token | None = None) -> list[Actor]:
        """The actors a noun phrase codes to: one per conjunct ("France and Germany") and per
        coordinated modifier ("Chinese and Belarusian troops").

        A role-only phrase ("protesters") takes its country from a place named on the phrase or
        on `verb` ("arrested protesters in Tbilisi").
        """
        actors: list[Actor] = []
        for token in (head, *(c for c in head.conjuncts if c.i > head.i)):
            for actor in self.phrase_actors(token, verb):
                if all(actor.code != seen.code for seen in actors):
                    actors.append(actor)
        return actors

    def phrase_actors(self, head: Token, verb: Token | None = None) -> list[Actor]:
        """The actors of the noun phrase headed by `head`: usually one, none if it names none."""
        head = counted_noun(head)
        tokens = phrase_tokens(head)
        name = _nearest(_within(self._names, tokens), head.i)
        role = _nearest(_within(self._roles, tokens), head.i)
        heads_role = role is not None and role.start <= head.i < role.end  # "the police"
        for holder in (head, verb):  # "military cooperation" is no actor: its head is no role
            if name is None and heads_role and holder is not None:
                name = _nearest(_within(self._names, _locative_tokens(holder)), head.i)
        if name is None:
            return []
        text = _text(head, tokens)
        names = [name, *self._coordinated(name, tokens)]
        return [_compose(match.value, role.value if role else None, text) for match in names]

    def _coordinated(self, name: Match, tokens: set[int]) -> list[Match]:
        """Names coordinated with `name` inside the phrase: "Belarusian" in "Chinese and
        Belarusian troops"."""
        doc_token = self._doc[name.start]
        linked = {c.i for c in doc_token.conjuncts if c.i in tokens}
        return [m for m in _within(self._names, tokens) if m is not name and m.start in linked]


def phrase_tokens(head: Token) -> set[int]:
    """Indexes of the tokens in the noun phrase headed by `head`."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            keep.update(token.i for token in child.subtree)
        elif child.dep_ == "prep" and child.lower_ in OF_PREPS:
            keep.update(token.i for token in child.subtree)
    return keep


def counted_noun(head: Token) -> Token:
    """The noun a quantity word counts ("dozens of protesters" → "protesters"), else `head`."""
    if head.lower_ not in QUANTITY_NOUNS and head.lemma_.lower() not in QUANTITY_NOUNS:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return head


def _locative_tokens(head: Token) -> set[int]:
    keep: set[int] = set()
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            keep.update(token.i for token in child.subtree)
    return keep


def _compose(name: ActorEntry, role: RoleEntry | None, text: str) -> Actor:
    if name.kind == "organization" or role is None:
        return Actor(name.code, text, name.country, name.role, name.label)
    code = (name.country or name.code) + role.role
    return Actor(code, text, name.country, role.role, f"{name.label} + {role.label}")


def _by_token(matches: list[Match], offset: int) -> list[Match]:
    return [Match(m.start + offset, m.end + offset, m.value) for m in matches]


def _within(matches: list[Match], tokens: set[int]) -> list[Match]:
    return [m for m in matches if all(i in tokens for i in range(m.start, m.end))]


def _nearest(matches: list[Match], head: int) -> Match | None:
    """The match containing the head, else the closest one before it, else the first after it."""
    best: Match | None = None
    for match in matches:
        if match.start <= head < match.end:
            return match
        if match.end <= head and (best is None or best.end > head or match.end > best.end):
            best = match
        elif best is None:
            best = match
    return best


def _text(head: Token, tokens: set[int]) -> str:
    doc = head.doc
    start, end = min(tokens), max(tokens) + 1
    while start < end - 1 and (doc[start].is_space or doc[start].dep_ in ("det", "punct")):
        start += 1
    while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].dep_ == "punct"):
        end -= 1
    return doc[start:end].text.strip()
