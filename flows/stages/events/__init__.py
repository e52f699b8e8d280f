"""Events: real-world happenings typed with PLOVER, with date, actors, targets, place and
casualties (EVENTS_GUIDE.md is the contract).

lexicon.py   the trigger lexicon by lemma, forms generated (data/event_lexicon.toml)
clauses.py   a sentence cut into clauses
triggers.py  triggers of a clause and whether the clause states them as fact
mentions.py  who and where a clause names
participants.py  who acts, and to or with whom
casualties.py  how many died
records.py   a happening as stated (Mention) and as a dated row (Event)
extract.py   reading a text: what it says happened
dating.py    when it happened
clues.py     what the date stage learns from an article's events
keys.py      one key per real-world event across the corpus
"""

from flows.stages.events.clues import event_clues
from flows.stages.events.dating import date_mentions
from flows.stages.events.extract import extract_events, read_article, read_mentions
from flows.stages.events.keys import (
    EventSketch,
    assign_event_keys,
    cluster_event_keys,
    name_key,
    people,
    sketch_event,
)
from flows.stages.events.lexicon import PLOVER_TYPES
from flows.stages.events.records import APPROX, Event, Mention

__all__ = ["APPROX", "PLOVER_TYPES", "Event", "EventSketch", "Mention", "assign_event_keys",
           "cluster_event_keys", "date_mentions", "event_clues", "extract_events", "name_key",
           "people", "read_article", "read_mentions", "sketch_event"]
