"""Metadata: publisher, URL, agencies, author initials, dateline, language and word count."""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlparse

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY

from flows.stages.clean import Cleaned
from flows.stages.page import PageMeta
from flows.stages.profiles import DATA_DIR, Profile, agency_names

_PROFILES_LOADING = threading.Lock()
_LANGUAGE_SAMPLE = 300  # enough prose for German vs. the rest; cost grows with length
_LANGUAGE_SEED = 0  # langdetect samples n-grams at random: a fixed seed, the same answer
# langdetect averages 7 random walks over the n-grams; 3 tell the same languages on the 1,825
# German texts of the corpora and the foreign tests, at half the cost (docs/benchmark.md)
_LANGUAGE_TRIALS = 3
_WORD = re.compile(r"\b[^\W\d_][\w'’-]*\b")


@dataclass
class Metadata:
    publisher: str
    url: str | None
    agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    language: str | None = None
    language_score: float | None = None
    word_count: int = 0


def extract_metadata(cleaned: Cleaned, profile: Profile, page: PageMeta | None = None
                     ) -> Metadata:
    """`page`: what an HTML page or a JSON record says; it comes first where it speaks."""
    page = page or PageMeta()
    agencies, authors = _credits(cleaned)
    # the teaser too: a body of one sentence full of names is no language on its own
    language, score = detect_language(f"{cleaned.teaser}\n\n{cleaned.body}" if cleaned.teaser
                                      else cleaned.body)
    return Metadata(
        publisher=_publisher(cleaned, profile, page),
        url=page.url or cleaned.url,
        agencies=agencies,
        authors=list(dict.fromkeys([*page.authors, *cleaned.bylines, *authors])),
        dateline=cleaned.dateline_places,
        language=language,
        language_score=score,
        word_count=word_count(cleaned.body),
    )


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def detect_language(text: str) -> tuple[str | None, float | None]:
    """The language of the text's prose (langdetect) and its probability."""
    sample = _prose_sample(text)
    if len(_WORD.findall(sample)) < 3:
        return None, None
    detector = language_profiles().create()  # one detector per text: nothing shared changes
    detector.n_trial = _LANGUAGE_TRIALS
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no letters it knows ("123 456 789")
        return None, None
    return best.lang, round(float(best.prob), 4)


def _prose_sample(text: str) -> str:
    """The words of the paragraphs with the most words in lower case: prose (in any language,
    its grammar words are), not a table of English team names or a language menu; words only,
    so that neither numbers nor a flood of punctuation fill the sample."""
    words, size = [], 0
    for paragraph in sorted(text.split("\n\n"), key=_lower_case_words, reverse=True):
        for word in _WORD.finditer(paragraph):
            words.append(word.group())
            size += len(words[-1]) + 1
            if size >= _LANGUAGE_SAMPLE:
                return " ".join(words)
    return " ".join(words)


def _lower_case_words(paragraph: str) -> int:
    return sum(word[:1].islower() for word in paragraph.split())


def language_profiles() -> DetectorFactory:
    """langdetect's language profiles, loaded once per process (the workers' fork server
    loads them before it forks); threads wait for the first load, for a half-loaded factory
    called German articles Polish."""
    with _PROFILES_LOADING:
        return _load_language_profiles()


@cache
def _load_language_profiles() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(_LANGUAGE_SEED)
    return factory


def _publisher(cleaned: Cleaned, profile: Profile, page: PageMeta) -> str:
    """One name per source: the profile's; a known publisher the page names, or else the one
    its domain belongs to (`flows/data/publishers.toml`); the name the page gives; a credit
    line's site; the domain only as the last resort."""
    if profile.id != "generic":
        return profile.name
    url = page.url or cleaned.url
    host = (urlparse(url).hostname or "") if url else ""
    given = page.publisher if page.publisher and not _DOMAIN.fullmatch(page.publisher) else None
    domain = None if given else page.publisher  # a news-please record's "www.derstandard.at"
    if given and _name_key(given) in _publisher_names():  # "DER STANDARD"; a syndicated page
        return _publisher_names()[_name_key(given)]  # names its own paper, not the host's
    known = publisher_of(host) or publisher_of(domain or "")  # "ZEIT ONLINE" on zeit.de
    if known:
        return known
    if given:
        return given
    for match in cleaned.credit_matches:
        if "site" in match:
            return match["site"]
    return (host or domain or "").removeprefix("www.") or "unknown"


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def publisher_of(host: str) -> str | None:
    """The publisher a web host belongs to ("www.derstandard.at" -> "Der Standard")."""
    names = _publishers()
    host = host.lower().rstrip(".")
    while host:
        if host in names:
            return names[host]
        _, _, host = host.partition(".")
    return None


@cache
def _publisher_names() -> dict[str, str]:
    """The table's names by a key that ignores case, articles and punctuation ("WELT")."""
    return {_name_key(name): name for name in _publishers().values()}


def _name_key(name: str) -> str:
    words = re.findall(r"\w+", name.casefold())
    return "".join(w for w in words if w not in ("der", "die", "das"))


@cache
def _publishers() -> dict[str, str]:
    with (DATA_DIR / "publishers.toml").open("rb") as handle:
        return tomllib.load(handle)["domains"]


def _credits(cleaned: Cleaned) -> tuple[list[str], list[str]]:
    """Agencies (canonical names) and author initials from credit lines and the dateline."""
    known = agency_names()
    agencies: list[str] = []
    authors: list[str] = []
    tokens = list(cleaned.dateline_agencies)
    for match in cleaned.credit_matches:
        tokens += re.split(r"\s*[,/]\s*", match.get("agencies", ""))
        for token in re.split(r"\s*/\s*", match.get("credits", "")):
            (tokens if token.lower() in known else authors).append(token)
    for token in tokens:
        name = known.get(token.strip().lower())
        if name and name not in agencies:
            agencies.append(name)
    return agencies, [a for a in dict.fromkeys(authors) if a]
