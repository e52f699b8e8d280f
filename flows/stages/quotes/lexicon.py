"""The speech lexicon (data/speech.toml): cue verbs with their forms, particles, source nouns,
phrases, and the subjunctive forms that mark reported speech."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property

from flows.stages.conjugation import (
    FINITE,
    INFINITIVE,
    PARTICIPLE,
    SPLIT,
    principal_parts,
    stem,
    verb_forms,
)
from flows.stages.entities import TOKEN, is_capitalised
from flows.stages.profiles import DATA_DIR
from flows.stages.quotes.grammar import grammar_words

_K2_FORMS = grammar_words("k2_forms")

UMLAUT_K2 = {form for form in _K2_FORMS if re.search("[äöü]", form)}  # never indicative


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: frozenset[str]
    particles: dict[str, re.Pattern[str]]
    separable_prefixes: frozenset[str]  # "zu" of "zu|geben": never opens the clause
    speaker_after: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # by first word
    speaker_before: tuple[str, ...]
    impersonal: tuple[str, ...]
    subjunctive: frozenset[str]
    participles: frozenset[str]
    authors_remark: re.Pattern[str]  # "Es sei darauf hingewiesen, dass ...": no one reported
    clause_participles: frozenset[str]  # "wurde beschlossen, ...": a clause said by no one named
    infinitives: frozenset[str]
    anaphoric: tuple[str, ...]
    anaphoric_sources: frozenset[str]  # "nach Angaben": the source just named
    quoting: frozenset[str]  # "X zitiert Y": the speaker is the one quoted, after the verb
    judging: frozenset[str]  # "sieht X einen „Angriff“"
    held_opinion: re.Pattern[str]  # "X ist der Meinung", "X vertritt die These"
    passive_cues: frozenset[str]  # "als „extrem“ eingestuft": said, by someone not named
    source_noun: re.Pattern[str]  # "nach (ersten) Polizeiangaben" anywhere in a sentence
    claim: re.Pattern[str]  # "der Vorwurf der CDU, ..."
    opinion_after: re.Pattern[str]  # "seiner Meinung nach", "Dem Vernehmen nach"
    document_sources: frozenset[str]  # "laut der Studie": the study speaks
    document_prefixes: frozenset[str]  # "Presseerklärung": a kind of document, no source
    statement_nouns: tuple[str, ...]  # "Aussendung": issued by someone
    source_endings: tuple[str, ...]  # lower case: a word ending so may be a source noun
    opinion_nouns: frozenset[str]
    organization_nouns: tuple[str, ...]  # lower case: "Zeitung", "Partei" (can speak)
    work_nouns: tuple[str, ...]  # lower case: "Film", "Buch" (cannot)

    @cached_property
    def title_nouns(self) -> tuple[str, ...]:
        """„…“ right after one of these is a name or a title."""
        return self.organization_nouns + self.work_nouns

    @cached_property
    def any_impersonal(self) -> re.Pattern[str]:
        """Matches where one of the impersonal phrases does (a quick test before each)."""
        return re.compile(r"\b(?:" + "|".join(self.impersonal) + r")\b")

    @cached_property
    def verb_words(self) -> frozenset[str]:
        """Speech verbs and participles: a sentence without one has no verb cue."""
        return self.verbs | self.participles

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every lower-case word that can start a cue: a sentence without one names no
        source (checked first, since most sentences are such)."""
        return frozenset({*self.verbs, *self.participles, *self.clause_participles,
                          *self.speaker_after,
                          *self.speaker_before, *self.anaphoric,
                          *(phrase.split()[0].lower() for phrase in self.impersonal)})


