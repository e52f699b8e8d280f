"""Noun phrases next to a cue: the speaker mention after or before it, its apposed name, and
whether a phrase can be a subject."""

from __future__ import annotations

import re

from flows.stages.entities import (
    ARTICLES,
    NAME_PARTICLES,
    PRONOUNS,
    country_of,
    is_capitalised,
    is_role,
    lexicon,
)
from flows.stages.quotes.grammar import grammar_table, grammar_words
from flows.stages.quotes.lexicon import speech_lexicon
from flows.stages.quotes.sentence import Token
from flows.stages.temporal import MONTHS, WEEKDAYS, may_have_time

MAX_NAME_WORDS = 5

# Full names only: "Jan" is a first name as often as January.
_CALENDAR_WORDS = {w.capitalize() for w in (*WEEKDAYS, *MONTHS) if len(w) > 4} | {
    "Minuten", "Stunden", "Tage", "Tagen", "Wochen", "Monate", "Monaten", "Jahre", "Jahren"}

# Capitalised words that open a sentence without being part of who speaks.
OPENERS = grammar_words("openers")

_FILLERS = grammar_words("fillers")
_FILLER_PHRASES = tuple(tuple(p.split()) for p in grammar_words("filler_phrases"))


def _filler_phrase_at(tokens: list[Token], at: int) -> int:
    """The length of a phrase of two words that stands between a verb and its subject ("vor
    allem", "unter anderem") at `at`, else 0."""
    words = tuple(t.lower for t in tokens[at:at + 2])
    return 2 if words in _FILLER_PHRASES else 0
_NOT_SPEAKERS = grammar_words("not_speakers")
_OPENING_VERBS = frozenset(grammar_words("auxiliaries"))  # a verb first: "Hatte X doch ..."

CLAUSE_WORDS = 15
# A noun phrase is read at most this far from where it starts: no speaker is named in more
# words, and each cue reads a bounded stretch however long its sentence is.
MAX_PHRASE_WORDS = 12

RELATIVES = grammar_words("relatives")

CLAUSE_BREAK = re.compile(r"[,.;:!?„“\"»«()–]")


def sentence_subject(paragraph: str, tokens: list[Token]) -> list[Token] | None:
    """The noun phrase a sentence opens with ("Der französische Staatschef hatte ... gesagt")."""
    group: list[Token] = []
    tokens = _after_dateline(paragraph, tokens)
    for token in tokens[:MAX_PHRASE_WORDS]:
        if group and not joined(paragraph, group[-1], token):
            break
        if not _extends(group, token) or (group and _object_after(group[-1], token)):
            break
        group.append(token)
    return _apposed_name(paragraph, tokens, group) or _valid_speaker(group)


def _after_dateline(paragraph: str, tokens: list[Token]) -> list[Token]:
    """The tokens after a dateline that opens the sentence ("Hollywood – Der Schauspieler ...",
    "Wien (APA) – Die Polizei ..."): where the news comes from is not who speaks."""
    for k in range(1, min(len(tokens), _DATELINE_WORDS + 1)):
        gap = paragraph[tokens[k - 1].end:tokens[k].start]
        if gap.rstrip().endswith(("–", "—")) and gap.startswith((" ", ")")):
            dateline = all(t.text[:1].isupper() for t in tokens[:k + 1])
            return tokens[k:] if dateline else tokens  # not "Demirtas – dem die ... –"
    return tokens


_DATELINE_WORDS = 4


def _object_after(noun: Token, token: Token) -> bool:
    """An article not in the genitive after a noun opens a new phrase ("dass Mindermann das
    Mädchen gefragt habe", not "Die Bewohner des Dorfes")."""
    return _names(noun) and noun.text not in OPENERS and \
        token.lower in ARTICLES - GENITIVE_ARTICLES


_APPOSITION_WORDS = 4


def _apposed_name(paragraph: str, tokens: list[Token], group: list[Token]
                  ) -> list[Token] | None:
    """"Der Vizepräsident des OK, Wolfgang Niersbach, zeigte sich ...": the name set off by
    commas after a role is who the sentence is about."""
    if not group or not any(is_role(t.text) for t in group):
        return None
    start = len(group)
    if start >= len(tokens) or paragraph[group[-1].end:tokens[start].start] != ", ":
        return None
    name: list[Token] = []
    for token in tokens[start:start + _APPOSITION_WORDS + 1]:
        if name and paragraph[name[-1].end:token.start] == ", ":
            return name if all(is_capitalised(t.text) or NAME_PARTICLES.match(t.text)
                               for t in name) and not is_role(name[0].text) else None
        if name and not joined(paragraph, name[-1], token):
            return None
        name.append(token)
    return None


