"""Quotes: direct, partial and reported speech, each with its speaker, cue and offsets.

Offsets index the article body: `body[char_start:char_end] == text` for every quote.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property
from itertools import dropwhile

from flows.stages.entities import (
    ARTICLES,
    NAME_PARTICLES,
    PRONOUNS,
    TOKEN,
    EntityIndex,
    Resolved,
    country_of,
    is_capitalised,
    is_organization,
    is_role,
    lexicon,
)
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import MONTHS, WEEKDAYS
from flows.stages.text import Span, quote_paragraphs, sentences_with_quotes

_MAX_NAME_WORDS = 5
_MAX_SOURCE_WORDS = 3  # „BBC News“, „BILD am Sonntag“
_MAX_TITLE_WORDS = 12  # the book „Cobra II – die wirkliche Geschichte der Invasion ...“
# Full names only: "Jan" is a first name as often as January.
_CALENDAR_WORDS = {w.capitalize() for w in (*WEEKDAYS, *MONTHS) if len(w) > 4} | {
    "Minuten", "Stunden", "Tage", "Tagen", "Wochen", "Monate", "Monaten", "Jahre", "Jahren"}
_K2_FORMS = {"hätte", "hätten", "wäre", "wären", "würde", "würden", "könnte", "könnten",
             "müssten", "sollten", "wollten", "gäbe", "stünde", "stünden"}
_UMLAUT_K2 = {form for form in _K2_FORMS if re.search("[äöü]", form)}  # never indicative


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


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: frozenset[str]
    particles: dict[str, re.Pattern[str]]
    speaker_after: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # by first word
    speaker_before: tuple[str, ...]
    impersonal: tuple[str, ...]
    subjunctive: frozenset[str]
    participles: frozenset[str]
    infinitives: frozenset[str]
    anaphoric: tuple[str, ...]
    quoting: frozenset[str]  # "X zitiert Y": the speaker is the one quoted, after the verb
    judging: frozenset[str]  # "sieht X einen „Angriff“"
    held_opinion: re.Pattern[str]  # "X ist der Meinung", "X vertritt die These"
    passive_cues: frozenset[str]  # "als „extrem“ eingestuft": said, by someone not named
    source_noun: re.Pattern[str]  # "nach (ersten) Polizeiangaben" anywhere in a sentence
    claim: re.Pattern[str]  # "der Vorwurf der CDU, ..."
    opinion_after: re.Pattern[str]  # "seiner Meinung nach", "Dem Vernehmen nach"
    document_sources: frozenset[str]  # "laut der Studie": the study speaks
    document_prefixes: frozenset[str]  # "Presseerklärung": a kind of document, no source
    source_endings: tuple[str, ...]  # lower case: a word ending so may be a source noun
    opinion_nouns: frozenset[str]
    organization_nouns: tuple[str, ...]  # lower case: "Zeitung", "Partei" (can speak)
    work_nouns: tuple[str, ...]  # lower case: "Film", "Buch" (cannot)

    @cached_property
    def title_nouns(self) -> tuple[str, ...]:
        """„…“ right after one of these is a name or a title."""
        return self.organization_nouns + self.work_nouns

    @cached_property
    def any_impersonal(self) -> re.Pattern[str]:
        """Matches where one of the impersonal phrases does (a quick test before each)."""
        return re.compile(r"\b(?:" + "|".join(self.impersonal) + r")\b")

    @cached_property
    def verb_words(self) -> frozenset[str]:
        """Speech verbs and participles: a sentence without one has no verb cue."""
        return self.verbs | self.participles

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every lower-case word that can start a cue: a sentence without one names no
        source (checked first, since most sentences are such)."""
        return frozenset({*self.verbs, *self.participles, *self.speaker_after,
                          *self.speaker_before, *self.anaphoric,
                          *(phrase.split()[0].lower() for phrase in self.impersonal)})


@cache
def speech_lexicon() -> SpeechLexicon:
    with (DATA_DIR / "speech.toml").open("rb") as handle:
        data = tomllib.load(handle)
    particles = {verb: re.compile(rf"\b(?:{alternatives})\b")
                 for verb, alternatives in data["particles"].items()}
    for verb, pattern in list(particles.items()):  # "zeigen" needs its particle as "zeigte"
        for form in _inflected(verb):
            particles.setdefault(form, pattern)
    phrases = data["phrases"]
    verbs = {form for verb in data["verbs"] for form in (verb, *_inflected(verb))}
    return SpeechLexicon(
        verbs=frozenset(verbs).union(data["infinitives"]),
        infinitives=frozenset(data["infinitives"]),
        particles=particles,
        speaker_after=_by_first_word(phrases["speaker_after"]),
        speaker_before=tuple(phrases["speaker_before"]),
        impersonal=tuple(sorted(phrases["impersonal"], key=len, reverse=True)),
        subjunctive=frozenset(data["subjunctive"]["forms"]).union(
            *map(_konjunktiv_one, data["subjunctive"]["verbs"])),
        participles=frozenset(data["participles"]),
        anaphoric=tuple(phrases["anaphoric"]),
        quoting=frozenset(data["quoting"]),
        judging=frozenset(data["judging"]),
        held_opinion=_held_opinion_pattern(phrases["held_opinions"]),
        passive_cues=frozenset(data["passive_cues"]),
        source_noun=_source_noun_pattern(phrases["source_nouns"]),
        document_sources=frozenset(phrases["document_sources"]),
        claim=re.compile(rf"\b(?P<noun>{'|'.join(phrases['claim_nouns'])}) (?:der|des|von) "),
        document_prefixes=frozenset(phrases["document_prefixes"]),
        source_endings=tuple(noun.lower() for noun in phrases["source_nouns"]),
        opinion_nouns=frozenset(noun.lower() for noun in phrases["opinion_after"]),
        organization_nouns=tuple(noun.lower() for noun in data["names"]["organization_nouns"]),
        work_nouns=tuple(noun.lower() for noun in data["names"]["work_nouns"]),
        opinion_after=re.compile(r"\b(?P<owner>[Ss]einer|[Ii]hrer|[Dd]eren|[Dd]essen|[Dd]em) "
                                 rf"(?P<noun>{'|'.join(phrases['opinion_after'])}) nach\b"),
    )


def _konjunktiv_one(verb: str) -> set[str]:
    """Third person singular Konjunktiv I: the stem and "e" ("gelten" -> "gelte", "fordern" ->
    "fordere", "handeln" -> "handele", "handle", "tun" -> "tue")."""
    if verb.endswith("eln"):
        return {verb[:-1] + "e", verb[:-3] + "le"}
    if verb.endswith("ern"):
        return {verb[:-1] + "e"}
    return {verb[:-1] if verb.endswith("en") else verb[:-1] + "e"}


def _source_noun_pattern(nouns: list[str]) -> re.Pattern[str]:
    """"Nach ersten Polizeiangaben", "schossen nach offiziellen Angaben", "laut ai-Bericht":
    the preposition, up to three lower-case words, then a noun ending in a source noun; the
    part before it (if any) names the source."""
    endings = "|".join(f"[{n[0]}{n[0].lower()}]{n[1:]}" for n in nouns)  # either case
    return re.compile(r"(?<!\S)(?P<cue>[Nn]ach|[Ll]aut|[Gg]emäß)\s+(?:[a-zäöüß]+\s+){0,3}"
                      rf"(?P<noun>(?P<prefix>[^\W\d_][\w\-]*?)??(?P<source>{endings}))\b")


def _held_opinion_pattern(nouns: list[str]) -> re.Pattern[str]:
    """"X ist der Meinung" (or "ist X der Meinung": the words between), "X vertritt die
    These" (or "vertritt X die These")."""
    held = "|".join(nouns)
    return re.compile(rf"\b(?:(?P<verb>ist|sind|war|waren|sei|seien) "
                      rf"(?P<inverted>[^,.;:]{{1,60}} )?"
                      rf"(?P<noun>der (?:{held}))|(?P<holds>vertritt|vertrat) "
                      rf"(?P<subject>[^,.;:]{{1,60}} )?(?P<thesis>die (?:{held})))\b")


def _inflected(verb: str) -> tuple[str, ...]:
    """Other forms of a weak speech verb: sagte -> sagten (plural), sagt (present), sagen."""
    if verb.endswith("te"):
        return (verb + "n", *_inflected(verb[:-1]), verb[:-1])
    if verb.endswith("ert"):
        return (verb[:-1] + "n",)  # fordert -> fordern
    if verb.endswith(("tet", "det")):
        return (verb[:-2] + "en",)  # berichtet -> berichten, meldet -> melden
    if verb.endswith("t"):
        return (verb[:-1] + "en",)  # sagt -> sagen
    return ()


