"""A mention to its canonical speaker: names, roles, pronouns, organisations and the owners
of sources, through the article's EntityIndex (read, never changed)."""

from __future__ import annotations

import re
from itertools import dropwhile

from flows.stages.entities import (
    ACRONYM,
    ARTICLES,
    INDEFINITE,
    NAME_PARTICLES,
    OF_WHERE,
    PRONOUNS,
    TOKEN,
    Person,
    Resolved,
    country_of,
    is_capitalised,
    is_organization,
    is_role,
    lexicon,
    role_gender,
    role_nominative,
    without_workplace,
)
from flows.stages.places import is_place
from flows.stages.profiles import agency_names
from flows.stages.quotes.grammar import grammar_table, grammar_words
from flows.stages.quotes.lexicon import is_noun_of, speech_lexicon
from flows.stages.quotes.mentions import (
    GENITIVE_ARTICLES,
    JOINING,
    LATTER,
    OFFICE_NOUNS,
    PREPOSITIONS,
    SHARE_NOUNS,
    joined,
    sentence_subject,
)
from flows.stages.quotes.references import (
    a_group,
    aged,
    described,
    described_person,
    introduced_since_last_speaker,
    last_mentioned,
    last_organization,
    last_speaker_of,
    possessor,
    pronoun_referent,
)
from flows.stages.quotes.sentence import Attribution, State, Token


def can_speak(group: list[Token], state: State) -> bool:
    """A role, an organisation, or a person the article names with a role: who can be
    quoted without a speech verb (every German noun is capitalised, so a capitalised phrase
    alone could be "Die Grundlage der Technologie")."""
    words = [t.text for t in group if t.lower not in ARTICLES]
    if any(is_role(w) for w in words) or is_organization(words) or \
            _names_an_organization(words) or (bool(words) and _is_organization_noun(words[-1])):
        return True
    names = _name_words(words)
    return bool(names) and state.index.find_by_name(names) is not None


def stronger(state: State, before: list[Token] | None, after: list[Token] | None,
              before_initial: bool = True, verb: Token | None = None) -> list[Token] | None:
    """German puts the subject before the verb, or right after it when something else
    opens the sentence ("In einem Interview äußerte sich der EU-Außenbeauftragte ...").
    A noun phrase that names a person, a role, an organisation or a place wins over a bare
    noun ("Schäferkordt nannte diese Zahlen ...": Zahlen is the object), unless the verb
    agrees only with the other ("Kritiker werfen Erdogan vor": one person is no "werfen")."""
    if before and after and before_initial and verb is not None and _plural_verb(verb) and \
            _one_person(after, state) and not _one_person(before, state):
        return before
    if before and after:
        strength = speaker_strength(before, state) if before_initial else 0
        return before if strength >= speaker_strength(after, state) else after
    return before or after


def _plural_verb(verb: Token) -> bool:
    """"werfen", "erklärten", "äußern": a third person plural (the singular ends in "-t",
    "-te" or a strong stem: "wirft", "warf")."""
    return verb.lower.endswith(("en", "ern", "eln"))


def _one_person(group: list[Token], state: State) -> bool:
    """A person the article names, alone ("Erdogan", not "Erdogan und die Regierung")."""
    words = [t.text for t in group]
    if not JOINING.isdisjoint(w.lower() for w in words):
        return False
    names = _name_words([w for w in words if w.lower() not in ARTICLES])
    return bool(names) and state.index.find_by_name(names) is not None


def speaker_strength(group: list[Token], state: State) -> int:
    words = [t.text for t in group if t.lower not in ARTICLES and t.lower not in _THIS]
    names = _name_words(words)
    if len(group) == 1 and group[0].text.lower() in PRONOUNS:
        return 2
    if any(is_role(w) for w in words) or is_organization(words) or \
            (len(words) == 1 and words[0] in lexicon().place_to_country) or \
            (words and group[0].lower in ARTICLES and ACRONYM.fullmatch(words[-1])):
        return 2  # (an article and an acronym: "die regierende ÖVP")
    if names and (len(names) > 1 or state.index.find_by_name(names)):
        return 2
    return 1


