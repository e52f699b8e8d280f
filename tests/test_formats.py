"""HTML pages and news-please JSON: small real-shaped fixtures, broken ones, and a whole run."""

import gzip
import json

import duckdb
import pytest
from conftest import RUN_STARTED

from flows.process import ProcessedArticle, process_document
from flows.run import RunConfig, run_plain
from flows.stages.intake import Document, Rejection, discover, documents_from_bytes
from flows.stages.page import choose_title, iso_date, split_authors

BODY = [
    "Der Stadtrat von Kassel hat am Montag den Haushalt für das kommende Jahr beschlossen. "
    "Die Opposition stimmte geschlossen dagegen und kritisierte die neuen Schulden.",
    "„Wir investieren in Schulen und Brücken“, sagte Oberbürgermeisterin Anna Beispiel nach "
    "der Sitzung. Die Stadt will dafür 40 Millionen Euro mehr ausgeben als im Vorjahr.",
    "Die Fraktion der Grünen forderte, das Geld stärker in den Nahverkehr zu lenken. Eine "
    "Entscheidung darüber soll im Frühjahr fallen, wenn die Zahlen des Landes vorliegen.",
]

PAGE = """<!DOCTYPE html><html lang="de"><head>
<title>Stadtrat beschließt Haushalt | Kasseler Bote</title>
<meta property="og:title" content="Stadtrat beschließt Haushalt | Kasseler Bote">
<meta property="og:site_name" content="Kasseler Bote">
<link rel="canonical" href="https://www.kasseler-bote.example/politik/haushalt-123.html">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Kasseler Bote"},
 {"@type": "NewsArticle", "headline": "Stadtrat beschlie&szlig;t Haushalt",
  "datePublished": "2026-05-18T09:00:00+02:00",
  "author": [{"@type": "Person", "name": "Ben Muster"}],
  "publisher": {"@type": "Organization", "name": "Kasseler Bote"}}]}</script>
</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article><h1>Stadtrat beschließt Haushalt</h1>
<p>{0}</p>
<figure><img src="a.jpg"><figcaption>Das Rathaus in Kassel. Foto: Stadt Kassel</figcaption>
</figure>
<p>{1}</p><p>{2}</p></article>
<footer><p>Impressum</p><p>Datenschutz</p></footer>
</body></html>"""


def _page(markup: str = PAGE) -> str:
    return markup.replace("{0}", BODY[0]).replace("{1}", BODY[1]).replace("{2}", BODY[2])


def _one(source: str, data: bytes):
    loaded = documents_from_bytes(source, data)
    assert len(loaded) == 1
    return loaded[0]


def test_an_html_page_gives_text_and_the_metadata_of_its_markup():
    document = _one("page.html", _page().encode())
    assert isinstance(document, Document) and document.source_format == "html"
    result = process_document(document, {}, RUN_STARTED)
    assert isinstance(result, ProcessedArticle)
    article = result.article
    assert article["title"] == "Stadtrat beschließt Haushalt"
    assert article["published_date"].isoformat() == "2026-05-18"
    assert article["authors"] == ["Ben Muster"]
    assert article["publisher"] == "Kasseler Bote"
    assert article["url"] == "https://www.kasseler-bote.example/politik/haushalt-123.html"
    assert article["body"].startswith("Der Stadtrat von Kassel")
    assert "Startseite" not in article["body"] and "Impressum" not in article["body"]
    assert [(q["kind"], q["speaker"]) for q in result.quotes] == [
        ("direct", "Anna Beispiel"), ("indirect", "Fraktion Grünen")]  # "forderte, ... zu"


def test_a_gzipped_page_is_read_like_the_plain_one():
    plain = _one("page.html", _page().encode())
    packed = _one("page.html.gz", gzip.compress(_page().encode()))
    assert packed.text == plain.text and packed.page == plain.page


def test_broken_html_and_broken_gzip_are_rejected_with_a_reason():
    truncated = _page()[: _page().index("{") if "{" in _page() else 400]
    cases = {
        "cut.html": (truncated[:300].encode(), "no_body"),
        "empty.html": (b"<html><body></body></html>", "no_body"),
        "tags only.htm": (b"<div><div><span></div>" * 50, "no_body"),
        "bad.html.gz": (b"\x1f\x8b\x08\x00garbage", "corrupt_gzip"),
        "cut.html.gz": (gzip.compress(_page().encode())[:200], "corrupt_gzip"),
    }
    for name, (data, reason) in cases.items():
        result = _one(name, data)
        assert isinstance(result, Rejection), name
        assert result.reason == reason, (name, result.detail)


def test_a_gzip_bomb_is_refused_without_unpacking_it():
    bomb = gzip.compress(b"<p>" + b"a" * 20_000_000)
    result = documents_from_bytes("bomb.html.gz", bomb, max_bytes=1_000_000)[0]
    assert isinstance(result, Rejection) and result.reason == "too_large"


NEWS_PLEASE = {
    "title": "Stadtrat beschließt Haushalt", "maintext": "\n".join(BODY),
    "description": "Kassel hat einen neuen Haushalt.", "date_publish": "2026-05-18 09:00:00",
    "authors": ["Ben Muster"], "url": "https://www.kasseler-bote.example/haushalt",
    "source_domain": "kasseler-bote.example", "language": "de", "title_page": None,
    "date_download": "2026-05-18 10:00:00", "image_url": None,
}


def test_a_news_please_record_maps_onto_the_article_columns():
    document = _one("record.json", json.dumps(NEWS_PLEASE).encode())
    assert document.source_format == "json" and document.source_record is None
    article = process_document(document, {}, RUN_STARTED).article
    assert (article["title"], article["authors"], article["publisher"]) == \
        ("Stadtrat beschließt Haushalt", ["Ben Muster"], "kasseler-bote.example")
    assert article["date_raw"] == "2026-05-18 09:00:00"
    assert article["published_date"].isoformat() == "2026-05-18"
    assert article["body"].split("\n\n") == BODY


