from datetime import date

import pytest

from flows.process import redated_events
from flows.stages.conjugation import verb_forms
from flows.stages.events import PLOVER_TYPES, extract_events
from flows.stages.events.clauses import clauses
from flows.stages.events.lexicon import lexicon


def _events(seeds, prefix, plover_type):
    return [e for e in seeds[prefix].events if e["plover_type"] == plover_type]


def test_evidence_offsets_and_types(seeds):
    fields = set()
    for processed in seeds.values():
        for event in processed.events:
            text = processed.article[event["field"]]
            assert text[event["char_start"]:event["char_end"]] == event["evidence"]
            assert event["plover_type"] in PLOVER_TYPES
            fields.add(event["field"])
    assert fields == {"teaser", "body"}


def test_paris_attacks_share_one_key_and_keep_their_own_figures(seeds):
    attacks = {prefix: next(e for e in _events(seeds, prefix, "ASSAULT")
                            if e["location"] == "Paris") for prefix in ("001", "002")}
    assert {e["event_date"] for e in attacks.values()} == {date(2015, 11, 13)}
    assert attacks["001"]["event_key"] == attacks["002"]["event_key"]
    assert (attacks["001"]["casualties"], attacks["002"]["casualties"]) == (129, 130)


def test_dated_calls_and_attacks_and_no_planned_visits(seeds):
    # "Hollande werde am Donnerstag kommender Woche nach Moskau reisen", "kommt ... am Sonntag
    # nach Berlin, wo er ... sprechen will": plans, not happenings
    assert not [e for e in _events(seeds, "001", "CONSULT") if e["location"] == "Moskau"]
    assert not [e for e in _events(seeds, "003", "CONSULT") if e["location"] == "Berlin"]
    call = next(e for e in _events(seeds, "002", "CONSULT") if e["mode"] == "phone")
    assert date(2015, 11, 16) <= call["event_date"] <= date(2015, 11, 22)
    assert call["date_precision"] == "week"  # "in der vergangenen Woche"
    sinai = next(e for e in _events(seeds, "002", "ASSAULT") if e["location"] == "Sinai")
    assert (sinai["event_date"], sinai["casualties"]) == (date(2015, 10, 31), 224)


def test_nothing_inside_a_quotation_is_an_event():
    assert extract_events("„Am Montag gab es Luftangriffe“, sagte er.", REFERENCE) == []


def test_undated_article_keeps_the_date_text():
    (event,) = extract_events("Bei dem Anschlag in Paris am 13. November starben 130 Menschen.",
                              None)
    assert (event.event_date, event.date_text, event.casualties) == (None, "13. November", 130)


REFERENCE = date(2024, 4, 22)


def _one(sentence, reference=REFERENCE):
    (event,) = extract_events(sentence, reference)
    return event


def test_a_report_without_a_time_word_is_dated_to_the_publication_day():
    event = _one("Die Armee flog Luftangriffe auf Stellungen der Miliz.")
    assert (event.plover_type, event.mode) == ("ASSAULT", "aerial")
    assert (event.event_date, event.date_precision, event.date_text) == \
        (REFERENCE, "approx", "")


@pytest.mark.parametrize("sentence", [
    "Die Konferenz soll im März in Berlin stattfinden und über Sanktionen beraten.",  # plan
    "Die Minister werden am Dienstag in Brüssel verhandeln.",  # future
    "Die Polizei hat niemanden festgenommen und keine Razzia durchgeführt.",  # negation
    "Die Regierung könnte die Demonstration verbieten.",  # modality
    "Falls die Truppen angreifen, droht eine Eskalation.",  # condition
    "Hat die Polizei die Demonstranten festgenommen?",  # question
    "Die Opposition forderte, dass die Truppen abgezogen werden.",  # what is demanded
    "Er kündigte an, die Angeklagten freizulassen.",  # zu-infinitive
    "Zwölf Todesopfer forderte ein Taifun.",  # the idiom, not a demand
    "Die geplante Kundgebung am Montag in Wien zog viele Blicke auf sich.",  # a plan
])
def test_clauses_that_state_no_happening_give_no_event(sentence):
    events = extract_events(sentence, REFERENCE)
    assert [e.plover_type for e in events if e.plover_type != "REQUEST"] == [], sentence
    if "forderte" in sentence and "dass" not in sentence:
        assert events == []


@pytest.mark.parametrize("sentence", [
    "In den 80er Jahren kritisierte die Regierung die Opposition.",
    "Durch den enormen Mangel an Mitteln würde die Hilfe erschwert.",
])
def test_a_sentence_opening_with_a_preposition_and_den_opens_no_relative_clause(sentence):
    _, found = clauses(sentence)
    assert [clause.opener for clause in found][0] == ""


def test_factuality_is_read_from_the_triggers_own_clause():
    events = extract_events("Die Polizei nahm am Montag drei Männer fest, die nicht "
                            "vorbestraft waren.", REFERENCE)
    assert [(e.plover_type, e.mode) for e in events] == [("COERCE", "arrest")]


@pytest.mark.parametrize("sentence, plover_type", [  # (10kGNAD)
    ("Der Nobelpreisträger Tim Hunt hat am Montag sein Amt als Professor niedergelegt.",
     "CONCEDE"),
    ("Der Bankchef Ettore Gotti Tedeschi musste am Montag seinen Hut nehmen.", "CONCEDE"),
    ("Er hat am Montag seinen Posten geräumt.", "CONCEDE"),
    ("Am Montag lieferten die USA Waffen und Munition an die Kurden.", "AID"),
    ("Die Minister verständigten sich am Montag auf eine Obergrenze.", "AGREE"),
    ("Die Staaten schlossen am Montag einen Vertrag ab.", "AGREE"),
    ("Fünf Angehörige seien am Montag in Haft genommen worden.", "COERCE"),
    ("Am Montag leitete die Behörde eine Untersuchung gegen den Konzern ein.", "ACCUSE"),
    ("Am Montag explodierte ein Sprengsatz vor der Botschaft.", "ASSAULT"),
    ("Am Montag gab es Demos an 40 Standorten.", "PROTEST"),
    ("Am Montag blockierten die Demokraten die Resolution.", "REJECT"),
    ("Am Montag feuerte die Armee auf syrisches Gebiet.", "ASSAULT"),
    ("Am Montag eröffneten Attentäter das Feuer auf Cafés.", "ASSAULT"),
    ("Am Montag besetzten Aktivisten das Rektorat.", "PROTEST"),
    ("Am Montag kam es zu heftigen Zusammenstößen zwischen Demonstranten und Polizei.",
     "PROTEST"),
    ("Am Montag räumte die griechische Polizei das Zeltlager.", "COERCE"),
    ("Politiker mehrerer Parteien empörten sich am Montag über die Äußerung.", "ACCUSE"),
    ("Der Prozess gegen den Alt-Landeshauptmann begann am Montag.", "ACCUSE"),
    ("Am Montag griff er auch Konzernchef Frank Appel scharf an.", "ACCUSE"),
    ("Die EU stellte am Montag zehn Millionen Euro bereit.", "AID"),
    ("Der Verdächtige wurde am Montag an die USA ausgeliefert.", "COOPERATE"),
])
def test_lexicon_phrases_and_nouns(sentence, plover_type):
    assert plover_type in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence", [
    "Die beiden verständigen sich am Montag trotz aller Unterschiede.",  # communicate
    "Die Absicherung führte am Montag zur ständigen Blockade.",  # no sanction
    "Am Montag blockierten Lastwagen die Straße.",  # no decision blocked
    "Am Montag besetzten die Gäste alle Plätze.",  # no protest
    "Am Montag kam es zu einem Zusammenstoß zweier Züge.",  # an accident
    "Am Montag griff er auch Konzernchef Frank Appel scharf an.",  # no assault
    "Der Friedensprozess gegen alle Widerstände begann am Montag.",
    # things provided or delivered, no aid and no extradition (10kGNAD)
    "Das Hotel hat die Bilder am Montag auch Dritten zur Verfügung gestellt.",
    "Am Montag wurde die neue Version als Download bereitgestellt.",
    "Am Montag wurden erst wenige tausend Fahrzeuge ausgeliefert.",
    "Der Boxer verteidigte am Samstag in Düsseldorf seine Titel.",
])
def test_other_senses_of_lexicon_words(sentence):
    assert "ASSAULT" not in [e.plover_type for e in extract_events(sentence, REFERENCE)]
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] in ([], ["ACCUSE"])


@pytest.mark.parametrize("sentence, types", [  # (10kGNAD)
    # a particle closing the clause makes a simple verb another one
    ("Die Post sperrte am Montag ihre Zentrale mit Stellwänden ab.", []),  # absperren
    ("Da drängt sich am Montag der Verdacht auf, dass es ein Vorwand ist.", []),
    ("Die Partei marschierte am Montag in Freilassing auf.", ["PROTEST"]),  # aufmarschieren
    # ... not the particle of a verb joined by "und"
    ("Die Botschafterin besuchte am Montag Merkel und regte an, die Tafel zu erneuern.",
     ["CONSULT"]),
])
def test_a_separable_particle_makes_another_verb(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_plan_word_before_another_noun_leaves_the_act_real():
    event = _one("Bei der geplanten Ausreise nach Peking am Montag wurde er festgenommen.")
    assert (event.plover_type, event.mode) == ("COERCE", "arrest")  # (10kGNAD)


def test_hearsay_of_a_past_act_is_an_event():
    event = _one("Der Soldat soll den Mann erschossen haben.")
    assert (event.plover_type, event.mode) == ("ASSAULT", "firearms")


def test_a_demand_is_a_request_and_the_demanded_resignation_no_event():
    events = extract_events("Die Aktionäre forderten am Mittwoch den Rücktritt des Vorstands.",
                            REFERENCE)
    assert [e.plover_type for e in events] == ["REQUEST"]


def test_a_date_is_taken_from_the_triggers_clause_only():
    events = extract_events("Die Polizei nahm den Mann fest, der am kommenden Donnerstag "
                            "vor Gericht steht.", REFERENCE)
    (arrest,) = [e for e in events if e.plover_type == "COERCE"]
    assert (arrest.event_date, arrest.date_precision) == (REFERENCE, "approx")


@pytest.mark.parametrize(("sentence", "plover_type", "text"), [
    # a time word of one main clause dates the coordinated one
    ("Am Montag trafen sich die Minister und unterzeichneten ein Abkommen.", "AGREE",
     "Am Montag"),
    ("Als am Dienstag die Polizei kam, stürmten Demonstranten das Rathaus.", "COERCE",
     "am Dienstag"),
    # ... but not the time of the report, nor of a zu-infinitive
    ("Die Polizei nahm drei Männer fest, meldete der Sender am Montag.", "COERCE", ""),
    ("Er warf der Regierung vor, schon seit 2012 die Wahl zu verzögern.", "ACCUSE", ""),
])
def test_a_sentence_time_word_dates_its_main_clauses(sentence, plover_type, text):
    (event,) = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == plover_type]
    assert event.date_text == text


def test_a_deadline_is_not_the_date_of_the_agreement():
    event = _one("Der Beitritt ist für Ende 2026 vereinbart worden.")
    assert (event.plover_type, event.event_date, event.date_precision) == \
        ("AGREE", REFERENCE, "approx")


@pytest.mark.parametrize(("sentence", "found"), [
    ("Am Samstag werden die Regierungschefs in Paris beraten.", []),  # "beraten": infinitive
    ("Drei Männer werden in Paris festgenommen.", ["COERCE"]),  # a passive, happening now
])
def test_werden_with_a_form_that_is_also_the_infinitive_is_to_come(sentence, found):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == found


def test_a_time_still_to_come_is_a_plan_not_an_event():
    assert extract_events("Am kommenden Donnerstag protestieren die Bauern in Berlin.",
                          REFERENCE) == []


def test_a_yearless_date_in_a_report_is_in_the_past():
    event = _one("Durch den Terrorangriff der Hamas am 7. Oktober auf Israel eskalierte die "
                 "Lage.")
    assert event.event_date == date(2023, 10, 7)


@pytest.mark.parametrize(("sentence", "plover_type", "mode"), [
    ("Die Polizei nahm am Montag drei Verdächtige fest.", "COERCE", "arrest"),
    ("Das Ministerium wies die Vorwürfe am Dienstag zurück.", "REJECT", None),
    ("Die Opposition warf der Regierung am Montag Wahlbetrug vor.", "ACCUSE", "allege"),
    ("Die Gewerkschaft rief am Freitag zum Streik auf.", "REQUEST", None),
    ("Die Regierung rief am Sonntag den Ausnahmezustand aus.", "COERCE", "emergency"),
    ("Tausende demonstrierten am Samstag in Stuttgart.", "PROTEST", "demo"),
    ("Der Minister kritisierte den Plan.", "ACCUSE", "criticize"),
    ("Die Armee zog ihre Truppen aus der Stadt ab.", "RETREAT", "military"),
    ("Der Präsident trat am Mittwoch zurück.", "CONCEDE", "resign"),
    ("Die Grünen pochten am Montag auf eine Änderung.", "REQUEST", None),
    ("Die Ministerin setzte sich am Montag für einen Sozialindex ein.", "SUPPORT", None),
    ("Bei einer Protestaktion am Montag wurde ein Mann verletzt.", "PROTEST", "demo"),
])
def test_separable_and_other_verbs_of_every_kind(sentence, plover_type, mode):
    events = extract_events(sentence, REFERENCE)
    assert (plover_type, mode) in [(e.plover_type, e.mode) for e in events], sentence


