"""Clean: split a normalised dump into title, teaser, body paragraphs, captions and credits.

Site chrome is removed by the publisher profile's patterns and by the corpus rule (short lines
that recur across many documents of one source); what is left is sorted line by line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from flows.stages.layout import (
    block_score,
    body_window,
    byline_names,
    comments_start,
    is_wordless,
    link_list_lines,
    prose_score,
)
from flows.stages.page import contains_as_part
from flows.stages.profiles import Profile
from flows.stages.temporal import parse_date_value

_URL_LINE = re.compile(r"^(?:Permalink:?\s*)?(?P<url>https?://\S+)$")
_DATE_LINE_MAX = 60
_OTHER_DATE = re.compile(r"\b(?:[Bb]is|[Ss]eit|[Vv]erfügbar|[Gg]ültig|[Aa]blauf|[Ff]rist)\b")
_MONTH_LINE = re.compile(r"^[A-ZÄÖÜ][a-zä]+\.? (?:19|20)\d\d$")
_SENTENCE_END = re.compile(r"[.!?:…\"“”»«)]$")
_TITLE_MAX = 220
# "Headline | Site", "Headline - golem.de", "Headline - Politik": a site or section after the
# headline of a <title>
_SITE_SUFFIX = re.compile(r"(?:\s+\|\s+[^|]{1,40}|\s+[-–—]\s+\S+\.(?:de|at|ch|com|lu|li)"
                          r"|\s+[-–—|]\s+(?:Politik|Wirtschaft|Sport|Kultur|Panorama|Wissen"
                          r"|Digital|Inland|Ausland|Meinung|Gesellschaft|Lokales|Regional))$")
# "Orden fürs Morden, Tageszeitung junge Welt, 26.04.2024": the site's name and a date after
# the headline
_DATED_SITE = re.compile(r",\s+[^,]{3,40},\s+\d{1,2}\.\d{1,2}\.\d{4}$")
_TEASER_MAX = 600
_CAPTION_MAX = 300
_CAPTION_MIN_WORDS = 3
_TEASER_LIST_MIN = 3
_TEASER_LINES_MAX = 5
_TEASER_SUMMARY_MAX = 350


@dataclass
class Cleaned:
    title: str | None = None
    teaser: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credit_matches: list[dict[str, str]] = field(default_factory=list)
    url: str | None = None
    date_text: str | None = None
    updated_text: str | None = None  # "Aktualisiert am ...": the last change, not the first
    dateline_places: list[str] = field(default_factory=list)
    dateline_agencies: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    removed_lines: int = 0

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class _Line:
    index: int
    text: str
    kind: str = "text"  # text, blank, header, caption


def line_key(line: str) -> str:
    """Compact key of a line, for counting recurring lines across a corpus."""
    return hashlib.blake2b(line.strip().lower().encode("utf-8"), digest_size=8).hexdigest()


def line_keys(text: str, max_chars: int) -> set[str]:
    return {line_key(line) for line in text.split("\n") if 0 < len(line.strip()) <= max_chars}


def clean(text: str, profile: Profile, recurring: Iterable[str] = (),
          title: str | None = None) -> Cleaned:
    """`title`: the title a page's markup gives; the text's own copies of it are dropped."""
    result = Cleaned(title=title)
    recurring = set(recurring)
    text = _take_leading_date(text, profile, result)
    lines = [_Line(i, line) for i, line in enumerate(text.split("\n"))]
    for line in lines:
        _classify(line, profile, recurring, result)
    _mark_chrome(lines, result)
    _mark_captions(lines, profile, result)
    body_lines = _take_title_and_body(lines, profile, result)
    paragraphs = _paragraphs(body_lines)
    _take_teaser(paragraphs, lines, result)
    _take_credits(paragraphs, profile, result)
    _take_dateline(paragraphs, profile, result)
    result.paragraphs = [text for _, text in paragraphs]
    return result


def _take_leading_date(text: str, profile: Profile, result: Cleaned) -> str:
    match = profile.leading_date.match(text) if profile.leading_date else None
    if not match:
        return text
    result.date_text = match.group("date")
    return text[match.end():]


def _classify(line: _Line, profile: Profile, recurring: set[str], result: Cleaned) -> None:
    text = line.text
    if not text:
        line.kind = "blank"
    elif any(p.search(text) for p in profile.boilerplate) or (
            len(text) <= profile.recurring.max_chars and line_key(text) in recurring):
        line.kind = "removed"
        result.removed_lines += 1
    elif match := _URL_LINE.match(text):
        line.kind = "header"
        result.url = result.url or match.group("url")
    elif (match := _labelled_date(text, profile.date_label)) is not None:
        line.kind = "header"
        result.date_text = result.date_text or match
    elif (updated := _labelled_date(text, profile.updated_label)) is not None:
        line.kind = "header"  # a later change: not the publication date
        result.updated_text = result.updated_text or updated
    elif _is_date_line(text):
        line.kind = "header"
        result.date_text = result.date_text or text


def _labelled_date(text: str, label: re.Pattern[str] | None) -> str | None:
    """The date of a metadata line ("date 2005-09", "Stand: 17.11.2015"), or None."""
    match = label.match(text) if label else None
    if match and parse_date_value(match.group("date")) is not None:
        return match.group("date")
    return None


def _is_date_line(text: str) -> bool:
    """A line that gives the publication date: short, with a date to the day (or the line is
    just a month and year), and not a date of something else ("Verfügbar bis 06.05.2024")."""
    if len(text) > _DATE_LINE_MAX or _OTHER_DATE.search(text):
        return False
    value = parse_date_value(text)
    if value is None or (value.precision != "day" and not _MONTH_LINE.match(text)):
        return False
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", text)
    return len(words) <= 4  # "Dienstag, 17. November 2015, 22:08 Uhr" but not a sentence


def _mark_chrome(lines: list[_Line], result: Cleaned) -> None:
    """Site chrome any page has: lines without words, bylines (their names are kept) and
    lists of links."""
    texts = [line.text if line.kind == "text" else "" for line in lines]
    for index in link_list_lines(texts):
        _remove(lines[index], result)
    for line in lines:
        if line.kind != "text":
            continue
        if is_wordless(line.text):
            _remove(line, result)
        elif names := byline_names(line.text):
            result.bylines.extend(n for n in names if n not in result.bylines)
            _remove(line, result)


def _remove(line: _Line, result: Cleaned) -> None:
    line.kind = "removed"
    result.removed_lines += 1


def _mark_captions(lines: list[_Line], profile: Profile, result: Cleaned) -> None:
    previous_text: _Line | None = None
    for line in lines:
        if line.kind != "text":
            if line.kind != "blank":
                previous_text = None if line.kind == "removed" else previous_text
            continue
        if any(p.match(line.text) for p in profile.credit_only):
            line.kind = "caption"
            _attach_credit(previous_text, line, result)
        elif _ends_in_credit(line.text, profile):
            line.kind = "caption"
            _add_caption(result, line.text)
        previous_text = line


def _ends_in_credit(text: str, profile: Profile) -> bool:
    """A caption with its credit at the end; a caption says something before the credit, so
    a headline such as "Erstes Bild: So könnte die Seilbahn aussehen" is none."""
    if len(text) > _CAPTION_MAX:
        return False
    match = next((m for p in profile.caption_end if (m := p.search(text))), None)
    return match is not None and len(text[:match.start()].split()) >= _CAPTION_MIN_WORDS


def _attach_credit(previous: _Line | None, credit: _Line, result: Cleaned) -> None:
    """A credit-only line: the short text line just above it is the caption it belongs to."""
    if previous is not None and previous.kind == "caption":
        return
    if previous is not None and previous.kind == "text" and previous.index > 0 \
            and len(previous.text) <= _CAPTION_MAX:
        previous.kind = "caption"
        _add_caption(result, f"{previous.text} {credit.text}")
    else:
        _add_caption(result, credit.text)


def _add_caption(result: Cleaned, caption: str) -> None:
    key = _caption_key(caption)
    if all(_caption_key(seen) != key for seen in result.captions):
        result.captions.append(caption)


def _caption_key(caption: str) -> str:
    without_credit = re.sub(r"\s*\(?(?:Foto|Fotos|Bild|Bilder|Grafik)\s*:.*$", "", caption)
    return without_credit.strip().lower()


def _take_title_and_body(lines: list[_Line], profile: Profile, result: Cleaned
                         ) -> list[_Line]:
    """Find the body window and the title; lines outside the window and the title's repeats
    are dropped, except credit lines after the body (read with the last paragraphs)."""
    blocks = _text_blocks(lines)
    start, end = body_window([block_score([line.text for line in b]) for b in blocks])
    if (start, end) == (0, 0):
        start, end = 0, len(blocks)  # no prose at all: nothing to go by, keep everything
    end = _before_comments(lines, blocks, start, end)
    end = _before_teaser_list(blocks, start, end)
    texts = [line for block in blocks for line in block]
    if result.title is None and texts:
        body_start = sum(len(block) for block in blocks[:start])
        title = _dump_title(texts[0].text, texts, body_start)
        result.title = _shown_headline(title, texts, body_start) if title else None
    for position, block in enumerate(blocks):
        for line in block:
            if line.text == result.title:
                line.kind = "title"
            elif position < start or (position >= end
                                      and not _credit_match(line.text, profile)):
                _remove(line, result)
    _remove_stray_short_lines(blocks[start:end], profile, result)
    return [line for line in lines if line.kind in ("text", "blank")]


def _before_comments(lines: list[_Line], blocks: list[list[_Line]], start: int,
                     end: int) -> int:
    """Where the body ends if a comment section follows the article."""
    body_from = blocks[start][0].index if start < len(blocks) else len(lines)
    first = comments_start([line.text for line in lines[body_from:]])
    if first is None:
        return end
    first += body_from
    return next((position for position in range(start + 1, end)
                 if blocks[position][-1].index >= first), end)


def _before_teaser_list(blocks: list[list[_Line]], start: int, end: int) -> int:
    """Where the body ends if it ends in a list of links to other articles: three or more
    short summaries, each after a few short lines (time, kicker, author) with a headline."""
    position, teasers = end, 0
    while (teaser := _teaser_start(blocks, start, position)) is not None:
        position, teasers = teaser, teasers + 1
    return position if teasers >= _TEASER_LIST_MIN else end


def _teaser_start(blocks: list[list[_Line]], start: int, end: int) -> int | None:
    if end - 2 < start or not _is_summary(blocks[end - 1]):
        return None
    position, headline = end - 1, False
    while position > start and end - position <= _TEASER_LINES_MAX \
            and _is_short_line(blocks[position - 1]):
        position -= 1
        headline = headline or len(blocks[position][0].text.split()) >= 3
    return position if headline else None


def _is_summary(block: list[_Line]) -> bool:
    texts = [line.text for line in block]
    return sum(map(len, texts)) <= _TEASER_SUMMARY_MAX and block_score(texts) > 0


def _is_short_line(block: list[_Line]) -> bool:
    text = block[0].text
    return len(block) == 1 and len(text.split()) <= 25 and prose_score(text) <= 0.5 \
        and _looks_like_title(text)


def _remove_stray_short_lines(blocks: list[list[_Line]], profile: Profile,
                              result: Cleaned) -> None:
    """Inside the body, a short line that is no sentence stays only as the subheading of the
    prose that follows it ("Box zuklappen", "Link kopieren", a lone name go)."""
    for block, following in pairwise([*blocks, []]):
        line = block[0]
        if len(block) > 1 or line.kind != "text" or len(line.text) > _TITLE_MAX \
                or prose_score(line.text) >= 0 or _credit_match(line.text, profile):
            continue
        heads_prose = bool(following) and prose_score(following[0].text) > 0
        if not heads_prose or len(line.text.split()) < 3 or line.text.endswith(":"):
            _remove(line, result)


def _text_blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of text lines; a blank or a non-text line ends a run."""
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line.kind == "text":
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _dump_title(first: str, texts: list[_Line], body_start: int) -> str | None:
    """A page's <title> often comes first, with the site's name ("X - Politik - WDR"); the
    headline itself is a line (or a kicker line and the next) that the first line contains
    whole. The one nearest the body's start wins."""
    first = _DATED_SITE.sub("", first)
    found = [(abs(position - body_start), candidate)
             for position, candidate in _heading_candidates(texts)
             if position > 0 and len(candidate.split()) >= 3
             and contains_as_part(first, candidate)]
    if found:
        return min(found)[1]
    first = _SITE_SUFFIX.sub("", first)
    return first if _looks_like_title(first) else None


