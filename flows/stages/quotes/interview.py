"""Interviews: "STANDARD: Warum ...? Saakaschwili: Leider verhindert der Krieg ...". Each
answer is the interviewee's own words (direct speech without quotation marks), from the tag
that names them to the next tag or the end of the paragraph."""

from __future__ import annotations

import re
from collections import Counter

from flows.stages.entities import ARTICLES, Resolved, country_of, is_role, lexicon
from flows.stages.places import is_place
from flows.stages.quotes.grammar import grammar_words
from flows.stages.quotes.sentence import Quote, State

# a speaker tag opening a sentence or a line: one or two capitalised words and a colon
_TAG = re.compile(r"(?:^|(?<=[.!?…“”\"')] ))(?P<tag>[A-ZÄÖÜ][\w.\-]*(?: [A-ZÄÖÜ][\w.\-]*)?): "
                  r"(?=[A-ZÄÖÜ„\"\d])", re.MULTILINE)
_TURNS = 2  # an interview: the interviewee and the interviewer speak at least twice each


def interview_answers(body: str, state: State) -> list[Quote]:
    """The answers of an interview, if the body is one: a tag that names someone answers, at
    least twice, a question under another tag (the interviewer's)."""
    tags = list(_TAG.finditer(body))
    answering = Counter(
        match["tag"] for before, match in zip(tags, tags[1:], strict=False)
        if match["tag"] != before["tag"] and "?" in body[before.end():match.start()])
    asking = {before["tag"] for before, match in zip(tags, tags[1:], strict=False)
              if "?" in body[before.end():match.start()]}
    people = {tag: _interviewee(tag, body, state) for tag, count in answering.items()
              if count >= _TURNS and _names_someone(tag)}
    if not people or not asking - people.keys():
        return []  # "Annalena Baerbock: Jetzt Top-Job in New York": headlines, no interview
    return [_answer(body, match, tags[i + 1] if i + 1 < len(tags) else None, people)
            for i, match in enumerate(tags) if match["tag"] in people]


def _names_someone(tag: str) -> bool:
    """"Saakaschwili", "Juan Carlos Monedero"; not the interviewer's "STANDARD", nor
    "Frage"/"Antwort"."""
    return not tag.isupper() and tag not in _NO_ONE and \
        not any(is_role(word) for word in tag.split())


_NO_ONE = frozenset(grammar_words("interview_tags"))


def _interviewee(tag: str, body: str, state: State) -> Resolved:
    """The tag's person by the fullest name the article gives: from the index, or the name
    words before the surname in the text ("Alois Stöger will ..." for "Stöger:")."""
    person = state.index.find_by_name(tag.split())
    if person is not None:
        return Resolved(person.name, "person")
    lowered = {word.lower() for word in re.findall(r"\b[a-zäöüß]\w*", body)}
    for match in re.finditer(rf"\b((?:[A-ZÄÖÜ][\w\-]+ ){{1,2}}){re.escape(tag)}\b", body):
        words = match[1].split()
        while words and not _first_name(words[0], lowered):
            words = words[1:]  # "Sozialminister Alois", "Auch"
        if words and all(_first_name(word, lowered) for word in words):
            return Resolved(" ".join([*words, tag]), "person")
    return Resolved(tag, "person")


def _first_name(word: str, lowered: set[str]) -> bool:
    """A known first name, or a capitalised word the text never writes in lower case and that
    is no role, article or place ("Alois", not "Auch" or "Sozialminister")."""
    if word in lexicon().first_names:
        return True
    return word.lower() not in lowered and word.lower() not in ARTICLES and \
        not is_role(word) and not country_of(word) and not is_place(word)


def _answer(body: str, tag: re.Match[str], following: re.Match[str] | None,
            people: dict[str, Resolved]) -> Quote:
    start = tag.end()
    end = min(following.start() if following else len(body), _paragraph_end(body, start))
    text = body[start:end].rstrip()
    resolved = people[tag["tag"]]
    return Quote(text=text, kind="direct", speaker=resolved.speaker,
                 speaker_mention=tag["tag"], speaker_type=resolved.speaker_type, cue=":",
                 char_start=start, char_end=start + len(text))


def _paragraph_end(body: str, start: int) -> int:
    end = body.find("\n\n", start)
    return end if end >= 0 else len(body)


def answered(quote: Quote, answers: list[Quote]) -> bool:
    """A quote inside an answer that is the interviewee's own ("Wir haben gesagt, dass ...",
    Konjunktiv of no one named), and any reported speech there (the interviewee's argument:
    "Wenn die SPÖ jetzt glaubt, ..."): the answer holds it; someone else the interviewee
    quotes in quotation marks keeps a row. A quote across the start of an answer
    ("Saakaschwili: Ich habe ...") runs over a change of speaker: it goes."""
    for answer in answers:
        if quote.char_start < answer.char_start < quote.char_end:
            return True
        if answer.char_start <= quote.char_start and quote.char_end <= answer.char_end:
            return quote.kind == "indirect" or quote.speaker in (None, answer.speaker) or \
                (quote.speaker_mention or "").lower() in _FIRST_PERSON
    return False


_FIRST_PERSON = frozenset({"ich", "wir", "mir", "uns"})