def test_every_plover_type_has_triggers_in_the_lexicon():
    types = {sense.type for entries in lexicon().verbs.values() for _, sense in entries}
    types |= {sense.type for entries in lexicon().nouns.values() for _, sense in entries}
    assert types == set(PLOVER_TYPES)


def test_verb_forms_are_generated_from_the_lemma():
    forms = verb_forms("fest|nehmen")
    assert {"festgenommen", "festnahm", "festzunehmen"} <= set(forms)
    assert forms["nahm"].particle == "fest"
    assert {"bombardierte", "bombardiert"} <= set(verb_forms("bombardieren"))
    assert {"unterzeichnete", "unterzeichnet"} <= set(verb_forms("unterzeichnen"))
    assert "entsandt" in verb_forms("entsenden")


def test_actors_and_targets_active_passive_and_pronoun():
    active = _one("Die Polizei nahm am Montag in Moskau 30 Demonstranten fest.")
    assert (active.actors, active.targets, active.location) == \
        (("Polizei",), ("Demonstranten",), "Moskau")
    passive = _one("Am Montag wurden 30 Demonstranten von der Polizei festgenommen.")
    assert (passive.actors, passive.targets) == (("Polizei",), ("Demonstranten",))
    text = "Kanzlerin Angela Merkel sprach in Paris. Sie kritisierte den Plan der Regierung."
    (criticism,) = extract_events(text, REFERENCE)
    assert criticism.actors == ("Angela Merkel",)
    # the pronoun agrees in gender with the person it refers to, not with the one named last
    text = ("Innenminister Herbert Kickl kam am Montag nach Graz. Am Dienstag traf "
            "Außenministerin Karin Kneissl in Wien ein. {} forderte am Mittwoch mehr Polizisten.")
    assert _one(text.format("Er")).actors == ("Herbert Kickl",)
    assert _one(text.format("Sie")).actors == ("Karin Kneissl",)
    # a role without a name, in any case, is named in the nominative
    assert _one("Die Soldaten schossen am Montag auf die Anhänger des Oppositionspolitikers."
                ).targets == ("Anhänger", "Oppositionspolitiker")
    # "sie" with a plural verb is a group, not the woman named last
    assert _one("Die Bauern zogen am Montag vor das Ministerium. Ministerin Elisabeth Köstinger "
                "sprach mit ihnen. Sie protestierten gegen die Preise.").actors == ()


def test_casualties_from_figures_and_number_words_on_the_attack_only():
    assert _one("Bei einem Anschlag in Bagdad wurden mindestens 30 Menschen getötet."
                ).casualties == 30
    assert _one("Am Montag wurde ein US-Soldat in Kabul erschossen.").casualties == 1
    assert _one("Bei dem Angriff starben zwölf Zivilisten.").casualties == 12
    events = extract_events("Die Armee verlegte am Montag Truppen nach Paris, wo am Freitag "
                            "130 Menschen getötet worden waren.", REFERENCE)
    mobilize = [e for e in events if e.plover_type == "MOBILIZE"]
    assert mobilize and all(e.casualties is None for e in mobilize)


def test_places_come_from_the_data_packages_in_german():
    for city in ("Mailand", "Peking", "Moskau"):
        assert _one(f"Am Montag demonstrierten Tausende in {city}.").location == city


@pytest.mark.parametrize("sentence", [
    "Die Kommission traf am Montag die Vorauswahl unter 70 Bewerbern.",  # eine Auswahl treffen
    "Die Trauerfeier wurde am Freitag in die Messehalle verlegt.",  # not troops
    "Die Spieler demonstrierten am 16. Juli ihre Stärke.",  # showed, not protested
    "Am Mittwoch bekam die Universität Besuch von Ermittlungsbehörden.",  # a raid, not a visit
    "Nach seiner Karriere wandte er sich von einigen Positionen ab.",  # a determiner
    "Der Initiative wurden am Montag gute Erfolgsaussichten eingeräumt.",  # granted
    "Die Bande hatte am Montag mit den Attentätern in Verbindung gestanden.",  # "stehen"
    "Wer am Montag Müll auf die Straße wirft, wird zur Kasse gebeten.",  # pays a fine
])
def test_other_senses_of_trigger_words_are_not_events(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_events_do_not_depend_on_whether_the_quote_stage_ran(seeds):
    """The same article gives the same events on the first run and when the corpus step
    reads it again (a fresh entity index, no quote stage before it)."""
    import copy

    for processed in seeds.values():
        article = copy.deepcopy(processed.article)
        published = processed.clues.assessed
        again = redated_events(article, published)
        strip = lambda rows: [{k: v for k, v in r.items() if k != "event_key"} for r in rows]  # noqa: E731
        assert strip(again) == strip(processed.events)


@pytest.mark.parametrize(("sentence", "actors", "targets"), [
    ("Der Vizevorsitzende der Linksfraktion, Jan Korte, forderte am Montag mehr Personal.",
     ("Jan Korte",), ()),  # the apposition names who acts
    ("Die AfD hat am Montag Klage gegen die bayerische Landesregierung eingereicht.",
     ("AfD",), ("Landesregierung",)),
    ("Bei den Angriffen wurden am Montag mindestens 691 Menschen verletzt.",
     (), ("Menschen",)),  # a passive around a noun: the people are what it was done to
    ("Ein Polizist schoss den Angreifer am Montag nieder.", ("Polizist",), ("Angreifer",)),
    ("US-Präsident Barack Obama hat das Abkommen am Montag begrüßt.", ("Barack Obama",), ()),
    # who says so takes no part
    ("Laut Polizei wurden am Montag 50 Demonstranten festgenommen.", (), ("Demonstranten",)),
    # a clause joined by "und" that opens with its verb has the subject of the one before
    ("Die Demonstranten skandierten am Montag Slogans und verlangten höhere Entschädigungen.",
     ("Demonstranten",), ()),
    # a name in a prepositional phrase is no subject, surname included
    ("Im Rechtsstreit mit seinem Ghostwriter Heribert Schwan hat Altkanzler Helmut Kohl den "
     "Autor am Montag auf Schadenersatz geklagt.", ("Helmut Kohl",), ("Heribert Schwan", "Autor")),
    ("Neben Anton Schlecker erhob die Staatsanwaltschaft am Montag Anklage gegen seine Kinder.",
     ("Staatsanwaltschaft",), ("Anton Schlecker",)),
    # "und" before a name and its own finite verb starts a clause with that subject
    ("Der Konflikt hat die Spannungen verschärft und Polen fordert am Montag einen stärkeren "
     "Schutz durch die NATO.", ("Polen",), ("Nato",)),
    # a passive's bare name or counted noun opening the sentence is what it was done to
    ("Für Raif Badawi gibt es keine Berufung. Badawi war im Juni 2012 festgenommen worden.",
     (), ("Badawi",)),
    ("Die Kuriere sind Männer. Zwei Kuriere wurden am Montag festgenommen.", (), ("Kuriere",)),
    ("Die Frauen waren dort. Elf Frauen hätten am Montag Anzeige erstattet.", ("Frauen",), ()),
    # a state's compound after an article is the actor, no adjective of a name
    ("Im Jahr 2007 verhängte die US-Regierung Sanktionen gegen ihn.", ("USA",), ()),
    # "das Land Berlin", "die Stadt Wien": the place's government, not its country; "in der
    # Stadt Aleppo" is where
    ("Die Stadt Wien hat am Montag die Demonstration verboten.", ("Wien",), ()),
    ("Am Montag griffen Rebellen in der syrischen Stadt Aleppo ein Spital an.",
     ("Rebellen",), ()),
    # the plural of "-ei" nouns ("Parteien", not "Partein")
    ("Die Oppositionsparteien im Landtag fordern am Montag volle Aufklärung.",
     ("Oppositionsparteien",), ()),
    # parties and movements by their kind
    ("Die Sozialdemokraten und die Fünf-Sterne-Bewegung haben sich am Montag auf eine "
     "Koalition geeinigt.", ("Sozialdemokraten", "Fünf-Sterne-Bewegung"), ("Koalition",)),
    # a body before a person's name names no one: the name is another mention
    ("Der Bürgermeister Kurt Ertel ist verdächtig. Außerdem warf die Staatsanwaltschaft Ertel "
     "am Montag vor, Vorschriften verletzt zu haben.", ("Staatsanwaltschaft",), ("Kurt Ertel",)),
    # a group voices criticism or demands "aus" its midst
    ("Am Montag kam scharfe Kritik aus der SPD.", ("SPD",), ()),
    # whose report it is takes no part in it
    ("Die Polizei hat nach Angaben der Regierung am Montag 20 Demonstranten festgenommen.",
     ("Polizei",), ("Demonstranten",)),
    ("Dem Militär zufolge wurden am Montag zwei Soldaten getötet.", (), ("Soldaten",)),
    ("Angaben der Regierung zufolge wurden am Montag 20 Demonstranten festgenommen.",
     (), ("Demonstranten",)),
    ("Amazon solle zahlen, forderte Gewerkschaftssekretär Marko Bärschneider am Montag einer "
     "Mitteilung zufolge.", ("Marko Bärschneider",), ()),
    # armed groups and forces are actors by their nouns
    ("In den 80er Jahren ermordeten rechte Paramilitärs 3.000 Menschen.",
     ("Paramilitärs",), ("Menschen",)),
    ("Am Montag wurden 15 Jihadisten festgenommen.", (), ("Jihadisten",)),
])
def test_who_acts_and_to_whom(sentence, actors, targets):
    event = extract_events(sentence, REFERENCE)[0]
    assert (event.actors, event.targets) == (actors, targets)


def test_a_subject_after_the_verb_is_not_taken_from_the_clause_before():
    events = extract_events("Deutschland hinke bei der Beteiligung hinterher, räumte der "
                            "Minister am Montag ein.", REFERENCE)
    assert events and all("Deutschland" not in e.actors for e in events)


def test_a_game_is_no_political_event():
    assert extract_events("Mattersburg empfängt am Samstag St. Pölten zum Spiel.",
                          REFERENCE) == []


def test_coordinated_clause_needs_a_verb_form():
    event = _one("Bereits im März 2015 waren die Ex-Frau und langjährige Sekretärin "
                 "freigesprochen worden.")
    assert (event.plover_type, event.mode, event.date_precision) == ("ACCUSE", "legal", "month")


def test_a_noun_alone_names_no_happening():
    # no support verb, no time word, no trigger verb: a noun of the lexicon is just a word
    assert extract_events("Die Kundgebung ist ein Zeichen der Solidarität.", REFERENCE) == []
    (event,) = extract_events("Es kam zu einer Kundgebung vor dem Rathaus.", REFERENCE)
    assert (event.plover_type, event.mode) == ("PROTEST", "demo")


def test_a_particle_before_und_and_a_decimal_comma_in_the_clause():
    events = extract_events("Der Minister gab am Montag den Fehler zu und bat um "
                            "Entschuldigung.", REFERENCE)
    assert "CONCEDE" in [e.plover_type for e in events]
    # "4,0" cuts no clause: "Prozent" is in the clause of "gaben ... nach" (prices)
    assert extract_events("Die Preise gaben am Montag um 4,0 Prozent nach.", REFERENCE) == []


def test_a_split_particle_after_a_clause_between():
    events = extract_events("Er trat dem Vorwurf, das Gericht sei nicht legitim, am Montag "
                            "mit den Worten entgegen.", REFERENCE)
    assert "REJECT" in [e.plover_type for e in events]


@pytest.mark.parametrize("sentence", [  # 21 such CONCEDE rows in 1,028 10kGNAD articles
    "Ein bemerkenswertes Ereignis gibt es am Montag allerdings zu berichten.",
    "Foglar gab am Montag zu bedenken, der Fachkräftemangel sei ein Mythos.",
    "Bei Tchibo gibt es seit Montag ganze Inseln zu kaufen.",
    # a gerundive and a too: "zu" before any lower-case word but "und" (10kGNAD)
    "Es gibt seit Montag eine kaum zu kontrollierende Küstenlinie.",
    "In Österreich gebe es seit Montag zu wenig Anreize, befindet Udo Probe.",
])
def test_zu_before_an_infinitive_is_no_split_particle(sentence):
    assert "CONCEDE" not in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence", [  # 10kGNAD: states, not acts
    "Auch Werbung während des Unterrichts ist seit Montag verboten.",
    "Bei der Bekämpfung der Flammen waren am Montag 150 Helfer im Einsatz gestanden.",
    "Am Montag sind ganz klar andere Staaten gefordert.",
    "Der Rechtsweg ist seit Montag ausgeschlossen.",
    # ... and with "bleiben" (10kGNAD, Wikinews)
    "Das Mittel werde absehbar verboten bleiben, erklärte Niggli am Montag.",
    "Alle kleineren Häfen bleiben seit Montag weiterhin gesperrt.",
    "Das Schicksal von Arsenij Jazenjuk schien schon am Montag besiegelt.",
    # the participle closes its stretch, though the clause goes on after a comma (10kGNAD)
    "Doch nach der Abstimmung am Montag scheint nun ausgeschlossen, dass ein weiterer Anlauf "
    "zur Blockade, etwa aus dem Abgeordnetenhaus, noch Erfolg haben könnte.",
])
def test_a_participle_with_sein_alone_is_a_state_not_an_act(sentence):
    assert extract_events(sentence, REFERENCE) == []


