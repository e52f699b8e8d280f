import re

import pytest
from conftest import RAW_DIR, seed_path

from flows.process import Scan, recurring_lines, scan
from flows.stages.clean import clean
from flows.stages.intake import document_from_bytes, normalise
from flows.stages.profiles import detect_profile, generic_profile

# What in the sample files is not article text, written down by hand (not the pipeline's rules).
NOT_ARTICLE_TEXT = [
    r"^\d\. Zu(?:m Inhalt| weiteren Angeboten der DW|r Hauptnavigation) springen$",
    r"^Karte .* NEU!$",
    r"^Trends: #.*$",
    r"^https://p\.dw\.com/p/\w+$",
    r"^.*\(Foto: [^)]*\)$",
    r"^.*Bild: .*$",
    r"^[a-z]{2}/[a-z]{2} \([a-z, ]+\)$",
    r"^Quelle: .*$",
    r"^date \S+ ",
    r"^[\w/ü]+ \(dpa\) - ",
    r"^\d+\. \w+ \d{4}$",
    r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$",
    r"^Der IS startete immer wieder Angriffe auf das syrische Kobane\.$",  # an n-tv caption
]
CHROME_IN_BODY = ["springen", "NEU!", "Trends:", "http", "Foto:", "Bild:", "picture", "(dpa, afp",
                  "(afp, dpa)", "Quelle:", "date 2018", "(dpa) -", "Kobane."]


def _article_lines(raw: str) -> list[str]:
    lines = []
    for line in normalise(raw).split("\n"):
        for pattern in NOT_ARTICLE_TEXT:
            line = re.sub(pattern, "", line).strip()
        if line:
            lines.append(line)
    return lines


def _cleaned(prefix: str):
    text = normalise(seed_path(prefix).read_text(encoding="utf-8"))
    return clean(text, detect_profile(text))


SEEDS = [p.name[:3] for p in sorted(RAW_DIR.glob("*.txt"))]


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_body_has_no_chrome_captions_or_credits(prefix):
    body = _cleaned(prefix).body
    found = [marker for marker in CHROME_IN_BODY if marker in body]
    assert found == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_keeps_every_line_of_article_text(prefix):
    cleaned = _cleaned(prefix)
    kept = "\n".join(filter(None, [cleaned.title, cleaned.teaser, cleaned.body]))
    missing = [line for line in _article_lines(seed_path(prefix).read_text(encoding="utf-8"))
               if line not in kept]
    assert missing == []


def test_repeated_headline_appears_once():
    cleaned = _cleaned("000")
    assert cleaned.title.startswith("Frankreich und Russland einigen sich")
    assert cleaned.title not in cleaned.body


def test_paragraphs_are_separated_by_blank_lines():
    cleaned = _cleaned("003")  # one paragraph per line in the dump
    assert len(cleaned.paragraphs) >= 6
    assert cleaned.body.count("\n\n") == len(cleaned.paragraphs) - 1
    assert "\n\n" not in "".join(cleaned.paragraphs)


def test_header_parts_are_separated():
    dw = _cleaned("001")
    assert dw.title == "Putin: Frankreich Verbündeter gegen IS"
    assert dw.date_text == "17. November 2015"
    assert dw.url == "https://p.dw.com/p/1H7NK"
    assert dw.teaser.startswith("Die vom französischen Präsidenten Hollande")
    assert dw.body.startswith("Bei einem Telefonat vereinbarten")
    assert len(dw.captions) == 1 and "Kremlchef Putin 2014 in Paris" in dw.captions[0]
    ntv = _cleaned("003")
    assert ntv.captions == ["Der IS startete immer wieder Angriffe auf das syrische Kobane. "
                            "(Foto: picture alliance / dpa)"]
    assert ntv.teaser.startswith("Während Moskau den syrischen Machthaber")


def test_dpa_dateline_and_leading_date_leave_the_body():
    cleaned = _cleaned("004")
    assert cleaned.title is None
    assert cleaned.date_text == "2018-06"
    assert cleaned.dateline_places == ["Paris", "Moskau", "Washington", "Brüssel"]
    assert cleaned.body.startswith("Franzosen und Russen haben seit dem Zweiten Weltkrieg")


def test_publisher_profiles_are_detected_from_their_signatures():
    ids = [detect_profile(normalise(seed_path(p).read_text(encoding="utf-8"))).id
           for p in SEEDS]
    assert ids == ["rt_deutsch", "dw", "dw", "ntv", "dpa"]
    assert detect_profile("Ein Text ohne jede Signatur.").id == "generic"


