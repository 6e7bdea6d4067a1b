"""Why a verb in a sentence is not an event that happened: negated, modal, hypothetical.

"did not sign", "may attack", "could impose sanctions", "if talks fail ... attack": none of these
report the event itself. A deed announced for the future ("will meet", "said it would ease
sanctions") is no event either, but CAMEO codes the announcement: an intent (03x) for
cooperation, a threat (13x) for conflict (manual, codes 030 and 130); the coder does that with
`seeds/cameo/stances.csv`.
"""

from __future__ import annotations

from spacy.tokens import Token

MODALS = frozenset({"may", "might", "could", "would", "should", "will", "shall", "must", "can"})
FUTURE = frozenset({"will", "shall", "'ll"})  # "would" only in reported speech: "said it would"
CONDITIONS = frozenset({"if", "unless", "whether"})
INVERTED = frozenset({"were", "had", "should"})  # "Were Russia to attack, ..."
# Clause links through which negation, modality and conditions reach a dependent verb
# ("acomp": "was not *ready* to meet").
CARRIES_MOOD = frozenset({"xcomp", "conj", "acomp"})
# Adjectives that announce the deed of their complement: "said it was *ready* to sign".
READINESS = frozenset(
    {"ready", "prepared", "willing", "determined", "eager", "keen", "set", "due", "poised"}
)
# Words that guess at or doubt their complement's deed: "is *likely* to meet", "is *expected*
# to sign"; and that deny it: "was *unable* to agree".
SPECULATION = frozenset({"likely", "unlikely", "expect", "expected", "reluctant", "hesitant"})
UNABLE = frozenset({"unable", "unwilling"})


def unreal(verb: Token) -> str | None:
    """Why the verb does not state a real event ("negated", "modal", "hypothetical", or
    "future" for a deed announced for the future, also "was *ready* to meet", "refused" for one
    announced as not to be done), or None."""
    ready = False
    chain = _mood_chain(verb)
    for token, below in zip(chain, [None, *chain[:-1]], strict=True):
        reason = _own_mood(token)
        if reason:
            return reason
        if below is not None and below.dep_ == "xcomp":  # "is *unlikely* to join"
            word = token.lemma_.lower()
            if word in UNABLE:
                return "negated"
            if word in SPECULATION:
                return "modal"
            ready = ready or word in READINESS
    return "future" if ready else None


def _own_mood(verb: Token) -> str | None:
    children = list(verb.children)
    if any(_negates(c) for c in children):
        # "did not sign", "No Russian warplanes entered", "made no arrests"; but "*will not*
        # lift sanctions" announces a refusal
        modal = next((c for c in children if c.dep_ == "aux" and c.tag_ == "MD"), None)
        return "refused" if modal and _announced(verb, modal, children) else "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children) or (
        verb.dep_ == "advcl" and any(c.lower_ in CONDITIONS for c in children)
    ):
        return "hypothetical"
    modal = next(
        (c for c in children if c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in MODALS)), None
    )
    if modal is None:
        return None
    return "future" if _announced(verb, modal, children) else "modal"


def _announced(verb: Token, modal: Token, children: list[Token]) -> bool:
    """Whether the modal announces the deed ("will meet", "said it would ease") rather than
    guessing at it ("may attack") or making it conditional ("Were X to cut funding, Y would")."""
    future = modal.lower_ in FUTURE or modal.lemma_.lower() in FUTURE  # "*wo*n't"
    plain = future or (modal.lower_ == "would" and verb.dep_ == "ccomp")
    if verb.dep_ == "ccomp":  # reported: "warned it would impose a curfew *if* ...": a threat
        return plain
    conditional = any(c.dep_ == "advcl" and _states_a_condition(c) for c in children)
    return plain and not conditional


def _states_a_condition(clause: Token) -> bool:
    """Whether an adverbial clause is a condition: "if/unless ...", or inverted ("*Were* X to
    cut funding", "*Had* talks failed"); not "as planned" or "after talks ended"."""
    children = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
        return True
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = clause.doc[clause.left_edge.i]
    return (
        subject is not None
        and first.lower_ in INVERTED
        and first.i < subject.i
        and first.head in (clause, *children)
    )


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


def _negates(child: Token) -> bool:
    """Whether a verb's dependent denies the verb: "not", "never", a subject or object with
    "no" ("No warplanes entered", "made no arrests"), "Neither X nor Y", "have *yet* to meet"."""
    if child.dep_ == "neg":
        return True
    if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return any(
            (c.dep_ == "det" and c.lower_ == "no")
            or (c.dep_ == "preconj" and c.lower_ == "neither")
            for c in child.children
        )
    return child.dep_ == "advmod" and child.lower_ == "yet" and child.head.lemma_ in ("have", "be")
