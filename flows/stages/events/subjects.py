"""Who acts when the clause names its subject without a list knowing it: the noun alone
before the finite verb ("Die Bauern protestierten"), a name opening the sentence ("Greenpeace
fordert"), the noun phrase or bare word after the verb ("Am Montag kritisierte Ali die
Regierung")."""

from __future__ import annotations

from flows.stages.entities import EntityIndex, is_role
from flows.stages.events.clauses import Clause, Token, finite_verbs
from flows.stages.events.lexicon import Sense, grammar
from flows.stages.events.mentions import ActorMention, is_adjective
from flows.stages.events.triggers import noun_senses
from flows.stages.temporal import may_have_time

_FIELD_BEFORE_VERB = 4  # "Die meisten deutschen Tierschützer kritisierten ..."
_PHRASE_BEFORE_VERB = 9  # "Bei einer Protestaktion östlich von Chan Junis erschoss ..."


def _verb_after_field(clause: Clause) -> int | None:
    """Where the finite verb stands after what fills the place before it: a few words, or a
    longer phrase that a preposition opens."""
    tokens = clause.tokens
    reach = _PHRASE_BEFORE_VERB if tokens[0].lower in grammar()["all_prepositions"] \
        else _FIELD_BEFORE_VERB + 1
    return next((i for i, t in enumerate(tokens[:reach + 1])
                 if t.text == t.lower and t.lower in finite_verbs()), None)


def noun_before_verb(clause: Clause, mentions: list[ActorMention], index: EntityIndex,
                      phrase: tuple[str, ...] = ()) -> str | None:
    """The noun that alone fills a main clause's place before its finite verb after an
    article: its subject, though no list names it ("Die Tierschützer riefen ... auf", "Die
    Bauern protestierten"); not an object ("Den Vorschlag lehnte ..."), a pronoun or a time.
    A kind of organisation is the one of that kind the article named ("Die Organisation")."""
    if clause.opener:
        return None
    g = grammar()
    tokens = clause.tokens
    verb_at = next((i for i, t in enumerate(tokens[:_FIELD_BEFORE_VERB + 1])
                    if t.text == t.lower and t.lower in finite_verbs()), 0)
    if verb_at == 0 or any(m.position < verb_at for m in mentions):
        return None
    *words, head = tokens[:verb_at]
    if not words or words[0].lower not in g["subject_articles"]:
        return None  # "Den Vorschlag", "In Berlin", "Am Montag"; and "Zuletzt", "Inzwischen":
        # a capitalised first word alone may be no noun
    if not head.text[:1].isupper() or head.lower in g["articles"] or \
            head.text in g["time_nouns"] or noun_senses(head.lower) or \
            head.lower in (word.lower() for word in phrase):
        return None  # "Der Gipfel hat ... ausgelöst": a happening; "Die Schuld gab er ...":
        # a word of the trigger's phrase
    before_verb = [*words, head]
    name = [before_verb[i] for i in range(1, len(words))
            if _of_a_name(before_verb[i], before_verb[i + 1])]  # "Die Freien Demokraten"
    if not all(w.lower in g["articles"] or is_adjective(w) or w in name for w in words[1:]):
        return None
    return " ".join([*(w.text for w in name), head.text]) if name else \
        index.body_of_kind(head.text) or head.text


def _of_a_name(token: Token, after: Token) -> bool:
    """A capitalised adjective before another capitalised word: part of a name ("Die Freien
    Demokraten", "Der Kärntner Landtag"; not "Eine Interviewanfrage des ...")."""
    return token.text[:1].isupper() and after.text[:1].isupper() and \
        is_adjective(token._replace(text=token.lower))


def bare_name_first(clause: Clause, index: EntityIndex) -> tuple[str, ...]:
    """A sentence that opens with one capitalised word and its finite verb, the word written
    capitalised inside sentences of the article too (a name or a noun, not "Zudem"): its
    subject ("Greenpeace fordert", "Lee gab auf")."""
    tokens = clause.tokens
    if clause.opener or len(tokens) < 2 or clause.sentence[0] != tokens[0]:
        return ()
    g = grammar()
    start = 1 if tokens[0].lower in g["numbers"] else 0  # "Elf Frauen hätten ...": the women
    name = list(tokens[start:start + 2]) if len(tokens) > start + 2 and \
        _two_name_words(tokens[start:], g) else [tokens[start]]
    if len(tokens) <= start + len(name):
        return ()
    last, verb = name[-1], tokens[start + len(name)]
    if last.text not in index.nouns or _pronoun(last) or last.text in g["time_nouns"] or \
            noun_senses(last.lower) or \
            verb.text != verb.lower or verb.lower not in finite_verbs():
        return ()
    return (" ".join(t.text for t in name),)


def _two_name_words(tokens: tuple[Token, ...], g: dict) -> bool:
    """"Nikos Filis hat sich ... gestellt": two capitalised words, not an article, an adverb or
    an adjective first ("Die Polizei", "Auch Merkel", "Vorsätzliche Brandstiftung hatten die
    Ermittler ausgeschlossen")."""
    first, second = tokens[0], tokens[1]
    return first.text.isalpha() and second.text[:1].isupper() and first.text[:1].isupper() \
        and first.lower not in g["articles"] and first.text not in g["quotes"]["openers"] \
        and not _pronoun(first) and not is_adjective(first._replace(text=first.lower)) \
        and not may_have_time(second.text)  # (not "Anfang Dezember")


