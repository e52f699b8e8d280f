"""Reported speech without quotation marks: subjunctive clauses, "wonach", sourced sentences
and the clause a cue introduces."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace
from itertools import dropwhile

from flows.stages.conjugation import verb_forms
from flows.stages.entities import (
    ARTICLES,
    PRONOUNS,
    TOKEN,
    Resolved,
    is_capitalised,
    lexicon,
)
from flows.stages.quotes.clause import HAVE, is_passive
from flows.stages.quotes.cues import FIRST_PERSON, cue_attribution, is_cue_verb, sentence_phrase
from flows.stages.quotes.filters import has_cue
from flows.stages.quotes.grammar import grammar_words
from flows.stages.quotes.lexicon import REPORTIVE_SOLLEN, UMLAUT_K2, is_reported, speech_lexicon
from flows.stages.quotes.mentions import (
    GENITIVE_ARTICLES,
    MAX_NAME_WORDS,
    PREPOSITIONS,
    RELATIVES,
    mention_after,
    mention_before,
    sentence_subject,
)
from flows.stages.quotes.resolution import attributed, can_speak, resolve_speaker
from flows.stages.quotes.sentence import Attribution, Quote, Sentence, State, Token, make_quote
from flows.stages.quotes.sources import SOURCE_PREPOSITIONS, source_noun_attribution
from flows.stages.text import Span


def indirect(sentence: Sentence, offset: int, state: State) -> list[Quote]:
    """Reported speech without quotation marks: in the subjunctive, or attributed by a
    source phrase ("laut Polizei", "nach Angaben der Behörden", "dem Bericht zufolge")."""
    if _asks(sentence) or speech_lexicon().authors_remark.search(sentence.reporters_text):
        return []
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
    as_reported = _as_reported(sentence, state) or _reported_before_wie(sentence, state)
    if as_reported:
        state.remember(as_reported[1])
        return [_clause_quote(sentence, as_reported, offset)]
    told = _told_before(sentence, offset, state)
    if told:
        return [told]
    return [] if reported else _sourced(sentence, offset, state)  # reported: tried above


def _told_before(sentence: Sentence, offset: int, state: State) -> Quote | None:
    """"Die Refinanzierung erfolgt über die Maut. Das gab Verkehrsminister Stolpe bekannt.": a
    demonstrative before a speech verb opens the sentence, so the sentence before it in the
    paragraph, no one's speech, is what the speaker said."""
    if state.narrative is None or state.before is None or \
            state.narrative[0] is not state.before[0] or \
            sentence.text.split(" ", 1)[0].lower() not in _TOLD_BEFORE:
        return None  # (cheap checks first: most sentences are not tokenised here)
    tokens = sentence.tokens
    if len(tokens) < 3 or not is_cue_verb(tokens[1], tokens, 1) or tokens[1].lower in _NOT_TOLD:
        return None
    attribution = cue_attribution(sentence, state)
    if attribution is None or not attribution.mention or attribution.resolved.speaker is None:
        return None
    state.remember(attribution)
    before = state.before[0]
    return make_quote((before.span.start, before.text.rstrip()), "indirect", attribution,
                      offset)


_TOLD_BEFORE = frozenset(grammar_words("told_before"))
_NOT_TOLD = frozenset(form for lemma in grammar_words("not_told_before")
                      for form in verb_forms(lemma))


def _asks(sentence: Sentence) -> bool:
    """"Haben Sie damals selbst daran geglaubt, ...?", "STANDARD: Was heißt es, ...?": a
    sentence that opens as a question reports nothing (unlike "fragt die SPÖ, ob ...?", "Ob
    damit ... sei?" or "..., sagt Trummer, denn wer weiß, wie das weitergeht?")."""
    text = sentence.text.rstrip()
    if not text.endswith("?") or not sentence.words.isdisjoint(_QUESTION_CUES):
        return False
    tag, _, rest = text.partition(": ")
    if rest and len(tag.split()) <= _TAG_WORDS:
        text = rest  # after an interviewer's tag ("STANDARD: Was heißt es, ...?")
    return text.split(" ", 1)[0].lower() in _QUESTION_OPENERS


_TAG_WORDS = 2