def attributed(paragraph: str, found: list[Token], cue: str, state: State,
               genitive: bool = False) -> Attribution:
    """`genitive`: the mention names whose a source is ("nach Ansicht der Forscher"), where
    "der Forscher" is plural."""
    mention = paragraph[found[0].start:found[-1].end]
    if _owned_source(found):
        return Attribution(cue, mention, found[0].start,
                            possessor(found[0].lower, state, state.offset + found[0].start))
    if mention.lower() == "sie" and cue.endswith("n") and \
            not _after_singular_auxiliary(paragraph, found[0]):  # "sie erklärten": a group
        group = state.last.resolved if state.last else None
        resolved = _group_just_before(state) or (
            group if group and a_group(group, state) else Resolved(None, "unknown"))
        return Attribution(cue, mention, found[0].start, resolved)
    people_before = len(state.index.people)
    resolved = resolve_speaker(_spoken_of(paragraph, found), state,
                               state.offset + found[0].start, genitive)
    new_name = resolved.speaker not in state.index.people or \
        len(state.index.people) > people_before  # (a name the mention gave was just added)
    if new_name and (resolved.speaker_type == "person" or any(is_role(t.text) for t in found)):
        resolved = _name_set_off_after(paragraph, found[-1].end, state) or resolved
    return Attribution(cue, mention, found[0].start, resolved)


def _name_set_off_after(paragraph: str, end: int, state: State) -> Resolved | None:
    """"sagt der Leiter der Abteilung Abfallwirtschaft im Amt der Landesregierung, Harald
    Dreher.": a known person's name set off by a comma after a role that names no one."""
    after = _SET_OFF_NAME.match(paragraph, end)
    if after is None or not all(  # the role's phrase goes on ("im Amt der Landesregierung")
            is_capitalised(word) or word in ARTICLES or word in PREPOSITIONS
            for word in _BRACKETED.sub("", paragraph[end:after.start("name")]).split()):
        return None  # (not "laut Klage auch vor dem Vizekonsul ..., Mark A. Brand")
    person = state.index.find_by_name(after["name"].rstrip(".").split())
    return Resolved(person.name, "person") if person else None


_BRACKETED = re.compile(r"\([^)]*\)|,")  # "der Chef der Internet-Polizei (IIP), Kamal ..."
_SET_OFF_NAME = re.compile(r"[^,.;:?!„“\"]{0,60}, (?P<name>[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w.-]+){1,2})"
                           r"(?=[.,;:]? ?$|[.;:] |, )")


_QUANTIFIERS = grammar_words("quantifiers")
_AUXILIARIES = grammar_words("auxiliaries")


def _after_singular_auxiliary(paragraph: str, pronoun: Token) -> bool:
    """"hatte sie bestritten": a participle in "-en", one woman; not "sie bestritten"."""
    before = paragraph[:pronoun.start].split()[-1:]
    return bool(before) and before[0].lower() in _AUXILIARIES and \
        not _plural_verb(Token(before[0], 0, 0, before[0].lower()))


def _group_just_before(state: State) -> Resolved | None:
    """"Rund 4000 Postler waren vor den Post-Tower gezogen. „Wir sind die Post“, riefen sie":
    the plural subject of the sentence just before (a number or "die" before it, a plural
    verb after it)."""
    if state.before is None:
        return None
    before, offset = state.before
    tokens = list(dropwhile(lambda t: t.lower in _QUANTIFIERS or t.text[:1].isdigit(),
                            before.tokens))  # "Rund 4000 Postler"
    subject = sentence_subject(before.paragraph, tokens)
    if not subject or subject[-1] is tokens[-1] or not (
            len(tokens) < len(before.tokens) or subject[0].lower == "die"):
        return None
    head = subject[-1].text
    if not _plural_verb(tokens[tokens.index(subject[-1]) + 1]) or \
            head.lower() in PRONOUNS or state.index.find_by_name([head]):
        return None
    if is_role(head) or is_organization([head]):
        return resolve_speaker(_spoken_of(before.paragraph, subject), state,
                               offset + subject[0].start)
    return Resolved(head, "unknown")


_POSSESSIVES = frozenset(grammar_words("possessives"))
_DEMONSTRATIVES = grammar_table("demonstrative_speakers")
_DETERMINERS = frozenset(grammar_words("determiners"))
_THIS = grammar_words("demonstratives")  # "Diese Meldung bestätigte auch die Polizei": no name


