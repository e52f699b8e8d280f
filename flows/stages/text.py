"""Shared text helpers: paragraphs, quotation-mark pairing and sentence splitting with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Opening mark -> closing marks it accepts. Curly German „…“ also closes with ” or a straight ".
_PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘’", "‹": "›"}
_DOUBLE_OPENERS = "„»«“\""
_DOUBLE_MARKS = re.compile("[" + "".join(set(_DOUBLE_OPENERS).union(
    *(_PAIRS[o] for o in _DOUBLE_OPENERS))) + "]")  # every mark that opens or closes a quotation
_ABBREVIATIONS = {
    "z", "b", "dr", "prof", "nr", "bzw", "ca", "st", "u", "a", "etc", "vgl", "mio", "mrd", "jh",
    "abs", "art", "jan", "feb", "sept", "okt", "nov", "dez", "str", "inkl", "evtl", "ggf", "usw",
    "sog", "gen", "hl", "min", "max", "bzgl", "ehem", "mr", "mrs", "i", "d", "h", "v", "chr",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"“”«»'‘’)]*(?=\s+[\"„“»«‚(]?[A-ZÄÖÜ0-9])")
# The longest sentence in 1,724 Wikinews and 10kGNAD articles has 1,735 characters (a results
# table). A longer "sentence" is cut into pieces of at most this length, so that the stages,
# which read a sentence word by word for each cue or trigger, cost a bounded time per piece.
MAX_SENTENCE_CHARS = 2000
_CLAUSE_END = re.compile(r"[,;:]\s")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every paragraph of a body whose paragraphs are split by blank lines."""
    offset = 0
    for part in body.split("\n\n"):
        if part.strip():
            yield offset, part
        offset += len(part) + 2


def quote_paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """paragraphs(), but a quotation that runs over several paragraphs (opened in one, closed
    in a later one) keeps them together: one paragraph with blank lines inside."""
    parts = list(paragraphs(body))
    at = 0
    while at < len(parts):
        offset, text = parts[at]
        last = _closing_paragraph(body, parts, at) if _leaves_open(text) else at
        end = parts[last][0] + len(parts[last][1])
        yield offset, body[offset:end]
        at = last + 1


_PARAGRAPHS_IN_A_QUOTE = 4
_CURLY_OPENERS = re.compile("[„»«“]")  # a straight " never runs over paragraphs


def _closing_paragraph(body: str, parts: list[tuple[int, str]], at: int) -> int:
    """The paragraph that closes the quotation left open at the end of paragraph `at`."""
    offset, text = parts[at]
    for last in range(at + 1, min(at + _PARAGRAPHS_IN_A_QUOTE, len(parts))):
        merged = body[offset:parts[last][0] + len(parts[last][1])]
        if any(span.start < len(text) < span.end for span in quote_spans(merged)):
            return last
    return at


def _leaves_open(text: str) -> bool:
    """A quotation opens a sentence (or follows a colon) and nothing closes it before the
    paragraph ends (a stray mark inside a sentence, „Neue Mitte, does not count)."""
    if not _CURLY_OPENERS.search(text):
        return False  # most paragraphs: nothing to pair
    spans = quote_spans(text)
    after = spans[-1].end if spans else 0
    return any(_can_open(text, m.start()) and _opens_a_sentence(text, m.start())
               for m in _CURLY_OPENERS.finditer(text, after))


def _opens_a_sentence(text: str, index: int) -> bool:
    return text[:index].rstrip()[-1:] in ("", ":", ".", "!", "?")


@lru_cache(maxsize=1024)
def quote_spans(text: str) -> tuple[Span, ...]:
    """Outer quotations in a paragraph, as spans that include their marks.

    Inner quotes (‚…‘, '…', another style, or the same style opening after a space: „A „B“ C“)
    do not close the outer one. A mark left open at the end of the paragraph is dropped, so an
    unclosed quote never swallows the text after it; the quotations after it still count.
    """
    spans, restart = _scan_quotes(text, 0, nesting=True)
    if restart is not None:  # read on after the stray mark, once: linear in any text
        spans += _scan_quotes(text, restart, nesting=False)[0]
    return tuple(spans)  # cached: quote_paragraphs and sentences_with_quotes both ask


