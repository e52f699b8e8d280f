"""Intake: find input files, decode them robustly and normalise the text.

Every file found ends as either a `Document` or a `Rejection`; nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from flows.stages.newsplease import Record, records_from_json, records_from_jsonl
from flows.stages.page import PageMeta, without_surrogates
from flows.stages.webpage import NotAPageError, read_page

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json",
           ".jsonl": "jsonl"}
DEFAULT_MAX_BYTES = 5_000_000

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# runs of spaces and tabs become one space; a lone plain space is left alone (most are)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Document:
    source_file: str
    source_sha256: str
    text: str
    encoding: str
    source_format: str = "txt"
    source_record: int | None = None  # line of the record in a .jsonl file
    page: PageMeta | None = None  # what an HTML page or a JSON record says besides the text

    @property
    def article_id(self) -> str:
        return content_id(self.text)


@dataclass(frozen=True)
class Rejection:
    source_file: str
    source_sha256: str | None
    stage: str
    reason: str
    detail: str
    run_id: str | None = None  # set when a later run carries an earlier run's reject over
    source_record: int | None = None


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def content_id(text: str) -> str:
    """Stable article id: the same normalised text always gives the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def discover(raw_dir: Path) -> list[Path]:
    """All input files below raw_dir, sorted. Linked folders are not entered; a linked file
    is listed (and rejected when read if it points outside raw_dir)."""
    root = raw_dir.resolve()
    found = []
    for folder, _dirs, files in os.walk(root, followlinks=False):
        for name in files:
            path = Path(folder) / name
            if input_format(name):
                found.append(path)
    return sorted(found)


def input_format(name: str) -> str | None:
    """txt, html, json or jsonl from the file name (also gzipped: 'page.html.gz'); None if
    the file is not an input."""
    stem = name.lower().removesuffix(".gz")
    return next((fmt for suffix, fmt in FORMATS.items() if stem.endswith(suffix)), None)


def _inside(path: Path, root: Path) -> bool:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return True  # it leads nowhere: reading it fails, with its own reason
    return target.is_relative_to(root)


Loaded = Document | Rejection


def read_document(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """The one document of a single-article file (anything but .jsonl)."""
    return read_inputs(path, raw_dir, max_bytes)[0]


def read_inputs(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Loaded]:
    """Every article of one input file (a .jsonl file holds many), or its rejection."""
    return read_input(path, raw_dir, max_bytes)[1]


def read_input(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES
               ) -> tuple[str | None, list[Loaded]]:
    """The sha256 of one input file's bytes (None when it is not read) and its articles or
    its rejection, from one read of the file."""
    source = display_name(Path(os.path.relpath(path, raw_dir)).as_posix())
    if _NOT_UTF8.search(source) and not path.exists():
        return None, [Rejection(source, None, "intake", "bad_name",
                                "the file name is not UTF-8 (its bytes are shown as \\xNN): "
                                "rename the file to read it")]
    if path.is_symlink() and not _inside(path, raw_dir.resolve()):
        return None, [Rejection(source, None, "intake", "outside_raw",
                                "symbolic link to a file outside the raw folder: not followed")]
    try:
        data = read_bounded(path, max_bytes)
    except InputError as error:
        return None, [Rejection(source, None, "intake", error.reason, error.detail)]
    sha = hashlib.sha256(data).hexdigest()
    return sha, documents_from_bytes(source, data, max_bytes, sha)


class InputError(ValueError):
    """A file that is not read: too large, not a regular file, or unreadable."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes; never blocks on a FIFO, never reads
    an endless device or a huge (sparse) file whole."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise InputError("not_a_file", "not a regular file (a pipe, device or socket)")
        if status.st_size > max_bytes:
            raise InputError("too_large",
                             f"{status.st_size} bytes is over the limit of {max_bytes} bytes")
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(max_bytes + 1)  # it may have grown since stat
    except OSError as error:
        if error.errno == errno.ELOOP or (error.errno == errno.ENOENT and path.is_symlink()):
            raise InputError("not_a_file", "a symbolic link that leads to no file (a loop, or "
                             "its target is gone)") from error
        raise InputError("unreadable", f"cannot read file: {error.strerror or error}") \
            from error
    if len(data) > max_bytes:
        raise InputError("too_large", f"more than {max_bytes} bytes")
    return data


_NOT_UTF8 = re.compile(r"\\x[89a-f][0-9a-f]")


def display_name(name: str) -> str:
    """A file name as rows can hold it: bytes that are not UTF-8 written as \\xNN."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def documents_from_bytes(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES,
                         sha: str | None = None) -> list[Loaded]:
    """The documents of a file's bytes; whatever the bytes do, they end as rejections, never
    as an exception that would stop the run. `sha`: the bytes' sha256 if already known."""
    sha = sha or hashlib.sha256(data).hexdigest()
    try:
        return _documents(source, sha, data, max_bytes)
    except Exception as error:  # noqa: BLE001 - one file must never stop the run
        return [Rejection(source, sha, "intake", "processing_error",
                          f"{type(error).__name__}: {str(error)[:200]}")]


