import time
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.first_names import usable, write
from flows.stages.entities import TOKEN, EntityIndex, is_role, tokens_with_ends
from flows.stages.quotes import extract_quotes, speech_lexicon


def _indexed_quotes(text: str) -> list:
    """An article's quotes, its people indexed as the pipeline does."""
    return extract_quotes(text, "", EntityIndex.build(text))


def _last_speaker(text: str) -> str | None:
    """The speaker of an article's last quote."""
    return _indexed_quotes(text)[-1].speaker


NAMES = {"Charles de Gaulle", "Moskwa", "Islamischer Staat", "Islamischen Staat", "Mistral",
         "Islamischen Staates", "Islamische Staat", "Islamischen Staats"}


def _rows(seeds, prefix):
    return {q["text"]: q for q in seeds[prefix].quotes}


def _find(seeds, prefix, start):
    return next(q for text, q in _rows(seeds, prefix).items() if text.startswith(start))


def test_offsets_cut_the_quote_out_of_the_body(seeds):
    for processed in seeds.values():
        body = processed.article["body"]
        assert processed.quotes
        for quote in processed.quotes:
            assert body[quote["char_start"]:quote["char_end"]] == quote["text"]


def test_quoted_names_are_not_quotes(seeds):
    texts = {q["text"] for processed in seeds.values() for q in processed.quotes}
    assert texts & NAMES == set()


@pytest.mark.parametrize("prefix, start, kind, speaker", [
    ("000", "Es gibt keine Konflikte zwischen uns", "direct", "Jean-Yves Le Drian"),
    ("000", "In Syrien haben wir [Frankreich]", "direct", "Jean-Yves Le Drian"),
    ("000", "auf einer regelmäßigen Basis", "partial", "Jean-Yves Le Drian"),
    ("000", "das bereits früher besprochen wurde", "partial", "Jean-Yves Le Drian"),
    ("000", "haben sie eine ähnliche Sicht", "partial", "Sergej Schoigu und Jean-Yves Le Drian"),
    ("001", "Schulter an Schulter", "partial", "John Kerry"),
    ("001", "Jeder wird verstehen", "direct", "John Kerry"),
    ("002", "Man habe vereinbart", "indirect", "Wladimir Putin"),
    ("002", "Wir achten diese Koalition", "direct", "Wladimir Putin"),
    ("002", "keinen Platz für Assad", "partial", "François Hollande"),
    ("003", "Wir haben die Sorge", "direct", "Sawsan Chebli"),
    ("004", "Es ist zu früh, davon zu reden", "direct", "Dmitri Peskow"),
    ("004", "Vielleicht ist diese große Koalition möglich", "direct", "Jean-Yves Le Drian"),
    ("004", "Washington arbeite in Syrien aber nach wie vor nicht", "indirect", "Peter Cook"),
    ("004", "kontraproduktiv", "partial", "Peter Cook"),
])
def test_seed_quotes_have_kind_and_speaker(seeds, prefix, start, kind, speaker):
    quote = _find(seeds, prefix, start)
    assert (quote["kind"], quote["speaker"], quote["speaker_type"]) == (kind, speaker, "person")


def test_mentions_and_cues_are_as_written(seeds):
    quote = _find(seeds, "000", "Es gibt keine Konflikte")
    assert (quote["speaker_mention"], quote["cue"]) == ("er", "betonte")
    quote = _find(seeds, "002", "Wir achten diese Koalition")
    assert (quote["speaker_mention"], quote["cue"]) == ("der Kremlchef", "sagte")


def test_organisations_speak_too(seeds):
    quote = _find(seeds, "004", "Je breiter die Koalition")
    assert (quote["speaker"], quote["speaker_type"]) == ("Auswärtige Amt", "organization")


def _one_paragraph(text):
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(text)]


def test_quote_split_by_a_speech_tag_gives_two_rows_with_one_speaker():
    text = "„Wir sind bereit“, sagte Angela Merkel, „aber nicht um jeden Preis.“"
    assert _one_paragraph(text) == [
        ("direct", "Angela Merkel", "Wir sind bereit"),
        ("direct", "Angela Merkel", "aber nicht um jeden Preis."),
    ]


@pytest.mark.parametrize("opening, closing", [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"')])
def test_every_typographic_style(opening, closing):
    text = f"{opening}Das ist ein Skandal{closing}, sagte Gewerkschaftschef Frank Werneke."
    assert _one_paragraph(text) == [("direct", "Frank Werneke", "Das ist ein Skandal")]


def test_nested_quotes_stay_inside_the_outer_one():
    text = "„Wir bekämpfen den ‚Islamischen Staat‘ weiter“, sagte Außenminister Max Muster."
    assert _one_paragraph(text) == [
        ("direct", "Max Muster", "Wir bekämpfen den ‚Islamischen Staat‘ weiter")]


def test_inner_quote_in_the_same_style_does_not_close_the_outer_one():
    text = ("„Wir haben viele Anmeldungen für „Small-Business-Unternehmen“ gehabt. Die Nachfrage "
            "ist stark“, sagte Edmon Chung, Chef von DotAsia.")
    quote = "Wir haben viele Anmeldungen für „Small-Business-Unternehmen“ gehabt. Die Nachfrage ist"
    assert _one_paragraph(text) == [("direct", "Edmon Chung", quote + " stark")]


def test_a_stray_opening_mark_leaves_the_quotations_after_it():
    text = ("Die Liste „Neue Mitte enthält viele Namen. "
            "„Wir treten an“, sagte Anna Beispiel, „und wir gewinnen.“")
    assert [q.text for q in extract_quotes(text)] == ["Wir treten an", "und wir gewinnen."]


def test_quote_opening_a_paragraph_with_the_tag_in_the_next_sentence():
    text = "„Das werden wir nicht hinnehmen.“ Das sagte Innenminister Thomas de Maizière am Montag."
    assert _one_paragraph(text) == [
        ("direct", "Thomas de Maizière", "Das werden wir nicht hinnehmen.")]


def test_pronoun_resolves_to_the_last_speaker():
    text = ("„Das ist gut“, sagte Kanzlerin Angela Merkel. "
            "„Wir machen weiter“, betonte sie am Abend.")
    assert [q.speaker for q in extract_quotes(text)] == ["Angela Merkel", "Angela Merkel"]


def test_surname_resolves_to_the_full_name_met_earlier():
    text = ("Innenminister Thomas de Maizière besuchte Dresden.\n\n"
            "„Die Lage ist ernst“, sagte de Maizière.")
    assert [q.speaker for q in extract_quotes(text)] == ["Thomas de Maizière"]


@pytest.mark.parametrize("text, people", [
    ("Recherchen nährten den Verdacht, sagte der UN-Hochkommissar für Menschenrechte, Zeid "
     "Raad al-Hussein, am Freitag.", ["Zeid Raad al-Hussein"]),
    ("Der Sprecher des Ministeriums, Thomas Schnöll, widersprach.", ["Thomas Schnöll"]),
    ("Der Minister für Arbeit, Soziales und Konsumentenschutz sagte das.", []),
])
def test_a_name_set_off_after_a_roles_phrase_holds_the_role(text, people):
    assert sorted(EntityIndex.build(text).people) == people


def test_a_name_set_off_after_a_description_holds_the_role_before_it():
    text = ("Der Vertreter der EU im Menschenrechtsrat, der dänische Diplomat Peter Sörensen, "
            "bedauerte, dass Israel nicht reisen ließ.")  # (10kGNAD)
    assert [q.speaker for q in _indexed_quotes(text)] == ["Peter Sörensen"]


@pytest.mark.parametrize("text, people", [
    ("Bazoum Mohammed, Sprecher der Gruppierung CFDR, forderte das.", ["Bazoum Mohammed"]),
    ("Dem Berater Prem Tinsulanonda, einem ehemaligen Ministerpräsidenten, wird das vorgeworfen.",
     ["Prem Tinsulanonda"]),
    ("Das lobte der Sprecher der CDU/CSU-Bundestagsfraktion Friedbert Pflüger.",
     ["Friedbert Pflüger"]),
    # places, organisations and longer runs are no names
    ("Der Gouverneur des Bundesstaates New York, David A. Paterson, ernannte sie.",
     ["David A. Paterson"]),
    ("Der Präsident der Demokratischen Republik Kongo floh.", []),
    ("Er ist der Chef des Los Angeles Philharmonic Orchestra.", []),
    ("Die Vereinten Nationen, Sprecher der Hilfswerke und Helfer baten um Geld.", []),
])
def test_a_name_set_off_before_its_role_or_after_the_roles_genitive(text, people):
    assert sorted(EntityIndex.build(text).people) == people


@pytest.mark.parametrize("text, people", [  # Austrian offices (10kGNAD): no one was found
    ("Landeshauptmann Hans Niessl war in Wien.", ["Hans Niessl"]),
    ("Der burgenländische Landeshauptmann Hans Niessl (SPÖ) hatte das verteidigt.",
     ["Hans Niessl"]),
    ("Das räumte Fachverbandsobfrau Angelika Sery-Froschauer am Donnerstag ein.",
     ["Angelika Sery-Froschauer"]),
    ("Grün-Landesrat Rudi Anschober plädierte für Schwarz-Rot-Grün.", ["Rudi Anschober"]),
])
def test_austrian_and_party_offices_are_roles(text, people):
    assert sorted(EntityIndex.build(text).people) == people


@pytest.mark.parametrize("text, people", [  # a common noun after a role is no one's name
    ("Ihm wurde von einem Kollegen Einseitigkeit vorgeworfen.", []),
    ("Dem Minister Forderungen zu stellen, ist leicht.", []),
    ("Verteidigungsminister Jung sagte das.", ["Jung"]),
])
def test_a_common_noun_after_a_role_is_no_name(text, people):
    assert sorted(EntityIndex.build(text).people) == people


@pytest.mark.parametrize("text, speaker", [
    # the agency after a spokesperson was told (a dative): not whose spokesperson it is
    ("Die Soldaten werden in Kufstein gebraucht, erklärte ein Heeressprecher der APA.",
     "Heeressprecher"),
    ("Die Lage sei ernst, sagte ein Polizeisprecher der Deutschen Presse-Agentur.",
     "Polizeisprecher"),
    ("Die Lage sei ernst, sagte ein Sprecher der Polizei.", "Polizei"),
    # "ein Sprecher" is someone not named before, not the article's last spokesperson
    ("Polizeisprecher Hans Weber bestätigte den Einsatz. Die Strecke bleibe gesperrt, sagte "
     "ein Sprecher.", "Sprecher"),
])
def test_who_was_told_and_an_indefinite_role_are_not_the_speaker(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a reporting verb set off by commas: its subject follows it
    ("Die Regierung, schreibt die Zeitung, habe den Plan längst aufgegeben.", "Zeitung"),
    ("Ostermayer, meint ein hochrangiger Museumsexperte, sei schlecht beraten worden.",
     "hochrangiger Museumsexperte"),
    # not a verb after a name set off after its subject, nor one that shares the subject
    ("Der Repräsentant in Bosnien, Wolfgang Petritsch, begrüßte die Initiative, monierte "
     "aber, dass man mehr Geld in die Region pumpen müsse.", "Wolfgang Petritsch"),
    ("Klose, der in der 60. Minute Gelb-Rot sah, nannte das Urteil „hart“.", "Klose"),
])
def test_a_reporting_verb_in_a_parenthesis_has_its_subject_after_it(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ("In Italien wurde Medienberichten zufolge ein Algerier festgenommen.", "Medien"),
    ("Polizeiangaben zufolge wurde ein Algerier festgenommen.", "Polizei"),
    ("Der Pressemitteilung zufolge wurde ein Algerier festgenommen.", "Pressemitteilung"),
    ("Laut Forschern ist das Eis dünn.", "Forscher"),  # a bare role in the nominative
    # without the linking "s" (10kGNAD)
    ("Laut Ministeriumsangaben wurden 2.429 Bewerbungen gezählt.", "Ministerium"),
    ("Mit 20.300 Beschäftigten hatten nach Gewerkschaftsangaben viele gestreikt.",
     "Gewerkschaft"),
])
def test_a_source_compound_speaks_for_its_issuer(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a share of a group speaks as the group (10kGNAD)
    ("Heuer gab die Hälfte der Befragten an, mit dem Auto zur Arbeit zu fahren.", "Befragten"),
    ("Nur die Hälfte der Führungskräfte geht davon aus, dass das Thema relevant ist.",
     "Führungskräfte"),
    ("Drei Viertel der Befragten gaben an, die Matura mit der Hand geschrieben zu haben.",
     "Befragten"),
    # an adverb opening the sentence is no one ("Heuer" is also a surname)
    ("Bislang hieß es, alle Gespräche seien geprüft worden.", None),
    ("Schnell war Hofer wieder freundlich, dessen Partei hat rufen müssen. Er sei entspannt.",
     "Hofer"),
    ("Weiters verweisen Verfassungsrechtler darauf, dass Österreich wenig ausrichten kann.",
     "Verfassungsrechtler"),
    ("So hatte sich vor allem Mozilla darüber beschwert, dass der Wechsel erschwert werde.",
     "Mozilla"),
    # a claim speaks for its owner
    ("Ein Kartell erkaufte sich die Gunst von Funktionären, so der Vorwurf der römischen "
     "Staatsanwaltschaft.", "römische Staatsanwaltschaft"),
])
def test_a_share_of_a_group_speaks_as_the_group(text, speaker):
    assert _last_speaker(text) == speaker


def test_demnach_after_a_document_is_its_issuers():
    text = ("Ein Bericht des Wirtschaftsmagazins Nikkei sorgt für Schlagzeilen. Demnach "
            "herrschen bei Konami prekäre Arbeitsbedingungen. Mitarbeiter würden überwacht.")
    assert [q.speaker for q in extract_quotes(text)] == ["Nikkei", "Nikkei"]  # (10kGNAD)


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    # a fronted object with a demonstrative names no one; the subject after the verb speaks
    ("Diese Meldung bestätigte auch die Polizei am Montag. Die Täter seien geflohen.",
     "Polizei"),
    ("Dieser Darstellung widerspricht auch die regierende ÖVP nur bedingt. Diese habe einen "
     "Antrag eingebracht.", "ÖVP"),
])
def test_a_fronted_object_does_not_speak(text, speaker):
    assert _last_speaker(text) == speaker


def test_a_partys_man_is_a_role_before_a_name():
    text = ("Das sei nicht berücksichtigt, sagt IHS-Ökonom Helmut Hofer. Das ist kein gutes "
            "Geschäft, sagt IHS-Mann Hofer.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)] == ["Helmut Hofer", "Helmut Hofer"]


@pytest.mark.parametrize("text, speaker", [  # reported speech tagged by "hieß es" after it
    ("Die Lage sei sehr ernst, hieß es aus dem Ministerium.", "Ministerium"),
    ("Man werde damit umgehen, hieß es in der Mitteilung der Stadt.", "Stadt"),
])
def test_hiess_es_after_reported_speech_tags_it(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD shapes)
    ("Der Wiener Krankenanstaltenverbund (KAV) hat die Vorwürfe am Samstag zurückgewiesen. Alle "
     "Vorgänge seien korrekt, hieß es in einer Aussendung.", "Wiener Krankenanstaltenverbund"),
    ("Wir sind zu allen gleich streng, sagte der Kommissionsvertreter Jörg Wojahn. Jeder in "
     "Brüssel erkenne das an, heißt es in der Presseaussendung.", "Jörg Wojahn"),
    ("Der Nationalrat sei das falsche Gremium, so die FPÖ-Aussendung.", "FPÖ"),
    ("Schettino trägt nach Meinung des Gerichts die Verantwortung. Die Opfer hätte es nicht "
     "gegeben, heißt es in der Begründung für das Urteil.", "Gericht"),
])
def test_a_statement_no_one_is_named_for_is_by_whoever_spoke_or_acted_just_before(text, speaker):
    # Was "Aussendung": the document, not who issued it.
    assert _last_speaker(text) == speaker


def test_a_statement_after_a_sentence_whose_subject_cannot_speak_keeps_no_issuer():
    text = "Ohne Zählung wisse man wenig. Die Lage sei ernst, hieß es in einer Aussendung."
    assert _last_speaker(text) != "Ohne Zählung"


def test_a_body_named_in_the_genitive_or_dative_is_named_as_in_the_nominative():
    assert _last_speaker("„Die Lage ist ernst“, heißt es in einer Erklärung des Auswärtigen "
                         "Amtes.") == "Auswärtige Amt"


def test_heisst_es_aus_names_who_in_names_where():
    text = ("Überraschend hieß es zu Mittag in Brüssel aus der EU-Kommission, dass dies in "
            "Ordnung sei.")  # (10kGNAD)
    assert _last_speaker(text) == "EU-Kommission"


def test_statements_of_no_one_named_are_the_source_just_named():
    text = ("Nach Polizeiangaben vom Mittwoch besteht der Verdacht einer Vergewaltigung. Die "
            "Ermittlungskommission ist nach Angaben vom Mittwoch verstärkt worden.")
    assert _last_speaker(text) == "Polizei"  # (10kGNAD)


def test_an_aside_is_no_ones_cue():
    # "wie berichtet": the reporter's "as reported" (10kGNAD)
    text = ("Oberndorfer vertritt wie berichtet die Meinung, dass es Kernarbeitszeiten geben "
            "sollte.")
    assert {q.speaker for q in extract_quotes(text)} <= {None}


@pytest.mark.parametrize("text", [  # (10kGNAD)
    "Er habe nach hinten geschaut, sagt der 31-Jährige. Aber, wie gesagt, als er wieder in "
    "ihre Richtung sah, sei sie schon zwei Meter entfernt gelegen.",
    "Sie urgiert eine Befragung. Und fragt etwa Wie rechtfertigte die Journalistin ihr "
    "Vorgehen, Daten über illegale Wege zu erfragen? und Wurde bereits nachgeforscht?",
    "Das Wissen wurde gefunden. Oder anders gesagt: Denken und Handeln hätten jene Fähigkeit "
    "gewonnen, ohne die alles vergeblich wäre. Der Krieg wäre nicht besiegt.",
])
def test_a_conjunction_opening_the_sentence_is_no_speaker(text):
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers and not {"Aber", "Und", "Oder"} & set(speakers)



