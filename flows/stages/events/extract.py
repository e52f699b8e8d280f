"""Events of one text (an article's teaser or body): reading, then dating (dating.py).

`read_mentions` reads what a text says happened, without its publication date: triggers in
clauses, their factuality, participants, place and casualties.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache, partial

from flows.stages.conjugation import FINITE, PARTICIPLE, SPLIT, verb_forms
from flows.stages.entities import PRONOUNS, EntityIndex, is_role
from flows.stages.events.casualties import VICTIM, casualties
from flows.stages.events.clauses import Clause, clauses
from flows.stages.events.dating import date_mentions, when_it_happened
from flows.stages.events.factuality import is_factual
from flows.stages.events.lexicon import grammar, lexicon, meets
from flows.stages.events.mentions import state_of
from flows.stages.events.participants import apposed_person, is_passive, participants, subject
from flows.stages.events.records import Event, Mention
from flows.stages.events.triggers import Trigger, clause_triggers, noun_senses
from flows.stages.temporal import find_expressions, may_have_time
from flows.stages.text import paragraphs, sentences_with_quotes


def extract_events(text: str, reference: date | None, index: EntityIndex | None = None,
                   field: str = "body") -> list[Event]:
    index = index or EntityIndex.build(text)
    return date_mentions(read_mentions(text, index, field), reference)


def read_article(teaser: str | None, body: str, index: EntityIndex) -> list[Mention]:
    """What an article's teaser and body state as happened (a happening named in both is
    read once)."""
    told: dict[tuple, Mention] = {}
    return [*read_mentions(teaser or "", index, "teaser", told),
            *read_mentions(body, index, "body", told)]


def read_mentions(text: str, index: EntityIndex, field: str = "body",
                  told: dict[tuple, Mention] | None = None) -> list[Mention]:
    """Every happening a text states, in order. A noun happening named again ("die Unruhen")
    or referred back to ("die Demonstration") is the same one. `told`: the happenings read
    before, by type and mode, and by type, mode and noun."""
    mentions: list[Mention] = []
    told = {} if told is None else told
    read_before: list[str] = []
    for start, sentence, masked, paragraph in _sentences(text):
        if not _may_hold_trigger(masked):
            read_before.append(masked)
            continue
        previous_person = _PersonBefore(read_before, index)
        for mention in _sentence_mentions(start, sentence, masked, index, field,
                                          previous_person, paragraph):
            mention = replace(mention, sentence_number=len(read_before))
            mention = _arrested_by_police(mention, read_before)
            mention = _doer_goes_on(mention, mentions)
            earlier = _told_before(mention, told)
            if earlier is not None and (mention.no_party or not earlier.no_party):
                mention = replace(mention, repeated=True)  # (named with a party only now:
                # this one is the row)
            kind = (mention.plover_type, mention.mode)
            told[(*kind, mention.noun)] = mention
            if not _counted(mention):  # "50 Morde": many happenings, none referred back to
                told[kind] = told[kind[:1]] = mention
            mentions.append(mention)
        read_before.append(masked)
    return mentions


def _arrested_by_police(mention: Mention, read_before: list[str]) -> Mention:
    """"Gegen 00.30 Uhr wurde er festgenommen": an arrest that names no one who made it was
    made by the police the text named before (in its own sentence the police may only report
    it: "Laut Polizei wurden 50 Demonstranten festgenommen")."""
    if mention.plover_type != "COERCE" or mention.mode != "arrest" or mention.actors or \
            (mention.noun or "").lower() in grammar()["court_orders"]:  # (a warrant is a court's)
        return mention
    for text in reversed(read_before):
        found = _POLICE.findall(text)
        if found:
            return mention if found[-1] in mention.targets else \
                replace(mention, actors=(found[-1],))
    return mention


_FORCE_TYPES = ("ASSAULT", "COERCE")
_STORY_REACH = 2  # sentences


def _doer_goes_on(mention: Mention, before: list[Mention]) -> Mention:
    """"Er ließ das Dorf bombardieren. 143 Bewohner wurden später umgebracht": an act of force
    told in the passive with no doer, right after one of its type whose doer the paragraph
    named, was done by that doer (not by a group of victims: "Menschen", "Zivilisten")."""
    if mention.plover_type not in _FORCE_TYPES or mention.actors or not mention.passive:
        return mention
    last = next((m for m in reversed(before) if m.plover_type == mention.plover_type
                 and m.actors), None)  # (an arrest after an attack is not the attacker's)
    if last is None or (last.field, last.paragraph) != (mention.field, mention.paragraph) or \
            mention.sentence_number - last.sentence_number > _STORY_REACH or \
            set(last.actors) & set(mention.targets) or any(map(VICTIM.fullmatch, last.actors)):
        return mention
    return replace(mention, actors=last.actors)


_POLICE = re.compile(r"\b(?:[A-ZÄÖÜ]\w*-?)?(?:" + "|".join(grammar()["police_nouns"]) + r")\b")


def _told_before(mention: Mention, told: dict[tuple, Mention]) -> Mention | None:
    """The earlier mention of the same happening, if any."""
    if not mention.noun:
        return None
    kind = (mention.plover_type, mention.mode)
    earlier = told.get((*kind, mention.noun))
    if earlier is not None:  # named again; but "Der schlimmste Mord" after "50 Morde" is one
        return earlier if not _counted(earlier) or _counted(mention) else None  # of them
    if not _refers_back(mention):
        return None
    earlier = told.get(kind) or (told.get(kind[:1]) if _any_of_its_type(mention) else None)
    if earlier is None or (earlier.location and mention.location
                           and earlier.location != mention.location):
        return None
    return earlier


def _any_of_its_type(mention: Mention) -> bool:
    """"bei dem Anschlag" after "tötete ... mehrere Menschen", "wies die Vorwürfe zurück"
    after "kritisierte": a noun refers back to any happening of its type, unless a phrase of
    its own makes it another one ("der Bombenanschlag auf eine Kirche in Alexandria", "dem
    Vorwurf der Verteidigung")."""
    after = mention.masked[mention.trigger_at:].split()[1:2]
    g = grammar()
    return not (after and (after[0] in g["all_prepositions"] or after[0] in g["genitive_articles"]))


def _words_before(mention: Mention) -> list[str]:
    """The words before a trigger noun, its adjectives left out."""
    words = mention.masked[:mention.trigger_at].split()[-3:]
    while words and words[-1].islower() and words[-1] not in grammar()["anaphoric_determiners"]:
        words.pop()  # "die friedliche Demonstration"
    return words


def _counted(mention: Mention) -> bool:
    words = _words_before(mention)
    return bool(words) and (words[-1][:1].isdigit() or words[-1].lower() in grammar()["numbers"])


def _refers_back(mention: Mention) -> bool:
    """A trigger noun with a definite determiner ("die Demonstration", "bei dem Anschlag"):
    a happening told of already, when one of its type was."""
    words = _words_before(mention)
    return bool(words) and words[-1].lower() in grammar()["anaphoric_determiners"]


_WORD = re.compile(r"\w+")


def _may_hold_trigger(sentence: str) -> bool:
    """A cheap look at a sentence's words: a trigger verb (with its particle, if split), or a
    trigger noun with what a noun needs to name a happening (a support verb or a time word;
    a trigger verb was looked for first). Most sentences have neither and are not read
    further."""
    words = set(_WORD.findall(sentence))
    lowered = {word.lower() for word in words}
    lex = lexicon()
    needed_words = lex.needed_words
    text = None
    for word in lowered & needed_words.keys():
        if not any(needed <= lowered for needed in needed_words[word]):
            continue
        senses = lex.required_words[word]
        if not all(senses):
            return True  # a sense that requires no word
        text = text or " " + " ".join(_WORD.findall(sentence.lower())) + " "
        if any(meets(groups, text) for groups in senses):
            return True  # ("bezeichnete" with an evaluation, "fielen" with shots)
    if not any(map(_is_trigger_noun, _CAPITALISED.findall(sentence))):
        return False
    return not words.isdisjoint(lex.support_forms) or may_have_time(sentence)


_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ]\w{2,}")


