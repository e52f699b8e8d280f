"""Direct and partial quotations: the sentence's marked quotes and who said them."""

from __future__ import annotations

import re
from dataclasses import replace

from flows.stages.entities import TOKEN, Resolved
from flows.stages.quotes.clause import main_subject, passive_agent
from flows.stages.quotes.cues import cue_attribution, subject_judges
from flows.stages.quotes.filters import (
    has_cue,
    looks_like_name,
    name_shaped,
    quote_kinds,
    so_called,
)
from flows.stages.quotes.lexicon import speech_lexicon
from flows.stages.quotes.references import person_in
from flows.stages.quotes.reported import SOURCE_PHRASE_WORDS, first_cue
from flows.stages.quotes.resolution import attributed, can_speak
from flows.stages.quotes.sentence import (
    Attribution,
    Quote,
    Sentence,
    State,
    make_quote,
    quoted_content,
)
from flows.stages.quotes.sources import OWNER_PRONOUNS, source_noun_attribution
from flows.stages.text import Span


def speech_act(sentence: Sentence, state: State) -> bool:
    """A sentence that says someone spoke ("X äußerte Vorwürfe gegen Y."): the reported
    sentences after it are that speaker's."""
    attribution = cue_attribution(sentence, state)
    if attribution is None or attribution.mention is None:
        return False
    state.remember(attribution)
    return True


def cue_only(sentence: Sentence, state: State) -> Attribution | None:
    """A sentence without quotes that names a speaker ("X sagte:") introduces the next quote."""
    return cue_attribution(sentence, state) if sentence.text.rstrip().endswith(":") else None


def words_of_reported(reported: list[Quote], spans: list[Span], paragraph: str,
                       offset: int) -> list[Quote]:
    """Quoted words inside reported speech are the words of its speaker ("Deshalb müsse „die
    Politik ... sein“"), even when no one is named."""
    quotes = []
    for row in reported:
        for span in spans:
            start, text = quoted_content(paragraph, span)
            if row.speaker is None and not text[:1].islower():
                continue  # no one named and a capitalised word: maybe a name („Sahelallianz“)
            if row.char_start <= offset + start and offset + start + len(text) <= row.char_end:
                quotes.append(replace(row, text=text, kind="partial", char_start=offset + start,
                                      char_end=offset + start + len(text)))
    return quotes


def sentence_quotes(sentence: Sentence, offset: int, state: State,
                     previous: Attribution | None) -> tuple[list[Quote], list[Span]]:
    """The quotations of a sentence, and the spans of quoted words that no one was found
    for (a scare quote, or words of reported speech: _words_of_reported decides)."""
    quotes, unattributed = [], []
    for span, kind in zip(sentence.quotes, quote_kinds(sentence), strict=True):
        name_like = looks_like_name(sentence.paragraph, span)
        attribution = cue_attribution(sentence, state, near=span, in_clause=kind == "partial")
        if kind == "partial":
            if name_like or so_called(sentence, span):
                continue
            attribution = _claim_owner(sentence, span, state) or \
                _clause_source(sentence, span, attribution, state) or attribution or \
                subject_judges(sentence, span, state) or \
                _inherit(sentence, state) or _unnamed(sentence, span, state)
            if attribution is None:
                unattributed.append(span)
                continue  # a scare quote or a title: no speaker, no quotation
        else:
            attribution = attribution or previous or _following_attribution(sentence, state) \
                or _continued(state) or _about_the_one_named_before(sentence, state) or \
                _about_the_one_named_after(sentence, state)
            if attribution is None and name_like:
                continue
        content = quoted_content(sentence.paragraph, span)
        quotes.append(make_quote(content, kind, attribution, offset))
        if attribution:
            state.remember(attribution)
    return quotes, unattributed


def _clause_source(sentence: Sentence, span: Span, attribution: Attribution | None,
                   state: State) -> Attribution | None:
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
                opinion["owner"].lower() not in OWNER_PRONOUNS:
            return None
        return Attribution(f"{opinion['noun']} nach", opinion["owner"],
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
                text[phrase.end():end].count(" ") > SOURCE_PHRASE_WORDS:
            return None
    source = source_noun_attribution(sentence.part(clause, end), state)
    return source if source and source.mention else None


def _claim_owner(sentence: Sentence, span: Span, state: State) -> Attribution | None:
    """"Auf den Vorwurf der CDU, es handele sich um einen „sozialistischen Antrag“,
    entgegneten die Unterstützer": quoted words in the clause after a claim are its owner's,
    unless a speech verb comes between."""
    before = sentence.paragraph[sentence.span.start:span.start]
    claim = next(reversed(list(speech_lexicon().claim.finditer(before))), None)
    if claim is None or has_cue(before[claim.end():]):
        return None
    comma = before.find(", ", claim.end())
    if comma < 0:
        return None
    start, end = sentence.span.start + claim.end(), sentence.span.start + comma
    owner = [t for t in sentence.tokens if start <= t.start and t.end <= end]
    if not owner or not can_speak(owner, state):
        return None
    return attributed(sentence.paragraph, owner, claim["noun"], state)


def _unnamed(sentence: Sentence, span: Span, state: State) -> Attribution | None:
    """Quoted words with a speech verb but no one named: "werden die Vorkehrungen als
    „extrem“ bezeichnet", "Darin wird er aufgefordert, „…“" (words, not a name: they start
    in lower case); in the passive, the agent speaks ("vom Wetterdienst als „…“ eingestuft")."""
    if not sentence.paragraph[span.start + 1:span.start + 2].islower():
        return None
    passive = speech_lexicon().passive_cues.intersection(sentence.words)
    cue = (first_cue(sentence) if sentence.may_cite else None) or min(passive, default=None)
    if cue is None:
        return None
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if t.lower in passive), None)
    agent = passive_agent(sentence.paragraph, tokens, at, state) if at is not None else None
    if agent:
        return attributed(sentence.paragraph, agent, tokens[at].text, state)
    medium = _medium_named_in(sentence, cue) if passive else None
    return medium or Attribution(cue, None, -1, Resolved(None, "unknown"))