@pytest.mark.parametrize("sentence", [  # 11 AGREE rows of 10kGNAD and Wikinews
    "Aus diesen lassen sich am Montag einige Details schließen.",
    "Ebenso beschwerten sich am Montag einige CDU-Abgeordnete bei der Landeszentrale.",
    "Er setzte sich am Montag von dem von CDU und einigen SPD-Mitgliedern gestützten Kandidaten "
    "ab.",
])
def test_a_determiner_spelt_like_einigen_is_no_agreement(sentence):
    assert "AGREE" not in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence, plover_type", [
    ("Die Minister einigen sich am Montag auf einen Kompromiss.", "AGREE"),
    ("Die Parteien haben sich am Montag geeinigt, als sie sich endlich einigten.", "AGREE"),
    ("Das Forum ist am Montag gesperrt worden.", "COERCE"),  # passive: the act
    ("Der Täter hat am Montag gestanden.", "CONCEDE"),
    ("Der Minister ist am Montag zurückgetreten.", "CONCEDE"),  # a "sein" verb
    # the verb of a phrase takes "sein" (10kGNAD)
    ("Am Montagabend waren bis zu 12.000 Menschen gegen Gunnlaugsson auf die Straße gegangen.",
     "PROTEST"),
    ("Die Lage ist ernst, kritisiert am Montag der Minister.", "ACCUSE"),  # present tense
])
def test_the_act_itself_stays_an_event(sentence, plover_type):
    assert plover_type in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence, mode", [
    ("Schettino war am Montag zu 16 Jahren und einem Monat verurteilt worden.", "legal"),
    ("Die Richterin verurteilte ihn am Montag zu einem Jahr Haft.", "legal"),
    ("Ban Ki Moon hat den Anschlag am Montag scharf verurteilt.", "criticize"),
])
def test_a_sentence_is_a_legal_judgement_a_condemnation_is_criticism(sentence, mode):
    accuse = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == "ACCUSE"]
    assert [e.mode for e in accuse] == [mode]


@pytest.mark.parametrize("sentence", [
    "Die Grünen führen am Montag ein weiteres Argument ins Treffen.",  # to put forward
    "Red Bull Salzburg hat am Sonntag das Double erfolgreich verteidigt.",
    "Am Mittwochabend verteidigt der Serienmeister gegen Chelsea ein 2:1 aus dem Hinspiel.",
    # a score says it is a game
    "Edomwonyi nützte am Montag die Gelegenheit und schoss zum 1:1 ein (70.).",
    "Der FC Bayern München empfing am Samstag den 1. FC Nürnberg und besiegte ihn mit 3:0.",
    # compounds of a sport word (10kGNAD)
    "Der Schweizer hat am Montag seinen Start beim Grand-Slam-Turnier abgesagt.",
    "Am Montag trat er wegen Knieproblemen vom Profisport zurück.",
    # an opponent met ("trifft auf"), a court's hearing (10kGNAD)
    "Dort trifft Kevin Anderson am Mittwoch auf den Kroaten Marin Cilic.",
    "Die Verhandlung gegen Karl Probe vor dem Landesgericht Wien fand am Montag statt.",
])
def test_idioms_and_sport_are_no_events(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_a_transport_is_no_sport():
    events = extract_events("Der Sprecher dementierte am Montag, dass Sonderzüge für den "
                            "Transport bereitstünden.", REFERENCE)
    assert "REJECT" in [e.plover_type for e in events]


def test_a_time_of_day_is_no_score():
    assert len(extract_events("Die Polizei nahm am Montag um 10:30 Uhr drei Männer fest.",
                              REFERENCE)) == 1


@pytest.mark.parametrize("sentence, plover_type, actor", [
    ("Kanzlerin Angela Merkel wies am Montag die Forderung des bayerischen Finanzministers "
     "Markus Söder zurück.", "REQUEST", "Markus Söder"),
    ("Am Montag begann der Besuch von Papst Franziskus in Kuba.", "CONSULT", "Franziskus"),
    ("Russland fliegt seit Montag zur Unterstützung der syrischen Armee Luftangriffe.",
     "SUPPORT", "Russland"),  # whom it supports: the genitive does not act
])
def test_the_owner_of_a_trigger_noun_acts_where_its_type_says_so(sentence, plover_type, actor):
    event = next(e for e in extract_events(sentence, REFERENCE) if e.plover_type == plover_type)
    assert event.actors[:1] == (actor,)


@pytest.mark.parametrize("sentence, actor", [
    ("Zudem sprach sich Vizekanzler und Parteichef Reinhold Mitterlehner am Montag für eine "
     "Regelung aus.", "Reinhold Mitterlehner"),
    ("PYD-Chef Salih Müslim wies am Montag zurück, dass seine Partei dahinterstecke.",
     "Salih Müslim"),
])
def test_the_name_after_roles_acts_not_the_roles(sentence, actor):
    (event,) = extract_events(sentence, REFERENCE)
    assert event.actors == (actor,)


@pytest.mark.parametrize("sentence, types", [
    ("Die international anerkannte Regierung hat am Montag die Verbündeten aufgefordert, "
     "Luftangriffe gegen den IS zu fliegen.", ["REQUEST"]),  # asked for, not flown
    ("Das neu verhandelte Abkommen wurde am Montag kritisiert.", ["ACCUSE"]),
    ("Am Montag entführten Rebellen zwei Touristen.", ["ASSAULT"]),
    ("Als Grund nannte er am Sonntag Angriffe durch die vom Iran unterstützten Rebellen.",
     ["ASSAULT"]),  # a participle after a phrase the preposition opens: an adjective
    ("Die von der Polizei festgenommenen Männer wurden am Montag verhört.", []),
    ("Am Montag demonstrierten in Berlin Tausende gegen die Reform.", ["PROTEST"]),
])
def test_attributive_participles_and_demanded_acts_are_no_events(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, actors, targets, dead", [
    ("27 Soldaten und eine Zivilistin sterben am Montag bei dem Terroranschlag.", (),
     ("Soldaten",), 27),
    ("Bei Angriffen der Rebellen starben am Montag 30 Menschen.", ("Rebellen",), ("Menschen",),
     30),
    ("Soldaten töteten am Montag 30 Zivilisten.", ("Soldaten",), ("Zivilisten",), 30),
])
def test_who_dies_in_an_attack_suffers_it(sentence, actors, targets, dead):
    (event,) = extract_events(sentence, REFERENCE)
    assert (event.actors, event.targets, event.casualties) == (actors, targets, dead)


@pytest.mark.parametrize("sentence, types", [
    ("Die Familien fürchten am Montag, ihre Angehörigen könnten von der Terrormiliz entführt "
     "worden sein.", []),  # a guess
    ("Er soll am Montag zwei Polizisten erschossen haben.", ["ASSAULT"]),  # hearsay
    ("Sie sollen am Montag zehn Menschen ermordet und ein Haus angezündet haben.", ["ASSAULT"]),
    # reported speech in the pluperfect subjunctive tells of a past act ...
    ("Die französischen Behörden hätten am Freitag um seine Festnahme ersucht.", ["REQUEST"]),
    ("Die Rebellen hätten die Stadt am Montag angegriffen, sagte ein Sprecher.", ["ASSAULT"]),
    # (a noun with its support verb so: 10kGNAD)
    ("Mehrere Rebellengruppen hätten den Angriff am späten Freitagabend gestartet.", ["ASSAULT"]),
    ("Ohne die Warnung hätten die Rebellen den Angriff am Montag gestartet.", []),
    # ... unless a word makes it counterfactual or a modal infinitive a possibility
    ("Ohne die Warnung hätten die Rebellen die Stadt am Montag angegriffen.", []),
    ("Die Rebellen hätten die Stadt am Montag angreifen können.", []),
    ("Wenn die Rebellen die Stadt am Montag angegriffen hätten, wäre sie gefallen.", []),
])
def test_only_a_modal_of_hearsay_reports_a_past_act(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_split_zu_still_closes_its_verb():
    events = extract_events("Der Minister gab am Montag zu, dass er gelogen hatte.", REFERENCE)
    assert [e.plover_type for e in events] == ["CONCEDE"]


def test_a_quotation_between_article_and_verb_does_not_make_the_verb_a_noun():
    events = extract_events("Auf den Vorwurf, es handele sich um einen „sozialistischen "
                            "Antrag“, entgegnete die Stadträtin am Montag, das sei falsch.",
                            REFERENCE)
    assert "REJECT" in [e.plover_type for e in events]


def test_the_quote_stage_learns_in_its_own_copy_of_the_index():
    from flows.stages.entities import EntityIndex

    index = EntityIndex.build("Kanzlerin Angela Merkel traf Präsident François Hollande. "
                              "Merkel sprach lange.")
    learning = index.copy()
    learning.add("Peter Müller", ["Minister"], 99)
    learning.people["Angela Merkel"].roles.add("vorsitzende")
    assert "Peter Müller" not in index.people
    assert "vorsitzende" not in index.people["Angela Merkel"].roles
    assert learning.by_last_word["Merkel"] is learning.people["Angela Merkel"]


@pytest.mark.parametrize("sentence", [
    "Die Demonstranten warfen am Montag Feuerwerkskörper vor dem Gebäude.",  # vor: preposition
    "Am Wochenende gab es zu Hause ein 0:0.",  # zu Hause, not "gab ... zu"
    "Dann schieße ich dir am Montag auf den Po.",  # someone speaking, not a report
    "Der Wirbelsturm tötet am Montag mehr als 2.000 Menschen.",  # nobody acts: a storm
    "Politiker forderten am Montag das Königreich zur Freilassung Badawis auf.",
])
def test_no_happening_of_the_wrong_kind(sentence):
    events = extract_events(sentence, REFERENCE)
    assert [e.plover_type for e in events if e.plover_type != "REQUEST"] == [], sentence


def test_speaking_out_against_is_no_support():
    events = extract_events("Die Proponenten sprachen sich am Montag gegen Quoten für die "
                            "Bezirke aus.", REFERENCE)
    assert [e.plover_type for e in events] == ["REJECT"]


def _dated(text: str) -> list[tuple]:
    return [(e.plover_type, e.event_date, e.date_precision)
            for e in extract_events(text, REFERENCE)]


def test_a_paragraphs_time_goes_on_until_another_is_named():
    text = ("Am 8. Juli 1982 verübten Rebellen ein Attentat auf den Präsidenten. Danach wurden "
            "viele Bewohner festgenommen.\n\nDie Polizei nahm gestern zwei Männer fest.")
    dates = _dated(text)
    assert ("COERCE", date(1982, 7, 8), "day") in dates  # the same paragraph: its time
    assert ("COERCE", date(2024, 4, 21), "day") in dates


@pytest.mark.parametrize("sentence, types", [
    ("US-Außenminister John Kerry traf am Sonntag Präsident Mahmoud Abbas.", ["CONSULT"]),
    ("Die Regierung traf am Montag eine Entscheidung.", []),  # met no one
    # a named person meets people acting for a body; a worker hit is no meeting
    ("Außenminister John Kerry traf am Montag die Vertreter der FARC.", ["CONSULT"]),
    ("Am Montag wurde ein Arbeiter von einer Betonplatte getroffen.", []),
    ("Der Portugiese trifft am Sonntag mit dem FC Porto auf seinen früheren Club.", []),
    ("Eine Granate traf am Montag ein Haus in der Altstadt.", []),
    ("Im Kampf um den Finaleinzug trifft Serena Williams am Donnerstag auf Maria Scharapowa.",
     []),
    ("Regierungstruppen nahmen am Montag die Stellungen der Rebellen unter Beschuss.",
     ["ASSAULT"]),
    ("Kämpfer haben am Montag 250 Arbeiter als Geiseln genommen.", ["ASSAULT"]),
    # "klagen" before a court or for damages; not a complaint
    ("Der Verein hat am Montag gegen die Werbung geklagt.", ["ACCUSE"]),
    ("Der Patient klagte am Montag über Schmerzen.", []),
    # taken by armed forces, not a fire brought under control
    ("Die Jihadisten haben die Hafenstadt im Mai unter ihre Kontrolle gebracht.", ["ASSAULT"]),
    ("Die Feuerwehr hat den Brand am Montag unter Kontrolle gebracht.", []),
    ("Am Montag besuchten 53 Prozent der Schüler die AHS-Unterstufe.", []),
    # an accident that only dates the act rules nothing out; one that causes it does
    ("Der Mann wurde in der Woche vor dem Absturz am Montag festgenommen.", ["COERCE"]),
    ("Beim Absturz wurden am Montag fünf Menschen getötet.", []),
    # "Rede und Antwort gestanden" answered questions, admitted nothing
    ("Er habe am Montag der Zeitung Rede und Antwort gestanden.", []),
    ("Der Täter hat die Tat am Montag gestanden.", ["CONCEDE"]),
    # chanting crowds, stones thrown, a walkout
    ("Die Menschenmenge skandierte am Montag vor einem Einkaufszentrum Parolen.", ["PROTEST"]),
    ("Demonstranten bewarfen am Montag die Beamten mit Steinen.", ["PROTEST"]),
    ("Der Ausstand der Piloten dauert am Montag an.", ["PROTEST"]),
    # resignations handed in or declared; loans and cash injections given, not taken
    ("Der Minister erklärte am Montag seinen Rücktritt.", ["CONCEDE"]),
    ("Fazio überreichte am Montag sein Rücktrittsgesuch.", ["CONCEDE"]),
    ("Die Gruppe hat dem Autobauer am Montag eine Finanzspritze gegeben.", ["AID"]),
    ("Die Regierung gewährte dem Land am Montag einen Kredit.", ["AID"]),
    ("Die Firma nahm am Montag einen Kredit auf.", []),
    # a rising put down by force; "sich niederschlagen" shows in something
    ("Die Armee schlug den Aufstand am Montag mit aller Härte nieder.", ["ASSAULT", "PROTEST"]),
    ("Das schlägt sich am Montag in den Zahlen nieder.", []),
    # "sich verabschieden" is giving up or leaving, no bill passed
    ("Der Nationalrat verabschiedete am Montag das Gesetz.", ["AGREE"]),
    ("Am Montag hat sich die Partei von der Regelung verabschiedet.", []),
    # "Zeit " stands for the word alone: "im selben Zeitraum" rules out no killing
    ("Im selben Zeitraum wurden am Montag 70 Menschen getötet.", ["ASSAULT"]),
    # weapons used only in attacks make "einsetzen" one; forces deployed do not
    ("Die Armee hat am Montag Chemiewaffen eingesetzt.", ["ASSAULT"]),
    ("Die Stadt hat am Montag 40 Polizisten eingesetzt.", []),
    ("Dem Mann drohen bei einer Verurteilung bis zu 30 Jahre Haft.", []),  # no threat
    ("Russland drohte der Ukraine am Montag mit Konsequenzen.", ["THREATEN"]),
    # "droht zu": is in danger of, no threat; "damit gedroht, ... zu streiken" is one
    ("Die Waffenruhe droht am Montag zu scheitern.", []),
    ("Die Gewerkschaft hatte am Montag damit gedroht, wöchentlich zu streiken.", ["THREATEN"]),
    # "bestreiten" a game is playing it; a charge, denying it
    ("Klitschko bestritt am Montag seinen 67. Profikampf.", []),
    ("Der Minister bestritt am Montag den Diebstahl.", ["REJECT"]),
])
def test_senses_that_need_their_object(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, types", [
    ("Bei Gefechten zwischen Armee und Rebellen starben am Montag 30 Zivilisten.",
     ["ASSAULT"]),
    ("Die Rebellen hatten im Januar die Hauptstadt erobert.", ["ASSAULT"]),
    ("Kapitän Hofmann erobert in der 12. Minute den Ball.", []),
    ("Gegen den Politiker sind am Montag Ermittlungen eingeleitet worden.", ["ACCUSE"]),
    ("Die Behörden wiesen am Montag 30 Migranten aus.", ["COERCE"]),
    ("Zehntausende gingen am Montag gegen die Reform auf die Straße.", ["PROTEST"]),
    ("Am Montag ging er über die Straße.", []),
    ("Die Armee machte am Montag die PKK für das Attentat verantwortlich.", ["ACCUSE", "ASSAULT"]),
    ("Die Regierung hat am Montag ihre Teilnahme an den Gesprächen ausgesetzt.", ["SANCTION"]),
    ("Die Regierung hatte im Oktober 600.000 Euro für Hilfsorganisationen zugesagt.", ["AID"]),
    ("Am Montag erlitt seine Mutter eine Panikattacke.", []),
    ("Damals habe am Montag niemand protestiert.", []),  # "niemand" negates
    ("Im Mai hatten Experten einen Angriff auf das Computernetzwerk entdeckt.", []),
    ("Die Aktien gaben am Montag 40 Prozent nach.", []),
    ("Das Ministerium weist das Defizit in zwei Varianten aus.", []),  # a figure shown
])
def test_more_of_the_guides_triggers(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, types", [
    ("Er habe sich am Montag bereit erklärt, einen Anschlag in den USA zu verüben.", []),
    ("Die Opposition versuchte am Montag, eine Kundgebung abzuhalten.", []),
    ("Es gelang der Polizei am Montag, den Täter festzunehmen.", ["COERCE"]),
    ("Die Polizei versuchte am Montag, den Täter festzunehmen.", []),
    ("Letztlich gelang es am Montag, einen Kompromiss zu erreichen.", ["AGREE"]),
])
def test_an_act_in_a_zu_infinitive_is_to_come_unless_it_was_achieved(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, actors", [
    ("Syrische Regierungstruppen nahmen am Montag Rebellen unter Beschuss.",
     ("Regierungstruppen",)),
    ("Der Österreichische Naturschutzbund hat die Universität am Montag kritisiert.",
     ("Naturschutzbund",)),  # "-bund": an actor noun
    ("Syriens Führung wies den Vorwurf am Montag zurück.", ("Syrien",)),  # a genitive
    # the noun before the verb acts, "sie" after it is the object (10kGNAD)
    ("Die Sozialisten hielten sich zwar an eine republikanische Front, die Republikaner "
     "lehnten sie aber ab.", ("Republikaner",)),
])
def test_a_countrys_adjective_before_an_actor_is_not_the_actor(sentence, actors):
    assert extract_events(sentence, REFERENCE)[0].actors == actors