def test_jsonl_lines_become_articles_or_rejects_each_with_its_line():
    lines = [
        json.dumps(NEWS_PLEASE),
        "",
        json.dumps({**NEWS_PLEASE, "maintext": None}),
        "{not json",
        json.dumps({k: v for k, v in NEWS_PLEASE.items() if k in ("maintext",)}),
        json.dumps(["a list"]),
    ]
    loaded = documents_from_bytes("feed.jsonl", "\n".join(lines).encode())
    summary = [(x.source_record, x.reason if isinstance(x, Rejection) else "document")
               for x in loaded]
    assert summary == [(1, "document"), (3, "missing_field"), (4, "invalid_json"),
                       (5, "document"), (6, "invalid_json")]
    bare = loaded[3]
    assert bare.page.title is None and bare.page.date_raw is None


def test_json_that_is_not_an_article_is_rejected():
    for data, reason in [(b"[]", "missing_field"), (b"{}", "missing_field"),
                         (b'"just a string"', "invalid_json"), (b"{\"maintext\": ", "invalid_json"),
                         (b"\x00\x01\x02\x03 not text", "binary")]:
        result = _one("x.json", data)
        assert isinstance(result, Rejection) and result.reason == reason, (data, result)


def test_every_format_is_discovered_and_anything_else_is_not(tmp_path):
    for name in ("a.txt", "b.html", "c.HTM", "d.html.gz", "e.json", "f.jsonl", "g.jpg",
                 "h.json.bak", "i.txt.gz"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in discover(tmp_path)) == \
        ["a.txt", "b.html", "c.HTM", "d.html.gz", "e.json", "f.jsonl", "i.txt.gz"]


def test_a_run_over_mixed_formats_keeps_every_record_and_duckdb_reads_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text(_page(), encoding="utf-8")
    second = {**NEWS_PLEASE, "maintext": NEWS_PLEASE["maintext"].replace("Kassel", "Fulda")}
    (raw / "feed.jsonl").write_text("\n".join(
        [json.dumps(second), "{broken", json.dumps({**second, "maintext": ""})]),
        encoding="utf-8")
    summary = run_plain(RunConfig(raw, tmp_path / "out"))
    assert summary.published
    current = tmp_path / "out" / "current"
    con = duckdb.connect()
    articles = con.execute(
        f"SELECT source_file, source_format, source_record FROM read_parquet("
        f"'{current}/articles/**/*.parquet', hive_partitioning=true) ORDER BY 1").fetchall()
    rejects = con.execute(
        f"SELECT source_file, source_record, reason FROM '{current}/rejects/*.parquet' "
        "ORDER BY 2").fetchall()
    assert articles == [("feed.jsonl", "jsonl", 1), ("page.html", "html", None)]
    assert rejects == [("feed.jsonl", 2, "invalid_json"), ("feed.jsonl", 3, "missing_field")]
    again = run_plain(RunConfig(raw, tmp_path / "out"))
    assert again.processed == 0  # unchanged multi-record files are not redone


def test_the_title_sources_vote():
    assert choose_title(["Haushalt beschlossen", "Haushalt beschlossen | Bote",
                         "Politik | Haushalt beschlossen"]) == "Haushalt beschlossen"
    assert choose_title(["Eine Schlagzeile", "Eine ganz andere"]) == "Eine Schlagzeile"
    assert choose_title([]) is None


def test_machine_dates_become_iso():
    assert iso_date("Fri Apr 28 19:20:36 CEST 2023") == "2023-04-28T19:20:36"
    assert iso_date("Fri, 28 Apr 2023 19:20:36 +0200") == "2023-04-28T19:20:36+02:00"
    assert iso_date("2023-04-28 10:00") == "2023-04-28 10:00"
    assert iso_date("kein Datum") == "kein Datum"


def test_one_source_has_one_publisher_whatever_the_format():
    """An HTML page that calls itself "DER STANDARD" and a news-please record of the same site
    ("www.derstandard.at"): one name, from the table of known domains."""
    page = _page().replace("Kasseler Bote", "DER STANDARD").replace(
        "www.kasseler-bote.example", "www.derstandard.at")
    record = {**NEWS_PLEASE, "url": "https://www.derstandard.at/story/1/haushalt",
              "source_domain": "www.derstandard.at"}
    names = {process_document(_one(name, data), {}, RUN_STARTED).article["publisher"]
             for name, data in (("page.html", page.encode()),
                                ("record.json", json.dumps(record).encode()))}
    assert names == {"Der Standard"}


def test_an_unknown_domain_is_the_publisher_only_as_the_last_resort():
    article = process_document(_one("record.json", json.dumps(
        {**NEWS_PLEASE, "source_domain": "www.kasseler-bote.example"}).encode()), {},
        RUN_STARTED).article
    assert article["publisher"] == "kasseler-bote.example"


@pytest.mark.parametrize(("given", "names"), [
    ("Autor Monika Bolliger", ["Monika Bolliger"]),
    ("Elena Oberholzer (obe), Oliver Maksan (oma)", ["Elena Oberholzer", "Oliver Maksan"]),
    ("Von Anna Muster und Ben Beispiel", ["Anna Muster", "Ben Beispiel"]),
    ("Autorin: Cem Probe", ["Cem Probe"]),
    ("Deutsche Welle (www.dw.com)", ["Deutsche Welle"]),
])
def test_authors_are_names_without_their_labels(given, names):
    assert split_authors(given) == names