def _unknown_site_page(number: int) -> str:
    return (f"Meldung Nummer {number} aus der Stadt\n\n"
            "Startseite | Politik | Wirtschaft | Sport\n\n"
            f"Der Stadtrat hat am Montag über den Haushalt {number} beraten. "
            "Die Sitzung dauerte bis in den Abend.\n\n"
            "Newsletter abonnieren und nichts verpassen\n\n"
            "Impressum | Datenschutz | Kontakt")


def test_lines_recurring_across_a_source_are_boilerplate():
    documents = [document_from_bytes(f"{n}.txt", _unknown_site_page(n).encode())
                 for n in range(4)]
    recurring = recurring_lines(scan(d) for d in documents)
    cleaned = clean(documents[0].text, generic_profile(), recurring["generic"])
    assert cleaned.body == ("Der Stadtrat hat am Montag über den Haushalt 0 beraten. "
                            "Die Sitzung dauerte bis in den Abend.")
    assert cleaned.removed_lines == 3


def test_recurring_rule_needs_enough_documents_and_ignores_long_lines():
    long_line = "Ein langer Satz, der in zwei Artikeln vorkommt und Artikeltext ist. " * 4
    scans = [Scan(f"{n}.txt", "generic", {"k-short", "k-" + long_line[:10]}) for n in range(2)]
    assert recurring_lines(scans) == {"generic": set()}


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    text = ("Überschrift\n\nDer Bundestag hat am Donnerstag nach langer Debatte ein neues\n"
            "Gesetz beschlossen, das im kommenden Jahr in Kraft treten soll.\n\n"
            "Zweiter Absatz.")
    cleaned = clean(text, generic_profile())
    assert cleaned.paragraphs == [
        "Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz beschlossen, "
        "das im kommenden Jahr in Kraft treten soll.", "Zweiter Absatz."]


@pytest.mark.parametrize("line", ["Verfügbar bis 06.05.2024.", "Seit Mai 2022 Chefkontrolleur",
                                  "Gültig bis 31.12.2025"])
def test_dates_of_other_things_are_not_the_publication_date(line):
    text = f"Überschrift des Artikels\n\n{line}\n\n18.05.2026\n\nDer Artikeltext beginnt hier."
    assert clean(text, generic_profile()).date_text == "18.05.2026"


def test_a_body_of_nothing_but_stray_lines_does_not_crash_the_cleaner():
    # Regression: zip(strict=True) over the body's blocks and their successors raised on an
    # empty body.
    assert clean("Menü\n\nSuche\n", generic_profile()).paragraphs == []


UNKNOWN_SITE_DUMP = """Feuerwehr fordert mehr Personal - Lokales - Heimatblatt Online

Zum Inhalt springen

Menü

Suche

Lokales

Sport

Feuerwehr fordert mehr Personal

Von Clara Beispiel

Die Freiwillige Feuerwehr der Stadt hat am Dienstag mehr hauptamtliche Kräfte gefordert. \
Die Zahl der Einsätze sei in den vergangenen fünf Jahren um ein Drittel gestiegen.

Link kopieren

Mehr Einsätze, weniger Ehrenamt

Der Kommandant sagte, viele Mitglieder könnten tagsüber nicht mehr ausrücken, weil sie in \
anderen Städten arbeiteten. Die Stadt will im Herbst über zusätzliche Stellen beraten.

Auch interessant

- Neue Drehleiter für die Wache Nord

- Tag der offenen Tür am Samstag

Impressum

Datenschutz

Kontakt"""


def test_a_dump_from_an_unknown_site_keeps_only_its_article():
    cleaned = clean(UNKNOWN_SITE_DUMP, generic_profile())
    assert cleaned.title == "Feuerwehr fordert mehr Personal"
    assert cleaned.bylines == ["Clara Beispiel"]
    assert cleaned.paragraphs[0].startswith("Die Freiwillige Feuerwehr")
    assert cleaned.paragraphs[1] == "Mehr Einsätze, weniger Ehrenamt"  # subheading stays
    assert cleaned.paragraphs[-1].startswith("Der Kommandant sagte")
    assert not any(chrome in cleaned.body for chrome in
                   ("Menü", "Link kopieren", "Drehleiter", "Impressum", "Heimatblatt"))