@cache
def speech_lexicon() -> SpeechLexicon:
    with (DATA_DIR / "speech.toml").open("rb") as handle:
        data = tomllib.load(handle)
    phrases = data["phrases"]
    verbs, particles = _cue_forms(data["lemmas"], data["phrase_verbs"])
    return SpeechLexicon(
        verbs=verbs.union(data["infinitives"]),
        infinitives=frozenset(data["infinitives"]),
        particles=particles,
        separable_prefixes=frozenset(lemma.split("|")[0] for lemma in data["lemmas"]
                                     if "|" in lemma),
        speaker_after=_by_first_word(phrases["speaker_after"]),
        speaker_before=tuple(phrases["speaker_before"]),
        impersonal=tuple(sorted(phrases["impersonal"], key=len, reverse=True)),
        subjunctive=frozenset(data["subjunctive"]["forms"]).union(
            *map(_konjunktiv_one, data["subjunctive"]["verbs"])),
        participles=frozenset(data["participles"]),
        authors_remark=re.compile(r"\bsei\b[^.,;:]{0,80}?\b(?:" +
                                  "|".join(data["remark_participles"]) + r")\b(?!\s+worden)"),
        clause_participles=_participles(data["lemmas"]).union(data["clause_participles"]),
        anaphoric=tuple(phrases["anaphoric"]),
        anaphoric_sources=frozenset(phrases["anaphoric_sources"]),
        quoting=frozenset(data["quoting"]),
        judging=frozenset(data["judging"]),
        held_opinion=_held_opinion_pattern(phrases["held_opinions"]),
        passive_cues=frozenset(data["passive_cues"]),
        source_noun=_source_noun_pattern(phrases["source_nouns"]),
        document_sources=frozenset(phrases["document_sources"]),
        claim=re.compile(rf"\b(?P<noun>{'|'.join(phrases['claim_nouns'])}) (?:der|des|von) "),
        document_prefixes=frozenset(phrases["document_prefixes"]),
        statement_nouns=tuple(phrases["statement_nouns"]),
        source_endings=tuple(noun.lower() for noun in  # "so der Vorwurf der Staatsanwaltschaft"
                             [*phrases["source_nouns"], *phrases["claim_nouns"]]),
        opinion_nouns=frozenset(noun.lower() for noun in phrases["opinion_after"]),
        organization_nouns=tuple(noun.lower() for noun in data["names"]["organization_nouns"]),
        work_nouns=tuple(noun.lower() for noun in data["names"]["work_nouns"]),
        opinion_after=re.compile(r"\b(?P<owner>[Ss]einer|[Ii]hrer|[Dd]eren|[Dd]essen|[Dd]em) "
                                 rf"(?P<noun>{'|'.join(phrases['opinion_after'])}) nach\b"),
    )


def _konjunktiv_one(verb: str) -> set[str]:
    """Third person singular Konjunktiv I: the stem and "e" ("gelten" -> "gelte", "fordern" ->
    "fordere", "handeln" -> "handele", "handle", "tun" -> "tue")."""
    if verb.endswith("eln"):
        return {verb[:-1] + "e", verb[:-3] + "le"}
    if verb.endswith("ern"):
        return {verb[:-1] + "e"}
    return {verb[:-1] if verb.endswith("en") else verb[:-1] + "e"}


def _source_noun_pattern(nouns: list[str]) -> re.Pattern[str]:
    """"Nach ersten Polizeiangaben", "schossen nach offiziellen Angaben", "laut ai-Bericht":
    the preposition, up to three lower-case words, then a noun ending in a source noun; the
    part before it (if any) names the source."""
    endings = "|".join(f"[{n[0]}{n[0].lower()}]{n[1:]}" for n in nouns)  # either case
    return re.compile(r"(?<!\S)(?P<cue>[Nn]ach|[Ll]aut|[Gg]emäß)\s+(?:[a-zäöüß]+\s+){0,3}"
                      rf"(?P<noun>(?P<prefix>[^\W\d_][\w\-]*?)??(?P<source>{endings}))\b")


def _held_opinion_pattern(nouns: list[str]) -> re.Pattern[str]:
    """"X ist der Meinung" (or "ist X der Meinung": the words between), "X vertritt die
    These" (or "vertritt X die These")."""
    held = "|".join(nouns)
    return re.compile(rf"\b(?:(?P<verb>ist|sind|war|waren|sei|seien) "
                      rf"(?P<inverted>[^,.;:]{{1,60}} )?"
                      rf"(?P<noun>der (?:{held}))|(?P<holds>vertritt|vertrat) "
                      rf"(?P<subject>[^,.;:]{{1,60}} )?(?P<thesis>die (?:{held})))\b")


