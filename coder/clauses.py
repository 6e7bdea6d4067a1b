"""Why a verb in a sentence is not an event that happened: negated, modal, hypothetical.

"did not sign", "may attack", "could impose sanctions", "will meet", "if talks fail ... attack":
none of these report the event itself. Threats and intents have their own CAMEO codes (13x,
03x), coded from the verbs that state them ("threatened to attack"), not from the complement.
"""

from __future__ import annotations

from spacy.tokens import Token

MODALS = frozenset({"may", "might", "could", "would", "should", "will", "shall", "must", "can"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Clause links through which negation, modality and conditions reach a dependent verb.
CARRIES_MOOD = frozenset({"xcomp", "conj"})


def unreal(verb: Token) -> str | None:
    """Why the verb does not state a real event ("negated", "modal", "hypothetical"), or None."""
    for token in _mood_chain(verb):
        reason = _own_mood(token)
        if reason:
            return reason
    return None


def _own_mood(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "nsubj" and _no_determiner(child)):
            return "negated"  # "did not sign", "No Russian warplanes entered ..."
        if child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in MODALS):
            return "modal"
        if child.dep_ == "mark" and child.lower_ in CONDITIONS:
            return "hypothetical"
    if verb.dep_ == "advcl" and any(c.lower_ in CONDITIONS for c in verb.children):
        return "hypothetical"
    return None


def _mood_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it depends on through xcomp/conj ("did not agree to withdraw")."""
    chain = [verb]
    while len(chain) < 5:
        last = chain[-1]
        if last.dep_ not in CARRIES_MOOD or last.head is last:
            break
        if last.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in last.children):
            break  # "Russia did not attack and Belarus signed": a clause of its own
        chain.append(last.head)
    return chain


def _no_determiner(subject: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
