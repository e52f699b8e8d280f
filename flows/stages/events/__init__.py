"""Events: real-world happenings typed with PLOVER, with date, actors, targets, place and
casualties (EVENTS_GUIDE.md is the contract).

lexicon.py   the trigger lexicon by lemma, forms generated (data/event_lexicon.toml)
clauses.py   a sentence cut into clauses
triggers.py  triggers of a clause and whether the clause states them as fact
participants.py  actors, targets, place, casualties
extract.py   reading a text, then dating what it says
clues.py     what the date stage learns from an article's events
keys.py      one key per real-world event across the corpus
"""

from flows.stages.events.clues import event_clues
from flows.stages.events.extract import (
    APPROX,
    Event,
    Mention,
    date_mentions,
    extract_events,
    read_article,
    read_mentions,
)
from flows.stages.events.keys import (
    EventSketch,
    assign_event_keys,
    cluster_event_keys,
    name_key,
    people,
    sketch_event,
)
from flows.stages.events.lexicon import PLOVER_TYPES

__all__ = ["APPROX", "PLOVER_TYPES", "Event", "EventSketch", "Mention", "assign_event_keys",
           "cluster_event_keys", "date_mentions", "event_clues", "extract_events", "name_key",
           "people", "read_article", "read_mentions", "sketch_event"]