def _shown_headline(title: str, texts: list[_Line], body_start: int) -> str:
    """Pages that print their <title> headline as a line above the article (breadcrumb or
    teaser) may give the article its own headline just below it, after a kicker and before
    the first sentence: "<title> / Parlamentsstreit / Grünen-Spitze gegen Klöckner: ...".
    That one is the article's; a headline that is only the <title>'s tail stays part of the
    <title>."""
    shown = [position for position, line in enumerate(texts[:body_start + 1])
             if position > 0 and line.text == title]
    if not shown:
        return title
    below = [line.text for line in texts[shown[-1] + 1:shown[-1] + 4]]
    for kicker, headline in pairwise(below):
        if not _looks_like_title(kicker) and prose_score(kicker) > 0:
            break  # the article has begun
        if _is_kicker(kicker) and _is_own_headline(headline, title):
            return headline
    return title


def _is_kicker(text: str) -> bool:
    return len(text) <= 60 and 1 <= len(text.split()) <= 6 and not re.search(r"[.!?,;]$", text)


def _is_own_headline(text: str, title: str) -> bool:
    """A headline of four words or more on the <title>'s subject, not only its tail; not a
    byline, not a "Site | Section" line, not a kicker glued to its headline ("Deutscher
    Handel mit Teheran:Druck ...")."""
    return len(text.split()) >= 4 and _looks_like_title(text) and "|" not in text \
        and not re.match(r"[Vv]on\b", text) and not re.search(r"[^\s\d]:[^\s\d]", text) \
        and not f"{title.lower()} ".endswith(f" {text.lower()} ") \
        and bool(_content_words(text) & _content_words(title))