def _cue_forms(lemmas: list[str], phrase_verbs: dict[str, str]
               ) -> tuple[frozenset[str], dict[str, re.Pattern[str]]]:
    """The finite forms of the speech lemmas, and for a form that is a cue only with words
    later in its clause ("teilte ... mit", "zeigte sich besorgt") the pattern of those words.
    A form that some lemma makes a cue by itself ("forderte") needs nothing."""
    needed: dict[str, set[str]] = {}
    plain: set[str] = set()
    for lemma in lemmas:
        if "|" not in lemma:  # the present "erklärt", which verb_forms files as participle
            plain.add(principal_parts(lemma)[0])
        for form, verb_form in verb_forms(lemma).items():
            if verb_form.kind == SPLIT:
                needed.setdefault(form, set()).add(verb_form.particle)
            elif verb_form.kind in (FINITE, INFINITIVE):
                plain.add(form)
    for lemma, words in phrase_verbs.items():
        for form, verb_form in verb_forms(lemma).items():
            if verb_form.kind in (FINITE, INFINITIVE):
                needed.setdefault(form, set()).update(words.split("|"))
    verbs = (plain | needed.keys()) - _first_person(lemmas)
    particles = {form: re.compile(rf"\b(?:{'|'.join(sorted(words, key=lambda w: (-len(w), w)))})\b")
                 for form, words in needed.items() if form in verbs and form not in plain}
    # (the longest first: "zu verstehen" is found whole, not as "zu")
    return frozenset(verbs), particles


def _participles(lemmas: list[str]) -> frozenset[str]:
    """"hingewiesen", "vorgeworfen": after one, a clause says what was said."""
    return frozenset(form for lemma in lemmas for form, verb_form in verb_forms(lemma).items()
                     if verb_form.kind == PARTICIPLE)


def _first_person(lemmas: list[str]) -> set[str]:
    """"glaube", "mitteile": in news without quotation marks "Ich glaube, ..." is an
    interview's answer, not a cue (the same spelling as Konjunktiv I, which marks the
    reported clause itself)."""
    forms = set()
    for lemma in lemmas:
        particle, _, base = lemma.rpartition("|")
        forms |= {stem(base) + "e", particle + stem(base) + "e"}
    return forms


def _by_first_word(phrases: list[str]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Phrases as lower-case word tuples, grouped by their first word, longest first."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in sorted(phrases, key=lambda p: len(p.split()), reverse=True):
        parts = tuple(phrase.lower().split())
        grouped.setdefault(parts[0], []).append((parts, phrase))
    return {word: tuple(entries) for word, entries in grouped.items()}


def reported_words(words: set[str], allow_k2: bool) -> bool:
    """Konjunktiv I marks reported speech; Konjunktiv II only where a cue makes it speech."""
    found = words & speech_lexicon().subjunctive
    if not allow_k2:
        found -= _K2_FORMS
    if "ich" in words:  # "Folglich lehne ich ... ab": the first person, not reported
        found = {form for form in found if not form.endswith("e")}
    return bool(found)


def is_reported(text: str, allow_k2: bool = False) -> bool:
    return reported_words({w for w in TOKEN.findall(text) if w.islower()}, allow_k2)


def is_noun_of(word: str, nouns: tuple[str, ...]) -> bool:
    """A capitalised word ending in one of the (lower-case) nouns, also in the genitive:
    "Fachmagazin", "des Magazins", "des Magazines"."""
    if not is_capitalised(word):
        return False
    lower = word.lower()
    return lower.endswith(nouns) or lower.removesuffix("s").endswith(nouns) or \
        lower.removesuffix("es").endswith(nouns)


# "Er soll das Ziel gewesen sein", "Sie sollen verhaftet worden sein", "Er soll gesagt
# haben": "sollen" with a perfect infinitive reports what others say happened (not "bis dahin
# sollen die Verhandlungen abgeschlossen sein", a plan)
REPORTIVE_SOLLEN = re.compile(r"\bsoll(?:en)?\b[^,;:]*?\b(?:gewesen sein|worden sein|"
                               r"[a-zäöüß]+(?:t|en) haben)\b")