def _by_first_word(phrases: list[str]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Phrases as lower-case word tuples, grouped by their first word, longest first."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in sorted(phrases, key=lambda p: len(p.split()), reverse=True):
        parts = tuple(phrase.lower().split())
        grouped.setdefault(parts[0], []).append((parts, phrase))
    return {word: tuple(entries) for word, entries in grouped.items()}


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    lower: str


@dataclass(frozen=True)
class _Attribution:
    cue: str
    mention: str | None
    mention_start: int
    resolved: Resolved


def extract_quotes(body: str, context: str = "", index: EntityIndex | None = None
                   ) -> list[Quote]:
    """All quotations of an article body. `context` (title, captions) helps resolve names;
    `index` is the EntityIndex of context + "\n" + body if the caller has built it already."""
    index = index or EntityIndex.build(context + "\n" + body)
    state = _State(index)
    quotes: list[Quote] = []
    for offset, paragraph in quote_paragraphs(body):
        state.offset = len(context) + 1 + offset
        quotes.extend(_paragraph_quotes(paragraph, offset, state))
    return sorted(quotes, key=lambda q: q.char_start)


class _State:
    """What the article has said so far: the last speaker, for pronouns and continuations."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.last: _Attribution | None = None
        self.people_spoken: list[Resolved] = []  # person speakers, the latest last
        self.speech_just_before = False  # the previous sentence was attributed speech
        self.speech_two_before = False  # the one before it was
        self.offset = 0  # where the current paragraph starts in the text the index was built on

    def remember(self, attribution: _Attribution) -> None:
        if attribution.resolved.speaker:
            self.last = attribution
            if attribution.resolved.speaker_type == "person":
                self.people_spoken.append(attribution.resolved)

    def gender_of(self, resolved: Resolved) -> str | None:
        person = self.index.people.get(resolved.speaker or "")
        return person.gender if person else None


def _paragraph_quotes(paragraph: str, offset: int, state: _State) -> list[Quote]:
    quotes: list[Quote] = []
    previous: _Attribution | None = None
    for span, inner in sentences_with_quotes(paragraph):
        sentence = _Sentence(paragraph, span, inner)
        found, unattributed = _sentence_quotes(sentence, offset, state, previous) if inner \
            else ([], [])
        if all(quote.kind == "partial" for quote in found):
            # reported speech around quoted words is a quotation too ("Hier seien die Mittel
            # „völlig unrealistisch“."): the sentence and the words, like nested quotes
            reported = _indirect(sentence, offset, state)
            found = reported + found + \
                _words_of_reported(reported, unattributed, paragraph, offset)
        quotes.extend(found)
        # quoted words that no one is named for do not go on into the sentences after them
        state.speech_two_before = state.speech_just_before
        state.speech_just_before = any(q.kind != "partial" or q.speaker for q in found) or \
            _speech_act(sentence, state)
        previous = state.last if found else _cue_only(sentence, state)
    return quotes


class _Sentence:
    """One sentence of a paragraph, with its quotations masked out of the reporter's words."""

    def __init__(self, paragraph: str, span: Span, quotes: list[Span] = ()) -> None:
        self.paragraph = paragraph
        self.span = span
        self.quotes = list(quotes)
        self.text = paragraph[span.start:span.end]
        self._candidates: list[tuple[int, _Attribution]] | None = None  # depend on the state

    def part(self, start: int, end: int) -> _Sentence:
        """A stretch of this sentence (offsets relative to the sentence), without quotes."""
        return _Sentence(self.paragraph, Span(self.span.start + start, self.span.start + end))

    @cached_property
    def tokens(self) -> list[_Token]:
        matches = TOKEN.finditer(self.paragraph, self.span.start, self.span.end)
        if self.quotes:
            matches = self._outside_quotes(matches)
        return [_Token(match[0], match.start(), match.end(), match[0].lower())
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
        return "soll" in self.text and bool(_REPORTIVE_SOLLEN.search(self.reporters_text))

    def reported(self, allow_k2: bool = False) -> bool:
        if self.words.isdisjoint(speech_lexicon().subjunctive):
            return False  # most sentences: no need to look at how the words are written
        return _reported_words(self.verb_like, allow_k2)

    def attribution(self, state: _State, near: Span | None = None, in_clause: bool = False
                    ) -> _Attribution | None:
        """The speaker and cue; with several cues in the sentence, the one nearest to `near`,
        or with `in_clause` the cue before `near` in its clause ("X nannte seinen Platzverweis
        „überzogen“, Y bezeichnete ...")."""
        if self._candidates is None:
            self._candidates = _candidates(self, state)
        if not self._candidates:
            return None
        anchor = near.end if near else self.span.start
        positions = [position for position, _ in self._candidates]
        at = bisect.bisect_left(positions, anchor)
        if in_clause and near and at and positions[at - 1] < near.start and \
                "," not in self.paragraph[positions[at - 1]:near.start]:
            return self._candidates[at - 1][1]
        nearby = self._candidates[max(0, at - 1):at + 1]
        return min(nearby, key=lambda c: (abs(c[0] - anchor), c[0] < anchor))[1]


def _speech_act(sentence: _Sentence, state: _State) -> bool:
    """A sentence that says someone spoke ("X äußerte Vorwürfe gegen Y."): the reported
    sentences after it are that speaker's."""
    attribution = sentence.attribution(state)
    if attribution is None or attribution.mention is None:
        return False
    state.remember(attribution)
    return True


def _cue_only(sentence: _Sentence, state: _State) -> _Attribution | None:
    """A sentence without quotes that names a speaker ("X sagte:") introduces the next quote."""
    return sentence.attribution(state) if sentence.text.rstrip().endswith(":") else None


def _words_of_reported(reported: list[Quote], spans: list[Span], paragraph: str,
                       offset: int) -> list[Quote]:
    """Quoted words inside reported speech are the words of its speaker ("Deshalb müsse „die
    Politik ... sein“"), even when no one is named."""
    quotes = []
    for row in reported:
        for span in spans:
            start, text = _content(paragraph, span)
            if row.speaker is None and not text[:1].islower():
                continue  # no one named and a capitalised word: maybe a name („Sahelallianz“)
            if row.char_start <= offset + start and offset + start + len(text) <= row.char_end:
                quotes.append(replace(row, text=text, kind="partial", char_start=offset + start,
                                      char_end=offset + start + len(text)))
    return quotes


def _sentence_quotes(sentence: _Sentence, offset: int, state: _State,
                     previous: _Attribution | None) -> tuple[list[Quote], list[Span]]:
    """The quotations of a sentence, and the spans of quoted words that no one was found
    for (a scare quote, or words of reported speech: _words_of_reported decides)."""
    quotes, unattributed = [], []
    for span, kind in zip(sentence.quotes, _kinds(sentence), strict=True):
        name_like = _looks_like_name(sentence.paragraph, span)
        attribution = sentence.attribution(state, near=span, in_clause=kind == "partial")
        if kind == "partial":
            if name_like or _so_called(sentence, span):
                continue
            attribution = _claim_owner(sentence, span, state) or \
                _clause_source(sentence, span, attribution, state) or attribution or \
                _subject_judges(sentence, span, state) or \
                _inherit(sentence, state) or _unnamed(sentence, span, state)
            if attribution is None:
                unattributed.append(span)
                continue  # a scare quote or a title: no speaker, no quotation
        else:
            attribution = attribution or previous or _following_attribution(sentence, state) \
                or _continued(state)
            if attribution is None and name_like:
                continue
        quotes.append(_quote(_content(sentence.paragraph, span), kind, attribution, offset))
        if attribution:
            state.remember(attribution)
    return quotes, unattributed


def _clause_source(sentence: _Sentence, span: Span, attribution: _Attribution | None,
                   state: _State) -> _Attribution | None:
    """A source phrase in the quotation's own clause is its cue: "..., die nach Bewertung
    von Polizei und Staatsanwaltschaft „keinen Anlass“ gibt"; "X fordert eine Untersuchung,
    bei der es sich seiner Meinung nach um einen „…“ gehandelt haben könne" ("seiner" the
    mention, whose it is the sentence's speaker says)."""
    text = sentence.text
    end = span.start - sentence.span.start
    clause = text.rfind(", ", 0, end) + 1
    opinion = speech_lexicon().opinion_after.search(text, clause, end)
    if opinion is not None:
        if attribution is None or attribution.resolved.speaker_type != "person" or \
                opinion["owner"].lower() not in _OWNER_PRONOUNS:
            return None
        return _Attribution(f"{opinion['noun']} nach", opinion["owner"],
                            sentence.span.start + opinion.start(), attribution.resolved)
    if clause == 0:
        return None
    if not speech_lexicon().source_noun.search(text, clause, end):
        # or the clause before it is the source phrase alone: "..., nach Aussagen eines
        # Gutachters, die Hautepithelien „wie Pech“ kleben würden"
        end = clause - 1  # the comma
        clause = text.rfind(", ", 0, end) + 2
        phrase = speech_lexicon().source_noun.match(text, clause)
        if clause < 2 or phrase is None or \
                text[phrase.end():end].count(" ") > _SOURCE_PHRASE_WORDS:
            return None
    source = _source_noun(sentence.part(clause, end), state)
    return source if source and source.mention else None


def _claim_owner(sentence: _Sentence, span: Span, state: _State) -> _Attribution | None:
    """"Auf den Vorwurf der CDU, es handele sich um einen „sozialistischen Antrag“,
    entgegneten die Unterstützer": quoted words in the clause after a claim are its owner's,
    unless a speech verb comes between."""
    before = sentence.paragraph[sentence.span.start:span.start]
    claim = next(reversed(list(speech_lexicon().claim.finditer(before))), None)
    if claim is None or _has_cue(before[claim.end():]):
        return None
    comma = before.find(", ", claim.end())
    if comma < 0:
        return None
    start, end = sentence.span.start + claim.end(), sentence.span.start + comma
    owner = [t for t in sentence.tokens if start <= t.start and t.end <= end]
    if not owner or not _can_speak(owner, state):
        return None
    return _attributed(sentence.paragraph, owner, claim["noun"], state)


def _unnamed(sentence: _Sentence, span: Span, state: _State) -> _Attribution | None:
    """Quoted words with a speech verb but no one named: "werden die Vorkehrungen als
    „extrem“ bezeichnet", "Darin wird er aufgefordert, „…“" (words, not a name: they start
    in lower case); in the passive, the agent speaks ("vom Wetterdienst als „…“ eingestuft")."""
    if not sentence.paragraph[span.start + 1:span.start + 2].islower():
        return None
    passive = speech_lexicon().passive_cues.intersection(sentence.words)
    cue = (_first_cue(sentence) if sentence.may_cite else None) or min(passive, default=None)
    if cue is None:
        return None
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if t.lower in passive), None)
    agent = _passive_agent(sentence.paragraph, tokens, at, state) if at is not None else None
    if agent:
        return _attributed(sentence.paragraph, agent, tokens[at].text, state)
    medium = _medium_named_in(sentence, cue) if passive else None
    return medium or _Attribution(cue, None, -1, Resolved(None, "unknown"))


def _medium_named_in(sentence: _Sentence, cue: str) -> _Attribution | None:
    """"wurden gestern im „Standard“ als „…“ bezeichnet": in the passive, a publication in
    quotation marks after "im"/"in der" is where it was said."""
    for quote in sentence.quotes:
        name = sentence.paragraph[quote.start + 1:quote.end - 1]
        before = sentence.paragraph[max(sentence.span.start, quote.start - 8):quote.start]
        if before.endswith((" im ", " in der ")) and _name_shaped(TOKEN.findall(name)):
            return _Attribution(cue, name, quote.start + 1, Resolved(name, "organization"))
    return None


def _continued(state: _State) -> _Attribution | None:
    """A quotation without a tag right after attributed speech goes on with that speaker
    (also into the next paragraph: quote paragraphs continue the last speaker)."""
    return state.last if state.speech_just_before else None


def _content(paragraph: str, span: Span) -> tuple[int, str]:
    return span.start + 1, paragraph[span.start + 1: span.end - 1]


def _quote(content: tuple[int, str], kind: str, attribution: _Attribution | None,
           offset: int) -> Quote:
    start, text = content
    resolved = attribution.resolved if attribution else Resolved(None, "unknown")
    return Quote(
        text=text, kind=kind, speaker=resolved.speaker,
        speaker_mention=attribution.mention if attribution else None,
        speaker_type=resolved.speaker_type, cue=attribution.cue if attribution else None,
        char_start=offset + start, char_end=offset + start + len(text),
    )


def _kinds(sentence: _Sentence) -> list[str]:
    """Direct when a quotation stands as its own clause; partial inside the reporter's text."""
    paragraph, kinds = sentence.paragraph, []
    for position, span in enumerate(sentence.quotes):
        before = _char_before(paragraph, span.start, sentence.span.start)
        after = paragraph[span.end:min(sentence.span.end, span.end + 80)].lstrip()
        if (before is None or before == ":") and not _runs_on(paragraph, span, after):
            kind = "direct"
        elif position and before == "," and kinds[-1] == "direct" and \
                _has_cue(paragraph[sentence.quotes[position - 1].end:span.start]):
            kind = "direct"  # the second half of a quote split by its speech tag
        elif before and before in ".:" and after.startswith(",") and _has_cue(after[:60]) and \
                paragraph[span.start + 1:span.start + 2].isupper():
            kind = "direct"
        else:
            kind = "partial"
        kinds.append(kind)
    return kinds


def _runs_on(paragraph: str, span: Span, after: str) -> bool:
    """The sentence goes on after the closing mark with a word that is no speech tag: the
    quoted words are part of it („Offene“ Fragen schwieriger; „Platzverbot“ rund um das
    Hotel), not a statement of their own (which ends with its own stop, or has a tag)."""
    following = TOKEN.match(after)
    if following is None or following[0] == "so" or \
            paragraph[span.start + 1:span.end - 1].rstrip().endswith((".", "!", "?", "…")):
        return False
    lex = speech_lexicon()
    return not any(w in lex.verbs or w in lex.participles
                   for w in TOKEN.findall(after[:40]) if w.islower()) and \
        not any(p in after[:40] for p in lex.impersonal)


def _char_before(text: str, position: int, floor: int) -> str | None:
    position -= 1
    while position >= floor and text[position].isspace():
        position -= 1
    return text[position] if position >= floor else None


def _has_cue(text: str) -> bool:
    words = [t.lower() for t in TOKEN.findall(text)]
    lex = speech_lexicon()
    return any(w in lex.verbs or w in lex.participles for w in words) \
        or any(p in text for p in lex.impersonal)


def _looks_like_name(paragraph: str, span: Span) -> bool:
    """Quotation marks around a name or title: "Charles de Gaulle", „Islamischer Staat“, the
    cruiser "Moskwa", the "Mistral"-Schiffe. A single quoted noun after an article or a
    preposition („einen „Militärputsch“ nannte er es") is a quoted word, not a name."""
    content = paragraph[span.start + 1: span.end - 1]
    if len(content) > 80 or not content[:1].isalnum():
        return False
    words = TOKEN.findall(content)
    before = TOKEN.findall(paragraph[max(0, span.start - 40):span.start])
    if before and _titled(before[-1], content, words):
        return True
    if not re.search(r"[!?;:,]|\.(?!\w)", content) and \
            _medium_of_a_source_phrase(paragraph, span, before, words):
        return True  # also a web address: laut „tagesschau.de“
    if len(before) > 1 and before[-1] in ("die", "das") and \
            before[-2].lower() in speech_lexicon().verbs and _name_shaped(words):
        return True  # the subject after its verb: „…“, schreibt die „Computerwoche“
    if re.search(r"[.!?;:,]", content) or not words or len(words) > _MAX_NAME_WORDS:
        return False
    if not all(is_capitalised(w) or NAME_PARTICLES.match(w) or w.isdigit() for w in words):
        return False
    after = paragraph[span.end:span.end + 1]
    return len(words) > 1 or after == "-" or (bool(before) and is_capitalised(before[-1]))


def _titled(word: str, content: str, words: list[str]) -> bool:
    """The title after the noun it names: the film „2001: Odyssee im Weltraum“."""
    if not _is_noun_of(word, speech_lexicon().title_nouns):
        return False
    return (content[0].isupper() or content[0].isdigit()) and \
        not content.endswith((".", "!", "?")) and len(words) <= _MAX_TITLE_WORDS


def _medium_of_a_source_phrase(paragraph: str, span: Span, before: list[str],
                               words: list[str]) -> bool:
    """The medium in a source phrase: laut „Tagesspiegel“, dem „Figaro“ zufolge, gegenüber
    dem „Tagesspiegel“, or as the subject of the cue: „BBC News“ berichtet, die „X“ meldete."""
    after = TOKEN.search(paragraph, span.end, span.end + 40)
    following = after[0] if after and not paragraph[span.end:after.start()].strip() else ""
    if len(words) <= _MAX_SOURCE_WORDS and (
            following == "zufolge" or (before and before[-1].lower() == "laut") or
            (len(before) > 1 and before[-2].lower() == "gegenüber" and before[-1] in ARTICLES)):
        return True
    start = span.start
    if before and before[-1].lower() in ARTICLES:  # "Die „Kampagne für ...“ berichtete"
        start = paragraph.rfind(before[-1], 0, span.start)
    opens_clause = _char_before(paragraph, start, 0) in (None, ".", ":")
    return opens_clause and following in speech_lexicon().verbs and _name_shaped(words)


_NAME_FUNCTION_WORDS = {"für", "ein", "eine", "einer", "am", "im", "in", "an", "ohne",
                        "gegen", "und", "der", "die", "das", "des", "von", "zu", "of", "the",
                        "and", "for", "de", "la", "le", "du"}


def _name_shaped(words: list[str]) -> bool:
    """„BBC News“, „Ärzte ohne Grenzen“, „Kampagne für ein Freies Tibet“ (not „Wir kommen“)."""
    return 0 < len(words) <= _MAX_NAME_WORDS and is_capitalised(words[0]) and \
        all(is_capitalised(w) or w in _NAME_FUNCTION_WORDS or w.isdigit() for w in words)


