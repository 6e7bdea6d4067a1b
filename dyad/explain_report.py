"""Render an explanation of the coder's decisions as plain text."""

from __future__ import annotations

from coder.explain import SentenceExplanation


def render(sentences: list[SentenceExplanation]) -> str:
    """Parse, actors, decisions and events for each sentence."""
    lines: list[str] = []
    for sentence in sentences:
        source = "stated in the sentence" if sentence.date_stated else "publication date"
        lines.append(f"sentence {sentence.index}: {sentence.text}")
        lines.append(f"  event date {sentence.event_date.isoformat()} ({source})")
        lines.append("  parse:")
        for t in sentence.tokens:
            lines.append(
                f"    {t.index:>3} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} → {t.head}"
            )
        lines.append("  actors in the dictionaries:")
        for words, code, label in sentence.names or (("(none)", "", ""),):
            lines.append(f"    {words:<30} {code:<12} {label}")
        lines.append("  verbs:")
        for d in sentence.decisions or ():
            entry = f" [{d.entry}]" if d.entry else ""
            detail = f": {d.detail}" if d.detail else ""
            lines.append(f"    {d.verb:<16} {d.outcome}{entry}{detail}")
        if not sentence.decisions:
            lines.append("    (no verb with a lexicon entry)")
        lines.append("  events:")
        for e in sentence.events:
            target = e.target.code if e.target else '""'
            lines.append(
                f"    {e.source.code} {e.code} {target}  confidence {e.confidence:.2f}  "
                f"rule {e.rule_id}  trigger '{' '.join(t.word for t in e.triggers)}'"
            )
            lines.append(f"      source {e.source.text!r} ← {e.source.entry}")
            if e.target:
                lines.append(f"      target {e.target.text!r} ← {e.target.entry}")
        if not sentence.events:
            lines.append("    (none)")
        lines.append("")
    return "\n".join(lines)
