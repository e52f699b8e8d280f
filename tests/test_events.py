from datetime import date

import pytest

from flows.stages.events import PLOVER_TYPES, extract_events, required_text, triggers


def _events(seeds, prefix, plover_type):
    return [e for e in seeds[prefix].events if e["plover_type"] == plover_type]


def test_evidence_offsets_and_types(seeds):
    for processed in seeds.values():
        body = processed.article["body"]
        for event in processed.events:
            assert body[event["char_start"]:event["char_end"]] == event["evidence"]
            assert event["plover_type"] in PLOVER_TYPES


def test_paris_attacks_share_one_key_and_keep_their_own_figures(seeds):
    attacks = {prefix: next(e for e in _events(seeds, prefix, "ASSAULT")
                            if e["location"] == "Paris") for prefix in ("001", "002")}
    assert {e["event_date"] for e in attacks.values()} == {date(2015, 11, 13)}
    assert attacks["001"]["event_key"] == attacks["002"]["event_key"]
    assert (attacks["001"]["casualties"], attacks["002"]["casualties"]) == (129, 130)
    assert attacks["001"]["mode"] is None  # "Anschlagsserie": shootings and bombings


def test_dated_meetings_calls_and_attacks(seeds):
    visit = next(e for e in _events(seeds, "001", "CONSULT") if e["location"] == "Moskau")
    assert visit["event_date"] == date(2015, 11, 26)
    assert {"Francois Hollande", "Wladimir Putin"} <= set(visit["actors"])
    call = next(e for e in _events(seeds, "002", "CONSULT") if e["mode"] == "phone")
    assert date(2015, 11, 16) <= call["event_date"] <= date(2015, 11, 22)
    assert call["date_precision"] == "week"
    sinai = next(e for e in _events(seeds, "002", "ASSAULT") if e["location"] == "Sinai")
    assert (sinai["event_date"], sinai["casualties"]) == (date(2015, 10, 31), 224)
    berlin = next(e for e in _events(seeds, "003", "CONSULT") if e["location"] == "Berlin")
    assert berlin["event_date"] == date(2015, 9, 20)  # "kommt am Sonntag": the next Sunday


def test_no_event_without_a_date_or_inside_a_quotation():
    assert extract_events("Die Armee flog Luftangriffe auf Stellungen der Miliz.",
                          date(2015, 11, 17)) == []
    quoted = "„Am Montag gab es Luftangriffe“, sagte er."
    assert extract_events(quoted, date(2015, 11, 17)) == []


def test_undated_article_keeps_the_date_text():
    (event,) = extract_events("Bei dem Anschlag in Paris am 13. November starben 130 Menschen.",
                              None)
    assert (event.event_date, event.date_text, event.casualties) == (None, "13. November", 130)


def test_paris_attacks_share_one_key_across_all_three_reports(corpus):
    keys = {prefix: {e["event_key"] for e in corpus[prefix].events
                     if e["plover_type"] == "ASSAULT" and e["location"] == "Paris"}
            for prefix in ("000", "001", "002")}
    assert all(len(found) == 1 for found in keys.values())
    assert len(set.union(*keys.values())) == 1
    casualties = {prefix: {e["casualties"] for e in corpus[prefix].events
                           if e["location"] == "Paris" and e["casualties"]}
                  for prefix in ("000", "001", "002")}
    assert casualties == {"000": {130}, "001": {129}, "002": {130}}


def test_the_hollande_putin_call_shares_one_key(corpus):
    calls = {prefix: [e for e in corpus[prefix].events if e["mode"] == "phone"]
             for prefix in ("001", "002")}
    assert calls["001"][0]["date_text"] == ""  # dated by the publication: week before it
    assert calls["001"][0]["event_key"] == calls["002"][0]["event_key"]


def test_repaired_dates_re_resolve_the_events(corpus):
    strike = next(e for e in corpus["004"].events if "Marschflugkörper" in e["description"])
    assert strike["event_date"] == date(2015, 11, 17)  # "am Dienstag" of the corrected week


REFERENCE = date(2024, 4, 22)


