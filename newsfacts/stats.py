"""Totals per group: how much damage per city, how many detained per month...

Rules, so that a total means what it says:

- Sums are exact (ints and Decimals), never floats.
- Money is summed per currency and per role, never across them: the group key always holds the kind,
  the role and the currency (these two are empty for counts), whatever `by` is. Seized quantities are
  summed per unit (kg, l, pcs...): the key holds the unit too (empty for the other kinds).
- Every fact adds its stated figure once. A range `от 45 до 120 тыс.` (two facts, `range_low` and
  `range_high`, on the same span) adds its low end, and counts as one fact; a `range_high` without its
  `range_low` counts as an "up to" figure.
- `bound` says what the total is: `exact` (only exact figures), `lower` (some figures are "more than"
  or the low end of a range: the true total is at least this), `upper` (some are "less than"/"up to":
  at most this), `approximate` ("about", or both lower and upper figures in one total).
- Only incidents are summed. An aggregate (`с начала года зарегистрировано 4 000 мошенничеств`) is a
  total already: added to the incidents it would count them twice, and two of them over overlapping
  periods would too. Aggregates are listed as reported (`reported`), one row per area, period and figure.
- A story told by several documents (records with the same `story`) is counted once: from its first
  document (the one whose doc_id is the story's, else the first in the input).
- month and year are those of the incident: its own `date` when the text names the day, else the
  document's date: `published` when known, else the first date in its text (`tables.document_date`);
  facts without a city, region or date go into `(unknown)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .tables import UNKNOWN

BY = ("city", "region", "month", "year", "kind", "role", "currency", "crime", "item", "unit")
SCOPES = ("incident", "aggregate")
TIME = ("month", "year")
# What keeps sums apart: always part of the key.
SEPARATE = ("kind", "role", "currency", "unit")
STAT_COLUMNS_AFTER = ["facts", "documents", "total", "bound"]

LOWER = {"more_than", "range_low"}
UPPER = {"less_than", "range_high"}
APPROXIMATE = {"about"}
BOUND_SIGN = {"exact": "", "lower": "≥ ", "upper": "≤ ", "approximate": "≈ "}


@dataclass
class Group:
    key: tuple
    facts: int = 0
    documents: set = field(default_factory=set)
    total: int | Decimal = 0
    qualifiers: set = field(default_factory=set)

    @property
    def bound(self) -> str:
        lower, upper = bool(self.qualifiers & LOWER), bool(self.qualifiers & UPPER)
        if self.qualifiers & APPROXIMATE or (lower and upper):
            return "approximate"
        if lower:
            return "lower"
        if upper:
            return "upper"
        return "exact"


@dataclass
class Stats:
    by: list[str]
    columns: list[str]  # key columns, then STAT_COLUMNS_AFTER
    rows: list[dict]  # one per group of incidents, values exact; key cells are strings, "" for none, UNKNOWN
    facts: int  # incident facts counted (a range is one)
    reported: list[dict] = field(default_factory=list)  # aggregates as reported (REPORTED_COLUMNS)
    stories: int = 0  # documents left out because their story was counted from another one

    @property
    def key_columns(self) -> list[str]:
        return self.columns[: -len(STAT_COLUMNS_AFTER)]


def key_columns(by: Sequence[str]) -> list[str]:
    columns = []
    for name in [*by, *SEPARATE]:
        if name not in columns:
            columns.append(name)
    return columns


def _group_value(row: dict, name: str) -> str:
    if name in TIME:
        day = row.get("fact_date") or row["date"]
        if day is None:
            return UNKNOWN
        return f"{day.year:04d}-{day.month:02d}" if name == "month" else f"{day.year:04d}"
    value = row[name]
    if value is None:
        # A count has no role or currency, only a seizure a unit and an item; a fact may have no city.
        return UNKNOWN if name in ("city", "region") else ""
    return str(value)


def _paired_range_highs(rows: Sequence[dict]) -> set[int]:
    """Indexes of `range_high` rows whose `range_low` is on the same span: the range is counted once."""
    lows = {
        (r["doc_id"], r["kind"], r["currency"], r["start"], r["end"])
        for r in rows
        if r["qualifier"] == "range_low"
    }
    return {
        i
        for i, r in enumerate(rows)
        if r["qualifier"] == "range_high"
        and (r["doc_id"], r["kind"], r["currency"], r["start"], r["end"]) in lows
    }


def _matches(value, wanted: Iterable[str] | None) -> bool:
    return not wanted or value in set(wanted)


def one_per_story(rows: Sequence[dict]) -> tuple[list[dict], int]:
    """The rows of one document per story (the document whose doc_id is the story's, else the first one
    in the input), and how many documents were left out. Rows without a story are all kept."""
    chosen: dict[str, str] = {}
    for row in rows:
        story = row.get("story")
        if story and (story not in chosen or row["doc_id"] == story):
            chosen[story] = row["doc_id"]
    kept = [r for r in rows if not r.get("story") or chosen[r["story"]] == r["doc_id"]]
    left_out = {r["doc_id"] for r in rows} - {r["doc_id"] for r in kept}
    return kept, len(left_out)


def _scope(row: dict) -> str:
    return row.get("scope") or "incident"


def compute(
    rows: Sequence[dict],
    by: Sequence[str] = ("kind",),
    kinds: Iterable[str] | None = None,
    roles: Iterable[str] | None = None,
    currencies: Iterable[str] | None = None,
    crimes: Iterable[str] | None = None,
    scopes: Iterable[str] | None = None,
) -> Stats:
    """Group the tidy fact rows (`tables.fact_rows`) of incidents and total them; list the aggregates as
    reported. Filters keep the facts whose kind, role, currency, crime and scope are among those given
    (None or empty: all)."""
    by = list(dict.fromkeys(by)) or ["kind"]
    for name in by:
        if name not in BY:
            raise ValueError(f"cannot group by {name!r}: choose from {', '.join(BY)}")
    kinds, roles, currencies, crimes, scopes = (
        set(x) if x else None for x in (kinds, roles, currencies, crimes, scopes)
    )
    rows, left_out = one_per_story(rows)
    columns = key_columns(by)
    skip = _paired_range_highs(rows)
    groups: dict[tuple, Group] = {}
    aggregates = []
    counted = 0
    for i, row in enumerate(rows):
        if i in skip:
            continue
        if not (
            _matches(row["kind"], kinds)
            and _matches(row["role"], roles)
            and _matches(row["currency"], currencies)
            and _matches(row.get("crime"), crimes)
            and _matches(_scope(row), scopes)
        ):
            continue
        if _scope(row) == "aggregate":
            aggregates.append(row)
            continue
        key = tuple(_group_value(row, name) for name in columns)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key)
        group.facts += 1
        group.documents.add(row["doc_id"])
        group.total += row["value"]
        group.qualifiers.add(row["qualifier"])
        counted += 1
    ordered = sorted(groups.values(), key=lambda g: _sort_key(g, columns, by))
    out_rows = [
        {
            **dict(zip(columns, group.key, strict=True)),
            "facts": group.facts,
            "documents": len(group.documents),
            "total": _exact(group.total),
            "bound": group.bound,
        }
        for group in ordered
    ]
    return Stats(
        by=by,
        columns=[*columns, *STAT_COLUMNS_AFTER],
        rows=out_rows,
        facts=counted,
        reported=reported(aggregates),
        stories=left_out,
    )


REPORTED_COLUMNS = [
    *("area", "period", "kind", "role", "currency", "item", "unit", "crime", "value", "documents")
]


def reported(rows: Sequence[dict]) -> list[dict]:
    """Aggregates as reported: one row per area, period, kind, role, currency, crime and figure; the
    same figure reprinted by several documents is one row (its documents counted). Never summed."""
    found: dict[tuple, dict] = {}
    for row in rows:
        start, end = row.get("period_start"), row.get("period_end")
        period = f"{start.isoformat()}..{end.isoformat()}" if start and end else UNKNOWN
        cells = {
            "area": row.get("area") or UNKNOWN,
            "period": period,
            "kind": row["kind"],
            "role": row["role"] or "",
            "currency": row["currency"] or "",
            "item": row.get("item") or "",  # a seized quantity: what and in which unit
            "unit": row.get("unit") or "",
            "crime": row.get("crime") or "",
            "value": _exact(row["value"]),
            "qualifier": row["qualifier"],
        }
        key = tuple(cells.values())
        entry = found.setdefault(key, {**cells, "docs": set()})
        entry["docs"].add(row["doc_id"])
    out = [
        {**{k: v for k, v in entry.items() if k != "docs"}, "documents": len(entry["docs"])}
        for entry in found.values()
    ]
    return sorted(
        out,
        key=lambda r: (r["kind"], r["role"], r["currency"], r["area"] == UNKNOWN, r["area"], r["period"]),
    )


def _exact(value: int | Decimal) -> int | Decimal:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _sort_key(group: Group, columns: list[str], by: list[str]):
    # Totals of one kind/role/currency together; inside, (unknown) last, then dates in order and other
    # groups largest first.
    values = dict(zip(columns, group.key, strict=True))
    series = tuple(values[name] for name in SEPARATE if name not in by)
    unknown = tuple(values[name] == UNKNOWN for name in by)
    times = tuple(values[name] for name in by if name in TIME)
    return (series, unknown, times, -group.total, group.key)


def series_of(stats: Stats, row: dict) -> tuple:
    """What one bar chart (one sum) is about: the key columns that are not `by`."""
    return tuple(row[name] for name in stats.key_columns if name not in stats.by)


# -- display -------------------------------------------------------------------------------------------


def grouped(value: int | Decimal) -> str:
    """4200000 -> '4 200 000', Decimal('12.5') -> '12.5'."""
    from .tables import plain_number

    text = plain_number(value)
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return sign + " ".join(parts) + dot + fraction


def shown_total(row: dict) -> str:
    return BOUND_SIGN[row["bound"]] + grouped(row["total"])


DATE_NOTE = (
    "month/year: the incident's own date when the text names the day, else the document's published date "
    "(a `date:` line or front matter), else the first date found in its text"
)
SCOPE_NOTE = (
    "Totals of incidents only. Aggregates (totals over a period and an area, as police statistics give "
    "them) are never added to them nor to each other: they are listed as reported."
)
NOTE = (
    "Money is summed per currency and role, seized quantities per unit, never across them. ≥ lower bound "
    "(includes 'more than' figures or the low end of a range: a range counts its low end), ≤ upper bound "
    "('less than', 'up to'), ≈ approximate."
)


def rich_table(stats: Stats):
    """The table for the terminal. Key columns with one value in every row (after --kind, --role...)
    go into the title instead, so that the rest fits."""
    from rich.table import Table

    constant = {
        name: stats.rows[0][name]
        for name in stats.key_columns
        if name not in stats.by and stats.rows and len({row[name] for row in stats.rows}) == 1
    }
    title = f"newsfacts stats by {', '.join(stats.by)}"
    if any(constant.values()):
        title += ": " + " · ".join(value for value in constant.values() if value)
    table = Table(title=title + " (incidents)", title_justify="left")
    shown = [name for name in stats.columns if name not in constant and name != "bound"]
    for column in shown:
        numeric = column in ("facts", "documents", "total")
        # A key column is folded, never narrower than its longest value up to 12 characters: on a narrow
        # terminal rich would otherwise squeeze the first column to nothing. Figures are never cut.
        width = max([len(column)] + [len(str(row[column])) for row in stats.rows]) if not numeric else None
        table.add_column(
            column,
            justify="right" if numeric else "left",
            no_wrap=numeric,
            min_width=min(width, 12) if width else None,
            overflow="fold",
        )
    for row in stats.rows:
        table.add_row(*(shown_total(row) if column == "total" else str(row[column]) for column in shown))
    return table


def reported_table(stats: Stats):
    """The aggregates as reported, for the terminal; None when there are none. Columns with one value in
    every row go into the title, as in `rich_table`."""
    from rich.table import Table

    if not stats.reported:
        return None
    constant = [
        c
        for c in ("kind", "role", "currency", "item", "unit", "crime")
        # (one row: only its empty columns go; a seized total keeps its item and unit beside the figure)
        if len({row[c] for row in stats.reported}) == 1
        and (len(stats.reported) > 1 or not stats.reported[0][c])
    ]
    title = "reported totals (aggregates, never summed)"
    if any(stats.reported[0][c] for c in constant):
        title += ": " + " · ".join(stats.reported[0][c] for c in constant if stats.reported[0][c])
    table = Table(title=title, title_justify="left")
    shown = [c for c in REPORTED_COLUMNS if c not in constant]
    cells = [
        {
            **{c: str(row[c]) for c in shown},
            "period": short_period(row["period"]),
            "value": BOUND_SIGN[_bound_of(row["qualifier"])] + grouped(row["value"]),
        }
        for row in stats.reported
    ]
    for column in shown:
        width = max([len(column)] + [len(cell[column]) for cell in cells])
        numeric = column in ("value", "documents")
        table.add_column(
            column, justify="right" if numeric else "left", no_wrap=True, min_width=min(width, 22)
        )
    for cell in cells:
        table.add_row(*(cell[c] for c in shown))
    return table


def console_for(*tables):
    """A console for the tables: a terminal's own width; when the output is piped or redirected, as wide as
    the tables need, so that nothing is folded or cut (`newsfacts stats f.jsonl --by city | cat`)."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console()
    if console.is_terminal:
        return console
    wide = Console(width=10_000)
    needed = max(
        (Measurement.get(wide, wide.options, t).maximum for t in tables if t is not None), default=80
    )
    return Console(width=max(80, needed), soft_wrap=False)