@lru_cache(maxsize=1 << 16)  # words recur across articles; the lexicon never changes
def _is_trigger_noun(word: str) -> bool:
    return bool(noun_senses(word.lower()))


class _PersonBefore:
    """Who a pronoun opening a sentence refers to, looked up only when one asks: for "sie"
    the subject of the sentence before when it is no person (an organisation, a group, a
    state: "Die Dschihadistenmiliz hatte sich bekannt ... Sie übernahm auch ..."), else the
    person named last."""

    def __init__(self, sentences: list[str], index: EntityIndex) -> None:
        self.sentences, self.index = sentences, index

    def __call__(self, pronoun: str = "er", plural: bool = False) -> str | None:
        if pronoun == "sie" and self.sentences:
            _, before = clauses(self.sentences[-1])
            told = next((c for c in before if any(t.text.islower() for t in c.tokens)), None)
            found = subject(told, self.index) if told else None  # (not a dateline: "Rom –")
            if found and found not in self.index.people:
                return found
        if plural:
            return None  # "Sie demonstrierten": a group, not the person named last
        gender = PRONOUNS.get(pronoun)
        for sentence in reversed(self.sentences):
            for word in reversed(_WORD.findall(sentence)):
                person = self.index.by_last_word.get(word)
                if person and person.gender in (None, gender):  # "er": not Karin Kneissl
                    return person.name
        return None