def _quoted_one(paragraph: str, tokens: list[_Token], cue_at: int) -> list[_Token] | None:
    """"„…“, zitiert Welt-Online den Minister", "zitierte man Yolanda Alvarez": who is
    quoted is the object after the one who quotes."""
    at = cue_at + 1
    if at < len(tokens) and tokens[at].lower == "man":
        return _speaker_after(paragraph, tokens, at)
    medium = _speaker_after(paragraph, tokens, cue_at)
    if not medium or medium[0].lower in _NOT_NOMINATIVE:
        return None
    end = tokens.index(medium[-1])
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    if following is None or following.lower not in ("den", "die", "einen", "eine"):
        return None
    return _speaker_after(paragraph, tokens, end)


def _coordinated_subject(paragraph: str, tokens: list[_Token], cue_at: int,
                         earlier: list[_Token] | None, state: _State) -> list[_Token] | None:
    """"Er rief die Polizei und teilte mit, ...", "Er wollte sich nicht festlegen, sagte
    aber, ...": the second verb shares the subject of the first: the speaker of an earlier
    cue in the sentence, else the phrase it opens with."""
    if cue_at == 0:
        return None
    if tokens[cue_at - 1].lower in ("und", "sowie", "aber"):
        return earlier or _main_subject(paragraph, tokens)
    if paragraph[tokens[cue_at - 1].end:tokens[cue_at].start] != ", " or \
            _speaker_after(paragraph, tokens, cue_at) or \
            _is_reported(paragraph[tokens[0].start:tokens[cue_at].start], allow_k2=True):
        return None  # "Andere hätten sich verkalkuliert, sagt Kurz": what is said
    subject = earlier or _main_subject(paragraph, tokens)  # "X wollte ..., sagte aber, ..."
    named = subject and subject[0].lower not in PRONOUNS and _strength(subject, state) > 1
    return subject if named else None  # not "Ich lebe hier, sagt ..." (no quotation marks)


def _main_subject(paragraph: str, tokens: list[_Token]) -> list[_Token] | None:
    """The subject of the main clause: the phrase it opens with, or after an opening phrase
    the one after the verb ("In seiner Stellungnahme befand der Premierminister ...", "Als
    ein Fluggast half, biss der Randalierer ...")."""
    verb = _after_opening_clause(paragraph, tokens)
    if verb is not None:
        return _subject(_speaker_after(paragraph, tokens, verb))
    if tokens and tokens[0].lower in _PREPOSITIONS:
        verb = next((j for j in range(2, len(tokens))
                     if _verb_after_noun(tokens[j - 1], tokens[j])), None)
        return _subject(_speaker_after(paragraph, tokens, verb)) if verb else None
    if len(tokens) > 1 and tokens[0].text in _OPENERS and tokens[1].text.islower() and \
            tokens[1].lower not in ARTICLES and tokens[1].text not in _PREPOSITIONS:
        verb = 2 if len(tokens) > 2 and tokens[2].text == "es" else 1  # "Ähnlich sieht es X"
        return _subject(_speaker_after(paragraph, tokens, verb))  # "Hier sparte der Präsident"
    return _subject(_sentence_subject(paragraph, tokens))


def _after_opening_clause(paragraph: str, tokens: list[_Token]) -> int | None:
    """The verb of the main clause after an opening subordinate clause ("Als ..., biss")."""
    if not tokens or tokens[0].lower not in _OPENING_SUBORDINATORS:
        return None
    comma = next((j for j in range(1, min(len(tokens), _CLAUSE_WORDS))
                  if "," in paragraph[tokens[j - 1].end:tokens[j].start]), None)
    return comma if comma is not None and tokens[comma].text.islower() else None


_OPENING_SUBORDINATORS = {"als", "nachdem", "weil", "während", "obwohl", "bevor", "sobald",
                          "wenn", "da", "seit", "seitdem", "falls", "zumal", "ob"}


_SO_CALLED = re.compile(r"(?:so ?genannt|sog\.)\w*\s*$", re.IGNORECASE)


def _so_called(sentence: _Sentence, span: Span) -> bool:
    """"die sogenannte „Herdprämie“": the reporter's distance from a term, not a quotation."""
    return bool(_SO_CALLED.search(sentence.paragraph[sentence.span.start:span.start]))


def _subject_judges(sentence: _Sentence, span: Span, state: _State) -> _Attribution | None:
    """"Rumsfeld attackierte den Iran als den „führenden Förderer von Terrorismus“": words
    quoted in a sentence whose subject is someone who can speak are that subject's words."""
    tokens = [t for t in sentence.tokens if t.end <= span.start]
    subject = _subject(_sentence_subject(sentence.paragraph, tokens))
    if subject is None:
        return _judge_after_verb(sentence, tokens, state)
    set_off_by_role = any(is_role(t.text) for t in tokens[:tokens.index(subject[0])])
    if not (set_off_by_role or _can_speak(subject, state)):
        return None
    after = tokens.index(subject[-1]) + 1  # the verb: "Der Vizepräsident, X Y, zeigte sich"
    verb = next((t for j, t in enumerate(tokens[after:], after) if t.text.islower()
                 and t.lower not in ARTICLES | _PREPOSITIONS
                 and tokens[j - 1].lower not in ARTICLES), None)  # not "die britische"
    # "Der Aktivist und Träger des „…“", "Das Bündnis sei eine „…“": no judgement; "Die
    # Sichtweise von X, wonach ...": a clause of its own, not a verb
    if verb is None or verb.lower in _JOINING | _COPULAS | _PASSIVE | _HAVE | _NOT_VERBS:
        return None
    return _attributed(sentence.paragraph, subject, verb.text, state)


_NOT_VERBS = {"wonach", "der", "die", "das", "dessen", "deren", "welche", "welcher"}


def _judge_after_verb(sentence: _Sentence, tokens: list[_Token], state: _State
                      ) -> _Attribution | None:
    """"In dem Verfahren sieht Osterloh einen „Angriff gegen die Belegschaft“": after an
    opening phrase, a judging verb and who can speak right after it."""
    at = next((i for i, t in enumerate(tokens) if t.lower in speech_lexicon().judging), None)
    if not at:
        return None
    subject = _subject(_speaker_after(sentence.paragraph, tokens, at))
    if not subject or not _can_speak(subject, state):
        return None
    return _attributed(sentence.paragraph, subject, tokens[at].text, state)


def _can_speak(group: list[_Token], state: _State) -> bool:
    """A role, an organisation, or a person the article names with a role: who can be
    quoted without a speech verb (every German noun is capitalised, so a capitalised phrase
    alone could be "Die Grundlage der Technologie")."""
    words = [t.text for t in group if t.lower not in ARTICLES]
    if any(is_role(w) for w in words) or is_organization(words) or \
            _names_an_organization(words) or (bool(words) and _is_organization_noun(words[-1])):
        return True
    names = _name_words(words)
    return bool(names) and state.index.find_by_name(names) is not None


def _inherit(sentence: _Sentence, state: _State) -> _Attribution | None:
    """Reported speech continuing the statement just before it (subjunctive, no own cue)."""
    if state.last is None or not state.speech_just_before:
        return None
    return state.last if sentence.reported(allow_k2=True) else None


def _reported_words(words: set[str], allow_k2: bool) -> bool:
    """Konjunktiv I marks reported speech; Konjunktiv II only where a cue makes it speech."""
    found = words & speech_lexicon().subjunctive
    if not allow_k2:
        found -= _K2_FORMS
    if "ich" in words:  # "Folglich lehne ich ... ab": the first person, not reported
        found = {form for form in found if not form.endswith("e")}
    return bool(found)


def _is_reported(text: str, allow_k2: bool = False) -> bool:
    return _reported_words({w for w in TOKEN.findall(text) if w.islower()}, allow_k2)


def _following_attribution(sentence: _Sentence, state: _State) -> _Attribution | None:
    """A quotation followed by a short sentence naming its speaker ("So Putin.", "Das
    musste Finanzminister Peer Steinbrück zu Beginn der Debatte einräumen.")."""
    end = sentence.span.end
    window = sentence.paragraph[end:end + 200]
    rest = window.lstrip()
    follow = re.match(r"^(?:So\s+[^.!?]{2,60}|(?:Das|Dies)\s+[^.!?]{2,160})[.!?]", rest)
    if not follow:
        return None
    start = end + len(window) - len(rest)
    return _Sentence(sentence.paragraph, Span(start, start + follow.end())).attribution(state)


def _candidates(sentence: _Sentence, state: _State) -> list[tuple[int, _Attribution]]:
    """Every cue of a sentence with its speaker, in order; an impersonal cue ("hieß es") or a
    phrase cue ("laut X") only when the sentence has no speech verb with a speaker."""
    if not sentence.may_cite and not sentence.quotes:  # quotes: "Name: „…“" needs no cue
        return []
    impersonal = _impersonal(sentence, state)
    if impersonal:
        return [(sentence.span.start, impersonal)]
    found, speaker = [], None
    has_verb = not sentence.words.isdisjoint(speech_lexicon().verb_words)
    tokens = sentence.tokens if has_verb or sentence.quotes else []
    for i, token in enumerate(tokens):
        word = token.lower
        if "(" in sentence.text and _parenthesised(sentence, token):
            continue  # "(Wikinews berichtete)": an aside, not the source of the sentence
        group = _verb_group(sentence.paragraph, tokens, i) \
            if word in speech_lexicon().participles else None
        if group is not None and _is_passive(group):
            # "Die Bevölkerung wurde gewarnt": no speaker, unless "vom Wetterdienst gewarnt"
            speaker = _passive_agent(sentence.paragraph, tokens, i, state)
            if speaker:
                found.append((token.start, _attributed(sentence.paragraph, speaker, token.text,
                                                       state)))
            continue
        if group is not None and not _AUXILIARIES.isdisjoint(group) and \
                not _speaker_after(sentence.paragraph, tokens, i):
            speaker = _clause_subject(sentence.paragraph, tokens, i) or \
                _subject_of_perfect(sentence.paragraph, tokens, i)
        elif word in speech_lexicon().infinitives and \
                _modal_before(sentence.paragraph, tokens, i) is not None:
            # "Das musste X einräumen", "Die Existenz will X nicht bestätigen": the modal's
            # subject; the words before the infinitive are its object ("lässt Folgendes
            # erklären")
            speaker = _modal_subject(sentence.paragraph, tokens, i, state)
        elif _is_cue_verb(token, tokens, i):
            adjacent = _subject(_speaker_before(sentence.paragraph, tokens, i))
            before = adjacent or _clause_subject(sentence.paragraph, tokens, i) or \
                _coordinated_subject(sentence.paragraph, tokens, i, speaker, state) or \
                (_subject_of_perfect(sentence.paragraph, tokens, i)  # "hatte X ... verkündet"
                 if _perfect_before(sentence.paragraph, tokens, i) else None)
            # right before the verb but inside a fronted phrase ("Nach ... mit Hollande
            # teilte Kerry") it is weak; a subject found by the grammar is not, nor one after
            # a particle ("Auch die Ministerin äußerte Vorbehalte")
            initial = bool(before) and (before is not adjacent
                                        or _clause_initial(sentence, before[0])
                                        or _after_particle(tokens, before[0]))
            after = _speaker_after(sentence.paragraph, tokens, i)
            if word in speech_lexicon().quoting:
                after = _quoted_one(sentence.paragraph, tokens, i) or after
            speaker = after if after and word in speech_lexicon().quoting else \
                _stronger(state, before, _subject(after), initial) or \
                _subject_before_phrase(sentence.paragraph, tokens, i)
        elif word in speech_lexicon().participles:
            speaker = _sentence_subject(sentence.paragraph, tokens)
        else:
            continue
        if speaker:
            found.append((token.start, _as_written(
                sentence.paragraph, tokens, speaker, i,
                _attributed(sentence.paragraph, speaker, token.text, state))))
    if has_verb and sentence.quotes:
        found += _quoted_sources(sentence, tokens, state)
    if found and "so" in sentence.words:
        tag = _sentence_phrase(sentence, state)  # "X betonte ..., „…“, so Y": Y's words
        if tag and tag.cue == "so":
            found.append((tag.mention_start, tag))
    if found:
        return sorted(found, key=lambda c: c[0])
    phrase = _sentence_phrase(sentence, state) or _of_the_opinion(sentence, state) or \
        _introduced_by_colon(sentence, tokens, state)
    return [(sentence.span.start, phrase)] if phrase else []


def _of_the_opinion(sentence: _Sentence, state: _State) -> _Attribution | None:
    """"Günter Metzges von Campact ist der Meinung, dass ...", "Seit 2013 vertritt er die
    These, dass ...": the subject holds the opinion; after the verb when something else opens
    the sentence ("Dabei ist der Sprecher der Ansicht")."""
    opinion = speech_lexicon().held_opinion.search(sentence.reporters_text)
    if opinion is None:
        return None
    verb, between, noun = ("verb", "inverted", "noun") if opinion["verb"] else \
        ("holds", "subject", "thesis")
    tokens = sentence.tokens
    base = sentence.span.start
    if opinion[between]:
        subject = [t for t in tokens if base + opinion.start(between) <= t.start
                   and t.end <= base + opinion.end(between)]
    else:
        at = next((i for i, t in enumerate(tokens) if t.start == base + opinion.start(verb)), 0)
        subject = _subject(_sentence_subject(sentence.paragraph, tokens[:at]))
    if not subject or _strength(subject, state) < 2:
        return None
    return _attributed(sentence.paragraph, subject, f"{opinion[verb]} {opinion[noun]}", state)