def _is_statement(word: str) -> bool:
    """"Aussendung", "Presseerklärung": a statement someone issued (not "FPÖ-Aussendung",
    whose first part says whose)."""
    lex = speech_lexicon()
    noun = next((n for n in lex.statement_nouns if word.endswith((n, n.lower()))), None)
    return noun is not None and (word == noun or word[:-len(noun)] in lex.document_prefixes)


def _issuer_just_before(state: State) -> Resolved | None:
    """Who issued a statement the text names no one for: the speaker of the sentence just
    before, else that sentence's subject when it can speak (a role, an organisation, a person
    named with a role)."""
    if state.last is not None and state.sentences_since_speech == 0:
        return state.last.resolved
    if state.before is None:
        return None
    before, offset = state.before
    subject = sentence_subject(before.paragraph, before.tokens)
    if not subject or not can_speak(subject, state):  # not "Ohne Zählung ..."
        return None
    issuer = resolve_speaker(_spoken_of(before.paragraph, subject), state,
                             offset + subject[0].start)
    return issuer if issuer.speaker_type in ("person", "organization") else None


def _owned_source(found: list[Token]) -> bool:
    """"seinen Angaben zufolge", "so ihre Einschätzung": a possessive before a source noun (not
    before a person: "sagte seine Frau")."""
    return len(found) > 1 and found[0].lower in _POSSESSIVES and \
        found[-1].lower.endswith(speech_lexicon().source_endings)


def _spoken_of(paragraph: str, found: list[Token]) -> str:
    """The mention without the words its phrase skipped ("die Lopez" of "die in New York
    City geborene Lopez"); as written when nothing was skipped."""
    text = found[0].text
    for left, right in zip(found, found[1:], strict=False):
        text += (paragraph[left.end:right.start] if joined(paragraph, left, right) else " ") + \
            right.text
    return text