def test_an_act_done_for_a_time_to_come_is_dated_to_its_report():
    assert _dated("Die Minister haben sich auf Fangquoten für das kommende Jahr geeinigt. "
                  "Die Minister werden sich im kommenden Jahr treffen.") == \
        [("AGREE", REFERENCE, "approx")]


@pytest.mark.parametrize("sentence, actors, targets", [
    ("NGO: 198 Zivilisten binnen fünf Monaten getötet.", (), ("Zivilisten",)),
    ("Beamter schwer verletzt – Angreifer festgenommen.", (), ("Angreifer",)),
    ("Gastgeberin Angela Merkel verteidigt am Montag den Aufwand.", ("Angela Merkel",), ()),
    ("Demnach wurden 14 Aufständische, sieben Zivilisten und ein UN-Soldat getötet.", (),
     ("Zivilisten", "UN-Soldat")),  # the passive before the enumeration
    ("Westliche Regierungen werfen Russland am Montag vor, Waffen zu liefern.",
     ("Regierungen",), ("Russland",)),  # a plural of an actor noun
    ("Mit dem Sozialplan sollten alle abgesichert werden, verlangt der Gewerkschaftschef.",
     ("Gewerkschaftschef",), ()),  # "verlangt": the present tense, not a participle
    ("Im Fokus steht die Al-Nour-Partei, die am Montag die Machtübernahme unterstützt hatte.",
     ("Al-Nour-Partei",), ()),  # a relative clause: its antecedent acts
    ("Die Reform, die die Regierung am Montag beschlossen hat, gilt ab Mai.", ("Regierung",),
     ()),
    ("Bei einem US-Luftangriff auf ein Lager des IS sind am Montag zwei Serben ums Leben "
     "gekommen.", ("USA",), ("IS",)),  # the compound's prefix does it
    # the "von"-phrase of a passive, though no list knows the noun (10kGNAD)
    ("Die Helfer sind am Montag von jugendlichen Angreifern attackiert worden.",
     ("Angreifer",), ()),
    ("Das Lager war am Montag von der Islamistengruppe Ansar Dine angegriffen worden.",
     ("Islamistengruppe Ansar Dine",), ()),
    # ... not what a noun is of, nor the agent of an attribute
    ("Die Seite wurde am Montag wegen der Verbreitung von Hasspostings gesperrt.", (), ()),
    ("Ein von Badawi gegründetes Forum wurde am Montag gesperrt.", (), ()),
    # the owner of criticism or a threat, though no list knows the noun; not a crime
    ("Am Montag kam auch scharfe Kritik der Grünen.", ("Grünen",), ()),
    ("Am Montag war es zu scharfen Drohungen von Rechtsextremen gekommen.",
     ("Rechtsextremen",), ()),
    ("Am Montag war es zu Vorwürfen der Untreue gekommen.", (), ()),
    # a word without an article after the verb: a name no list knows (10kGNAD)
    ("Am Montag kritisierte Ali die Regierung.", ("Ali",), ("Regierung",)),
    ("Zuletzt hatte Sauber am Montag um einen Vorschuss gebeten.", ("Sauber",), ()),
    ("Die Bürger dürfen nicht verdächtigt werden, mahnte Thiele am Montag.", ("Thiele",), ()),
    # ... not a headline's object, nor an object of a clause that goes on with its verb
    ("Parteivorstand beschloss am Montag Verbleib des Parteichefs.", ("Parteivorstand",),
     ("Parteichef",)),
    ("Die Autoren behelfen sich mit Comics, frieren am Montag Bilder ein.", (), ()),
    # two capitalised words no list knows before the verb (10kGNAD)
    ("Ars Technica lobt am Montag die Bildschirm-Ratio.", ("Ars Technica",), ()),
    ("Jede Beteiligung hatten die Ermittler am Montag bestritten.", ("Ermittler",), ()),
    # the owner of an attack in a passive clause did it; not of a killing (its victim)
    ("Bei den Luftangriffen der Russen wurden am Montag zehn Menschen getötet.",
     ("Russen",), ("Menschen",)),
    ("Am Montag wurden bei Angriffen von Palästinensern 24 Israelis getötet.",
     ("Palästinenser",), ()),
    ("Bei der Ermordung des Journalisten wurden am Montag zwei Menschen verletzt.", (),
     ("Journalisten", "Menschen")),
    # a bare plural after the verb and its adjectives; a preposition and "den" opening the
    # sentence open no relative clause (10kGNAD)
    ("In den 80er Jahren ermordeten rechte Paramilitärs 3.000 Menschen.", ("Paramilitärs",),
     ("Menschen",)),
    # a decision taken in a body that decides is the body's, after a city's adjective too
    ("Das Gesetz wurde am Montag im Ministerrat beschlossen.", ("Ministerrat",), ()),
    ("Die Novelle wurde am Montag im Budapester Parlament beschlossen.", ("Parlament",), ()),
    # a long phrase before the verb that a preposition opens, the subject after the verb
    ("Nach dem Ende August ergangenen Urteil haben die Versicherer am Montag eingelenkt.",
     ("Versicherer",), ()),
    # a pronoun subject whose referent is unknown leaves the actor empty, not its object
    ("Karl Probe sprach. Abschließend forderte sie Probe am Montag auf, fair zu bleiben.",
     (), ("Karl Probe",)),
    # a name set off in a passive clause is its target, not who did it
    ("Dem Chef des Instituts, Marcel Fratzscher, wurde am Montag von einem Kollegen "
     "Einseitigkeit vorgeworfen.", ("Kollegen",), ("Marcel Fratzscher",)),
    # a capital with a diacritic opens a name, a first name is known without its diacritic
    ("Das sagte OECD-Generalsekretär Ángel Gurría. Gurría forderte Panama am Montag auf, "
     "die Standards zu beachten.", ("Ángel Gurría",), ("Panama",)),
    ("Dort hatte Jiří Probemann gewartet. Probemann kritisierte am Montag die Regierung.",
     ("Jiří Probemann",), ("Regierung",)),
])
def test_who_acts_in_passives_headlines_and_plurals(sentence, actors, targets):
    event = extract_events(sentence, REFERENCE)[-1]
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, types", [
    ("Nkurunziza lehnt die Entsendung von Truppen am Montag vehement ab.", ["REJECT"]),
    ("Sanchez lehnte am Montag die Forderung nach Ministerposten ab.", ["REJECT", "REQUEST"]),
    ("Der Regierungschef drohte den Kämpfern am Montag mit Luftschlägen.", ["THREATEN"]),
    ("Die Richtervereinigung kritisierte am Montag die Pläne.", ["ACCUSE"]),  # no "Einigung"
    ("Zu den Herausforderungen zählte am Montag das Budget.", []),  # no "Forderung"
])
def test_what_is_rejected_did_not_happen_unless_it_was_said(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("text, actors", [
    ("Innenminister Thomas de Maizière sprach am Montag. Der Minister kritisierte am Dienstag "
     "die Opposition.", ("Thomas de Maizière",)),  # the minister the article named
    ("Innenminister Thomas de Maizière sprach am Montag. Die Minister kritisierten am Dienstag "
     "die Opposition.", ("Minister",)),  # several: none of them named
    ("Kanzlerin Angela Merkel sprach am Montag. Der CSU-Chef kritisierte am Dienstag die "
     "Opposition.", ("CSU-Chef",)),  # another party's chief
])
def test_a_role_acts_as_the_person_the_article_named_in_it(text, actors):
    event = extract_events(text, REFERENCE)[-1]
    assert event.actors == actors


def test_a_look_back_dates_its_own_clause_not_the_paragraph():
    text = ("Vor einer Woche hatte ein Mann in Tel Aviv auf Gäste einer Bar geschossen. Die "
            "Polizei nahm einen Verdächtigen fest.")
    dates = _dated(text)
    assert dates == [("ASSAULT", date(2024, 4, 15), "week"), ("COERCE", REFERENCE, "approx")]


@pytest.mark.parametrize("text, plover_type, actors", [
    # the trigger noun is the object of another act, or after "nach": its subject did not do
    # it (10kGNAD: Maas, Ban Ki Moon and Mikl-Leitner were attackers)
    ("Bundesjustizminister Heiko Maas hat den Handgranaten-Anschlag am Montag verurteilt.",
     "ASSAULT", ()),
    ("Nach den Anschlägen in Paris im Jänner dachte Innenministerin Johanna Mikl-Leitner über "
     "eine Wiedereinführung nach.", "ASSAULT", ()),
    ("Der Minister wies die Kritik der Opposition am Montag zurück.", "ACCUSE", ("Opposition",)),
    # with a support verb, or an event the subject took part in, it did
    ("Die Rebellen verübten am Montag einen Anschlag auf die Botschaft.", "ASSAULT",
     ("Rebellen",)),
    ("Aufständische verwendeten am Montag Chemikalien bei Gefechten.", "ASSAULT",
     ("Aufständische",)),
    ("Verteidigungsminister Guttenberg stattete am Montag den Truppen einen Besuch ab.",
     "CONSULT", ("Guttenberg",)),
])
def test_a_trigger_noun_in_another_act_is_not_done_by_its_subject(text, plover_type, actors):
    event = next(e for e in extract_events(text, REFERENCE) if e.plover_type == plover_type)
    assert event.actors == actors


@pytest.mark.parametrize("text, actors", [  # 10kGNAD: these had no actor
    ("Steirischer Caritas-Direktor kritisiert am Montag den Raubbau westlicher Konzerne.",
     ("Caritas-Direktor",)),
    ("Der syrische Botschafter in Moskau gab am Montag der US-geführten Allianz die Schuld.",
     ("Botschafter",)),
])
def test_a_role_without_a_name_acts_as_the_role(text, actors):
    assert extract_events(text, REFERENCE)[0].actors == actors


@pytest.mark.parametrize("text, actors", [
    # a demonstrative opening the clause is its subject, not a determiner before a verb
    ("Präsident Pierre Nkurunziza ist in Bujumbura. Dieser lehnt die Entsendung von Truppen "
     "vehement ab.", ("Pierre Nkurunziza",)),
    ("Die Manager sind angeklagt. Alle weisen die Vorwürfe am Montag zurück.", ()),
])
def test_a_demonstrative_or_alle_opening_a_clause_acts(text, actors):
    assert [e.actors for e in extract_events(text, REFERENCE) if e.plover_type == "REJECT"] \
        == [actors]


@pytest.mark.parametrize("opening, actors", [
    # a word the article writes capitalised inside a sentence too is a name or a noun
    ("Greenpeace fordert die Vernichtung der Bestände.", ("Greenpeace",)),
    # a capitalised adverb, a pronoun: no one
    ("Zudem fordert man die Vernichtung der Bestände.", ()),
    ("Sie fordern die Vernichtung der Bestände.", ()),
])
def test_a_bare_name_opening_its_sentence_acts(opening, actors):
    text = "Befürchtet wird laut Greenpeace-Experte Christoph Then ein Schaden. " + opening
    assert [e.actors for e in extract_events(text, REFERENCE)] == [actors]


def test_a_kind_of_organisation_acts_as_the_one_the_article_named():
    text = ("Die Umweltschutzorganisation WWF gab eine Erklärung ab. Die "
            "Umweltschutzorganisation fordert von der Staatsregierung einen Plan.")
    assert [e.actors for e in extract_events(text, REFERENCE)] == [("WWF",)]


def test_a_kind_of_body_alone_acts_as_the_body_the_article_named_by_a_compound():
    text = ("Das Innenministerium stellte Zelte auf. Gerüchte, wonach die Zelte entsorgt "
            "wurden, dementierte das Ministerium am Montag.")  # (10kGNAD)
    assert [e.actors for e in extract_events(text, REFERENCE)] == [("Innenministerium",)]


@pytest.mark.parametrize("text", [  # 10kGNAD and the dev gold: other senses of the words
    "Im abgelaufenen Schuljahr besuchten 9.500 Schüler 450 Workshops.",
    "Die Entscheidung fiel auf einem Meeting, bei dem über das Problem beraten wurde.",
    "Zuletzt hatten sie einen Freizeitpark besucht.",
])
def test_a_meeting_or_visit_with_no_party_named_is_no_event(text):
    assert extract_events(text, REFERENCE) == []


def test_a_meeting_named_again_with_its_parties_is_the_row():
    text = ("Die Detailverhandlungen haben begonnen. Mit Verspätung haben die "
            "Detailverhandlungen über ein Hilfspaket für Griechenland in Athen begonnen.")
    assert [(e.evidence[:14], e.location) for e in extract_events(text, REFERENCE)
            if e.plover_type == "CONSULT"] == [("Mit Verspätung", "Athen")]
    # the first, with no one named, still dates the story that goes on
    text = "Am Dienstag fand eine Konferenz statt. Dort wurde Kritik an der Regierung geübt."
    assert [(e.plover_type, e.event_date) for e in extract_events(text, REFERENCE)] == \
        [("ACCUSE", date(2024, 4, 16))]  # the Tuesday before Monday, 22 April


def test_the_name_set_off_after_an_unknown_role_acts():
    text = ("Der frühere Hohe Repräsentant in Bosnien-Herzegowina, Wolfgang Petritsch, "
            "begrüßte die Initiative.")
    assert [e.actors for e in extract_events(text, REFERENCE)] == [("Wolfgang Petritsch",)]


@pytest.mark.parametrize("text, actors", [  # 10kGNAD: these had no actor
    ("Im Sommer stimmten die Gläubiger dann für eine Zerschlagung des Unternehmens.",
     ("Gläubiger",)),
    ("Nach Polizeiangaben schoss der junge Mann am Samstag auf Schüler.", ("Mann",)),
    # the pronoun after the verb is the subject, whoever it is; a feminine noun after "der"
    # is an object; a pronoun before the verb is the subject
    ("Bei der Umsetzung wirft sie der Ärztekammer eine Blockadehaltung vor.", ()),
    ("Offenbar widerspricht der Botschaft das Ministerium.", ("Ministerium",)),
    ("Sie lehnen die Quoten ab.", ()),
])
def test_after_a_phrase_that_is_no_subject_the_noun_after_the_verb_acts(text, actors):
    assert [e.actors for e in extract_events(text, REFERENCE)] == [actors]


def test_what_has_lasted_since_a_time_dates_its_own_clause_not_the_paragraph():
    """10kGNAD: a bomb attack of this week was dated 2013 by "Seit 2013 hatten beide Seiten
    ... eine Waffenruhe eingehalten" two sentences before."""
    text = ("Seit 2013 hatten beide Seiten eine Waffenruhe eingehalten. In der Provinz Bingöl "
            "sei ein Bombenanschlag auf den Postzug verübt worden, berichtete DHA.")
    assert _dated(text)[-1] == ("ASSAULT", REFERENCE, "approx")


def test_a_statement_in_the_present_tense_does_not_take_the_paragraphs_past_time():
    text = ("Im September war die Zeitschrift Ziel einer Polizeirazzia. Kritiker werfen der "
            "Regierung vor, die Pressefreiheit zu beschneiden.")
    dates = _dated(text)
    assert dates == [("COERCE", date(2023, 9, 15), "month"), ("ACCUSE", REFERENCE, "approx")]


def test_sie_after_a_group_is_the_group():
    text = ("Hollande hat sich mit Obama abgestimmt. Die Dschihadistenmiliz hatte sich zu den "
            "Pariser Anschlägen vom 13. November bekannt. Sie übernahm auch die Verantwortung "
            "für das Bombenattentat über dem Sinai, bei dem am 31. Oktober alle 224 Menschen "
            "ums Leben kamen.")
    sinai = next(e for e in extract_events(text, date(2015, 11, 26)) if e.location == "Sinai")
    assert (sinai.actors, sinai.casualties, sinai.event_date) == \
        (("Dschihadistenmiliz",), 224, date(2015, 10, 31))


def test_sie_after_a_dateline_is_the_group_of_the_sentence_not_the_place():
    text = ("Brüssel – Nach den Anschlägen haben die Ermittler noch keine Gewissheit. Sie baten "
            "am Montag um Hinweise zum Mann mit dem Hut.")  # (10kGNAD)
    request = next(e for e in extract_events(text, REFERENCE) if e.plover_type == "REQUEST")
    assert request.actors == ("Ermittler",)


@pytest.mark.parametrize("sentence, actors", [
    ("Der Alleingang wurde am Montag vom Sprecher der CDU-Fraktion Friedbert Pflüger begrüßt.",
     ("Friedbert Pflüger",)),
    ("Bazoum Mohammed, Sprecher der Gruppierung CFDR, forderte die Junta am Montag auf, "
     "zurückzutreten.", ("Bazoum Mohammed",)),
    ("Der Bund hatte das am Montag abgelehnt.", ("Bund",)),
])
def test_the_name_after_a_role_acts_not_the_role(sentence, actors):
    assert _one(sentence).actors == actors


@pytest.mark.parametrize("sentence, day, precision", [
    # a date that says which law or election, not when
    ("Der Bund hatte das unter Verweis auf das Gesetz von 1961 abgelehnt.", REFERENCE, "approx"),
    ("Tausende haben gegen das Ergebnis der Wahl vom 12. Juni 2009 demonstriert.", REFERENCE,
     "approx"),
    # but the date of the act itself, of an occasion, of a means, or a report's day
    ("Nach den Razzien vom Donnerstag sitzen Verdächtige in Haft.", date(2024, 4, 18), "day"),
    ("In einem Schreiben vom 20. März forderte der Minister den Rücktritt des Präsidenten.",
     date(2024, 3, 20), "day"),
    ("Mit Gesetz vom 1. März wurden die Firmen enteignet.", date(2024, 3, 1), "day"),
    ("Laut einem Bericht des Ministeriums vom November 2023 wurden 40 Menschen festgenommen.",
     date(2023, 11, 15), "month"),
    ("Nach Polizeiangaben vom Sonntag schoss der Mann am Samstagabend auf Schüler.",
     date(2024, 4, 20), "day"),
])
def test_a_date_of_a_noun_dates_the_act_only_when_it_tells_when(sentence, day, precision):
    event = _one(sentence)
    assert (event.event_date, event.date_precision) == (day, precision)


def test_to_demonstrate_that_is_no_protest():
    assert extract_events("Sie demonstrierten damit am Montag, dass sie nicht einverstanden "
                          "sind.", REFERENCE) == []


@pytest.mark.parametrize("sentence, types", [
    ("Der Minister kündigte am Montag seinen Rücktritt an.", ["CONCEDE"]),
    ("Der Minister hat am Montag angekündigt, von seinem Amt zurückzutreten.", ["CONCEDE"]),
    # announcing a withdrawal or an attack is a plan
    ("Die Armee kündigte am Montag den Rückzug an.", []),
    ("Er hat am Montag angekündigt, die Stadt anzugreifen.", []),
])
def test_announcing_a_resignation_is_resigning(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, actors, targets", [
    ("Es gelang der Polizei am Montag, den Täter festzunehmen.", ("Polizei",), ("Täter",)),
    ("Der Minister Udo Probe hat am Montag angekündigt, von seinem Amt zurückzutreten.",
     ("Udo Probe",), ()),
])
def test_a_zu_infinitive_acts_by_its_governing_subject(sentence, actors, targets):
    event = _one(sentence)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, actors, targets", [
    # an agent with a count
    ("Am Montag wurden von mehr als 30 Soldaten Dörfer angegriffen.", ("Soldaten",), ()),
    # a genitive belongs to its noun's phrase: no actor
    ("Carter hat sich am Montag für die Freilassung der Gefangenen ausgesprochen.", (),
     ("Gefangenen",)),
    # "er" right after the verb is the subject, the fronted phrase its object
    ("Kanzler Udo Probe sprach. Die Opposition kritisierte er am Montag scharf.",
     ("Udo Probe",), ("Opposition",)),
])
def test_who_acts_in_counted_genitive_and_fronted_phrases(sentence, actors, targets):
    (event,) = [e for e in extract_events(sentence, REFERENCE)]
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, types", [
    ("Carter hat sich am Montag für die Freilassung der Gefangenen ausgesprochen.",
     ["SUPPORT"]),  # a release asked for, not done
    ("Am Mittwoch jährte sich zum 61. Mal der Anschlag auf Hitler.", []),
])
def test_what_is_spoken_for_or_remembered_did_not_happen_that_day(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_date_cut_by_a_comma_dates_the_clause_it_runs_into():
    event = _one("Am Montag, den 15. April demonstrierten Tausende in Berlin.")
    assert (event.event_date, event.date_precision) == (date(2024, 4, 15), "day")


def test_a_noun_happening_named_again_gives_no_row_but_dates_the_story_on():
    events = extract_events("In Berlin gab es einen Anschlag auf eine Synagoge. Der Anschlag "
                            "ereignete sich am Samstag, wo zwei Männer verletzt wurden.",
                            REFERENCE)
    assert [(e.description, e.event_date) for e in events] == \
        [("Anschlag in Berlin", date(2024, 4, 20))]


def test_a_counted_happening_is_not_the_one_named_after_it():
    events = extract_events("Seit Januar gab es bereits 50 Morde. Der schlimmste Mord "
                            "ereignete sich am Samstag.", REFERENCE)
    assert [(e.description, e.event_date) for e in events] == \
        [("Morde", REFERENCE), ("Mord", date(2024, 4, 20))]


@pytest.mark.parametrize("sentence, types", [
    ("Die Schwerverbrecher sind am Montag auf ihrer Flucht gefasst worden.", ["COERCE"]),
    ("Am Montag wurde ein Beschluss gefasst.", []),
    ("Die Beifahrerin ist am Montag aus der U-Haft entlassen worden.", ["CONCEDE"]),
    ("Der Konzern hat am Montag 300 Mitarbeiter entlassen.", []),
    ("Er gab am Montag den Managern die Schuld an der Krise.", ["ACCUSE"]),
    ("Er gab am Montag seine Schuld zu.", ["CONCEDE"]),
    ("Sie überwältigten am Montag einen Pförtner.", ["ASSAULT"]),
])
def test_caught_released_blamed_overpowered(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_happening_referred_back_to_is_one_row_dated_by_the_later_mention():
    events = extract_events("Tausende demonstrierten in Berlin gegen die Reform.\n\nDie "
                            "Demonstration am Samstag war die größte seit Jahren.", REFERENCE)
    assert [(e.plover_type, e.event_date, e.date_precision) for e in events] == \
        [("PROTEST", date(2024, 4, 20), "day")]


@pytest.mark.parametrize("sentence, actors, targets", [
    # a noun no list names, alone before the verb, acts
    ("Die Bauern protestierten am Montag gegen die Regierung.", ("Bauern",), ("Regierung",)),
    ("Die Tierschützer riefen am Montag den Bürgermeister zum Handeln auf.",
     ("Tierschützer",), ("Bürgermeister",)),
    # a phrase after "den", "dem" is an object; after a time, the noun after the verb acts
    ("Am Montag kritisierte die Zeitung den Minister.", ("Zeitung",), ("Minister",)),
    # no adverb, object or happening before the verb acts
    ("Zuletzt forderte am Montag die Zeitung den Rücktritt.", (), ()),
    ("Den Vorschlag lehnte die Regierung am Montag ab.", ("Regierung",), ()),
    # capitalised adjectives before a capitalised word are part of the name
    ("Die Freien Demokraten schlossen am Montag eine Koalition mit der SPD aus.",
     ("Freien Demokraten",), ("Koalition", "SPD")),
    ("Eine Interviewanfrage der Zeitung lehnte er am Montag ab.", (), ()),
])
def test_a_noun_before_the_verb_acts_an_object_does_not(sentence, actors, targets):
    event = _one(sentence)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, actors, targets", [
    ("Vertreter der Opposition verurteilten am Montag den Einsatz der Polizei.",
     ("Opposition",), ("Polizei",)),
    ("Die Führung der Armee kritisierte am Montag die Regierung.", ("Armee",), ("Regierung",)),
])
def test_an_objects_genitive_does_not_act_a_subjects_does(sentence, actors, targets):
    event = _one(sentence)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, types", [
    # a demand or accusation with its owner was made, whatever the clause's verb
    ("Auf den Vorwurf der CDU, es handele sich um einen Antrag, entgegnete die SPD, das sei "
     "falsch.", ["ACCUSE", "REJECT"]),
    ("Die Forderung der Gewerkschaft nach mehr Lohn wurde abgelehnt.", ["REJECT", "REQUEST"]),
    ("Auf den Vorwurf, es handele sich um einen Antrag, entgegnete die SPD, das sei falsch.",
     ["REJECT"]),  # no owner
    # confirming an accusation admits it
    ("Die Firma hat den Vorwurf am Montag bestätigt.", ["CONCEDE", "ACCUSE"]),
])
def test_an_owned_speech_act_and_an_admission(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


@pytest.mark.parametrize("sentence, plover_type", [
    # an attack in words: criticism, not violence (10kGNAD)
    ("Gegen den Grünen ritten Hofer und Kickl am Freitag heftige Attacken.", "ACCUSE"),
    ("Die Opposition übte am Montag scharfe Angriffe gegen die Regierung.", "ACCUSE"),
    ("Bundesjustizminister Heiko Maas hat den Anschlag vom Montag scharf verurteilt.",
     "ASSAULT"),  # (and the condemnation: "scharf" qualifies the verb, not the attack)
])
def test_an_attack_in_words_is_criticism(sentence, plover_type):
    assert plover_type in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence, plover_type", [  # (10kGNAD)
    ("Die Polizeigewerkschaft streitet das am Montag ab.", "REJECT"),
    ("Die EU-Kommission hat die Schließung der Grenzen am Montag gutgeheißen.", "SUPPORT"),
    ("Das wäre ein massiver Eingriff, pflichtete Gerhard Reissner am Montag bei.", "SUPPORT"),
    ("Die Opposition wetterte am Montag gegen die Regierung.", "ACCUSE"),
])
def test_verbs_of_denial_agreement_and_railing(sentence, plover_type):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == [plover_type]