@pytest.mark.parametrize("text, speaker, mention", [
    # a possessive source is its owner's: the last speaker, or whom the pronoun means
    ("Die Zessionen sind legal, erklärt der Anwalt Alexander Angelow. Seinen Angaben zufolge "
     "wird das Volumen auf 800 Millionen geschätzt.", "Alexander Angelow", "Seinen Angaben"),
    ("Der Gangster Henry Hill taucht ab. Hill wird, so seine Selbsteinschätzung, sein Leben "
     "als Trottel verbringen.", "Henry Hill", "seine Selbsteinschätzung"),
    # "eigenen Angaben zufolge": the subject after the verb
    ("Eigenen Angaben zufolge hat die Feuerwehr 30 Menschen gerettet.", "Feuerwehr",
     "Eigenen Angaben"),
    # but a possessive before a person is that person: his wife speaks, not he
    ("Der Politiker Max Huber schwieg. Es sei ein Fehler gewesen, sagte seine Frau.",
     "Frau", "seine Frau"),
])
def test_an_owned_source_speaks_for_its_owner(text, speaker, mention):
    quote = extract_quotes(text, "", EntityIndex.build(text))[-1]
    assert (quote.speaker, quote.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize("text, speaker", [
    ("Die Flüchtlinge seien zurückgebracht worden, sagte ein Polizeisprecher. Von der "
     "griechischen Regierung hieß es, sie könne dies nicht bestätigen.",
     "griechische Regierung"),
    ("Seitens der Polizei hieß es, man prüfe den Fall.", "Polizei"),
])
def test_an_impersonal_report_from_someone_is_theirs(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a known name and the noun after it: the name ("Aufträge" is the verb's object)
    ("Der Politologe Peter Filzmaier berät den ORF. Der Vertrag schließt laut Filzmaier "
     "Aufträge von politischen Parteien aus.", "Peter Filzmaier"),
    # not a place after a word that is also someone's surname
    ("Der Bürgermeister Hans Stadt blieb fern. Die Stadt Klagenfurt teilte mit, dass der "
     "Bescheid eingegangen sei.", "Stadt Klagenfurt"),
])
def test_a_known_name_ends_before_the_noun_after_it(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a verb opening the sentence is no part of its subject
    ("Der Vorstoß überrascht. Hatte der Europäische Gerichtshof doch festgehalten, dass das "
     "Verlinken keinen Verstoß darstellt.", "Europäische Gerichtshof"),
    # a role glued to the surname of a known person: that person
    ("Mit einem Augenzwinkern gratuliert Georg Riha der Stadt. Ja, es ist ein Imagefilm, sagt "
     "Dokumentarfilmer Riha.", "Georg Riha"),
])
def test_the_speakers_name_is_cleared_of_words_around_it(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a definite role no one holds: the last speaker named in full without a role
    ("Die Märkte seien robust, sagt James Butterfill. Die Rohstoffe würden steigen, sagt der "
     "Ökonom.", "James Butterfill"),
    # not a group ("die Forscher"), nor the genitive plural of a source ("der Forscher")
    ("Die Märkte seien robust, sagt James Butterfill. Die Rohstoffe würden steigen, sagen die "
     "Forscher.", "Forscher"),
    ("Die Märkte seien robust, sagt James Butterfill. Nach Ansicht der Forscher steigen die "
     "Rohstoffe.", "Forscher"),
    # (10kGNAD) a woman's role no one holds: the one woman who spoke, though she holds a role
    ("Die Vorsitzende im Hauptverband, Ulrike Rabmer-Koller, sagte, es gehe um Geld. Der "
     "Vertrag muss eingehalten werden, betonte die Sozialversicherungs-Chefin.",
     "Ulrike Rabmer-Koller"),
    # a man's role: not the one man who spoke (he often is not the office-holder described)
    ("Der Kurdenführer Salih Müslim sagte, es gehe um Frieden. 14 Verdächtige seien "
     "festgenommen worden, sagte der Staatspräsident.", "Staatspräsident"),
    # "die Forscher" are a group, not the one researcher named
    ("Der Schlafforscher Dieter Riemann findet das gut. Wie die Forscher im Fachjournal "
     "schreiben, bleibt ein Netzwerk wach.", "Forscher"),
    # "-frau" is a woman's role
    ("Die Kammer-Obfrau Angelika Sery-Froschauer sprach. Nun bringen wir die Preise nicht mehr "
     "rauf, sagte die Kammer-Obfrau.", "Angelika Sery-Froschauer"),
])
def test_a_definite_role_describes_the_last_speaker(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # "der 45-Jährige": the last speaker of that gender the article names in full
    ("Die Spiele würden nachhaltig, versicherte Bürgermeister Eduardo Paes. Wir bauen keine "
     "weißen Elefanten, sagte der 45-Jährige.", "Eduardo Paes"),
    # no speaker of that gender: no one
    ("Die Spiele würden nachhaltig, versicherte Bürgermeister Eduardo Paes. Wir bauen keine "
     "weißen Elefanten, sagte die 45-Jährige.", None),
    # ... unless a man was named since the last speaker (10kGNAD)
    ("Ich habe davon geträumt, betonte Claudio Bravo. Chiles Trainer Jorge Sampaoli wollte "
     "den Moment auskosten. Ich danke meiner Mannschaft, sagte der 55-Jährige.",
     "Jorge Sampaoli"),
])
def test_an_age_describes_the_last_speaker_of_its_gender(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # "der Mann", "die Frau": the same, but with no one found the noun stays (10kGNAD)
    ("Das erste Mail kam am 25. Juli, erzählt Bernhard Mayer. Zur Polizei will er nicht "
     "gehen. Die habe davon keine Ahnung, so der Mann.", "Bernhard Mayer"),
    ("Husam M. wartet auf der Straße. Sie kommen auf mich zu, erzählt der Bub.", "Bub"),
    # a party's member (10kGNAD)
    ("Die Debatte beginne erst, erklärte John Boehner. Der Republikaner warf dem Weißen Haus "
     "vor, Vereinbarungen verschwiegen zu haben.", "John Boehner"),
])
def test_a_man_or_a_boy_describes_the_last_speaker_of_his_gender(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # Austrian offices by their other names (10kGNAD)
    ("Das Aus stößt auf Widerstand bei Landeshauptmann Günther Platter. Ob der Klug klug "
     "ist, weiß ich nicht, kritisierte der Landeschef die Vorgangsweise.", "Günther Platter"),
    ("ÖGB-Chef Erich Foglar ist zufrieden. Das geht SPÖ-Klubobmann Andreas Schieder auf die "
     "Nerven. Er verstehe das nicht, meinte der Fraktionschef.", "Andreas Schieder"),
])
def test_an_office_by_another_name_is_the_person_the_article_named(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a feminine singular after "der": its adjectives in the nominative; a plural stays
    ("Laut der Frankfurter Allgemeinen Sonntagszeitung wurde ein Plan erarbeitet.",
     "Frankfurter Allgemeine Sonntagszeitung"),
    ("Laut der Vereinten Nationen starben 50 Menschen.", "Vereinten Nationen"),
])
def test_a_source_after_der_is_named_in_the_nominative(text, speaker):
    assert _last_speaker(text) == speaker


def test_another_one_of_a_kind_is_named_without_another():
    text = "Ein anderer malischer Militärvertreter sagte, die Soldaten hätten Waffen beschlagnahmt."
    assert _last_speaker(text) == "malischer Militärvertreter"
    # (not other sources: "Anderen Aussagen zufolge" names no one; Wikinews)
    text = "Anderen Aussagen zufolge soll das Feuer absichtlich gelegt worden sein."
    assert _last_speaker(text) == "Anderen Aussagen"


@pytest.mark.parametrize("text, expected", [
    # a medium named in quotation marks speaks (Wikinews); quoted words stay quoted words
    ("Die Kamera sei ausgefallen, berichtete die „Süddeutsche Zeitung“.",
     [("indirect", "Süddeutsche Zeitung", "Die Kamera sei ausgefallen")]),
    ("Nach einem Bericht der „Frankfurter Allgemeine Zeitung“ ist der Konzern ins Minus "
     "gerutscht.", [("indirect", "Frankfurter Allgemeine Zeitung",
                     "ist der Konzern ins Minus gerutscht")]),
    ("Der Präsident der Union, Alpha Omar Konaré, nannte dies einen „Militärputsch“.",
     [("partial", "Alpha Omar Konaré", "Militärputsch")]),
])
def test_a_quoted_name_is_a_speaker_of_reported_speech(text, expected):
    assert [(q.kind, q.speaker, q.text) for q in extract_quotes(text)] == expected


@pytest.mark.parametrize("text, speaker", [
    # words before a first name and a surname are not the name (10kGNAD)
    ("Zuletzt zeigte sich der Chef des Gasmonopolisten Naftogas Andrej Kobolew optimistisch, "
     "dass eine Lösung gefunden werde.", "Andrej Kobolew"),
    ("Es sei eine Tortur, sagte Argentiniens Defensiv-Routinier Javier Mascherano.",
     "Javier Mascherano"),
])
def test_the_name_starts_at_the_first_name(text, speaker):
    assert _last_speaker(text) == speaker


def test_a_surname_that_is_also_a_countrys_adjective_is_the_person():
    text = ("Drohungen würden sich häufen, sagte Oskar Deutsch am Mittwoch. Das sei schlecht, "
            "so Deutsch.")
    assert _last_speaker(text) == "Oskar Deutsch"


def test_they_with_a_plural_verb_are_the_group_that_spoke_last():
    text = ("Damit imitierten wir die Verluste, so die Forscher. Egoistische Repräsentanten "
            "seien abgewählt worden, berichten sie.")
    assert [q.speaker for q in extract_quotes(text)] == ["Forscher", "Forscher"]


@pytest.mark.parametrize("text, speakers", [
    # ... or the plural subject of the sentence just before, and then the group that spoke
    # (10kGNAD)
    ("Rund 4000 Postler waren vor den Post-Tower gezogen. „Appel raus“, skandierten sie. „Wir "
     "sind die Post“, riefen sie.", ["Postler", "Postler"]),
    ("Die beiden Islamisten waren in Syrien ausgebildet worden. Im Verhör warnten sie demnach "
     "davor, dass große Terroranschläge bevorstünden.", ["Islamisten"]),
])
def test_they_with_a_plural_verb_are_the_group_named_just_before(text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers


@pytest.mark.parametrize("text, quotes", [  # (10kGNAD)
    # a sentence that opens as a question reports nothing
    ("STANDARD: Haben Sie damals selbst daran geglaubt, noch Minister zu werden?", 0),
    ("STANDARD: Was heißt es, in einem so reichen Land arm zu sein?", 0),
    # ... unlike a reported question, or a question at the end of reported speech
    ("Folgerichtig fragt auch die SPÖ, ob Naderer die Regierung stützen werde?", 1),
    ("Wir haben ein mulmiges Gefühl, sagt Trummer, denn wer weiß, wie das weitergeht?", 1),
])
def test_a_direct_question_reports_nothing(text, quotes):
    assert len(extract_quotes(text)) == quotes


def test_und_with_no_subject_of_its_own_goes_on_with_the_narrative():
    text = ("Datenschützer warnten jedoch vor einer Abhörfalle, und scheinen nun Recht behalten "
            "zu haben.")  # (10kGNAD)
    assert extract_quotes(text) == []


def test_a_headlines_quotation_is_the_name_before_its_colon():
    text = ("Obama: „Sieg für Sicherheit in der Welt“ – Republikaner kündigen Widerstand an. "
            "Washington – Die Demokraten von US-Präsident Barack Obama haben den Deal gerettet.")
    assert extract_quotes(text)[0].speaker == "Barack Obama"  # (10kGNAD)


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Am Mittwoch hatte Österreich als erstes EU-Land angekündigt, eine Obergrenze "
     "festzulegen.", "Österreich"),
])
def test_als_after_an_auxiliary_opens_no_clause(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    # a relative clause with no subject of its own: its antecedent speaks, not the object
    # before its verb; of a genitive, the nearest noun
    ("Die Anwältin Nadja Lorenz, die für ihre Mandantin 11.200 Euro Schmerzengeld fordert, "
     "ist überzeugt, dass sich alles in Sekunden abgespielt habe.", "Nadja Lorenz"),
    ("Am Dienstag teilte Strache den Status eines Bürgers, der über kriminelle Flüchtlinge "
     "berichtete. So sollen Asylwerber eine Filiale gestürmt haben.", "Bürger"),
])
def test_a_relative_clause_speaks_for_its_antecedent(text, speaker):
    assert _last_speaker(text) == speaker


def test_she_after_a_singular_auxiliary_is_one_woman():
    text = ("Beate Zschäpe muss sich verantworten. In ihrer ersten Aussage hatte sie "
            "bestritten, in die Mordpläne eingeweiht gewesen zu sein.")
    assert _last_speaker(text) == "Beate Zschäpe"


def test_a_plural_verb_has_no_single_person_after_it_as_subject():
    text = ("Der türkische Präsident Recep Tayyip Erdogan lacht. Kritiker werfen Erdogan "
            "immer wieder vor, die Pressefreiheit zu beschneiden.")
    assert extract_quotes(text, "", EntityIndex.build(text))[-1].speaker == "Kritiker"


@pytest.mark.parametrize("text, speaker", [
    # a person named after the last speaker, outside what was reported, is whom "er" means
    ("Das Abkommen sei gut, sagte der Mehrheitsführer Mitch McConnell. Der Vorsitzende im "
     "Repräsentantenhaus, John Boehner, gab sich kämpferisch. Die Debatte beginne erst, "
     "erklärte er.", "John Boehner"),
    # named inside the speaker's own report, the speaker goes on
    ("Der Streik sei nötig, sagte Gewerkschaftschef Frank Bsirske. Das Management mit "
     "Konzernchef Frank Appel fahre den Laden vor die Wand. Man werde das nicht hinnehmen, "
     "sagte er.", "Frank Bsirske"),
])
def test_he_is_the_person_newly_named_since_the_last_speaker(text, speaker):
    assert _last_speaker(text) == speaker


def test_a_role_in_another_clause_before_a_name_is_not_that_persons():
    index = EntityIndex.build("Der CSU-Chef sei vor Bundeskanzlerin Angela Merkel (CDU) schon "
                              "wieder eingeknickt. Bayerns Ministerpräsident und CSU-Chef Horst "
                              "Seehofer schwieg.")
    assert index.people["Angela Merkel"].roles == {"kanzler"}
    assert index.people["Horst Seehofer"].roles == {"ministerpräsident", "chef"}
    quotes = extract_quotes("Der CSU-Chef sei vor Bundeskanzlerin Angela Merkel eingeknickt, "
                            "sagte Bystron. Der CSU-Chef hatte gefordert, Grenzen zu schließen.")
    assert [q.speaker for q in quotes] == ["Bystron", "CSU-Chef"]


@pytest.mark.parametrize("text, speaker, speaker_type", [
    ("Laut Angaben des Innenministeriums wurden 30 Menschen festgenommen.", "Innenministerium",
     "organization"),
    ("Nach Ansicht des Gerichts trägt er die Schuld.", "Gericht", "organization"),
])
def test_a_speaker_named_in_the_genitive_is_written_in_the_nominative(text, speaker,
                                                                      speaker_type):
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.speaker_type) == (speaker, speaker_type)


def test_a_sentence_adverb_before_the_cue_is_no_speaker():
    (quote,) = extract_quotes("Insofern hoffen die Entwickler darauf, dass sich Interessierte an "
                              "dem Projekt beteiligen.")
    assert quote.speaker == "Entwickler"


def test_words_after_a_role_that_open_no_name_are_no_person():
    index = EntityIndex.build("Zustimmung erntete der Bundeskanzler von den Grünen. Der Satz "
                              "der deutschen Kanzlerin, Wir schaffen das, gilt.")
    assert not index.people


def test_unclosed_quote_does_not_swallow_the_rest():
    text = ("Er sagte: „Das ist falsch. Und so weiter.\n\n"
            "Im zweiten Absatz sagte Ministerin Anna Beispiel: „Wir prüfen das.“")
    assert _one_paragraph(text) == [("direct", "Anna Beispiel", "Wir prüfen das.")]


def test_a_quotation_over_several_paragraphs_is_one_quote():
    text = ("Der Vorsitzende Richter Michael Seidling sagte:\n\n„Wir sind überzeugt, dass wir "
            "richtig entschieden haben.\n\nBedenken Sie das, wenn Sie über den Fall berichten. "
            "“\n\nDer Verteidiger reagierte nicht.")
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Michael Seidling")]
    assert quotes[0].text == ("Wir sind überzeugt, dass wir richtig entschieden haben.\n\n"
                              "Bedenken Sie das, wenn Sie über den Fall berichten. ")
    assert text[quotes[0].char_start:quotes[0].char_end] == quotes[0].text


def test_each_paragraph_of_a_long_quotation_may_open_it_again():
    text = ("„Wir sind bereit.\n\n„Wir haben lange verhandelt.\n\n„Jetzt entscheiden "
            "andere“, sagte Gewerkschaftschef Frank Werneke.")
    assert [q.text for q in extract_quotes(text)] == [
        "Wir sind bereit.\n\n„Wir haben lange verhandelt.\n\n„Jetzt entscheiden andere"]


def test_an_unclosed_mark_does_not_join_the_next_paragraph_quote():
    text = ("Die Liste „Neue Mitte enthält viele Namen.\n\n"
            "„Wir treten an“, sagte Anna Beispiel.")
    assert [q.text for q in extract_quotes(text)] == ["Wir treten an"]


def test_scare_quotes_and_titles_without_a_speaker_are_not_quotes():
    text = ("Der Film „Das Boot“ läuft wieder. Die sogenannte \"Reform\" kam nie. "
            "Die Fregatte \"Hessen\" lief aus.")
    assert extract_quotes(text) == []


@pytest.mark.parametrize("sentence", [
    "Der Trainer wird im italienischen Fachblatt „La Gazetta dello Sport“ zitiert.",
    "Der Komponist schrieb einige Titel zu Stanley Kubricks Film „2001: Odyssee im Weltraum“.",
    "Die Forscherin berichtete im Fachmagazin „Public Library of Science“ über die Funde.",
    "Die Demonstranten zogen nach Angaben der Veranstalter unter dem Motto „Freiheit statt "
    "Angst“ durch die Stadt.",
    "Die Gruppe wurde nach Angaben eines Mitarbeiters gegenüber dem „Tagesspiegel“ aufgelöst.",
    "Zudem hob Sarkozy dem „Figaro“ zufolge die Bedeutung der Beziehungen hervor.",
    "Außerdem hatte er laut „tagesschau.de“ kritisiert, dass sein Stamm benachteiligt werde.",
    "Er hat für sein Buch „Cobra II – die wirkliche Geschichte der Invasion und der Besetzung "
    "Iraks“ recherchiert.",
    "In einem Heft des Magazines „Schöner wohnen“ erschien der Bericht.",
    "Die Studenten traten in einen Sitzstreik. Die „Kampagne für ein Freies Tibet“ berichtete "
    "über einen Marsch.",
])
def test_titles_after_their_noun_and_media_in_a_source_phrase_are_not_quotes(sentence):
    name = sentence[sentence.index("„") + 1:sentence.index("“")]
    assert name not in [q.text for q in extract_quotes(sentence)]