def _content_words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\w{4,}", text)}


def _heading_candidates(texts: list[_Line]) -> list[tuple[int, str]]:
    """(position, text) of each line short enough for a title, and of each short line (a
    kicker such as "LTE-Patent:") joined with the next."""
    candidates = []
    for position, line in enumerate(texts):
        if len(line.text) <= _TITLE_MAX:
            candidates.append((position, line.text))
        if len(line.text) <= 60 and position + 1 < len(texts):
            candidates.append((position, f"{line.text} {texts[position + 1].text}"))
    return candidates


def _looks_like_title(text: str) -> bool:
    """Short, no end mark of a sentence, and no full stop between sentences (a question or
    an exclamation may lead: "Ist die Bratwurst eine Illusion? Das harte Geschäft ...")."""
    return len(text) <= _TITLE_MAX and not re.search(r"[.,;]$", text) \
        and not re.search(r"(?<!\d)\. [A-ZÄÖÜ]", text)


def _paragraphs(lines: list[_Line]) -> list[tuple[int, str]]:
    """(first line index, paragraph text); hard-wrapped lines are joined."""
    paragraphs: list[tuple[int, str]] = []
    current: list[_Line] = []
    for line in [*lines, _Line(-1, "", "blank")]:
        if line.kind == "blank":
            paragraphs.extend(_split_block(current))
            current = []
        else:
            current.append(line)
    return paragraphs