def _medium_named_in(sentence: Sentence, cue: str) -> Attribution | None:
    """"wurden gestern im „Standard“ als „…“ bezeichnet": in the passive, a publication in
    quotation marks after "im"/"in der" is where it was said."""
    for quote in sentence.quotes:
        name = sentence.paragraph[quote.start + 1:quote.end - 1]
        before = sentence.paragraph[max(sentence.span.start, quote.start - 8):quote.start]
        if before.endswith((" im ", " in der ")) and name_shaped(TOKEN.findall(name)):
            return Attribution(cue, name, quote.start + 1, Resolved(name, "organization"))
    return None


def _continued(state: State) -> Attribution | None:
    """A quotation without a tag right after attributed speech goes on with that speaker
    (also into the next paragraph: quote paragraphs continue the last speaker)."""
    return state.last if state.speech_just_before else None


def _about_the_one_named_before(sentence: Sentence, state: State) -> Attribution | None:
    """"Der Politikwissenschaftler Uwe Jun stellt dem Ausschuss ein gutes Zeugnis aus. „Die
    Gespräche waren ...“": a quotation that is the whole sentence, right after a sentence of
    its paragraph that is no speech and whose subject is a named person, is that person's."""
    if not _quotation_alone(sentence) or state.narrative is None or state.before is None or \
            state.narrative[0] is not state.before[0]:
        return None
    return _named_subject(state.narrative[0], state)


def _quotation_alone(sentence: Sentence) -> bool:
    """One quotation that the sentence ends with (a sentence going on after it names no one
    by this)."""
    return len(sentence.quotes) == 1 and not (
        sentence.tokens and sentence.tokens[-1].end > sentence.quotes[0].end)


def _named_subject(sentence: Sentence, state: State) -> Attribution | None:
    """The sentence's subject, when it is a person the article names in full."""
    person = person_in(main_subject(sentence.paragraph, sentence.tokens), state)
    if person is None or " " not in person.name:
        return None
    return Attribution(None, None, -1, Resolved(person.name, "person"))


def _inherit(sentence: Sentence, state: State) -> Attribution | None:
    """Reported speech continuing the statement just before it (subjunctive, no own cue)."""
    if state.last is None or not state.speech_just_before:
        return None
    return state.last if sentence.reported(allow_k2=True) else None


def _following_attribution(sentence: Sentence, state: State) -> Attribution | None:
    """A quotation followed by a short sentence naming its speaker ("So Putin.", "Das
    musste Finanzminister Peer Steinbrück zu Beginn der Debatte einräumen.")."""
    end = sentence.span.end
    window = sentence.paragraph[end:end + 200]
    rest = window.lstrip()
    follow = re.match(r"^(?:So\s+[^.!?]{2,60}|(?:Das|Dies)\s+[^.!?]{2,160})[.!?]", rest)
    if not follow:
        return None
    start = end + len(window) - len(rest)
    return cue_attribution(Sentence(sentence.paragraph, Span(start, start + follow.end())), state)


def _about_the_one_named_after(sentence: Sentence, state: State) -> Attribution | None:
    """"„Die erste Halbzeit war überragend.“ Deutschlands Chefcoach Gordon Herbert war bester
    Laune nach dem dritten Sieg.": a quotation that is the whole sentence and opens its
    paragraph, followed by a sentence (no quotation) whose subject is a named person."""
    if not _quotation_alone(sentence) or state.before is not None:
        return None
    end = sentence.span.end
    rest = sentence.paragraph[end:]
    stop = re.search(r"[.!?](?:\s|$)", rest)
    if stop is None or any(mark in rest[:stop.end()] for mark in "„“\"»«"):
        return None
    start = end + len(rest) - len(rest.lstrip())
    return _named_subject(Sentence(sentence.paragraph, Span(start, end + stop.end())), state)