def test_speaker_after_an_extended_attribute():
    text = ("Bürgermeisterin Jennifer Lopez eröffnete das Fest.\n\n„Jetzt ist es noch schöner“, "
            "schrieb die in New York City geborene Lopez.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_mention) == \
        ("Jennifer Lopez", "die in New York City geborene Lopez")


def test_a_document_speaks_for_its_owner():
    text = ("Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden zunächst "
            "2.000 Menschen versorgt.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_mention, quote.text) == \
        ("WFP", "einer am Dienstag veröffentlichten Pressemitteilung des WFP",
         "wurden zunächst 2.000 Menschen versorgt")


@pytest.mark.parametrize("text, speaker", [
    ("Laut der Nachrichtenagentur Reuters seien drei Menschen verletzt worden.", "Reuters"),
    ("Nach Angaben des arabischen Senders Al-Dschasira wurden die Gespräche abgebrochen.",
     "Al-Dschasira"),
    ("Laut einer Pressemitteilung des WFP wurden zunächst 2.000 Menschen versorgt.", "WFP"),
    ("Die Demokratische Partei Thailands begrüßte, dass die Wahl stattfinde.",
     "Demokratische Partei Thailands"),
    # websites and platforms (10kGNAD)
    ("Laut der Plattform Inside Airbnb sind 67 Prozent ganze Wohnungen.", "Inside Airbnb"),
    ("Die Seite Gamespot lobt, dass das Gerät leicht sei.", "Gamespot"),
])
def test_a_medium_or_organisation_named_after_its_noun_speaks(text, speaker):
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    # an organisation named in the dative or genitive is named as in the nominative
    ("Dem afghanischen Verteidigungsministerium zufolge waren zwei Ausländer unter den "
     "Geiseln.", "afghanische Verteidigungsministerium"),
    ("Nach Angaben des bahrainischen Innenministeriums machten sie falsche Angaben.",
     "bahrainische Innenministerium"),
])
def test_an_organisation_is_named_in_the_nominative(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


def test_a_parenthesised_cue_is_an_aside_not_the_source_of_the_sentence():
    text = ("Nach der Trennung (die Zeitung berichtete) ist der Sänger mit der Schauspielerin "
            "auf der „Party des Jahres“ gewesen.")
    assert extract_quotes(text) == []


def test_quoted_words_in_a_subject_without_a_verb_after_it_are_not_judged():
    text = ("Auch der Menschenrechtsaktivist und Träger des „Preises für geistige Freiheit“ "
            "Hu Jia sitzt im Gefängnis.")
    assert extract_quotes(text) == []


def test_quoted_words_with_a_speech_verb_but_no_speaker_are_kept_without_one():
    text = ("In einem Bericht werden die Sicherheitsvorkehrungen als „extrem“ bezeichnet. "
            "Der Film „Das Boot“ wird als „Klassiker“ bezeichnet. Die Waldbrandgefahr wird "
            "vom Wetterdienst als „sehr hoch“ eingestuft.")
    assert [(q.kind, q.text, q.speaker, q.cue) for q in extract_quotes(text)] == [
        ("partial", "extrem", None, "bezeichnet"),  # a capitalised word may be a name
        ("partial", "sehr hoch", "Wetterdienst", "eingestuft")]  # the passive's agent


def test_capitalised_words_in_unattributed_reported_speech_may_be_names():
    text = "Der Film zeigt Kinder.\n\nDas Bündnis sei eine „Sahelallianz“ der Militärregierungen."
    assert [q.kind for q in extract_quotes(text)] == ["indirect"]


def test_quoted_words_in_reported_speech_are_its_speakers_words():
    text = ("Der Film zeigt Kinder in Uganda.\n\n"
            "Deshalb müsse „die Politik des Präsidenten zentraler Bestandteil der Lösung sein“.")
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", None), ("partial", None)]
    assert quotes[1].text == "die Politik des Präsidenten zentraler Bestandteil der Lösung sein"


def test_a_group_named_by_its_noun_judges_with_quoted_words():
    text = "Die Organisation verlangte eine Untersuchung der „schockierenden Szenen der Gewalt“."
    assert [(q.kind, q.speaker_mention) for q in extract_quotes(text)] == [
        ("partial", "Die Organisation")]


def test_so_inside_reported_speech_names_its_speaker():
    text = ("Doch sei es, so der ugandische Schriftsteller Musa Okwanga in einem Blog, ein "
            "Haufen mächtiger Leute gewesen. Der Verkehr war stark behindert, so wurde der "
            "Hafen geschlossen.")
    assert [(q.kind, q.speaker_mention) for q in extract_quotes(text)] == [
        ("indirect", "der ugandische Schriftsteller Musa Okwanga")]


def test_a_quote_before_its_verb_without_a_comma_is_still_a_quote():
    text = "„Wir kommen wieder“ sagte der Trainer Jürgen Klopp nach dem Spiel."
    assert [q.text for q in extract_quotes(text)] == ["Wir kommen wieder"]


def test_two_speakers_joined_by_und():
    text = ("Außenministerin Anna Weber traf den Innenminister Paul Beispiel.\n\n"
            "Beide seien zufrieden, sagten die Außenministerin und der Innenminister.")
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_type) == ("Anna Weber und Paul Beispiel", "person")


def test_a_phrase_after_the_source_is_not_part_of_its_name():
    text = "Dabei kam es nach Angaben der Polizei zu kleineren Rangeleien."
    assert [q.speaker for q in extract_quotes(text)] == ["Polizei"]


def test_the_main_clause_after_an_opening_subordinate_clause_has_the_speaker():
    text = ("Als ein Fluggast zu Hilfe eilte, biss der Randalierer den Fluggast und rief: "
            "„Lasst mich raus!“")
    assert [q.speaker_mention for q in extract_quotes(text)] == ["der Randalierer"]


def test_a_so_tag_after_the_quote_beats_an_earlier_speech_verb():
    text = ("Der Verteidiger Wolfgang Dingfelder hatte betont, der Angeklagte sei nicht "
            "vorbestraft, doch eine Bewährungsstrafe sei nicht vermittelbar, „wenn jemand mit "
            "1,9 Promille einen Radfahrer anfährt“, so Richterin Ute Bader.")
    quote = next(q for q in extract_quotes(text) if q.kind == "partial")
    assert quote.speaker == "Ute Bader"


@pytest.mark.parametrize("text, speaker", [
    ("Nach Polizeiangaben wurden drei Menschen verletzt.", "Polizei"),
    ("Laut einem Jahresbericht stieg die Zahl der Fälle.", "Bericht"),  # not "Jahres"
    ("Laut einer Presseerklärung des Verbandes stieg die Zahl der Fälle.", "Verband"),
])
def test_the_first_part_of_a_source_compound_speaks_unless_it_names_the_document(text,
                                                                                  speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_the_subject_of_a_passive_speech_verb_does_not_speak():
    text = ("Die Bevölkerung wurde gewarnt, sie solle zu Hause bleiben. "
            "Der Minister hatte betont, er sei bereit.")
    assert [(q.speaker, q.cue) for q in extract_quotes(text)] == [
        (None, "gewarnt"), ("Minister", "betont")]
    question = "Wirst du gefragt, ob das vergleichbar ist?\n\n„Ja, das kommt vor.“"
    assert [(q.speaker, q.speaker_mention) for q in extract_quotes(question)] == [(None, None)]


def test_more_participles_introduce_quotes():
    text = ("Der Student schlief immer wieder ein, nur ab und zu war er hochgeschreckt und hatte "
            "gefragt: „Was ist mit dem Radler passiert?“")
    assert [(q.speaker_mention, q.cue) for q in extract_quotes(text)] == [
        ("Der Student", "gefragt")]


@pytest.mark.parametrize("text, reported", [
    # a closing "so" tag is not part of what was said
    ("Zwei Drittel der Methoden seien unwirksam, so das Ergebnis einer Studie.",
     "Zwei Drittel der Methoden seien unwirksam"),
    ("Die Welt sei herausgefordert, so die Tonbandstimme, die dem Anführer zugeschrieben wird.",
     "Die Welt sei herausgefordert"),
    # a main clause that reports nothing itself: its "dass" clause was reported
    ("Ein Gericht folgte dem Eilantrag des Mannes, dass er nicht verhandlungsfähig sei.",
     "dass er nicht verhandlungsfähig sei"),
    # a source phrase inside the sentence covers the clause it stands in
    ("Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft die Genehmigung "
     "fehlte.", "da nach Angaben der Fluggesellschaft die Genehmigung fehlte"),
    # a source phrase covers the whole sentence, the "dass" clause and the clause before it
    ("Die Präsidenten haben nach Kreml-Angaben vereinbart, dass die Armeen zusammenarbeiten.",
     "Die Präsidenten haben nach Kreml-Angaben vereinbart, dass die Armeen zusammenarbeiten"),
])
def test_what_a_reported_sentence_reports(text, reported):
    assert [q.text for q in extract_quotes(text) if q.kind == "indirect"] == [reported]


@pytest.mark.parametrize("text, speaker, reported", [
    ("BASF argumentiert, diese Sorte sei sicher.", "BASF", "diese Sorte sei sicher"),
    ("18 Menschen sollen getötet worden sein, berichtet das Nachrichtenportal al-Arabiya unter "
     "Berufung auf einen Aufständischen.", "al-Arabiya", "18 Menschen sollen getötet worden sein"),
])
def test_more_reported_clauses(text, speaker, reported):
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.text) == (speaker, reported)


def test_a_passive_in_another_clause_does_not_hide_the_speech_verb():
    text = ("Dass sie gestattet worden war, erklärt Polizeipräsident Falk Schnabel mit der "
            "Rechtslage: „Ein Verbot lässt sich nicht rechtfertigen.“")
    assert [q.speaker for q in extract_quotes(text)] == ["Falk Schnabel"]


def test_the_subject_after_da_in_a_subordinate_clause():
    text = ("Eine Koalition ist noch nicht entschieden, da die PDM angekündigt hatte, mit allen "
            "Parteien verhandeln zu wollen.")
    assert [q.speaker_mention for q in extract_quotes(text)] == ["die PDM"]


@pytest.mark.parametrize("role", ["Schriftsteller", "Verteidiger", "Arzt", "Regisseur"])
def test_professions_are_roles_not_part_of_the_name(role):
    text = f"Der {role} Musa Okwanga sagte, der Film sei einseitig."
    assert [q.speaker for q in extract_quotes(text)] == ["Musa Okwanga"]


@pytest.mark.parametrize("word, role, nominative", [
    ("Touristikchefs", True, "Touristikchef"), ("Präsidenten", True, "Präsidenten"),
    ("Ministers", True, "Minister"), ("Vertretern", True, "Vertreter"),
    ("Journalisten", True, "Journalisten"), ("Abgeordneten", True, "Abgeordneten"),
    ("Erfolgs", False, "Erfolgs"), ("Generalstreiks", False, "Generalstreiks"),
])
def test_roles_are_known_in_every_case_from_their_nominative(word, role, nominative):
    from flows.stages.entities import role_nominative

    assert is_role(word) == role and role_nominative(word) == nominative


def test_a_name_after_a_role_in_the_genitive_is_the_persons_whole_name():
    text = ("Ziel ist nach Angaben des Straßburger Touristikchefs Jean-Jacques Gsell, mehr Gäste "
            "zu holen. Die Zahl der Gäste sei gestiegen, sagte Gsell.")
    assert extract_quotes(text, "", EntityIndex.build(text))[-1].speaker == "Jean-Jacques Gsell"


def test_reported_speech_after_the_speech_verb():
    text = "Der Minister Paul Beispiel sagte, die Regierung habe keine Wahl gehabt."
    assert _one_paragraph(text) == [
        ("indirect", "Paul Beispiel", "die Regierung habe keine Wahl gehabt")]


QUOTE_ALPHABET = st.sampled_from(list("„“”\"»«‚‘' ,.:\n") + ["sagte", "Merkel", "er", "Das",
                                                            "ist", "so", "habe", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTE_ALPHABET, max_size=200).map(" ".join))
def test_offsets_hold_for_any_text(text):
    started = time.perf_counter()
    for quote in extract_quotes(text):
        assert text[quote.char_start:quote.char_end] == quote.text
        assert quote.kind in ("direct", "partial", "indirect")
    assert time.perf_counter() - started < 1.0


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTE_ALPHABET, max_size=200).map(" ".join))
def test_quote_spans_and_paragraphs_are_well_formed(text):
    from flows.stages.text import quote_paragraphs, quote_spans

    spans = quote_spans(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[s.start] in "„“\"»«" and text[s.end - 1] in "“”\"«»" for s in spans)
    paragraphs = list(quote_paragraphs(text))
    assert all(text[offset:offset + len(part)] == part for offset, part in paragraphs)
    assert all(a[0] + len(a[1]) < b[0] for a, b in zip(paragraphs, paragraphs[1:], strict=False))
    assert "".join("".join(part.split()) for _, part in paragraphs) == "".join(text.split())


def test_a_run_on_sentence_is_cut_into_bounded_pieces_at_clause_ends():
    from flows.stages.text import MAX_SENTENCE_CHARS, sentence_spans

    clause = "die Polizei nahm in Paris drei Männer fest, "
    text = "Am Montag " + clause * 200 + "sagte ein Sprecher. Danach war es ruhig."
    spans = sentence_spans(text)
    assert text[spans[-1].start:spans[-1].end] == "Danach war es ruhig."
    pieces = spans[:-1]
    assert len(pieces) > 4 and all(s.end - s.start <= MAX_SENTENCE_CHARS for s in pieces)
    assert all(text[s.end - 1] == "," and not text[s.start].isspace() for s in pieces[:-1])
    # nothing lost or repeated: the pieces and the spaces between them are the sentence
    assert " ".join(text[s.start:s.end] for s in pieces) == text[:pieces[-1].end]


def test_a_run_on_text_without_spaces_is_cut_too():
    from flows.stages.text import MAX_SENTENCE_CHARS, sentence_spans

    spans = sentence_spans("x" * (3 * MAX_SENTENCE_CHARS))
    assert [s.end - s.start for s in spans] == [MAX_SENTENCE_CHARS] * 3


@pytest.mark.parametrize("text, speaker", [
    # the noun after the verb is the object: the subject before it speaks
    ("RTL-Chefin Anke Schäferkordt nannte diese Zahlen „aus der Luft gegriffen“.",
     "Anke Schäferkordt"),
    # an opening phrase is not the speaker; "sich" is skipped
    ("In einem Interview äußerte sich der EU-Außenbeauftragte Javier Solana jedoch "
     "zuversichtlich: „Ich gehe davon aus, dass eine Einigung gelingen wird.“", "Javier Solana"),
    # a name inside a fronted phrase is not the subject
    ("Nach einer Unterredung mit Kanzler Olaf Beispiel teilte Minister Max Muster mit, "
     "man werde die Hilfe verstärken.", "Max Muster"),
    # "hatte ... betont": the subject the sentence opens with
    ("Parteichef Edmund Stoiber hatte besonders die Rolle der Parteivorsitzenden betont: "
     "„Die Entscheidungen fallen im Kreise der Parteivorsitzenden.“", "Edmund Stoiber"),
])
def test_the_subject_speaks_not_the_object_or_an_opening_phrase(text, speaker):
    (quote,) = extract_quotes(text)
    assert quote.speaker == speaker


def test_a_pronoun_before_any_speaker_is_the_person_named_last():
    text = ("Außenminister Max Muster traf am Montag seinen Amtskollegen. "
            "„Wir sind uns einig“, sagte er.")
    assert [q.speaker for q in extract_quotes(text)] == ["Max Muster"]


def test_a_person_named_without_a_role_is_known_by_the_full_name():
    """Names with a known first name are people of the article even with no role before
    them: a pronoun and a later surname resolve to the full name (10kGNAD: "James
    Butterfill" for "Butterfill", "Sie" for "Irmgard Griss")."""
    text = ("Anna Weber will im Herbst kandidieren. Sie sagte am Montag: „Wir bleiben hart.“ "
            "Der Analyst James Butterfill widersprach. „Das reicht nicht“, sagte Butterfill.")
    assert [q.speaker for q in extract_quotes(text)] == ["Anna Weber", "James Butterfill"]


@pytest.mark.parametrize("text, name", [
    ("Alexander Van der Bellen gewann die Wahl.", "Alexander Van der Bellen"),
    ("Kommissionspräsidentin Ursula von der Leyen reiste ab.", "Ursula von der Leyen"),
    ("Außenminister Jean-Yves Le Drian kam.", "Jean-Yves Le Drian"),
    ("George W. Bush lachte.", "George W. Bush"),
    ("Minister Peter Müller der Partei kam.", "Peter Müller"),  # "der" is no particle here
    # where someone works is no part of the name, even with a first name no list knows
    ("Das sagt der Wissenschafter Arjen Hoekstra von der Universität Twente.", "Arjen Hoekstra"),
    # "zu" before a noun of a fixed phrase is no particle ("zu Guttenberg" is)
    ("Das musste Bundesfinanzminister Peer Steinbrück zu Beginn der Debatte einräumen.",
     "Peer Steinbrück"),
    ("Verteidigungsminister Karl-Theodor zu Guttenberg kam.", "Karl-Theodor zu Guttenberg"),
])
def test_full_names_keep_their_particles(text, name):
    assert list(EntityIndex.build(text).people) == [name]


def test_a_quoted_word_with_a_speaker_is_a_quote_but_names_stay_names():
    text = "Der Kommissionspräsident Alpha Konaré nannte den Umsturz einen „Militärputsch“."
    assert [(q.kind, q.speaker, q.text) for q in extract_quotes(text)] == [
        ("partial", "Alpha Konaré", "Militärputsch")]
    ship = "Die Marine schickte den Kreuzer „Moskwa“, sagte ein Sprecher am Montag."
    # the ship's name is no quote; the clause before the speech verb is reported speech
    assert [(q.kind, q.speaker, q.text) for q in extract_quotes(ship)] == [
        ("indirect", "Sprecher", "Die Marine schickte den Kreuzer „Moskwa“")]


def test_plural_cues_and_group_speakers():
    text = "Die Passagiere berichteten, das Flugzeug sei mit einem „großen Ruck“ aufgesetzt."
    assert [(q.kind, q.speaker, q.text) for q in extract_quotes(text)] == [
        ("indirect", "Passagiere", "das Flugzeug sei mit einem „großen Ruck“ aufgesetzt"),
        ("partial", "Passagiere", "großen Ruck")]


def test_a_speech_act_without_quotes_carries_over_to_reported_sentences():
    text = ("Der frühere Schiedsrichter Robert Beispiel hat schwere Vorwürfe geäußert. "
            "Bis vor zwei Jahren sei es der „Normalfall“ gewesen, dass Spiele verschoben wurden.")
    reported, quoted = extract_quotes(text)
    assert (quoted.kind, quoted.speaker, quoted.text) == (
        "partial", "Robert Beispiel", "Normalfall")
    assert (reported.kind, reported.speaker) == ("indirect", "Robert Beispiel")
    assert reported.text.startswith("Bis vor zwei Jahren sei es der „Normalfall“ gewesen")


# the quotation is what was reported: the source phrase that opens the sentence is not part
# of it (as ", sagte X" is not)
@pytest.mark.parametrize("sentence, speaker, reported", [
    ("Laut Polizei wurden bei dem Unfall drei Menschen verletzt.", "Polizei",
     "wurden bei dem Unfall drei Menschen verletzt"),
    ("Nach Angaben der Feuerwehr brach das Feuer im Keller aus.", "Feuerwehr",
     "brach das Feuer im Keller aus"),
    ("Dem Innenministerium zufolge wurden bei dem Anschlag drei Menschen verletzt.",
     "Innenministerium", "wurden bei dem Anschlag drei Menschen verletzt"),
    ("Nach Einschätzung von Experten wird der Preis weiter steigen.", "Experten",
     "wird der Preis weiter steigen"),
    ("Nach den Worten der Ministerin wird das Gesetz im Herbst beschlossen.", "Ministerin",
     "wird das Gesetz im Herbst beschlossen"),
])
def test_sourced_reports_are_indirect_speech(sentence, speaker, reported):
    (quote,) = extract_quotes(sentence)
    assert (quote.kind, quote.text) == ("indirect", reported)
    assert speaker in quote.speaker
    assert sentence[quote.char_start:quote.char_end] == reported


def test_the_speaker_phrase_ends_where_the_next_phrase_begins():
    (quote,) = extract_quotes("Hauptthemen waren laut Pentagon der Kampf gegen den Terror und "
                              "die Sicherheit der Truppen.")
    assert (quote.kind, quote.speaker) == ("indirect", "Pentagon")
    genitive = "Die Sprecherin der Stiftung Warentest sagte: „Wir bleiben dabei.“"
    assert extract_quotes(genitive)[0].speaker_mention == "Die Sprecherin der Stiftung Warentest"


def test_every_cue_of_the_lexicon_opens_the_check_for_a_source():
    # sentences without a cue word skip the search for a speaker (most sentences): every
    # first word of every cue must count as one, or its sentences would lose their quotes
    lex = speech_lexicon()
    first_words = {phrase.split()[0].lower() for phrase in
                   [*lex.impersonal, *lex.speaker_before, *lex.anaphoric]}
    first_words |= set(lex.speaker_after) | lex.verbs | lex.participles
    assert first_words <= lex.cue_words
    (quote,) = extract_quotes("Aus dem Ministerium verlautete, die Gespräche seien gescheitert.")
    assert (quote.speaker, quote.cue) == ("Ministerium", "verlautete")


