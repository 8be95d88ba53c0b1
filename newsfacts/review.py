"""A static HTML page to review the records against their texts.

Each document is shown with its entities, dates and facts highlighted in place (`<mark>` elements with
`data-kind`), beside a table of its facts (value, qualifier, role, city, evidence). A small inline script
filters by kind, city and free text; the filter is kept in the address (`review.html#kind=money`).
Everything is inline and escaped: the page needs no server and no network, it opens from disk.

The text of a record is read again from disk, with `newsfacts.reader.read`, so that the character
offsets of the spans match: from `--text-root`/<doc_id>.txt, `--text-root`/<file name of source>,
`--text-root`/<source>, then the `source` path itself (relative paths also beside the JSONL file).
A text that is missing, or whose bytes changed since the extraction, is reported on the page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePath

from .reader import InputError, read
from .record import Fact, Record
from .stats import grouped
from .tables import UNKNOWN, document_date

ENTITY_KINDS = {
    "persons": "person",
    "organisations": "organisation",
    "cities": "city",
    "regions": "region",
    "countries": "country",
}
FACT_KINDS = ("money", "detained", "victims", "crimes", "seized")
# Which span is drawn outside when two cover the same text: facts around entities around dates.
_PRIORITY = {kind: 0 for kind in FACT_KINDS} | {kind: 1 for kind in ENTITY_KINDS.values()} | {"date": 2}


@dataclass
class Span:
    start: int
    end: int
    kind: str  # data-kind: a fact kind (money...), an entity kind (person, city...) or date
    title: str  # tooltip
    ident: str | None = None  # element id (facts), shared by the pieces of a span cut in two
    extra: dict = field(default_factory=dict)  # more data-* attributes

    def piece(self, start: int, end: int) -> Span:
        return Span(start, end, self.kind, self.title, self.ident, self.extra)


def _attributes(span: Span, first: bool) -> str:
    cls = "fact" if span.kind in FACT_KINDS else "entity"
    parts = [f'class="{cls}"', f'data-kind="{html.escape(span.kind)}"', f'title="{html.escape(span.title)}"']
    if span.ident:
        parts.append(f'data-fact="{html.escape(span.ident)}"')
        if first:
            parts.append(f'id="{html.escape(span.ident)}"')
    for name, value in span.extra.items():
        parts.append(f'data-{name}="{html.escape(str(value))}"')
    return " ".join(parts)


def highlight(text: str, spans: list[Span]) -> str:
    """The text as HTML with every span wrapped in a <mark>. Spans nest; a span that crosses the end of
    another is cut in two pieces (same data-fact). Spans outside the text are dropped."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    seen: set[str] = set()

    def render(start: int, end: int, spans: list[Span]) -> str:
        out = []
        position = start
        pending = sorted(spans, key=lambda s: (s.start, -s.end, _PRIORITY.get(s.kind, 3)))
        while pending:
            outer = pending.pop(0)
            if outer.start < position:  # a tail already handled (zero-width after cutting)
                if outer.end <= position:
                    continue
                outer = outer.piece(position, outer.end)
            out.append(html.escape(text[position : outer.start]))
            inner, rest = [], []
            for span in pending:
                if span.start >= outer.end:
                    rest.append(span)
                elif span.end <= outer.end:
                    inner.append(span)
                else:  # crosses the end of outer: the part inside nests, the rest goes on after it
                    inner.append(span.piece(span.start, outer.end))
                    rest.append(span.piece(outer.end, span.end))
            first = outer.ident not in seen
            if outer.ident:
                seen.add(outer.ident)
            out.append(f"<mark {_attributes(outer, first)}>")
            out.append(render(outer.start, outer.end, inner))
            out.append("</mark>")
            position = outer.end
            pending = sorted(rest, key=lambda s: (s.start, -s.end, _PRIORITY.get(s.kind, 3)))
        out.append(html.escape(text[position:end]))
        return "".join(out)

    return render(0, len(text), valid)


# -- finding the texts ----------------------------------------------------------------------------------