def resolve_speaker(mention: str, state: State, position: int = 0, genitive: bool = False
                    ) -> Resolved:
    """Canonical speaker of a mention: a pronoun, a name, a role or an organisation."""
    if re.search(_JOINED_PHRASES, mention):
        return _resolve_together(mention, state, position)
    words = TOKEN.findall(mention)
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return pronoun_referent(words[0].lower(), state, position)
    if len(words) == 1 and words[0].lower() in LATTER | _DEMONSTRATIVES:
        gender = (LATTER | _DEMONSTRATIVES)[words[0].lower()]
        return (last_mentioned(state, position, gender) if gender else None) or \
            Resolved(None, "unknown")
    age = aged(words)
    if age:  # "sagte der 61-Jährige": a man named since the last speaker, else the last
        # speaker of that gender
        return introduced_since_last_speaker(state, position, age) or \
            last_speaker_of(state, age, position) or Resolved(None, "unknown")
    gender = described(words)
    found = (introduced_since_last_speaker(state, position, gender) or
             last_speaker_of(state, gender, position)) if gender else None
    if found:  # "erzählt der Bub" after Husam M. was named; else as written
        return found
    words = _of_the_whole(_without_the_agency_told(words))
    words = list(dropwhile(lambda word: word.lower() in _CONJUNCTIONS, words))
    if not words:  # "Und fragt": no one
        return Resolved(None, "unknown")
    principal = _spoken_for(words, state)
    if principal:  # "Kerrys Sprecher": Kerry speaks
        return Resolved(principal.name, "person")
    owner = _owner_of_office(words) or _role_spoken_for(words)
    if owner:  # "aus dem Büro des Präsidenten", "ein Sprecher des Präsidenten": the president
        return resolve_speaker(" ".join(owner), state, position)
    body = _body_of_role(words)
    if body:  # "ein Sprecher des Innenministeriums": the ministry speaks
        return Resolved(state.index.organization_of_kind(body) or body, "organization")
    content = _owner_of_source(words) or _name_owning_source(words) or _without_articles(words)
    indefinite = bool(words) and words[0].lower() in INDEFINITE
    named = state.index.organization_of_kind(content[0]) \
        if len(content) == 1 and not indefinite else None
    if named:  # "das Unternehmen" after "das Unternehmen Rovio"
        return Resolved(named, "organization")
    surname = state.index.find_by_name(content) if len(content) == 1 and content == words \
        else None
    if surname:  # "so Deutsch" after Oskar Deutsch: the person, not a country's adjective
        return Resolved(surname.name, "person")
    issuer = _issuer_of_source(content)
    if issuer:  # "Medienberichten zufolge", "Polizeiangaben zufolge": the media, the police
        return resolve_speaker(issuer, state, position)
    if len(content) == 1 and _is_statement(content[0]):
        issuer = _issuer_just_before(state)
        if issuer:  # "Der KAV hat ... zurückgewiesen. „…“, hieß es in einer Aussendung"
            return issuer
    if len(content) == 1 and content[0] in speech_lexicon().anaphoric_sources and \
            state.last and state.sentences_since_speech == 0:
        return state.last.resolved  # "Nach Polizeiangaben ... Die Kommission ist nach
        # Angaben vom Mittwoch verstärkt worden": the source just named
    medium = _after_title_noun(content)
    if medium:  # "die Nachrichtenagentur Reuters", "des arabischen Senders Al-Dschasira"
        return Resolved(" ".join(medium), "organization")
    first_name = any(w in lexicon().first_names for w in content)  # "Alex Korun", not "UN"
    written = _in_nominative(content, words).split()  # "des Ministeriums": das Ministerium
    holder = state.index.find_by_role(content) if len(content) == 1 and \
        is_role(content[0]) and is_organization(content) and not indefinite else None
    if holder:  # "der Landesrat" (a council's name too) after Gesundheitslandesrat Androsch
        return Resolved(holder.name, "person")
    if not first_name and (is_organization(written) or _names_an_organization(written)):
        name = " ".join(_organization_name(written))
        return last_organization(name, state) or \
            Resolved(state.index.compound_body(name) or name, "organization")
    names = _name_words(content)
    if not names and len(content) == 1 and content[0] in lexicon().place_to_country:
        return Resolved(content[0], "organization")
    if names:
        person = state.index.find_by_name(names) or _known_name_before_noun(names, state) \
            or _known_name_after_agent_noun(names, state)
        if person is None and _common_noun(words, names):
            person = None if genitive else described_person(words, content, state, position)
            if person:  # "so der Verhandler" after Strugl spoke
                return Resolved(person.name, "person")
            return Resolved(" ".join(_plural_nominative(words, written)), "unknown")  # "der
            # Bericht": not a person
        if person is None and not first_name and _after_a_genitive_article(words, names):
            return Resolved(" ".join(written), "unknown")  # "des Kölner Stadt-Anzeigers":
            # German names no person with an article
        fuller = state.index.full_name_of(names[0]) if person is None and len(names) == 1 \
            else None  # "sagt Kiesbauer" after "Arabella Kiesbauer"
        person = person or state.index.add(fuller or " ".join(names), words, 0)
        if person:
            return Resolved(person.name, "person")
    # "ein Sprecher" is someone not named before, "der Sprecher" may be; "nach Meinung von
    # Experten": a group
    person = None if indefinite or _bare_plural(words) or _plural_of_role(words, content) \
        else state.index.find_by_role(content) or \
        (None if genitive else described_person(words, content, state, position))
    if person:
        return Resolved(person.name, "person")
    if len(written) == 1 and is_role(written[0]):
        written = [role_nominative(written[0])]  # "Laut Forschern": Forscher
    return Resolved(" ".join(written), "person" if any(is_role(w) for w in content)
                    else "unknown")


def _plural_of_role(words: list[str], content: list[str]) -> bool:
    """"die Forscher": a masculine role after "die" is a plural, a group, not the one
    researcher the article named ("der Schlafforscher Dieter Riemann")."""
    return len(content) == 1 and len(words) == 2 and words[0].lower() == "die" and \
        role_gender(content[0]) == "male"


def _bare_plural(words: list[str]) -> bool:
    """A role noun alone in a plural form ("Experten", "Forscherinnen"), no article."""
    return len(words) == 1 and words[0].endswith("n") and role_gender(words[0]) is None


def _known_name_before_noun(names: list[str], state: State) -> Person | None:
    """"laut Filzmaier Aufträge von Parteien": a known person's name and the capitalised noun
    after it (German capitalises every noun)."""
    for end in range(len(names) - 1, 0, -1):
        person = state.index.find_by_name(names[:end])
        if person and (_common_noun_after_name(names[end],
                                               shortened=len(person.name.split()) > end)
                       or state.index.find_by_name(names[end:]) not in (None, person)):
            return person  # (a known person's name, then another's: "forderte Kickl Van der
            # Bellen auf")
    return None