def _split_block(block: list[_Line]) -> list[tuple[int, str]]:
    result: list[tuple[int, str]] = []
    width = max((len(line.text) for line in block), default=0)
    for previous, line in zip([None, *block], block, strict=False):
        if result and previous and _continues(previous.text, line.text, width):
            result[-1] = (result[-1][0], f"{result[-1][1]} {line.text}")
        else:
            result.append((line.index, line.text))
    return result


def _continues(previous: str, line: str, width: int) -> bool:
    """A line wrapped mid-sentence: no end mark, and lower case after or a line of full width.

    Short lines without an end mark (subheadings) stay paragraphs of their own.
    """
    if _SENTENCE_END.search(previous) or len(previous) <= 40:
        return False
    return line[:1].islower() or len(previous) >= 0.6 * width


def _take_teaser(paragraphs: list[tuple[int, str]], lines: list[_Line], result: Cleaned) -> None:
    """A short first paragraph that sits in the page header (between date, URL and captions)."""
    if len(paragraphs) < 2 or result.title is None:
        return
    index, text = paragraphs[0]
    header_after = any(line.kind in ("header", "caption") and line.index > index
                       for line in lines[: paragraphs[1][0]])
    header_before = any(line.kind in ("header", "caption") for line in lines[:index])
    if len(text) <= _TEASER_MAX and (header_after or header_before):
        result.teaser = text
        paragraphs.pop(0)


def _take_credits(paragraphs: list[tuple[int, str]], profile: Profile, result: Cleaned) -> None:
    """Credit lines (author initials, agencies, source) anywhere in the last paragraphs."""
    keep = []
    for position, (index, text) in enumerate(paragraphs):
        match = _credit_match(text, profile) if position >= len(paragraphs) - 3 else None
        if match:
            result.credit_matches.append({k: v for k, v in match.groupdict().items() if v})
        else:
            keep.append((index, text))
    paragraphs[:] = keep


def _credit_match(text: str, profile: Profile) -> re.Match[str] | None:
    if len(text) > 120:
        return None
    return next((m for p in profile.credit_lines if (m := p.match(text))), None)


def _take_dateline(paragraphs: list[tuple[int, str]], profile: Profile, result: Cleaned) -> None:
    if not paragraphs or profile.dateline is None:
        return
    index, text = paragraphs[0]
    match = profile.dateline.match(text)
    if not match:
        return
    result.dateline_places = [p.strip() for p in match.group("places").split("/") if p.strip()]
    result.dateline_agencies = [a.strip() for a in re.split(r"[,/]", match.group("agency"))]
    paragraphs[0] = (index, text[match.end():])