@pytest.mark.parametrize("sentence", [
    "Die Kommission traf am Montag die Vorauswahl unter 70 Bewerbern.",  # eine Auswahl treffen
    "Sie trifft am Dienstag gern ihre eigenen Entscheidungen.",
    "Die Trauerfeier wurde am Freitag in die Messehalle verlegt.",  # not troops
    "Viele Eltern unterstützen am Wochenende den Verein.",
    "Der Beitritt ist für Ende 2026 vereinbart worden.",  # a target date, not when
    "Die EU soll die Verhandlungen bis Ende des Jahres aufnehmen, forderte er.",
])
def test_idioms_other_senses_and_deadlines_are_not_events(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_a_yearless_date_in_a_report_is_in_the_past():
    (event,) = extract_events("Durch den Terrorangriff der Hamas am 7. Oktober auf Israel "
                              "eskalierte die Lage.", REFERENCE)
    assert event.event_date == date(2023, 10, 7)


def test_a_yearless_date_in_an_announcement_is_in_the_future():
    (event,) = extract_events("Die Gewerkschaften wollen über die Dreierrunde am 9. Juli "
                              "beraten.", date(2025, 6, 30))
    assert event.event_date == date(2025, 7, 9)


def test_troops_moved_are_a_deployment():
    (event,) = extract_events("Am Montag wurden 300 Soldaten nach Litauen verlegt.", REFERENCE)
    assert (event.plover_type, event.event_date) == ("MOBILIZE", date(2024, 4, 22))


@pytest.mark.parametrize("sentence", [
    "Der Sicherheitsrat ist durch Konflikte der Veto-Mächte am Montag blockiert.",  # not a veto
    "Die Synode tagt beim Frühjahrs-Treffen bis Donnerstag in Coburg.",  # until, not when
    "Die Armee teilte am Montag mit, sie habe einen Raum im Lager getroffen.",  # hit, not met
    "Die Spieler demonstrierten am 16. Juli ihre Stärke.",  # showed, not protested
    "Am Mittwoch bekam die Universität Besuch von Ermittlungsbehörden.",  # a raid, not a visit
])
def test_other_senses_of_trigger_words_are_not_events(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_a_passive_present_is_not_the_future_and_killing_verbs_count():
    (event,) = extract_events(
        "In Balad, das von Schiiten bewohnt wird, explodierten bereits am Donnerstagabend vier "
        "Autobomben und töteten 98 Menschen.", date(2005, 9, 30))
    assert (event.event_date, event.casualties) == (date(2005, 9, 29), 98)


@pytest.mark.parametrize("sentence", [
    "Österreich spielt am 10. Januar in Wien gegen Tschechien, die Schweiz trifft auf Schweden.",
    "Die Hunde trafen am Montag mit leichter Verzögerung ein.",
    "Die Demonstration am Montag wurde abgesagt.",
])
def test_more_senses_that_are_not_the_event(sentence):
    assert extract_events(sentence, REFERENCE) == []


def test_a_demanded_resignation_is_a_request_not_a_resignation():
    events = extract_events("Die Aktionäre forderten am Mittwoch den Rücktritt des Vorstands.",
                            REFERENCE)
    assert [e.plover_type for e in events] == ["REQUEST"]


@pytest.mark.parametrize(("word", "needed"), [
    (r"Luftschl[äa]g\w*", "Luftschl"),
    (r"\w*[Aa]nschl[äa]g\w*", "nschl"),
    (r"Angriffe?\s+(?:auf|gegen)", "Angriff"),
    (r"sich\s+(?:\w+\s+){0,6}getroffen", "getroffen"),
    (r"Unterstützung\s+zu(?:gesagt|sagte)", "Unterstützung"),
    (r"Angriffs{0,1}ziel\w*", "Angriff"),
    (r"Treffen|Gipfel", ""),  # alternatives share nothing
])
def test_a_trigger_word_needs_its_plain_text(word, needed):
    assert required_text(word) == needed


def test_every_trigger_match_contains_what_its_word_needs():
    # the sentence filter is only a shortcut: a sentence it skips has no trigger
    for trigger in triggers():
        for sentence in TRIGGER_SENTENCES:
            if trigger.pattern.search(sentence):
                assert any(needed in sentence for needed in trigger.needs), sentence


TRIGGER_SENTENCES = [
    "Bei einem Luftschlag auf das Dorf starben am Montag zwölf Menschen.",
    "Der Terroranschlag vom 13. November erschütterte Paris.",
    "Die Angriffe gegen Stellungen der Miliz gingen am Dienstag weiter.",
    "Die beiden Minister haben sich am Rande der Konferenz in Wien getroffen.",
    "Moskau hat Damaskus Unterstützung zugesagt.",
    "Die Truppen zogen sich am Freitag zurück.",
    "Er bat um Hilfe, warf der Regierung Versagen vor und trat zurück.",
]