def _known_name_after_agent_noun(names: list[str], state: State) -> Person | None:
    """"Dokumentarfilmer Riha": a role glued to the surname of a known person."""
    if len(names) == 2 and _agent_noun(names[0], names[1]):
        return state.index.find_by_name(names[1:])
    return None


def _common_noun_after_name(word: str, shortened: bool) -> bool:
    """After a surname ("Filzmaier" of Peter Filzmaier) a longer noun ("Aufträge",
    "Mittwochfrüh"), not a short surname ("Ali Ihsan Su") nor a place ("Stadt Klagenfurt");
    after a full name only an acronym ("Lothar Lockl APA", not "Walter Peter Müller") or
    where they work ("Richard Cassidy von Alert Logic")."""
    if word.isupper() or word in OF_WHERE:
        return True
    return shortened and len(word) > 3 and not country_of(word) and not is_place(word)


def _without_articles(words: list[str]) -> list[str]:
    """The words without articles, but for those of a name ("Ursula von der Leyen")."""
    another = bool(words) and words[0].lower() in INDEFINITE  # "ein anderer Vertreter"
    return [w for i, w in enumerate(words) if (w.lower() not in ARTICLES and
                                               not (another and w.lower() in _OTHER_ONE))
            or (i and NAME_PARTICLES.match(words[i - 1].lower()) and i + 1 < len(words))]


_OTHER_ONE = frozenset(grammar_words("other_one"))


_CONJUNCTIONS = grammar_words("sentence_conjunctions")


def _of_the_whole(words: list[str]) -> list[str]:
    """"Nur die Hälfte der Befragten gab an": the group speaks, not its share."""
    share = next((i for i, word in enumerate(words[:4]) if word in SHARE_NOUNS), None)
    if share is None or len(words) < share + 3 or words[share + 1].lower() != "der":
        return words
    return words[share + 1:]


def _without_the_agency_told(words: list[str]) -> list[str]:
    """"erklärte ein Heeressprecher der APA", "sagte ein Sprecher der Regierung der ungarischen
    Nachrichtenagentur MTI": the news agency after a spokesperson is who was told (a dative),
    not whose spokesperson it is."""
    spokesperson = next((i for i, word in enumerate(words)
                         if is_role(word) and word.lower().endswith(_SPOKESPERSON)), None)
    for at in range(len(words) - 2, 0, -1):
        if words[at].lower() not in ("der", "dem"):
            continue
        if spokesperson is not None and at > spokesperson and _is_agency(words[at + 1:]):
            return words[:at]
        if _a_name(words[at - 1]) and _is_medium(words[at + 1:]):
            return words[:at]  # "Jadranka Joksimovic der Belgrader Zeitung Danas"
    return words


def _a_name(word: str) -> bool:
    """Capitalised, and no role, organisation or source ("Dem Bericht der Zeitung zufolge":
    the newspaper's report)."""
    lex = speech_lexicon()
    return is_capitalised(word) and not is_role(word) and \
        not is_noun_of(word, lex.organization_nouns) and \
        not word.lower().endswith(lex.source_endings)


def _is_medium(words: list[str]) -> bool:
    """"Belgrader Zeitung Danas", "Süddeutschen Zeitung": a newspaper, agency or broadcaster
    that a person told something."""
    return _is_agency(words) or any(is_noun_of(word, _MEDIA_NOUNS) for word in words[:3])


_MEDIA_NOUNS = tuple(grammar_words("media_nouns", ordered=True))


def _is_agency(words: list[str]) -> bool:
    """"APA", "Deutschen Presse-Agentur", "ungarischen Nachrichtenagentur MTI"."""
    if len(words) == 1 and words[0].lower() in agency_names():
        return True
    return any(word.lower().endswith("agentur") for word in words[-2:]) and \
        all(w[:1].isupper() or w.endswith(("e", "en")) for w in words)


_SPOKESPERSONS = frozenset(grammar_words("spokesperson_nouns"))
_SPOKESPERSON = tuple(sorted({noun.lower() for noun in _SPOKESPERSONS}))  # as word endings


