"""Why a verb in a sentence is not an event that happened: negated, modal, hypothetical.

"did not sign", "may attack", "could impose sanctions", "if talks fail ... attack": none of these
report the event itself. A deed announced for the future ("will meet", "said it would ease
sanctions") is no event either, but CAMEO codes the announcement: an intent (03x) for
cooperation, a threat (13x) for conflict (manual, codes 030 and 130); the coder does that with
`seeds/cameo/stances.csv`.
"""

from __future__ import annotations

from coder.parse import Parse

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
# The dependents that can deny a verb (see `_negates`).
DENYING_DEPS = frozenset({"neg", "nsubj", "nsubjpass", "dobj", "advmod"})


def unreal(parse: Parse, verb: int) -> str | None:
    """Why the verb does not state a real event ("negated", "modal", "hypothetical", or
    "future" for a deed announced for the future, also "was *ready* to meet", "refused" for one
    announced as not to be done), or None."""
    ready = False
    chain = _mood_chain(parse, verb)
    for token, below in zip(chain, [None, *chain[:-1]], strict=True):
        reason = _own_mood(parse, token)
        if reason:
            return reason
        if below is not None and parse.dep[below] == "xcomp":  # "is *unlikely* to join"
            word = parse.lemma[token]
            if word in UNABLE:
                return "negated"
            if word in SPECULATION:
                return "modal"
            ready = ready or word in READINESS
    return "future" if ready else None


def _own_mood(parse: Parse, verb: int) -> str | None:
    dep, lower, tag = parse.dep, parse.lower, parse.tag
    children = parse.children[verb]
    if any(dep[c] in DENYING_DEPS and _negates(parse, c) for c in children):
        # "did not sign", "No Russian warplanes entered", "made no arrests"; but "*will not*
        # lift sanctions" announces a refusal
        modal = next((c for c in children if dep[c] == "aux" and tag[c] == "MD"), None)
        return "refused" if modal is not None and _announced(parse, verb, modal) else "negated"
    if any(dep[c] == "mark" and lower[c] in CONDITIONS for c in children) or (
        dep[verb] == "advcl" and any(lower[c] in CONDITIONS for c in children)
    ):
        return "hypothetical"
    modal = next(
        (c for c in children if dep[c] == "aux" and (tag[c] == "MD" or lower[c] in MODALS)),
        None,
    )
    if modal is None:
        return None
    return "future" if _announced(parse, verb, modal) else "modal"


def _announced(parse: Parse, verb: int, modal: int) -> bool:
    """Whether the modal announces the deed ("will meet", "said it would ease") rather than
    guessing at it ("may attack") or making it conditional ("Were X to cut funding, Y would")."""
    dep, lower = parse.dep, parse.lower
    future = lower[modal] in FUTURE or parse.lemma[modal] in FUTURE  # "*wo*n't"
    plain = future or (lower[modal] == "would" and dep[verb] == "ccomp")
    if dep[verb] == "ccomp":  # reported: "warned it would impose a curfew *if* ...": a threat
        return plain
    conditional = any(
        dep[c] == "advcl" and _states_a_condition(parse, c) for c in parse.children[verb]
    )
    return plain and not conditional


def _states_a_condition(parse: Parse, clause: int) -> bool:
    """Whether an adverbial clause is a condition: "if/unless ...", or inverted ("*Were* X to
    cut funding", "*Had* talks failed"); not "as planned" or "after talks ended"."""
    dep = parse.dep
    children = parse.children[clause]
    if any(dep[c] == "mark" and parse.lower[c] in CONDITIONS for c in children):
        return True
    subject = next((c for c in children if dep[c] in ("nsubj", "nsubjpass")), None)
    first = min(parse.subtree(clause))  # the clause's first word (`left_edge`)
    return (
        subject is not None
        and parse.lower[first] in INVERTED
        and first < subject
        and (parse.head[first] == clause or parse.head[first] in children)
    )


def _mood_chain(parse: Parse, verb: int) -> list[int]:
    """The verb and the verbs it depends on through xcomp/conj ("did not agree to withdraw")."""
    chain = [verb]
    while len(chain) < 5:
        last = chain[-1]
        if parse.dep[last] not in CARRIES_MOOD or parse.head[last] == last:
            break
        if parse.dep[last] == "conj" and any(
            parse.dep[c] in ("nsubj", "nsubjpass") for c in parse.children[last]
        ):
            break  # "Russia did not attack and Belarus signed": a clause of its own
        chain.append(parse.head[last])
    return chain


def _negates(parse: Parse, child: int) -> bool:
    """Whether a verb's dependent denies the verb: "not", "never", a subject or object with
    "no" ("No warplanes entered", "made no arrests"), "Neither X nor Y", "have *yet* to meet"."""
    dep, lower = parse.dep, parse.lower
    if dep[child] == "neg":
        return True
    if dep[child] in ("nsubj", "nsubjpass", "dobj"):
        return any(
            (dep[c] == "det" and lower[c] == "no")
            or (dep[c] == "preconj" and lower[c] == "neither")
            for c in parse.children[child]
        )
    return (
        dep[child] == "advmod"
        and lower[child] == "yet"
        and parse.tagged_lemma[parse.head[child]] in ("have", "be")
    )
