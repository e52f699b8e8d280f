from datetime import date

import pytest

from flows.stages.temporal import find_expressions, parse_date_value

TUESDAY = date(2015, 11, 17)


@pytest.mark.parametrize("raw, earliest, latest, precision", [
    ("17. November 2015", date(2015, 11, 17), date(2015, 11, 17), "day"),
    ("18.09.2015, 22:08 Uhr", date(2015, 9, 18), date(2015, 9, 18), "day"),
    ("2015-11-17T10:00:00+01:00", date(2015, 11, 17), date(2015, 11, 17), "day"),
    ("Dienstag, 17. Nov. 2015", date(2015, 11, 17), date(2015, 11, 17), "day"),
    ("2018-06", date(2018, 6, 1), date(2018, 6, 30), "month"),
    ("November 2015", date(2015, 11, 1), date(2015, 11, 30), "month"),
    ("17.11.15", date(2015, 11, 17), date(2015, 11, 17), "day"),
])
def test_parse_date_value(raw, earliest, latest, precision):
    value = parse_date_value(raw)
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)


@pytest.mark.parametrize("raw", ["", "kein Datum", "31.02.2015", "am Dienstag"])
def test_parse_date_value_rejects_non_dates(raw):
    assert parse_date_value(raw) is None


@pytest.mark.parametrize("text, reference, expected, precision", [
    ("am 13. November", TUESDAY, date(2015, 11, 13), "day"),
    ("am 30. Dezember", date(2016, 1, 3), date(2015, 12, 30), "day"),
    ("am Freitag", TUESDAY, date(2015, 11, 13), "day"),
    ("am Dienstag", TUESDAY, date(2015, 11, 17), "day"),
    ("kommenden Dienstag (24. November)", TUESDAY, date(2015, 11, 24), "day"),
    ("am Donnerstag kommender Woche", TUESDAY, date(2015, 11, 26), "day"),
    ("vergangenen Freitag", date(2015, 11, 20), date(2015, 11, 13), "day"),
    ("seit dem 30. September", TUESDAY, date(2015, 9, 30), "day"),
    ("Ende September", TUESDAY, date(2015, 9, 25), "month"),
    ("im März 2014", TUESDAY, date(2014, 3, 16), "month"),
    ("gestern", TUESDAY, date(2015, 11, 16), "day"),
    ("in der vergangenen Woche", date(2015, 11, 26), date(2015, 11, 19), "week"),
    ("am Wochenende", TUESDAY, date(2015, 11, 14), "week"),
    ("Am Wochenende", TUESDAY, date(2015, 11, 14), "week"),  # opening a sentence: was no date
    ("Letztes Jahr", TUESDAY, date(2014, 7, 2), "year"),  # nominative, opening a sentence
    ("nächstes Jahr", TUESDAY, date(2016, 7, 1), "year"),
    ("Anfang dieses Jahres", TUESDAY, date(2015, 3, 1), "year"),  # middle of January-April
    ("heuer", TUESDAY, date(2015, 7, 2), "year"),  # (Austrian) this year: its middle
    ("Letzten Freitag", TUESDAY, date(2015, 11, 13), "day"),  # capitalised, opening a sentence
    ("in der Nacht zum Sonntag", TUESDAY, date(2015, 11, 15), "day"),  # the day it ended in
    ("in der Nacht auf den Montag", TUESDAY, date(2015, 11, 16), "day"),
    ("in der Nacht von Samstag auf Sonntag", TUESDAY, date(2015, 11, 15), "day"),
    ("in der Nacht zu Montag", TUESDAY, date(2015, 11, 16), "day"),
    ("am vorigen Freitag", TUESDAY, date(2015, 11, 13), "day"),
    ("Ende vergangener Woche", TUESDAY, date(2015, 11, 12), "week"),
    ("vorige Woche", TUESDAY, date(2015, 11, 12), "week"),
    ("Anfang der Woche", TUESDAY, date(2015, 11, 19), "week"),
    ("im vergangenen Monat", TUESDAY, date(2015, 10, 16), "month"),
    ("im Vorjahr", TUESDAY, date(2014, 7, 2), "year"),
])
def test_find_expressions_resolves_against_the_reference(text, reference, expected, precision):
    (expression,) = find_expressions(f"Das geschah {text} in Paris.", reference)
    assert expression.text.endswith(text.split()[-1].rstrip(")") + (")" if ")" in text else ""))
    assert (expression.value.best, expression.value.precision) == (expected, precision)