def _as_written(paragraph: str, tokens: list[_Token], speaker: list[_Token], cue_at: int,
                attribution: _Attribution) -> _Attribution:
    """The mention at the cue as written: the relative pronoun after its antecedent ("Arturo
    Arauz, der ... sagte": "der"), like a personal pronoun; the speaker stays the antecedent."""
    after = tokens.index(speaker[-1]) + 1
    if after < cue_at and tokens[after].lower in _RELATIVES and \
            paragraph[speaker[-1].end:tokens[after].start] == ", " and \
            not _opens_subject(tokens[after + 1]):
        return replace(attribution, mention=tokens[after].text, mention_start=tokens[after].start)
    return attribution


def _parenthesised(sentence: _Sentence, token: _Token) -> bool:
    before = sentence.paragraph[sentence.span.start:token.start]
    opening = before.rfind("(")
    return opening >= 0 and ")" not in before[opening:] and \
        ")" in sentence.paragraph[token.end:sentence.span.end]


def _quoted_sources(sentence: _Sentence, tokens: list[_Token], state: _State
                    ) -> list[tuple[int, _Attribution]]:
    """„…“, schrieb (die) „Die Zeit“: a publication in quotation marks right after a speech
    verb."""
    found = []
    for i, token in enumerate(tokens):
        if not _is_cue_verb(token, tokens, i):
            continue
        follows = next((q for q in sentence.quotes if q.start >= token.end
                        and sentence.paragraph[token.end:q.start].strip() in ("", "die", "das")),
                       None)  # (not "der": "sagte der „Berliner Zeitung“" is said to it)
        if follows and _looks_like_name(sentence.paragraph, follows):
            name = sentence.paragraph[follows.start + 1:follows.end - 1]
            found.append((token.start, _Attribution(token.text, name, follows.start + 1,
                                                    Resolved(name, "organization"))))
    return found


_COLON_HEAD_MAX = 24  # words: "Ali bekannte sich in ihrer Rede ... zu einem Dialog:"


def _introduced_by_colon(sentence: _Sentence, tokens: list[_Token], state: _State
                         ) -> _Attribution | None:
    """"Erkki Tuomioja, Präsident des Rats der EU: „…“": a name before the colon, no verb."""
    first = sentence.quotes[0] if sentence.quotes else None
    if first is None or _char_before(sentence.paragraph, first.start, sentence.span.start) != ":":
        return None
    head = [t for t in tokens if t.end <= first.start]
    if not head or len(head) > _COLON_HEAD_MAX:
        return None
    subject = _main_subject(sentence.paragraph, head)
    cites = not speech_lexicon().cue_words.isdisjoint(t.lower for t in head)
    if subject is None or (_strength(subject, state) < 2 and not cites):
        return None  # "Die Lage ist klar: „…“" names nobody who speaks
    return _attributed(sentence.paragraph, subject, ":", state)


# Capitalised words that open a sentence without being part of who speaks.
_OPENERS = {
    "In", "Im", "Bei", "Beim", "Gegenüber", "Nach", "Mit", "Auf", "Aus", "Vor", "Laut", "Seit",
    "Für", "Über", "Unter", "Zu", "Zum", "Zur", "Am", "An", "Trotz", "Wegen", "Während", "Als",
    "Auch", "Doch", "Dennoch", "Zudem", "Bereits", "Schon", "Unterdessen", "Inzwischen",
    "Danach", "Daraufhin", "Dabei", "Damit", "Deshalb", "Jedoch", "Allerdings", "Noch", "Dann",
    "Nun", "Später", "Zuvor", "Zuletzt", "Gestern", "Heute", "Weiter", "Außerdem", "Ferner",
    "Dazu", "Hierzu", "Dort", "Hier", "Jetzt", "Damals", "Anschließend", "Schließlich",
    "Darüber", "Daneben", "Ebenso", "Gleichzeitig", "Zugleich", "Hingegen", "Von", "Vom",
    "Wie", "Warum", "Denn", "Derzeit", "Zurzeit", "Bisher", "Mittlerweile", "Trotzdem",
    "Deswegen", "Darauf", "Dafür", "Seitdem", "Kurz", "Erst", "Zunächst", "Abschließend",
    "Zwar", "Insbesondere", "Ob", "Wenn", "Falls", "Nachdem", "Obwohl", "Weil", "Da", "Sobald",
    "Dass", "Selbst", "Sogar", "Gerade", "Aktuell", "Ähnlich", "Genauso",
}
_AUXILIARIES = {"hat", "hatte", "haben", "hatten", "habe", "ist", "war", "wurde", "wird", "sei",
                "hätte", "wurden", "werden"}
_HAVE = {"hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"}
_COPULAS = {"ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bleibt", "blieb"}
_PASSIVE = {"wurde", "wird", "werden", "wurden", "worden", "wirst", "werde", "würde", "würden",
            "wurdest"}
_MODALS = {"muss", "musste", "mussten", "müsse", "will", "wollte", "wollten", "wolle", "soll",
           "sollte", "sollten", "solle", "kann", "konnte", "konnten", "könne", "darf",
           "durfte", "möchte", "lässt", "ließ", "ließen", "lasse"}
_FILLERS = {"sich", "auch", "jedoch", "dagegen", "zudem", "ebenfalls", "daraufhin", "nun",
            "noch", "bereits", "schon", "aber", "denn", "gestern", "heute", "damals", "dann",
            "hingegen", "allerdings", "wiederum", "indes", "inzwischen"}


def _clause_initial(sentence: _Sentence, token: _Token) -> bool:
    """The token opens the sentence or a clause (after a comma, colon or quotation)."""
    before = _char_before(sentence.paragraph, token.start, sentence.span.start)
    return before is None or before in ".,:;„“\"»«–-("  # "." also: "eingefroren.Washington"


_CLAUSE_WORDS = 15
_SUBORDINATORS = {"wie", "dass", "als", "nachdem", "weil", "wobei", "ob"}
_RELATIVES = {"der", "die", "das", "welcher", "welche"}


def _clause_subject(paragraph: str, tokens: list[_Token], cue_at: int) -> list[_Token] | None:
    """"Wie der Finanzminister am Dienstag in Hannover erklärte, ...", "die Marke, die Gerhard
    Schröder zum Erfolgskriterium erklärt hatte": in a subordinate clause the verb stands last
    and the subject right after the word that opens the clause."""
    if not _verb_last(paragraph, tokens, cue_at):
        return None  # "Als Grund nannte die NASA, ...": a main clause
    for j in range(cue_at - 1, max(-1, cue_at - _CLAUSE_WORDS), -1):
        if "," in paragraph[tokens[j].end:tokens[j + 1].start]:
            return None  # the clause starts after this comma
        relative = tokens[j].lower in _RELATIVES and j > 0 and \
            paragraph[tokens[j - 1].end:tokens[j].start].startswith(",")
        if relative and not _opens_subject(tokens[j + 1]):
            return _speaker_before(paragraph, tokens, j)  # "X, die ihn bestätigte", "dem
            # Beispiel des Abgeordneten X folgen, der erklärt hat": the antecedent, any case
        if tokens[j].lower == "als" and j + 1 == cue_at:
            continue  # "weil X Georgien als „…“ bezeichnet hat": not the clause's opening
        if relative or tokens[j].lower in _SUBORDINATORS | _OPENING_SUBORDINATORS:
            if tokens[j + 1].lower in _NOT_NOMINATIVE or tokens[j + 1].text in _PREPOSITIONS \
                    or any(t.lower in _AUXILIARIES for t in tokens[j + 1:cue_at]):
                return None  # "als seinen Nachfolger"; "Als Ziel hatte X erklärt": a main clause
            return _subject(_sentence_subject(paragraph, tokens[j + 1:cue_at]))
    return None


def _verb_last(paragraph: str, tokens: list[_Token], at: int) -> bool:
    """The verb ends its clause (or only an auxiliary follows: "erklärt hatte")."""
    if at + 1 == len(tokens) or tokens[at + 1].lower in _AUXILIARIES:
        return True
    return bool(_CLAUSE_BREAK.search(paragraph, tokens[at].end, tokens[at + 1].start))


_CLAUSE_BREAK = re.compile(r"[,.;:!?„“\"»«()–]")


_PHRASE_WORDS = 6


def _subject_before_phrase(paragraph: str, tokens: list[_Token], cue_at: int
                           ) -> list[_Token] | None:
    """"Das Exilparlament im indischen Dharamshala erklärte": the subject that opens the
    sentence, with a short prepositional phrase between it and the verb."""
    subject = _subject(_sentence_subject(paragraph, tokens[:cue_at]))
    if not subject or tokens[0] is not subject[0]:
        return None
    rest = tokens[tokens.index(subject[-1]) + 1:cue_at]
    if not rest or rest[0].text not in _PREPOSITIONS or len(rest) > _PHRASE_WORDS:
        return None
    return subject


def _opens_subject(token: _Token) -> bool:
    """A word that can open a noun phrase in the nominative."""
    return (is_capitalised(token.text) or token.lower in ARTICLES) and \
        token.lower not in _NOT_NOMINATIVE


def _after_particle(tokens: list[_Token], token: _Token) -> bool:
    """The token follows a sentence-opening particle that is not a preposition ("Auch")."""
    return len(tokens) > 1 and tokens[1] is token and tokens[0].text in _OPENERS and \
        tokens[0].lower not in _PREPOSITIONS


_VERB_REACH = 12  # words before a participle in which its auxiliary may stand


def _clause_start(paragraph: str, tokens: list[_Token], i: int) -> int:
    """Where token i's clause begins (after a comma), at most _VERB_REACH words before it."""
    start = i
    while start > max(0, i - _VERB_REACH) and "," not in paragraph[tokens[start - 1].end:
                                                                   tokens[start].start]:
        start -= 1
    return start


def _verb_group(paragraph: str, tokens: list[_Token], i: int) -> set[str]:
    """The words of token i's clause before it and the auxiliaries right after it
    ("angekündigt hatte", "ergänzt werde")."""
    start = _clause_start(paragraph, tokens, i)
    end = i + 1
    while end < min(len(tokens), i + 3) and tokens[end].lower in _AUXILIARIES | _PASSIVE and \
            _joined(paragraph, tokens[end - 1], tokens[end]):
        end += 1
    return {t.lower for t in tokens[start:i] + tokens[i + 1:end]}


def _is_passive(verb_group: set[str]) -> bool:
    """"wurde/wird ... gewarnt" in the same clause, without "hat/hatte": a passive (not "Dass
    sie gestattet worden war, erklärt X")."""
    return _HAVE.isdisjoint(verb_group) and not _PASSIVE.isdisjoint(verb_group)


_AGENT = {"von", "vom", "durch"}


def _passive_agent(paragraph: str, tokens: list[_Token], i: int, state: _State
                   ) -> list[_Token] | None:
    """Who speaks in a passive: "wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft",
    "von der Polizei gewarnt"; only someone who can speak (not "Von einer hohen Brandgefahr
    wird berichtet"), and not a name's "von" ("Ursula von der Leyen")."""
    for j in range(_clause_start(paragraph, tokens, i), i - 1):
        if tokens[j].text not in _AGENT or \
                (j and tokens[j - 1].text in lexicon().first_names):
            continue
        agent = _speaker_after(paragraph, tokens, j)
        if agent and _can_speak(agent, state):
            return agent
    return None


def _perfect_before(paragraph: str, tokens: list[_Token], i: int) -> bool:
    """"hat/hatte ... verkündet": active (a passive "wird ... bezeichnet" has no speaker)."""
    return not _HAVE.isdisjoint(_verb_group(paragraph, tokens, i))


def _subject_of_perfect(paragraph: str, tokens: list[_Token], participle: int
                        ) -> list[_Token] | None:
    """"X hatte ... betont", or after an opening phrase the subject follows the auxiliary:
    "Als Erfolgskriterium hatte Gerhard Schröder erklärt"."""
    aux = next((j for j in range(participle - 1, -1, -1)
                if tokens[j].lower in _AUXILIARIES | _MODALS), None)
    if aux and paragraph[tokens[aux - 1].end:tokens[aux].start].startswith(","):
        # "Sie wisse, dass ..., hatte Koch-Mehrin damals gesagt": the subject follows (not
        # after an apposition: "Der Sprecher, Max Muster, hatte betont")
        after = _subject(_speaker_after(paragraph, tokens, aux))
        if after:
            return after
    opening = _sentence_subject(paragraph, tokens) if participle else None  # not "Berichtet"
    if tokens and (tokens[0].text in _OPENERS or opening is None):
        # "Das musste Peer Steinbrück einräumen", "Aktuell lässt sie dort erklären"
        aux = next((j for j in range(participle) if tokens[j].lower in _AUXILIARIES | _MODALS),
                   None)
        after = _subject(_speaker_after(paragraph, tokens, aux)) if aux is not None else None
        if after:
            return after
    return opening


def _modal_before(paragraph: str, tokens: list[_Token], i: int) -> int | None:
    """The modal verb earlier in the infinitive's clause, however far ("Das musste X zu
    Beginn der Debatte über den Haushalt einräumen")."""
    for j in range(i - 1, -1, -1):
        if tokens[j].lower in _MODALS:
            return j
        if "," in paragraph[tokens[j].end:tokens[j + 1].start]:
            return None
    return None