def test_demnach_refers_to_the_source_just_named():
    text = ("Die Polizei veröffentlichte am Montag ihren Bericht. Laut Polizei war der Fahrer "
            "zu schnell. Demnach fuhr er mit 120 Stundenkilometern durch den Ort.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Polizei", "Polizei"]
    assert (quotes[1].cue, quotes[1].speaker_mention) == ("demnach", "Demnach")  # as written


@pytest.mark.parametrize("text, speaker", [
    ("„Das ist unser Erfolg“, so der Mitarbeiter der Firma.", "Mitarbeiter"),
    # two speakers: the first is named (coordination is not resolved yet)
    ("„Wir treten aus“, meinen die beiden Mitglieder Jan Giesel und David Perteck.",
     "Jan Giesel"),
    ("„Wir bitten Sie dringend“, heißt es in dem Schreiben des Verbands.", "Schreiben"),
])
def test_more_cue_shapes(text, speaker):
    (quote,) = extract_quotes(text)
    assert speaker in (quote.speaker or "") + " " + (quote.speaker_mention or "")


def test_a_quote_paragraph_continues_the_last_speaker():
    text = ("„Wir haben viel erreicht“, sagte Ministerin Anna Beispiel am Montag.\n\n"
            "„Aber die Arbeit ist noch lange nicht getan.“\n\n"
            "Der Haushalt wurde danach beschlossen.\n\n„Ein guter Tag.“")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["Anna Beispiel", "Anna Beispiel", None]  # not after reporter's text


@pytest.mark.parametrize("text, speaker", [
    ("Über Steve Fossett sagte Branson: „Steve muss mit Turbulenzen zurechtkommen.“", "Branson"),
    ("Weiter sagte der Journalist Michael Gordon: „Der Bericht ist richtig.“", "Michael Gordon"),
    # the subject follows the finite verb (found in Wikinews: "Erfolgskriterium" and "Von"
    # were taken as speakers)
    ("Als Erfolgskriterium hatte Gerhard Schröder erklärt: „Ich rechne damit.“",
     "Gerhard Schröder"),
    ("Von einem „besonders schweren Eingriff“ spricht der Gesetzentwurf.", "Gesetzentwurf"),
])
def test_a_fronted_phrase_does_not_speak(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


@pytest.mark.parametrize("sentence, speaker", [
    ("Wie die Polizei mitteilte, wurden drei Menschen verletzt.", "Polizei"),
    ("Wie der Konzern am Montag bekannt gab, sinkt der Gewinn.", "Konzern"),
])
def test_wie_clauses_report_the_main_clause(sentence, speaker):
    (quote,) = extract_quotes(sentence)
    assert quote.kind == "indirect" and speaker in quote.speaker
    assert quote.text == sentence.split(", ", 1)[1].rstrip(".")


def test_konjunktiv_one_without_a_cue_is_reported_speech_with_an_unknown_speaker():
    text = "Die Brücke wurde am Montag eröffnet. Die Kosten seien deutlich gestiegen."
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.speaker_type, quote.text) == \
        ("indirect", None, "unknown", "Die Kosten seien deutlich gestiegen")


@pytest.mark.parametrize("text, speaker", [
    ("„Er bleibt in Erinnerung“, schrieb „Die Zeit“ in einem Nachruf.", "Die Zeit"),
    ("Erkki Tuomioja, Präsident des Rats der Europäischen Union: „Das Gesetz ist falsch.“",
     "Erkki Tuomioja"),
    ("Im Brief, den Minister Hans Beispiel geschickt hat, erklärt er: „Das ist ein Fehler.“",
     "Hans Beispiel"),
    ("Auf der Homepage des Festivals heißt es: „Die Striche wurden gewählt.“", "Homepage"),
])
def test_speakers_in_quotation_marks_before_colons_and_in_sources(text, speaker):
    assert speaker in (extract_quotes(text)[0].speaker or "")


def test_a_published_statement_is_the_source_of_what_follows(seeds):
    quote = _find(seeds, "000", "Sergej Schoigu betonte")
    assert (quote["speaker_type"], quote["cue"]) == ("organization", "hieß es weiter")
    assert "Verteidigungsministerium" in quote["speaker"]


@pytest.mark.parametrize(("body", "speaker", "cue"), [
    ("„Ich trete als Konservativer an“, strich Romney in Arbutus heraus.", "Romney", "strich"),
    ("„Der IWF unterstützt Griechenland“, ließ ein IWF-Sprecher aus Washington verlauten.",
     "IWF-Sprecher", "ließ"),
    ("„Das ist nicht hinnehmbar“, entgegnete Merkel.", "Merkel", "entgegnete"),
    ("In der ARD zeigt sich Prokop zufrieden: „Wir haben uns deutlich gesteigert.“",
     "Prokop", "zeigt"),
    # the present tense of a verb the lexicon lists in the past ("resümierte")
    ("In seiner Mitteilung resümiert Hartmut Lierow: „Die Jahre der Haft haben ihm geschadet.“",
     "Hartmut Lierow", "resümiert"),
])
def test_speech_verbs_and_particle_verbs_of_the_lexicon(body, speaker, cue):
    quote = extract_quotes(body)[0]
    assert speaker in quote.speaker and quote.cue == cue


def test_a_clause_after_the_speech_verb_is_not_the_speaker():
    # Regression: "erklärte, ihr Land unterstütze ..." made "ihr Land unterstütze seinen
    # nördlichen Nachbarn" the speaker of the quote before it.
    body = ("Australiens Ministerpräsidentin Julia Gillard bezeichnete das Unglück als „große "
            "Tragödie“ und erklärte, ihr Land unterstütze seinen nördlichen Nachbarn.")
    quote = next(q for q in extract_quotes(body) if q.kind == "partial")
    assert quote.text == "große Tragödie" and quote.speaker == "Julia Gillard"


def test_who_is_quoted_speaks_not_the_medium_that_quotes():
    body = "Der Spiegel zitiert den Prediger mit den Worten „Wir warnen das Abendland.“"
    quote = extract_quotes(body)[0]
    assert quote.speaker_mention == "den Prediger" and quote.cue == "zitiert"


def test_a_long_clause_before_the_colon_still_names_who_speaks():
    body = ("Ayaan Hirsi Ali bekannte sich in ihrer Rede vor der Versammlung in Kassel erneut zu "
            "einem selbstbewussten Dialog mit dem Islam: „Ich begrüße, dass Europa auf den Dialog "
            "setzt.“")
    assert extract_quotes(body)[0].speaker == "Ayaan Hirsi Ali"


def test_a_particle_verb_is_no_cue_without_its_particle_in_any_form():
    # Regression: the plural "zeigen", derived from "zeigt", lost the particle that makes
    # "zeigte sich zufrieden" a cue, so "Die Gespräche zeigen, ..." became reported speech.
    body = "Die Gespräche zeigen, die USA seien zu vorsichtiger Kooperation grundsätzlich bereit."
    assert extract_quotes(body) == []


@pytest.mark.parametrize("text, speaker, reported", [
    # strong verb with an inseparable prefix (bestreiten: bestreitet, bestritt)
    ("Der Süden bestritt, in den Zwischenfall verwickelt zu sein.", "Süden",
     "in den Zwischenfall verwickelt zu sein"),
    # separable verb split in a main clause (hin|weisen: wies ... hin)
    ("Die Gewerkschaft wies darauf hin, dass die Löhne seit Jahren sinken.", "Gewerkschaft",
     "dass die Löhne seit Jahren sinken"),
    # strong verb with "ver-" (verweisen: verwies)
    ("Der Minister verwies darauf, dass die Kassen leer seien.", "Minister",
     "dass die Kassen leer seien"),
    # the plural present
    ("Die Forscher schätzen, dass die Zahl der Opfer weiter steigt.", "Forscher",
     "dass die Zahl der Opfer weiter steigt"),
    ("Kritiker warfen dem Minister vor, er habe die Kassen geplündert.", "Kritiker",
     "er habe die Kassen geplündert"),
    ("Die Ärzte beharren darauf, dass keine Stellen abgebaut werden.", "Ärzte",
     "dass keine Stellen abgebaut werden"),
])
def test_speech_cues_are_generated_from_lemmas(text, speaker, reported):
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [("indirect", speaker, reported)]


@pytest.mark.parametrize("text, speaker, reported", [
    # a passive: said, decided or learnt by no one named
    ("Es wird angenommen, dass die Explosion ferngezündet war.", None,
     "dass die Explosion ferngezündet war"),
    ("Mit 27 von 35 Stimmen wurde beschlossen, die Frage vor den Sicherheitsrat zu bringen.",
     None, "die Frage vor den Sicherheitsrat zu bringen"),
    # the perfect: who the clause opens with
    ("Amnesty International hat darauf hingewiesen, dass die Haft willkürlich sei.",
     "Amnesty International", "dass die Haft willkürlich sei"),
])
def test_a_clause_after_a_participle_is_reported(text, speaker, reported):
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [("indirect", speaker, reported)]


@pytest.mark.parametrize("text, speaker", [
    ("Chefentwickler Shigeru Miyamoto sagte, man wolle das Spiel verbessern.",
     "Shigeru Miyamoto"),
    ("Kurier-Fotograf Jürg Christandl bestätigte, dass er klagen werde.", "Jürg Christandl"),
    ("Tester Anna Berg sagte, das Gerät sei zu laut.", "Anna Berg"),
    # a first name that ends like a noun of what someone does stays
    ("Gabor Wichmann sagte, das Gerät sei zu laut.", "Gabor Wichmann"),
    ("Walter Peter Müller sagte, das Gerät sei zu laut.", "Walter Peter Müller"),
])
def test_a_role_glued_to_a_name_is_not_part_of_it(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Hollywood – Der Schauspieler Bryan Cranston kann sich nach eigenen Angaben vorstellen, "
     "Bürgermeister zu werden.", "Bryan Cranston"),
    ("Wien (APA) – Die Polizei hat nach eigenen Angaben drei Männer festgenommen.", "Polizei"),
    # a dash inside the sentence is no dateline
    ("HDP-Chef Selahattin Demirtas – dem die Immunität entzogen werden soll – hat nach eigenen "
     "Angaben keine Angst.", "Selahattin Demirtas"),
])
def test_a_dateline_does_not_speak(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Dieser Tage zählt das Innenministerium nach eigenen Angaben pro Tag 300 Asylanträge.",
     "Innenministerium"),
    ("Nach den Übergriffen in Köln haben die Ermittler nach eigenen Angaben drei mutmaßliche "
     "Täter identifiziert.", "Ermittler"),
])
def test_own_statements_after_a_time_or_place_are_the_subjects_after_the_verb(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Das sei gut, so der Literaturreferent des Grazer Forums Stadtpark, Max Höfler.",
     "Max Höfler"),
    ("Vikings-Chefcoach Chris Calaycay erklärte, das Team habe sich verändert.",
     "Chris Calaycay"),
    ("Der Soziologe Marko Valenta sagte, die Zahlen seien gestiegen. Die Lage sei aber "
     "stabil, sagte der Soziologe.", "Marko Valenta"),
])
def test_professions_are_roles(text, speaker):
    assert {q.speaker for q in extract_quotes(text)} == {speaker}


def test_a_speaker_after_a_colon_that_ends_a_clause_with_a_particle():
    # Regression: the particle "an" of "kam ... an" was read as a preposition governing the
    # speaker, so Cameron was dropped.
    text = "Dort kam das gut an: Premierminister David Cameron sagte, niemand sei begeistert."
    assert [q.speaker for q in extract_quotes(text)] == ["David Cameron"]


def test_a_thing_that_points_to_something_is_no_speaker():
    assert extract_quotes("Auch sonst weist vieles darauf hin, dass Pepsi damit wenig zu tun "
                          "haben dürfte.") == []


def test_the_speech_lexicon_has_every_form_of_a_lemma():
    lexicon = speech_lexicon()
    assert {"verwies", "bestritt", "bestreitet", "bestreiten", "mitteilte", "bat"} <= \
        lexicon.verbs
    assert lexicon.particles["wies"].search("darauf hin") and \
        lexicon.particles["teilte"].search("am Montag mit")
    assert "forderte" not in lexicon.particles  # a cue alone, though "auf|fordern" splits
    assert "glaube" not in lexicon.verbs  # the first person: an interview's answer


def test_an_interview_answer_in_the_first_person_is_no_report():
    # Regression: "Ich" opening the sentence was not read as the first person, so "glaube"
    # counted as Konjunktiv I and the sentence became reported speech of no one.
    assert extract_quotes("Ich glaube, das Wetter wird besser.") == []


@pytest.mark.parametrize("text, speaker", [
    ("Der frühere Bürgermeister, Henning Scherf (SPD), warnte vor einem „populistischen "
     "Wahlkampf“.", "Henning Scherf"),
    ("Anna Beispiel (42) sagte: „Ich habe nichts gesehen.“", "Anna Beispiel"),
])
def test_the_speaker_stands_before_a_parenthesis_not_in_it(text, speaker):
    # found in Wikinews: the party in parentheses was taken as the speaker
    assert extract_quotes(text)[0].speaker == speaker


@pytest.mark.parametrize("text, speaker, mention", [
    # the object after the verb is not who speaks (found in Wikinews: "den Beschluss")
    ("Der Präsident der Universität, Kurt Beispiel, begrüßte den Beschluss als „wesentlichen "
     "Schritt“.", "Kurt Beispiel", "Kurt Beispiel"),
    # a lower-case word right after a noun is the verb, not an adjective of the speaker
    ("Laut Polizei verletzte der Mann drei Menschen.", "Polizei", "Polizei"),
    ("Die Ministerin verteidigte den Plan: „Wir haben keine andere Wahl.“", "Ministerin",
     "Die Ministerin"),
    ("Der französische Außenminister Jean-Yves Le Drian sagte: „Wir sind bereit.“",
     "Jean-Yves Le Drian", "Der französische Außenminister Jean-Yves Le Drian"),
])
def test_the_speaker_is_the_subject_noun_phrase_and_nothing_after_it(text, speaker, mention):
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_mention) == (speaker, mention)


def test_words_quoted_in_a_sentence_about_what_a_speaker_thinks_are_that_speakers():
    text = ("Auch der US-amerikanische Außenminister Donald Rumsfeld attackierte den Iran als "
            "den „führenden Förderer von Terrorismus“.")
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.text) == (
        "partial", "Donald Rumsfeld", "führenden Förderer von Terrorismus")


@pytest.mark.parametrize("text", [
    "Die Grundlage der Technologie sind die „Alfvenwellen“ im Plasma.",
    "Der Minister kritisierte die sogenannte „Herdprämie“ scharf.",
])
def test_no_speaker_for_quoted_terms_of_a_thing_or_a_so_called_term(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speaker, cue, reported", [
    # the plural of a weak verb whose stem ends in t or d ("vermutet" gave "vermuteen")
    ("Die Forscher vermuten, dass die Explosion ferngezündet war.", "Forscher", "vermuten",
     "dass die Explosion ferngezündet war"),
    ("Medien berichten, der Minister sei zurückgetreten.", "Medien", "berichten",
     "der Minister sei zurückgetreten"),
    # a second verb shares the subject of the first
    ("Der Mann verständigte die Polizei und teilte mit, dass er bewaffnet sei.", "Mann",
     "teilte",
     "dass er bewaffnet sei"),
    ("Der Minister geht davon aus, dass die Preise steigen.", "Minister", "geht",
     "dass die Preise steigen"),
    # the speech verb after the first comma
    ("Der Sprecher des Ministeriums, Max Muster, hatte betont, man werde prüfen.",
     "Max Muster", "betont", "man werde prüfen"),
])
def test_reported_clauses_after_more_verbs(text, speaker, cue, reported):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.cue, quote.text) == (
        "indirect", speaker, cue, reported)


def test_a_phrase_after_laut_ends_before_an_article_that_is_not_genitive():
    # found in Wikinews: "laut Polizeisprecher das Gepäckstück" gave the speaker "Gepäckstück"
    (quote,) = extract_quotes("Ein Passant hatte laut Polizeisprecher das Gepäckstück stehen "
                              "gelassen.")
    assert quote.speaker == "Polizeisprecher"


@pytest.mark.parametrize("text, speaker, mention", [
    # the mention is the compound as written, the speaker its first part
    ("Nach Polizeiangaben hat der Fahrer die Kontrolle verloren.", "Polizei", "Polizeiangaben"),
    ("Nach den Angaben des Herstellers wiegt das Gerät 165 Gramm.", "Hersteller",
     "des Herstellers"),
    ("Laut einem Bericht des Innenministeriums stieg die Zahl der Fälle.",
     "Innenministerium", "des Innenministeriums"),
    ("Gemäß Behördenangaben wurden 60 Personen verletzt.", "Behörden", "Behördenangaben"),
    ("Nach Angaben informierter Kreise betrug das Lösegeld drei Millionen.", "Kreise",
     "Kreise"),
    # a source without a name: still reported, by nobody we can name (mention as written)
    ("Nach ersten Informationen wurde niemand verletzt.", None, "ersten Informationen"),
])
def test_a_sentence_opening_with_a_source_noun_is_reported(text, speaker, mention):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.speaker_mention) == ("indirect", speaker, mention)
    source = mention  # the phrase ends with who says it, or its noun
    assert quote.text == text[text.index(source) + len(source):].strip().rstrip(".")


@pytest.mark.parametrize("text, speaker", [
    # the source phrase stands inside the sentence (found in Wikinews: not reported)
    ("Bewaffnete Polizisten schossen nach offiziellen Angaben in die Luft.", None),
    ("An Bord waren laut Behördenangaben 62 Personen.", "Behörden"),
    ("Die Tunnel dienten nach israelischen Angaben dem Schmuggel von Waffen.", None),
    # "eigenen Angaben": the subject's
    ("Die Feuerwehr hat nach eigenen Angaben die Hälfte der Halle geräumt.", "Feuerwehr"),
    ("Nach eigenen Angaben erhielt das Bundesamt keine Hinweise.", "Bundesamt"),
])
def test_a_source_phrase_inside_the_sentence_reports_it(text, speaker):
    (quote,) = extract_quotes(text)
    reported = text.rstrip(".").removeprefix("Nach eigenen Angaben ")  # opening: not quoted
    assert (quote.kind, quote.speaker, quote.text) == ("indirect", speaker, reported)


def test_a_sentence_opening_with_nach_and_no_source_noun_is_not_reported():
    assert extract_quotes("Nach dem Spiel gingen alle Spieler zufrieden nach Hause.") == []


@pytest.mark.parametrize("text, speaker, cue", [
    # the particle opens the sentence ("sprach ... von")
    ("Von einer „gezielten Indiskretion“ sprach der Grünen-Politiker Christian Ströbele.",
     "Christian Ströbele", "sprach"),
    # the name set off by commas after a role is who speaks
    ("Der Vizepräsident des Verbands, Wolfgang Niersbach, zeigte sich „sehr glücklich“.",
     "Wolfgang Niersbach", "zeigte"),
    ("Die Demonstranten skandierten „Stoppt den Überwachungswahn“.", "Demonstranten",
     "skandierten"),
])
def test_partial_quotes_with_fronted_particles_appositions_and_chants(text, speaker, cue):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.cue) == ("partial", speaker, cue)


@pytest.mark.parametrize("text, speaker", [
    # found in Wikinews: a source phrase in a subjunctive sentence was left without a speaker
    ("Nach Angaben der Polizei habe der Mann das Haus gegen 15 Uhr verlassen.", "Polizei"),
    ("Anschließend sei laut el-Baradei die Bearbeitung der Brennstäbe erfolgt.", "el-Baradei"),
])
def test_a_source_phrase_names_the_speaker_of_a_subjunctive_sentence(text, speaker):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker) == ("indirect", speaker)


