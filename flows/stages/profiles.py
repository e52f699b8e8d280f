"""Publisher profiles: what we know about a publisher's pages, loaded from data files.

A profile is data (TOML in flows/data/profiles/); the generic profile applies to every document,
and a detected publisher's profile adds its own patterns on top.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROFILE_DIR = DATA_DIR / "profiles"


@dataclass(frozen=True)
class RecurringRule:
    min_docs: int = 3
    min_share: float = 0.2
    max_chars: int = 200


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    domain: str | None = None
    priority: int = 0
    detect: tuple[re.Pattern[str], ...] = ()
    boilerplate: tuple[re.Pattern[str], ...] = ()
    credit_only: tuple[re.Pattern[str], ...] = ()
    caption_end: tuple[re.Pattern[str], ...] = ()
    credit_lines: tuple[re.Pattern[str], ...] = ()
    leading_date: re.Pattern[str] | None = None
    date_label: re.Pattern[str] | None = None
    updated_label: re.Pattern[str] | None = None
    dateline: re.Pattern[str] | None = None
    recurring: RecurringRule = field(default_factory=RecurringRule)


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def generic_profile() -> Profile:
    spec = _load(PROFILE_DIR / "generic.toml")
    return Profile(
        id=spec["id"], name=spec["name"],
        boilerplate=_compile(spec["boilerplate"]),
        credit_only=_compile(spec["credit_only"]),
        caption_end=_compile(spec["caption_end"]),
        credit_lines=_compile(spec["credit_lines"]),
        leading_date=re.compile(spec["leading_date"], re.IGNORECASE),
        date_label=re.compile(spec["date_label"], re.IGNORECASE),
        updated_label=re.compile(spec["updated_label"], re.IGNORECASE),
        dateline=re.compile(spec["dateline"]),
        recurring=RecurringRule(**spec["recurring"]),
    )


@cache
def publisher_profiles() -> tuple[Profile, ...]:
    """Publisher profiles merged with the generic rules, in detection order."""
    base = generic_profile()
    profiles = []
    for path in sorted(PROFILE_DIR.glob("*.toml")):
        spec = _load(path)
        if spec["id"] == base.id:
            continue
        profiles.append(Profile(
            id=spec["id"], name=spec["name"], domain=spec.get("domain"),
            priority=spec.get("priority", 0),
            detect=tuple(re.compile(p) for p in spec.get("detect", [])),
            boilerplate=base.boilerplate + _compile(spec.get("boilerplate", [])),
            credit_only=base.credit_only + _compile(spec.get("credit_only", [])),
            caption_end=base.caption_end + _compile(spec.get("caption_end", [])),
            credit_lines=base.credit_lines + _compile(spec.get("credit_lines", [])),
            leading_date=base.leading_date, date_label=base.date_label,
            updated_label=base.updated_label, dateline=base.dateline, recurring=base.recurring,
        ))
    return tuple(sorted(profiles, key=lambda p: (p.priority, p.id)))


def detect_profile(text: str, url: str | None = None) -> Profile:
    """The profile of the first publisher whose signature the text (or the page's URL)
    carries, else generic."""
    head_and_tail = text[:3000] + "\n" + text[-3000:]
    host = (urlparse(url or "").hostname or "").removeprefix("www.")
    for profile in publisher_profiles():
        if profile.domain and (host == profile.domain or host.endswith("." + profile.domain)):
            return profile
        if any(pattern.search(head_and_tail) for pattern in profile.detect):
            return profile
    return generic_profile()


@cache
def agency_names() -> dict[str, str]:
    return _load(DATA_DIR / "agencies.toml")["agencies"]
