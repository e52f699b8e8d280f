"""One offset frame: a sentence of a paragraph, its tokens outside quotation marks, the
attribution found for it, what the article has said so far, and the quote records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from flows.stages.entities import TOKEN, EntityIndex, Resolved
from flows.stages.quotes.lexicon import REPORTIVE_SOLLEN, reported_words, speech_lexicon
from flows.stages.text import Span


@dataclass(frozen=True)
class Quote:
    text: str
    kind: str  # direct, partial, indirect
    speaker: str | None
    speaker_mention: str | None
    speaker_type: str  # person, organization, unknown
    cue: str | None
    char_start: int
    char_end: int
    continues: bool = False  # reported speech going on from the statement just before


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str


@dataclass(frozen=True)
class Attribution:
    cue: str
    mention: str | None
    mention_start: int
    resolved: Resolved


_LONG_AGO = 1 << 30


class State:
    """What the article has said so far: the last speaker, for pronouns and continuations."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.last: Attribution | None = None
        self.last_at = 0  # where the last speaker was named, in the text the index was built on
        self.people_spoken: list[Resolved] = []  # person speakers, the latest last
        self.speech_just_before = False  # the previous sentence was attributed speech
        self.sentences_since_speech = _LONG_AGO  # 0: the previous sentence was speech
        self.offset = 0  # where the current paragraph starts in the text the index was built on
        self.narrative: tuple[Sentence, int] | None = None  # the sentence before, not speech
        self.before: tuple[Sentence, int] | None = None  # the sentence before in the paragraph

    def remember(self, attribution: Attribution) -> None:
        if attribution.resolved.speaker:
            self.last = attribution
            self.last_at = self.offset + max(attribution.mention_start, 0)
            if attribution.resolved.speaker_type == "person":
                self.people_spoken.append(attribution.resolved)

    def gender_of(self, resolved: Resolved) -> str | None:
        person = self.index.people.get(resolved.speaker or "")
        return person.gender if person else None


class Sentence:
    """One sentence of a paragraph, with its quotations masked out of the reporter's words."""

    def __init__(self, paragraph: str, span: Span, quotes: list[Span] = ()) -> None:
        self.paragraph = paragraph
        self.span = span
        self.quotes = list(quotes)
        self.text = paragraph[span.start:span.end]
        self.cue_candidates: list[tuple[int, Attribution]] | None = None  # state-dependent

    def part(self, start: int, end: int) -> Sentence:
        """A stretch of this sentence (offsets relative to the sentence), its quotations still
        masked."""
        span = Span(self.span.start + start, self.span.start + end)
        return Sentence(self.paragraph, span,
                        [q for q in self.quotes if q.start < span.end and span.start < q.end])

    @cached_property
    def tokens(self) -> list[Token]:
        matches = TOKEN.finditer(self.paragraph, self.span.start, self.span.end)
        if self.quotes:
            matches = self._outside_quotes(matches)
        return [Token(match[0], match.start(), match.end(), match[0].lower())
                for match in matches]

    def _outside_quotes(self, matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
        guards = iter(self.quotes)
        guard = next(guards, None)
        for match in matches:
            while guard is not None and guard.end <= match.start():
                guard = next(guards, None)
            if guard is None or match.start() < guard.start:
                yield match

    @cached_property
    def words(self) -> set[str]:
        """Every word of the sentence, quotations included, in lower case: a superset of the
        tokens' words, so a word missing here rules out a cue without tokenising."""
        return set(map(str.lower, TOKEN.findall(self.text)))

    @cached_property
    def may_cite(self) -> bool:
        return not self.words.isdisjoint(speech_lexicon().cue_words)

    @cached_property
    def reporters_text(self) -> str:
        """The sentence with its quotations (marks included) blanked out, offsets kept."""
        text = self.text
        for quote in self.quotes:
            start, end = quote.start - self.span.start, quote.end - self.span.start
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    @cached_property
    def verb_like(self) -> set[str]:
        """The words written in lower case: a finite verb is, the noun "Folge" is not."""
        return {word for word in TOKEN.findall(self.text) if word.islower()}

    @cached_property
    def reportive(self) -> bool:
        """"Er soll das Ziel gewesen sein": reportedly."""
        return "soll" in self.text and bool(REPORTIVE_SOLLEN.search(self.reporters_text))

    def reported(self, allow_k2: bool = False) -> bool:
        if self.words.isdisjoint(speech_lexicon().subjunctive):
            return False  # most sentences: no need to look at how the words are written
        # "Ich" opening the sentence is the first person too: "Ich glaube, ..." is no report
        return reported_words(self.verb_like | (self.words & {"ich"}), allow_k2)


def quoted_content(paragraph: str, span: Span) -> tuple[int, str]:
    return span.start + 1, paragraph[span.start + 1: span.end - 1]


def make_quote(content: tuple[int, str], kind: str, attribution: Attribution | None,
           offset: int) -> Quote:
    start, text = content
    resolved = attribution.resolved if attribution else Resolved(None, "unknown")
    return Quote(
        text=text, kind=kind, speaker=resolved.speaker,
        speaker_mention=attribution.mention if attribution else None,
        speaker_type=resolved.speaker_type, cue=attribution.cue if attribution else None,
        char_start=offset + start, char_end=offset + start + len(text),
    )


def char_before(text: str, position: int, floor: int) -> str | None:
    position -= 1
    while position >= floor and text[position].isspace():
        position -= 1
    return text[position] if position >= floor else None