def short_period(period: str) -> str:
    """`2025-01-01..2025-12-31` -> `2025`, `2025-01-01..2025-09-30` -> `2025-01..09`; other spans as given."""
    import calendar

    start, _, end = period.partition("..")
    if not end:
        return period
    (y1, m1, d1), (y2, m2, d2) = (tuple(int(x) for x in p.split("-")) for p in (start, end))
    if d1 == 1 and d2 == calendar.monthrange(y2, m2)[1]:
        if y1 == y2 and (m1, m2) == (1, 12):
            return str(y1)
        if y1 == y2:
            return f"{y1}-{m1:02d}" if m1 == m2 else f"{y1}-{m1:02d}..{m2:02d}"
        return f"{y1}-{m1:02d}..{y2}-{m2:02d}"
    return period


def _bound_of(qualifier: str) -> str:
    return Group(key=(), qualifiers={qualifier}).bound


def footnotes(stats: Stats, notes: Sequence[str] = ()) -> list[str]:
    """What the table's signs mean, where the dates come from, what was skipped: shown under it."""
    lines = [] if stats.rows else ["No incident facts match."]
    lines.append(SCOPE_NOTE)
    if stats.stories:
        lines.append(f"{stats.stories} document(s) left out: their story is counted from another document.")
    lines.append(NOTE)
    if any(name in TIME for name in stats.by):
        lines.append(DATE_NOTE + ".")
    lines.extend(notes)
    return lines


