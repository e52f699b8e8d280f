"""How many died: the figures and number words of a clause that tells of deaths."""

from __future__ import annotations

import re
from functools import cache

from flows.stages.events.clauses import Clause
from flows.stages.events.lexicon import grammar

_VICTIMS = (r"(?:Menschen|Personen|Tote|Toten|Todesopfer|Zivilisten|Soldaten|Soldat|Opfer|"
            r"Insassen|Polizisten|Polizist|Kinder|Frauen|Männer|Bewohner|Demonstranten|"
            r"Zivilist|Mann|Frau|Kind|Kämpfer)")
_DEATH = re.compile(r"getötet|tötete|ums Leben|starben|\bstarb\b|\bsterben\b|\bstirbt\b|"
                    r"gestorben|\btot\b|\bTote\b|\bToten\b|Todesopfer|umgebracht|ermordet|erschossen|hingerichtet|massakriert")


@cache
def _casualty_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(grammar()["numbers"], key=len, reverse=True))
    return re.compile(
        r"(?<![\w.])(?:(?:alle|mindestens|rund|etwa|fast|mehr als|über|insgesamt|"
        r"weitere|zunächst)\s+)?(?P<count>\d{1,3}(?:\.\d{3})+|\d+|(?i:" + words + r"))"
        r"\s+(?:[\w-]+\s+){0,2}?(?:[\w-]*-)?" + _VICTIMS + r"\b")


VICTIM = re.compile(_VICTIMS)


def suffering(clause: Clause) -> bool:
    """The clause tells of dying or being hurt ("starben", "kamen ums Leben", "verletzt")."""
    g = grammar()
    return not clause.words.isdisjoint(g["suffering_words"]) or \
        any(phrase in clause.lowered_text for phrase in g["suffering_phrases"])


def casualties(text: str) -> int | None:
    """The dead a clause reports: "mindestens 30 Tote", "zwölf Todesopfer", "ein US-Soldat
    getötet"; None without a death word."""
    if not _DEATH.search(text):
        return None
    for match in _casualty_pattern().finditer(text):
        count = match.group("count")
        if count.isdigit() or "." in count:
            return int(count.replace(".", ""))
        return grammar()["numbers"][count.lower()]
    return None