# "„…“, so letztere": the person named last (by the ending, a woman or a man)
LATTER = grammar_table("latter")


def _np_token(token: Token) -> bool:
    word = token.text
    return (is_capitalised(word) or word.lower() in ARTICLES or bool(NAME_PARTICLES.match(word))
            or (word.islower() and word.endswith(("e", "en", "er", "es", "em")))
            or is_capitalised(word.rsplit("-", 1)[-1]))  # "die documenta-Homepage"


def _extends(group: list[Token], token: Token) -> bool:
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


def _names(token: Token) -> bool:
    """A capitalised word, a name with a particle ("el-Baradei") or a compound noun with a
    lower-case first part ("ai-Bericht")."""
    return is_capitalised(token.text) or bool(NAME_PARTICLES.match(token.text)) or \
        is_capitalised(token.text.rsplit("-", 1)[-1])


def joined(paragraph: str, left: Token, right: Token) -> bool:
    """Words of one phrase: a space or a hyphen between them, or the opening mark of a quoted
    name ("die „Süddeutsche Zeitung“": in sentences whose quoted names are not masked)."""
    return paragraph[left.end:right.start] in (" ", "-", " „")


def mention_after(paragraph: str, tokens: list[Token], cue_at: int) -> list[Token] | None:
    group: list[Token] = []
    start = cue_at + 1
    while start < len(tokens) and start <= cue_at + 3:
        phrase = _filler_phrase_at(tokens, start)
        if phrase:  # "hatte sich vor allem Mozilla beschwert"
            start += phrase
        elif tokens[start].text in _FILLERS:
            start += 1  # "äußerte sich der ...", "sagte jedoch der ..."
        else:
            break
    if start < len(tokens) and not joined(paragraph, tokens[start - 1], tokens[start]):
        return None  # "erklärte, ihr Land ...": a clause follows, not who speaks
    attribute = _extended_attribute(paragraph, tokens, start)
    if attribute is not None:
        group, start = [tokens[start]], attribute
    elif start < len(tokens) and tokens[start].text in PREPOSITIONS:
        # "sagten mit dem Vorgang vertraute Personen": no article before the attribute
        attribute = _extended_attribute(paragraph, tokens, start, bare=True)
        start = start if attribute is None else attribute
    for at in range(start, min(len(tokens), start + MAX_PHRASE_WORDS)):
        token = tokens[at]
        if group and not joined(paragraph, tokens[at - 1], token):
            break
        if (token.lower in PRONOUNS or token.lower in LATTER) and not group:
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
    return _name_apposed_to(paragraph, tokens, group) or _valid_speaker(group, opens=False)


def _name_apposed_to(paragraph: str, tokens: list[Token], group: list[Token]
                     ) -> list[Token] | None:
    """"sagte der Sprecher von Präsident Wladimir Putin, Dmitri Peskow, am Freitag": a role
    phrase and the name set off after it by commas; the name speaks."""
    if not group or not any(is_role(t.text) for t in group):
        return None
    start = tokens.index(group[-1]) + 1
    if start >= len(tokens) or paragraph[group[-1].end:tokens[start].start] != ", ":
        return None
    end = start
    while end < len(tokens) and end - start < MAX_NAME_WORDS and _names(tokens[end]) and \
            (end == start or joined(paragraph, tokens[end - 1], tokens[end])):
        end += 1
    name = tokens[start:end]
    closed = end == len(tokens) or \
        CLAUSE_BREAK.search(paragraph, tokens[end - 1].end, tokens[end].start) if name else False
    named = len(name) > 1 or (bool(name) and name[0].text in lexicon().first_names)
    if not (closed and named) or any(is_role(t.text) for t in name):
        return None
    return name


def _new_phrase(group: list[Token], token: Token) -> bool:
    """An article after a name opens a new phrase, unless a genitive ("Sprecherin der ...")
    or a name's particles ("Van der Bellen")."""
    return bool(group) and token.lower in ARTICLES and _names(group[-1]) and \
        not (_takes_genitive(group[-1]) and token.lower in GENITIVE_ARTICLES) and \
        not (is_capitalised(group[-1].text) and NAME_PARTICLES.match(group[-1].lower))