def _modal_subject(paragraph: str, tokens: list[_Token], infinitive: int, state: _State
                   ) -> list[_Token] | None:
    """Who speaks with a modal verb: the phrase that opens the sentence or the one after
    the modal, whichever names someone ("Die Existenz will X nicht bestätigen")."""
    modal = _modal_before(paragraph, tokens, infinitive)
    after = _subject(_speaker_after(paragraph, tokens, modal))
    opening = _subject(_sentence_subject(paragraph, tokens[:modal]))
    if opening and opening[0] is not tokens[0]:
        opening = None  # the phrase after an opening word ("Aktuell lässt sie")
    return _stronger(state, opening, after)


def _stronger(state: _State, before: list[_Token] | None, after: list[_Token] | None,
              before_initial: bool = True) -> list[_Token] | None:
    """German puts the subject before the verb, or right after it when something else
    opens the sentence ("In einem Interview äußerte sich der EU-Außenbeauftragte ...").
    A noun phrase that names a person, a role, an organisation or a place wins over a bare
    noun ("Schäferkordt nannte diese Zahlen ...": Zahlen is the object)."""
    if before and after:
        strength = _strength(before, state) if before_initial else 0
        return before if strength >= _strength(after, state) else after
    return before or after


def _strength(group: list[_Token], state: _State) -> int:
    words = [t.text for t in group if t.lower not in ARTICLES]
    names = _name_words(words)
    if len(group) == 1 and group[0].text.lower() in PRONOUNS:
        return 2
    if any(is_role(w) for w in words) or is_organization(words) or \
            (len(words) == 1 and words[0] in lexicon().place_to_country):
        return 2
    if names and (len(names) > 1 or state.index.find_by_name(names)):
        return 2
    return 1


def _impersonal(sentence: _Sentence, state: _State) -> _Attribution | None:
    """"hieß es (aus dem Auswärtigen Amt / in dem Schreiben)": the source, if named, else the
    last organisation."""
    if not speech_lexicon().any_impersonal.search(sentence.text):
        return None
    for phrase in speech_lexicon().impersonal:
        if re.search(rf"\b{phrase}\b", sentence.text):
            tokens = sentence.tokens
            source = _impersonal_source(sentence.paragraph, tokens, phrase)
            found = _speaker_after(sentence.paragraph, tokens, source) \
                if source is not None else None
            if found:
                return _attributed(sentence.paragraph, found, phrase, state)
            return _Attribution(phrase, None, -1, _impersonal_speaker(state))
    return None


_SOURCE_PLACES = {"aus", "in", "im", "auf"}
_SOURCE_REACH = 4  # words: "hieß es am Montag aus Brüssel"


def _impersonal_source(paragraph: str, tokens: list[_Token], phrase: str) -> int | None:
    """Where "heißt es" says the words come from: a phrase soon after it in its clause
    ("heißt es in einer Erklärung", "hieß es am Montag aus Brüssel"), else an "aus/in/im/auf"
    that opens the sentence ("Im Schreiben des Ministers heißt es", "Auch in Berlin hieß es";
    not "So heißt es, ... habe die Namen im Internet veröffentlicht")."""
    words = phrase.split()
    at = next((i for i in range(len(tokens) - len(words) + 1)
               if [t.text for t in tokens[i:i + len(words)]] == words), len(tokens))
    for i in range(at + len(words), min(at + len(words) + _SOURCE_REACH, len(tokens))):
        if _CLAUSE_BREAK.search(paragraph, tokens[i - 1].end, tokens[i].start):
            break  # "Im RH-Bericht heißt es dazu: In Hinblick auf ..."
        if tokens[i].text in _SOURCE_PLACES:
            return i
    for i, token in enumerate(tokens[:at]):
        if token.lower in _SOURCE_PLACES:
            return i
        if token.text not in _OPENERS:
            return None
    return None


def _sentence_subject(paragraph: str, tokens: list[_Token]) -> list[_Token] | None:
    """The noun phrase a sentence opens with ("Der französische Staatschef hatte ... gesagt")."""
    group: list[_Token] = []
    for token in tokens:
        if group and not _joined(paragraph, group[-1], token):
            break
        if not _extends(group, token) or (group and _object_after(group[-1], token)):
            break
        group.append(token)
    return _apposed_name(paragraph, tokens, group) or _valid_speaker(group)


def _object_after(noun: _Token, token: _Token) -> bool:
    """An article not in the genitive after a noun opens a new phrase ("dass Mindermann das
    Mädchen gefragt habe", not "Die Bewohner des Dorfes")."""
    return _names(noun) and noun.text not in _OPENERS and \
        token.lower in ARTICLES - _GENITIVE_ARTICLES


_APPOSITION_WORDS = 4


def _apposed_name(paragraph: str, tokens: list[_Token], group: list[_Token]
                  ) -> list[_Token] | None:
    """"Der Vizepräsident des OK, Wolfgang Niersbach, zeigte sich ...": the name set off by
    commas after a role is who the sentence is about."""
    if not group or not any(is_role(t.text) for t in group):
        return None
    start = len(group)
    if start >= len(tokens) or paragraph[group[-1].end:tokens[start].start] != ", ":
        return None
    name: list[_Token] = []
    for token in tokens[start:start + _APPOSITION_WORDS + 1]:
        if name and paragraph[name[-1].end:token.start] == ", ":
            return name if all(is_capitalised(t.text) or NAME_PARTICLES.match(t.text)
                               for t in name) and not is_role(name[0].text) else None
        if name and not _joined(paragraph, name[-1], token):
            return None
        name.append(token)
    return None


def _impersonal_speaker(state: _State) -> Resolved:
    if state.last and state.last.resolved.speaker_type == "organization":
        return state.last.resolved
    return Resolved(None, "unknown")


def _is_cue_verb(token: _Token, tokens: list[_Token], i: int) -> bool:
    lex = speech_lexicon()
    word = token.lower
    if word not in lex.verbs or (token.text[:1].isupper() and i > 0):
        return False
    particle = lex.particles.get(word)
    if particle is None:
        return True
    if i and (particle.fullmatch(tokens[i - 1].text) or particle.fullmatch(tokens[0].lower)):
        return True  # verb last ("wie die Polizei bekannt gab"), or "Von X sprach Y"
    return bool(particle.search(" ".join(t.text for t in tokens[i + 1:i + _PARTICLE_REACH])))


def _sentence_phrase(sentence: _Sentence, state: _State) -> _Attribution | None:
    """_phrase_attribution of a sentence, tokenised only if all words of a phrase are in it."""
    lex = speech_lexicon()
    words = sentence.words
    if not words.isdisjoint(lex.speaker_before) or any(
            words.issuperset(parts) for word in words.intersection(lex.speaker_after)
            for parts, _ in lex.speaker_after[word]):
        return _phrase_attribution(sentence.paragraph, sentence.tokens, state)
    return None


def _phrase_attribution(paragraph: str, tokens: list[_Token], state: _State
                        ) -> _Attribution | None:
    lex = speech_lexicon()
    words = [t.lower for t in tokens]
    for i in range(len(tokens)):
        for parts, phrase in lex.speaker_after.get(words[i], ()):
            if tuple(words[i:i + len(parts)]) != parts:
                continue
            if parts == ("so",) and not _so_names(paragraph, tokens, i):
                continue
            found = _speaker_after(paragraph, tokens, i + len(parts) - 1)
            if found:
                return _attributed(paragraph, found, phrase, state)
        if words[i] in lex.speaker_before and i > 0:
            found = _speaker_before(paragraph, tokens, i)
            if found:
                return _attributed(paragraph, found, tokens[i].text, state)
    return None


def _so_names(paragraph: str, tokens: list[_Token], at: int) -> bool:
    """"„…“, so der Sprecher", ", so Obama": "so" after a comma before a name or a noun
    phrase, not "so groß wie", nor a verb after it (", so wurde der Hafen geschlossen",
    "Wird ..., so werden die Ausgaben ...") unless a speech verb ("so schätzen die Forscher")."""
    if _char_before(paragraph, tokens[at].start, 0) not in (",", "“", "«", "»") or \
            at + 1 >= len(tokens):
        return False  # (also right after a closing mark: "„…“ so das Fazit")
    following = tokens[at + 1]
    return not following.text.islower() or following.lower in ARTICLES or \
        following.lower in _LATTER or following.lower in speech_lexicon().verbs


# "„…“, so letztere": the person named last (by the ending, a woman or a man)
_LATTER = {"letztere": "female", "letzterer": "male"}


def _attributed(paragraph: str, found: list[_Token], cue: str, state: _State) -> _Attribution:
    mention = paragraph[found[0].start:found[-1].end]
    if mention.lower() == "sie" and cue.endswith("n"):  # "sie erklärten": they, a group
        group = state.last.resolved if state.last else None
        resolved = group if group and group.speaker_type == "organization" else \
            Resolved(None, "unknown")
        return _Attribution(cue, mention, found[0].start, resolved)
    return _Attribution(cue, mention, found[0].start,
                        resolve_speaker(_spoken_of(paragraph, found), state,
                                        state.offset + found[0].start))


def _spoken_of(paragraph: str, found: list[_Token]) -> str:
    """The mention without the words its phrase skipped ("die Lopez" of "die in New York
    City geborene Lopez"); as written when nothing was skipped."""
    text = found[0].text
    for left, right in zip(found, found[1:], strict=False):
        text += (paragraph[left.end:right.start] if _joined(paragraph, left, right) else " ") + \
            right.text
    return text


def _np_token(token: _Token) -> bool:
    word = token.text
    return (is_capitalised(word) or word.lower() in ARTICLES or bool(NAME_PARTICLES.match(word))
            or (word.islower() and word.endswith(("e", "en", "er", "es", "em")))
            or is_capitalised(word.rsplit("-", 1)[-1]))  # "die documenta-Homepage"


def _extends(group: list[_Token], token: _Token) -> bool:
    """Whether `token` continues the noun phrase `group` (built left to right): an adjective
    stands before its noun, so a lower-case word right after a noun is the verb ("Laut
    Polizei verletzte der Mann", "Die Ministerin verteidigte den Plan")."""
    if not _np_token(token):
        return False
    if not group or not token.text.islower() or token.lower in ARTICLES or \
            NAME_PARTICLES.match(token.text):
        return True
    last = group[-1].text  # "Der frühere"; not "Sheib ad-Din über"
    return not is_capitalised(last.rsplit("-", 1)[-1]) or group[-1].lower in ARTICLES


def _names(token: _Token) -> bool:
    """A capitalised word, a name with a particle ("el-Baradei") or a compound noun with a
    lower-case first part ("ai-Bericht")."""
    return is_capitalised(token.text) or bool(NAME_PARTICLES.match(token.text)) or \
        is_capitalised(token.text.rsplit("-", 1)[-1])


def _joined(paragraph: str, left: _Token, right: _Token) -> bool:
    return paragraph[left.end:right.start] in (" ", "-")


def _speaker_after(paragraph: str, tokens: list[_Token], cue_at: int) -> list[_Token] | None:
    group: list[_Token] = []
    start = cue_at + 1
    while start < len(tokens) and start <= cue_at + 2 and tokens[start].text in _FILLERS:
        start += 1  # "äußerte sich der ...", "sagte jedoch der ..."
    if start < len(tokens) and not _joined(paragraph, tokens[start - 1], tokens[start]):
        return None  # "erklärte, ihr Land ...": a clause follows, not who speaks
    attribute = _extended_attribute(paragraph, tokens, start)
    if attribute is not None:
        group, start = [tokens[start]], attribute
    for at in range(start, len(tokens)):
        token = tokens[at]
        if group and not _joined(paragraph, tokens[at - 1], token):
            break
        if (token.lower in PRONOUNS or token.lower in _LATTER) and not group:
            return [token]
        if _coordinates(group, tokens, at):
            group.append(token)  # "der russische und der französische Minister"
            continue
        if group and (_particle_before_word(tokens, at) or _after_particle_name(group, token)):
            break  # "der Polizei zu kleineren Rangeleien", unlike "zu Guttenberg"
        if not _extends(group, token):
            break
        if _new_phrase(group, token):
            break  # "laut Pentagon der Kampf ...": a new phrase, unlike "Sprecherin der ..."
        group.append(token)
    return _name_apposed_to(paragraph, tokens, group) or _valid_speaker(group)


def _name_apposed_to(paragraph: str, tokens: list[_Token], group: list[_Token]
                     ) -> list[_Token] | None:
    """"sagte der Sprecher von Präsident Wladimir Putin, Dmitri Peskow, am Freitag": a role
    phrase and the name set off after it by commas; the name speaks."""
    if not group or not any(is_role(t.text) for t in group):
        return None
    start = tokens.index(group[-1]) + 1
    if start >= len(tokens) or paragraph[group[-1].end:tokens[start].start] != ", ":
        return None
    end = start
    while end < len(tokens) and end - start < _MAX_NAME_WORDS and _names(tokens[end]) and \
            (end == start or _joined(paragraph, tokens[end - 1], tokens[end])):
        end += 1
    name = tokens[start:end]
    closed = end == len(tokens) or \
        _CLAUSE_BREAK.search(paragraph, tokens[end - 1].end, tokens[end].start) if name else False
    named = len(name) > 1 or (bool(name) and name[0].text in lexicon().first_names)
    if not (closed and named) or any(is_role(t.text) for t in name):
        return None
    return name