@pytest.mark.parametrize("sentence, types", [  # irregular verbs conjugated (10kGNAD)
    ("Die Rebellen hatten am Montag den Militärstützpunkt überrannt.", ["ASSAULT"]),
    ("Hunderte Flüchtlinge haben am Montag die Absperrung überrannt.", []),
    ("Rajoy hatte am Montag bei der PSOE für eine Zusammenarbeit geworben.", ["SUPPORT"]),
    # an agreement concluded, with or without "ab"
    ("Die beiden Länder schlossen am Montag einen Vertrag.", ["AGREE"]),
    # political talks, named by their kind (not "im Gespräch mit der Zeitung")
    ("Am Montag führten SPÖ und ÖVP in Linz Sondierungsgespräche.", ["CONSULT"]),
    ("Er sagte am Montag im Gespräch mit der Zeitung, das sei falsch.", []),
    # what a body is for names it ("die Organisation für das Verbot chemischer Waffen")
    ("Laut der Organisation für das Verbot chemischer Waffen war am Montag Senfgas im "
     "Einsatz.", []),
    # an investigation opened, against no one named yet
    ("Nun wurde am Montag eine Untersuchung über dieses Geständnis eingeleitet.", ["ACCUSE"]),
    ("Nach den Enthüllungen leitet das Land am Montag Ermittlungen ein.", ["ACCUSE"]),
])
def test_irregular_forms_and_investigations(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types



@pytest.mark.parametrize("sentence, actors, targets", [  # (10kGNAD)
    # a name of three words acts whole, and is no target of its own act
    ("Staatspräsident Recep Tayyip Erdogan traf am Mittwoch mit dem Abgeordneten Deniz "
     "Baykal zusammen.", ("Recep Tayyip Erdogan",), ("Deniz Baykal",)),
    ("UNO-Generalsekretär Ban Ki Moon hat den Angriff am Montag scharf verurteilt.",
     ("Ban Ki Moon",), ()),
    ("Im Jahr 2008 warf Lech Kaczyński Lech Wałęsa Spionage vor.", ("Lech Kaczyński",),
     ("Lech Wałęsa",)),
])
def test_a_name_of_three_words_acts_whole(sentence, actors, targets):
    event = next(e for e in extract_events(sentence, REFERENCE) if e.plover_type != "ASSAULT")
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, types", [  # (10kGNAD)
    # a participle after a count is an attribute, not the clause's act; a year is no count
    ("Lukaschenko hat am Montag sechs inhaftierte Oppositionsführer begnadigt.", ["CONCEDE"]),
    ("Am Montag vereinbarten Bund und Länder ein neues Haushaltsrecht.", ["AGREE"]),
    ("2013 vereinbarten Bund und Länder ein neues Haushaltsrecht.", ["AGREE"]),
    # idioms: time presses, praise given is support, not aid; a press conference is no
    # meeting (10kGNAD)
    ("Die Zeit drängt am Montag.", []),
    ("Tusk spendete den Balkanstaaten am Montag ausdrücklich Lob.", ["SUPPORT"]),
    ("Das sei gut, sagte Katzian am Montag bei einer Pressekonferenz in Wien.", []),
    # a closed railway or road is no ban
    ("Nach der Kollision wurde die Südbahn am Montag für drei Wochen gesperrt.", []),
])
def test_attributes_and_closed_roads_are_no_acts(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_respect_paid_is_support_and_no_target():
    (event,) = extract_events("Die Ministerin zollte den Helfern am Montag Respekt.", REFERENCE)
    assert (event.plover_type, event.actors, event.targets) == ("SUPPORT", ("Ministerin",), ())


@pytest.mark.parametrize("sentence", [
    "Sollte sie am Montag zurückkommen, wird sie sofort verhaftet.",  # a condition
    "Kritiker werfen ihm am Montag immer wieder vor, die Presse zu gängeln.",  # a habit
    "Seit Montag nimmt die Polizei oftmals Demonstranten fest.",  # a habit
    "Bei Morden ging zuweilen eine Vergewaltigung voraus, die am Montag bekannt wurde.",
    # (10kGNAD)
    "Die Förderung neuer Ideen wird seit Montag immer häufiger abgelehnt.",
    "Die Höchstrichter hoben die Regelungen am Montag häufig wieder auf.",
    "Am Samstag empfangen die Fußballer Bundesliga-Spitzenreiter Bayern München.",  # a game
    "Die Mandatare haben am Montag Treue gelobt.",  # vowed, not praised
    # the guide's background state, and a game's attack
    "Russland unterstützt Assad seit Jahren.",
    "Indien wirft Pakistan seit langem vor, Rebellen Unterschlupf zu gewähren.",
    "Im Angriff fehlte Bayern am Samstag die Durchschlagskraft.",
    # what people of a kind do: a plural with no article, a relative clause in the present
    # (10kGNAD)
    "Für Gruppen, die zu Terrorismus und Hass aufrufen, sei am Montag kein Platz, sagte er.",
    "Verkäufer, die bei Ebay mitmachen und Waren zurücknehmen, bekommen seit Montag Rabatt.",
])
def test_conditions_habits_games_and_vows_are_no_events(sentence):
    assert extract_events(sentence, REFERENCE) == []


@pytest.mark.parametrize("sentence, actors, targets", [
    # a role's preposition is its name's
    ("Der Alleingang wurde am Montag von Außenminister Frank Probe begrüßt.", ("Frank Probe",),
     ()),
    # the subject of "stieß auf", "erntete", "geriet in" receives; "bei", "von" give
    ("Der Vorschlag stieß am Montag bei der SPD auf Ablehnung.", ("SPD",), ()),
    ("Der Konzern geriet am Montag in die Kritik.", (), ("Konzern",)),
])
def test_who_gives_and_who_receives(sentence, actors, targets):
    event = _one(sentence)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("sentence, types", [
    ("Am Montag kam es zu Protesten in Paris.", ["PROTEST"]),  # "zu" before a noun
    ("Die Gläubiger erließen Griechenland am Montag Schulden.", ["AID"]),
    ("Die Firma kündigte am Montag Klage an.", ["THREATEN"]),
    ("Die Firma kündigte am Montag rechtliche Schritte an.", ["THREATEN"]),
    ("Merkel hatte am Montag eine Politik der kleinen Schritte angekündigt.", []),
    # what a journey is for has not happened by being named
    ("Zu Beratungen über Syrien kommt Kerry am Sonntag nach Berlin.", []),
    ("Die Entscheidung führte am Montag zu Protesten.", ["PROTEST"]),
])
def test_the_guides_examples_of_aid_threats_and_happenings(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_relative_clause_acts_by_the_noun_before_it():
    text = ("Die Firma Euryza ist bekannt. Die Bestände gehören der Firma Euryza, die den "
            "Vorwurf am Montag bestätigte.")
    concede = [e for e in extract_events(text, REFERENCE) if e.plover_type == "CONCEDE"]
    assert [e.actors for e in concede] == [("Euryza",)]
    # not when a pronoun after the relative pronoun is its subject
    text = ("Die Firma Euryza ist bekannt. Der Minister schrieb am Montag an die Firma Euryza, "
            "der er Betrug vorwirft.")
    assert all("Euryza" not in e.actors for e in extract_events(text, REFERENCE))


@pytest.mark.parametrize("text", [  # (Wikinews train, outside the events gold)
    "In der Nähe des Westparks konnte sie am Montag von einer Polizeistreife festgenommen werden.",
    "Festgenommen wurden am Montag drei Männer.",
])
def test_an_arrest_done_under_a_past_modal_or_with_its_participle_first_happened(text):
    # Was no row: "werden" read as the future, a capitalised participle as a noun.
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "Der Mann wird am Montag festgenommen werden.",
    "Angeklagt sind am Montag zwei Männer.",  # a state, not a fronted passive
])
def test_a_future_passive_or_a_fronted_state_is_no_arrest(text):
    assert extract_events(text, REFERENCE) == []