def _body_of_role(words: list[str]) -> str | None:
    """"(ein) Sprecher des Innenministeriums" -> "das Innenministerium": the organisation in
    the genitive after a role, in the nominative, when it is one."""
    roles = [at for at, word in enumerate(words[:3]) if is_role(word)]
    if not roles or roles[0] + 2 >= len(words) or \
            words[roles[0] + 1].lower() not in ("des", "eines"):
        return None
    body = [_nominative(word) if at == len(words) - 1 else word
            for at, word in enumerate(words[roles[0] + 2:], roles[0] + 2)]
    body = list(dropwhile(str.islower, body))  # "des deutschen Innenministeriums"
    spokesperson = words[roles[0]].lower().endswith(_SPOKESPERSON)
    return " ".join(body) if body and (is_organization(body) or (
        spokesperson and len(body) == 1 and not is_role(body[0]))) else None  # ("ein Sprecher
    # des Lagezentrums": whatever the body is called; not "des Präsidenten")


def _plural_nominative(words: list[str], written: list[str]) -> list[str]:
    """"Den Kritikern zufolge": the plural's dative -n dropped ("Kritiker"); not a weak noun
    ("den Präsidenten")."""
    if len(written) == 1 and words[0].lower() == "den" and \
            written[0].endswith(("ern", "eln", *_DATIVE_PLURAL_SOURCES)):
        return [written[0][:-1]]  # ("den Einsatzkräften zufolge": Einsatzkräfte)
    return written


def _in_nominative(content: list[str], words: list[str]) -> str:
    """"(laut einer Prognose) des Familienministeriums" -> "Familienministerium", "Dem
    afghanischen Verteidigungsministerium (zufolge)" -> "afghanische Verteidigungsministerium":
    a speaker named in the genitive or dative, as a name is written."""
    if len(words) == 1 and words[0].endswith(_DATIVE_PLURAL_SOURCES):
        return words[0][:-1]  # "aus Regierungskreisen": Regierungskreise
    at = words.index(content[0]) if content and content[0] in words else 0
    article = words[at - 1].lower() if at else words[0].lower()  # ("einer Erklärung des
    # Auswärtigen Amtes": the owner's article)
    if article not in _OBLIQUE_ARTICLES:
        return " ".join(content)
    *described, noun = content
    singular = article in ("dem", "einem") or (
        article in ("des", "eines") and _nominative(noun) != noun) or (
        article in ("der", "einer") and noun.lower().endswith(_FEMININE_ENDINGS))
    # ("der Frankfurter Allgemeinen Zeitung", not "der Vereinten Nationen")
    described = [w[:-1] if (w.islower() or singular) and w.endswith("en") else w
                 for w in described]
    return " ".join([*described, _nominative(noun) if article in ("des", "eines") else noun])


_OBLIQUE_ARTICLES = ("des", "eines", "dem", "einem", "der", "einer")
_DATIVE_PLURAL_SOURCES = tuple(grammar_words("dative_plural_sources"))
_FEMININE_ENDINGS = tuple(grammar_words("feminine_endings"))  # a singular noun


_GENITIVE_ES = ("ses", "tes", "des", "ges", "kes", "fes", "bes", "ches")


def _nominative(noun: str) -> str:
    """A masculine or neuter noun without its genitive ending: "Ministeriums" -> "Ministerium",
    "Bundestages" -> "Bundestag", "Landes" -> "Land"."""
    if noun.endswith(_GENITIVE_ES) and len(noun) >= 5:
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is", "os", "as")) and \
            len(noun) > 4:
        return noun[:-1]
    return noun


def _common_noun(words: list[str], names: list[str]) -> bool:
    """One capitalised word after an article and no role before it ("der Bericht", "die
    Spielminute"): a noun, not a name (German news names people without an article)."""
    if len(names) != 1 or names[0] in lexicon().first_names or any(map(is_role, words)):
        return False  # "der Vorsitzende des Linux-Verbandes" names whose
    at = words.index(names[0])
    return at > 0 and (words[at - 1].lower() in ARTICLES or words[at - 1].lower() in _PLURAL)
    # ("seine beiden Großmütter": several people, no one's name)


