import codecs
import hashlib
import os
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.run import hash_and_scan_batch
from flows.stages.intake import (
    Document,
    Rejection,
    _looks_binary,
    decode,
    discover,
    document_from_bytes,
    normalise,
    read_document,
)

GERMAN = "Größere Übungen für Änderungen – „Zitat“ und Straße."


@pytest.mark.parametrize("data, encoding", [
    (GERMAN.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "utf-16"),
    (GERMAN.encode("cp1252"), "cp1252"),
])
def test_decode_recognises_each_encoding(data, encoding):
    text, used = decode(data)
    assert text == GERMAN
    assert used == encoding


def test_latin1_bytes_outside_cp1252_still_decode():
    text, used = decode(b"Gr\xf6\xdfe \x81 Ende")
    assert used == "cp1252"
    assert text.startswith("Größe") and text.endswith("Ende")


def test_truncated_utf8_keeps_the_valid_text():
    data = "Große Straße".encode()[:-2]  # the file ends inside the two bytes of "ß"
    text, used = decode(data)
    assert used == "utf-8 (truncated)"
    assert text == "Große Stra"


def test_cp1252_text_ending_in_a_utf8_lead_byte_is_not_truncated():
    # Found by the round-trip property below: "Â" is 0xC2 in cp1252.
    assert decode("Ende Â".encode("cp1252")) == ("Ende Â", "cp1252")


def test_crlf_nbsp_and_decomposed_umlauts_are_normalised():
    raw = "Titel\r\n\r\nDer\u00a0Bu\u0308rgermeister  sagte\tnichts.\r\n\r\n\r\n\r\nEnde "
    assert normalise(raw) == "Titel\n\nDer Bürgermeister sagte nichts.\n\nEnde"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\r\n  ", "empty"),
    (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
])
def test_bad_bytes_become_rejections_with_a_reason(data, reason):
    result = document_from_bytes("x.txt", data)
    assert isinstance(result, Rejection)
    assert result.reason == reason
    assert result.detail


def test_article_id_is_stable_and_independent_of_encoding():
    utf8 = document_from_bytes("a.txt", GERMAN.encode("utf-8"))
    cp1252 = document_from_bytes("b.txt", ("\r\n" + GERMAN + "\r\n").encode("cp1252"))
    assert isinstance(utf8, Document) and isinstance(cp1252, Document)
    assert utf8.article_id == cp1252.article_id
    assert len(utf8.article_id) == 16
    assert utf8.source_sha256 != cp1252.source_sha256


def test_discover_is_recursive_and_links_out_of_the_raw_folder_are_rejected(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2015" / "11").mkdir(parents=True)
    (raw / "a.txt").write_text("a")
    (raw / "2015" / "11" / "b file ä.txt").write_text("b")
    (raw / "notes.md").write_text("not an input")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside")
    os.symlink(outside, raw / "link.txt")
    os.symlink(raw / "a.txt", raw / "inner-link.txt")
    os.symlink(tmp_path, raw / "linked-folder")
    found = [p.relative_to(raw.resolve()).as_posix() for p in discover(raw)]
    assert found == ["2015/11/b file ä.txt", "a.txt", "inner-link.txt", "link.txt"]
    rejected = read_document(raw / "link.txt", raw)
    assert isinstance(rejected, Rejection) and rejected.reason == "outside_raw"
    assert rejected.source_sha256 is None  # the target was never opened
    assert isinstance(read_document(raw / "inner-link.txt", raw), Document)


def test_a_first_run_hashes_and_scans_each_file_from_one_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Titel\n\nText des Artikels.")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside")
    os.symlink(outside, raw / "link.txt")
    hashes, scans = hash_and_scan_batch(["a.txt", "link.txt"], str(raw), 1 << 20)
    sha = hashlib.sha256((raw / "a.txt").read_bytes()).hexdigest()
    assert hashes == [("a.txt", sha), ("link.txt", None)]  # a link out of raw: never read
    assert [s.source_file for s in scans] == ["a.txt"]


def test_unreadable_and_oversized_files_are_rejected(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    unreadable = read_document(tmp_path / "folder.txt", tmp_path)
    # a folder named like an input
    assert isinstance(unreadable, Rejection) and unreadable.reason == "not_a_file"
    (tmp_path / "big.txt").write_text("x" * 2000)
    big = read_document(tmp_path / "big.txt", tmp_path, max_bytes=1000)
    assert isinstance(big, Rejection) and big.reason == "too_large"
    assert "2000 bytes" in big.detail


@given(st.text())
def test_normalise_is_idempotent_and_nfc(text):
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_decode_round_trips_unicode_encodings(text, codec):
    data = text.encode(codec)
    if codec == "utf-8" and ("\x00" in text or not text):
        return
    try:
        decoded, _ = decode(data)
    except ValueError:
        assert "\x00" in text or any(ord(c) < 32 for c in text)  # rejected as binary
        return
    assert decoded == text


@given(st.text(st.characters(codec="cp1252", exclude_categories=["Cc"]), min_size=1))
def test_decode_round_trips_cp1252(text):
    data = text.encode("cp1252")
    decoded, used = decode(data)
    if _reads_as_utf8(data):  # e.g. "Â\xa0" is also UTF-8 for a no-break space
        assert used.startswith("utf-8")
    else:
        assert decoded == text


def _reads_as_utf8(data: bytes) -> bool:
    """Valid UTF-8, or valid multi-byte UTF-8 cut inside its last character (a truncated file):
    real cp1252 German text is almost never either, so UTF-8 wins these ambiguous inputs."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.reason == "unexpected end of data" and not data[:error.start].isascii()
    return True


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_a_rejection(data):
    result = document_from_bytes("fuzz.txt", data)
    assert isinstance(result, (Document, Rejection))
    if isinstance(result, Document):
        assert result.text == normalise(result.text)


@given(st.text(alphabet=" \t\u00a0\u2009\u3000\nab", max_size=40))
def test_normalise_makes_each_run_of_horizontal_space_one_space(text):
    expected = "\n".join(re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n"))
    assert normalise(text) == re.sub(r"\n{3,}", "\n\n", expected).strip()


@given(st.binary(max_size=200))
def test_binary_sniffing_counts_control_bytes(sample):
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    assert _looks_binary(sample) == (bool(sample) and controls / len(sample) > 0.05)