@pytest.mark.parametrize("text, reported", [
    # a speech verb that ends the sentence makes the clause before it speech, in any mood
    ("Das Flugzeug ist abgestürzt, sagte Henderson.", "Das Flugzeug ist abgestürzt"),
    ("Es sah so aus, als ob der Flügel beschädigt gewesen wäre, sagte Henderson weiter.",
     "Es sah so aus, als ob der Flügel beschädigt gewesen wäre"),
])
def test_the_clause_before_a_closing_speech_verb_is_reported(text, reported):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.speaker, quote.text) == ("indirect", "Henderson", reported)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aÄß1_-’' .,„“\n\u0130\u00b2", max_size=60))
def test_tokens_with_ends_are_the_token_matches(text):
    words, ends = tokens_with_ends(text)
    assert words == TOKEN.findall(text)
    assert ends == [match.end() for match in TOKEN.finditer(text)]


@pytest.mark.parametrize("text, speaker", [
    # a noun after a preposition is its object (found in Wikinews: "Rede", "Hannover")
    ("Schon im Mai hatte Ministerin Anna Beispiel in einer Rede verkündet: „Wir bauen.“",
     "Anna Beispiel"),
    # in a clause opened by "wie", "dass", a relative pronoun: the subject follows that word
    ("Wie der Bürgermeister Tom Muster am Dienstag in Köln erklärte, sieht die Stadt darin "
     "„kein Hindernis“.", "Tom Muster"),
    ("Es ist die Marke, die Paula Probe im Wahlkampf zum Ziel erklärt hatte: „Wir schaffen "
     "das.“", "Paula Probe"),
    # the speaker stands before a relative clause or an apposition set off by commas
    ("Jan Test, der nach dem Spiel verärgert war, nannte die Strafe „überzogen“.", "Jan Test"),
    ("Erik Beispiel, der Sprecher der Fraktion, äußerte gegenüber Reportern: „Das ist gut.“",
     "Erik Beispiel"),
])
def test_subjects_of_clauses_and_not_objects_of_prepositions(text, speaker):
    quote = next(q for q in extract_quotes(text) if q.kind != "indirect")
    assert quote.speaker == speaker


def test_a_partial_quote_belongs_to_the_verb_of_its_own_clause():
    text = ("Jan Test nannte seinen Platzverweis „überzogen“, Trainer Udo Probe bezeichnete "
            "die Karten als „übertrieben“.")
    assert [q.speaker for q in extract_quotes(text)] == ["Jan Test", "Udo Probe"]


def test_als_with_a_noun_before_the_auxiliary_opens_no_clause():
    (quote,) = extract_quotes("Als Ziel hatte Gerhard Probe erklärt: „Wir schaffen das.“")
    assert quote.speaker == "Gerhard Probe"


@pytest.mark.parametrize("text, speaker", [
    # a lower-case word after a noun is the verb, not part of the source before "zufolge"
    ("Die Stadtwerke haben Medienberichten zufolge keine Löhne gezahlt.", "Medien"),
    # an adverb or a conjunction inside the subject is no verb
    ("Die Kanadier hingegen sagen, der Pilot trage die „volle Verantwortung“.", "Kanadier"),
    ("Ärzte ohne Grenzen teilte mit, die Teams seien unterwegs.", "Ärzte ohne Grenzen"),
    # the relative pronoun is the subject: the speaker is what it refers to
    ("Es war die Firma Euryza, die den Vorwurf bestätigte, „die Ware sei gelagert“.",
     "Euryza"),
])
def test_where_the_speaker_noun_phrase_ends(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


def test_konjunktiv_two_continues_reported_speech_but_starts_none():
    reported = ("Ein Sprecher der Stadt, Tom Muster, sagte, die Straße sei gesperrt. "
                "Die Arbeiten könnten bis Montag dauern.")
    assert [(q.kind, q.speaker, q.text) for q in extract_quotes(reported)] == [
        ("indirect", "Tom Muster", "die Straße sei gesperrt"),
        ("indirect", "Tom Muster", "Die Arbeiten könnten bis Montag dauern")]
    # without speech before it, Konjunktiv II is the reporter's own hypothesis
    assert extract_quotes("Der Bürgermeister eröffnete die Straße. Die Arbeiten könnten "
                          "bis Montag dauern.") == []
    # "sollten" and "wollten" are also past tense: no continuation on them alone
    assert len(extract_quotes("Ein Sprecher sagte, die Straße sei gesperrt. Die Arbeiter "
                              "wollten am Montag beginnen.")) == 1


@pytest.mark.parametrize("text, quote, speaker", [
    # unmarked direct speech: "wir" speaks, the tag at the end names who (news without marks)
    ("Wir empfehlen daher, die Urteile aufzuheben, sagte der Sprecher der Behörde, Tom "
     "Muster.", "Wir empfehlen daher, die Urteile aufzuheben", "Tom Muster"),
    ("Wir gehen davon aus, dass es zu einem langen Verfahren kommt, sagte Staatsanwalt Udo "
     "Probe der Zeitung am Sonntag.",
     "Wir gehen davon aus, dass es zu einem langen Verfahren kommt", "Udo Probe"),
    # after the verb a capitalised word is a name, though "Kurz" also opens sentences
    ("Außenminister Sebastian Kurz hat das Urteil kritisiert. Wir werden darauf drängen, "
     "dass es nicht vollstreckt wird, sagte Kurz laut einer Aussendung am Sonntag.",
     "Wir werden darauf drängen, dass es nicht vollstreckt wird", "Sebastian Kurz"),
])
def test_first_person_speech_is_said_by_the_tag_at_its_end(text, quote, speaker):
    assert [(q.text, q.speaker) for q in _indexed_quotes(text)] == [(quote, speaker)]


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    # "ich" of a perfect with "dass": unmarked speech of whoever spoke just before ...
    ("Das werde nichts lösen, sagte Kanzler Werner Faymann. Zu Kontrollen sage er Ja, aber: "
     "Ich habe niemandem versprochen, dass ich das Problem löse.", "Werner Faymann"),
    # ... or of no one named: not the noun the sentence opens with
    ("Zu Kontrollen ist vieles offen. Ich habe niemandem versprochen, dass ich das Problem "
     "löse.", None),
])
def test_first_person_reported_speech_goes_on_or_is_no_ones(text, speaker):
    assert _indexed_quotes(text)[-1].speaker == speaker


def test_zu_before_an_article_opens_no_reported_infinitive():
    assert _indexed_quotes("Der Name wird noch nicht verraten, auch nichts zu den "
                           "Inhalten.") == []  # (10kGNAD)


def test_a_possessive_spelt_like_a_speech_verb_is_no_cue():
    assert _indexed_quotes("Ich erlebe allerdings in meinen Seminaren, dass die Ergebnisse "
                           "trotzdem nicht gut sind.") == []  # (10kGNAD)
    assert [q.speaker for q in _indexed_quotes(
        "Die Planung sei zu optimistisch, meinen die Staatsschuldenwächter.")] == \
        ["Staatsschuldenwächter"]


def test_a_surname_that_also_opens_sentences_speaks_before_its_verb():
    text = ("Außenminister Sebastian Kurz reiste nach Wien. Kurz sagte, es sei wichtig, dass "
            "Österreich helfe. Kurz darauf sagte der Kanzler, er sei zufrieden.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["Sebastian Kurz", "Kanzler"]


def test_reported_speech_of_no_one_is_said_by_the_tag_of_the_next_sentence():
    text = ("Am Montag regnete es. Das habe ihn nicht irritiert. Alles gehe über den "
            "Schreibtisch des Ministers, sagt Udo Probe.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["Udo Probe", "Udo Probe"]
    # a narrative sentence between them: no one's
    text = text.replace("irritiert.", "irritiert. Am Abend regnete es.")
    assert [q.speaker for q in _indexed_quotes(text)] == [None, "Udo Probe"]


def test_a_split_particle_belongs_to_its_own_clause():
    text = ("Der Fall wird aufgeklärt, sagte Innenminister Thomas de Maizière. Es gibt einen "
            "Bezug nach Frankreich, ob es einen Bezug zu diesem Anschlag gibt, steht nicht fest. "
            "Im Auto seien Waffen gefunden worden.")
    assert [q.speaker for q in _indexed_quotes(text)][-1] == "Thomas de Maizière"
    # a modal "aber" stays inside the clause
    (quote,) = _indexed_quotes("Tom Muster lehnt den Plan aber ab, weil er zu teuer sei.")
    assert (quote.speaker, quote.cue) == ("Tom Muster", "lehnt")


def test_a_bare_plural_role_is_a_group_not_the_person_with_that_role():
    text = ("Der Experte Georg Probe lobt das Amt. Das Amt ist aber nach Meinung von Experten "
            "kaum in der Lage, die Anträge abzuarbeiten.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["Experten"]


def test_a_role_whose_first_half_is_cut_short_is_one_role():
    text = "Innen- und Sportminister Thomas de Maizière sagte der Zeitung, Boateng sei wichtig."
    assert [q.speaker for q in _indexed_quotes(text)] == ["Thomas de Maizière"]


@pytest.mark.parametrize("text, speaker", [
    ("Ein Sprecher des österreichischen Innenministeriums sagte, die Lage sei ruhig.",
     "Innenministerium"),
    ("Eine Sprecherin des Münchner Landgerichts sagte, die Klage sei eingegangen.",
     "Münchner Landgericht"),
])
def test_the_organisation_of_a_spokesperson_speaks_in_the_nominative(text, speaker):
    (quote,) = _indexed_quotes(text)
    assert (quote.speaker, quote.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize("text, speaker", [
    ("So brauchen wir nicht anzutreten, sagte Abwehrstütze Jerome Boateng.", "Jerome Boateng"),
    ("Das Wichtigste sei Ruhe, sagt die Psychotherapeutin Barbara Preitler.",
     "Barbara Preitler"),
    # two first names stay
    ("Das Wichtigste sei Ruhe, sagt Hans Peter Probe.", "Hans Peter Probe"),
])
def test_a_noun_glued_before_a_first_name_is_no_part_of_the_name(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


def test_a_surname_spelt_without_its_diacritics_is_the_same_person():
    text = ("Der serbische Präsident Tomislav Nikolić äußerte sich lobend. Merkel habe die Last "
            "auf sich genommen, sagte Nikolic der Zeitung Danas.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["Tomislav Nikolić"]


@pytest.mark.parametrize("text, speaker", [
    ("Die Volkshilfe wiederum rief dazu auf, die Petition zu unterzeichnen.", "Volkshilfe"),
    ("Der Minister hingegen sagte, es sei gut.", "Minister"),
])
def test_an_adverb_between_subject_and_verb_keeps_the_subject(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


def test_a_dative_plural_source_is_named_in_the_nominative():
    (quote,) = _indexed_quotes("Den Kritikern zufolge sollten die Gegner geschwächt werden.")
    assert quote.speaker == "Kritiker"


def test_a_name_in_the_genitive_after_a_statement_owns_it():
    text = ("Generalsekretär Ban Ki Moon hat den Angriff verurteilt. Es sei unentschuldbar, "
            "Zivilisten anzugreifen, hieß es in einer am Donnerstag verbreiteten Erklärung Bans. "
            "Die Verantwortlichen müssten bestraft werden.")
    assert [q.speaker for q in _indexed_quotes(text)][-1] == "Ban Ki Moon"


def test_reported_speech_going_on_over_sentences_is_one_passage():
    text = ("Ein Sprecher der Stadt, Tom Muster, sagte, die Straße sei gesperrt. "
            "Die Arbeiten würden bis Montag dauern. Danach werde neu asphaltiert.\n\n"
            "Der Verkehr werde umgeleitet.")
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        # the statement of the cue stays apart from the sentences that go on from it
        ("Tom Muster", "die Straße sei gesperrt"),
        ("Tom Muster", "Die Arbeiten würden bis Montag dauern. Danach werde neu "
                       "asphaltiert"),
        # a new paragraph is a new passage
        ("Tom Muster", "Der Verkehr werde umgeleitet")]
    # a narrative sentence between two statements ends the passage
    apart = extract_quotes("Tom Muster sagte, die Straße sei gesperrt. Die Stadt habe "
                           "reagiert. Am Abend regnete es. Die Arbeiten dauerten lange.")
    assert [q.text for q in apart][1:] == ["Die Stadt habe reagiert"]
    for quote in extract_quotes(text):
        assert text[quote.char_start:quote.char_end] == quote.text


@pytest.mark.parametrize("text, speaker", [
    # a second verb shares the subject that follows the first verb after an opening phrase
    ("In seiner Stellungnahme befand der Premierminister Tom Muster den Angriff als "
     "gerechtfertigt und nannte den Auftrag „schnell und entschieden“.", "Tom Muster"),
    # "Auch" opens the subject, the noun after the verb is its object
    ("Auch die Ministerin Paula Probe äußerte Vorbehalte und wagte die Prognose: „Das wird "
     "knapp.“", "Paula Probe"),
    # "Als" with a bare noun opens a phrase, not a clause: the verb is not last
    ("Als Grund nannte die Behörde „zusätzliche Arbeiten an der Station“.", "Behörde"),
    # "zu den Gefahren" is a prepositional phrase, not a name with "zu"
    ("Passend zu den Gefahren warnte die Moderatorin Anna Beispiel: „Es ist glatt.“",
     "Anna Beispiel"),
    ("Denn: „Wozu das alles?“ fragen sich Experten.", "Experten"),
])
def test_subjects_after_opening_phrases_and_particles(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


@pytest.mark.parametrize("text, speaker, reported", [
    # the speech verb may stand after a long opening phrase, the speaker after it
    ("In einer Videobotschaft, die bei einer Kundgebung eingespielt wurde, sagte Tom Muster, "
     "man werde weiter kämpfen.", "Tom Muster", "man werde weiter kämpfen"),
    # an impersonal cue with its source opens the clause after the comma
    ("In der Pressemitteilung heißt es, der Bär sei gefährlich.", "Pressemitteilung",
     "der Bär sei gefährlich"),
    # "Demnach" with no source named before: reported, by nobody we can name
    ("Demnach steht der Kopilot in der Schusslinie.", None,
     "steht der Kopilot in der Schusslinie"),
])
def test_reported_clauses_after_long_openings_and_anaphoric_sources(text, speaker, reported):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text) == ("indirect", reported)
    assert speaker is None and quote.speaker is None or speaker in quote.speaker


@pytest.mark.parametrize("text, reported", [
    # Konjunktiv I of any listed verb, written in lower case as a finite verb is
    ("Jedoch ruhe die Mitgliedschaft gegenwärtig.", True),
    ("Deutschland propagiere die Rente mit 67.", True),
    ("Die Partei fordere den Rücktritt.", True),
    # the same letters as a noun, or the first person of an interview, are not
    ("Die Folge ist eine lange Suche.", False),
    ("Folglich lehne ich eine Ausweitung ab.", False),
])
def test_konjunktiv_one_is_formed_from_the_verb_list(text, reported):
    assert bool(extract_quotes(text)) == reported


@pytest.mark.parametrize("text, reported", [
    # an infinitive clause after a speech verb says what was demanded or announced
    ("Die Ministerin forderte den Bürgermeister auf, über einen Rücktritt nachzudenken.",
     "über einen Rücktritt nachzudenken"),
    ("Der Konzern kündigte an, das Werk zu schließen.", "das Werk zu schließen"),
    # "um ... zu" says why, a relative clause says about whom: no quotation
    ("Die Menschen forderten Neuwahlen, um den Weg zu ebnen.", None),
    # a speech verb inside a quotation opens no clause of the reporter's sentence
    ("Danach haben die Minister „den Feind erkannt und bestätigt, ihm zu begegnen“.", None),
])
def test_infinitive_clauses_after_speech_verbs(text, reported):
    indirect = [q.text for q in extract_quotes(text) if q.kind == "indirect"]
    assert indirect == ([reported] if reported else [])


@pytest.mark.parametrize("text, speaker", [
    # before a colon, the subject of the sentence introduces the quotation, also after the
    # verb when an adverb or a prepositional phrase opens the sentence
    ("Hier sparte der Bundespräsident Horst Probe nicht mit Kritik: „Jeder sollte das "
     "wissen.“", "Horst Probe"),
    ("Zur Lage des Vereins wird Hans Watz auf der Internetseite wie folgt zitiert: „Es gab "
     "schönere Jahre.“", "Hans Watz"),
    ("In der Meldung auf der Seite der Firma wird Elon Beispiel wie folgt zitiert: „We hope.“",
     "Elon Beispiel"),
])
def test_the_subject_before_a_colon_introduces_the_quotation(text, speaker):
    assert extract_quotes(text)[0].speaker == speaker


def test_a_sentence_before_a_colon_without_a_cue_or_a_speaker_names_nobody():
    assert extract_quotes("Die Lage ist klar: „Wir müssen handeln.“")[0].speaker is None


def test_after_a_clause_and_a_comma_the_subject_follows_the_auxiliary():
    text = ("Sie wisse, dass ihre Arbeit „nicht frei von Schwächen“ sei, hatte Paula Probe "
            "damals gesagt.")
    assert _speaker_set(text) == {"Paula Probe"}


@pytest.mark.parametrize("text, speaker, reported", [
    # a document speaks for itself when no one is named after it
    ("Laut der Studie haben die Gebühren abgeschreckt.", "Studie",
     "haben die Gebühren abgeschreckt"),
    # "Einschätzung" is one source noun, not "Ein" + "Schätzung"
    ("Nach Einschätzung der Ermittler war es ein Unfall.", "Ermittler",
     "war es ein Unfall"),
    # the opinion of the person just named, and of nobody named
    ("Tom Muster kritisierte den Plan. Seiner Meinung nach hätte die Stadt früher handeln "
     "müssen.", "Tom Muster", "Seiner Meinung nach hätte die Stadt früher handeln müssen"),
    ("Dem Vernehmen nach soll der Vertrag im Mai enden.", None,
     "Dem Vernehmen nach soll der Vertrag im Mai enden"),
    # the clause after "wonach" is what the report says, up to where the main clause resumes
    ("Spekulationen, wonach ein Geheimdienst dahinter stecke, wies der Minister zurück.",
     "Spekulationen", "ein Geheimdienst dahinter stecke"),
    # the source of "wonach" in a phrase of the verb (10kGNAD), not in one of another noun,
    # nor the time before it
    ("Reinhold Mitterlehner sprach. Kein Verständnis hat er für die Mitterlehner-Aussage, "
     "wonach die Arbeitnehmer Schutz fordern würden.", "Reinhold Mitterlehner",
     "die Arbeitnehmer Schutz fordern würden"),
    ("Anlass waren Mitteilungen an das Ministerium, wonach Werbung verteilt wurde.", None,
     "Werbung verteilt wurde"),
    ("Die Polizei bestätigte am Freitagnachmittag Berichte, wonach eine Granate geworfen "
     "wurde.", "Berichte", "eine Granate geworfen wurde"),
])
def test_source_nouns_opinions_and_wonach_clauses(text, speaker, reported):
    quote = extract_quotes(text)[-1]
    assert (quote.kind, quote.speaker, quote.text) == ("indirect", speaker, reported)


def test_the_formal_ihrer_of_an_interview_question_is_not_a_source():
    assert extract_quotes("Inwieweit wiegt Ihrer Meinung nach der Nutzen die Kosten auf?") == []


def test_a_pronoun_refers_to_the_last_speaker_of_its_gender():
    text = ("Ministerin Anna Beispiel sagte: „Wir bauen.“ Minister Peter Probe widersprach: "
            "„Das ist zu teuer.“ Sie betonte: „Es muss sein.“ Er sagte: „Nein.“")
    assert [q.speaker for q in extract_quotes(text)] == [
        "Anna Beispiel", "Peter Probe", "Anna Beispiel", "Peter Probe"]


def test_sie_with_a_plural_verb_is_a_group_not_the_last_woman():
    text = ("Ministerin Anna Beispiel sagte: „Wir bauen.“ Die Anwohner protestierten. "
            "Sie erklärten, der Lärm sei zu groß.")
    assert extract_quotes(text)[-1].speaker != "Anna Beispiel"


def test_first_names_and_role_words_give_a_gender():
    index = EntityIndex.build("Die Sprecherin Kim Muster traf Minister Udo Probe.")
    assert index.people["Kim Muster"].gender == "female"
    assert index.people["Udo Probe"].gender == "male"
    assert EntityIndex.build("Ministerin Angela Merkel").people["Angela Merkel"].gender == \
        "female"


def test_a_continued_speaker_named_in_another_paragraph_cuts_nothing_off():
    # the speaker's position belongs to the first paragraph; read in the second, it pointed
    # into "Prüfung" and cut the quotation there
    text = ("Der Bundespräsident Horst Probe begründete am Abend in einer langen Rede seine "
            "Entscheidung.\n\nNach eingehender Prüfung der Aspekte sei er zu dem Ergebnis "
            "gekommen, dass es keine Alternative gebe.")
    quote = extract_quotes(text)[-1]
    assert quote.text.startswith("Nach eingehender Prüfung")
    assert quote.speaker == "Horst Probe"


@pytest.mark.parametrize("text, reported, speaker", [
    # the clause after a speech verb is reported even when the speaker is not found
    ("Am Montag sagte der 81-jährige in einem Interview, dass die Maus sofort tot war.",
     "dass die Maus sofort tot war", None),
    # "sollen" with a perfect infinitive: reportedly
    ("Dabei sollen vor allem junge Tibeter verhaftet worden sein.",
     "Dabei sollen vor allem junge Tibeter verhaftet worden sein", None),
    ("Er soll angeblich das Ziel des Anschlags gewesen sein.",
     "Er soll angeblich das Ziel des Anschlags gewesen sein", None),
])
def test_reported_speech_without_a_named_speaker(text, reported, speaker):
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", reported, speaker)


def test_sollen_for_a_plan_is_not_reported_speech():
    assert extract_quotes("Bis dahin sollen die Verhandlungen abgeschlossen sein.") == []


def test_the_subject_that_opens_the_sentence_speaks_across_a_phrase_before_the_verb():
    text = ("Das tibetische Exilparlament im indischen Dharamshala erklärte heute, bei den "
            "Unruhen seien viele Menschen getötet worden.")
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.text) == (
        "tibetische Exilparlament", "bei den Unruhen seien viele Menschen getötet worden")
    # a time phrase that opens the sentence does not speak
    assert extract_quotes("Wenige Stunden später erklärte, die Lage sei ruhig.")[0].speaker \
        is None


def _speakers(text, context=""):
    return {q.text: q.speaker for q in extract_quotes(text, context)}


def _speaker_set(text):
    return {q.speaker for q in extract_quotes(text)}


def test_a_perfect_in_the_clause_before_a_quotation_does_not_reach_its_tag():
    text = ("Shultz verblieb bis zum Ende der Amtszeit Reagans in diesem Amt und habe als "
            "Außenminister wesentlich mitgewirkt, „den Lauf der Geschichte zu ändern“, schrieb "
            "die Hoover Institution.")
    speakers = _speakers(text, "Früherer US-Außenminister George Shultz ist tot")
    assert speakers["den Lauf der Geschichte zu ändern"] == "Hoover Institution"


@pytest.mark.parametrize("text, speaker", [
    # the auxiliary after the participle: a verb-final clause, whose subject speaks
    ("Ob es zu einer Koalition kommt, ist offen, da die PDM angekündigt hatte, mit allen "
     "Parteien verhandeln zu wollen.", "PDM"),
    ("Die Richterin blieb hart, zumal Verteidiger Wolfgang Dingfelder betont hatte, der "
     "Angeklagte sei nicht vorbestraft.", "Wolfgang Dingfelder"),
    # the antecedent of a relative pronoun speaks, whatever its case
    ("Viele folgten dem Abgeordneten Alexandros Athanassiadis, der erklärt hatte, gegen das "
     "Paket stimmen zu wollen.", "Alexandros Athanassiadis"),
])
def test_verb_final_clauses_name_their_subject(text, speaker):
    assert [q.speaker for q in extract_quotes(text) if q.kind == "indirect"] == [speaker]


def test_the_subject_of_a_dass_clause_ends_before_the_objects_article():
    text = "Der NDR will wissen, dass Mindermann das Mädchen gefragt habe, ob sie „anhabe“."
    assert _speakers(text) == {"anhabe": "Mindermann"}


def test_als_before_a_quotation_does_not_open_the_clause():
    text = ("Der Bericht ist brisant, weil die US-Regierung das Land nach dem Krieg als "
            "„junge couragierte Demokratie“ bezeichnet hat.")
    assert _speakers(text) == {"junge couragierte Demokratie": "US-Regierung"}


def test_a_subordinator_that_opens_the_sentence_is_no_speaker():
    text = ("Nachdem deutsche Behörden vor Gurken aus Spanien gewarnt hatten, hatte sich "
            "herausgestellt, dass diese harmlos seien.")
    assert _speaker_set(text) <= {"Behörden", None}
    assert "Nachdem" not in _speaker_set(text)


def test_an_extended_attribute_with_an_object_and_an_age_before_the_verb():
    text = ("Die das Unglück überlebende Alice Kakamara, 30, beschrieb in einem Krankenhaus den "
            "Hergang: „Die See war wirklich rau.“")
    assert _speakers(text) == {"Die See war wirklich rau.": "Alice Kakamara"}


def test_quoted_words_after_a_form_of_werden_are_not_the_subjects_judgement():
    text = ("Der Landesvorsitzende Nils Schmid wird sich ein Rennen mit dem grünen „Realo“ "
            "Winfried Kretschmann liefern.")
    assert extract_quotes(text) == []


def test_an_article_and_an_adverb_that_end_the_sentence_are_no_extended_attribute():
    # an IndexError once: the participle was looked for after the last word
    for text in ("Das sei falsch, sagte der gestern.", "Das sei „falsch“, sagte der gestern."):
        assert _speaker_set(text) <= {None}


@pytest.mark.parametrize("text, speaker", [
    ("„Wir bitten um Rücknahme“, heißt es in einer gestern verbreiteten Erklärung.", "Erklärung"),
    ("Auf der documenta-Homepage heißt es zur Begründung: „Die Striche wurden gewählt.“",
     "documenta-Homepage"),
    ("Im letzten Satz der Anordnung, die Twitter am 14. Dezember zugestellt wurde, heißt es: "
     "„Twitter darf nichts enthüllen.“", "Satz"),
    ("„Wir bleiben“, hieß es aus dem Auswärtigen Amt.", "Auswärtige Amt"),
    ("„Wir bleiben“, hieß es am Montag aus dem Auswärtigen Amt.", "Auswärtige Amt"),
    # a place inside what is said is not where it comes from
    ("So heißt es, die Verwaltung habe „jetzt“ die Namen im Internet veröffentlicht.", None),
    ("Im RH-Bericht heißt es dazu: „In Hinblick auf das Ziel ist der Anteil hoch.“",
     "RH"),  # the document's issuer
    ("In einer Erklärung der Regierung hatte es geheißen: „Es gibt keine Lösung.“",
     "Regierung"),
    ("Die Züge aus Ungarn, von denen es geheißen habe, dass sie „bald“ kämen, fahren.", None),
])
def test_where_heisst_es_says_the_words_come_from(text, speaker):
    assert _speaker_set(text) == {speaker}


def test_a_name_with_a_lower_case_particle_ends_before_a_preposition():
    text = "«Jetzt wird einer gefeiert», sagt Sheib ad-Din über HTS-Chef Achmed al-Scharaa."
    assert [q.speaker for q in extract_quotes(text)] == ["Sheib ad-Din"]


def test_the_agent_of_a_passive_speaks():
    text = ("In Norddeutschland wird die Gefahr von Waldbränden vom Deutschen Wetterdienst als "
            "„sehr hoch“ eingestuft. Von einer hohen Brandgefahr wird auch aus Bonn „dringend“ "
            "berichtet.")
    assert _speakers(text) == {"sehr hoch": "Deutschen Wetterdienst", "dringend": None}


def _typed(text):
    return [(q.speaker, q.speaker_type) for q in extract_quotes(text)]


def test_a_spokesperson_speaks_for_the_organisation():
    assert _typed("„Es brennt“, sagte ein Sprecher der Feuerwehr.") == \
        [("Feuerwehr", "organization")]


@pytest.mark.parametrize("name", ["Alev Korun", "Andreas Braun"])
def test_a_name_ending_like_an_acronym_is_a_person(name):
    assert _typed(f"„Wir sind dagegen“, sagte die Abgeordnete {name}.") == [(name, "person")]


@pytest.mark.parametrize("text, speaker", [
    ("Jim DeMint, ein Mitglied des Repräsentantenhauses, wollte sich nicht festlegen, sagte "
     "aber, die Republikaner müssten „alle auf diese Vorwahlen schauen“.", "Jim DeMint"),
    # the clause before the comma is what is said, not who says it; the speaker has an
    # attribute of its own
    ("Andere Politiker hätten sich „brutalst“ verkalkuliert, sagten mit dem Vorgang vertraute "
     "Personen.", "Personen"),
])
def test_a_verb_after_a_comma_shares_the_subject_of_the_clause_before(text, speaker):
    assert _speaker_set(text) == {speaker}


def test_an_auxiliary_after_the_subject_is_no_judging_verb():
    text = "Andere Politiker hätten sich „brutalst“ verkalkuliert."
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Die Bundesregierung hatte den Bericht umgehend als „falsch“ zurückgewiesen.",
     "Bundesregierung"),
    ("Paolo hatte die Ausführung mit den Worten abgelehnt: „Das mache ich nicht.“", "Paolo"),
])
def test_more_speech_participles(text, speaker):
    assert _speaker_set(text) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    ("Houcine Abassi, der Generalsekretär des Gewerkschaftsverbandes (UGIT) sagte: „Wir werden "
     "nicht zurückkehren.“", "Houcine Abassi"),
    ("Auch Winfried Hassemer, Vizepräsident des Gerichts, sagte: „Ein Verbot ist möglich.“",
     "Winfried Hassemer"),
])
def test_the_name_before_an_apposed_role_speaks(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("„Ja, es gibt Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück zu Beginn der "
     "Debatte über den Haushalt einräumen.", "Peer Steinbrück"),
    ("Die Existenz dieses Papiers will der Geschäftsführer Paul Frey nicht bestätigen. Eine "
     "Schätzung sei „unseriös“.", "Paul Frey"),
    # the words before an infinitive are its object, not who speaks
    ("Aktuell lässt sie dort Folgendes zu ihrer Person erklären: „Sie war nie dort.“", None),
])
def test_the_subject_of_a_modal_verb_speaks_with_its_infinitive(text, speaker):
    assert _speaker_set(text) == {speaker}


