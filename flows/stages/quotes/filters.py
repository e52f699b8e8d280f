"""What quotation marks hold: a quotation, or a name, title, medium or term set in marks."""

from __future__ import annotations

import re

from flows.stages.entities import ARTICLES, NAME_PARTICLES, TOKEN, is_capitalised
from flows.stages.quotes.grammar import grammar_words
from flows.stages.quotes.lexicon import is_noun_of, speech_lexicon
from flows.stages.quotes.mentions import MAX_NAME_WORDS
from flows.stages.quotes.sentence import Sentence, char_before
from flows.stages.text import Span

_MAX_SOURCE_WORDS = 3  # „BBC News“, „BILD am Sonntag“

_MAX_TITLE_WORDS = 12  # the book „Cobra II – die wirkliche Geschichte der Invasion ...“


def quote_kinds(sentence: Sentence) -> list[str]:
    """Direct when a quotation stands as its own clause; partial inside the reporter's text."""
    paragraph, kinds = sentence.paragraph, []
    for position, span in enumerate(sentence.quotes):
        before = char_before(paragraph, span.start, sentence.span.start)
        after = paragraph[span.end:min(sentence.span.end, span.end + 80)].lstrip()
        if (before is None or before == ":") and not _runs_on(paragraph, span, after):
            kind = "direct"
        elif position and before == "," and kinds[-1] == "direct" and \
                has_cue(paragraph[sentence.quotes[position - 1].end:span.start]):
            kind = "direct"  # the second half of a quote split by its speech tag
        elif before and before in ".:" and after.startswith(",") and has_cue(after[:60]) and \
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


def has_cue(text: str, particles: bool = False) -> bool:
    """A speech verb or participle in the text, or an impersonal cue; with `particles`, a
    verb that is a cue only with its particle counts only with the particle in the text too
    ("Die Fraktion halte ... fest")."""
    lex = speech_lexicon()
    return any(w in lex.participles or
               (w in lex.verbs and (not particles or _has_particle(w, text)))
               for w in (t.lower() for t in TOKEN.findall(text))) \
        or any(p in text for p in lex.impersonal)


def _has_particle(verb: str, text: str) -> bool:
    """Its particle is in the text, or it needs none, or it opens a clause of its own ("Die
    Gespräche zeigen, die USA seien bereit": what the clause says is not reported speech)."""
    particle = speech_lexicon().particles.get(verb)
    return particle is None or particle.search(text) is not None or \
        re.search(rf"\b{verb},", text, re.IGNORECASE) is not None


def looks_like_name(paragraph: str, span: Span) -> bool:
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
            before[-2].lower() in speech_lexicon().verbs and name_shaped(words):
        return True  # the subject after its verb: „…“, schreibt die „Computerwoche“
    if re.search(r"[.!?;:,]", content) or not words or len(words) > MAX_NAME_WORDS:
        return False
    if not all(is_capitalised(w) or NAME_PARTICLES.match(w) or w.isdigit() for w in words):
        return False
    after = paragraph[span.end:span.end + 1]
    return len(words) > 1 or after == "-" or (bool(before) and is_capitalised(before[-1]))


def _titled(word: str, content: str, words: list[str]) -> bool:
    """The title after the noun it names: the film „2001: Odyssee im Weltraum“."""
    if not is_noun_of(word, speech_lexicon().title_nouns):
        return False
    return (content[0].isupper() or content[0].isdigit()) and \
        not content.endswith((".", "!", "?")) and len(words) <= _MAX_TITLE_WORDS


def _medium_of_a_source_phrase(paragraph: str, span: Span, before: list[str],
                               words: list[str]) -> bool:
    """The medium in a source phrase: laut „Tagesspiegel“, dem „Figaro“ zufolge, gegenüber
    (dem) „Tagesspiegel“, or as the subject of the cue: „BBC News“ berichtet, die „X“
    meldete."""
    after = TOKEN.search(paragraph, span.end, span.end + 40)
    following = after[0] if after and not paragraph[span.end:after.start()].strip() else ""
    if len(words) <= _MAX_SOURCE_WORDS and (
            following == "zufolge" or (before and before[-1].lower() in ("laut", "gegenüber"))
            or (len(before) > 1 and before[-2].lower() == "gegenüber" and before[-1] in ARTICLES)):
        return True
    start = span.start
    if before and before[-1].lower() in ARTICLES:  # "Die „Kampagne für ...“ berichtete"
        start = paragraph.rfind(before[-1], 0, span.start)
    opens_clause = char_before(paragraph, start, 0) in (None, ".", ":")
    return opens_clause and following in speech_lexicon().verbs and name_shaped(words)


_NAME_FUNCTION_WORDS = grammar_words("name_function_words")


def name_shaped(words: list[str]) -> bool:
    """„BBC News“, „Ärzte ohne Grenzen“, „Kampagne für ein Freies Tibet“ (not „Wir kommen“)."""
    return 0 < len(words) <= MAX_NAME_WORDS and is_capitalised(words[0]) and \
        all(is_capitalised(w) or w in _NAME_FUNCTION_WORDS or w.isdigit() for w in words)


_SO_CALLED = re.compile(r"(?:so ?genannt|sog\.)\w*\s*$", re.IGNORECASE)


def so_called(sentence: Sentence, span: Span) -> bool:
    """"die sogenannte „Herdprämie“": the reporter's distance from a term, not a quotation."""
    return bool(_SO_CALLED.search(sentence.paragraph[sentence.span.start:span.start]))