def _particle_before_word(tokens: list[Token], at: int) -> bool:
    """"der Polizei zu kleineren Rangeleien"; "Peer Steinbrück zu Beginn" ("zu" joins a
    name only after a first name: "Karl-Theodor zu Guttenberg")."""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    word = tokens[at].text
    if word == "zu" and at and tokens[at - 1].text not in lexicon().first_names:
        return True
    return bool(NAME_PARTICLES.match(word)) and "-" not in word and word not in ARTICLES \
        and following is not None and following.text.islower() and \
        not NAME_PARTICLES.match(following.text)


def _after_particle_name(group: list[Token], token: Token) -> bool:
    """"das Nachrichtenportal al-Arabiya unter Berufung ...": the name ends the phrase."""
    return "-" in group[-1].text and bool(NAME_PARTICLES.match(group[-1].text)) and \
        token.text.islower()


def _coordinates(group: list[Token], tokens: list[Token], at: int) -> bool:
    """"und" between two phrases that open with an article: two speakers."""
    return bool(group) and tokens[at].lower == "und" and group[0].lower in ARTICLES and \
        at + 1 < len(tokens) and tokens[at + 1].lower in ARTICLES


def _takes_genitive(token: Token) -> bool:
    """"die Sprecherin der Stadt", "laut einer Mitteilung des WFP", "die Hälfte der
    Befragten", "aus dem Büro des Präsidenten": the genitive names whose."""
    return is_role(token.text) or token.lower.endswith(speech_lexicon().source_endings) or \
        token.text in SHARE_NOUNS or token.text in OFFICE_NOUNS


def _extended_attribute(paragraph: str, tokens: list[Token], at: int, bare: bool = False
                        ) -> int | None:
    """"die in New York City geborene Lopez": after an article, a prepositional phrase and
    the participle that it belongs to; where the participle stands, the phrase goes on.
    `bare`: a plural without article, the phrase opening at `at` ("mit dem Vorgang vertraute
    Personen")."""
    if bare:  # the phrase has a noun of its own before the participle, unlike "vor einem
        end = _attribute_end(paragraph, tokens, at + 1)  # populistischen Wahlkampf"
        return end if end is not None and any(
            t.text[:1].isupper() for t in tokens[at + 1:end]) else None
    if at + 1 >= len(tokens) or tokens[at].lower not in ARTICLES:
        return None
    opening = tokens[at + 1]
    if opening.text.islower() and opening.lower not in ARTICLES | PREPOSITIONS:
        # one adverb: "einer gestern verbreiteten Erklärung"
        return at + 2 if _participle_before_noun(paragraph, tokens, at + 2) and \
            joined(paragraph, tokens[at], opening) else None
    if not (opening.text in PREPOSITIONS or opening.lower in ARTICLES):
        return None  # "die in New York City geborene", "die das Unglück überlebende"
    return _attribute_end(paragraph, tokens, at + 2)


def _attribute_end(paragraph: str, tokens: list[Token], first: int) -> int | None:
    for j in range(first, min(first - 2 + _ATTRIBUTE_WORDS, len(tokens) - 1)):
        if re.search(r"[,.;:]", paragraph[tokens[j - 1].end:tokens[j].start]):
            return None
        if _participle_before_noun(paragraph, tokens, j):
            return j
    return None


def _participle_before_noun(paragraph: str, tokens: list[Token], j: int) -> bool:
    if j + 1 >= len(tokens):
        return False
    word = tokens[j]
    return word.text.islower() and word.lower not in ARTICLES and \
        word.lower.endswith(("e", "en")) and _names(tokens[j + 1]) and \
        joined(paragraph, word, tokens[j + 1])


_ATTRIBUTE_WORDS = 9