def _sentences(text: str):
    """(offset in text, sentence, sentence with its quotations blanked) of every sentence."""
    for offset, paragraph in paragraphs(text):
        for sentence, inner in sentences_with_quotes(paragraph):
            sentence_text = paragraph[sentence.start:sentence.end]
            masked = sentence_text
            for span in inner:
                begin, end = span.start - sentence.start, span.end - sentence.start
                masked = masked[:begin] + " " * (end - begin) + masked[end:]
            yield offset + sentence.start, sentence_text, masked, offset


# a game's score ("zum 1:1", "2:0"), not a time ("10:30") or a ratio of large numbers
_SCORE = re.compile(r"(?<![\d:.,])\d{1,2}:\d(?![\d:])")


def _sentence_mentions(start: int, sentence: str, masked: str, index: EntityIndex, field: str,
                       previous_person: Callable[[str, bool], str | None], paragraph: int = 0
                       ) -> list[Mention]:
    tokens, clause_list = clauses(masked)
    if not tokens or _SCORE.search(masked):
        return []  # "schoss zum 1:1 ein": a game
    question = masked.rstrip().endswith("?")
    time_words = _TimeWords(masked)
    found: list[Mention] = []
    for clause in clause_list:
        if not clause.tokens:
            continue
        relative = _relative_after(clause, clause_list)
        governing = clause_list[clause.number - 1] if clause.number else None
        triggers = [trigger for trigger in clause_triggers(clause, time_words.in_clause,
                                                           relative)
                    if is_factual(trigger, clause, governing, question)]
        if not triggers:
            continue
        span = (clause.tokens[0].start, clause.tokens[-1].end)
        antecedent = _Antecedent(governing, index, previous_person)
        main_before = [c for c in reversed(clause_list[:clause.number])
                       if not c.opener and c.tokens]
        shared_subject = partial(_first_subject, main_before, index)
        apposition = _apposition_in(clause, clause_list)
        apposed = apposed_person(apposition, index) if apposition else None
        for trigger in triggers:
            own_span = span
            if trigger.noun and relative is not None:  # the relative clause tells of it
                own_span = (span[0], max(span[1], relative.tokens[-1].end))
            mention = _mention(trigger, clause, own_span, index, field, start, sentence,
                               masked, antecedent, apposed, paragraph, shared_subject)
            if trigger.sense.target == "person" and not _meets_someone(mention, index):
                continue
            if not clause.opener:
                mention = replace(mention, shared_time=tuple(
                    s for s in _time_scopes(clause_list) if s != span))
            if trigger.sense.type in grammar()["party_types"] and not (
                    mention.actors or mention.targets or mention.location):
                mention = replace(mention, no_party=True)
            found.append(mention)
    return _one_per_type(found)


def _meets_someone(mention: Mention, index: EntityIndex) -> bool:
    """"traf Kerry": met a person; "Kerry traf die Vertreter der FARC": a named person met
    people acting for a body (not "ein Arbeiter wurde getroffen", not a team's match)."""
    if any(name in index.people for name in mention.targets):
        return True
    return any(name in index.people for name in mention.actors) and any(
        is_role(name) or not state_of(name) for name in mention.targets)


class _Antecedent:
    """Who "er"/"sie" refers to: the subject of the clause this one depends on, else the
    person named last before the sentence; found only when a pronoun asks."""

    def __init__(self, governing: Clause | None, index: EntityIndex,
                 previous_person: Callable[[str, bool], str | None]) -> None:
        self.governing, self.index, self.previous_person = governing, index, previous_person

    def __call__(self, pronoun: str = "er", plural: bool = False) -> str | None:
        found = subject(self.governing, self.index) if self.governing else None
        return found or self.previous_person(pronoun, plural)


def _first_subject(main_clauses: list[Clause], index: EntityIndex) -> str | None:
    """The subject of the nearest of these main clauses that has one: who a clause that
    continues them ("... und weigerte sich") is about."""
    return next(filter(None, (subject(c, index) for c in main_clauses)), None)