def _documents(source: str, sha: str, data: bytes, max_bytes: int) -> list[Loaded]:
    fmt = input_format(source) or "txt"
    try:
        raw_text, encoding = unpack_and_decode(source, data, max_bytes)
    except UndecodableError as error:
        return [Rejection(source, sha, "intake", error.reason, error.detail)]
    if fmt == "html":
        return [_page_document(source, sha, raw_text, encoding)]
    if fmt in ("json", "jsonl"):
        read = records_from_jsonl if fmt == "jsonl" else records_from_json
        return [_record_document(source, sha, record, encoding, fmt) for record in read(raw_text)]
    return [_text_document(source, sha, raw_text, encoding)]


def document_from_bytes(source: str, data: bytes) -> Loaded:
    return documents_from_bytes(source, data)[0]


def input_name(source_file: str, source_record: int | None) -> str:
    """What names one input: the file, or 'file.jsonl#line' for a record of a .jsonl file."""
    return source_file if source_record is None else f"{source_file}#{source_record}"


def unpack_and_decode(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES
                      ) -> tuple[str, str]:
    """The text of a file's bytes (gunzipped first for '.gz') and the encoding it was in."""
    if source.lower().endswith(".gz"):
        data = _gunzip(data, max_bytes)
    return decode(data)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompressed bytes of every gzip member, at most max_bytes of them (a small file can
    unpack to gigabytes)."""
    result = b""
    while data:
        try:
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            result += inflater.decompress(data, max_bytes + 1 - len(result))
        except zlib.error as error:
            raise UndecodableError("corrupt_gzip", f"not a readable gzip file: {error}") \
                from error
        if len(result) > max_bytes or inflater.unconsumed_tail:
            raise UndecodableError("too_large", f"unpacks to more than {max_bytes} bytes")
        if not inflater.eof:
            raise UndecodableError("corrupt_gzip", "gzip data ends early (truncated file)")
        data = inflater.unused_data.lstrip(b"\0")  # the next member, if any
    return result


def _text_document(source: str, sha: str, raw_text: str, encoding: str) -> Loaded:
    text = normalise(raw_text)
    if not text:
        return Rejection(source, sha, "intake", "empty", "no text after decoding and normalising")
    return Document(source, sha, text, encoding)


def _page_document(source: str, sha: str, markup: str, encoding: str) -> Loaded:
    try:
        page = read_page(markup)
    except NotAPageError as error:
        return Rejection(source, sha, "intake", "not_html", f"cannot parse as HTML: {error}")
    text = normalise(page.text)
    if not text:
        return Rejection(source, sha, "clean", "no_body", "no article text found in the page")
    return Document(source, sha, text, encoding, "html", page=page.meta)


def _record_document(source: str, sha: str, record: Record, encoding: str, fmt: str
                     ) -> Loaded:
    text = normalise(record.text)
    if record.error or not text:
        return Rejection(source, sha, "intake", record.error or "missing_field",
                         record.detail or "news-please record without text in 'maintext'",
                         source_record=record.line)
    return Document(source, sha, text, encoding, fmt, record.line, record.meta)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: BOMs first, then UTF-8, then cp1252 (Latin-1 for its five gaps)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                raise UndecodableError("undecodable", f"invalid {codec}: {error.reason}") \
                    from error
    if b"\x00" in data[:4096] or _looks_binary(data[:4096]):
        raise UndecodableError("binary", "binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        prefix = data[: error.start]
        # Cut inside a last character, after valid multi-byte UTF-8: the file was truncated.
        # Without such evidence a trailing high byte is more likely cp1252 ("Â" is 0xC2).
        if error.reason == "unexpected end of data" and not prefix.isascii():
            return prefix.decode("utf-8"), "utf-8 (truncated)"
    return _decode_cp1252(data), "cp1252"


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _latin1_for_cp1252_gaps(error: UnicodeDecodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; Latin-1 maps them to C1 controls.
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("newsetl-latin1", _latin1_for_cp1252_gaps)


def _decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="newsetl-latin1")


def normalise(text: str) -> str:
    """NFC, LF line ends, no control or invisible characters or lone surrogates, single
    spaces, stripped lines."""
    text = without_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL_CHARS.sub(" ", text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()