def test_a_reported_attack_done_without_warning_happened():
    # Was no row: "ohne" read as a counterfactual ("ohne dass ...") before a noun of manner.
    text = "Die Armee hätte am Montag ohne Vorwarnung Flüchtlinge bombardiert, sagte ein Sprecher."
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["ASSAULT"]
    counterfactual = "Sie hätten am Montag beinahe Flüchtlinge bombardiert, sagte ein Sprecher."
    assert extract_events(counterfactual, REFERENCE) == []


def test_a_suicide_attack_kills_and_a_suicide_is_no_killing():
    # Was no row: "Selbstmord" ruled out every clause with "Selbstmordattentat"; now only the
    # whole word does, also as the clause's last word.
    attack = "Bei einem Selbstmordattentat in Jakarta wurden sieben Menschen getötet."
    assert [e.plover_type for e in extract_events(attack, REFERENCE)] == ["ASSAULT"]
    assert extract_events("Der Mann beging am Montag Selbstmord.", REFERENCE) == []


def test_a_present_passive_with_its_participle_first_happens_now():
    # Was no row: the "wird" after a fronted participle read as the future's.
    text = "Kritisiert wird die Stiftung am Montag wegen der Praxis der Auftragsvergabe."
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["ACCUSE"]
    assert extract_events("Festgenommen wird er am Montag werden.", REFERENCE) == []