def mention_before(paragraph: str, tokens: list[Token], cue_at: int, in_phrase: bool = False
                   ) -> list[Token] | None:
    """The speaker's mention that ends right before the cue; `in_phrase`: also one a
    preposition opens ("für die Mitterlehner-Aussage, wonach ...")."""
    if cue_at >= 2 and tokens[cue_at - 2].text in ("in", "aus") and \
            tokens[cue_at - 1].text in lexicon().place_to_country:
        cue_at -= 2  # skip a place ("das Auswärtige Amt in Berlin äußerte")
    cue_at = _before_relative_clause(paragraph, tokens, _before_parenthesis(paragraph, tokens,
                                                                              cue_at))
    if cue_at >= 2 and tokens[cue_at - 1].text in _FILLERS and \
            joined(paragraph, tokens[cue_at - 1], tokens[cue_at]):
        cue_at -= 1  # "Die Volkshilfe wiederum rief dazu auf"
    age = tokens[cue_at - 1].text if cue_at >= 2 else ""
    if age.isdigit() and paragraph[tokens[cue_at - 2].end:tokens[cue_at].start] == f", {age}, ":
        cue_at -= 1  # "Alice Kakamara, 30, beschrieb"
    start = cue_at
    for token in reversed(tokens[max(0, cue_at - MAX_PHRASE_WORDS):cue_at]):
        if start < cue_at and not joined(paragraph, token, tokens[start]):
            break
        if token.lower in PRONOUNS and start == cue_at:
            return [token]
        if not _np_token(token) or (start < cue_at and _ends_phrase(token, tokens[start])) or \
                (in_phrase and may_have_time(token.text)):
            break  # ("bestätigte am Freitagnachmittag Berichte, wonach": not the time)
        start -= 1
    if start >= 2 and tokens[start - 1].lower in _TRUNCATION_JOINERS and \
            tokens[start - 2].text.endswith("-"):
        start -= 2  # "Innen- und Sportminister": one role, its first half cut short
    if start > 0 and tokens[start - 1].text in PREPOSITIONS and \
            joined(paragraph, tokens[start - 1], tokens[start]) and \
            not (in_phrase and start > 1 and not is_capitalised(tokens[start - 2].text)):
        return None  # "in einer Rede verkündet", not "Dort kam das an: Cameron sagte"; the
        # source of "wonach" may stand in a phrase, not in one of another noun ("Mitteilungen
        # an das Ministerium, wonach")
    return _name_before_apposition(paragraph, tokens, start, cue_at) or \
        _valid_speaker(tokens[start:cue_at])


_TRUNCATION_JOINERS = ("und", "oder", "sowie")


def verb_in_parenthesis(paragraph: str, tokens: list[Token], cue_at: int) -> bool:
    """"Die Regierung, schreibt die Zeitung, habe ...": a verb right after a comma, not after
    a relative clause, an apposition or an age that follows its subject ("Klose, der ... sah,
    nannte", "Alice Kakamara, 30, beschrieb")."""
    if not 0 < cue_at < len(tokens) or \
            "," not in paragraph[tokens[cue_at - 1].end:tokens[cue_at].start]:
        return False
    moved = _before_relative_clause(paragraph, tokens, _before_parenthesis(paragraph, tokens,
                                                                            cue_at))
    return moved == cue_at and not tokens[cue_at - 1].text.isdigit() and \
        not any(is_role(t.text) for t in tokens[max(0, cue_at - _ATTRIBUTE_WORDS):cue_at]) \
        and not _closes_an_apposed_name(paragraph, tokens, cue_at)


def _closes_an_apposed_name(paragraph: str, tokens: list[Token], cue_at: int) -> bool:
    """"Der frühere Hohe Repräsentant, Wolfgang Petritsch, begrüßte": the comma before the
    verb closes a name set off after its subject."""
    first = cue_at - 1
    while first > 0 and cue_at - first <= MAX_NAME_WORDS and \
            "," not in paragraph[tokens[first - 1].end:tokens[first].start]:
        first -= 1
    return first > 0 and "," in paragraph[tokens[first - 1].end:tokens[first].start] and \
        all(_names(t) for t in tokens[first:cue_at])


def _name_before_apposition(paragraph: str, tokens: list[Token], start: int, end: int
                            ) -> list[Token] | None:
    """"Houcine Abassi, der Generalsekretär des Verbandes (UGIT) sagte", "Halima Jouini,
    Vorstandsmitglied der Menschenrechtsliga, sagte": the name that the role phrase follows."""
    if start == 0 or paragraph[tokens[start - 1].end:tokens[start].start] != ", " or \
            not any(is_role(t.text) for t in tokens[start:end]):
        return None
    first = start - 1
    while first > 0 and start - first < MAX_NAME_WORDS and \
            joined(paragraph, tokens[first - 1], tokens[first]) and \
            _names(tokens[first - 1]) and tokens[first - 1].text not in OPENERS:
        first -= 1
    name = tokens[first:start]
    opens = first == 0 or tokens[first - 1].text in OPENERS or \
        CLAUSE_BREAK.search(paragraph, tokens[first - 1].end, tokens[first].start)
    named = len(name) > 1 or name[0].text in lexicon().first_names
    if not opens or not named or not all(_names(t) and not is_role(t.text) for t in name):
        return None
    return name