def _scan_quotes(text: str, start: int, nesting: bool) -> tuple[list[Span], int | None]:
    """The quotations from `start` on, and where to read on if a stray mark, not an outer
    quotation, was left open with quotations inside it."""
    spans: list[Span] = []
    opener_at, opener, closers, nested, inner_open = -1, "", "", False, 0
    for mark in _DOUBLE_MARKS.finditer(text, start):
        index, char = mark.start(), mark.group()
        if opener_at < 0:
            if char in _DOUBLE_OPENERS and _can_open(text, index):
                opener_at, opener, closers, nested = index, char, _PAIRS[char], False
        elif nesting and char == opener and char not in closers and _opens_nested(text, index):
            if text[index - 2:index] != "\n\n":  # „ opening a paragraph goes on with the quote
                inner_open, nested = inner_open + 1, True
        elif char in closers and _can_close(text, index, opener_at):
            if inner_open:
                inner_open -= 1
            else:
                spans.append(Span(opener_at, index + 1))
                opener_at = -1
    return spans, (opener_at + 1 if opener_at >= 0 and nested else None)


def _opens_nested(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return (before.isspace() or before in "([/") and _can_open(text, index)


def _can_open(text: str, index: int) -> bool:
    if text[index] != '"':
        return index + 1 < len(text) and not text[index + 1].isspace()
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([/-–—:") and not after.isspace()


def _can_close(text: str, index: int, opener_at: int) -> bool:
    if index == opener_at + 1:
        return False
    if text[index] == '"':
        return not text[index - 1].isspace()
    return True


@lru_cache(maxsize=1024)
def sentences_with_quotes(paragraph: str) -> tuple[tuple[Span, tuple[Span, ...]], ...]:
    """Each sentence of a paragraph with the quotations inside it. Cached: the quote and the
    event stages both read every paragraph of an article, one after the other."""
    quotes = quote_spans(paragraph)
    sentences = sentence_spans(paragraph, quotes)
    return tuple(zip(sentences, map(tuple, spans_within(sentences, quotes)), strict=True))


def sentence_spans(text: str, protected: Sequence[Span] = ()) -> list[Span]:
    """Sentences of a paragraph; never split inside a protected span (sorted, not overlapping)."""
    spans, start = [], 0
    guards = iter(protected)
    guard = next(guards, None)
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        while guard is not None and guard.end <= end:
            guard = next(guards, None)
        if (guard is not None and guard.start < end) or _is_abbreviation(text, match.start()):
            continue
        spans.append(Span(start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append(Span(start, len(text.rstrip())))
    return [piece for span in spans for piece in _pieces(text, span)]


def _pieces(text: str, span: Span) -> Iterator[Span]:
    """A sentence, or a run-on longer than MAX_SENTENCE_CHARS cut at the last clause end
    (else the last space) before each limit."""
    start = span.start
    while span.end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        clause_ends = [m.start() + 1 for m in
                       _CLAUSE_END.finditer(text, limit - MAX_SENTENCE_CHARS // 2, limit)]
        cut = clause_ends[-1] if clause_ends else (text.rfind(" ", start + 1, limit) + 1 or limit)
        end = cut
        while text[end - 1].isspace():
            end -= 1
        yield Span(start, end)
        start = cut
        while text[start].isspace():
            start += 1
    yield Span(start, span.end)


def spans_within(sentences: list[Span], spans: Sequence[Span]) -> list[list[Span]]:
    """For each sentence, the spans that lie inside it (both lists sorted): one linear sweep."""
    result: list[list[Span]] = [[] for _ in sentences]
    index = 0
    for span in spans:
        while index < len(sentences) and sentences[index].end < span.end:
            index += 1
        if index < len(sentences) and sentences[index].start <= span.start:
            result[index].append(span)
    return result


def _is_abbreviation(text: str, period_at: int) -> bool:
    if text[period_at] != ".":
        return False
    start = period_at
    while start > 0 and text[start - 1].isalnum():  # the word before the period
        start -= 1
    token = text[start:period_at]
    if not token:
        return False
    return token.lower() in _ABBREVIATIONS or (token.isdigit() and len(token) <= 2) \
        or (len(token) == 1 and token.isupper())
