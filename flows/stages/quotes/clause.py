"""The grammar of the cue's clause: its subject, verb group, passive agent, perfect and modal."""

from __future__ import annotations

from flows.stages.entities import ARTICLES, PRONOUNS, is_capitalised, lexicon
from flows.stages.quotes.grammar import grammar_words
from flows.stages.quotes.lexicon import is_reported
from flows.stages.quotes.mentions import (
    CLAUSE_BREAK,
    CLAUSE_WORDS,
    GENITIVE_ARTICLES,
    NOT_NOMINATIVE,
    OPENERS,
    OPENING_SUBORDINATORS,
    PREPOSITIONS,
    RELATIVES,
    as_subject,
    joined,
    main_subject,
    mention_after,
    mention_before,
    sentence_subject,
)
from flows.stages.quotes.resolution import can_speak, speaker_strength, stronger
from flows.stages.quotes.sentence import Sentence, State, Token, char_before


def quoted_one(paragraph: str, tokens: list[Token], cue_at: int) -> list[Token] | None:
    """"„…“, zitiert Welt-Online den Minister", "zitierte man Yolanda Alvarez": who is
    quoted is the object after the one who quotes."""
    at = cue_at + 1
    if at < len(tokens) and tokens[at].lower == "man":
        return mention_after(paragraph, tokens, at)
    medium = mention_after(paragraph, tokens, cue_at)
    if not medium or medium[0].lower in NOT_NOMINATIVE:
        return None
    end = tokens.index(medium[-1])
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    if following is None or following.lower not in ("den", "die", "einen", "eine"):
        return None
    return mention_after(paragraph, tokens, end)


def coordinated_subject(paragraph: str, tokens: list[Token], cue_at: int,
                         earlier: list[Token] | None, state: State) -> list[Token] | None:
    """"Er rief die Polizei und teilte mit, ...", "Er wollte sich nicht festlegen, sagte
    aber, ...": the second verb shares the subject of the first: the speaker of an earlier
    cue in the sentence, else the phrase it opens with."""
    if cue_at == 0:
        return None
    if tokens[cue_at - 1].lower in ("und", "sowie", "aber"):
        return earlier or main_subject(paragraph, tokens)
    if paragraph[tokens[cue_at - 1].end:tokens[cue_at].start] != ", " or \
            mention_after(paragraph, tokens, cue_at) or \
            is_reported(paragraph[tokens[0].start:tokens[cue_at].start], allow_k2=True):
        return None  # "Andere hätten sich verkalkuliert, sagt Kurz": what is said
    subject = earlier or main_subject(paragraph, tokens)  # "X wollte ..., sagte aber, ..."
    named = subject and subject[0].lower not in PRONOUNS and speaker_strength(subject, state) > 1
    return subject if named else None  # not "Ich lebe hier, sagt ..." (no quotation marks)


AUXILIARIES = grammar_words("auxiliaries")

HAVE = grammar_words("have_forms")

COPULAS = grammar_words("copulas")

PASSIVE = grammar_words("passive_forms")

_MODALS = grammar_words("modals")


def clause_initial(sentence: Sentence, token: Token) -> bool:
    """The token opens the sentence or a clause (after a comma, colon or quotation)."""
    before = char_before(sentence.paragraph, token.start, sentence.span.start)
    return before is None or before in ".,:;„“\"»«–-("  # "." also: "eingefroren.Washington"


_SUBORDINATORS = grammar_words("subordinators")


def clause_subject(paragraph: str, tokens: list[Token], cue_at: int) -> list[Token] | None:
    """"Wie der Finanzminister am Dienstag in Hannover erklärte, ...", "die Marke, die Gerhard
    Schröder zum Erfolgskriterium erklärt hatte": in a subordinate clause the verb stands last
    and the subject right after the word that opens the clause."""
    if not _verb_last(paragraph, tokens, cue_at):
        return None  # "Als Grund nannte die NASA, ...": a main clause
    for j in range(cue_at - 1, max(-1, cue_at - CLAUSE_WORDS), -1):
        if "," in paragraph[tokens[j].end:tokens[j + 1].start]:
            return None  # the clause starts after this comma
        relative = tokens[j].lower in RELATIVES and j > 0 and \
            paragraph[tokens[j - 1].end:tokens[j].start].startswith(",")
        if relative and not opens_subject(tokens[j + 1]):
            return mention_before(paragraph, tokens, j)  # "X, die ihn bestätigte", "dem
            # Beispiel des Abgeordneten X folgen, der erklärt hat": the antecedent, any case
        if tokens[j].lower == "als" and (j + 1 == cue_at or any(
                t.lower in AUXILIARIES for t in tokens[_clause_start(paragraph, tokens, j):j])):
            continue  # "weil X Georgien als „…“ bezeichnet hat", "X hat die Aberkennung als
            # Schande kritisiert": "als" says what as, it opens no clause
        if relative or tokens[j].lower in _SUBORDINATORS | OPENING_SUBORDINATORS:
            if tokens[j + 1].lower in NOT_NOMINATIVE or tokens[j + 1].text in PREPOSITIONS \
                    or any(t.lower in AUXILIARIES for t in tokens[j + 1:cue_at]):
                return None  # "als seinen Nachfolger"; "Als Ziel hatte X erklärt": a main clause
            return as_subject(sentence_subject(paragraph, tokens[j + 1:cue_at]))
    return None