_QUESTION_CUES = frozenset(grammar_words("question_cues"))
_QUESTION_OPENERS = frozenset(grammar_words("question_words")).union(
    *(grammar_words(key) for key in ("auxiliaries", "have_forms", "copulas", "modals")))


def _clause_quote(sentence: Sentence, clause: tuple[Span, Attribution], offset: int
                  ) -> Quote:
    span, attribution = clause
    return make_quote((span.start, sentence.paragraph[span.start:span.end]), "indirect",
                  attribution, offset)


def _reported_clause(sentence: Sentence, state: State, reported: bool
                     ) -> tuple[Span, Attribution] | None:
    """The clause before a speech verb that closes the sentence, or after one that opens it
    (in the subjunctive, with "dass", or an infinitive: "kündigte an, ... zu schließen")."""
    infinitive = "zu" in sentence.text and _INFINITIVE.search(sentence.text)
    return _clause_before_cue(sentence, state) or \
        (_clause_after_cue(sentence, state) if reported or infinitive else None)


def _subjunctive(sentence: Sentence, offset: int, state: State) -> list[Quote]:
    """Konjunktiv I without a cue is reported speech: of the last statement (at most two
    narrative sentences back), or of someone unknown. Konjunktiv II ("Diese könnten nur 24
    Tonnen transportieren") only right after reported speech."""
    continues = state.speech_just_before and state.last is not None
    if not (sentence.reported() or sentence.reportive
            or (continues and not sentence.verb_like.isdisjoint(UMLAUT_K2))) \
            or has_cue(sentence.text, particles=True) or _anaphoric(sentence):
        return []
    # Konjunktiv I goes on across up to two narrative sentences ("Dazu gehöre ... Auch die
    # Ortung erschließt Möglichkeiten. So gewonnene Daten seien ...")
    goes_on = state.speech_just_before or \
        (state.sentences_since_speech <= _NARRATIVE_GAP and sentence.reported())
    speaker = state.last if goes_on else _narrative_subject(sentence, state)
    quote = _reported_sentence(sentence, speaker, offset, sourced=False)
    return [replace(quote, continues=state.speech_just_before)]


def _narrative_subject(sentence: Sentence, state: State) -> Attribution | None:
    """Konjunktiv I right after a sentence about someone who can speak reports what they said
    ("Der Beamte bekennt sich nicht schuldig. Er habe die Frau zwar wahrgenommen ...")."""
    if state.narrative is None or not sentence.reported():
        return None
    before, before_offset = state.narrative
    subject = sentence_subject(before.paragraph, before.tokens)
    if subject is None or not can_speak(_head(subject), state):
        return None
    offset, state.offset = state.offset, before_offset
    try:
        attribution = attributed(before.paragraph, subject, "", state)
    finally:
        state.offset = offset
    if attribution.resolved.speaker_type not in ("person", "organization") or \
            _named_as_subject(sentence, attribution, state):
        return None
    return replace(attribution, mention_start=-1)


def _named_as_subject(sentence: Sentence, attribution: Attribution, state: State) -> bool:
    """"Trump würde sich kaum an die Regeln halten. Trump sei damit der Autounfall-Kandidat":
    reported speech about someone named by name as its subject is not theirs (a speaker is
    "er" in his own reported speech)."""
    subject = sentence_subject(sentence.paragraph, sentence.tokens)
    if not subject or subject[0].lower in PRONOUNS:
        return False
    return attributed(sentence.paragraph, subject, "", state).resolved.speaker == \
        attribution.resolved.speaker


def _head(phrase: list[Token]) -> list[Token]:
    """The phrase up to what depends on its noun ("Die Erben der einstigen Besitzerin": the
    heirs; "Solche Besuche von Kandidaten": visits)."""
    for k in range(1, len(phrase)):
        if phrase[k].text == phrase[k].lower and phrase[k - 1].text != phrase[k - 1].lower:
            return phrase[:k]
    return phrase


_NARRATIVE_GAP = 2  # three measured too: better on the tuning half only