@pytest.mark.parametrize("text, targets", [  # (Wikinews train, outside the events gold)
    ("Die Soldaten hatten daraufhin Luftunterstützung angefordert.", ()),
    ("An die Hamas erging die Aufforderung, sofort die Raketenangriffe einzustellen.",
     ("Hamas",)),
])
def test_a_request_made_by_anfordern_or_issued_by_ergehen(text, targets):
    # Was no row; and what is requested ("Luftunterstützung") has not happened.
    assert [(e.plover_type, e.targets) for e in extract_events(text, REFERENCE)] == [
        ("REQUEST", targets)]


def test_who_reports_the_act_after_von_takes_no_part_in_it():
    # Was actor "Oppositionspolitiker" and target Meles Zenawi. (Wikinews train, not the gold)
    text = ("Nach Angaben von Oppositionspolitikern hat Ministerpräsident Meles Zenawi am Montag "
            "ein Demonstrationsverbot verhängt.")
    assert [(e.plover_type, e.actors) for e in extract_events(text, REFERENCE)] == [
        ("COERCE", ("Meles Zenawi",))]


def test_deciding_sanctions_or_a_ban_imposes_them_deciding_a_withdrawal_does_not():
    # Was no SANCTION row: "beschließen" put the sanctions among plans. (Wikinews train)
    sanctions = "Der UN-Sicherheitsrat hat am Samstag Sanktionen gegen Libyen beschlossen."
    assert "SANCTION" in [e.plover_type for e in extract_events(sanctions, REFERENCE)]
    withdrawal = "Die Regierung beschloss am Montag den Rückzug der Truppen."
    assert "RETREAT" not in [e.plover_type for e in extract_events(withdrawal, REFERENCE)]


@pytest.mark.parametrize("text, kind", [  # (Wikinews train, outside the events gold; 10kGNAD)
    ("Das lehnte Abhisit am Montag jedoch ab.", "REJECT"),
    ("Dem widersprach am Mittwoch ein Sprecher der Staatsbahnen.", "REJECT"),
])
def test_a_demonstrative_object_before_the_verb_is_no_article(text, kind):
    # Was no row: "Das lehnte" read as an article before an attribute.
    assert kind in [e.plover_type for e in extract_events(text, REFERENCE)]


def test_a_demonstrative_object_makes_demonstrieren_showing():
    assert extract_events("Das demonstrierte am Abend auch der Präsident selbst.",
                          REFERENCE) == []


@pytest.mark.parametrize("text, actors", [  # (10kGNAD)
    ("Am Montag forderte ein Bub mehr Geld.", ("Bub",)),
    ("Die Grünen fordern am Montag eine Änderung der Verfassung.", ("Grünen",)),
])
def test_an_indefinite_doer_after_the_verb_acts_an_indefinite_thing_does_not(text, actors):
    assert [e.actors for e in extract_events(text, REFERENCE)] == [actors]


def test_a_resignation_announced_is_its_announcers():
    # Was no actor: "verkünden" did not make the noun the subject's happening. (Wikinews)
    text = "Franz Müntefering hat am Dienstag seinen Rücktritt verkündet."
    assert [(e.plover_type, e.actors) for e in extract_events(text, REFERENCE)] == [
        ("CONCEDE", ("Franz Müntefering",))]


def test_an_arrest_no_one_is_named_for_is_the_police_named_before():
    # Was no actor. (10kGNAD shapes)
    text = "Die Polizei umstellte am Montag das Haus. Gegen 00.30 Uhr wurde er festgenommen."
    assert [(e.plover_type, e.actors) for e in extract_events(text, REFERENCE)] == [
        ("COERCE", ("Polizei",))]
    warrant = "Die Polizei ermittelt. Gegen ihn wurde am Montag Haftbefehl erlassen."
    assert [e.actors for e in extract_events(warrant, REFERENCE)] == [()]  # a court's


@pytest.mark.parametrize("sentence, plover_type", [  # (Wikinews train outside the gold, 10kGNAD)
    ("Die Eisenbahner sind am Montag in den Streik getreten.", "PROTEST"),
    ("Die Journalisten, die sich dem Ausstand angeschlossen hatten, brachen ihn am Montag ab.",
     "PROTEST"),
    ("Tausende Demonstranten zogen am Samstag durch die Innenstadt.", "PROTEST"),
    ("Bei den Kämpfen starben am Wochenende sieben Soldaten und vier Angreifer.", "ASSAULT"),
    ("Die Truppen des Nordens haben mit Dutzenden von Panzern die Stadt besetzt.", "ASSAULT"),
    ("Die Bombe war etwa 700 Meter von einem Gebäude entfernt gezündet worden.", "ASSAULT"),
    ("Die tödlichen Schüsse fielen nach einer Geburtstagsfeier.", "ASSAULT"),
    ("Er gab mehrere Schüsse auf Cox ab.", "ASSAULT"),
    ("Die Beamten setzten Tränengas und Wasserwerfer ein.", "COERCE"),
    ("Die Mordkommission von München hat die Ermittlungen aufgenommen.", "ACCUSE"),
    ("Der Fall wurde jetzt der Polizei angezeigt.", "ACCUSE"),
    ("Am Sonntag zeigten sich die Grünen empört über den Fall.", "ACCUSE"),
    ("Die Grünen haben eine Onlinepetition gestartet.", "REQUEST"),
])
def test_triggers_of_strikes_fighting_shots_crowd_control_and_complaints(sentence, plover_type):
    # Each was no row.
    assert plover_type in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence", [
    "Die Kurden kämpfen an der Seite einer Militärallianz gegen den IS.",  # a war going on
    "Kurdische Aufständische hatten 1984 einen Kampf um Autonomierechte begonnen.",
    "Ein 31-Jähriger starb trotz Wiederbelebungsversuchen an den Folgen eines Schusses.",
    "Der Startschuss für das Projekt fiel am Montag.",
    "Die Armee gab am Montag Warnschüsse ab.",
    "Das Flugzeug war mit einem Fluglehrer und seinem Schüler besetzt.",
    "Die Biker waren begeistert, von ihnen wurden die Runden angezeigt.",
])
def test_war_going_on_idioms_and_other_senses_are_no_assault_or_request(sentence):
    found = [e.plover_type for e in extract_events(sentence, REFERENCE)]
    assert not {"ASSAULT", "REQUEST", "ACCUSE"} & set(found)


@pytest.mark.parametrize("sentence, plover_type, actor", [  # (10kGNAD, Wikinews train)
    ("Sein Stellvertreter Ottmar Edenhofer bezeichnete das Abkommen als Durchbruch.", "SUPPORT",
     "Ottmar Edenhofer"),
    ("Die IG Metall wertet die Einigung mit der Konzernführung als Erfolg.", "SUPPORT", None),
    ("Ein angesehener isländischer Historiker nannte Gunnlaugssons Verhalten am Mittwoch "
     "absurd.", "ACCUSE", "Historiker"),
    ("Faymann selbst spricht von einem Desaster für beide Regierungsparteien.", "ACCUSE", None),
    ("Die Regierung wies die Vorwürfe am Montag als haltlos zurück.", "REJECT", "Regierung"),
    ("Die Regierung bezeichnete die Berichte als unwahr.", "REJECT", "Regierung"),
])
def test_an_evaluation_praises_criticises_or_rejects_a_claim(sentence, plover_type, actor):
    # Each was no row of its type: "bezeichnete ... als", "nannte ...", "sprach von ...".
    rows = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == plover_type]
    assert rows and (actor is None or rows[0].actors == (actor,))


@pytest.mark.parametrize("sentence", [
    "Er nannte keine Details.",
    "Der Flughafen nennt als Hauptursache des Booms die positive Entwicklung von Ryanair.",
    "Verteidigungsminister Klug sprach von einem Leitsystem im angrenzenden Gelände.",
    "Bestechung wurde in der Umfrage als jene Bedrohung genannt, die am stärksten zunahm.",
])
def test_naming_listing_or_describing_is_no_evaluation(sentence):
    assert not [e for e in extract_events(sentence, REFERENCE)
                if e.plover_type in ("SUPPORT", "ACCUSE", "REJECT")]


@pytest.mark.parametrize("sentence, plover_type, actor", [  # (Wikinews train, 10kGNAD)
    ("Die iranische Polizei ging am Sonntag gewaltsam gegen Demonstranten in Teheran vor.",
     "COERCE", "Polizei"),
    ("Die Polizei griff hart gegen die zunächst geduldeten Proteste durch.", "COERCE", "Polizei"),
    ("An der Kundgebung nahmen am Samstag 5000 Menschen teil.", "PROTEST", "Menschen"),
])
def test_a_crackdown_and_taking_part_in_a_rally(sentence, plover_type, actor):
    rows = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == plover_type]
    assert [r.actors for r in rows] == [(actor,)]


def test_a_plural_verb_after_und_starts_its_own_clause():
    # "nicht" of the second clause denied the first's demand: no row. (Wikinews train)
    text = "Sie fordern Verbesserungen und beklagen nicht ausgezahlte Prämien."
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["REQUEST"]


@pytest.mark.parametrize("sentence, plover_type", [
    ("754 Personen nahmen an der Untersuchung der Arbeiterkammer teil.", "ACCUSE"),  # a survey
    ("Beiden wird vorgeworfen, an der Planung eines Attentats beteiligt gewesen zu sein.",
     "ASSAULT"),
])
def test_taking_part_in_a_survey_or_a_plan_is_no_event_of_its_noun(sentence, plover_type):
    assert plover_type not in [e.plover_type for e in extract_events(sentence, REFERENCE)]


def test_widening_protests_or_attacks_makes_them_happenings_with_their_doer():
    # Was no row, and an attack with no actor. (10kGNAD)
    assert [(e.plover_type, e.actors) for e in extract_events(
        "Die Gewerkschaft weitete ihre Proteste am Montag aus.", REFERENCE)] == [
        ("PROTEST", ("Gewerkschaft",))]
    assert [(e.plover_type, e.actors) for e in extract_events(
        "Am Donnerstag weitete die türkische Luftwaffe ihre Angriffe auf die PKK aus.",
        REFERENCE)][:1] == [("ASSAULT", ("Luftwaffe",))]


@pytest.mark.parametrize("sentence, plover_type, actors", [  # (10kGNAD, Wikinews train)
    ("Unterdessen drohte auch Serbiens Außenminister Ivica Dačić, die Grenzen zu schließen.",
     "THREATEN", ("Ivica Dačić",)),
    ("Im Stadtteil Palmanova ist am Donnerstag eine Autobombe explodiert.", "ASSAULT", ()),
    ("Eine Bombe explodierte am Montag auf dem Markt.", "ASSAULT", ()),  # (no actor "Bombe")
    ("Am Montag sind Schüsse gefallen.", "ASSAULT", ()),
    ("Die EU-Kommission hat ein Prüfverfahren gegen Polen eröffnet.", "ACCUSE",
     ("EU-Kommission",)),
])
def test_threats_to_act_bombs_that_went_off_and_proceedings_opened(sentence, plover_type,
                                                                   actors):
    rows = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == plover_type]
    assert [r.actors for r in rows] == [actors]


@pytest.mark.parametrize("sentence", [
    "Jetzt droht am Montag ein Streik.",  # looming, no one threatens
    "Ihm drohen bei einer Verurteilung zehn Jahre Haft.",
    "Das Verfahren wurde am Montag eingestellt.",
])
def test_what_looms_and_a_proceeding_dropped_are_no_threat_or_charge(sentence):
    assert not extract_events(sentence, REFERENCE)


def test_a_passive_act_of_force_with_no_doer_goes_on_the_story_of_the_doer_before():
    # Was no actor in the second and third rows. (Wikinews train, tuning half's shape)
    text = ("Saddam Hussein ließ am 8. Juli 1982 das Dorf Dudschail bombardieren. 143 Bewohner "
            "wurden später umgebracht. Andere wurden festgenommen und gefoltert.")
    rows = extract_events(text, REFERENCE)
    assert [(e.plover_type, e.actors) for e in rows if e.plover_type == "ASSAULT"] == [
        ("ASSAULT", ("Saddam Hussein",))] * 3


@pytest.mark.parametrize("text", [
    # an arrest after an attack is no act of the attacker
    "Am Montag erschossen Angreifer zwei Polizisten. Am Dienstag wurde ein Verdächtiger "
    "festgenommen.",
    # a new paragraph tells another story
    "Am Montag bombardierte die Armee das Dorf.\n\nAm Dienstag wurden zwei Männer erschossen.",
])
def test_a_doer_does_not_go_on_to_another_kind_of_act_or_paragraph(text):
    last = extract_events(text, REFERENCE)[-1]
    assert last.actors == ()


def test_a_particle_closing_a_clause_of_its_own_belongs_to_that_clause():
    # "erkennt ... an" was SUPPORT: the "an" is "knüpft ... an"'s. (10kGNAD)
    text = ("Wer die Aussagen der Kandidatin analysiert, erkennt: Sie knüpft eher an "
            "bürgerliche Positionen an.")
    assert extract_events(text, REFERENCE) == []