def test_zu_after_a_surname_is_no_name_particle():
    text = "Wie die Zeitung berichtete, soll Anelka zu Domenech gesagt haben: „Hau ab.“"
    assert [q.speaker for q in extract_quotes(text)] == ["Anelka"]


def test_family_members_can_speak_in_the_passive():
    text = ("Es wurde von Demjanjuks Sohn die Mutmaßung geäußert, Deutschland brauche nur ein "
            "Opfer, mit dem man „ein lasches Vorgehen überspielen könne“.")
    assert _speaker_set(text) == {"Demjanjuks Sohn"}


def test_the_subject_after_an_adverb_verb_and_es_speaks():
    text = "Ähnlich sieht es Geoff Yu vom Vermögensverwalter BNY: „Es wird erwartet.“"
    assert [q.speaker for q in extract_quotes(text)] == ["Geoff Yu"]


def test_a_noun_with_an_article_is_no_person_a_pronoun_can_refer_to():
    text = ("Der Bericht stellt fest: „Die Lage ist ernst.“ UN-Generalsekretär Ban Ki-moon "
            "reiste nach Genf. Er äußerte: „Die Gefahren sind real.“")
    assert _typed(text) == [("Bericht", "unknown"), ("Ban Ki-moon", "person")]


def test_quoted_words_after_a_claim_are_its_owners():
    text = ("Auf den Vorwurf der CDU, es handele sich um einen „sozialistischen Antrag“, "
            "entgegneten die Unterstützer, dass die Investoren eingebunden würden.")
    assert _speakers(text)["sozialistischen Antrag"] == "CDU"
    # a speech verb between the claim and the words: the verb's speaker
    text = ("Auf den Vorwurf der CDU entgegneten die Unterstützer, der Antrag sei „gerecht“.")
    assert _speakers(text)["gerecht"] == "Unterstützer"


@pytest.mark.parametrize("text, speaker", [
    ("Günter Metzges vom Netzwerk Campact ist der Meinung, dass die Klage einiger "
     "„lichtscheuer Abgeordneter“ nichts verzögern dürfe.", "Günter Metzges"),
    ("Dabei ist der Sprecher der Ansicht, dass alles „gut“ sei.", "Sprecher"),
])
def test_who_is_of_an_opinion_speaks(text, speaker):
    assert {q.speaker for q in extract_quotes(text) if q.kind == "partial"} == {speaker}


def test_druecken_with_its_particle_is_a_speech_verb():
    text = "Minister Peer Steinbrück sprach. Er drückte es so aus: „Wir sind am Ende.“"
    assert [(q.speaker, q.cue) for q in extract_quotes(text)] == [("Peer Steinbrück", "drückte")]


@pytest.mark.parametrize("text, speaker, mention", [
    ("Die Feuerwehr hat nach eigenen Angaben die Hälfte der Halle geräumt.", "Feuerwehr",
     "eigenen Angaben"),
    ("Bewaffnete Polizisten schossen nach offiziellen Angaben in die Luft.", None,
     "offiziellen Angaben"),
])
def test_the_mention_of_a_source_phrase_is_as_written(text, speaker, mention):
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.speaker_mention) == (speaker, mention)


def test_a_medium_in_quotation_marks_after_its_verb_and_article_speaks():
    text = "„Die Betonung von Video beweist, dass Macromedia lernt“, schreibt die „Computerwoche“."
    assert _typed(text) == [("Computerwoche", "organization")]


def test_so_letztere_is_the_person_named_last():
    text = ("Marta Jandová, Sängerin der Band, war im Käfig, während die Moderatorin Nova "
            "Meierhenrich davor stand. „Das Elend geht weiter.“, so letztere.")
    assert [(q.speaker, q.speaker_mention) for q in extract_quotes(text)] == \
        [("Nova Meierhenrich", "letztere")]


@pytest.mark.parametrize("text, speaker, mention", [
    # a relative pronoun that speaks is the mention as written, its antecedent the speaker
    ("Das Amt leitet Arturo Arauz, der sagte: „Wir können das nicht ignorieren.“",
     "Arturo Arauz", "der"),
    # an apposition is no relative clause
    ("Houcine Abassi, der Generalsekretär des Verbandes, sagte: „Wir kehren nicht zurück.“",
     "Houcine Abassi", "Houcine Abassi"),
    ("Die Sichtweise von Innenminister Heribert Rech, wonach das Gesetz ausgewogen sei, "
     "teilen die Grünen nicht.", "Heribert Rech", "wonach"),
])
def test_relative_words_are_the_mention_as_written(text, speaker, mention):
    quotes = extract_quotes(text)
    assert {(q.speaker, q.speaker_mention) for q in quotes} == {(speaker, mention)}