def _new_phrase(group: list[_Token], token: _Token) -> bool:
    """An article after a name opens a new phrase, unless a genitive ("Sprecherin der ...")."""
    return bool(group) and token.lower in ARTICLES and _names(group[-1]) and \
        not (_takes_genitive(group[-1]) and token.lower in _GENITIVE_ARTICLES)


def _particle_before_word(tokens: list[_Token], at: int) -> bool:
    """"der Polizei zu kleineren Rangeleien"; "Peer Steinbrück zu Beginn" ("zu" joins a
    name only after a first name: "Karl-Theodor zu Guttenberg")."""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    word = tokens[at].text
    if word == "zu" and at and tokens[at - 1].text not in lexicon().first_names:
        return True
    return bool(NAME_PARTICLES.match(word)) and "-" not in word and word not in ARTICLES \
        and following is not None and following.text.islower() and \
        not NAME_PARTICLES.match(following.text)


def _after_particle_name(group: list[_Token], token: _Token) -> bool:
    """"das Nachrichtenportal al-Arabiya unter Berufung ...": the name ends the phrase."""
    return "-" in group[-1].text and bool(NAME_PARTICLES.match(group[-1].text)) and \
        token.text.islower()


def _coordinates(group: list[_Token], tokens: list[_Token], at: int) -> bool:
    """"und" between two phrases that open with an article: two speakers."""
    return bool(group) and tokens[at].lower == "und" and group[0].lower in ARTICLES and \
        at + 1 < len(tokens) and tokens[at + 1].lower in ARTICLES


def _takes_genitive(token: _Token) -> bool:
    """"die Sprecherin der Stadt", "laut einer Mitteilung des WFP": the genitive names whose."""
    return is_role(token.text) or token.lower.endswith(speech_lexicon().source_endings)


def _extended_attribute(paragraph: str, tokens: list[_Token], at: int) -> int | None:
    """"die in New York City geborene Lopez": after an article, a prepositional phrase and
    the participle that it belongs to; where the participle stands, the phrase goes on."""
    if at + 1 >= len(tokens) or tokens[at].lower not in ARTICLES:
        return None
    opening = tokens[at + 1]
    if opening.text.islower() and opening.lower not in ARTICLES | _PREPOSITIONS:
        # one adverb: "einer gestern verbreiteten Erklärung"
        return at + 2 if _participle_before_noun(paragraph, tokens, at + 2) and \
            _joined(paragraph, tokens[at], opening) else None
    if not (opening.text in _PREPOSITIONS or opening.lower in ARTICLES):
        return None  # "die in New York City geborene", "die das Unglück überlebende"
    for j in range(at + 2, min(at + _ATTRIBUTE_WORDS, len(tokens) - 1)):
        if re.search(r"[,.;:]", paragraph[tokens[j - 1].end:tokens[j].start]):
            return None
        if _participle_before_noun(paragraph, tokens, j):
            return j
    return None


def _participle_before_noun(paragraph: str, tokens: list[_Token], j: int) -> bool:
    if j + 1 >= len(tokens):
        return False
    word = tokens[j]
    return word.text.islower() and word.lower not in ARTICLES and \
        word.lower.endswith(("e", "en")) and _names(tokens[j + 1]) and \
        _joined(paragraph, word, tokens[j + 1])


_ATTRIBUTE_WORDS = 9


def _speaker_before(paragraph: str, tokens: list[_Token], cue_at: int) -> list[_Token] | None:
    if cue_at >= 2 and tokens[cue_at - 2].text in ("in", "aus") and \
            tokens[cue_at - 1].text in lexicon().place_to_country:
        cue_at -= 2  # skip a place ("das Auswärtige Amt in Berlin äußerte")
    cue_at = _before_relative_clause(paragraph, tokens, _before_parenthesis(paragraph, tokens,
                                                                              cue_at))
    age = tokens[cue_at - 1].text if cue_at >= 2 else ""
    if age.isdigit() and paragraph[tokens[cue_at - 2].end:tokens[cue_at].start] == f", {age}, ":
        cue_at -= 1  # "Alice Kakamara, 30, beschrieb"
    start = cue_at
    for token in reversed(tokens[:cue_at]):
        if start < cue_at and not _joined(paragraph, token, tokens[start]):
            break
        if token.lower in PRONOUNS and start == cue_at:
            return [token]
        if not _np_token(token) or (start < cue_at and _ends_phrase(token, tokens[start])):
            break
        start -= 1
    if start > 0 and tokens[start - 1].text in _PREPOSITIONS:
        return None  # "in einer Rede verkündet", "am Dienstag in Hannover erklärte"
    return _name_before_apposition(paragraph, tokens, start, cue_at) or \
        _valid_speaker(tokens[start:cue_at])


def _name_before_apposition(paragraph: str, tokens: list[_Token], start: int, end: int
                            ) -> list[_Token] | None:
    """"Houcine Abassi, der Generalsekretär des Verbandes (UGIT) sagte", "Halima Jouini,
    Vorstandsmitglied der Menschenrechtsliga, sagte": the name that the role phrase follows."""
    if start == 0 or paragraph[tokens[start - 1].end:tokens[start].start] != ", " or \
            not any(is_role(t.text) for t in tokens[start:end]):
        return None
    first = start - 1
    while first > 0 and start - first < _MAX_NAME_WORDS and \
            _joined(paragraph, tokens[first - 1], tokens[first]) and \
            _names(tokens[first - 1]) and tokens[first - 1].text not in _OPENERS:
        first -= 1
    name = tokens[first:start]
    opens = first == 0 or tokens[first - 1].text in _OPENERS or \
        _CLAUSE_BREAK.search(paragraph, tokens[first - 1].end, tokens[first].start)
    named = len(name) > 1 or name[0].text in lexicon().first_names
    if not opens or not named or not all(_names(t) and not is_role(t.text) for t in name):
        return None
    return name


def _ends_phrase(token: _Token, following: _Token) -> bool:
    """`token` is not part of the noun phrase that `following` opens: two articles ("die den
    Vorwurf": a relative pronoun), or a noun before a verb."""
    return (token.lower in ARTICLES and following.lower in ARTICLES) or \
        _verb_after_noun(token, following) or \
        (token.lower in ("zu", "von") and following.lower in ARTICLES - {"der"})  # "zu den"


def _verb_after_noun(token: _Token, following: _Token) -> bool:
    """"Die Wiener Linien haben Medieninformationen zufolge": a lower-case word right after a
    noun is a verb (an adjective follows an article or stands first), unless it is a name
    particle, a conjunction ("Ärzte ohne Grenzen") or a genitive adjective ("Sprecher
    deutscher Behörden")."""
    if not is_capitalised(token.text) or token.lower in ARTICLES or not following.text.islower():
        return False
    word = following.lower
    return word not in ARTICLES | _PREPOSITIONS | _JOINING | _FILLERS and \
        not NAME_PARTICLES.match(word) and not word.endswith("er")


_JOINING = {"und", "sowie", "oder", "ohne"}


_PARENTHESIS_WORDS = 4


def _before_parenthesis(paragraph: str, tokens: list[_Token], cue_at: int) -> int:
    """"Henning Scherf (SPD), warnte ...": who speaks stands before a short parenthesis (a
    party, an age, a place), not in it."""
    if cue_at == 0 or not paragraph[tokens[cue_at - 1].end:tokens[cue_at].start].lstrip(
            " ").startswith(")"):
        return cue_at
    opening = paragraph.rfind("(", 0, tokens[cue_at - 1].start)
    inside = cue_at
    while inside > 0 and tokens[inside - 1].start > opening:
        inside -= 1
    return inside if opening >= 0 and cue_at - inside <= _PARENTHESIS_WORDS else cue_at


# A noun phrase right after one of these is the object of a preposition, never the subject
# ("von" and "zu" are left out: they open names, "von der Leyen", "zu Guttenberg").
_PREPOSITIONS = {"in", "im", "ins", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach",
                 "vom", "zum", "zur", "über", "unter", "vor", "für", "gegen", "durch", "seit",
                 "während", "wegen", "gegenüber", "ohne", "um", "hinter", "neben", "zwischen"}


def _before_relative_clause(paragraph: str, tokens: list[_Token], cue_at: int) -> int:
    """"Miroslav Klose, der wegen wiederholten Fouls Gelb-Rot sah, nannte ...": who speaks
    stands before the relative clause."""
    if cue_at == 0 or paragraph[tokens[cue_at - 1].end:tokens[cue_at].start] != ", ":
        return cue_at
    for j in range(cue_at - 1, max(0, cue_at - _CLAUSE_WORDS), -1):
        gap = paragraph[tokens[j - 1].end:tokens[j].start]
        if "," in gap:
            return j if gap == ", " and tokens[j].lower in _RELATIVES else cue_at
    return cue_at


_GENITIVE_ARTICLES = {"der", "des", "einer", "eines"}
# Determiners that never open the subject: "begrüßte den Beschluss", "sagte dem Sender".
_NOT_NOMINATIVE = {"den", "dem", "des", "einen", "einem", "eines", "seinen", "seinem",
                   "seines", "seiner", "ihren", "ihrem", "ihres", "ihrer"}


def _subject(group: list[_Token] | None) -> list[_Token] | None:
    """A noun phrase that can be the subject of a speech verb (it is not in another case)."""
    return None if group and group[0].lower in _NOT_NOMINATIVE else group


def _valid_speaker(group: list[_Token]) -> list[_Token] | None:
    """Trim a candidate noun phrase and keep it only if it can name a speaker."""
    while group and group[0].text.islower() and group[0].text not in ARTICLES \
            and not country_of(group[0].text):
        group = group[1:]
    while group and group[-1].text.islower():
        group = group[:-1]
    if not group:
        return None
    opened = False
    while group and group[0].text in _OPENERS:
        group, opened = group[1:], True  # "Auch das Auswärtige Amt", "Gegenüber Journalisten"
    if opened and len(group) == 1 and group[0].text in lexicon().place_to_country:
        return None  # "In Paris teilte ... mit": a place, not who speaks
    words = [t.text for t in group]
    content = [w for w in words if w.lower() not in ARTICLES]
    if not content or content[0] in ("So", "Das", "Dies", "Es", "Man", "Alles"):
        return None
    if any(w in _CALENDAR_WORDS for w in content):
        return None  # "am Montag", "im November"
    return group  # strong or weak ("Kerry", "Die Passagiere"): _stronger chooses


def _last_mentioned(state: _State, position: int, gender: str) -> Resolved | None:
    """For a pronoun before anyone of its gender has spoken: the person named last before it."""
    before = [p for p in state.index.people.values()
              if p.first_position < position and p.gender in (None, gender)]
    if not before:
        return None
    return Resolved(max(before, key=lambda p: p.first_position).name, "person")


def _pronoun_referent(pronoun: str, state: _State, position: int) -> Resolved:
    """"er"/"sie": the last person who spoke and can be meant (not a man for "sie"), else the
    last such person named."""
    gender = PRONOUNS[pronoun]
    spoken = next((r for r in reversed(state.people_spoken)
                   if state.gender_of(r) in (None, gender)), None)
    return spoken or _last_mentioned(state, position, gender) or Resolved(None, "unknown")


def resolve_speaker(mention: str, state: _State, position: int = 0) -> Resolved:
    """Canonical speaker of a mention: a pronoun, a name, a role or an organisation."""
    if " und " in mention or " sowie " in mention:
        return _resolve_together(mention, state, position)
    words = TOKEN.findall(mention)
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return _pronoun_referent(words[0].lower(), state, position)
    if len(words) == 1 and words[0].lower() in _LATTER:
        return _last_mentioned(state, position, _LATTER[words[0].lower()]) or \
            Resolved(None, "unknown")
    content = _owner_of_source(words) or [w for w in words if w.lower() not in ARTICLES]
    medium = _after_title_noun(content)
    if medium:  # "die Nachrichtenagentur Reuters", "des arabischen Senders Al-Dschasira"
        return Resolved(" ".join(medium), "organization")
    first_name = any(w in lexicon().first_names for w in content)  # "Alex Korun", not "UN"
    if not first_name and (is_organization(content) or _names_an_organization(content)):
        return Resolved(" ".join(_organization_name(content)), "organization")
    names = _name_words(content)
    if not names and len(content) == 1 and content[0] in lexicon().place_to_country:
        return Resolved(content[0], "organization")
    if names:
        person = state.index.find_by_name(names)
        if person is None and _common_noun(words, names):
            return Resolved(" ".join(content), "unknown")  # "der Bericht": not a person
        person = person or state.index.add(" ".join(names), words, 0)
        if person:
            return Resolved(person.name, "person")
    person = state.index.find_by_role(content)
    if person:
        return Resolved(person.name, "person")
    return Resolved(" ".join(content), "person" if any(is_role(w) for w in content)
                    else "unknown")


def _common_noun(words: list[str], names: list[str]) -> bool:
    """One capitalised word after an article and no role before it ("der Bericht", "die
    Spielminute"): a noun, not a name (German news names people without an article)."""
    if len(names) != 1 or names[0] in lexicon().first_names or any(map(is_role, words)):
        return False  # "der Vorsitzende des Linux-Verbandes" names whose
    at = words.index(names[0])
    return at > 0 and words[at - 1].lower() in ARTICLES