_PLURAL = grammar_words("plural_determiners")


def _after_a_genitive_article(words: list[str], names: list[str]) -> bool:
    """Capitalised words right after "des" or "eines" with no role before them ("einem
    Bericht des Kölner Stadt-Anzeigers"): a title or a body, not a person's name."""
    at = words.index(names[0]) if names[0] in words else 0
    return at > 0 and words[at - 1].lower() in ("des", "eines") and \
        not any(map(is_role, words))


def _spoken_for(words: list[str], state: State) -> Person | None:
    """"Kerrys Sprecher", "Merkels Sprecherin": the person named before the spokesperson."""
    if len(words) != 2 or words[1] not in _SPOKESPERSONS or not words[0].endswith("s"):
        return None
    return state.index.find_by_name([words[0][:-1]])


def _role_spoken_for(words: list[str]) -> list[str] | None:
    """"ein Sprecher des Präsidenten" -> "des Präsidenten": a person's spokesperson."""
    owner = _genitive_after(words, _SPOKESPERSONS)
    return owner if owner and is_role(owner[-1]) else None


def _owner_of_office(words: list[str]) -> list[str] | None:
    """"dem Büro des Präsidenten" -> "des Präsidenten": an office speaks for its owner."""
    return _genitive_after(words, OFFICE_NOUNS)


def _genitive_after(words: list[str], nouns: frozenset[str]) -> list[str] | None:
    """The genitive phrase after one of these nouns near the start of the words."""
    at = next((i for i, word in enumerate(words[:3]) if word in nouns), None)
    if at is None or at + 2 >= len(words) or words[at + 1].lower() not in ("des", "der"):
        return None
    return words[at + 1:]


def _organization_name(words: list[str]) -> list[str]:
    """"Sprecher Feuerwehr" -> "Feuerwehr": a role speaks for its organisation."""
    role = max((at for at, word in enumerate(words) if is_role(word)), default=-1)
    return words[role + 1:] or words


def _resolve_together(mention: str, state: State, position: int) -> Resolved:
    """"der russische und der französische Minister", "Er sowie Giesel": each phrase (the
    first one sharing the noun of the last), both speakers by name."""
    parts = re.split(_JOINED_PHRASES, mention)
    noun = next((w for w in reversed(TOKEN.findall(parts[-1])) if is_capitalised(w)), "")
    resolved = [resolve_speaker(_with_noun(part, noun), state, position) for part in parts]
    if any(r.speaker is None for r in resolved):
        return Resolved(None, "unknown")
    kinds = {r.speaker_type for r in resolved}
    return Resolved(" und ".join(r.speaker for r in resolved),
                    kinds.pop() if len(kinds) == 1 else "unknown")


_JOINED_PHRASES = r"(?<!-) (?:und|sowie) "  # not "Innen- und Sportminister": one role


def _with_noun(phrase: str, noun: str) -> str:
    """"der russische" + "Minister": a phrase that leaves out its noun shares the next one's."""
    has_noun = any(is_capitalised(w) and w.lower() not in ARTICLES for w in TOKEN.findall(phrase))
    return phrase if has_noun else f"{phrase} {noun}"


def _after_title_noun(words: list[str]) -> list[str] | None:
    """The name after a noun such as "Zeitung", "Sender", "Organisation": who that is."""
    last = max((at for at, word in enumerate(words[:-1]) if _is_organization_noun(word)),
               default=None)
    if last is None or any(is_capitalised(word) for word in words[:last]):
        return None  # "Die Demokratische Partei Thailands": the noun is part of the name
    name = words[last + 1:]
    return name if all(is_capitalised(w) or NAME_PARTICLES.match(w) for w in name) else None


def _names_an_organization(words: list[str]) -> bool:
    """An acronym ("WFP", "CCC") or a name with a noun such as "Partei" in it."""
    if len(words) == 1:
        return len(words[0]) > 1 and words[0].isupper() and words[0].isalpha()
    return not any(is_role(w) for w in words) and any(_is_organization_noun(w) for w in words)


def _is_organization_noun(word: str) -> bool:
    """"Nachrichtenagentur", "Senders", "Partei": a group or a medium, which can speak."""
    return is_noun_of(word, speech_lexicon().organization_nouns)