def _as_reported(sentence: Sentence, state: State) -> tuple[Span, Attribution] | None:
    """"Wie die Polizei mitteilte, wurden drei Menschen verletzt.": the main clause."""
    text = sentence.text
    comma = text.find(", ")
    if not text.startswith("Wie ") or comma < 0:
        return None
    tokens = sentence.part(0, comma).tokens
    cue = next((t for i, t in enumerate(tokens) if is_cue_verb(t, tokens, i)
                or t.lower in speech_lexicon().participles), None)
    subject = sentence_subject(sentence.paragraph, tokens[1:])  # right after "Wie"
    if cue is None or subject is None:
        return None
    attribution = attributed(sentence.paragraph, subject, cue.text, state)
    start, end = sentence.span.start + comma + 2, sentence.span.start + len(text.rstrip(" .!?"))
    return Span(start, end), attribution


_WIE_AT_END = re.compile(r", wie (?P<clause>[^,;:]+(?:, [^,;:]+,)?[^,;:]*)[.!]?$")


def _reported_before_wie(sentence: Sentence, state: State) -> tuple[Span, Attribution] | None:
    """"Die Polizei nahm drei Männer fest, wie ein Sprecher sagte.": what the main clause
    before "wie" says is what the "wie"-clause's subject said, when that clause ends in a
    speech verb."""
    text = sentence.text.rstrip()
    match = _WIE_AT_END.search(text) if ", wie " in text else None
    if match is None or match.start() == 0:
        return None
    tokens = sentence.part(match.start("clause"), match.end("clause")).tokens
    if not tokens or not (is_cue_verb(tokens[-1], tokens, len(tokens) - 1)
                          or tokens[-1].lower in speech_lexicon().participles):
        return None
    subject = sentence_subject(sentence.paragraph, tokens)
    if subject is None:
        return None
    attribution = attributed(sentence.paragraph, subject, tokens[-1].text, state)
    return Span(sentence.span.start, sentence.span.start + match.start()), attribution


_WONACH = re.compile(r", (?P<cue>wonach|nach denen|denen zufolge) ")

_MAIN_CLAUSE_AGAIN = re.compile(r", (?!und |oder |dass |wenn |weil |die |der |das |den |dem )"
                                r"[a-zäöüß]+ ")


def _wonach_clause(sentence: Sentence, state: State) -> tuple[Span, Attribution] | None:
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
    source = mention_before(sentence.paragraph, tokens, comma_at, in_phrase=True)
    if source and again and _possessed(tokens, source):
        source = _subject_after(sentence, again.start() + 2) or source
    # the mention as written is the relative word ("wonach", "denen"), like a pronoun
    written = "wonach" if match["cue"] == "wonach" else "denen"
    attribution = replace(attributed(sentence.paragraph, source, match["cue"], state),
                          mention=written, mention_start=-1) if source \
        else Attribution(match["cue"], written, -1, Resolved(None, "unknown"))
    start = sentence.span.start
    return Span(start + match.end(), start + end), attribution


def _possessed(tokens, source) -> bool:
    """"Seine Aussage": the statement of whoever "sein" is."""
    at = tokens.index(source[0])
    possessives = grammar_words("possessives")
    return source[0].lower in possessives or (at > 0 and tokens[at - 1].lower in possessives)


def _subject_after(sentence: Sentence, offset: int):
    """Who the main clause that goes on at `offset` ("..., relativierte Barisic") is about:
    the mention right after its verb."""
    tokens = sentence.tokens
    verb_at = next((i for i, t in enumerate(tokens) if t.start >= sentence.span.start + offset),
                   None)
    return mention_after(sentence.paragraph, tokens, verb_at) if verb_at is not None else None


def _anaphoric(sentence: Sentence) -> str | None:
    if sentence.words.isdisjoint(speech_lexicon().anaphoric):
        return None
    words = {t.lower for t in sentence.tokens}
    return next((w for w in speech_lexicon().anaphoric if w in words), None)


def _document_just_named(state: State) -> Resolved | None:
    """"Ein Bericht des Wirtschaftsmagazins Nikkei sorgt für Schlagzeilen. Demnach ...": the
    issuer of a document the sentence before named, when no one spoke before."""
    if state.before is None:
        return None
    before, offset = state.before
    tokens = before.tokens
    lex = speech_lexicon()
    at = next((i for i, t in enumerate(tokens[:-1]) if t.text in lex.document_sources
               and tokens[i + 1].lower in GENITIVE_ARTICLES), None)
    owner = mention_after(before.paragraph, tokens, at) if at is not None else None
    if not owner:
        return None
    return resolve_speaker(before.paragraph[owner[0].start:owner[-1].end], state,
                           offset + owner[0].start, genitive=True)


