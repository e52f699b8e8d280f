import json

from flows.evaluate import bag_of_words_scores, evaluate_pages


def test_bag_of_words_scores():
    assert bag_of_words_scores("a b b c", "a b c d") == (0.75, 0.75)
    assert bag_of_words_scores("", "a") == (0.0, 0.0)


def test_evaluate_pages_scores_a_small_gold_corpus(tmp_path):
    (tmp_path / "page_text").mkdir()
    (tmp_path / "page_text" / "p1.txt").write_text(
        "Stadtrat beschließt Haushalt\n\n18.05.2026\n\nDer Stadtrat hat am Montag den Haushalt "
        "beschlossen. Die Opposition stimmte dagegen.\n\nImpressum | Kontakt", encoding="utf-8")
    gold = {"page_text_file": "page_text/p1.txt", "title": "Stadtrat beschließt Haushalt",
            "publishing_date": "2026-05-18 09:00:00", "authors": ["Anna Beispiel"],
            "body_text": "Der Stadtrat hat am Montag den Haushalt beschlossen. Die Opposition "
                         "stimmte dagegen."}
    (tmp_path / "articles.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    scores, articles = evaluate_pages(tmp_path)
    assert (scores.pages, scores.rejected, scores.title_exact, scores.date_same_day) == \
        (1, 0, 1, 1)
    assert scores.body_recall == [1.0]
    assert scores.body_precision == [1.0]  # "Impressum | Kontakt" is not prose: not body
    assert scores.authors_found == 0
    assert "| newsetl | page text |" in scores.table()


def test_quote_scores_pair_by_overlap_and_judge_speakers():
    from flows.evaluate import QuoteScores, _score_quotes

    gold = [{"quote": {"text": "„Wir sind bereit.“"}, "speaker": {"text": "Die Kanzlerin"}},
            {"quote": {"text": "Das Land habe keine Wahl"}, "speaker": {"text": ""}}]
    predicted = [{"text": "Wir sind bereit.", "speaker": "Angela Merkel",
                  "speaker_mention": "Die Kanzlerin"},
                 {"text": "ganz andere Worte", "speaker": None, "speaker_mention": None}]
    scores = QuoteScores()
    _score_quotes(scores, gold, predicted)
    assert (scores.overlap, scores.gold_tokens, scores.predicted_tokens) == (3, 8, 6)
    assert (scores.paired, scores.speaker_right) == (1, 1)  # no gold speaker: not judged


def test_evaluate_quotes_reads_the_wikinews_text_as_the_body(tmp_path):
    """The corpus's text is the article body: a quotation in its short first paragraph is
    scored as found (through a text dump the cleaner would take that paragraph for a teaser)."""
    from flows.evaluate import evaluate_quotes

    text = ("„Wir bleiben hart“, sagte Bürgermeisterin Anna Weber am Montag.\n\n"
            "Der Stadtrat hatte zuvor über den Haushalt beraten. Die Sitzung dauerte lange.")
    quote = "„Wir bleiben hart“"
    document = {"documentName": "12 - Stadtrat berät Haushalt (2010-03-01)",
                "originalText": text,
                "annotations": [{"type": "Direct", "quote": {"text": quote},
                                 "speaker": {"text": "Bürgermeisterin Anna Weber"}}]}
    (tmp_path / "documents.jsonl").write_text(json.dumps(document) + "\n", encoding="utf-8")
    scores = evaluate_quotes(tmp_path)
    assert (scores["direct"].recall, scores["direct"].precision) == (1.0, 1.0)
    assert (scores["all"].paired, scores["all"].speaker_right) == (1, 1)


def test_the_quotes_gate_fails_when_a_speaker_is_wrong(tmp_path):
    from flows.cli import EXIT_INVALID, EXIT_OK, main

    def corpus(speaker: str) -> str:
        document = {"documentName": "12 - Stadtrat berät Haushalt (2010-03-01)",
                    "originalText": "„Wir bleiben hart“, sagte Bürgermeisterin Anna Weber.",
                    "annotations": [{"type": "Direct", "quote": {"text": "Wir bleiben hart"},
                                     "speaker": {"text": speaker}}]}
        folder = tmp_path / speaker.replace(" ", "_")
        folder.mkdir()
        (folder / "documents.jsonl").write_text(json.dumps(document) + "\n", encoding="utf-8")
        return str(folder)

    floors = ["--min-direct-f1", "0.9", "--min-speaker", "0.9"]
    assert main(["eval", "quotes", "--corpus", corpus("Anna Weber"), *floors]) == EXIT_OK
    assert main(["eval", "quotes", "--corpus", corpus("Der Kämmerer"), *floors]) == EXIT_INVALID


def test_the_events_gate_fails_when_a_date_is_wrong(tmp_path):
    from flows.cli import EXIT_INVALID, EXIT_OK, main

    sentence = "Die Polizei nahm am Montag in Berlin drei Männer fest."
    document = {"documentName": "12 - Festnahmen in Berlin (2010-03-03)",
                "originalText": sentence}
    (tmp_path / "documents.jsonl").write_text(json.dumps(document) + "\n", encoding="utf-8")

    def gold(day: str) -> str:
        event = {"sentence": sentence, "types": ["COERCE"], "date": day, "precision": "day",
                 "actors": ["Polizei"], "targets": []}
        path = tmp_path / f"gold-{day}.jsonl"
        path.write_text(json.dumps({"doc": "12", "published": "2010-03-03",
                                    "events": [event]}) + "\n", encoding="utf-8")
        return str(path)

    floors = ["--corpus", str(tmp_path), "--min-event-dates", "1", "--min-actors", "1"]
    assert main(["eval", "events", "--gold", gold("2010-03-01"), *floors]) == EXIT_OK
    assert main(["eval", "events", "--gold", gold("2010-02-22"), *floors]) == EXIT_INVALID


def test_the_language_gate_fails_when_a_german_text_is_told_foreign(tmp_path, capsys):
    from flows.cli import EXIT_ERROR, EXIT_INVALID, EXIT_OK, main

    german = "Der Stadtrat hat am Montag den Haushalt beschlossen, die Opposition war dagegen."
    english = "The city council approved the budget on Monday, and the opposition was against it."
    (tmp_path / "page_text").mkdir()
    (tmp_path / "page_text" / "a.txt").write_text(german, encoding="utf-8")
    assert main(["eval", "language", "--corpus", str(tmp_path), "--min-german", "1"]) == EXIT_OK
    (tmp_path / "page_text" / "b.txt").write_text(english, encoding="utf-8")
    assert main(["eval", "language", "--corpus", str(tmp_path), "--min-german", "1"]) == \
        EXIT_INVALID
    assert "told not German: b.txt: language detected as 'en'" in capsys.readouterr().out
    assert main(["eval", "language", "--corpus", str(tmp_path / "none")]) == EXIT_ERROR


def test_an_event_date_is_judged_at_the_gold_precision():
    from datetime import date

    from flows.evaluate_events import date_right

    def right(gold_date, precision, ours):
        return date_right({"date": gold_date, "precision": precision}, {"event_date": ours})

    assert right("2008-03-14", "week", date(2008, 3, 12))  # the same week, another day
    assert not right("2008-03-14", "week", date(2008, 3, 17))  # the week after
    assert right("2008-03-14", "approx", date(2008, 3, 13))  # the day before
    assert not right("2008-03-14", "day", date(2008, 3, 13))
    assert right("2008-03", "month", date(2008, 3, 30))