ARTICLE_ON_A_PAGE = """Stadt baut neue Radwege - Heimatblatt Online

Menü

Stadt baut neue Radwege

Die Stadt will bis zum Jahr 2030 insgesamt vierzig Kilometer neue Radwege bauen. Das hat \
der Stadtrat am Dienstag mit großer Mehrheit beschlossen.

Die Kosten von rund zwölf Millionen Euro sollen zur Hälfte vom Land getragen werden, sagte \
die Bürgermeisterin nach der Sitzung im Rathaus.

"""


def test_a_list_of_teasers_after_the_article_is_not_body():
    teasers = "".join(
        f"{time}\n\n{headline}\n\n{summary}\n\n" for time, headline, summary in [
            ("11:05 Uhr", "Neues Freibad öffnet schon im Mai",
             "Nach zwei Jahren Bauzeit ist das Bad fertig. Die Eintrittspreise steigen leicht."),
            ("10:40 Uhr", "Polizei sucht Zeugen nach Unfall auf der B 27",
             "Ein Radfahrer wurde am Montag schwer verletzt, der Fahrer flüchtete."),
            ("09:12 Uhr", "Musikschule feiert ihr fünfzigjähriges Bestehen",
             "Mit einem Konzert im Stadtpark begeht die Schule am Sonntag ihr Jubiläum."),
        ])
    cleaned = clean(ARTICLE_ON_A_PAGE + "Das könnte Sie auch interessieren\n\n" + teasers
                    + "Impressum\n\nDatenschutz", generic_profile())
    assert cleaned.paragraphs[-1].startswith("Die Kosten von rund zwölf Millionen")
    assert not any(word in cleaned.body for word in ("Freibad", "Unfall", "Musikschule"))


def test_an_article_ending_in_sections_with_subheadings_keeps_them():
    sections = "".join(
        f"{heading}\n\n{text}\n\n" for heading, text in [
            ("Was kostet das?", "Die Stadt rechnet mit zwölf Millionen Euro für alle Abschnitte."),
            ("Wann geht es los?", "Der erste Abschnitt soll im Herbst an der Ringstraße beginnen."),
        ])
    cleaned = clean(ARTICLE_ON_A_PAGE + sections + "Impressum", generic_profile())
    assert cleaned.paragraphs[-1].startswith("Der erste Abschnitt soll im Herbst")


def test_a_comment_section_is_not_body():
    comments = "".join(
        f"{name} sagt:\n\n21. Mai 2024 um 10:17 Uhr\n\n{text}\n\nAntworten\n\n" for name, text in [
            ("Radlerin", "Endlich passiert etwas, aber vierzig Kilometer sind viel zu wenig für "
                         "eine Stadt dieser Größe, und das weiß auch der Stadtrat genau."),
            ("Anwohner", "Wer soll das bezahlen? Die Straßen in unserem Viertel sind seit Jahren "
                         "kaputt und niemand kümmert sich darum, das ist doch ein Skandal."),
        ])
    cleaned = clean(ARTICLE_ON_A_PAGE + "2 Kommentare\n\n" + comments, generic_profile())
    assert cleaned.paragraphs[-1].startswith("Die Kosten von rund zwölf Millionen")
    assert "Skandal" not in cleaned.body and "Radlerin" not in cleaned.body


def test_the_time_stamp_of_the_article_does_not_end_its_body():
    page = ARTICLE_ON_A_PAGE.replace("Die Kosten", "vor 2 Stunden\n\nDie Kosten") + \
        "".join(f"Zum Schluss noch ein Absatz Nummer {n}, der von der Sitzung im Rathaus und den "
                "Plänen der Stadt für die nächsten Jahre berichtet.\n\n" for n in range(12)) + \
        "Antworten\n\nMelden\n\n"
    cleaned = clean(page, generic_profile())
    assert cleaned.paragraphs[1].startswith("Die Kosten von rund zwölf Millionen")
    assert cleaned.paragraphs[-1].startswith("Zum Schluss noch ein Absatz Nummer 11")


def test_site_notices_to_the_reader_and_unfilled_templates_are_chrome():
    notices = ("Bitte melden Sie sich an, um einen Kommentar zu erfassen.\n\n"
               "{* #signInForm *}\n\n{* signInEmailAddress *}\n\n"
               "Wenn Sie nach 10 Minuten kein E-Mail erhalten haben, prüfen Sie bitte Ihren "
               "Spam-Ordner und die Angabe Ihrer E-Mail-Adresse.\n\n"
               "Mit unserem Newsletter bekommst du jeden Mittwoch die wichtigsten Nachrichten "
               "aus der Stadt direkt in dein Postfach.\n\n")
    cleaned = clean(ARTICLE_ON_A_PAGE + notices, generic_profile())
    assert cleaned.paragraphs[-1].startswith("Die Kosten von rund zwölf Millionen")
    assert not any(word in cleaned.body for word in ("Kommentar", "signIn", "Spam", "Newsletter"))