_NOMINATIVE_ARTICLES = ("der", "die", "das", "ein", "eine")
_INDEFINITE = ("ein", "eine")


def noun_after_verb(clause: Clause, trigger_at: int, index: EntityIndex) -> tuple[str, ...]:
    """"Im Sommer stimmten die Gläubiger für ...", "..., gestand der Norweger": when a phrase
    opened by a preposition or an adverb stands before the finite verb (or nothing does), the
    first noun phrase after the verb is the subject."""
    tokens = clause.tokens
    verb_at = _verb_after_field(clause)
    if verb_at is None or verb_at > trigger_at or clause.opener or \
            not no_subject_before(clause, verb_at, index):
        return ()
    at = verb_at + 1
    g = grammar()
    while at < len(tokens) and tokens[at].text.isalpha() and \
            tokens[at].text == tokens[at].lower and tokens[at].lower not in g["articles"] \
            and tokens[at].lower not in g["all_prepositions"] and not _pronoun(tokens[at]):
        at += 1  # "stimmten ... dann", adverbs
    if at >= len(tokens) or tokens[at].lower not in _NOMINATIVE_ARTICLES:
        return ()  # "wirft sie der Ärztekammer ... vor": the pronoun is the subject
    article = tokens[at].lower
    at += 1
    while at < len(tokens) and is_adjective(tokens[at]):
        at += 1
    if at >= len(tokens) or not tokens[at].text[:1].isupper() or (
            at + 1 < len(tokens) and tokens[at + 1].text[:1].isupper()):
        return ()  # no noun, or a name of several words that no list knows
    head = tokens[at]
    if head.text in g["time_nouns"] or noun_senses(head.lower) or (
            article == "der" and head.lower.endswith(tuple(g["feminine_endings"]))):
        return ()  # "widerspricht der Botschaft": a feminine noun after "der" is no subject
    if article in _INDEFINITE and not _someone(head):
        return ()  # "fordern eine Änderung": the object ("widersprach ein Sprecher" acts)
    return (index.body_of_kind(head.text) or head.text,)


def _someone(noun: Token) -> bool:
    """A role, a noun for a doer ("Unternehmer", "Bub") or a body: who can act."""
    from flows.stages.entities import lexicon as names  # (entities reads the events lexicon)

    lower = noun.lower
    people = grammar()["quotes"]  # (the quotes' grammar words for people)
    return is_role(noun.text) or lower.endswith(tuple(people["agent_noun_endings"])) or \
        lower in people["person_nouns"] or lower.endswith(names().org_kinds)


def bare_word_after_verb(clause: Clause, trigger_at: int, sense: Sense,
                          mentions: list[ActorMention], index: EntityIndex) -> str | None:
    """A capitalised word without an article right after the finite verb (or its reflexive
    pronoun), before an article, a preposition or a lower-case word, when no subject stands
    before the verb: a name no list knows, the subject ("Am Montag kritisierte Ali die
    Regierung", "beklagt sich Ali über"). A clause that opens with its verb continues
    another ("..., frieren Bilder ein") unless it reports a demand or an accusation ("...,
    mahnte Thiele"); one word before the verb is an adverb ("Zuletzt hatte Sauber"), not a
    headline's subject ("Parteivorstand beschloss Verbleib")."""
    tokens = clause.tokens
    g = grammar()
    verb_at = _verb_after_field(clause)
    if verb_at is None or verb_at > trigger_at or clause.opener or \
            not no_subject_before(clause, verb_at, index) or \
            (verb_at == 0 and sense.type not in g["speech_act_types"]) or \
            (verb_at == 1 and tokens[0].text not in g["quotes"]["openers"]):
        return None
    at = verb_at + 1
    if at < len(tokens) and tokens[at].lower in g["reflexive_pronouns"]:
        at += 1
    while at < len(tokens) and is_adjective(tokens[at]) and tokens[at].lower not in \
            g["articles"] and tokens[at].lower not in g["reflexive_pronouns"] and \
            tokens[at].lower not in g["all_prepositions"]:
        at += 1  # "ermordeten rechte Paramilitärs 3.000 Menschen" (not "gegen")
    if at + 1 >= len(tokens) or any(m.position == at for m in mentions):
        return None
    word, after = tokens[at], tokens[at + 1]
    if not word.text[:1].isupper() or not word.text.isalpha() or _pronoun(word) or \
            is_role(word.text) or word.text in g["time_nouns"] or may_have_time(word.text) or \
            noun_senses(word.lower) or after.text[:1].isupper() or \
            not (after.text.isalpha() or after.text[:1].isdigit()):
        return None
    return word.text


def no_subject_before(clause: Clause, verb_at: int, index: EntityIndex) -> bool:
    """Nothing before the finite verb, or a phrase a preposition opens, or one adverb: no
    subject stands there (unlike "Sie lehnen ...", "Days Familie appellierte ...")."""
    g = grammar()
    if verb_at == 0:
        at = clause.sentence.index(clause.tokens[0])
        return not (at and (clause.sentence[at - 1].lower in g["coordinators"] or
                            clause.sentence[at - 1].lower == "sondern"))
    first = clause.tokens[0]
    if first.lower in g["all_prepositions"]:
        return True
    return verb_at == 1 and first.text not in index.nouns and not _pronoun(first)


def _pronoun(token: Token) -> bool:
    g = grammar()
    return token.lower in g["personal_pronouns"] or token.lower in g["speaker_pronouns"] or \
        token.lower in g["impersonal_pronouns"]