def relative_antecedent(paragraph: str, tokens: list[Token], cue_at: int
                        ) -> list[Token] | None:
    """"Lorenz, die für ihre Mandantin 11.200 Euro Schmerzengeld fordert": a relative clause
    whose pronoun is its subject (no subject phrase after it) speaks for the noun before it,
    whatever stands right before the verb."""
    if not _verb_last(paragraph, tokens, cue_at):
        return None
    for j in range(cue_at - 1, max(0, cue_at - CLAUSE_WORDS), -1):
        if "," in paragraph[tokens[j].end:tokens[j + 1].start]:
            return None
        if tokens[j].lower in RELATIVES and \
                paragraph[tokens[j - 1].end:tokens[j].start].startswith(","):
            antecedent = None if opens_subject(tokens[j + 1]) else \
                mention_before(paragraph, tokens, j)
            return _genitive_last(antecedent)
    return None


def _genitive_last(phrase: list[Token] | None) -> list[Token] | None:
    """"den Status eines Bürgers, der ...": the relative pronoun means the genitive's noun,
    the nearest."""
    if not phrase:
        return phrase
    genitive = next((k for k in range(len(phrase) - 1, 0, -1)
                     if phrase[k].lower in GENITIVE_ARTICLES), None)
    return phrase[genitive:] if genitive is not None else phrase


def _verb_last(paragraph: str, tokens: list[Token], at: int) -> bool:
    """The verb ends its clause (or only an auxiliary follows: "erklärt hatte")."""
    if at + 1 == len(tokens) or tokens[at + 1].lower in AUXILIARIES:
        return True
    return bool(CLAUSE_BREAK.search(paragraph, tokens[at].end, tokens[at + 1].start))


_PHRASE_WORDS = 6


def subject_before_phrase(paragraph: str, tokens: list[Token], cue_at: int
                           ) -> list[Token] | None:
    """"Das Exilparlament im indischen Dharamshala erklärte": the subject that opens the
    sentence, with a short prepositional phrase between it and the verb."""
    subject = as_subject(sentence_subject(paragraph, tokens[:cue_at]))
    if not subject or tokens[0] is not subject[0]:
        return None
    rest = tokens[tokens.index(subject[-1]) + 1:cue_at]
    if not rest or rest[0].text not in PREPOSITIONS or len(rest) > _PHRASE_WORDS:
        return None
    return subject


def opens_subject(token: Token) -> bool:
    """A word that can open a noun phrase in the nominative."""
    return (is_capitalised(token.text) or token.lower in ARTICLES) and \
        token.lower not in NOT_NOMINATIVE


def after_particle(tokens: list[Token], token: Token) -> bool:
    """The token follows a sentence-opening particle that is not a preposition ("Auch")."""
    return len(tokens) > 1 and tokens[1] is token and tokens[0].text in OPENERS and \
        tokens[0].lower not in PREPOSITIONS


_VERB_REACH = 12  # words before a participle in which its auxiliary may stand


def _clause_start(paragraph: str, tokens: list[Token], i: int) -> int:
    """Where token i's clause begins (after a comma), at most _VERB_REACH words before it."""
    start = i
    while start > max(0, i - _VERB_REACH) and "," not in paragraph[tokens[start - 1].end:
                                                                   tokens[start].start]:
        start -= 1
    return start