@pytest.mark.parametrize("advice", [
    # a reporter's sentence about mail or accounts, not a notice to the reader
    "Die Verbraucherzentrale warnt vor Mails, in denen Kunden ihr Passwort eingeben sollen.",
    # "Sie" after a quotation is "they"
    "„Das war nicht gut.“ Sie antworteten, dass es in der Werbung anders aussehe.",
])
def test_reporting_about_mail_or_ads_is_article_text(advice):
    cleaned = clean(ARTICLE_ON_A_PAGE + advice + "\n\nImpressum", generic_profile())
    assert cleaned.paragraphs[-1] == advice


def test_a_headline_with_the_word_bild_is_no_caption():
    # Regression: "Erstes Bild: ..." matched the caption-credit pattern ("Bild: dpa"), so the
    # page's <title> line was taken for a caption and "Plus kaufen" became the title.
    page = ("Erstes Bild: So könnte die Seilbahn aussehen\n\nPlus kaufen\n\n"
            + ARTICLE_ON_A_PAGE.split("\n\n", 2)[2])
    cleaned = clean(page, generic_profile())
    assert cleaned.title == "Erstes Bild: So könnte die Seilbahn aussehen"
    assert cleaned.captions == []


def test_a_caption_ending_in_its_credit_is_still_a_caption():
    page = ARTICLE_ON_A_PAGE + "Radfahrer auf der neuen Trasse am Ring. Bild: Anna Muster/dpa\n"
    cleaned = clean(page, generic_profile())
    assert cleaned.captions == ["Radfahrer auf der neuen Trasse am Ring. Bild: Anna Muster/dpa"]


def test_a_page_title_that_asks_a_question_first_is_a_title():
    page = ("Ist die Bratwurst eine Illusion? Das harte Geschäft mit dem Tod | MDR.DE\n\n"
            + ARTICLE_ON_A_PAGE.split("\n\n", 2)[2])
    assert clean(page, generic_profile()).title == \
        "Ist die Bratwurst eine Illusion? Das harte Geschäft mit dem Tod"


@pytest.mark.parametrize("first_line", [
    "Kenia: Nairobi von unten, Tageszeitung junge Welt, 18.05.2026",
    "Kenia: Nairobi von unten - Politik",
])
def test_a_page_title_loses_the_site_and_date_or_section_after_it(first_line):
    page = first_line + "\n\n" + ARTICLE_ON_A_PAGE.split("\n\n", 2)[2]
    assert clean(page, generic_profile()).title == "Kenia: Nairobi von unten"


def _page_with_header(*header_lines: str) -> str:
    body = ARTICLE_ON_A_PAGE.split("\n\n", 3)[3]
    return "\n\n".join(["Radwege: Stadt plant vierzig Kilometer bis 2030 - Heimatblatt",
                        "Menü", "Startseite", "Lokales", *header_lines, body])


def test_the_article_headline_below_the_shown_page_title_wins():
    # The page prints its <title> headline (breadcrumb, teaser) and, under a kicker, the
    # article's own headline: that one is the title.
    page = _page_with_header("Radwege: Stadt plant vierzig Kilometer bis 2030", "Verkehrswende",
                             "Stadtrat beschließt vierzig Kilometer neue Radwege")
    assert clean(page, generic_profile()).title == \
        "Stadtrat beschließt vierzig Kilometer neue Radwege"


@pytest.mark.parametrize("below", [
    "Stadt plant vierzig Kilometer bis 2030",           # only the <title>'s tail
    "Verkehrswende:Stadt plant vierzig Kilometer",      # a kicker glued to a headline
    "Von Anna Muster und Ben Beispiel",                 # a byline
    "Heute im Programm: Wetter und Sport am Abend",     # nothing in common with the title
])
def test_a_line_below_the_shown_page_title_that_is_no_own_headline_keeps_it(below):
    page = _page_with_header("Radwege: Stadt plant vierzig Kilometer bis 2030", "Verkehrswende",
                             below)
    assert clean(page, generic_profile()).title == "Radwege: Stadt plant vierzig Kilometer bis 2030"
