"""Quotes: direct, partial and reported speech, each with its speaker, cue and offsets.

Offsets index the article body: `body[char_start:char_end] == text` for every quote.

lexicon.py     the speech lexicon (data/speech.toml)
sentence.py    one offset frame: sentences, tokens, attributions, the article's state
filters.py     names, titles and media in quotation marks are no quotes
mentions.py    the noun phrases next to a cue
resolution.py  a mention to its canonical speaker
clause.py      subject, verb group, passive and modal of the cue's clause
cues.py        the cues of a sentence and the speaker each names
direct.py      direct and partial quotations
sources.py     sources named by a noun ("laut X", documents)
reported.py    reported speech without quotation marks
interview.py   the answers of an interview ("STANDARD: ...? Saakaschwili: ...")
passages.py    reported speech over several sentences as one passage, and its speaker
"""

from __future__ import annotations

from flows.stages.entities import EntityIndex
from flows.stages.quotes.direct import cue_only, sentence_quotes, speech_act, words_of_reported
from flows.stages.quotes.filters import looks_like_name
from flows.stages.quotes.interview import answered, interview_answers
from flows.stages.quotes.lexicon import speech_lexicon
from flows.stages.quotes.passages import joined_passages, passage_text, said_next
from flows.stages.quotes.reported import indirect
from flows.stages.quotes.resolution import resolve_speaker
from flows.stages.quotes.sentence import Attribution, Quote, Sentence, State
from flows.stages.text import quote_paragraphs, sentences_with_quotes


def extract_quotes(body: str, context: str = "", index: EntityIndex | None = None
                   ) -> list[Quote]:
    """All quotations of an article body. `context` (title, captions) helps resolve names;
    `index` is the EntityIndex of context + "\n" + body if the caller has built it already."""
    index = index or EntityIndex.build(context + "\n" + body)
    state = State(index)
    quotes: list[Quote] = []
    for offset, paragraph in quote_paragraphs(body):
        state.offset = len(context) + 1 + offset
        quotes.extend(_paragraph_quotes(paragraph, offset, state))
    answers = interview_answers(body, state)
    if answers:
        quotes = [q for q in quotes if not answered(q, answers)] + answers
    return sorted(quotes, key=lambda q: q.char_start)


def _paragraph_quotes(paragraph: str, offset: int, state: State) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Attribution | None = None
    state.before = None
    for span, inner in sentences_with_quotes(paragraph):
        sentence = Sentence(paragraph, span, inner)
        found, unattributed = sentence_quotes(sentence, offset, state, previous) if inner \
            else ([], [])
        if all(quote.kind == "partial" for quote in found):
            # reported speech around quoted words is a quotation too ("Hier seien die Mittel
            # „völlig unrealistisch“."): the sentence and the words, like nested quotes; a
            # quoted name is the reporter's word ("berichtete die „Süddeutsche Zeitung“")
            reported = indirect(_names_unquoted(sentence) if not found else sentence, offset,
                                state)
            found = reported + found + \
                words_of_reported(reported, unattributed, paragraph, offset)
        quotes = joined_passages(quotes, found, paragraph, offset)
        # quoted words that no one is named for do not go on into the sentences after them
        state.speech_just_before = any(q.kind != "partial" or q.speaker for q in found) or \
            speech_act(sentence, state)
        state.sentences_since_speech = 0 if state.speech_just_before else \
            state.sentences_since_speech + 1
        state.narrative = None if found or state.speech_just_before else \
            (sentence, state.offset)
        previous = state.last if found else cue_only(sentence, state)
        state.before = (sentence, state.offset)
    return said_next([passage_text(quote, paragraph, offset) for quote in quotes], paragraph,
                     offset)


def _names_unquoted(sentence: Sentence) -> Sentence:
    """The sentence with its quoted names read as the reporter's words."""
    names = [q for q in sentence.quotes if looks_like_name(sentence.paragraph, q)]
    if not names:
        return sentence
    return Sentence(sentence.paragraph, sentence.span,
                    [q for q in sentence.quotes if q not in names])


__all__ = ["Quote", "extract_quotes", "resolve_speaker", "speech_lexicon"]