# -- the chart ----------------------------------------------------------------------------------------

KIND_LABELS = {
    "money": "Деньги",
    "detained": "Задержано, чел.",
    "victims": "Потерпевшие, чел.",
    "crimes": "Преступления",
    "seized": "Изъято",
}
ROLE_LABELS = {
    "damage": "Ущерб",
    "returned": "Возмещено",
    "bribe": "Взятки",
    "fine": "Штрафы",
    "price": "Цены",
    "other": "Прочие суммы",
}
BY_LABELS = {
    "city": "по городам",
    "region": "по регионам",
    "month": "по месяцам",
    "year": "по годам",
    "kind": "по видам",
    "role": "по назначению",
    "currency": "по валютам",
    "crime": "по видам преступлений",
    "item": "по предметам",
    "unit": "по единицам",
}
MAX_SERIES = 6
UNKNOWN_RU = "(неизвестно)"
MAX_BARS = 20


def compact(value: int | Decimal | float) -> str:
    """Short Russian form of a number for chart labels: 4 200 000 -> '4,2 млн'."""
    value = Decimal(str(value))
    for size, word in ((10**12, "трлн"), (10**9, "млрд"), (10**6, "млн"), (10**3, "тыс.")):
        if abs(value) >= size:
            scaled = (value / size).quantize(Decimal("0.1"))
            text = f"{scaled:f}".removesuffix(".0").replace(".", ",")
            return f"{text} {word}"
    return grouped(_exact(value.normalize()) if value == value.to_integral_value() else value)


