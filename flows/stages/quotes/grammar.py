"""German grammar words the quote stage reads cues and speakers with: the `[quotes]` table of
data/grammar_de.toml (as spaCy keeps lang/de apart from its algorithms)."""

from __future__ import annotations

import tomllib
from functools import cache

from flows.stages.profiles import DATA_DIR


@cache
def _grammar() -> dict:
    with (DATA_DIR / "grammar_de.toml").open("rb") as handle:
        return tomllib.load(handle)


def _quote_grammar() -> dict:
    return _grammar()["quotes"]


def grammar_words(key: str, ordered: bool = False) -> frozenset[str] | list[str]:
    """A word class of the `[quotes]` table, else of the file's shared ones ("quantifiers");
    `ordered` keeps the file's order (for suffix tests)."""
    words = _quote_grammar().get(key) or _grammar()[key]
    return list(words) if ordered else frozenset(words)


def grammar_table(key: str) -> dict[str, str]:
    return dict(_quote_grammar()[key])