def _organization_name(words: list[str]) -> list[str]:
    """"Sprecher Feuerwehr" -> "Feuerwehr": a role speaks for its organisation."""
    role = max((at for at, word in enumerate(words) if is_role(word)), default=-1)
    return words[role + 1:] or words


def _resolve_together(mention: str, state: _State, position: int) -> Resolved:
    """"der russische und der französische Minister", "Er sowie Giesel": each phrase (the
    first one sharing the noun of the last), both speakers by name."""
    parts = re.split(r" (?:und|sowie) ", mention)
    noun = next((w for w in reversed(TOKEN.findall(parts[-1])) if is_capitalised(w)), "")
    resolved = [resolve_speaker(_with_noun(part, noun), state, position) for part in parts]
    if any(r.speaker is None for r in resolved):
        return Resolved(None, "unknown")
    kinds = {r.speaker_type for r in resolved}
    return Resolved(" und ".join(r.speaker for r in resolved),
                    kinds.pop() if len(kinds) == 1 else "unknown")


def _with_noun(phrase: str, noun: str) -> str:
    """"der russische" + "Minister": a phrase that leaves out its noun shares the next one's."""
    has_noun = any(is_capitalised(w) and w.lower() not in ARTICLES for w in TOKEN.findall(phrase))
    return phrase if has_noun else f"{phrase} {noun}"


def _after_title_noun(words: list[str]) -> list[str] | None:
    """The name after a noun such as "Zeitung", "Sender", "Organisation": who that is."""
    last = max((at for at, word in enumerate(words[:-1]) if _is_organization_noun(word)),
               default=None)
    if last is None or any(is_capitalised(word) for word in words[:last]):
        return None  # "Die Demokratische Partei Thailands": the noun is part of the name
    name = words[last + 1:]
    return name if all(is_capitalised(w) or NAME_PARTICLES.match(w) for w in name) else None


def _names_an_organization(words: list[str]) -> bool:
    """An acronym ("WFP", "CCC") or a name with a noun such as "Partei" in it."""
    if len(words) == 1:
        return len(words[0]) > 1 and words[0].isupper() and words[0].isalpha()
    return not any(is_role(w) for w in words) and any(_is_organization_noun(w) for w in words)


def _is_organization_noun(word: str) -> bool:
    """"Nachrichtenagentur", "Senders", "Partei": a group or a medium, which can speak."""
    return _is_noun_of(word, speech_lexicon().organization_nouns)


def _is_noun_of(word: str, nouns: tuple[str, ...]) -> bool:
    """A capitalised word ending in one of the (lower-case) nouns, also in the genitive:
    "Fachmagazin", "des Magazins", "des Magazines"."""
    if not is_capitalised(word):
        return False
    lower = word.lower()
    return lower.endswith(nouns) or lower.removesuffix("s").endswith(nouns) or \
        lower.removesuffix("es").endswith(nouns)


def _owner_of_source(words: list[str]) -> list[str] | None:
    """Whose a source noun is: "Angaben der Polizei", "Kernaussage von Jerry Larson"."""
    head = next((at for at, word in enumerate(words)
                 if is_capitalised(word) and word.lower() not in ARTICLES), None)
    if head is None or head + 2 >= len(words) or \
            not words[head].lower().endswith(speech_lexicon().source_endings):
        return None
    if words[head + 1].lower() not in _GENITIVE_ARTICLES | {"von", "vom"}:
        return None
    return [w for w in words[head + 2:] if w.lower() not in ARTICLES] or None


def _name_words(words: list[str]) -> list[str]:
    """The name in a mention: what follows the last role or country word, particles included."""
    start = 0
    for position, word in enumerate(words):
        if is_role(word) or country_of(word):
            start = position + 1
    name = words[start:]
    while name and not is_capitalised(name[0]):
        name = name[1:]
    return name if all(is_capitalised(w) or NAME_PARTICLES.match(w) for w in name) else []


def _indirect(sentence: _Sentence, offset: int, state: _State) -> list[Quote]:
    """Reported speech without quotation marks: in the subjunctive, or attributed by a
    source phrase ("laut Polizei", "nach Angaben der Behörden", "dem Bericht zufolge")."""
    wonach = _wonach_clause(sentence, state)
    if wonach:  # what a report or rumour says: not the speaker of the sentences after it
        return [_clause_quote(sentence, wonach, offset)]
    reported = sentence.reported(allow_k2=True) or "dass" in sentence.words or \
        sentence.reportive
    clause = _reported_clause(sentence, state, reported) \
        if reported or sentence.may_cite else None
    if clause:
        state.remember(clause[1])
        return [_clause_quote(sentence, clause, offset)]
    if reported:
        found = _sourced(sentence, offset, state) or _subjunctive(sentence, offset, state)
        if found:
            return found
    as_reported = _as_reported(sentence, state)
    if as_reported:
        state.remember(as_reported[1])
        return [_clause_quote(sentence, as_reported, offset)]
    return [] if reported else _sourced(sentence, offset, state)  # reported: tried above


def _clause_quote(sentence: _Sentence, clause: tuple[Span, _Attribution], offset: int
                  ) -> Quote:
    span, attribution = clause
    return _quote((span.start, sentence.paragraph[span.start:span.end]), "indirect",
                  attribution, offset)


def _reported_clause(sentence: _Sentence, state: _State, reported: bool
                     ) -> tuple[Span, _Attribution] | None:
    """The clause before a speech verb that closes the sentence, or after one that opens it
    (in the subjunctive, with "dass", or an infinitive: "kündigte an, ... zu schließen")."""
    infinitive = "zu" in sentence.text and _INFINITIVE.search(sentence.text)
    return _clause_before_cue(sentence, state) or \
        (_clause_after_cue(sentence, state) if reported or infinitive else None)


def _subjunctive(sentence: _Sentence, offset: int, state: _State) -> list[Quote]:
    """Konjunktiv I without a cue is reported speech: of the statement just before, or of
    someone unknown (never a guess from further back). Konjunktiv II ("Diese könnten nur 24
    Tonnen transportieren") only right after reported speech."""
    continues = state.speech_just_before and state.last is not None
    if not (sentence.reported() or sentence.reportive
            or (continues and not sentence.verb_like.isdisjoint(_UMLAUT_K2))) \
            or _has_cue(sentence.text) or _anaphoric(sentence):
        return []
    # Konjunktiv I goes on across one narrative sentence ("Dazu gehöre ... Auch die Ortung
    # erschließt Möglichkeiten. So gewonnene Daten seien ...")
    goes_on = state.speech_just_before or (state.speech_two_before and sentence.reported())
    speaker = state.last if goes_on else None
    return [_reported_sentence(sentence, speaker, offset, sourced=False)]


# "Er soll das Ziel gewesen sein", "Sie sollen verhaftet worden sein", "Er soll gesagt
# haben": "sollen" with a perfect infinitive reports what others say happened (not "bis dahin
# sollen die Verhandlungen abgeschlossen sein", a plan)
_REPORTIVE_SOLLEN = re.compile(r"\bsoll(?:en)?\b[^,;:]*?\b(?:gewesen sein|worden sein|"
                               r"[a-zäöüß]+(?:t|en) haben)\b")




def _as_reported(sentence: _Sentence, state: _State) -> tuple[Span, _Attribution] | None:
    """"Wie die Polizei mitteilte, wurden drei Menschen verletzt.": the main clause."""
    text = sentence.text
    comma = text.find(", ")
    if not text.startswith("Wie ") or comma < 0:
        return None
    tokens = sentence.part(0, comma).tokens
    cue = next((t for i, t in enumerate(tokens) if _is_cue_verb(t, tokens, i)
                or t.lower in speech_lexicon().participles), None)
    subject = _sentence_subject(sentence.paragraph, tokens[1:])  # right after "Wie"
    if cue is None or subject is None:
        return None
    attribution = _attributed(sentence.paragraph, subject, cue.text, state)
    start, end = sentence.span.start + comma + 2, sentence.span.start + len(text.rstrip(" .!?"))
    return Span(start, end), attribution


_WONACH = re.compile(r", (?P<cue>wonach|nach denen|denen zufolge) ")
_MAIN_CLAUSE_AGAIN = re.compile(r", (?!und |oder |dass |wenn |weil |die |der |das |den |dem )"
                                r"[a-zäöüß]+ ")


def _wonach_clause(sentence: _Sentence, state: _State) -> tuple[Span, _Attribution] | None:
    """"Medienberichte, wonach Zeugen eine Explosion gehört haben wollen": the clause after
    "wonach" is what the noun before it says; it ends where the main clause goes on
    ("Spekulationen, wonach ... gewesen sein könnte, konnte der Minister nicht bestätigen")."""
    if "wonach" not in sentence.words and "denen" not in sentence.words:
        return None
    text = sentence.reporters_text
    match = _WONACH.search(text)
    if match is None:
        return None
    again = _MAIN_CLAUSE_AGAIN.search(text, match.end())
    end = again.start() if again else len(text.rstrip(" .!?"))
    tokens = sentence.tokens
    comma_at = next((i for i, t in enumerate(tokens)
                     if t.start >= sentence.span.start + match.start()), len(tokens))
    source = _speaker_before(sentence.paragraph, tokens, comma_at)
    # the mention as written is the relative word ("wonach", "denen"), like a pronoun
    written = "wonach" if match["cue"] == "wonach" else "denen"
    attribution = replace(_attributed(sentence.paragraph, source, match["cue"], state),
                          mention=written, mention_start=-1) if source \
        else _Attribution(match["cue"], written, -1, Resolved(None, "unknown"))
    start = sentence.span.start
    return Span(start + match.end(), start + end), attribution


def _anaphoric(sentence: _Sentence) -> str | None:
    if sentence.words.isdisjoint(speech_lexicon().anaphoric):
        return None
    words = {t.lower for t in sentence.tokens}
    return next((w for w in speech_lexicon().anaphoric if w in words), None)


_SOURCE_PREPOSITIONS = {"nach", "laut", "gemäß"}


def _source_noun(sentence: _Sentence, state: _State) -> _Attribution | None:
    """"Nach Polizeiangaben ...", "Nach den Angaben des Shops ...", "Nach ersten Angaben ...":
    the source is the first part of the compound, or the phrase after it, or unnamed."""
    words = sentence.words
    if words.isdisjoint(_SOURCE_PREPOSITIONS):
        return None
    if not any(word.endswith(speech_lexicon().source_endings) for word in words):
        return _opinion_after(sentence, state)
    match = speech_lexicon().source_noun.search(sentence.text)
    if match is None:
        return _opinion_after(sentence, state)
    cue = f"{match['cue'].lower()} {match['source'].capitalize()}"
    start = sentence.span.start
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if t.start >= start + match.start("noun")), None)
    owned = at is not None and at + 1 < len(tokens) and \
        tokens[at + 1].lower in _GENITIVE_ARTICLES | {"von"}  # "Pressemitteilung des WFP"
    prefix = (match["prefix"] or "").removesuffix("-")
    if prefix and not owned and prefix.capitalize() not in speech_lexicon().document_prefixes:
        at = start + match.start("prefix")  # "Polizeiangaben": as written, the police speaks
        return _Attribution(cue, match["noun"], at,
                            resolve_speaker(prefix, state, state.offset + at))
    owner = _OWNER.search(match[0])
    if owner:  # "Nach seiner Meinung": his
        return _owner_attribution(cue, owner, sentence, state, match.start())
    own = _OWN.search(match[0])
    if own:  # "nach eigenen Angaben": the subject's own (as written: "eigenen Angaben")
        subject = _own_source(sentence, match)
        if subject:
            speaker = _attributed(sentence.paragraph, subject, cue, state)
            return replace(speaker, mention=match[0][own.start():],
                           mention_start=start + match.start() + own.start())
    after = _speaker_after(sentence.paragraph, tokens, at) \
        if at is not None and at + 1 < len(tokens) and _names_a_source(tokens[at + 1]) else None
    if after:
        return _attributed(sentence.paragraph, after, cue, state)
    unnamed = match[0][len(match["cue"]):].strip()  # "nach offiziellen Angaben": as written
    return _document_source(match, cue, start) or \
        _Attribution(cue, unnamed, -1, Resolved(None, "unknown"))


_DEMONSTRATIVES = {"dieser", "diesem", "dieses"}


def _document_source(match: re.Match[str], cue: str, sentence_start: int
                     ) -> _Attribution | None:
    """"Laut der Studie", "Nach dieser Analyse": a document that no one is named for speaks
    for itself."""
    source = match["source"].capitalize()
    if source not in speech_lexicon().document_sources or \
            match[0].split()[1].lower() not in ARTICLES | _DEMONSTRATIVES:
        return None
    mention = match[0].split(" ", 1)[1]  # "der Studie"
    at = sentence_start + match.start() + len(match["cue"]) + 1
    return _Attribution(cue, mention, at, Resolved(source, "unknown"))


_OWNER_PRONOUNS = {"seiner": "er", "ihrer": "sie"}
_OWNER = re.compile(r"\b(?:[Ss]einer|[Ii]hrer)\b")


def _opinion_after(sentence: _Sentence, state: _State) -> _Attribution | None:
    """"Der Preis sei seiner Meinung nach zu hoch": his (the last person's), "Dem Vernehmen
    nach ...": nobody named."""
    if sentence.words.isdisjoint(speech_lexicon().opinion_nouns):
        return None
    match = speech_lexicon().opinion_after.search(sentence.text)
    if match is None:
        return None
    return _owner_attribution(f"{match['noun']} nach", match, sentence, state, match.start())