@pytest.mark.parametrize("text, expected", [
    ("am Freitagabend", date(2015, 11, 13)),
    ("am Mittwochnachmittag", date(2015, 11, 11)),
    ("am Montagmorgen", date(2015, 11, 16)),
    ("am späten Montagabend", date(2015, 11, 16)),
])
def test_a_weekday_with_a_part_of_the_day_is_that_weekday(text, expected):
    (expression,) = find_expressions(f"Das geschah {text} in Paris.", TUESDAY)
    assert (expression.value.best, expression.value.precision) == (expected, "day")


@pytest.mark.parametrize("text, earliest, latest, precision", [
    ("Das geschah vor drei Tagen.", date(2015, 11, 14), date(2015, 11, 14), "day"),
    ("Vor zwei Wochen wurde er gewählt.", date(2015, 10, 31), date(2015, 11, 6), "week"),
    ("Das geschah vor einem Monat.", date(2015, 10, 1), date(2015, 10, 31), "month"),
    ("Vor 20 Jahren zwangen Streiks die Regierung zum Rückzug.", date(1995, 1, 1),
     date(1995, 12, 31), "year"),
])
def test_a_time_ago_is_counted_back_from_the_reference(text, earliest, latest, precision):
    (found,) = find_expressions(text, date(2015, 11, 17))
    assert (found.value.earliest, found.value.latest, found.value.precision) == \
        (earliest, latest, precision)


@pytest.mark.parametrize("text", ["Das geschah vor wenigen Wochen.", "Vor dem Haus standen sie."])
def test_a_vague_or_spatial_vor_is_no_time_ago(text):
    assert find_expressions(text, date(2015, 11, 17)) == []


def test_future_tense_resolves_a_bare_weekday_forward():
    (expression,) = find_expressions("Kerry kommt am Sonntag nach Berlin.", date(2015, 9, 18),
                                     future=True)
    assert expression.value.best == date(2015, 9, 20)


def test_expressions_without_a_reference_stay_unresolved_unless_absolute():
    found = find_expressions("Am 13. November und am 2. Mai 2016 geschah es.", None)
    assert [e.text for e in found] == ["13. November", "2. Mai 2016"]
    assert found[0].value is None
    assert found[1].value.best == date(2016, 5, 2)


def test_expressions_do_not_overlap_and_keep_offsets():
    text = "Am Dienstag (24. November) und am 1. Dezember 2015."
    found = find_expressions(text, TUESDAY)
    for expression in found:
        assert text[expression.start:expression.end] == expression.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize("raw, expected", [
    # page dumps glue words and dates together (found on the fundus pages)
    ("Publiziert17. Dezember 2024, 12:17", date(2024, 12, 17)),
    ("30.01.202430. Januar 2024", date(2024, 1, 30)),
    ("Wissenschaft21.12.202121. Dezember 2021", date(2021, 12, 21)),
])
def test_dates_glued_to_words_are_read_to_the_day(raw, expected):
    value = parse_date_value(raw)
    assert (value.best, value.precision) == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("Gestern wurden 30 Menschen festgenommen.", date(2015, 11, 16)),  # opens the sentence
    ("Heute hat der Rat beschlossen.", TUESDAY),
    ("Vergangene Woche demonstrierten sie.", date(2015, 11, 9)),
])
def test_relative_words_that_open_a_sentence_are_read(text, expected):
    found = find_expressions(text, TUESDAY)
    assert [e.value.earliest for e in found] == [expected]


def test_the_morning_is_not_tomorrow():
    assert find_expressions("Am Morgen kam er nach Hause.", TUESDAY) == []


@pytest.mark.parametrize("text, day", [
    ("am heutigen Samstag", date(2010, 2, 20)),
    ("Am gestrigen Tag", date(2010, 2, 19)),
    ("am vorgestrigen Donnerstag", date(2010, 2, 18)),
])
def test_an_adjective_of_today_or_yesterday_names_the_day(text, day):
    (found,) = find_expressions(f"Das geschah {text}.", date(2010, 2, 20))
    assert (found.value.best, found.value.precision) == (day, "day")
