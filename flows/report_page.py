"""The validation results as one self-contained HTML page: no script, no stylesheet or font
from the network, so it reads the same on a server without internet (Great Expectations' own
Data Docs draw their index with scripts from CDNs and are blank offline)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin-bottom: 2em; width: 100%; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.passed { color: #17692b; } .failed { color: #a40e26; font-weight: bold; }
code { font-size: 90%; }
"""
_EXAMPLES = 5


@dataclass(frozen=True)
class CheckRow:
    """One expectation of a suite, as it came out."""
    expectation: str
    column: str | None
    success: bool
    detail: str


@dataclass(frozen=True)
class SuiteResult:
    table: str
    rows: tuple[CheckRow, ...]

    @property
    def success(self) -> bool:
        return all(row.success for row in self.rows)


def suite_result(table: str, validation) -> SuiteResult:
    """From Great Expectations' ExpectationSuiteValidationResult."""
    return SuiteResult(table, tuple(
        CheckRow(r.expectation_config.type, r.expectation_config.kwargs.get("column"),
                 bool(r.success), _detail(r.result or {}))
        for r in validation.results))


def _detail(result: dict) -> str:
    if "unexpected_count" in result:
        examples = result.get("partial_unexpected_list") or []
        shown = ", ".join(map(str, examples[:_EXAMPLES]))
        return f"{result['unexpected_count']} unexpected" + (f" (e.g. {shown})" if shown else "")
    if "observed_value" in result:
        return f"observed: {result['observed_value']}"
    return ""


def render(suites: list[SuiteResult], title: str) -> str:
    verdict = "passed" if all(s.success for s in suites) else "failed"
    checked = sum(len(s.rows) for s in suites)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f"<p id=\"verdict\" class=\"{verdict}\">Validation {verdict}: {checked} "
             f"expectations on {len(suites)} tables.</p>"]
    parts += [_suite_table(suite) for suite in suites]
    parts.append("</body></html>")
    return "\n".join(parts)


def _suite_table(suite: SuiteResult) -> str:
    state = "passed" if suite.success else "failed"
    failed = sum(not row.success for row in suite.rows)
    rows = "".join(
        f"<tr><td class=\"{'passed' if row.success else 'failed'}\">"
        f"{'passed' if row.success else 'failed'}</td><td><code>{escape(row.expectation)}"
        f"</code></td><td>{escape(row.column or '')}</td><td>{escape(row.detail)}</td></tr>"
        for row in suite.rows)
    return (f"<h2 id=\"{escape(suite.table)}\">{escape(suite.table)}: <span class=\"{state}\">"
            f"{state}</span> ({len(suite.rows)} expectations, {failed} failed)</h2>"
            "<table><tr><th>result</th><th>expectation</th><th>column</th><th>detail</th></tr>"
            f"{rows}</table>")