def _sourced(sentence: Sentence, offset: int, state: State) -> list[Quote]:
    if not sentence.may_cite:
        return []
    attribution = source_noun_attribution(sentence, state)  # before "laut X": "Laut Polizeiangaben"
    if attribution is None:
        attribution = sentence_phrase(sentence, state)
        back = _anaphoric(sentence)
        if attribution is None and back:
            # "Demnach ...": the last source's, or unnamed; the mention is the word as
            # written, like a pronoun's (its position is left out: it covers no clause)
            word = next(t.text for t in sentence.tokens if t.lower == back)
            resolved = state.last.resolved if state.last else \
                _document_just_named(state) or Resolved(None, "unknown")
            attribution = Attribution(back, word, -1, resolved)
            if resolved.speaker is None:
                return [_reported_sentence(sentence, attribution, offset)]
        if attribution is None or attribution.mention is None:
            return []
    state.remember(attribution)
    return [_reported_sentence(sentence, attribution, offset)]


def _reported_sentence(sentence: Sentence, attribution: Attribution | None, offset: int,
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
    return make_quote((sentence.span.start + start, text[start:end]), "indirect", attribution,
                  offset)


SOURCE_PHRASE_WORDS = 8


def _clause_of_source(sentence: Sentence, attribution: Attribution) -> int:
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
    if comma < 0 or is_reported(text[start:comma], allow_k2=True):
        return None
    return comma + 2


def _so_tag_start(sentence: Sentence, attribution: Attribution | None) -> int | None:
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
    return words[0] in RELATIVES or (len(words) > 1 and words[0] in PREPOSITIONS and
                                      words[1] in RELATIVES | {"dem", "denen"})


def _source_phrase_end(sentence: Sentence, attribution: Attribution) -> int:
    """Where a source phrase opening the sentence ends (0 if none opens it)."""
    first = sentence.text.split(" ", 1)[0]
    if first.lower() in speech_lexicon().anaphoric:  # "Demnach"
        return len(first)
    mention = _mention_span(sentence, attribution)  # in sentence offsets
    if first.lower() in SOURCE_PREPOSITIONS:  # "Nach Angaben der Polizei", "Laut X"
        return _opening_source_end(sentence.text, attribution.cue, mention)
    if mention and mention[0] == 0:  # "Medienberichten zufolge"
        after = sentence.text.find(" ", mention[1] + 1)
        if after > 0 and sentence.text[mention[1]:after].strip() == attribution.cue:
            return after
    return 0


def _mention_span(sentence: Sentence, attribution: Attribution) -> tuple[int, int] | None:
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
    right after it ("der Polizei", "von Experten", "aus Moskau", "informierter Kreise")."""
    opening = speech_lexicon().source_noun.match(text)
    end = opening.end() if opening else len(cue) if text.lower().startswith(cue.lower()) else 0
    if mention is None:
        return end
    gap = text[end:max(end, mention[0])].split()
    follows = len(gap) <= 2 and all(
        w in ("von", "aus") or (w.islower() and w.endswith(_ADJECTIVE_ENDINGS)) for w in gap)
    if follows and len(TOKEN.findall(text, 0, mention[1])) <= SOURCE_PHRASE_WORDS:
        end = max(end, mention[1])
        return end + 1 if text[end:end + 1] in _CLOSING_MARKS else end  # „FAZ“
    return end


_CLOSING_MARKS = ("“", "”", "»", "«", '"')


_LAST_COMMAS = 3  # "<clause>, sagte X" looks only at the last commas: linear in the sentence

_CUE_TAIL = 6  # ", sagte Henderson weiter.": a cue that ends the sentence makes it speech


def _clause_before_cue(sentence: Sentence, state: State
                       ) -> tuple[Span, Attribution] | None:
    """"Man habe vereinbart, ..., sagte Putin nach dem Treffen.", "Das Flugzeug ist
    abgestürzt, sagte Henderson.", "Die Lage sei ernst, hieß es aus dem Ministerium."."""
    text = sentence.text
    last = deque(re.finditer(r",\s+(\w+)\s", text), maxlen=_LAST_COMMAS)
    for match in reversed(last):
        if _ends_relative_clause(text, match.start()):
            continue  # "Jan Test, der verärgert war, nannte ...": the subject's clause
        impersonal = speech_lexicon().any_impersonal.match(text, match.start(1))
        told = _told_after_comma(sentence, match)
        if (match.group(1).lower() in speech_lexicon().verbs or impersonal or told) and \
                (told or is_reported(text[: match.start()], allow_k2=True)
                 or (sentence.reportive and REPORTIVE_SOLLEN.search(text, 0, match.start()))
                 or len(TOKEN.findall(text[match.start():])) <= _CUE_TAIL
                 or _in_first_person(text[:match.start()])):
            attribution = cue_attribution(sentence.part(match.start(), len(text)), state)
            if attribution and (attribution.mention or impersonal):  # ("..., hieß es.")
                start = sentence.span.start
                return Span(start, start + match.start()), attribution
    return None


def _told_after_comma(sentence: Sentence, comma: re.Match[str]) -> bool:
    """"Seit dem 19. Juni ist die Kamera ausgefallen, das teilte das Institut mit": a
    demonstrative and a speech verb after the comma report the clause before it."""
    if comma.group(1).lower() not in _TOLD_BEFORE:
        return False
    tokens = [t for t in sentence.tokens if t.start >= sentence.span.start + comma.end(1)]
    return bool(tokens) and tokens[0].lower not in _NOT_TOLD and \
        is_cue_verb(tokens[0], tokens, 0)


def _last_stretch(text: str) -> str:
    """The words after the last comma, colon or semicolon."""
    return re.split(r"[,:;]", text)[-1]


def _in_first_person(clause: str) -> bool:
    """Someone speaking in unmarked direct speech ("Wir empfehlen daher, ..., sagte der
    Sprecher der Behörde, Tom Muster"); a colon introduces someone else's speech."""
    return ": " not in clause and \
        not FIRST_PERSON.isdisjoint(w.lower() for w in TOKEN.findall(clause))


def _ends_relative_clause(text: str, comma: int) -> bool:
    """The comma closes a relative clause about a noun phrase that opens the sentence, which
    is the subject of the verb after the comma, not reported speech."""
    opening = text.rfind(", ", 0, comma)
    if opening < 0 or text[opening + 2:].split(" ", 1)[0] not in RELATIVES:
        return False
    head = text[:opening].split()
    return len(head) <= MAX_NAME_WORDS + 1 and \
        all(is_capitalised(w) or w.lower() in ARTICLES for w in head)


_HEAD_CHARS = 200  # the speech verb stands in the first words

_CUE_TO_COMMA = 12  # words: "sagte der Minister am Montag in einem Interview, dass ..."


def _comma_after_cue(text: str) -> int:
    """Where the clause after the first speech verb of the sentence starts, or -1."""
    lex = speech_lexicon()
    verb = next((m.end() for m in TOKEN.finditer(text, 0, _HEAD_CHARS)
                 if m[0].lower() in lex.verbs or m[0].lower() in lex.participles
                 or m[0] in lex.clause_participles), None)
    impersonal = lex.any_impersonal.search(text, 0, _HEAD_CHARS)  # "In dem Bericht heißt es"
    ends = [end for end in (verb, impersonal and impersonal.end()) if end is not None]
    if not ends:
        return -1
    comma = text.find(", ", min(ends))
    if comma < 0 or len(TOKEN.findall(text, min(ends), comma)) > _CUE_TO_COMMA:
        return -1
    return comma


# "kündigte an, die Straße zu sperren", "forderte ihn auf, über einen Rücktritt nachzudenken"
# "zu schließen", "abzuschaffen"; not "zu den Inhalten" (a preposition and its article)
_INFINITIVE = re.compile(r"\bzu (?!(?:den|einen|ihren|seinen|meinen|unseren)\b)[a-zäöüß]+n\b"
                         r"|\b[a-zäöüß]+zu[a-zäöüß]+en\b")


def _reported_infinitive(clause: str) -> bool:
    """An infinitive clause that says what was demanded or announced, not "um ... zu" (why),
    a relative clause or another main clause ("warnten vor einer Abhörfalle, und scheinen
    nun Recht behalten zu haben")."""
    words = clause.split(" ", 6)
    return bool(_INFINITIVE.search(clause)) and not _relative_clause(words) and \
        words[0] not in ("um", "ohne", "statt", "anstatt") and not _same_subject_goes_on(words)


def _same_subject_goes_on(words: list[str]) -> bool:
    """"und scheinen nun ...": "und" and no subject of its own (not "und wir mussten", "und
    Zehntausende gehen"); "sondern", "doch" go on with what was said."""
    return len(words) > 1 and words[0] in ("und", "oder") and words[1].islower() and \
        words[1] not in lexicon().not_names  # (pronouns)


def _relative_clause(words: list[str]) -> bool:
    """"das half, ...", not the article of "die (gemäßigte) Opposition zu schonen"."""
    if words[0] not in RELATIVES:
        return False
    rest = list(dropwhile(lambda w: w.islower() and w.endswith(_ADJECTIVE_ENDINGS), words[1:]))
    return not (rest and is_capitalised(rest[0]))


_ADJECTIVE_ENDINGS = tuple(grammar_words("adjective_endings", ordered=True))


def _clause_after_cue(sentence: Sentence, state: State) -> tuple[Span, Attribution] | None:
    """"X sagte/erklärte (dagegen), (dass) <clause im Konjunktiv>.", "X kündigte an, <clause
    with an infinitive>."."""
    text = sentence.text
    if sentence.words.isdisjoint(speech_lexicon().verb_words) and \
            sentence.words.isdisjoint(speech_lexicon().clause_participles) and \
            not speech_lexicon().any_impersonal.search(text):
        return None
    comma = _comma_after_cue(sentence.reporters_text)  # "Der Sprecher, X Y, hatte betont, ..."
    if comma < 0:
        return None
    clause_start = comma + 2
    rest = text[clause_start:]
    if not (rest.startswith("dass ") or is_reported(rest, allow_k2=True)  # "dass" included
            or _reported_infinitive(rest)):
        return None
    head = sentence.part(0, comma)
    attribution = cue_attribution(head, state)
    if not attribution or not attribution.mention:  # reported, by someone we cannot name
        cue = first_cue(head)
        if cue is None or not head.words.isdisjoint(_THINGS):
            return None  # "Die Gespräche zeigen, ...", "Auch weist vieles darauf hin, ..."
        attribution = _perfect_subject(head, cue, state) or \
            Attribution(cue, None, -1, Resolved(None, "unknown"))
    end = len(text.rstrip(" .!?"))
    start = sentence.span.start
    return Span(start + clause_start, start + end), attribution


def _perfect_subject(head: Sentence, cue: str, state: State) -> Attribution | None:
    """"Amnesty International hat darauf hingewiesen, ...": the subject the clause opens with,
    unless the participle is passive ("Es wird angenommen, dass ...", said by no one named)."""
    if cue not in speech_lexicon().clause_participles or \
            is_passive(head.words) or head.words.isdisjoint(HAVE):
        return None
    if _in_first_person(_last_stretch(head.text)):  # "aber: Ich habe niemandem versprochen":
        # unmarked speech of whoever spoke just before, else of no one named
        going_on = state.last is not None and state.speech_just_before
        return Attribution(cue, None, -1, state.last.resolved if going_on
                           else Resolved(None, "unknown"))
    subject = sentence_subject(head.paragraph, head.tokens)
    return attributed(head.paragraph, subject, cue, state) if subject else None


_THINGS = grammar_words("things_as_subjects")


def first_cue(head: Sentence) -> str | None:
    """The first speech verb (with its particle, if it needs one) or impersonal cue."""
    tokens = head.tokens
    lex = speech_lexicon()
    verb = next((t.text for i, t in enumerate(tokens) if is_cue_verb(t, tokens, i)
                 or t.lower in lex.participles or t.text in lex.clause_participles), None)
    impersonal = lex.any_impersonal.search(head.text)
    return verb or (impersonal[0] if impersonal else None)