def verb_group_at(paragraph: str, tokens: list[Token], i: int) -> set[str]:
    """The words of token i's clause before it and the auxiliaries right after it
    ("angekündigt hatte", "ergänzt werde")."""
    start = _clause_start(paragraph, tokens, i)
    end = i + 1
    while end < min(len(tokens), i + 3) and tokens[end].lower in AUXILIARIES | PASSIVE and \
            joined(paragraph, tokens[end - 1], tokens[end]):
        end += 1
    return {t.lower for t in tokens[start:i] + tokens[i + 1:end]}


def is_passive(verb_group: set[str]) -> bool:
    """"wurde/wird ... gewarnt" in the same clause, without "hat/hatte": a passive (not "Dass
    sie gestattet worden war, erklärt X")."""
    return HAVE.isdisjoint(verb_group) and not PASSIVE.isdisjoint(verb_group)


_AGENT = grammar_words("agent_prepositions")


def passive_agent(paragraph: str, tokens: list[Token], i: int, state: State
                   ) -> list[Token] | None:
    """Who speaks in a passive: "wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft",
    "von der Polizei gewarnt"; only someone who can speak (not "Von einer hohen Brandgefahr
    wird berichtet"), and not a name's "von" ("Ursula von der Leyen")."""
    for j in range(_clause_start(paragraph, tokens, i), i - 1):
        if tokens[j].text not in _AGENT or \
                (j and tokens[j - 1].text in lexicon().first_names):
            continue
        agent = mention_after(paragraph, tokens, j)
        if agent and can_speak(agent, state):
            return agent
    return None


def perfect_before(paragraph: str, tokens: list[Token], i: int) -> bool:
    """"hat/hatte ... verkündet": active (a passive "wird ... bezeichnet" has no speaker)."""
    return not HAVE.isdisjoint(verb_group_at(paragraph, tokens, i))


def subject_of_perfect(paragraph: str, tokens: list[Token], participle: int
                        ) -> list[Token] | None:
    """"X hatte ... betont", or after an opening phrase the subject follows the auxiliary:
    "Als Erfolgskriterium hatte Gerhard Schröder erklärt". After a colon the clause starts
    anew ("Zu Kontrollen sage er Ja: Ich habe niemandem versprochen, dass ...")."""
    colon = next((j for j in range(participle, 0, -1)
                  if ":" in paragraph[tokens[j - 1].end:tokens[j].start]), None)
    if colon:
        return subject_of_perfect(paragraph, tokens[colon:], participle - colon)
    aux = next((j for j in range(participle - 1, -1, -1)
                if tokens[j].lower in AUXILIARIES | _MODALS), None)
    if aux and paragraph[tokens[aux - 1].end:tokens[aux].start].startswith(","):
        # "Sie wisse, dass ..., hatte Koch-Mehrin damals gesagt": the subject follows (not
        # after an apposition: "Der Sprecher, Max Muster, hatte betont")
        after = as_subject(mention_after(paragraph, tokens, aux))
        if after:
            return after
    opening = sentence_subject(paragraph, tokens) if participle else None  # not "Berichtet"
    if tokens and (tokens[0].text in OPENERS or opening is None):
        # "Das musste Peer Steinbrück einräumen", "Aktuell lässt sie dort erklären"
        aux = next((j for j in range(participle) if tokens[j].lower in AUXILIARIES | _MODALS),
                   None)
        after = as_subject(mention_after(paragraph, tokens, aux)) if aux is not None else None
        if after:
            return after
    return opening


def modal_before(paragraph: str, tokens: list[Token], i: int) -> int | None:
    """The modal verb earlier in the infinitive's clause, however far ("Das musste X zu
    Beginn der Debatte über den Haushalt einräumen")."""
    for j in range(i - 1, -1, -1):
        if tokens[j].lower in _MODALS:
            return j
        if "," in paragraph[tokens[j].end:tokens[j + 1].start]:
            return None
    return None


def modal_subject(paragraph: str, tokens: list[Token], infinitive: int, state: State
                   ) -> list[Token] | None:
    """Who speaks with a modal verb: the phrase that opens the sentence or the one after
    the modal, whichever names someone ("Die Existenz will X nicht bestätigen")."""
    modal = modal_before(paragraph, tokens, infinitive)
    after = as_subject(mention_after(paragraph, tokens, modal))
    opening = as_subject(sentence_subject(paragraph, tokens[:modal]))
    if opening and opening[0] is not tokens[0]:
        opening = None  # the phrase after an opening word ("Aktuell lässt sie")
    return stronger(state, opening, after)