def series_title(stats: Stats, series: tuple) -> str:
    names = [name for name in stats.key_columns if name not in stats.by]
    values = dict(zip(names, series, strict=True))
    kind, role, currency = values.get("kind"), values.get("role"), values.get("currency")
    if kind == "money" or (kind is None and currency):
        head = ROLE_LABELS.get(role, "Деньги") if role else "Деньги"
        return f"{head}, {currency}" if currency else head
    if kind == "seized" and values.get("unit"):
        return f"{KIND_LABELS['seized']}, {values['unit']}"
    if kind:
        return KIND_LABELS.get(kind, kind)
    return " · ".join(v for v in series if v)


def plot(stats: Stats, path, title: str | None = None) -> list[str]:
    """Draw the totals as horizontal bars (vertical for months/years), one panel per kind/role/currency.

    Bars of lower bounds are hatched and labelled `≥`. Returns notes on what was left out."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    if not stats.rows:
        raise ValueError("nothing to plot: no facts match")
    panels: dict[tuple, list[dict]] = {}
    for row in stats.rows:
        panels.setdefault(series_of(stats, row), []).append(row)
    notes = []
    if len(panels) > MAX_SERIES:
        largest = sorted(panels, key=lambda s: -sum(r["facts"] for r in panels[s]))[:MAX_SERIES]
        notes.append(
            f"plotted {MAX_SERIES} of {len(panels)} kind/role/currency panels (those with most facts); "
            "choose with --kind, --role, --currency"
        )
        panels = {s: panels[s] for s in panels if s in largest}
    vertical = all(name in TIME for name in stats.by)
    plt.rcParams["font.family"] = "DejaVu Sans"  # ships with matplotlib, has Cyrillic
    heights = []
    most = 0
    for rows in panels.values():
        bars = min(len(rows), MAX_BARS)
        most = max(most, bars)
        heights.append(3.4 if vertical else 0.9 + 0.32 * bars)
    # vertical bars get room: 0.55 inch each, so that month labels and value labels do not overlap
    width = max(8.0, 0.55 * most + 1.5) if vertical else 8.0
    figure, axes = plt.subplots(
        len(panels), 1, figsize=(width, sum(heights) + 0.9), height_ratios=heights, squeeze=False, dpi=90
    )
    for axis, (series, rows) in zip(axes[:, 0], panels.items(), strict=True):
        label = series_title(stats, series)
        if len(rows) > MAX_BARS:
            notes.append(f"{label}: plotted {MAX_BARS} of {len(rows)} groups")
            kept = rows[-MAX_BARS:] if vertical else rows[:MAX_BARS]
            which = "последние" if vertical else "первые"
            label += f" ({which} {MAX_BARS} из {len(rows)}"
            unknown = [row for row in rows if row not in kept and UNKNOWN in row.values()]
            if unknown and len(stats.by) == 1:  # say what the groups left out without a city hold
                label += f"; {UNKNOWN_RU}: {BOUND_SIGN[unknown[0]['bound']]}{compact(unknown[0]['total'])}"
            label += ")"
            rows = kept
        names = [
            " · ".join(UNKNOWN_RU if row[name] == UNKNOWN else row[name] for name in stats.by) for row in rows
        ]
        values = [float(row["total"]) for row in rows]
        hatches = ["//" if row["bound"] != "exact" else "" for row in rows]
        texts = [BOUND_SIGN[row["bound"]] + compact(row["total"]) for row in rows]
        if vertical:
            bars = axis.bar(names, values, color="#4c78a8", edgecolor="white")
            axis.yaxis.set_major_formatter(FuncFormatter(lambda x, _: compact(x) if x else "0"))
            if len(names) > 4:  # `2024-01` side by side overlaps from five bars on: turn them
                axis.tick_params(axis="x", labelrotation=45)
                for tick in axis.get_xticklabels():
                    tick.set_horizontalalignment("right")
            axis.set_ylim(0, max(values) * (1.4 if len(names) > 8 else 1.18) or 1)
        else:
            bars = axis.barh(names, values, color="#4c78a8", edgecolor="white")
            axis.invert_yaxis()
            axis.xaxis.set_major_formatter(FuncFormatter(lambda x, _: compact(x) if x else "0"))
            axis.set_xlim(0, max(values) * 1.22 or 1)
        for bar, hatch in zip(bars, hatches, strict=True):
            bar.set_hatch(hatch)
        crowded = vertical and len(names) > 8
        axis.bar_label(
            bars, labels=texts, padding=3, fontsize=7 if crowded else 8, rotation=90 if crowded else 0
        )
        axis.set_title(label, loc="left", fontsize=10)
        axis.spines[["top", "right"]].set_visible(False)
    heading = title or "newsfacts: " + ", ".join(BY_LABELS.get(name, name) for name in stats.by)
    figure.suptitle(heading, x=0.01, ha="left", fontsize=12)
    footnote = (
        "Только отдельные происшествия; сводные итоги за период не суммируются. "
        "≥ нижняя граница; ≤ верхняя; ≈ примерно"
    )
    if any(name in TIME for name in stats.by):
        footnote += "\nмесяц и год — дата происшествия, иначе дата публикации, иначе первая дата в тексте"
    figure.text(0.01, 0.005, footnote, fontsize=7, color="#555555", va="bottom")
    figure.tight_layout(rect=(0, 0.04 if "\n" not in footnote else 0.06, 1, 0.98))
    figure.savefig(path)
    plt.close(figure)
    return notes