def _owner_of_source(words: list[str]) -> list[str] | None:
    """Whose a source noun is: "Angaben der Polizei", "Kernaussage von Jerry Larson"."""
    head = next((at for at, word in enumerate(words)
                 if is_capitalised(word) and word.lower() not in ARTICLES), None)
    if head is None or head + 2 >= len(words) or \
            not words[head].lower().endswith(speech_lexicon().source_endings):
        return None
    if words[head + 1].lower() not in GENITIVE_ARTICLES | {"von", "vom"}:
        return None
    return [w for w in words[head + 2:] if w.lower() not in ARTICLES] or None


def _name_owning_source(words: list[str]) -> list[str] | None:
    """"in einer ... verbreiteten Erklärung Bans": a name in the genitive after the source
    noun that ends the mention owns it (Ban)."""
    if len(words) < 2 or not words[-2].lower().endswith(speech_lexicon().source_endings):
        return None
    owner = words[-1]
    return [owner[:-1]] if is_capitalised(owner) and owner.endswith("s") and \
        len(owner) > 3 and not owner.endswith(("ss", "us")) else None


def _issuer_of_source(content: list[str]) -> str | None:
    """The first part of a one-word source compound ("Medienberichten" -> "Medien"), unless
    it says what kind of document it is ("Presseerklärung")."""
    if len(content) != 1:
        return None
    word = content[0]
    ending = next((e for e in speech_lexicon().source_endings
                   if word.lower().endswith(e) and len(word) - len(e) >= 3), None)
    prefix = word[:-len(ending)].removesuffix("-") if ending else ""
    if not prefix or prefix.capitalize() in speech_lexicon().document_prefixes:
        return None
    prefix = issuer_word(prefix)
    return prefix[0].upper() + prefix[1:]


def issuer_word(prefix: str) -> str:
    """The first part of a source compound without its linking "s" ("Ministeriumsangaben":
    Ministerium)."""
    if prefix.endswith("s") and prefix[:-1].lower().endswith(_LINKING_S_BEFORE):
        return prefix[:-1]
    return prefix


_LINKING_S_BEFORE = ("ung", "heit", "keit", "schaft", "ium", "ion", "tät", "tum")


_AGENT_ENDINGS = tuple(grammar_words("agent_noun_endings"))


def _name_words(words: list[str]) -> list[str]:
    """The name in a mention: what follows the last role or country word, particles included."""
    words = without_workplace(words)
    start = 0
    for position, word in enumerate(words):
        if is_role(word) or (country_of(word) and not _city_as_first_name(words, position)):
            start = position + 1
    name = words[start:]
    while name and (not is_capitalised(name[0]) or name[0].lower() in _DETERMINERS):
        name = name[1:]  # (also "Jegliche Mitverantwortung": a determiner, then a noun)
    while len(name) >= 3 and (_agent_noun(name[0], name[1]) or _noun_before_first_name(name)):
        name = name[1:]  # "Chefentwickler Shigeru Miyamoto", "Abwehrstütze Jerome Boateng":
        # a role or a noun glued to the name
    return name if all(is_capitalised(w) or NAME_PARTICLES.match(w) for w in name) else []


def _city_as_first_name(words: list[str], position: int) -> bool:
    """"Riad Haddad": a city's name alone before a surname is a first name, not where he is
    from (that is "der Riader ...", "aus Riad")."""
    lex = lexicon()
    return position == 0 and len(words) == 2 and words[0] in lex.place_to_country and \
        words[0] not in lex.countries and is_capitalised(words[1])


def _noun_before_first_name(name: list[str]) -> bool:
    """A word before a first name that a surname follows ("Gasmonopolisten Naftogas Andrej
    Kobolew"): not the person's name."""
    first_names = lexicon().first_names
    return name[0] not in first_names and not NAME_PARTICLES.match(name[0]) and \
        any(word in first_names for word in name[1:-1])


def _agent_noun(word: str, following: str) -> bool:
    """A noun for what someone is or does, not a first name ("Walter", "Karin"): a long one
    ("Produzent"), or a short one before a known first name ("Tester Anna Berg", not "Gabor
    Wichmann")."""
    first_names = lexicon().first_names
    return word.lower().endswith(_AGENT_ENDINGS) and word not in first_names and \
        (len(word) > 7 or following in first_names)