def _ends_phrase(token: Token, following: Token) -> bool:
    """`token` is not part of the noun phrase that `following` opens: two articles ("die den
    Vorwurf": a relative pronoun), or a noun before a verb."""
    return (token.lower in ARTICLES and following.lower in ARTICLES) or \
        verb_after_noun(token, following) or \
        (token.lower in ("zu", "von") and following.lower in ARTICLES - {"der"})  # "zu den"


def verb_after_noun(token: Token, following: Token) -> bool:
    """"Die Wiener Linien haben Medieninformationen zufolge": a lower-case word right after a
    noun is a verb (an adjective follows an article or stands first), unless it is a name
    particle, a conjunction ("Ärzte ohne Grenzen") or a genitive adjective ("Sprecher
    deutscher Behörden")."""
    if not is_capitalised(token.text) or token.lower in ARTICLES or not following.text.islower():
        return False
    word = following.lower
    return word not in ARTICLES | PREPOSITIONS | JOINING | _FILLERS and \
        not NAME_PARTICLES.match(word) and not word.endswith("er")


JOINING = grammar_words("joining")

_PARENTHESIS_WORDS = 4


def _before_parenthesis(paragraph: str, tokens: list[Token], cue_at: int) -> int:
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
PREPOSITIONS = grammar_words("prepositions")


def _before_relative_clause(paragraph: str, tokens: list[Token], cue_at: int) -> int:
    """"Miroslav Klose, der wegen wiederholten Fouls Gelb-Rot sah, nannte ...": who speaks
    stands before the relative clause."""
    if cue_at == 0 or paragraph[tokens[cue_at - 1].end:tokens[cue_at].start] != ", ":
        return cue_at
    for j in range(cue_at - 1, max(0, cue_at - CLAUSE_WORDS), -1):
        gap = paragraph[tokens[j - 1].end:tokens[j].start]
        if "," in gap:
            return j if gap == ", " and tokens[j].lower in RELATIVES else cue_at
    return cue_at


GENITIVE_ARTICLES = grammar_words("genitive_articles")
OPENING_SUBORDINATORS = grammar_words("opening_subordinators")  # "Als ..., biss der ..."
OFFICE_NOUNS = frozenset(grammar_words("office_nouns"))
SHARE_NOUNS = frozenset(grammar_words("share_nouns"))

# Determiners that never open the subject: "begrüßte den Beschluss", "sagte dem Sender".
NOT_NOMINATIVE = grammar_words("not_nominative")


def as_subject(group: list[Token] | None) -> list[Token] | None:
    """A noun phrase that can be the subject of a speech verb (it is not in another case)."""
    return None if group and group[0].lower in NOT_NOMINATIVE else group


def own_subject(paragraph: str, tokens: list[Token], first: int, last: int
                ) -> list[Token] | None:
    """Whose "eigenen Angaben" (tokens first..last) are: the subject, which opens the sentence
    ("Die Feuerwehr hat nach eigenen Angaben ...") or follows the verb after the phrase
    ("Nach eigenen Angaben hat die Feuerwehr ...", "Eigenen Angaben zufolge hat der Oligarch")."""
    if first > 0:
        return as_subject(sentence_subject(paragraph, tokens)) or \
            _inverted_subject_before(paragraph, tokens, first)
    return as_subject(mention_after(paragraph, tokens, last + 1)) if last + 1 < len(tokens) \
        else None


def _inverted_subject_before(paragraph: str, tokens: list[Token], before: int
                             ) -> list[Token] | None:
    """"Dieser Tage zählt das Innenministerium nach eigenen Angaben": after a time or a place
    the subject follows the verb, right before the phrase (tokens at `before`), opened by a
    nominative article."""
    for start in range(before - 1, 0, -1):
        if tokens[start].lower in _NOMINATIVE_ARTICLES and tokens[start - 1].text.islower():
            group = as_subject(mention_after(paragraph, tokens, start))
            return group if group and group[-1] is tokens[before - 1] else None
    return None