def _owner_attribution(cue: str, owner: re.Match[str], sentence: _Sentence, state: _State,
                       start: int) -> _Attribution | None:
    """Whose opinion: "seiner" his, "ihrer" hers, in the middle of a sentence "Ihrer" is the
    reader's (an interview question, not reported); "Dem Vernehmen" nobody's."""
    word = owner[0].split()[0]
    if word == "Ihrer" and start > 0:
        return None
    pronoun = _OWNER_PRONOUNS.get(word.lower())
    if pronoun is None:
        return _Attribution(cue, None, -1, Resolved(None, "unknown"))
    at = sentence.span.start + owner.start()
    return _Attribution(cue, word, at, resolve_speaker(pronoun, state, state.offset + at))


_OWN = re.compile(r"\beigene[nmr]?\b")


def _own_source(sentence: _Sentence, match: re.Match[str]) -> list[_Token] | None:
    """Whose "eigenen Angaben": the subject, which opens the sentence ("Die Feuerwehr hat nach
    eigenen Angaben ...") or follows the verb after the phrase ("Nach eigenen Angaben hat die
    Feuerwehr ...")."""
    tokens = sentence.tokens
    if match.start() > 0:
        return _subject(_sentence_subject(sentence.paragraph, tokens))
    end = sentence.span.start + match.end()
    verb = next((i for i, t in enumerate(tokens) if t.start >= end), None)
    return _subject(_speaker_after(sentence.paragraph, tokens, verb)) if verb is not None \
        else None


def _names_a_source(token: _Token) -> bool:
    """The word after "Angaben" that starts whose they are: "der Polizei", "von Experten",
    "seines Sprechers", "Ibrahims", "informierter Kreise" (not a verb: "wurden keine", not
    another case: "dem Transport")."""
    return token.lower in _GENITIVE_ARTICLES or token.lower == "von" or \
        is_capitalised(token.text) or token.lower.endswith(("er", "es"))  # genitive endings


def _sourced(sentence: _Sentence, offset: int, state: _State) -> list[Quote]:
    if not sentence.may_cite:
        return []
    attribution = _source_noun(sentence, state)  # before "laut X": "Laut Polizeiangaben"
    if attribution is None:
        attribution = _sentence_phrase(sentence, state)
        back = _anaphoric(sentence)
        if attribution is None and back:
            # "Demnach ...": the last source's, or unnamed; the mention is the word as
            # written, like a pronoun's (its position is left out: it covers no clause)
            word = next(t.text for t in sentence.tokens if t.lower == back)
            resolved = state.last.resolved if state.last else Resolved(None, "unknown")
            attribution = _Attribution(back, word, -1, resolved)
            if state.last is None:
                return [_reported_sentence(sentence, attribution, offset)]
        if attribution is None or attribution.mention is None:
            return []
    state.remember(attribution)
    return [_reported_sentence(sentence, attribution, offset)]


def _reported_sentence(sentence: _Sentence, attribution: _Attribution | None, offset: int,
                       sourced: bool = True) -> Quote:
    """The sentence without the source phrase that opens it ("Nach Angaben der Polizei",
    "Laut einer Umfrage", "Medienberichten zufolge"): what was reported. A phrase inside the
    sentence stays, the quotation is one stretch of the body. A sentence that no source phrase
    covers reports only its "dass" clause if its main clause is not reported speech."""
    text = sentence.text
    end = _so_tag_start(sentence, attribution) or len(text.rstrip(" .!?"))
    start = _source_phrase_end(sentence, attribution) if attribution else 0
    if not sourced:
        start = _dass_clause(text, start) or start
    elif start == 0 and attribution:
        start = _clause_of_source(sentence, attribution)
    while start < end and text[start] in " ,":
        start += 1
    if start >= end:
        start = 0
    return _quote((sentence.span.start + start, text[start:end]), "indirect", attribution,
                  offset)


_SOURCE_PHRASE_WORDS = 8


def _clause_of_source(sentence: _Sentence, attribution: _Attribution) -> int:
    """"Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft die Genehmigung
    fehlte": a source phrase inside the sentence covers the clause it stands in."""
    mention = _mention_span(sentence, attribution)
    if mention is None or attribution.cue == "so":
        return 0
    comma = sentence.text.rfind(", ", 0, mention[0])
    return comma + 2 if comma > 0 else 0


def _dass_clause(text: str, start: int) -> int | None:
    """"Die DSW ist der Ansicht, dass das Gesetz ... führe": in a sentence whose main clause
    reports nothing itself, the "dass" clause is what was reported."""
    comma = text.find(", dass ", start)
    if comma < 0 or _is_reported(text[start:comma], allow_k2=True):
        return None
    return comma + 2


def _so_tag_start(sentence: _Sentence, attribution: _Attribution | None) -> int | None:
    """Where a closing ", so X ..." tag starts: "<what was said>, so das Ergebnis der Studie"
    (sentence offsets; None when the tag does not close the sentence)."""
    if attribution is None or attribution.cue != "so":
        return None
    mention = _mention_span(sentence, attribution)
    if mention is None:
        return None
    text = sentence.text
    tag = text.rfind(", so ", 0, mention[0])
    comma = text.find(", ", mention[1])
    if tag <= 0 or (comma >= 0 and not (_opens_relative_clause(text, comma) and
                                        ", " not in text[comma + 2:])):
        return None  # a tag in the middle ("Doch sei es, so der Autor, ein ..."): one stretch
    return tag  # also with a relative clause closing the sentence ("so die Studie, in der")


def _opens_relative_clause(text: str, comma: int) -> bool:
    """", die ...", ", in der ...": what follows the comma is about the noun before it."""
    words = text[comma + 2:].split(" ", 2)
    return words[0] in _RELATIVES or (len(words) > 1 and words[0] in _PREPOSITIONS and
                                      words[1] in _RELATIVES | {"dem", "denen"})


def _source_phrase_end(sentence: _Sentence, attribution: _Attribution) -> int:
    """Where a source phrase opening the sentence ends (0 if none opens it)."""
    first = sentence.text.split(" ", 1)[0]
    if first.lower() in speech_lexicon().anaphoric:  # "Demnach"
        return len(first)
    mention = _mention_span(sentence, attribution)  # in sentence offsets
    if first.lower() in _SOURCE_PREPOSITIONS:  # "Nach Angaben der Polizei", "Laut X"
        return _opening_source_end(sentence.text, attribution.cue, mention)
    if mention and mention[0] == 0:  # "Medienberichten zufolge"
        after = sentence.text.find(" ", mention[1] + 1)
        if after > 0 and sentence.text[mention[1]:after].strip() == attribution.cue:
            return after
    return 0


def _mention_span(sentence: _Sentence, attribution: _Attribution) -> tuple[int, int] | None:
    """Where the attribution's mention stands in this sentence; None if it stands elsewhere
    (a continued speaker's position may belong to another paragraph)."""
    start = attribution.mention_start
    if not attribution.mention or not sentence.span.start <= start < sentence.span.end or \
            not sentence.paragraph.startswith(attribution.mention, start):
        return None
    start -= sentence.span.start
    return start, start + len(attribution.mention)


def _opening_source_end(text: str, cue: str, mention: tuple[int, int] | None) -> int:
    """The end of "Nach (ersten) Angaben", "laut", "nach den Worten", and of the source named
    right after it ("der Polizei", "von Experten", "informierter Kreise")."""
    opening = speech_lexicon().source_noun.match(text)
    end = opening.end() if opening else len(cue) if text.lower().startswith(cue.lower()) else 0
    if mention is None:
        return end
    gap = text[end:max(end, mention[0])].split()
    follows = len(gap) <= 2 and all(
        w == "von" or (w.islower() and w.endswith(_ADJECTIVE_ENDINGS)) for w in gap)
    if follows and len(TOKEN.findall(text, 0, mention[1])) <= _SOURCE_PHRASE_WORDS:
        return max(end, mention[1])
    return end


_PARTICLE_REACH = 40  # words after a separable verb in which its particle may stand
_LAST_COMMAS = 3  # "<clause>, sagte X" looks only at the last commas: linear in the sentence


_CUE_TAIL = 6  # ", sagte Henderson weiter.": a cue that ends the sentence makes it speech


def _clause_before_cue(sentence: _Sentence, state: _State
                       ) -> tuple[Span, _Attribution] | None:
    """"Man habe vereinbart, ..., sagte Putin nach dem Treffen.", "Das Flugzeug ist
    abgestürzt, sagte Henderson."."""
    text = sentence.text
    last = deque(re.finditer(r",\s+(\w+)\s", text), maxlen=_LAST_COMMAS)
    for match in reversed(last):
        if _ends_relative_clause(text, match.start()):
            continue  # "Jan Test, der verärgert war, nannte ...": the subject's clause
        if match.group(1).lower() in speech_lexicon().verbs and \
                (_is_reported(text[: match.start()], allow_k2=True)
                 or (sentence.reportive and _REPORTIVE_SOLLEN.search(text, 0, match.start()))
                 or len(TOKEN.findall(text[match.start():])) <= _CUE_TAIL):
            attribution = sentence.part(match.start(), len(text)).attribution(state)
            if attribution and attribution.mention:
                start = sentence.span.start
                return Span(start, start + match.start()), attribution
    return None


def _ends_relative_clause(text: str, comma: int) -> bool:
    """The comma closes a relative clause about a noun phrase that opens the sentence, which
    is the subject of the verb after the comma, not reported speech."""
    opening = text.rfind(", ", 0, comma)
    if opening < 0 or text[opening + 2:].split(" ", 1)[0] not in _RELATIVES:
        return False
    head = text[:opening].split()
    return len(head) <= _MAX_NAME_WORDS + 1 and \
        all(is_capitalised(w) or w.lower() in ARTICLES for w in head)


_HEAD_CHARS = 200  # the speech verb stands in the first words
_CUE_TO_COMMA = 12  # words: "sagte der Minister am Montag in einem Interview, dass ..."


def _comma_after_cue(text: str) -> int:
    """Where the clause after the first speech verb of the sentence starts, or -1."""
    lex = speech_lexicon()
    verb = next((m.end() for m in TOKEN.finditer(text, 0, _HEAD_CHARS)
                 if m[0].lower() in lex.verbs or m[0].lower() in lex.participles), None)
    impersonal = lex.any_impersonal.search(text, 0, _HEAD_CHARS)  # "In dem Bericht heißt es"
    ends = [end for end in (verb, impersonal and impersonal.end()) if end is not None]
    if not ends:
        return -1
    comma = text.find(", ", min(ends))
    if comma < 0 or len(TOKEN.findall(text, min(ends), comma)) > _CUE_TO_COMMA:
        return -1
    return comma


# "kündigte an, die Straße zu sperren", "forderte ihn auf, über einen Rücktritt nachzudenken"
_INFINITIVE = re.compile(r"\bzu [a-zäöüß]+n\b|\b[a-zäöüß]+zu[a-zäöüß]+en\b")


def _reported_infinitive(clause: str) -> bool:
    """An infinitive clause that says what was demanded or announced, not "um ... zu" (why)
    or a relative clause."""
    words = clause.split(" ", 6)
    return bool(_INFINITIVE.search(clause)) and not _relative_clause(words) and \
        words[0] not in ("um", "ohne", "statt", "anstatt")


def _relative_clause(words: list[str]) -> bool:
    """"das half, ...", not the article of "die (gemäßigte) Opposition zu schonen"."""
    if words[0] not in _RELATIVES:
        return False
    rest = list(dropwhile(lambda w: w.islower() and w.endswith(_ADJECTIVE_ENDINGS), words[1:]))
    return not (rest and is_capitalised(rest[0]))


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _clause_after_cue(sentence: _Sentence, state: _State) -> tuple[Span, _Attribution] | None:
    """"X sagte/erklärte (dagegen), (dass) <clause im Konjunktiv>.", "X kündigte an, <clause
    with an infinitive>."."""
    text = sentence.text
    if sentence.words.isdisjoint(speech_lexicon().verb_words) and \
            not speech_lexicon().any_impersonal.search(text):
        return None
    comma = _comma_after_cue(sentence.reporters_text)  # "Der Sprecher, X Y, hatte betont, ..."
    if comma < 0:
        return None
    clause_start = comma + 2
    rest = text[clause_start:]
    if not (rest.startswith("dass ") or _is_reported(rest, allow_k2=True)  # "dass" included
            or _reported_infinitive(rest)):
        return None
    head = sentence.part(0, comma)
    attribution = head.attribution(state)
    if not attribution or not attribution.mention:  # reported, by someone we cannot name
        cue = _first_cue(head)
        if cue is None:
            return None  # "Die Gespräche zeigen, ...": no speech verb without its particle
        attribution = _Attribution(cue, None, -1, Resolved(None, "unknown"))
    end = len(text.rstrip(" .!?"))
    start = sentence.span.start
    return Span(start + clause_start, start + end), attribution


def _first_cue(head: _Sentence) -> str | None:
    """The first speech verb (with its particle, if it needs one) or impersonal cue."""
    tokens = head.tokens
    verb = next((t.text for i, t in enumerate(tokens) if _is_cue_verb(t, tokens, i)
                 or t.lower in speech_lexicon().participles), None)
    impersonal = speech_lexicon().any_impersonal.search(head.text)
    return verb or (impersonal[0] if impersonal else None)