@pytest.mark.parametrize("text, speaker", [
    # Konjunktiv I after a sentence about someone who can speak is theirs ...
    ("Der Beamte Karl Probe bekennt sich nicht schuldig. Er habe die Frau nicht gesehen.",
     "Karl Probe"),
    # ... not when it names them as its subject: said about them (10kGNAD)
    ("Donald Trump würde sich kaum an die Regeln halten. Trump sei damit der "
     "Autounfall-Kandidat.", None),
])
def test_konjunktiv_one_after_a_narrative_sentence(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


def test_konjunktiv_one_goes_on_across_two_narrative_sentences():
    said = "Dazu gehöre die Gesichtserkennung, sagte Innenminister Wolfgang Schäuble. "
    narrative = "Auch die Ortung von Telefonen erschließt Möglichkeiten. "
    reported = "So gewonnene Daten seien sensibel."
    for gap in (1, 2):
        assert [q.speaker for q in extract_quotes(said + narrative * gap + reported)] == \
            ["Wolfgang Schäuble", "Wolfgang Schäuble"]
    # three narrative sentences: no longer that speaker's
    assert [q.speaker for q in extract_quotes(said + narrative * 3 + reported)] == \
        ["Wolfgang Schäuble", None]


@pytest.mark.parametrize("narrative, speaker", [
    # Konjunktiv I right after a sentence about someone who can speak: what they said
    ("Das Wiener Handelsgericht verwirft den Einwand der Versicherung. ",
     "Wiener Handelsgericht"),
    ("Kanzleramtsminister Josef Ostermayer gibt Mitterlehner die Schuld am Scheitern. ",
     "Josef Ostermayer"),
    # the subject's head is no speaker: the heirs of an owner, visits of candidates
    ("Die Erben der einstigen Besitzerin zogen vor Gericht. ", None),
    ("Solche Besuche von Bundespräsidentschaftskandidaten wurden verboten. ", None),
    ("Der Produktionsindex schrumpfte um 1,2 Prozent. ", None),
])
def test_konjunktiv_one_after_a_narrative_sentence_reports_its_subject(narrative, speaker):
    quotes = extract_quotes(narrative + "Die Frist könne erst dann beginnen.")
    assert [(q.text, q.speaker) for q in quotes] == \
        [("Die Frist könne erst dann beginnen", speaker)]


@pytest.mark.parametrize("text, noun, name", [
    ("Die Umweltschutzorganisation WWF gab eine Erklärung ab.", "Organisation", "WWF"),
    ("Die Umweltschutzorganisation WWF gab eine Erklärung ab.", "Umweltschutzorganisation",
     "WWF"),
    ("Laut der Ratingagentur Moody's sinkt die Währung.", "Ratingagentur", "Moody's"),
    ("Er berichtet der Zeitung Die Welt.", "Zeitung", "Die Welt"),
    # a compound names its own kind: "die Zentralbank" is not "die Bank JP Morgan"
    ("Die Bank JP Morgan verliert.", "Zentralbank", None),
    # two of a kind: which one is meant is not known
    ("Die Zeitung Kurier schreibt es, die Zeitung Presse nicht.", "Zeitung", None),
    # no name after the noun: plurals, idioms, names that go on
    ("Ich muss den Gewerkschaften Recht geben.", "Gewerkschaft", None),
    ("Ich muss der Gewerkschaft Recht geben.", "Gewerkschaft", None),
    ("Die Partei Recht und Gerechtigkeit regiert.", "Partei", None),
    ("Die Hilfsorganisation Ärzte ohne Grenzen hilft.", "Organisation", None),
    # a kind that takes in others: "das Unternehmen" is the one business named
    ("Beim britischen Bezahlfernsehkonzern Sky steigt der Gewinn.", "Unternehmen", "Sky"),
    ("Der Autobauer Tesla meldet Zahlen. Der Konzern Fiat auch.", "Unternehmen", None),
    # a role word may open the name (10kGNAD), not stand before a person's first name
    ("Der US-Autohersteller General Motors (GM) zahlt.", "Konzern", "General Motors"),
    ("Der Konzern Chef Joe Probe zahlt.", "Konzern", None),
])
def test_a_kind_of_organisation_is_the_one_the_article_named(text, noun, name):
    assert EntityIndex.build(text).organization_of_kind(noun) == name


def test_a_definite_kind_of_organisation_speaks_as_the_one_named():
    text = ("Die Umweltschutzorganisation WWF gab eine Erklärung ab. Die Organisation "
            "teilte mit, der Bär sei gefährlich.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["WWF"]


@pytest.mark.parametrize("text, quoted, speaker", [
    ("Die Polizei nahm drei Männer fest, wie ein Sprecher am Montag mitteilte.",
     "Die Polizei nahm drei Männer fest", "Sprecher"),
    ("Mit dem Privatsender spießt es sich noch, wie Martijn van Hout, Manager für "
     "Österreich, am Dienstag sagte.", "Mit dem Privatsender spießt es sich noch",
     "Martijn van Hout"),
])
def test_a_main_clause_before_wie_and_a_speech_verb_is_reported(text, quoted, speaker):
    assert [(q.text, q.speaker) for q in _indexed_quotes(text)] \
        == [(quoted, speaker)]


@pytest.mark.parametrize("text", [
    "Er kam, wie erwartet, spät.",
    "Die Zahl stieg schneller, wie er es schon 2010 getan hatte.",
])
def test_a_wie_clause_without_a_speech_verb_reports_nothing(text):
    assert extract_quotes(text) == []


def test_a_kind_of_organisation_no_name_has_is_the_organisation_that_spoke_last():
    text = ("Am Sonntag hatte die IOM berichtet, man habe 18 Leichen gefunden. Die "
            "Organisation warnte, die Sahara könne zur Todesfalle werden.")
    assert [q.speaker for q in _indexed_quotes(text)] == \
        ["IOM", "IOM"]


def test_a_source_noun_after_a_demonstrative_is_the_source_named_before():
    text = ("Das geht aus Antworten der Regierung hervor, teilte das Innenministerium mit. "
            "Die Polizei stellte nach diesen Angaben vergangenes Jahr 13.846 Straftaten fest.")
    assert [q.speaker for q in _indexed_quotes(text)] == \
        ["Innenministerium", "Innenministerium"]


@pytest.mark.parametrize("text, speaker", [
    # the medium a person told is no part of the name
    ("Serbien sei bereit, sagte Europa-Ministerin Jadranka Joksimovic der Belgrader Zeitung "
     "Danas.", "Jadranka Joksimovic"),
    # a spokesperson's newspaper, a newspaper's report: whose they are
    ("Die Lage sei ernst, sagte ein Sprecher der Zeitung.", "Zeitung"),
    ("Dem Bericht der Zeitung zufolge sei die Lage ernst.", "Zeitung"),
])
def test_a_medium_after_a_name_was_told(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Alexander Van der Bellen kandidiert. Danach sagt Van der Bellen, diese seien "
     "indiskutabel.", "Alexander Van der Bellen"),
    # a lower-case "von der" before a workplace is no part of the name
    ("Es sei selten, berichtet die Archäologin Kat Szabo von der Universität Wollongong.",
     "Kat Szabo"),
])
def test_a_name_that_opens_with_a_capitalised_particle_goes_on(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


def test_generated_first_names_make_full_names_people():
    # "Reinhold", "Yanis", "Dominic" came with the generated names (flows/first_names.py)
    text = "Reinhold Entholzer und Yanis Varoufakis trafen Dominic Thiem."
    assert {"Reinhold Entholzer", "Yanis Varoufakis", "Dominic Thiem"} <= \
        set(EntityIndex.build(text).people)


@pytest.mark.parametrize("text, people", [  # 10kGNAD
    # a capitalised word before the first name does not hide the name
    ("Gegen den Grünen Alexander Van der Bellen ritten sie.", ["Alexander Van der Bellen"]),
    # ... nor does the name get cut after a word that came before it
    ("Staatspräsident Recep Tayyip Erdogan traf ihn.", ["Recep Tayyip Erdogan"]),
    # two first names and a surname the text names again
    ("Mit Hans Peter Doskozil sprach er. Doskozil lachte.", ["Hans Peter Doskozil"]),
    # a name in the genitive, the surname without -s in the text
    ("Beim Auftritt Christian Kerns als Kanzler lachte Kern.", ["Christian Kern"]),
    # a first name as the second word of a longer name
    ("Präsident José Eduardo Dos Santos sprach. Dos Santos lachte.",
     ["José Eduardo Dos Santos"]),
    # a double first name known by its parts
    ("Das sagte Karl-Ludwig Probemann am Montag.", ["Karl-Ludwig Probemann"]),
    # a time after a role's name is not part of it
    ("Das sagte Polizeisprecher Fritz Grundnig Dienstagabend.", ["Fritz Grundnig"]),
])
def test_full_names_are_found_wherever_they_stand(text, people):
    assert sorted(EntityIndex.build(text).people) == people


@pytest.mark.parametrize("text, speaker", [  # 10kGNAD
    ("Merkel zwinkerte Premier Aleksandar Vučić zu. Dieser sagte, es gehe um die Haltung.",
     "Aleksandar Vučić"),
    # a demonstrative that may point at a thing is no one's name
    ("Die Ergebnisse passen in eine Forschungsrichtung. Diese geht davon aus, dass Schlaf kein "
     "homogener Zustand ist.", None),
])
def test_a_demonstrative_is_the_man_named_last_or_no_one(text, speaker):
    assert [q.speaker for q in _indexed_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    # "er" after a sentence about a man (no speech) is that man, not one named earlier
    ("Das sei gut, sagt der Bezirksrat Michael Stumpf. Im Juni demonstrierten Funktionäre mit "
     "Heinz-Christian Strache. Stumpf war bei der Demo dabei. Solche Heime sollen nicht in "
     "Ballungszentren errichtet werden, sagt er.", "Michael Stumpf"),
    # ... unless a man is named after that sentence, before "er"
    ("Kanzler Werner Faymann und Vizekanzler Reinhold Mitterlehner stritten. Bundespräsident "
     "Heinz Fischer findet den Streit bedenklich, er mahnt, man müsse gemeinsam handeln.",
     "Heinz Fischer"),
])
def test_he_is_the_man_the_sentence_before_was_about(text, speaker):
    assert _indexed_quotes(text)[-1].speaker == speaker


def test_a_city_alone_before_a_surname_is_a_first_name():
    text = ("Die Aufklärung habe ergeben, dass die Luftwaffe nichts damit zu tun habe, sagte "
            "Riad Haddad dem Sender.")  # (10kGNAD)
    assert [q.speaker for q in _indexed_quotes(text)] == ["Riad Haddad"]


def test_a_known_name_then_another_known_name_is_the_first_person():
    text = ("Der FPÖ-Generalsekretär Herbert Kickl kritisierte Alexander Van der Bellen. Im "
            "Übrigen forderte Kickl Van der Bellen auf, sich von Krawallbrüdern zu distanzieren.")
    assert [q.speaker for q in _indexed_quotes(text)] == ["Herbert Kickl"]


def test_first_names_leave_out_german_words_places_and_roles(tmp_path):
    assert not usable("Mark", {"mark"}) and not usable("Paris", set())
    assert usable("Reinhold", {"mark"})
    path = tmp_path / "first_names.toml"
    path.write_text('female = ["Anna"]\nmale = ["Hans"]\n', encoding="utf-8")
    write({"Anna": "female", "Yanis": "male", "Eva": "female"}, path)
    write({"Yanis": "male"}, path)  # rewriting replaces the generated tables
    tables = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (tables["female"], tables["male"]) == (["Anna"], ["Hans"])  # curated: kept
    assert tables["generated"] == {"female": [], "male": ["Yanis"]}


def test_speakers_joined_by_sowie_are_resolved_each():
    text = ("„Wir sind das grüne Gewissen“, meint Hans Perteck. Er sowie Giesel befürchten "
            "weitere Bündnisse: „Die Grünen sind bald Vergangenheit.“")
    speakers = _speakers(text, "Sprecher Hans Perteck und Sprecher Jan Giesel treten aus")
    assert speakers["Die Grünen sind bald Vergangenheit."] == "Hans Perteck und Jan Giesel"


def test_quoted_words_in_a_wonach_clause_are_its_sources():
    text = ("Die Sichtweise von Innenminister Heribert Rech, wonach es „ein moderates Gesetz“ "
            "geben werde, teilt Reinhold Gall nicht.")
    assert {(q.speaker, q.speaker_mention) for q in extract_quotes(text)} == \
        {("Heribert Rech", "wonach")}


@pytest.mark.parametrize("text, speaker, mention", [
    ("Joe Stork von HRW fordert eine Untersuchung des Vorfalls, bei dem es sich seiner "
     "Meinung nach um einen „entsetzlichen Angriff“ gehandelt haben könne.", "Joe Stork",
     "seiner"),
    ("Nach Angaben des Verfassungsschutzes handle es sich um Missionierung, die jedoch nach "
     "Bewertung von Polizei und Staatsanwaltschaft „keinen Anlass“ hergebe.", "Polizei",
     "Polizei"),
    # the source phrase alone in the clause before
    ("Das Gericht wies darauf hin, dass, nach Aussagen eines Gutachters, die Spuren „wie Pech“ "
     "kleben würden.", "Gutachter", "eines Gutachters"),
])
def test_a_source_phrase_in_the_quotations_clause_is_its_cue(text, speaker, mention):
    (partial,) = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert (partial.speaker, partial.speaker_mention) == (speaker, mention)


def test_vergleichen_is_a_speech_verb():
    text = ("Der Wahlsieger verglich die Lage mit Krawallen nach Fußballspielen, weil "
            "„manche dachten, sie würden gewinnen“.")
    assert _speaker_set(text) == {"Wahlsieger"}


@pytest.mark.parametrize("text, speaker, mention, cue", [
    ("Ebenso äußerte sich Hamasführer Ismail Haniyya. Das Angebot, Verwundete zu behandeln, "
     "lehnt er jedoch ab: „Ägypten sollte alle einreisen lassen.“", "Ismail Haniyya", "er",
     "lehnt"),
    ("Der Journalist Christian Füller schrieb ein Buch. Seit 2013 vertritt er die These, dass "
     "Pädophilie „in der Ideologie angelegt“ sei.", "Christian Füller", "er",
     "vertritt die These"),
])
def test_rejecting_and_holding_a_thesis_are_speech(text, speaker, mention, cue):
    quotes = extract_quotes(text)
    assert {(q.speaker, q.speaker_mention, q.cue) for q in quotes} == {(speaker, mention, cue)}


def test_so_right_after_a_closing_mark_names_the_speaker():
    text = ("„Offenbar sind Bürgeranfragen zu lästig.“ so das Fazit der Betreiber von "
            "Abgeordnetenwatch.")
    assert [q.speaker for q in extract_quotes(text)] == ["Betreiber von Abgeordnetenwatch"]


def test_a_judging_verb_after_an_opening_phrase_names_who_follows_it():
    text = ("Der VW-Betriebsratsvorsitzende Bernd Osterloh hat die Kommission angegriffen. In "
            "dem Verfahren sieht Osterloh einen „Angriff gegen die Belegschaft“.")
    assert _speakers(text)["Angriff gegen die Belegschaft"] == "Bernd Osterloh"


def test_a_publication_named_in_a_passive_sentence_speaks():
    text = ("Die Wiener Linien wurden gestern im „Standard“ als „eine bedeutende Organisation“ "
            "bezeichnet.")
    assert [(q.speaker, q.speaker_type, q.cue) for q in extract_quotes(text)] == \
        [("Standard", "organization", "bezeichnet")]


@pytest.mark.parametrize("text", [
    "„Offene“ Fragen schwieriger – Probleme bei Interpretationen.",  # 10kGNAD headlines
    "„Platzverbot“ rund um das Hotel – Ab Mittwoch Einschränkungen für den Flugverkehr.",
])
def test_quoted_words_that_the_sentence_runs_on_from_are_no_statement(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("„Wir schaffen das“ sagte Merkel.", "Merkel"),  # no comma, but a speech tag
    ("„Offenbar sind Bürgeranfragen zu lästig.“ so das Fazit der Betreiber von "
     "Abgeordnetenwatch.", "Betreiber von Abgeordnetenwatch"),
])
def test_a_quotation_followed_by_its_tag_stays_direct(text, speaker):
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [("direct", speaker)]


def test_own_testimony_is_the_subjects():
    text = "Die Sängerin Karin Jeitler besucht laut eigenem Bekunden seit 30 Jahren die Oper."
    assert [(q.speaker, q.speaker_mention) for q in extract_quotes(text)] == [
        ("Karin Jeitler", "eigenem Bekunden")]


@pytest.mark.parametrize("text, speaker", [
    ("Russland werde keinen Vertrag schließen, sagte der Sprecher von Präsident Wladimir "
     "Putin, Dmitri Peskow, am Freitag.", "Dmitri Peskow"),
    ("Die Lage sei ernst, sagte der Präsident Frankreichs, François Hollande.",
     "François Hollande"),
])
def test_the_name_set_off_after_a_role_phrase_speaks(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # "Seine Aussage, wonach ...": his own, whom the main clause names
    ("Seine Aussage, wonach Rapid vom Titel so weit entfernt ist, relativierte Barisic.",
     "Barisic"),
    ("Medienberichte, wonach Zeugen eine Explosion gehört haben, bestätigte die Polizei nicht.",
     "Medienberichte"),
])
def test_a_possessed_statement_is_its_owners(text, speaker):
    assert _speaker_set(text) == {speaker}


def test_a_speaker_with_an_attribute_and_no_article():
    assert _speaker_set("Die Firma habe gekündigt, sagten mit dem Vorgang vertraute Personen "
                        "am Montag.") == {"Personen"}


def test_a_verb_opening_the_sentence_is_no_speaker():
    assert _speaker_set("Bleibt zu hoffen, dass die Firma die Defizite bald ausräumt.") == {None}


def test_plural_present_cues_report():
    assert _speaker_set("Die Abgeordneten werfen der Ministerin vor, sie habe dem Land "
                        "geschadet.") == {"Abgeordneten"}


_INTERVIEW = (
    "Die Ukraine müsse Reformen jetzt umsetzen, sagt Gouverneur Michail Saakaschwili. "
    "STANDARD: Warum tut sich die Ukraine so schwer? Saakaschwili: Leider verhindert der Krieg "
    "sehr viel. Wir haben gesagt, dass die Oligarchen bremsen. STANDARD: Haben Sie Pläne? "
    "Saakaschwili: Ich habe derzeit keine Pläne, meinen Posten aufzugeben.")


def test_interview_answers_are_the_interviewees_direct_words():
    quotes = extract_quotes(_INTERVIEW)
    answers = [(q.kind, q.speaker, q.speaker_mention, q.text) for q in quotes if q.cue == ":"]
    assert answers == [
        ("direct", "Michail Saakaschwili", "Saakaschwili",
         "Leider verhindert der Krieg sehr viel. Wir haben gesagt, dass die Oligarchen bremsen."),
        ("direct", "Michail Saakaschwili", "Saakaschwili",
         "Ich habe derzeit keine Pläne, meinen Posten aufzugeben.")]
    # the first person inside an answer has no row of its own ("Wir haben gesagt, dass ...")
    assert not [q for q in quotes if q.speaker_mention in ("Wir", "Ich")]
    for quote in quotes:
        assert _INTERVIEW[quote.char_start:quote.char_end] == quote.text


def test_a_full_name_before_the_tag_names_the_interviewee():
    text = ("Alois Stöger will als Sozialminister Furore machen. STANDARD: Was planen Sie? "
            "Stöger: Eine Reform. STANDARD: Wann? Stöger: Bald.")
    assert {q.speaker for q in extract_quotes(text) if q.cue == ":"} == {"Alois Stöger"}


@pytest.mark.parametrize("text", [
    # a name as a headline's topic, twice, with no questions answered: no interview
    "Annalena Baerbock: Jetzt Top-Job in New York. Baerbock-Bashing: Langsam reicht es. "
    "Annalena Baerbock: Kinder, Ausbildung, Politik. Baerbock-Bashing: Es reicht.",
    # questions and answers under "Frage" and "Antwort" name no one
    "Frage: Was planen Sie? Antwort: Eine Reform. Frage: Wann? Antwort: Bald.",
])
def test_tags_that_name_no_interviewee_give_no_answers(text):
    assert not [q for q in extract_quotes(text) if q.cue == ":"]


@pytest.mark.parametrize("text, people", [
    # a masculine role after "die" is a plural: the noun after it is no one's name
    ("Für die Experimente haben die Forscher Quanten-Ferrofluide erzeugt.", []),
    # unless names joined by "und" follow
    ("Dann trafen sich die Minister Lawrow und Kerry.", ["Lawrow"]),
    ("Die Ministerin Anna Weber sagte das.", ["Anna Weber"]),
])
def test_a_plural_role_names_no_one(text, people):
    assert list(EntityIndex.build(text).people) == people


def test_after_a_colon_the_perfect_has_the_subject_of_its_own_clause():
    text = ("Der Anlass ist bekannt: Die italienische Mutter Unicredit hat angekündigt, das "
            "Osteuropageschäft abzuspalten.")
    assert [q.speaker for q in extract_quotes(text)] == ["Unicredit"]


@pytest.mark.parametrize("text, speaker", [
    # a possessive source inside the sentence is its subject's, who can speak
    ("Die EU-Kommission hat gegen die nach ihren Schätzungen 70 Milliarden Euro teure "
     "Steuervermeidung ein Paket präsentiert.", "EU-Kommission"),
    # not a subject whose gender the possessive rules out
    ("Das Konzept sei schlecht, sagte Klubchef Robert Lugar. Der Unterrichtsministerin Gabriele "
     "Heinisch-Hosek wirft Lugar das seiner Meinung nach verfehlte Konzept vor.", "Robert Lugar"),
])
def test_a_possessive_source_is_the_subjects_own(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a full name and where the person works: the name
    ("Richard Cassidy von Alert Logic rät, dass man wenige Daten veröffentlicht.",
     "Richard Cassidy"),
    ("Staatsanwalt Herbert Harammer von der Staatsanwaltschaft Wien sagte, dass es gut sei.",
     "Herbert Harammer"),
    # a particle of the name stays, with its article
    ("Ursula von der Leyen sagte, dass es gut sei.", "Ursula von der Leyen"),
    ("Der Präsident Alexander Van der Bellen sagte, dass es gut sei.",
     "Alexander Van der Bellen"),
])
def test_a_name_is_cut_before_where_the_person_works(text, speaker):
    assert _last_speaker(text) == speaker


@pytest.mark.parametrize("text, expected", [
    # "Das gab X bekannt": the sentence before is what X said
    ("Die Refinanzierung erfolgt über die LKW-Maut. Das gab Bundesverkehrsminister Manfred "
     "Stolpe am Montag bekannt.",
     [("Die Refinanzierung erfolgt über die LKW-Maut.", "Manfred Stolpe")]),
    ("Die Polizei hat zwei Männer festgenommen. Dies teilte ein Sprecher der Polizei mit.",
     [("Die Polizei hat zwei Männer festgenommen.", "Polizei")]),
    # the same after a comma
    ("Seit dem 19. Juni ist die Hauptkamera ausgefallen, das teilte die NASA mit.",
     [("Seit dem 19. Juni ist die Hauptkamera ausgefallen", "NASA")]),
    # a promise of a technology, a thing noticed: no one spoke
    ("Ein schnelles Netz mit hohen Datenraten. Das verspricht die Technologie 5G.", []),
    ("Auf die Normalität kann er kaum bauen. Das bemerkte Ai, als er kam.", []),
])
def test_a_demonstrative_before_a_speech_verb_reports_the_sentence_before(text, expected):
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == expected