_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})


def _adverb(word: str) -> bool:
    return any(word.endswith(ending) and len(word) > len(ending) + 2
               for ending in _ADVERB_ENDINGS)


_ADVERB_ENDINGS = tuple(grammar_words("adverb_endings", ordered=True))


def _valid_speaker(group: list[Token], opens: bool = True) -> list[Token] | None:
    """Trim a candidate noun phrase and keep it only if it can name a speaker. A phrase that
    `opens` a clause may start with an adverb ("Auch", "Kurz"); after the verb, a capitalised
    word is a noun ("sagte Kurz": Sebastian Kurz)."""
    while group and group[0].text.islower() and group[0].text not in ARTICLES \
            and not country_of(group[0].text):
        group = group[1:]
    while group and group[-1].text.islower():
        group = group[:-1]
    if not group:
        return None
    opened = False
    while opens and group and (group[0].text in OPENERS or group[0].lower in _OPENING_VERBS):
        # "Auch das Auswärtige Amt", "Gegenüber Journalisten", "Hatte der Gerichtshof doch"
        group, opened = group[1:], opened or group[0].text in OPENERS
    if opened and len(group) == 1 and group[0].text in lexicon().place_to_country:
        return None  # "In Paris teilte ... mit": a place, not who speaks
    words = [t.text for t in group]
    content = [w for w in words if w.lower() not in ARTICLES]
    if not content or content[0] in _NOT_SPEAKERS or (words[0] == content[0] and
                                                      _adverb(content[0])):
        return None  # "So", "Das", "Bleibt (zu hoffen, dass ...)", "Wochenlang" (but "Die
        # Sichtweise von ...")
    if any(w in _CALENDAR_WORDS for w in content):
        return None  # "am Montag", "im November"
    return group  # strong or weak ("Kerry", "Die Passagiere"): _stronger chooses


def main_subject(paragraph: str, tokens: list[Token]) -> list[Token] | None:
    """The subject of the main clause: the phrase it opens with, or after an opening phrase
    the one after the verb ("In seiner Stellungnahme befand der Premierminister ...", "Als
    ein Fluggast half, biss der Randalierer ...")."""
    verb = _after_opening_clause(paragraph, tokens)
    if verb is not None:
        return as_subject(mention_after(paragraph, tokens, verb))
    if tokens and (tokens[0].lower in PREPOSITIONS or tokens[0].lower in NOT_NOMINATIVE):
        return _subject_after_fronted_phrase(paragraph, tokens, 2)  # "Diesen Preis sieht X"
    if len(tokens) > 2 and tokens[0].text in OPENERS and tokens[1].lower in PREPOSITIONS:
        return _subject_after_fronted_phrase(paragraph, tokens, 3)  # "Gleich zu Beginn ... X"
    if len(tokens) > 1 and tokens[0].text in OPENERS and tokens[1].text.islower() and \
            tokens[1].lower not in ARTICLES and tokens[1].text not in PREPOSITIONS:
        verb = 2 if len(tokens) > 2 and tokens[2].text == "es" else 1  # "Ähnlich sieht es X"
        return as_subject(mention_after(paragraph, tokens, verb))  # "Hier sparte der Präsident"
    return as_subject(sentence_subject(paragraph, tokens))


def _subject_after_fronted_phrase(paragraph: str, tokens: list[Token], start: int
                                  ) -> list[Token] | None:
    """After a fronted phrase that is no subject, the subject follows the verb."""
    verb = next((j for j in range(start, len(tokens))
                 if verb_after_noun(tokens[j - 1], tokens[j])), None)
    return as_subject(mention_after(paragraph, tokens, verb)) if verb else None


def _after_opening_clause(paragraph: str, tokens: list[Token]) -> int | None:
    """The verb of the main clause after an opening subordinate clause ("Als ..., biss")."""
    if not tokens or tokens[0].lower not in OPENING_SUBORDINATORS:
        return None
    comma = next((j for j in range(1, min(len(tokens), CLAUSE_WORDS))
                  if "," in paragraph[tokens[j - 1].end:tokens[j].start]), None)
    return comma if comma is not None and tokens[comma].text.islower() else None

