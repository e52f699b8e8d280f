"""Sources named by a noun: "laut X", "nach Angaben des Ministeriums", "seiner Meinung nach",
a document and its issuer."""

from __future__ import annotations

import re
from dataclasses import replace

from flows.stages.entities import ARTICLES, Resolved, is_capitalised
from flows.stages.quotes.grammar import grammar_table, grammar_words
from flows.stages.quotes.lexicon import speech_lexicon
from flows.stages.quotes.mentions import (
    GENITIVE_ARTICLES,
    as_subject,
    mention_after,
    own_subject,
    sentence_subject,
)
from flows.stages.quotes.resolution import (
    attributed,
    can_speak,
    issuer_word,
    resolve_speaker,
)
from flows.stages.quotes.sentence import Attribution, Sentence, State, Token

SOURCE_PREPOSITIONS = grammar_words("source_prepositions")


def source_noun_attribution(sentence: Sentence, state: State) -> Attribution | None:
    """"Nach Polizeiangaben ...", "Nach den Angaben des Shops ...", "Nach ersten Angaben ...":
    the source is the first part of the compound, or the phrase after it, or unnamed."""
    words = sentence.words
    if words.isdisjoint(SOURCE_PREPOSITIONS):
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
        tokens[at + 1].lower in GENITIVE_ARTICLES | {"von"}  # "Pressemitteilung des WFP"
    prefix = (match["prefix"] or "").removesuffix("-")
    if prefix and not owned and prefix.capitalize() not in speech_lexicon().document_prefixes:
        at = start + match.start("prefix")  # "Polizeiangaben": as written, the police speaks
        return Attribution(cue, match["noun"], at,
                            resolve_speaker(issuer_word(prefix), state, state.offset + at))
    owner = _OWNER.search(match[0])
    if owner:  # "Nach seiner Meinung": his
        return _owner_attribution(cue, owner, sentence, state, match.start())
    own = _OWN.search(match[0])
    if own:  # "nach eigenen Angaben": the subject's own (as written: "eigenen Angaben")
        subject = _own_source(sentence, match)
        if subject:
            speaker = attributed(sentence.paragraph, subject, cue, state)
            return replace(speaker, mention=match[0][own.start():],
                           mention_start=start + match.start() + own.start())
    if match[0].split()[1].lower() in _DEMONSTRATIVES and state.last is not None:
        # "nach diesen Angaben": the source named before
        return replace(state.last, cue=cue, mention=match[0].split(" ", 1)[1], mention_start=-1)
    after = _source_after(sentence, at)
    if after:
        return attributed(sentence.paragraph, after, cue, state, genitive=True)
    if _source_just_named(match, state) and \
            not sentence.text[match.end():].lstrip().startswith(("aus ", "von ")):
        return replace(state.last, cue=cue, mention=match[0].split(" ", 1)[1], mention_start=-1)
    unnamed = match[0][len(match["cue"]):].strip()  # "nach offiziellen Angaben": as written
    return _document_source(match, cue, start) or \
        Attribution(cue, unnamed, -1, Resolved(None, "unknown"))


_DEMONSTRATIVES = grammar_words("demonstratives")


def _source_just_named(match: re.Match[str], state: State) -> bool:
    """"Nach Polizeiangaben ... Die Kommission ist nach Angaben vom Mittwoch verstärkt
    worden": statements of no one named, right after a sentence that named a source, are
    that source's (not "nach ersten Angaben", "laut Informationen aus Ungarn")."""
    return match["source"].capitalize() in speech_lexicon().anaphoric_sources and \
        state.last is not None and state.sentences_since_speech == 0 and \
        all(word.lower() in ARTICLES for word in match[0].split()[1:-1])


def _document_source(match: re.Match[str], cue: str, sentence_start: int
                     ) -> Attribution | None:
    """"Laut der Studie", "Nach dieser Analyse": a document that no one is named for speaks
    for itself."""
    source = match["source"].capitalize()
    if source not in speech_lexicon().document_sources or \
            match[0].split()[1].lower() not in ARTICLES | _DEMONSTRATIVES:
        return None
    mention = match[0].split(" ", 1)[1]  # "der Studie"
    at = sentence_start + match.start() + len(match["cue"]) + 1
    return Attribution(cue, mention, at, Resolved(source, "unknown"))


