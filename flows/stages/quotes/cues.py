"""The cues of a sentence (speech verbs, phrases, colons, impersonal reports) and the speaker
each names."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from flows.stages.entities import ARTICLES, Resolved, is_role
from flows.stages.quotes.clause import (
    AUXILIARIES,
    COPULAS,
    HAVE,
    PASSIVE,
    after_particle,
    clause_initial,
    clause_subject,
    coordinated_subject,
    is_passive,
    main_subject,
    modal_before,
    modal_subject,
    opens_subject,
    passive_agent,
    perfect_before,
    quoted_one,
    relative_antecedent,
    subject_before_phrase,
    subject_of_perfect,
    verb_group_at,
)
from flows.stages.quotes.filters import looks_like_name
from flows.stages.quotes.grammar import grammar_words
from flows.stages.quotes.lexicon import speech_lexicon
from flows.stages.quotes.mentions import (
    CLAUSE_BREAK,
    JOINING,
    LATTER,
    OPENERS,
    PREPOSITIONS,
    RELATIVES,
    as_subject,
    mention_after,
    mention_before,
    own_subject,
    sentence_subject,
    verb_in_parenthesis,
)
from flows.stages.quotes.resolution import attributed, can_speak, speaker_strength, stronger
from flows.stages.quotes.sentence import Attribution, Sentence, State, Token, char_before
from flows.stages.text import Span


def cue_attribution(sentence: Sentence, state: State, near: Span | None = None,
                 in_clause: bool = False) -> Attribution | None:
    """The speaker and cue of a sentence; with several cues in it, the one nearest to `near`,
    or with `in_clause` the cue before `near` in its clause ("X nannte seinen Platzverweis
    „überzogen“, Y bezeichnete ...")."""
    if sentence.cue_candidates is None:
        sentence.cue_candidates = _candidates(sentence, state)
    found = sentence.cue_candidates
    if not found:
        return None
    anchor = near.end if near else sentence.span.start
    positions = [position for position, _ in found]
    at = bisect.bisect_left(positions, anchor)
    if in_clause and near and at and positions[at - 1] < near.start and \
            "," not in sentence.paragraph[positions[at - 1]:near.start]:
        return found[at - 1][1]
    nearby = found[max(0, at - 1):at + 1]
    return min(nearby, key=lambda c: (abs(c[0] - anchor), c[0] < anchor))[1]


def subject_judges(sentence: Sentence, span: Span, state: State) -> Attribution | None:
    """"Rumsfeld attackierte den Iran als den „führenden Förderer von Terrorismus“": words
    quoted in a sentence whose subject is someone who can speak are that subject's words."""
    tokens = [t for t in sentence.tokens if t.end <= span.start]
    subject = as_subject(sentence_subject(sentence.paragraph, tokens))
    if subject is None:
        return _judge_after_verb(sentence, tokens, state)
    set_off_by_role = any(is_role(t.text) for t in tokens[:tokens.index(subject[0])])
    if not (set_off_by_role or can_speak(subject, state)):
        return None
    after = tokens.index(subject[-1]) + 1  # the verb: "Der Vizepräsident, X Y, zeigte sich"
    verb = next((t for j, t in enumerate(tokens[after:], after) if t.text.islower()
                 and t.lower not in ARTICLES | PREPOSITIONS
                 and tokens[j - 1].lower not in ARTICLES), None)  # not "die britische"
    # "Der Aktivist und Träger des „…“", "Das Bündnis sei eine „…“": no judgement; "Die
    # Sichtweise von X, wonach ...": a clause of its own, not a verb
    if verb is None or verb.lower in JOINING | COPULAS | PASSIVE | HAVE | _NOT_VERBS:
        return None
    return attributed(sentence.paragraph, subject, verb.text, state)


_NOT_VERBS = grammar_words("not_verbs")


def _judge_after_verb(sentence: Sentence, tokens: list[Token], state: State
                      ) -> Attribution | None:
    """"In dem Verfahren sieht Osterloh einen „Angriff gegen die Belegschaft“": after an
    opening phrase, a judging verb and who can speak right after it."""
    at = next((i for i, t in enumerate(tokens) if t.lower in speech_lexicon().judging), None)
    if not at:
        return None
    subject = as_subject(mention_after(sentence.paragraph, tokens, at))
    if not subject or not can_speak(subject, state):
        return None
    return attributed(sentence.paragraph, subject, tokens[at].text, state)


def _candidates(sentence: Sentence, state: State) -> list[tuple[int, Attribution]]:
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
        group = verb_group_at(sentence.paragraph, tokens, i) \
            if word in speech_lexicon().participles else None
        if group is not None and is_passive(group):
            # "Die Bevölkerung wurde gewarnt": no speaker, unless "vom Wetterdienst gewarnt"
            speaker = passive_agent(sentence.paragraph, tokens, i, state)
            if speaker:
                found.append((token.start, attributed(sentence.paragraph, speaker, token.text,
                                                       state)))
            continue
        if group is not None and not AUXILIARIES.isdisjoint(group) and \
                not mention_after(sentence.paragraph, tokens, i):
            speaker = clause_subject(sentence.paragraph, tokens, i) or \
                subject_of_perfect(sentence.paragraph, tokens, i)
        elif word in speech_lexicon().infinitives and \
                modal_before(sentence.paragraph, tokens, i) is not None:
            # "Das musste X einräumen", "Die Existenz will X nicht bestätigen": the modal's
            # subject; the words before the infinitive are its object ("lässt Folgendes
            # erklären")
            speaker = modal_subject(sentence.paragraph, tokens, i, state)
        elif is_cue_verb(token, tokens, i):
            # "Die Regierung, schreibt die Zeitung, habe ...": the subject follows the verb
            adjacent = None if verb_in_parenthesis(sentence.paragraph, tokens, i) and \
                mention_after(sentence.paragraph, tokens, i) else \
                as_subject(mention_before(sentence.paragraph, tokens, i))
            before = relative_antecedent(sentence.paragraph, tokens, i) or adjacent or \
                _first_person_before(sentence.paragraph, tokens, i) or \
                _opening_surname(tokens, i, state) or \
                clause_subject(sentence.paragraph, tokens, i) or \
                coordinated_subject(sentence.paragraph, tokens, i, speaker, state) or \
                (subject_of_perfect(sentence.paragraph, tokens, i)  # "hatte X ... verkündet"
                 if perfect_before(sentence.paragraph, tokens, i) else None)
            # right before the verb but inside a fronted phrase ("Nach ... mit Hollande
            # teilte Kerry") it is weak; a subject found by the grammar is not, nor one after
            # a particle ("Auch die Ministerin äußerte Vorbehalte")
            initial = bool(before) and (before is not adjacent
                                        or clause_initial(sentence, before[0])
                                        or after_particle(tokens, before[0]))
            after = mention_after(sentence.paragraph, tokens, i)
            if word in speech_lexicon().quoting:
                after = quoted_one(sentence.paragraph, tokens, i) or after
            speaker = after if after and word in speech_lexicon().quoting else \
                stronger(state, before, as_subject(after), initial, token) or \
                subject_before_phrase(sentence.paragraph, tokens, i)
        elif word in speech_lexicon().participles and not _aside(tokens, i):
            speaker = _first_person_before(sentence.paragraph, tokens, i) or \
                sentence_subject(sentence.paragraph, tokens)
        else:
            continue
        if speaker and not _first_person(speaker):
            found.append((token.start, _as_written(
                sentence.paragraph, tokens, speaker, i,
                attributed(sentence.paragraph, speaker, token.text, state))))
    if has_verb and sentence.quotes:
        found += _quoted_sources(sentence, tokens, state)
    if found and "so" in sentence.words:
        tag = sentence_phrase(sentence, state)  # "X betonte ..., „…“, so Y": Y's words
        if tag and tag.cue == "so":
            found.append((tag.mention_start, tag))
    if found:
        return _colon_before_a_dash(sentence, tokens, state, sorted(found, key=lambda c: c[0]))
    phrase = sentence_phrase(sentence, state) or _of_the_opinion(sentence, state) or \
        _introduced_by_colon(sentence, tokens, state)
    return [(sentence.span.start, phrase)] if phrase else []


def _opening_surname(tokens: list[Token], verb_at: int, state: State) -> list[Token] | None:
    """"Kurz sagte, ...": a word that also opens sentences ("Kurz darauf") before the verb
    is the surname of a person the article names."""
    first = tokens[0]
    if verb_at == 1 and first.text in OPENERS and state.index.find_by_name([first.text]):
        return [first]
    return None


def _first_person_before(paragraph: str, tokens: list[Token], verb_at: int
                         ) -> list[Token] | None:
    """"Ich habe niemandem versprochen, dass ...": "ich" or "wir" in the verb's stretch of
    the sentence before it is the speaker of unmarked speech, not a noun further back."""
    at = verb_at
    while at > 0 and not any(c in ",:;" for c in paragraph[tokens[at - 1].end:tokens[at].start]):
        at -= 1
        if tokens[at].lower in FIRST_PERSON:
            return [tokens[at]]
    return None


def _first_person(speaker: list[Token]) -> bool:
    return len(speaker) == 1 and speaker[0].lower in FIRST_PERSON


FIRST_PERSON = grammar_words("first_person")


def _of_the_opinion(sentence: Sentence, state: State) -> Attribution | None:
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
        subject = as_subject(sentence_subject(sentence.paragraph, tokens[:at]))
    if not subject or speaker_strength(subject, state) < 2:
        return None
    return attributed(sentence.paragraph, subject, f"{opinion[verb]} {opinion[noun]}", state)


def _as_written(paragraph: str, tokens: list[Token], speaker: list[Token], cue_at: int,
                attribution: Attribution) -> Attribution:
    """The mention at the cue as written: the relative pronoun after its antecedent ("Arturo
    Arauz, der ... sagte": "der"), like a personal pronoun; the speaker stays the antecedent."""
    after = tokens.index(speaker[-1]) + 1
    if after < cue_at and tokens[after].lower in RELATIVES and \
            paragraph[speaker[-1].end:tokens[after].start] == ", " and \
            not opens_subject(tokens[after + 1]):
        return replace(attribution, mention=tokens[after].text, mention_start=tokens[after].start)
    return attribution


def _parenthesised(sentence: Sentence, token: Token) -> bool:
    before = sentence.paragraph[sentence.span.start:token.start]
    opening = before.rfind("(")
    return opening >= 0 and ")" not in before[opening:] and \
        ")" in sentence.paragraph[token.end:sentence.span.end]


def _quoted_sources(sentence: Sentence, tokens: list[Token], state: State
                    ) -> list[tuple[int, Attribution]]:
    """„…“, schrieb (die) „Die Zeit“: a publication in quotation marks right after a speech
    verb."""
    found = []
    for i, token in enumerate(tokens):
        if not is_cue_verb(token, tokens, i):
            continue
        follows = next((q for q in sentence.quotes if q.start >= token.end
                        and sentence.paragraph[token.end:q.start].strip() in ("", "die", "das")),
                       None)  # (not "der": "sagte der „Berliner Zeitung“" is said to it)
        if follows and looks_like_name(sentence.paragraph, follows):
            name = sentence.paragraph[follows.start + 1:follows.end - 1]
            found.append((token.start, Attribution(token.text, name, follows.start + 1,
                                                    Resolved(name, "organization"))))
    return found


def _colon_before_a_dash(sentence: Sentence, tokens: list[Token], state: State,
                         found: list[tuple[int, Attribution]]) -> list[tuple[int, Attribution]]:
    """"Obama: „Sieg für Sicherheit“ – Republikaner kündigen Widerstand an": a headline's
    quotation is the words of the name before its colon; the cue after the dash is another
    statement's."""
    if not sentence.quotes:
        return found
    dash = sentence.paragraph.find(" – ", sentence.quotes[0].end, sentence.span.end)
    if dash < 0 or any(position < dash for position, _ in found):
        return found
    colon = _introduced_by_colon(sentence, tokens, state)
    return [(sentence.span.start, colon)] if colon else found


_COLON_HEAD_MAX = 24  # words: "Ali bekannte sich in ihrer Rede ... zu einem Dialog:"


def _introduced_by_colon(sentence: Sentence, tokens: list[Token], state: State
                         ) -> Attribution | None:
    """"Erkki Tuomioja, Präsident des Rats der EU: „…“": a name before the colon, no verb."""
    first = sentence.quotes[0] if sentence.quotes else None
    if first is None or char_before(sentence.paragraph, first.start, sentence.span.start) != ":":
        return None
    head = [t for t in tokens if t.end <= first.start]
    if not head or len(head) > _COLON_HEAD_MAX:
        return None
    subject = main_subject(sentence.paragraph, head)
    cites = not speech_lexicon().cue_words.isdisjoint(t.lower for t in head)
    if subject is None or (speaker_strength(subject, state) < 2 and not cites):
        return None  # "Die Lage ist klar: „…“" names nobody who speaks
    return attributed(sentence.paragraph, subject, ":", state)


def _impersonal(sentence: Sentence, state: State) -> Attribution | None:
    """"hieß es (aus dem Auswärtigen Amt / in dem Schreiben)": the source, if named, else the
    last organisation."""
    if not speech_lexicon().any_impersonal.search(sentence.text):
        return None
    for phrase in speech_lexicon().impersonal:
        if re.search(rf"\b{phrase}\b", sentence.text):
            tokens = sentence.tokens
            source = _impersonal_source(sentence.paragraph, tokens, phrase)
            found = mention_after(sentence.paragraph, tokens, source) \
                if source is not None else None
            if found:
                return attributed(sentence.paragraph, found, phrase, state)
            return Attribution(phrase, None, -1, _impersonal_speaker(state))
    return None


_SOURCE_PLACES = grammar_words("source_places")

_SOURCE_REACH = 4  # words: "hieß es am Montag aus Brüssel"


def _impersonal_source(paragraph: str, tokens: list[Token], phrase: str) -> int | None:
    """Where "heißt es" says the words come from: a phrase soon after it in its clause
    ("heißt es in einer Erklärung", "hieß es am Montag aus Brüssel"), else an "aus/in/im/auf"
    that opens the sentence ("Im Schreiben des Ministers heißt es", "Auch in Berlin hieß es";
    not "So heißt es, ... habe die Namen im Internet veröffentlicht")."""
    words = phrase.split()
    at = next((i for i in range(len(tokens) - len(words) + 1)
               if [t.text for t in tokens[i:i + len(words)]] == words), len(tokens))
    places = []
    for i in range(at + len(words), min(at + len(words) + _SOURCE_REACH + 2, len(tokens))):
        if CLAUSE_BREAK.search(paragraph, tokens[i - 1].end, tokens[i].start):
            break  # "Im RH-Bericht heißt es dazu: In Hinblick auf ..."
        if tokens[i].text in _SOURCE_PLACES:
            places.append(i)
    # "hieß es in Brüssel aus der EU-Kommission": "aus" says who, "in" only where
    who = next((i for i in places if tokens[i].text == "aus"), None)
    near = next((i for i in places if i < at + len(words) + _SOURCE_REACH), None)
    if who is not None or near is not None:
        return who if who is not None else near
    for i, token in enumerate(tokens[:at]):
        if token.lower in _SOURCE_PLACES:
            return i
        if token.text not in OPENERS:
            return None
    return None


def _impersonal_speaker(state: State) -> Resolved:
    if state.last and state.last.resolved.speaker_type == "organization":
        return state.last.resolved
    return Resolved(None, "unknown")


def is_cue_verb(token: Token, tokens: list[Token], i: int) -> bool:
    lex = speech_lexicon()
    word = token.lower
    if word not in lex.verbs or (token.text[:1].isupper() and i > 0) or \
            _possessive_before_noun(tokens, i) or _aside(tokens, i):
        return False
    particle = lex.particles.get(word)
    if particle is None:
        return True
    if i and (particle.fullmatch(tokens[i - 1].text) or (
            particle.fullmatch(tokens[0].lower) and tokens[0].lower not in
            lex.separable_prefixes)):  # (not "Zu meiner Zeit gab es ...")
        return True  # verb last ("wie die Polizei bekannt gab"), or "Von X sprach Y"
    after = []
    for t in tokens[i + 1:i + _PARTICLE_REACH]:
        if t.lower in _CLAUSE_OPENERS:
            break  # "Es gibt einen Bezug, ..., ob es einen Bezug zu X gibt": not "zugeben"
        after.append(t.text)
    text = " ".join(after)
    return any(not _infinitive_marker(found, text) for found in particle.finditer(text))


def _infinitive_marker(found: re.Match[str], text: str) -> bool:
    """A "zu" found alone before a lower-case verb form in -en/-n is the infinitive's ("gibt
    ... ein Werkzeug, um sie zu berechnen" is no "gab zu"; but "gab zu bedenken", "gab zu
    verstehen" are cues, their phrase found whole or "bedenken" kept)."""
    following = text[found.end():].split()[:1]
    return found[0] == "zu" and bool(following) and following[0].islower() and \
        following[0].endswith("n") and following[0] != "bedenken"


_CLAUSE_OPENERS = grammar_words("particle_barriers")
_POSSESSIVE_SPELLINGS = grammar_words("possessive_spellings")


_ASIDE_WORDS = grammar_words("aside_words")


def _aside(tokens: list[Token], i: int) -> bool:
    """"sie vertritt wie berichtet die Meinung", "Oder anders gesagt:": a participle right
    after "wie" or such an adverb is an aside of the reporter's, no one's cue."""
    return i > 0 and tokens[i - 1].lower in _ASIDE_WORDS and \
        tokens[i].lower in speech_lexicon().clause_participles


def _possessive_before_noun(tokens: list[Token], i: int) -> bool:
    """"in meinen Seminaren", "meine großen Sorgen": a possessive, not "meinen" (to opine)."""
    if tokens[i].lower not in _POSSESSIVE_SPELLINGS:
        return False
    following = tokens[i + 1:i + 3]
    return bool(following) and (following[0].text[:1].isupper() or (
        len(following) == 2 and following[0].text.islower() and
        following[0].lower not in ARTICLES and following[0].lower.endswith(("e", "en"))
        and following[1].text[:1].isupper()))  # (not "meinen die Wächter")


def sentence_phrase(sentence: Sentence, state: State) -> Attribution | None:
    """_phrase_attribution of a sentence, tokenised only if all words of a phrase are in it."""
    lex = speech_lexicon()
    words = sentence.words
    if not words.isdisjoint(lex.speaker_before) or any(
            words.issuperset(parts) for word in words.intersection(lex.speaker_after)
            for parts, _ in lex.speaker_after[word]):
        return _phrase_attribution(sentence.paragraph, sentence.tokens, state)
    return None


def _phrase_attribution(paragraph: str, tokens: list[Token], state: State
                        ) -> Attribution | None:
    lex = speech_lexicon()
    words = [t.lower for t in tokens]
    for i in range(len(tokens)):
        for parts, phrase in lex.speaker_after.get(words[i], ()):
            if tuple(words[i:i + len(parts)]) != parts:
                continue
            if parts == ("so",) and not _so_names(paragraph, tokens, i):
                continue
            found = mention_after(paragraph, tokens, i + len(parts) - 1)
            if found:
                return attributed(paragraph, found, phrase, state)
        if words[i] in lex.speaker_before and i > 0:
            found = mention_before(paragraph, tokens, i)
            if found:
                return _attributed_before(paragraph, tokens, found, i, state)
    return None


def _attributed_before(paragraph: str, tokens: list[Token], found: list[Token], cue_at: int,
                       state: State) -> Attribution:
    """"X zufolge": X speaks, or for "eigenen Angaben zufolge" the subject (the mention stays
    as written)."""
    cue = tokens[cue_at].text
    if not found[0].lower.startswith("eigen"):
        return attributed(paragraph, found, cue, state)
    first = next(i for i, t in enumerate(tokens) if t is found[0])
    subject = own_subject(paragraph, tokens, first, cue_at)
    if not subject:
        return attributed(paragraph, found, cue, state)
    mention = paragraph[found[0].start:found[-1].end]
    return replace(attributed(paragraph, subject, cue, state), mention=mention,
                   mention_start=found[0].start)


def _so_names(paragraph: str, tokens: list[Token], at: int) -> bool:
    """"„…“, so der Sprecher", ", so Obama": "so" after a comma before a name or a noun
    phrase, not "so groß wie", nor a verb after it (", so wurde der Hafen geschlossen",
    "Wird ..., so werden die Ausgaben ...") unless a speech verb ("so schätzen die Forscher")."""
    if char_before(paragraph, tokens[at].start, 0) not in (",", "“", "«", "»") or \
            at + 1 >= len(tokens):
        return False  # (also right after a closing mark: "„…“ so das Fazit")
    following = tokens[at + 1]
    return not following.text.islower() or following.lower in ARTICLES or \
        following.lower in LATTER or following.lower in speech_lexicon().verbs


_PARTICLE_REACH = 40  # words after a separable verb in which its particle may stand