def test_a_family_name_written_first_is_the_person_the_article_named_in_full():
    # Was "Ban": the surname lookup reads a name's last word, and "Ban Ki Moon" ends in "Moon".
    text = ("UN-Generalsekretär Ban Ki Moon warb um ein Ja. „Wir müssen handeln“, sagte Ban. "
            "Nordkoreas Machthaber Kim Jong-un drohte. „Das ist gut“, sagte Kim.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)] == ["Ban Ki Moon", "Kim Jong-un"]


def test_a_first_name_alone_is_not_a_family_name_written_first():
    text = "Verteidigungsminister Hans Peter Doskozil kam. „Ja“, sagte Hans."
    assert [q.speaker for q in extract_quotes(text)] == ["Hans"]


def test_a_surname_in_the_genitive_is_the_person_named_before():
    # Was "Rabmer-Kollers": the genitive ending kept the surname from the person it names.
    text = ("Ulrike Rabmer-Koller, Chefin des Hauptverbands, wünscht sich eine Einigung. Die "
            "Primärversorgung sei nach Ansicht Rabmer-Kollers auch eine Möglichkeit, Ärzte zu "
            "halten.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)][-1] == "Ulrike Rabmer-Koller"


def test_a_kind_of_body_alone_is_the_one_body_the_article_named_by_a_compound():
    # Was "Ministerium": "das Bildungsministerium" names one body; "das Ministerium" is it.
    text = ("Das Bildungsministerium zieht nun nach. Das Ministerium betont darin, dass Werbung "
            "zulässig sei.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)] == ["Bildungsministerium"]
    two = ("Das Bildungsministerium und das Finanzministerium streiten. Das Ministerium betont, "
           "dass Werbung zulässig sei.")
    assert [q.speaker for q in extract_quotes(two)] == ["Ministerium"]


@pytest.mark.parametrize("text, speaker, quote", [  # (10kGNAD)
    ("Nach Angaben aus Moskau sprachen sie über die Einbindung weiterer Akteure.", "Moskau",
     "sprachen sie über die Einbindung weiterer Akteure"),
    ("Laut Informationen aus Regierungskreisen ist die Entscheidung gefallen.",
     "Regierungskreise", "ist die Entscheidung gefallen"),
    ("Nach Angaben aus dem Innenministerium wurden 30 Menschen festgenommen.",
     "Innenministerium", "wurden 30 Menschen festgenommen"),
])
def test_where_a_source_comes_from_is_who_says_it(text, speaker, quote):
    # Was no speaker, and "aus Moskau" inside the quotation.
    (found,) = extract_quotes(text)
    assert (found.speaker, found.text) == (speaker, quote)


def test_aus_after_a_source_noun_that_belongs_to_the_verb_names_no_source():
    text = "Die Liste setzt sich laut Bericht aus jenen Produkten zusammen, die am meisten kosten."
    assert "Produkten" not in {q.speaker for q in extract_quotes(text)}


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Schlamperei könne man ausschließen, sagt der Leiter der Abteilung Abfallwirtschaft im Amt "
     "der Landesregierung, Harald Dreher.", "Harald Dreher"),
    ("Die Inhaftierten hätten versucht, Islamisten zu rekrutieren, sagte der Chef der "
     "Internet-Polizei (IIP), Kamal Hadiafar, am Montag.", "Kamal Hadiafar"),
])
def test_a_name_set_off_after_a_role_is_the_speaker(text, speaker):
    # Was the role's phrase ("Abteilung Abfallwirtschaft").
    assert _last_speaker(text) == speaker


def test_a_name_set_off_after_other_words_is_not_the_speaker():
    text = ("Drei Tage später hat Hochegger das laut Klage auch vor dem Vizekonsul der "
            "US-Botschaft in Wien, Mark A. Brand, unter Eid ausgesagt.")  # (10kGNAD)
    assert _last_speaker(text) != "Mark A. Brand"


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Alpbach – OeNB-Gouverneur und EZB-Rat Ewald Nowotny kam. Die Abgaben seien hoch, warnt "
     "der OeNB-Gouverneur.", "Ewald Nowotny"),
    ("Der Vorsitzende der Privatangestellten-Gewerkschaft (GPA-djp), Wolfgang Katzian, will "
     "einen Plan. Das sei dringend, sagte der Vorsitzende.", "Wolfgang Katzian"),
])
def test_a_role_is_the_person_the_article_gave_it(text, speaker):
    # Was the role alone: a second title after "und", or an acronym before the comma, hid the
    # name from the role.
    assert _last_speaker(text) == speaker


def test_a_separable_prefix_opening_the_sentence_is_a_preposition_not_the_verbs_particle():
    # Was a cue "gab ... zu" (zugeben) with "meiner Zeit" speaking the interviewer's question.
    text = ("Ministerin Sonja Hammerschmid kam. Zu meiner Zeit gab es keine Gebühren. STANDARD: "
            "In welchen Fächern hätten Sie gerne Zugangsregelungen?")  # (10kGNAD)
    assert "Zeit" not in {q.speaker for q in extract_quotes(text)}


def test_a_defendant_described_by_a_noun_is_the_woman_who_spoke():
    # Was "Angeklagte": no role of ours, so no one; the one woman named in full who spoke is.
    text = ("Die Angeklagte Beate Zschäpe ließ eine Erklärung verlesen. Sie sei geschlagen "
            "worden, sagte Beate Zschäpe. Uwe Böhnhardt sei dagegen gewesen, sagte die "
            "Angeklagte.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)][-1] == "Beate Zschäpe"


def test_someone_from_a_place_is_not_the_last_speaker():
    text = ("Ich bin zufrieden, sagte Hannes Reichelt. Da habe ich Speed mitgenommen, sagte der "
            "Norweger.")  # (10kGNAD)
    assert [q.speaker for q in extract_quotes(text)][-1] != "Hannes Reichelt"


def test_waving_something_off_is_speech():
    text = ("Staatssekretär Harald Mahrer plant ein Haus. Gibt es schon einen Plan? Zu früh, "
            "winkt Mahrer ab.")  # (10kGNAD)
    assert [(q.speaker, q.text) for q in extract_quotes(text)][-1] == ("Harald Mahrer",
                                                                       "Zu früh")


def test_a_role_that_also_names_a_council_is_the_person_holding_it():
    # Was "Landesrat" as an organisation: "-rat" names councils too.
    text = ("Das ergab eine Studie im Auftrag von Gesundheitslandesrat Maurice Androsch (SPÖ). "
            "Die Ergebnisse seien ein klarer Auftrag, betonte der Landesrat.")  # (10kGNAD)
    assert _last_speaker(text) == "Maurice Androsch"


def test_reported_speech_inside_an_interview_answer_is_the_interviewees_argument():
    # Was "SPÖ" speaking "nur auf eine der beiden Varianten schielen zu können" (10kGNAD).
    text = ("Landeshauptmann Peter Kaiser gibt sich kämpferisch. STANDARD: Wer wird sich "
            "durchsetzen? Kaiser: Wenn die SPÖ jetzt glaubt, nur auf eine Variante schielen zu "
            "können, wird sie Schiffbruch erleiden. STANDARD: Und dann? Kaiser: Dann reden wir.")
    speakers = {q.speaker for q in extract_quotes(text)}
    assert "SPÖ" not in speakers and "Peter Kaiser" in speakers


def test_a_surname_takes_the_first_name_the_text_gives_it_though_no_list_knows_it():
    # Was "Kiesbauer": "Arabella" is in no list of first names. (10kGNAD)
    text = ("Wien – Arabella Kiesbauers neues Format startet. Gutes Essen ist meine "
            "Leidenschaft, sagt Kiesbauer.")
    assert _last_speaker(text) == "Arabella Kiesbauer"


def test_a_noun_before_a_surname_is_no_first_name():
    text = ("Die Tester lobten das Gerät, schreibt die Seite Eurogamer. Das Headset sei gut, "
            "schreibt Eurogamer.")  # (10kGNAD)
    assert _last_speaker(text) == "Eurogamer"


def test_he_is_the_one_person_the_sentence_before_brings_in_after_its_verb():
    # Was Reinhold Mitterlehner, the last to speak: the sentence before opens with an adverb,
    # and its subject stands after the verb. (10kGNAD)
    text = ("Vizekanzler Reinhold Mitterlehner sagte, die Sozialpartner müssten sich ändern. "
            "Auch Wirtschaftskammerpräsident Christoph Leitl war im Saal. "
            "Verschnupft reagierte auch Arbeiterkammer-Präsident Rudolf Kaske. Wir sind Teil "
            "der Lösung, nicht Teil des Problems, ließ er den ÖVP-Chef wissen.")
    assert extract_quotes(text)[-1].speaker == "Rudolf Kaske"


def test_a_source_in_the_dative_plural_is_named_in_the_nominative():
    quote = extract_quotes("Die Weiterfahrt der Flüchtlinge erfolgte den Einsatzkräften "
                           "zufolge laufend.")[0]
    assert (quote.speaker, quote.speaker_mention) == ("Einsatzkräfte", "den Einsatzkräften")


def test_a_party_named_by_its_members_is_an_organisation_the_party_refers_to():
    # "der Partei" was its own speaker "Partei". (10kGNAD)
    text = ("Das Verfahren konnte mit einem Vergleich beendet werden, so die Grünen. Die "
            "Verhandlung fand bereits am 24. November statt. Die Posterin verpflichtete sich "
            "nach Angaben der Partei zur Unterlassung.")
    assert [(q.speaker, q.speaker_type) for q in extract_quotes(text)] == [
        ("Grünen", "organization")] * 2


def test_a_persons_spokesperson_speaks_for_that_person():
    # Was "Kerrys Sprecher". (10kGNAD)
    text = ("US-Außenminister John Kerry traf am Montag Netanyahu. Kerrys Sprecher unterstrich, "
            "dass die USA den Siedlungsbau als illegal betrachteten.")
    assert [q.speaker for q in extract_quotes(text)] == ["John Kerry"]


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Einem Bericht des Kölner Stadt-Anzeigers zufolge hat die Polizei die Herkunft anfangs "
     "verheimlicht.", "Kölner Stadt-Anzeiger"),
    ("Laut einem Bericht des Berliner Tagesspiegels ist die Zahl der Angriffe gestiegen.",
     "Berliner Tagesspiegel"),
])
def test_a_title_in_the_genitive_is_no_person_and_named_in_the_nominative(text, speaker):
    # Was a person "Kölner Stadt-Anzeigers".
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_type) == (speaker, "unknown")


@pytest.mark.parametrize("text, speaker, start", [  # (10kGNAD)
    ("Avramopoulos betonte Medienberichten zufolge, die Entwicklung hänge sehr von der Türkei "
     "ab.", "Avramopoulos", "die Entwicklung"),
    ("Das sagte Rupert Wolff am Montag. Die rot-schwarze Koalition baue ein dichtes "
     "Spitzelnetz auf.", "Rupert Wolff", "Die rot-schwarze"),
])
def test_more_verbs_mark_reported_speech_in_the_subjunctive(text, speaker, start):
    # "hänge", "baue" were read as no report: the media or no one spoke.
    quote = extract_quotes(text)[-1]
    assert (quote.kind, quote.speaker, quote.text[:len(start)]) == ("indirect", speaker, start)


@pytest.mark.parametrize("text, speaker", [
    ("Bundespräsident Heinz Fischer traf Fico. Aus dem Büro des Präsidenten hieß es, Fico "
     "habe sich zur Aufnahme der Flüchtlinge bekannt.", "Heinz Fischer"),
    ("Aus dem Umfeld der Republikaner hieß es, man werde zustimmen.", "Republikaner"),
])
def test_an_office_or_a_circle_speaks_for_its_owner(text, speaker):
    # Was "Büro", "Umfeld".
    assert extract_quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [  # (10kGNAD)
    ("Die Mitarbeiter seien im Dauereinsatz gewesen, teilte ein Sprecher des Lagezentrums mit.",
     "Lagezentrum"),  # was "Lagezentrums": no body our lists know
    ("Die Lage sei aussichtslos, sagte der Sprecher des Krisenstabes.", "Krisenstab"),
    ("Bundespräsident Heinz Fischer reiste ab. Die Reise sei kurz gewesen, sagte ein Sprecher "
     "des Präsidenten.", "Heinz Fischer"),  # was "Sprecher Präsidenten"
])
def test_a_spokesperson_speaks_for_the_body_or_person_in_the_genitive(text, speaker):
    assert extract_quotes(text)[-1].speaker == speaker


def test_a_preposition_opening_the_sentence_is_no_speaker():
    # Was "Ab". (Wikinews train, even half)
    text = ("Ab 1939 musste an jedem Volksempfänger ein Zettel kleben, auf dem geschrieben "
            "stand: „Denke daran: Das Abhören ausländischer Sender ist ein Verbrechen.“")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_a_determiner_opening_the_sentence_is_no_name():
    # "Er" was "Beide", a person made of the determiner. (10kGNAD)
    text = ("Ganz anders präsentierte sich der deutsche Innenminister Thomas de Maizière beim "
            "EU-Rat. Beide zeigten sich im Grunde sehr zufrieden, dass die Migration fast zum "
            "Stillstand gekommen ist, wie de Maizière sagte. Er hob hervor, dass die Zeit des "
            "Durchwinkens vorbei ist.")
    assert extract_quotes(text)[-1].speaker == "Thomas de Maizière"


@pytest.mark.parametrize("text", [  # (10kGNAD)
    "Wer aber glaubt, dass nun ein Schlussstrich gezogen wurde, irrt womöglich.",
    "Ganz allgemein sei einmal mehr betont, dass all die Zahlen schön und gut sind.",
])
def test_a_generic_wer_or_an_adverb_opening_the_sentence_speaks_for_no_one(text):
    assert [q.speaker for q in extract_quotes(text)] in ([], [None])


def test_zu_before_an_infinitive_is_no_particle_of_zugeben():  # (10kGNAD)
    text = ("Anlass war die Erweiterung des Modells, das gibt Architekten ein Werkzeug, um die "
            "Auswirkungen zu berechnen.")
    assert extract_quotes(text) == []
    assert [q.speaker for q in extract_quotes(
        "Der Minister gab zu bedenken, dass die Kosten hoch seien.")] == ["Minister"]
    # (the seed article: "gab Le Drian zu verstehen, dass ..." is a phrase cue, found whole)
    assert [q.speaker for q in extract_quotes(
        "Nichtsdestotrotz gab Le Drian zu verstehen, dass die Atmosphäre freundlich war.")] \
        == ["Le Drian"]


@pytest.mark.parametrize("text", [  # the author's own remark (10kGNAD)
    "Gerade in diesem Zusammenhang sei aber noch einmal auf die Aussagekraft von Benchmarks "
    "hingewiesen.",
    "Ganz allgemein sei einmal mehr betont, dass all die Zahlen schön und gut sind.",
])
def test_a_wish_in_the_subjunctive_sei_betont_is_no_reported_speech(text):
    assert extract_quotes(text) == []


def test_something_said_to_someone_in_the_subjunctive_is_still_reported():
    assert [q.speaker for q in extract_quotes(
        "Der Minister sagte, es sei ihm gesagt worden, dass alles gut sei.")] == ["Minister"]


@pytest.mark.parametrize("text, speaker", [  # (fundus pages, shapes of)
    ('Gleich zu Beginn der Landessynode gibt Präsidentin Annekathrin Preidel den Ton vor: '
     '"Wir haben uns schuldig gemacht."', "Annekathrin Preidel"),
    ('Zu Beginn der Synode gibt Präsidentin Annekathrin Preidel den Ton vor: "Wir haben uns '
     'schuldig gemacht."', "Annekathrin Preidel"),
    ('Diesen Preis sieht Andrij Melnyk jedes Mal, wenn er auf sein Handy schaut: "Viele '
     'Kameraden sind gefallen."', "Andrij Melnyk"),
])
def test_before_a_colon_the_subject_after_the_verb_speaks_when_a_phrase_opens(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [  # (fundus pages, 10kGNAD)
    ('"Wir haben gegen viele gute Teams gespielt", zeigt sich Shai Gilgeous-Alexander '
     'selbstbewusst.', "Shai Gilgeous-Alexander"),
    ("Der Berater Yussi Pick zeigt sich erstaunt, dass sich die SPÖ so lange Zeit gelassen "
     "hat.", "Yussi Pick"),
])
def test_showing_oneself_confident_or_astonished_is_a_cue(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_quotation_alone_after_a_sentence_about_a_named_person_is_theirs():  # (fundus)
    text = ('Der Trierer Politikwissenschaftler Uwe Jun stellt dem Ausschuss ein gutes Zeugnis '
            'aus. "Die Gespräche waren häufig von Sachlichkeit geprägt."')
    assert [q.speaker for q in extract_quotes(text)] == ["Uwe Jun"]


def test_a_quotation_after_a_sentence_about_a_thing_or_in_its_own_sentence_stays_unnamed():
    assert [q.speaker for q in extract_quotes(
        'Die Sirenen heulten am Morgen. "Es war ein Schock."')] == [None]
    assert [q.speaker for q in extract_quotes(
        'Uwe Jun stellt dem Ausschuss ein gutes Zeugnis aus. Die Bilanz ist "durchwachsen", '
        'heißt es im Bericht.')] != ["Uwe Jun"]


def test_er_after_a_sentence_opening_with_an_adverb_is_its_subject_after_the_verb():
    # (fundus: "Hier sieht auch Bönte Vorteile für den Ukrainer. „…“, sagte er.")
    text = ("Manager Bernd Bönte war in Riad. „Fury hat nie mit solch einem Speed umgehen "
            "müssen“, sagte Usyk-Promoter Alexander Krassyuk. Hier sieht auch Bönte Vorteile für "
            "den Ukrainer. „Usyks großes Plus ist seine Geschwindigkeit“, sagte er.")
    assert [q.speaker for q in extract_quotes(text)] == ["Alexander Krassyuk", "Bernd Bönte"]


def test_several_people_named_by_a_noun_are_no_one_for_a_later_sie():  # (fundus)
    text = ("Ofri und seine beiden Großmütter erzählten mir, dass die beiden ein glückliches "
            "Paar waren. „Ich sagte, dass das unmöglich wahr sein konnte“, erinnert sie sich.")
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers[0] != "Großmütter" and "Großmütter" not in speakers[1:]


def test_an_adverb_opening_a_sentence_is_no_name():  # (fundus)
    text = ("Wochenlang hielten zwei Männer sie fest. „Es war alles sehr verwirrend“, "
            "erinnert sie sich.")
    assert "Wochenlang" not in [q.speaker for q in extract_quotes(text)]


def test_a_quotation_opening_its_paragraph_is_the_person_the_next_sentence_is_about():
    text = ('"Die erste Halbzeit war einfach überragend." Deutschlands Chefcoach Gordon Herbert '
            'war bester Laune nach dem dritten Sieg.')  # (fundus)
    assert [q.speaker for q in extract_quotes(text)] == ["Gordon Herbert"]
    assert [q.speaker for q in extract_quotes(
        '"Die erste Halbzeit war einfach überragend." Das Spiel endete 3:0.')] == [None]


def test_a_medium_in_marks_after_gegenueber_without_an_article_is_no_quotation():
    text = ('Die Siedler hätten mehrere Häuser angegriffen, erklärte der Dorfratsvorsitzende '
            'gegenüber "Wafa".')  # (fundus)
    assert [q.kind for q in extract_quotes(text)] == ["indirect"]


def test_after_an_opening_dass_clause_the_subject_follows_the_verb():  # (fundus)
    text = ("Nach Einschätzung des Geheimdienstexperten Adrian Hänni ist das so.\n\nDass "
            "russische Agenten stark in Genf vertreten sind, führt der Geheimdienstexperte Hänni "
            "auf die Spionageabwehr zurück. „Der NDB ist ein kleiner Nachrichtendienst.“")
    assert [q.speaker for q in extract_quotes(text)][-1] == "Adrian Hänni"