class _TimeWords:
    """Where a sentence's time words are, found only when a clause asks."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.starts: list[int] | None = None

    def in_clause(self, clause: Clause) -> bool:
        if self.starts is None:
            self.starts = [e.start for e in when_it_happened(
                self.sentence, find_expressions(self.sentence, None))]
        return any(_in_clause(clause, at) for at in self.starts)


def _time_scopes(clause_list: list[Clause]) -> list[tuple[int, int]]:
    """Spans of the clauses whose time words date the whole sentence's main clauses: not a
    clause that tells of the report ("meldete der Sender am Montag")."""
    reports = _report_forms()
    return [(c.tokens[0].start, c.tokens[-1].end) for c in clause_list
            if c.tokens and (not c.opener or c.opener in grammar()["time_sharing_openers"])
            and reports.isdisjoint(c.words)
            and not _zu_infinitive(c)]


def _zu_infinitive(clause: Clause) -> bool:
    """"(warf ihm vor,) schon seit 2012 einen Grexit zu betreiben": no main clause."""
    words = [t.lower for t in clause.tokens if t.text[0].isalnum()]
    return len(words) > 1 and words[-2] == "zu"


@cache
def _report_forms() -> frozenset[str]:
    return frozenset(form for lemma in grammar()["report_verbs"] for form in verb_forms(lemma))


def _apposition_in(clause: Clause, clause_list: list[Clause]) -> Clause | None:
    """An apposition that interrupts this clause ("..., Jan Korte, ...")."""
    return next((c for c in clause_list[clause.number + 1:clause.number + 2]
                 if c.opener == "," and c.tokens), None)


def _relative_after(clause: Clause, clause_list: list[Clause]) -> Clause | None:
    following = clause_list[clause.number + 1] if clause.number + 1 < len(clause_list) \
        else None
    if following and following.tokens and following.opener in grammar()["relative_pronouns"]:
        return following
    return None


def _one_per_type(found: list[Mention]) -> list[Mention]:
    """A mention inside the span of an earlier one of its type is the same happening: the
    earlier, completed by it ("zu den Anschlägen vom 13. November, bei denen 130 Menschen
    getötet wurden"). Other mentions of one type and mode in a sentence: the first."""
    result: list[Mention] = []
    for mention in found:
        same = next((i for i, m in enumerate(result) if m.plover_type == mention.plover_type
                     and (m.clause_span[0] <= mention.trigger_at < m.clause_span[1]
                          or m.mode == mention.mode)), None)
        if same is None:
            result.append(mention)
            continue
        first = result[same]
        result[same] = replace(
            first, casualties=first.casualties or mention.casualties,
            location=first.location or mention.location,
            actors=first.actors or mention.actors, targets=first.targets or mention.targets)
    return result


def _in_clause(clause: Clause, offset: int) -> bool:
    return any(token.start <= offset < token.end for token in clause.tokens)


def _mention(trigger: Trigger, clause: Clause, span: tuple[int, int], index: EntityIndex,
             field: str, start: int, sentence: str, masked: str,
             antecedent: Callable[[str, bool], str | None], apposed: str | None, paragraph: int,
             shared_subject: Callable[[], str | None]) -> Mention:
    who = participants(clause, trigger, index, antecedent, apposed, shared_subject)
    dead = casualties(masked[span[0]:span[1]]) if trigger.sense.type == "ASSAULT" else None
    return Mention(trigger.sense.type, trigger.sense.mode, trigger.words, who.actors,
                   who.targets, who.location, dead, field, sentence, start, masked, span,
                   trigger.token.start, trigger.noun, paragraph,
                   present_tense=trigger.verb is not None and trigger.verb.present,
                   past_tense=_in_past_tense(trigger, clause),
                   passive=is_passive(clause, trigger))


def _in_past_tense(trigger: Trigger, clause: Clause) -> bool:
    """A past form of the trigger verb, or its participle with a perfect auxiliary or
    "wurde": the act is done ("haben sich auf Fangquoten für das kommende Jahr geeinigt")."""
    verb = trigger.verb
    if verb is None:
        return False
    if verb.kind in (FINITE, SPLIT):
        return not verb.present
    g = grammar()
    return verb.kind == PARTICIPLE and any(
        t.lower in g["finite_auxiliaries"] or t.lower in ("wurde", "wurden")
        for t in clause.tokens)


# --- dating ----------------------------------------------------------------------------------
