from datetime import date

import pytest
from conftest import RAW_DIR, RUN_STARTED, in_fresh_interpreter

from flows.process import process_document
from flows.stages.intake import Rejection, document_from_bytes
from flows.stages.metadata import detect_language, word_count


def test_seed_metadata(seeds):
    dw = seeds["001"].article
    assert (dw["publisher"], dw["url"]) == ("Deutsche Welle", "https://p.dw.com/p/1H7NK")
    assert dw["agencies"] == ["dpa", "AFP", "Reuters"]
    assert dw["authors"] == ["wl", "qu"]
    ntv = seeds["003"].article
    assert ntv["publisher"] == "n-tv"
    assert ntv["agencies"] == ["dpa", "AFP"] and ntv["authors"] == ["hul"]
    dpa = seeds["004"].article
    assert dpa["publisher"] == "dpa"
    assert dpa["agencies"] == ["dpa"]
    assert dpa["dateline"] == ["Paris", "Moskau", "Washington", "Brüssel"]
    assert seeds["000"].article["publisher"] == "RT Deutsch"


def test_seed_language_and_word_counts(seeds):
    for processed in seeds.values():
        article = processed.article
        assert article["language"] == "de"
        assert article["language_score"] > 0.9
        assert article["word_count"] == word_count(article["body"]) > 250


@pytest.mark.parametrize("prefix, raw, day, precision, status", [
    ("001", "17. November 2015", date(2015, 11, 17), "day", "confirmed"),
    ("002", "26. November 2015", date(2015, 11, 26), "day", "confirmed"),
    ("003", "18.09.2015, 22:08 Uhr", date(2015, 9, 18), "day", "confirmed"),
    ("000", None, None, None, "missing"),
])
def test_seed_raw_dates(seeds, prefix, raw, day, precision, status):
    article = seeds[prefix].article
    assert article["date_raw"] == raw
    assert article["published_date"] == day
    assert article["date_precision"] == precision
    assert article["date_status"] == status
    assert article["date_evidence"]
    assert (article["year"], article["month"]) == ((day.year, day.month) if day else (0, 0))


def test_month_only_raw_date_keeps_its_interval(seeds):
    article = seeds["004"].article
    assert article["date_raw"] == "2018-06"
    assert article["published_earliest"] <= article["published_date"] <= \
        article["published_latest"]


def test_language_is_deterministic_and_short_text_is_unknown():
    text = "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf beschlossen. " * 5
    assert detect_language(text) == detect_language(text)
    assert detect_language(text)[0] == "de"
    assert detect_language("Ja.") == (None, None)


def test_text_in_another_language_is_rejected():
    english = ("Breaking news\n\nThe government announced on Wednesday that the new law will "
               "take effect next year. Critics said the plan was rushed and poorly explained.")
    result = process_document(document_from_bytes("en.txt", english.encode()), {}, RUN_STARTED)
    assert isinstance(result, Rejection)
    assert (result.stage, result.reason) == ("metadata", "not_german")
    assert "'en'" in result.detail


def test_a_file_that_is_only_site_chrome_is_rejected():
    chrome = "1. Zum Inhalt springen\n2. Zur Hauptnavigation springen\n" \
             "3. Zu weiteren Angeboten der DW springen\n"
    result = process_document(document_from_bytes("dw.txt", chrome.encode()), {}, RUN_STARTED)
    assert isinstance(result, Rejection)
    assert result.reason == "no_body"


def test_language_detection_is_right_when_threads_start_at_once():
    """Regression: langdetect's profiles are loaded lazily; Prefect's threads detecting at once
    (before the load was locked) made it call German articles Polish or Afrikaans.
    Runs in a fresh interpreter, since the profiles are loaded once per process."""
    script = (
        "import threading\n"
        "from pathlib import Path\n"
        "from flows.stages.metadata import detect_language\n"
        f"texts = [p.read_text() for p in sorted(Path({str(RAW_DIR)!r}).glob('*.txt'))] * 4\n"
        "found = [None] * len(texts)\n"
        "def work(i): found[i] = detect_language(texts[i])[0]\n"
        "threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(','.join(map(str, found)))\n")
    assert in_fresh_interpreter(script).strip().split(",") == ["de"] * 20


def test_language_is_judged_on_the_prose_not_on_a_table_at_the_start():
    # A German report that opens with English team names (a real Wikinews case)
    table = "\n\n".join(f"Rangers {n} - Flyers {n + 1}\n\nMaple Leafs {n} - Red Wings {n}"
                        for n in range(12))
    text = (f"{table}\n\nNachdem die letzte Saison in der nordamerikanischen Eishockey-Profiliga "
            "wegen des Lockouts ausgefallen war, starteten die Teams am gestrigen Mittwoch in "
            "die neue Saison. Die Zuschauer kamen zahlreich in die Stadien.")
    assert detect_language(text)[0] == "de"


def test_a_table_longer_than_the_prose_does_not_decide_the_language():
    # the real Wikinews case: one long paragraph of NHL results, then the German report
    table = "\n".join(f"Maple Leafs\t{n}  - Red Wings\t{n + 1}  \t" for n in range(40))
    text = (f"{table}\n\nDie Saison begann am Mittwoch mit vielen Spielen, und die Zuschauer "
            "kamen zahlreich in die Stadien, obwohl die Preise gestiegen waren.")
    assert detect_language(text)[0] == "de"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The city council approved the budget on Monday after a long debate. The mayor "
           "said that the new plan would help schools and hospitals in the coming years."),
    ("fr", "Le conseil municipal a approuvé le budget lundi après un long débat. Le maire a "
           "déclaré que le nouveau plan aiderait les écoles et les hôpitaux."),
    ("it", "Il consiglio comunale ha approvato il bilancio lunedì dopo un lungo dibattito. Il "
           "sindaco ha detto che il nuovo piano aiuterà le scuole e gli ospedali."),
    ("nl", "De gemeenteraad heeft maandag na een lang debat de begroting goedgekeurd. De "
           "burgemeester zei dat het nieuwe plan de scholen en ziekenhuizen zal helpen."),
    ("pl", "Rada miejska zatwierdziła w poniedziałek budżet po długiej debacie. Burmistrz "
           "powiedział, że nowy plan pomoże szkołom i szpitalom w najbliższych latach."),
])
def test_news_in_other_languages_is_told_apart_from_german(language, text):
    assert detect_language(text)[0] == language