def _files_by_name(root: Path) -> dict[str, list[Path]]:
    index: dict[str, list[Path]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            index.setdefault(path.name, []).append(path)
    return index


def candidates(
    record: Record, text_root: Path | str | None, base: Path | str | None, index: dict | None = None
) -> list[Path]:
    """Where the text of a record may be, in the order tried. Under `text_root`, subfolders count:
    `corpus/second/x.txt` is found from `--text-root corpus/` (`index`: its files by name)."""
    text_root = None if text_root is None else Path(text_root)
    base = None if base is None else Path(base)
    paths = []
    source = record.source if record.source not in (None, "", "-") else None
    if text_root is not None:
        paths.append(text_root / f"{record.doc_id}.txt")
        if source:
            parts = PurePath(source).parts
            paths += [
                text_root.joinpath(*parts[i:]) for i in range(len(parts)) if not PurePath(parts[i]).root
            ]
        index = _files_by_name(text_root) if index is None else index
        paths += index.get(f"{record.doc_id}.txt", [])
        if source:
            paths += index.get(PurePath(source).name, [])
    if source:
        paths.append(Path(source))
        if base is not None and not PurePath(source).is_absolute():
            paths.append(base / source)
    return list(dict.fromkeys(paths))


@dataclass
class Found:
    text: str | None
    path: Path | None
    problems: list[str]


def find_text(
    record: Record,
    text_root: Path | str | None = None,
    base: Path | str | None = None,
    index: dict | None = None,
) -> Found:
    """The record's text: the first candidate with the record's bytes (SHA-256), else the first that
    exists (reported as changed), else not found."""
    tried = candidates(record, text_root, base, index)
    changed = None
    for path in tried:
        if not path.is_file():
            continue
        try:
            found = read(path)
        except InputError as error:
            return Found(None, path, [f"{path}: cannot read the text ({error.kind}: {error})"])
        if found.sha256 == record.sha256:
            return Found(found.text, path, [])
        changed = changed or (found, path)
    if changed is not None:
        found, path = changed
        problem = (
            f"{path} changed since the extraction (its SHA-256 differs from the record's): "
            "highlights may be misplaced"
        )
        return Found(found.text, path, [problem])
    where = ", ".join(str(p) for p in tried) or "no source path in the record; use --text-root"
    return Found(None, None, [f"text not found (tried: {where})"])


def find_texts(records: list[Record], text_root: Path | str | None = None, base: Path | str | None = None):
    """find_text for each record (the files under `text_root` listed once)."""
    index = _files_by_name(Path(text_root)) if text_root is not None else None
    return [find_text(record, text_root, base, index) for record in records]


# -- the page ---------------------------------------------------------------------------------------


def fact_value(fact: Fact) -> str:
    value = grouped(fact.value)
    if fact.unit:
        return f"{value} {fact.unit} {fact.item}" if fact.item else f"{value} {fact.unit}"
    return f"{value} {fact.currency}" if fact.currency else value


QUALIFIER_SIGNS = {
    "exact": "",
    "more_than": "more than",
    "less_than": "less than",
    "about": "about",
    "range_low": "range, low end",
    "range_high": "range, high end",
}


def _fact_title(fact: Fact) -> str:
    parts = [fact.kind, fact_value(fact), fact.qualifier]
    if fact.role:
        parts.append(fact.role)
    parts.append(f"city: {fact.city or UNKNOWN}")
    return " · ".join(parts)


def spans_of(record: Record, index: int) -> list[Span]:
    spans = []
    for field_name, kind in ENTITY_KINDS.items():
        for entity in getattr(record, field_name):
            for start, end in entity.mentions:
                spans.append(Span(start, end, kind, f"{kind}: {entity.name}"))
    for day in record.dates:
        period = day.start.isoformat() if day.start == day.end else f"{day.start} … {day.end}"
        spans.append(Span(day.span[0], day.span[1], "date", f"date: {period}"))
    for number, fact in enumerate(record.facts):
        spans.append(
            Span(
                fact.span[0],
                fact.span[1],
                fact.kind,
                _fact_title(fact),
                ident=f"d{index}-f{number}",
                extra={"city": fact.city or UNKNOWN, "qualifier": fact.qualifier},
            )
        )
    return spans


def _fact_rows(record: Record, index: int, text: str | None) -> str:
    rows = []
    for number, fact in enumerate(record.facts):
        ident = f"d{index}-f{number}"
        city = fact.city or UNKNOWN
        check = ""
        if text is not None and text[fact.span[0] : fact.span[1]] != fact.text:
            check = ' <span class="warn" title="the text at the span is not the evidence">⚠ moved</span>'
        rows.append(
            f'<tr class="fact-row" data-kind="{fact.kind}" data-city="{html.escape(city)}" '
            f'data-fact="{ident}">'
            f'<td><span class="swatch" data-kind="{fact.kind}"></span>{fact.kind}</td>'
            f'<td class="num">{html.escape(fact_value(fact))}</td>'
            f"<td>{html.escape(QUALIFIER_SIGNS[fact.qualifier] or 'exact')}</td>"
            f"<td>{html.escape(fact.role or '')}</td>"
            f"<td>{html.escape(city)}</td>"
            f'<td><a href="#{ident}">{html.escape(fact.text)}</a>{check}</td>'
            "</tr>"
        )
    return "".join(rows)


def _document(record: Record, index: int, found: Found) -> str:
    day, day_source = document_date(record)
    meta = [f"<b>{html.escape(record.doc_id)}</b>"]
    if record.source:
        meta.append(f"<code>{html.escape(record.source)}</code>")
    if day is not None:
        origin = "published" if day_source == "published" else "from the text"
        meta.append(f"date {day.isoformat()} ({origin})")
    meta.append(f"{len(record.facts)} facts")
    notes = [*record.warnings, *found.problems]
    kinds = sorted({fact.kind for fact in record.facts})
    cities = sorted({fact.city or UNKNOWN for fact in record.facts})
    if found.text is not None:
        body = f'<div class="text">{highlight(found.text, spans_of(record, index))}</div>'
    else:
        body = '<div class="text missing">No text: the facts and their evidence are on the right.</div>'
    head = "".join(f"<th>{name}</th>" for name in ("kind", "value", "qualifier", "role", "city", "evidence"))
    table = (
        f'<table class="facts"><thead><tr>{head}</tr></thead>'
        f"<tbody>{_fact_rows(record, index, found.text)}</tbody></table>"
        if record.facts
        else '<p class="none">No facts.</p>'
    )
    return (
        f'<section class="doc" id="d{index}" data-doc="{html.escape(record.doc_id)}" '
        f'data-kinds="{" ".join(kinds)}" data-cities="{html.escape("|".join(cities))}">'
        f"<header>{' · '.join(meta)}</header>"
        + "".join(f'<p class="warn">{html.escape(note)}</p>' for note in notes)
        + f'<div class="grid">{body}<div class="side">{table}</div></div></section>'
    )


def _asset(name: str) -> str:
    return resources.files("newsfacts").joinpath("templates", name).read_text(encoding="utf-8")


def page(
    records: list[Record],
    text_root: Path | None = None,
    base: Path | None = None,
    title: str = "newsfacts review",
    notes: list[str] | None = None,
    found: list[Found] | None = None,
) -> str:
    """The whole page as one string (`found`: the texts, when already looked up with find_texts)."""
    documents = []
    missing = 0
    founds = find_texts(records, text_root, base) if found is None else found
    for index, (record, one) in enumerate(zip(records, founds, strict=True)):
        missing += one.text is None
        documents.append(_document(record, index, one))
    facts = sum(len(r.facts) for r in records)
    summary = f"{len(records)} documents, {facts} facts"
    if missing:
        summary += f", {missing} texts not found"
    for note in notes or []:
        summary += f", {note}"
    template = _asset("review.html")
    replacements = {
        "/*STYLE*/": _asset("review.css"),
        "/*SCRIPT*/": _asset("review.js"),
        "<!--TITLE-->": html.escape(title),
        "<!--SUMMARY-->": html.escape(summary),
        "<!--DOCUMENTS-->": "\n".join(documents) or '<p class="none">No records.</p>',
    }
    # In this order, each marker once per place in the template: nothing inserted is searched again.
    for marker, value in replacements.items():
        template = template.replace(marker, value, template.count(marker) if marker == "<!--TITLE-->" else 1)
    return template


def write(records: list[Record], output: Path | str, **options) -> None:
    Path(output).write_text(page(records, **options), encoding="utf-8")