OWNER_PRONOUNS = grammar_table("owner_pronouns")

_OTHER_GENDER = {"er": "female", "sie": "male"}
_OWNER = re.compile(r"\b(?:[Ss]einer|[Ii]hrer|[Ss]einen|[Ii]hren)\b")


def _opinion_after(sentence: Sentence, state: State) -> Attribution | None:
    """"Der Preis sei seiner Meinung nach zu hoch": his (the last person's), "Dem Vernehmen
    nach ...": nobody named."""
    if sentence.words.isdisjoint(speech_lexicon().opinion_nouns):
        return None
    match = speech_lexicon().opinion_after.search(sentence.text)
    if match is None:
        return None
    return _owner_attribution(f"{match['noun']} nach", match, sentence, state, match.start())


def _owner_attribution(cue: str, owner: re.Match[str], sentence: Sentence, state: State,
                       start: int) -> Attribution | None:
    """Whose opinion: "seiner" his, "ihrer" hers, in the middle of a sentence "Ihrer" is the
    reader's (an interview question, not reported); "Dem Vernehmen" nobody's."""
    word = owner[0].split()[0]
    if word == "Ihrer" and start > 0:
        return None
    pronoun = OWNER_PRONOUNS.get(word.lower())
    if pronoun is None:
        return Attribution(cue, None, -1, Resolved(None, "unknown"))
    at = sentence.span.start + owner.start()
    subject = as_subject(sentence_subject(sentence.paragraph, sentence.tokens)) \
        if owner.start() > 0 else None
    if subject and subject[0].start < at and can_speak(subject, state):
        # "Die EU-Kommission hat gegen die nach ihren Schätzungen ... Steuervermeidung ...":
        # the subject's own, if it can be "sein"/"ihr" (not "Der Ministerin ... wirft Lugar
        # das seiner Meinung nach verfehlte Konzept vor")
        own = attributed(sentence.paragraph, subject, cue, state)
        if state.gender_of(own.resolved) != _OTHER_GENDER[pronoun]:
            return replace(own, mention=word, mention_start=at)
    return Attribution(cue, word, at, resolve_speaker(pronoun, state, state.offset + at))


_OWN = re.compile(r"\beigene[nmr]?\b")


def _own_source(sentence: Sentence, match: re.Match[str]) -> list[Token] | None:
    tokens = sentence.tokens
    start, end = sentence.span.start + match.start(), sentence.span.start + match.end()
    inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
    return own_subject(sentence.paragraph, tokens, inside[0], inside[-1]) if inside else None


def _source_after(sentence: Sentence, at: int | None) -> list[Token] | None:
    """Whose the source noun at `at` is, named after it: "Angaben der Polizei", "Angaben von
    Experten", "Informationen aus Regierungskreisen" (where it comes from is who says it)."""
    tokens = sentence.tokens
    if at is None or at + 1 >= len(tokens):
        return None
    if tokens[at + 1].lower == "aus":  # (not "setzt sich laut Bericht aus jenen ... zusammen")
        named = at + 2 < len(tokens) and (is_capitalised(tokens[at + 2].text) or
                                          tokens[at + 2].lower in ARTICLES)
        return mention_after(sentence.paragraph, tokens, at + 1) if named else None
    return mention_after(sentence.paragraph, tokens, at) if _names_a_source(tokens[at + 1]) \
        else None


def _names_a_source(token: Token) -> bool:
    """The word after "Angaben" that starts whose they are: "der Polizei", "von Experten",
    "seines Sprechers", "Ibrahims", "informierter Kreise" (not a verb: "wurden keine", not
    another case: "dem Transport")."""
    return token.lower in GENITIVE_ARTICLES or token.lower == "von" or \
        is_capitalised(token.text) or token.lower.endswith(("er", "es"))  # genitive endings