@pytest.mark.parametrize("sentence", [  # (10kGNAD, Wikinews train)
    "Es hat sich herausgestellt, dass diese Buntbarsche alle anderen Fische attackieren.",
    "Tausende Vögel wurden am Montag getötet, um die Ausbreitung des Virus zu unterbinden.",
    "Auf einmal schossen die Sportvereine wie Pilze aus dem Boden.",
    "Onisiwo versuchte es aus der Distanz, schoss aber daneben.",
    "Michael Bradley schoss auf den Kasten von Miro Varvodic, verfehlte ihn aber.",
    "Die Preise schossen am Montag in die Höhe.",
    "Der Film eroberte am Montag die Herzen der Zuschauer.",
    "Die Partei eroberte am Sonntag 20 Sitze.",
    "Experten der IT-Sicherheitsfirma machen die Gruppe für Angriffe auf Nato-Staaten "
    "verantwortlich.",
])
def test_animals_idioms_games_and_computer_attacks_are_no_assault(sentence):
    assert "ASSAULT" not in [e.plover_type for e in extract_events(sentence, REFERENCE)]


def test_a_town_taken_back_by_force_is_an_assault():  # (10kGNAD)
    assert [e.plover_type for e in extract_events(
        "Die syrische Armee hat am Samstag sieben Dörfer zurückerobert.", REFERENCE)] == [
        "ASSAULT"]


def test_an_animal_named_as_what_is_counted_does_not_stop_a_request():
    assert [e.plover_type for e in extract_events(
        "Der WWF ruft weitere Staaten zu Bestandserhebungen der Tiere auf.", REFERENCE)] == [
        "REQUEST"]


@pytest.mark.parametrize("sentence", [  # (Wikinews train, shapes of)
    "Die Polizei setzte am Samstag Tränengas gegen Demonstranten ein, die gegen die Regierung "
    "protestierten.",
    "Die iranische Polizei ging am Sonntag gewaltsam gegen Demonstranten in Teheran vor, die "
    "gegen die Regierung demonstrierten.",
])
def test_a_relative_clause_after_a_particle_or_a_place_is_about_the_noun_before(sentence):
    # The protest had no actor; with the place, "Iran".
    protests = [e for e in extract_events(sentence, REFERENCE) if e.plover_type == "PROTEST"]
    assert [e.actors for e in protests] == [("Demonstranten",)]


def test_only_demonstrating_can_be_showing_something():
    assert [e.plover_type for e in extract_events(
        "Die Bauern protestierten damit am Montag gegen die Reform.", REFERENCE)] == ["PROTEST"]
    assert extract_events("Er demonstrierte damit am Montag seine Stärke.", REFERENCE) == []


def test_a_past_happening_named_with_its_year_happened_whatever_its_clause_says():
    # Was no row: "wird ... sein" made the clause a future. (Wikinews train, tuning half)
    rows = extract_events("Auch die Invasion in Kuwait im Jahre 1990 wird Gegenstand eines "
                          "Prozesses sein.", REFERENCE)
    assert [(e.plover_type, e.event_date.year, e.date_precision) for e in rows] == [
        ("ASSAULT", 1990, "year")]
    assert extract_events("Die Invasion im Jahr 2030 soll stattfinden.", REFERENCE) == []


def test_first_aid_is_no_aid_between_parties():
    # Was AID. (10kGNAD, Wikinews train)
    assert extract_events("Ein Radfahrer leistete dem Jogger am Montag Erste Hilfe.",
                          REFERENCE) == []


def test_calling_up_reservists_mobilises():
    assert [(e.plover_type, e.actors) for e in extract_events(
        "Die Regierung berief am Montag 10.000 Reservisten ein.", REFERENCE)] == [
        ("MOBILIZE", ("Regierung",))]


@pytest.mark.parametrize("sentence", [
    "Der DFB schimpfte am Montag auf den Schiedsrichter.",
    "Der Minister sprach der Kommission am Montag jede Kompetenz ab.",
])
def test_insults_and_denying_competence_criticise(sentence):
    assert "ACCUSE" in [e.plover_type for e in extract_events(sentence, REFERENCE)]


def test_a_noun_of_no_mode_refers_back_to_a_happening_of_its_type_told_by_a_verb():
    text = ("Ein Selbstmordattentäter tötete am Sonntag in Raschidin 126 Menschen. Das "
            "Auswärtige Amt verurteilte den Anschlag als zutiefst erschütternd.")
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["ASSAULT", "ACCUSE"]


def test_a_noun_with_a_phrase_of_its_own_is_another_happening_of_its_type():
    text = ("Bei Kämpfen wurden am Mittwoch in Kairo zehn Menschen erschossen. Der schwerste "
            "Zwischenfall war der Bombenanschlag auf eine Kirche in Alexandria im Januar.")
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["ASSAULT", "ASSAULT"]


@pytest.mark.parametrize("sentence, plover_type", [  # (shapes of 10kGNAD, Wikinews train)
    ("Die Erben der Besitzerin zogen am Montag vor Gericht.", "ACCUSE"),
    ("Der Abgeordnete ging am Montag hart mit Juncker ins Gericht.", "ACCUSE"),
    ("Am Montag geißelten selbst Sozialisten das Verhalten der Regierung.", "ACCUSE"),
    ("Die Volksanwaltschaft beanstandete am Montag die Zustände in den Heimen.", "ACCUSE"),
    ("Der Senator zeigte sich am Montag enttäuscht.", "ACCUSE"),
    ("Am Montag distanzierte sich die Royal Society von seinen Aussagen.", "REJECT"),
    ("Jetzt aber ruderte der Ministerpräsident am Montag zurück.", "CONCEDE"),
    ("Er hatte am Montag einen Polizisten mit einer Pistole bedroht.", "THREATEN"),
    ("Am Montag wurden zwei Teilnehmer zusammengeschlagen.", "ASSAULT"),
    ("Am Montag stach sie mit einem Messer auf den Studenten ein.", "ASSAULT"),
    ("Die Gewerkschaft beharrt seit Montag auf einem Ausgleich.", "REQUEST"),
    ("Am Montag meuterten Soldaten in der Hauptstadt.", "PROTEST"),
    ("Die Regierung entzog dem Sender am Montag die Lizenz.", "SANCTION"),
    ("Die Nato stockte am Montag ihre Truppen im Baltikum auf.", "MOBILIZE"),
])
def test_triggers_of_criticism_suing_distancing_backing_down_and_threats(sentence, plover_type):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == [plover_type]


@pytest.mark.parametrize("sentence", [
    "Die Art ist seit Jahren vom Aussterben bedroht.",
    "Seit Montag besteht die Möglichkeit, Karten auf einer SD-Karte zu speichern.",
    "Das Schiff stach am Montag in See.",
    "Die Behörde entzog dem Medikament am Montag die Zulassung.",
    "Die Leute akzeptieren seit Montag pro 1.000 Einwohner zehn Asylwerber.",  # (10kGNAD)
    "Man kann keine Kaffeepause von fünf Stunden akzeptieren, sagte er am Montag.",
    # roads, players and cards blocked; causes ruled out; "gestanden" of "stehen"; goods
    # sold; devices supporting standards; titles defended (10kGNAD, Wikinews train)
    "Die B 500 musste am Montag wegen Windwurfes gesperrt werden.",
    "Daraufhin wurde er am Montag für zwei Spiele gesperrt.",
    "Die Brandursache ist unklar, Brandstiftung wurde am Montag jedoch ausgeschlossen.",
    "Die Polizei schloss am Montag ein Fremdverschulden aus.",
    "Die Wolfsburger haben sich am Montag selbst im Weg gestanden.",
    "Die Kolariks vertreiben seit Montag Bier aus tschechischer Produktion.",
    "Seit Montag unterstützt das Gerät WLAN und NFC.",
    "Am 28. November verteidigte der Ukrainer in Düsseldorf alle vier WM-Titel.",
    "Am Montag fühlten sich die Bürger bei der Behörde gut aufgehoben.",
    "Die Bundesregierung hatte den USA am Montag Überflugrechte eingeräumt.",  # granted
])
def test_senses_of_those_words_that_are_no_event(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_claims_rejected_are_the_accusation_told_before():  # (Wikinews train)
    text = ("Die Opposition kritisierte am Montag den Minister scharf. Der Minister wies die "
            "Vorwürfe zurück.")
    assert [e.plover_type for e in extract_events(text, REFERENCE)] == ["ACCUSE", "REJECT"]


def test_a_claim_of_its_owner_is_a_new_accusation():  # (Wikinews train, shape of)
    text = ("Die Opposition kritisierte am Montag den Minister scharf. Er trat dem Vorwurf der "
            "Verteidigung, das Gericht sei nicht legitim, am Dienstag entgegen.")
    assert [e.plover_type for e in extract_events(text, REFERENCE)].count("ACCUSE") == 2


@pytest.mark.parametrize("sentence", [  # (Wikinews train)
    "Ein Bericht der Agentur, wonach der Oppositionsführer festgenommen worden sein soll, "
    "wurde am Montag dementiert.",
    "Ein Berater dementierte am Montag die Festnahme des Oppositionspolitikers.",
    "Er bestritt am Montag, dass er den Mann angegriffen habe.",
])
def test_a_denied_happening_is_no_event(sentence):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == ["REJECT"]


def test_denying_an_accusation_says_it_was_made():
    assert sorted(e.plover_type for e in extract_events(
        "Am Montag bestritt der Minister die Vorwürfe der Opposition.", REFERENCE)) == [
        "ACCUSE", "REJECT"]


def test_a_clause_joined_by_und_that_opens_with_its_verb_keeps_the_subject():
    # "und kritisierte die Demonstranten": the minister criticised them (Wikinews train)
    events = extract_events("Der Minister lobte am Montag die Polizei und kritisierte die "
                            "Demonstranten.", REFERENCE)
    assert [(e.plover_type, e.actors, e.targets) for e in events] == [
        ("SUPPORT", ("Minister",), ("Polizei",)), ("ACCUSE", ("Minister",), ("Demonstranten",))]


def test_accepting_a_decision_is_agreeing():  # (Wikinews train, shape of)
    assert [e.plover_type for e in extract_events(
        "Der WWF akzeptierte am Montag den Beschluss des Umweltministers.", REFERENCE)] == [
        "AGREE"]


@pytest.mark.parametrize("sentence, plover_type", [  # (Wikinews train, shapes of)
    ("Die Behörden sperrten am Montag den Zugang zu Facebook.", "COERCE"),
    ("Einsatztruppen haben die Demonstranten am Montag vertrieben.", "COERCE"),
    ("Das Team Stronach hat am Montag eine Zustimmung ausgeschlossen.", "REJECT"),
    ("Ein Mann hat am Montag gestanden, seinen Neffen umgebracht zu haben.", "CONCEDE"),
    ("Am Samstag wurde die Ausgangssperre in Cizre aufgehoben.", "CONCEDE"),
])
def test_the_political_senses_of_those_words_stay(sentence, plover_type):
    assert plover_type in [e.plover_type for e in extract_events(sentence, REFERENCE)]


@pytest.mark.parametrize("sentence, types", [  # (10kGNAD, Wikinews train)
    ("Der Nationalrat beschloss am Montag das Gesetz.", ["AGREE"]),
    ("Das EU-Parlament kritisierte am Montag die Gebühren und beschloss deshalb, dass sie "
     "sinken.", ["ACCUSE", "AGREE"]),
    ("Daraufhin beschloss der Pilot am Montag, die Maschine notzulanden.", []),
    ("Sie beschloss am Sonntag, der Partei beizutreten.", []),
    ("Der Präsident sagte am Montag seinen Besuch in Skopje ab.", ["REJECT"]),
    ("Das Konzert in Essen wurde am Montag abgesagt.", []),
])
def test_a_body_decides_and_a_visit_is_called_off(sentence, types):
    assert [e.plover_type for e in extract_events(sentence, REFERENCE)] == types


def test_a_visit_called_off_did_not_happen_but_the_attack_it_was_called_off_for_did():
    text = ("Am Abend sagte der Premier seine Reise nach Brüssel wegen des Terroranschlags "
            "in Ankara ab.")  # (10kGNAD)
    assert sorted(e.plover_type for e in extract_events(text, REFERENCE)) == [
        "ASSAULT", "REJECT"]
    assert [e.plover_type for e in extract_events(
        "Der Präsident sagte am Montag seinen Besuch in Skopje ab.", REFERENCE)] == ["REJECT"]


def test_support_promised_is_still_to_come_with_zusagen_among_the_irrealis_verbs_too():
    # "sagten" is a form of "ab|sagen" and of "zu|sagen": the particle decides (Wikinews)
    assert [e.plover_type for e in extract_events(
        "Mehrere Regierungen sagten am Montag rasche Unterstützung zu.", REFERENCE)] == []


@pytest.mark.parametrize("sentence", [  # (Wikinews train, 10kGNAD)
    "Am Freitag wurde er in Pécs mit Unterstützung der Antiterroreinheit festgenommen.",
    "Seit einem Jahr fliegen die USA mit Unterstützung Großbritanniens Luftangriffe.",
    "Er schloss am Montag den Vertrag ohne die ausdrückliche Zustimmung des Kabinetts.",
])
def test_support_as_the_manner_of_another_act_is_no_support(sentence):
    assert "SUPPORT" not in [e.plover_type for e in extract_events(sentence, REFERENCE)]
