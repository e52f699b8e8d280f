"""Where the article is in a page: a generic line classifier for dumps from any site.

Used by the clean stage before publisher profiles sharpen the result. It knows no publisher:
 - prose lines (long, ending like a sentence, with German function words) score for the body,
   short menu-like and link-like lines against it; the body is the stretch of lines with the
   highest total score (a whole-page dump keeps navigation above and footers below it);
 - lists of links (bullet lines without sentence ends), bylines ("Von Anna Muster") and
   lines without words are chrome wherever they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?…:\"“”»«)’']$")
_BULLET = re.compile(r"^(?:[-–•·*»>→]|>>)\s+")
_FUNCTION_WORDS = frozenset([
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und",
    "oder", "aber", "nicht", "auch", "sich", "ist", "sind", "war", "wurde", "werden", "wird",
    "hat", "haben", "mit", "von", "zu", "im", "in", "an", "auf", "für", "aus", "bei", "nach",
    "über", "um", "vor", "dass", "wie", "als", "noch", "nur", "so", "es", "sie", "er", "wir",
    "man"
])
_NAME = (r"(?:Dr\.\s+|Prof\.\s+)?[A-ZÄÖÜ][\w'’.-]+"
         r"(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w'’-]+){1,3}")
_BYLINE = re.compile(rf"^(?:[Vv]on|[Aa]utor(?:in)?:|[Tt]ext:)\s+(?P<names>{_NAME}"
                     rf"(?:\s*(?:,|und|&)\s*{_NAME})*)(?:\s*[,|]\s*[^.!?]{{0,60}})?$")
_PROSE_WORDS = 8
# Placeholders of a page template that was never filled in: "{* firstName *}", "{| button |}"
_TEMPLATE = re.compile(r"\{[*|{][^{}]*[*|}]\}")
# Speaking to the reader ("Sie" in mid-sentence, "du") about the site itself (accounts, mail,
# newsletters, comments, consent): registration forms, push and newsletter appeals.
_READER = re.compile(
    r"(?<![.!?:‘’“”\"«»]\s)(?<![„‚\"«»])(?<!^)\b(?:Sie|Ihnen|Ihre?[mnrs]?)\b"  # not "they"
    r"|\b(?:[Dd]u|[Dd]ich|[Dd]ir|[Dd]eine?[mnrs]?)\b|^(?:Bitte|Jetzt)\b")
_SITE_WORDS = re.compile(
    r"(?i)(?:e-?mail|passwort|account|konto|registrier|anmeld|abmeld|einlogg|login|newsletter"
    r"|\babo\b|abonn|kommentar|datenschutz|cookie|browser|push|klick|\bapps?\b|postfach"
    r"|einwillig|einverstanden|widerruf|benutzer|profil|sms-code|mobilnummer|spende|werbung"
    r"|tracking|kundendienst)")
_SITE_NOTICE_MAX = 300
# "vor 2 Stunden": when a page was posted or commented on, never article text
_RELATIVE_TIME = (r"vor \d+ (?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)"
                  r"|vor (?:einer|einem) (?:Minute|Stunde|Tag|Woche|Monat|Jahr)")
# The furniture of a comment section: "Modern Wife sagt:", "vor 2 Stunden", "Antworten"
_COMMENT_MARK = re.compile(
    rf"^(?:.{{1,40}} (?:sagt|schreibt|meint|antwortete?):|{_RELATIVE_TIME}"
    r"|Antworten|Melden|Zitieren|Gefällt mir|\d+ (?:Kommentare?|Ergänzungen|Antworten))$")
_COMMENT_MARKS_MIN = 3
_COMMENT_MARKS_GAP = 15  # lines, blank ones included


def prose_score(line: str) -> float:
    """Positive for a line that reads like article text, negative for chrome."""
    words = _WORD.findall(line)
    if not words:
        return -1.0
    if addresses_reader_about_site(line):
        return -min(6.0, 2.0 + len(words) / 4)
    function_share = sum(map(_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)
    ends_like_prose = _SENTENCE_END.search(line) or len(words) >= 4 * _PROSE_WORDS
    if len(words) >= _PROSE_WORDS and ends_like_prose and function_share >= 0.12:
        return float(len(words))
    if len(words) >= 2 and line.endswith((".", "!", "?")):
        return 0.5  # a short sentence: neutral, so a closing line of the article stays
    return -min(6.0, 2.0 + len(words) / 4)


def block_score(lines: Sequence[str]) -> float:
    """A block of lines without blank lines between them: wrapped prose when its lines are
    long (scored as one text), else a stack of short lines (scored one by one)."""
    if len(lines) > 1 and sum(map(len, lines)) / len(lines) >= 40:
        return prose_score(" ".join(lines))
    return sum(prose_score(line) for line in lines)


def body_window(scores: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the stretch with the highest total score (Kadane); (0, 0) if none."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def link_list_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of lines in runs of two or more bullets that are mostly not sentences
    (related articles, menus), with a short heading right above the run."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if _BULLET.match(line):
            run.append(index)
            continue
        if line == "" and run:
            continue  # blank lines between bullets
        if len(run) >= 2 and sum(not _SENTENCE_END.search(lines[i]) for i in run) * 2 > len(run):
            found.update(run)
            heading = _line_above(lines, run[0])
            if heading is not None and len(lines[heading]) <= 60:
                found.add(heading)
        run = []
    return found


def _line_above(lines: Sequence[str], index: int) -> int | None:
    """The nearest non-blank line above, if it is no sentence (a heading)."""
    for above in range(index - 1, -1, -1):
        if lines[above]:
            return None if lines[above].endswith(".") else above
    return None


def byline_names(line: str) -> list[str]:
    """The names of a byline ('Von Anna Muster und Ben Beispiel, Berlin'); [] if not one."""
    if len(line) > 120:
        return []
    match = _BYLINE.match(line)
    if not match:
        return []
    return [n.strip() for n in re.split(r"\s*(?:,|\bund\b|&)\s*", match.group("names"))
            if n.strip()]


def comments_start(lines: Sequence[str]) -> int | None:
    """Index of the first line of a comment section: the first of three marks, each close to
    the next. A lone "vor 2 Stunden" is the article's time stamp, not comments."""
    marks = [index for index, line in enumerate(lines) if _COMMENT_MARK.match(line)]
    close = [b - a <= _COMMENT_MARKS_GAP for a, b in pairwise(marks)]
    for position in range(len(marks) - _COMMENT_MARKS_MIN + 1):
        if all(close[position:position + _COMMENT_MARKS_MIN - 1]):
            return marks[position]
    return None


def addresses_reader_about_site(line: str) -> bool:
    """'Bitte melden Sie sich an, um einen Kommentar zu erfassen.' and the like. Such lines are
    short; a long paragraph that speaks to the reader is advice, part of the article."""
    return len(line) <= _SITE_NOTICE_MAX and bool(_READER.search(line)
                                                  and _SITE_WORDS.search(line))


def is_wordless(line: str) -> bool:
    """No words, or nothing but a relative time or a page template's unfilled placeholders."""
    return not _WORD.search(line) or bool(_TEMPLATE.search(line)) \
        or bool(re.fullmatch(_RELATIVE_TIME, line))
