"""HTML pages: the article text (trafilatura) and the page's own metadata (JSON-LD, <meta>).

The text goes on through the same clean stage as a text dump (captions, credits, dateline);
the metadata becomes a `PageMeta`. Structured data wins over heuristics: JSON-LD of an article,
then <meta> tags, then the visible page (h1, <title>, <time>), then trafilatura's guesses.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lxml import etree
from lxml import html as lxml_html

from flows.stages.page import (
    PageMeta,
    author_names,
    choose_title,
    iso_date,
    paragraph_per_line,
    split_authors,
    tidy,
)

_DATE_META = ("article:published_time", "og:published_time", "og:article:published_time",
              "datepublished", "date", "pubdate", "publishdate", "publish-date",
              "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created",
              "sailthru.date", "parsely-pub-date", "article.published")
_AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author",
                "parsely-author", "byl")


class NotAPageError(ValueError):
    """The bytes do not parse as an HTML document."""


@dataclass(frozen=True)
class WebPage:
    text: str
    meta: PageMeta


# "<?xml version="1.0" encoding="utf-8"?>": lxml refuses a decoded string that declares one
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_page(markup: str) -> WebPage:
    """Article text and metadata of one HTML page; text is '' when no article was found."""
    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (etree.ParserError, ValueError) as error:
        raise NotAPageError(str(error) or "empty document") from error
    import trafilatura  # 0.2 s to import: only once a page is read, not for every command

    meta = _page_meta(tree)
    # The parsed tree goes to trafilatura too (parsed once); it prunes the tree, so the
    # metadata is read first.
    try:
        extracted = trafilatura.bare_extraction(tree, url=meta.url, with_metadata=True,
                                                include_comments=False, favor_precision=True)
    except RecursionError:  # JSON nested thousands deep in the page's metadata
        extracted = trafilatura.bare_extraction(tree, url=meta.url, with_metadata=False,
                                                include_comments=False, favor_precision=True)
    if extracted is None:
        return WebPage("", meta)
    return WebPage(paragraph_per_line(extracted.text or ""), _with_fallbacks(meta, extracted))


def _page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    article = _json_ld_article(tree)
    metas = _meta_tags(tree)
    headline = _unescaped(article.get("headline"))
    og_title = metas.get("og:title") or metas.get("twitter:title")
    h1 = next((tidy(h.text_content()) for h in tree.iter("h1")), None)
    page_title = tidy(tree.findtext(".//title"))
    url = _ld_url(article) or metas.get("og:url") or _canonical(tree)
    publisher = _ld_name(article.get("publisher")) or metas.get("og:site_name")
    authors = _ld_authors(article.get("author")) or _meta_authors(metas)
    return PageMeta(
        title=choose_title([c for c in (headline, og_title, h1, page_title) if c]),
        date_raw=iso_date(tidy(article.get("datePublished")) or _first(metas, _DATE_META)
                          or _time_element(tree)),
        authors=tuple(author_names(authors)),
        url=url,
        publisher=publisher,
    )


def _with_fallbacks(meta: PageMeta, extracted) -> PageMeta:
    """Fill what the page's markup left open with trafilatura's own guesses."""
    authors = meta.authors or tuple(author_names(split_authors(extracted.author or "")))
    return replace(
        meta, title=meta.title or tidy(extracted.title),
        date_raw=meta.date_raw or tidy(extracted.date), authors=authors,
        url=meta.url or tidy(extracted.url), publisher=meta.publisher or tidy(extracted.sitename))


def _json_ld_article(tree: lxml_html.HtmlElement) -> dict:
    """The first JSON-LD object typed as an article (NewsArticle, BlogPosting, ...)."""
    for node in _json_ld_objects(tree):
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and ("Article" in k or k == "BlogPosting") for k in kinds):
            return node
    return {}


def _json_ld_objects(tree: lxml_html.HtmlElement) -> Iterator[dict]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = tidy(meta.get("content"))
        if key and value and key not in tags:
            tags[key] = value
    return tags


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[k] for k in keys if k in metas), None)


def _time_element(tree: lxml_html.HtmlElement) -> str | None:
    for time in tree.xpath("//time[@itemprop='datePublished' or @pubdate][@datetime]"):
        return tidy(time.get("datetime"))
    return None


def _unescaped(value: object) -> str | None:
    text = tidy(value)
    return tidy(html.unescape(text)) if text else None


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _unescaped(value)


def _ld_authors(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _ld_name(item)
        if name and not name.startswith("http"):
            names.extend(split_authors(name))
    return list(dict.fromkeys(names))


def _meta_authors(metas: dict[str, str]) -> list[str]:
    value = _first(metas, _AUTHOR_META)
    if not value or value.startswith("http"):
        return []
    return split_authors(value)


def _ld_url(article: dict) -> str | None:
    value = article.get("url") or article.get("mainEntityOfPage")
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    url = tidy(value)
    return url if url and url.startswith("http") else None


def _canonical(tree: lxml_html.HtmlElement) -> str | None:
    for link in tree.xpath("//link[@rel='canonical'][@href]"):
        return tidy(link.get("href"))
    return None
