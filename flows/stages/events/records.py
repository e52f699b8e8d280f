"""One happening as a text states it (`Mention`), and as a row of the events table once
dated (`Event`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

APPROX = "approx"


@dataclass(frozen=True)
class Mention:
    """One happening as the text states it, before it is dated."""
    plover_type: str
    mode: str | None
    trigger: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    casualties: int | None
    field: str
    evidence: str
    char_start: int  # offset of the sentence in the field's text
    masked: str  # the sentence with its quotations blanked
    clause_span: tuple[int, int]  # where the trigger's clause is in the sentence
    trigger_at: int  # where the trigger is in the sentence
    noun: str | None  # the lexicon noun of a noun trigger
    paragraph: int = 0  # offset of its paragraph in the field's text
    # where else in the sentence a time word dates it: the other main clauses and "als"-
    # clauses, when its own clause is a main clause ("Am Montag trafen sie sich und
    # unterzeichneten ...")
    shared_time: tuple[tuple[int, int], ...] = ()
    present_tense: bool = False  # its verb in the present: no paragraph's past time goes on
    past_tense: bool = False  # "hat ... geeinigt", "einigten sich": done, whatever it is for
    # a noun happening named again or referred back to ("die Demonstration"): the same
    # happening; its day dates the first mention when that had none, and the story on
    repeated: bool = False
    # of a type that needs a named party and none is named: not a row, though its time may
    # date the story on
    no_party: bool = False
    sentence_number: int = 0  # which sentence of its text
    passive: bool = False  # "wurden getötet": whoever did it is named after "von", or not


@dataclass(frozen=True)
class Event:
    plover_type: str
    mode: str | None
    description: str
    event_date: date | None
    date_precision: str | None
    date_text: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    casualties: int | None
    evidence: str
    field: str
    char_start: int
    char_end: int

    @property
    def event_key(self) -> str:
        """Same type, day and place (or actors) -> the same real-world event across articles."""
        when = self.event_date.isoformat() if self.event_date else self.date_text.lower()
        where = self.location or ",".join(sorted(self.actors)[:2])
        basis = f"{self.plover_type}|{when}|{where}"  # reports disagree on the mode
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
