"""The output registry: rows (a list of dicts) as a text table, CSV or JSON.

Every command that prints rows goes through :func:`render_rows`, so ``--format`` means the same
everywhere. ``table`` is for people: it fits a width (long text wrapped, very long text cut),
shows a command's default columns (:class:`TableSpec`), a heading and a one-line summary, and
shows control characters escaped; ``csv`` and ``json`` keep every column and the full text. CSV
cells that a spreadsheet would run as a formula are neutralised.

>>> print(render_rows([{"id": "1.1", "n": 3}, {"id": "2.1", "n": 10}], "table", width=40), end="")
id    n
────────
1.1   3
2.1   10
<BLANKLINE>
2 rows
>>> render_rows([{"name": "=1+1"}], "csv")
"name\\n'=1+1\\n"
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cfgraph.controls import escape_controls

__all__ = [
    "RENDERERS",
    "TableSpec",
    "render_rows",
    "render_table",
    "safe_cell",
    "visible",
    "count_summary",
    "counted",
    "FORMULA_PREFIXES",
    "CELL_LIMIT",
    "column_widths",
    "fitting",
    "wrap_cell",
]

#: A cell starting with one of these is a formula to Excel/LibreOffice/Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Characters of text longer than this are cut in a table (``--format csv`` has them all).
CELL_LIMIT = 320



@dataclass(frozen=True)
class TableSpec:
    """How a command shows its rows as a table: a heading, the columns shown by default (all when
    empty; ``--all-columns`` shows the rest), what one row is (``finding``) for the summary, the
    summary itself when it says more than a count, and what an empty answer means."""

    title: str = ""
    columns: tuple[str, ...] = ()
    noun: str = "row"
    summary: str = ""
    empty: str = ""
    notes: tuple[str, ...] = field(default=())
    #: Lines under the heading (one per framework, when frameworks answer about different things).
    subtitles: tuple[str, ...] = field(default=())
    #: The frameworks the question was asked of: of several, a ``framework`` column comes first
    #: (whichever frameworks the rows are of), and the summary says which of them gave none.
    frameworks: tuple[str, ...] = field(default=())
    #: Columns a narrow table never leaves out (the point of the command); the others go first.
    required: tuple[str, ...] = field(default=())


def safe_cell(value: Any) -> Any:
    """Prefix text a spreadsheet would evaluate with an apostrophe; leave numbers alone.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(-3), safe_cell("-")
    ("'=HYPERLINK(1)", -3, "'-")
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def visible(text: str) -> str:
    """*text* with control and invisible formatting characters shown escaped (never sent raw to a
    terminal, where ESC and OSC sequences would run): :func:`cfgraph.controls.escape_controls`.

    >>> visible("UN\\x1b]8;;http://x\\x07DP\\u202e")
    'UN\\\\x1b]8;;http://x\\\\x07DP\\\\u202e'
    """
    return escape_controls(text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key)
    return list(columns)


def _plural(n: int, noun: str) -> str:
    """*n* and *noun*, plural unless *n* is 1 (the last word of a phrase).

    >>> _plural(1, "shared agency"), _plural(2, "shared agency"), _plural(0, "match"), _plural(3, "key")
    ('1 shared agency', '2 shared agencies', '0 matches', '3 keys')
    """
    if n == 1:
        return f"1 {noun}"
    if noun.endswith("y") and not noun.endswith(("ay", "ey", "oy")):
        return f"{n} {noun[:-1]}ies"
    return f"{n} {noun}{'es' if noun.endswith(('s', 'x', 'ch')) else 's'}"


#: *n* and a noun, plural unless *n* is 1: every count a person reads (tables, report pages).
counted = _plural


def _singular(plural: str) -> str:
    """The singular of a plural noun phrase (its last word).

    >>> [_singular(p) for p in ("agencies", "lnob groups", "matches", "notes")]
    ['agency', 'lnob group', 'match', 'note']
    """
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "xes", "ches", "shes")):
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") else plural


def count_summary(rows: Sequence[dict[str, Any]], noun: str, column: str, names: dict[str, str]) -> str:
    """``260 findings: 4 errors, 45 warnings, 211 notes``: a count and its split by *column*
    (values in the order of *names*, each read as its plural there).

    >>> rows = [{"s": "info"}, {"s": "error"}, {"s": "info"}]
    >>> count_summary(rows, "finding", "s", {"error": "errors", "info": "notes"})
    '3 findings: 1 error, 2 notes'
    """
    counts = {k: sum(1 for r in rows if r.get(column) == k) for k in names}
    parts = [f"{n} {names[k] if n != 1 else _singular(names[k])}" for k, n in counts.items() if n]
    return _plural(len(rows), noun) + (": " + ", ".join(parts) if parts else "")

#: Characters between two columns of a table (padding, rule, padding).
GUTTER = 3


def _cell(value: Any, width: int | None) -> str:
    """A value as one line of table text: controls escaped, line breaks as spaces, cut when long."""
    text = visible(_text(value).replace("\r\n", " ").replace("\n", " "))
    if width is not None and len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + "…"
    return text


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


#: A piece of a word a line may end after: up to and including a hyphen (``ministry-``).
_PIECE = re.compile(r".+?(?:-(?=[^-])|$)")


def _pieces(word: str) -> list[str]:
    """*word* cut after its hyphens, where an id may wrap.

    >>> _pieces("ministry-of-labour"), _pieces("-3"), _pieces("a--b")
    (['ministry-', 'of-', 'labour'], ['-3'], ['a--', 'b'])
    """
    return _PIECE.findall(word) or [word]


def _longest_piece(text: str) -> int:
    return max((len(p) for w in text.split() for p in _pieces(w)), default=0)


def wrap_cell(text: str, width: int) -> list[str]:
    """*text* as lines at most *width* long: broken between words; a word longer than a line after
    its hyphens (an id: ``ministry-of-labour-`` / ``and-social-protection``), a piece longer than a
    line anywhere.

    >>> wrap_cell("ministry-of-labour-and-social-protection", 20)
    ['ministry-of-labour-', 'and-social-', 'protection']
    >>> wrap_cell("Ministry of Labour and Social Protection", 20)
    ['Ministry of Labour', 'and Social', 'Protection']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if len(joined) <= width:
            line = joined
            continue
        if len(word) <= width:
            lines.append(line)
            line = word
            continue
        chunks = [p[i : i + width] for p in _pieces(word) for i in range(0, len(p), width)]
        for k, chunk in enumerate(chunks):
            glue = " " if k == 0 and line else ""
            if len(line) + len(glue) + len(chunk) <= width:
                line += glue + chunk
            else:
                lines.append(line)
                line = chunk
    lines.append(line)
    return [x for x in lines if x] or [""]


def _level(wanted: Sequence[int], floor: Sequence[int], room: int) -> list[int]:
    """Each width ``min(wanted, max(floor, L))`` for the largest level ``L`` that fits *room*:
    columns narrower than ``L`` keep their width, the wider ones share what is left alike."""
    lo, hi = 0, max(wanted, default=0)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(min(w, max(f, mid)) for w, f in zip(wanted, floor, strict=True)) <= room:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(w, max(f, lo))) for w, f in zip(wanted, floor, strict=True)]


def _narrowed(words: list[list[int]], room: int) -> list[int]:
    """Widths for columns whose longest words (the heading's first) do not all fit *room*: narrow,
    step by step, the column where a step breaks the fewest cells (its heading as twice all) for
    each character still needed; a step goes on to the column's next shorter word when that
    breaks no more cells, and those few (a tenth at most), leaving the room to prose."""

    def broken(ws: list[int], to: int) -> int:
        return sum(w > to for w in ws[1:]) + 2 * len(ws) * (ws[0] > to)

    widths = [max(ws) for ws in words]
    while sum(widths) > room:
        excess, steps = sum(widths) - room, []
        for i, ws in enumerate(words):
            if widths[i] > 1:
                shorter = max([w for w in ws if w < widths[i]] or [widths[i] - 1])
                to = max(shorter, widths[i] - excess)
                cost = broken(ws, to)
                step = shorter if broken(ws, shorter) == cost and cost * 10 <= len(ws) else to
                steps.append((cost / (widths[i] - to), -widths[i], i, step))
        if not steps:
            break
        _, _, i, to = min(steps)
        widths[i] = to
    return widths


#: The width a column of prose gets before the ids of a column of words get their whole width
#: (they wrap at their hyphens until then), and the width it keeps when even that does not fit.
PROSE, PROSE_MIN = 24, 12


def _is_prose(texts: Sequence[str]) -> bool:
    """Whether a column holds prose (most cells of four words or more), not ids or numbers."""
    return sum(len(t.split()) >= 4 for t in texts) * 2 >= len(texts)


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None
) -> list[int | None]:
    """How wide each column of a table *width* characters wide is (``None``: as wide as it needs).

    Each column first gets its narrowest: a column of words (ids, check names, numbers, lists of
    them) its longest piece of a word between hyphens and its heading, a column of prose
    :data:`PROSE_MIN`; then prose up to :data:`PROSE`; then the words up to their longest, so
    that no id wraps while the width allows; then what is left to prose, then to lists, the
    widest columns narrowed first. When even the narrowest do not fit, the column where the
    fewest cells must break a piece is narrowed first.

    >>> column_widths(["id", "text"], [["examplestan-2026-2030", "a b c d e f g h i j k l m n o"]], 40)
    [13, 24]
    >>> column_widths(["id", "text"], [["examplestan-2026-2030", "a b c"]], 80)
    [None, None]
    """
    columns = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    natural = [max(len(t) for t in texts) for texts in columns]
    room = (width or 0) - GUTTER * (len(headers) - 1)
    if width is None or sum(natural) <= room:
        return [None] * len(headers)
    prose = [_is_prose(texts[1:]) for texts in columns]
    whole = [max(_longest_word(t) for t in texts) for texts in columns]
    pieces = [[len(texts[0]), *(_longest_piece(t) or 1 for t in texts[1:])] for texts in columns]
    floor = [min(n, PROSE_MIN) if p else max(ps) for n, p, ps in zip(natural, prose, pieces, strict=True)]
    if sum(floor) > room:
        capped = [[min(w, f) for w in ps] if p else ps for ps, p, f in zip(pieces, prose, floor, strict=True)]
        return list(_narrowed(capped, max(room, len(headers))))
    share = [min(n, PROSE) if p else f for n, p, f in zip(natural, prose, floor, strict=True)]
    fair = _level(share, floor, room)
    ids = _level([f if p else w for p, f, w in zip(prose, fair, whole, strict=True)], fair, room)
    text = _level([n if p else i for n, p, i in zip(natural, prose, ids, strict=True)], ids, room)
    return list(_level(natural, text, room))  # then what is left to lists


def fitting(
    headers: Sequence[str], cells: Sequence[Sequence[str]], width: int, keep: Sequence[str] = ()
) -> list[str]:
    """The columns, in their order, that fit *width* side by side. A ``framework`` column, the
    first other column and the columns of *keep* always stay; the others are added in their
    order while all fit with their ids whole (a column of words as wide as its heading and the
    longest words of nine cells in ten, one of prose :data:`PROSE`, one of lists
    :data:`PROSE_MIN`; a later, narrower one may still fit), the rest left for
    ``--all-columns``. (The columns that stay may need their ids wrapped at hyphens.)

    >>> fitting(["id", "name", "long_heading"], [["a", "b"], ["x y", "v u"], ["1", "2"]], 20)
    ['id', 'name']
    >>> fitting(["id", "name", "long_heading"], [["a", "b"], ["x y", "v u"], ["1", "2"]], 20,
    ...         keep=["long_heading"])
    ['id', 'long_heading']
    """

    def typical(sizes: list[int]) -> int:  # all but the longest tenth
        return sorted(sizes)[len(sizes) * 9 // 10] if sizes else 0

    def need(header: str, texts: Sequence[str], whole: bool) -> int:
        words = typical([(_longest_word if whole else _longest_piece)(t) for t in texts])
        wraps = any(len(t.split()) > 1 for t in texts)  # prose, or lists that wrap between items
        return max(len(header), PROSE if _is_prose(texts) else PROSE_MIN if wraps else words)

    least = [need(h, t, False) for h, t in zip(headers, cells, strict=True)]
    ample = [need(h, t, True) for h, t in zip(headers, cells, strict=True)]
    first = next((h for h in headers if h != "framework"), "")
    stays = [h in (first, "framework", *keep) for h in headers]
    if sum(n + GUTTER for n, s in zip(least, stays, strict=True) if s) - GUTTER > width:
        return [h for h, s in zip(headers, stays, strict=True) if s]
    used = sum(n + GUTTER for n, s in zip(ample, stays, strict=True) if s) - GUTTER
    for i, n in enumerate(ample):
        if not stays[i] and used + GUTTER + n <= width:
            stays[i] = True
            used += GUTTER + n
    return [h for h, s in zip(headers, stays, strict=True) if s]


def render_table(
    rows: list[dict[str, Any]],
    spec: TableSpec | None = None,
    *,
    width: int | None = 80,
    all_columns: bool = False,
    columns: Sequence[str] = (),
) -> str:
    """Rows as a table for a terminal *width* characters wide (``None``: as wide as the text).

    The heading and the summary come from *spec*; *columns* (or the spec's default set, unless
    *all_columns*) chooses what to show, and the summary says how many columns are hidden.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    spec = spec or TableSpec()
    def wrap(text: str) -> list[str]:
        return textwrap.wrap(visible(text), width) if width else [visible(text)]

    lines: list[str] = [line for t in (spec.title, *spec.subtitles) for line in wrap(t)]
    lines += [""] if spec.title else []
    if not rows:
        lines += wrap(spec.empty or "(no rows)")
        return "\n".join(lines) + "\n"
    present = _columns(rows)
    wanted = list(columns) or ([] if all_columns else [c for c in spec.columns if c in present])
    shown = wanted or present
    answered = list(dict.fromkeys(_text(r.get("framework")) for r in rows if r.get("framework")))
    several = len(spec.frameworks) > 1 or len(answered) > 1  # asked of several, or rows of several
    if not columns and several and "framework" in present:
        shown = ["framework", *(c for c in shown if c != "framework")]
    if width is not None and not columns and not all_columns:
        cells_of = [[_cell(row.get(c), width) for row in rows] for c in shown]
        shown = fitting(shown, cells_of, width, keep=spec.required)
    hidden = [c for c in present if c not in shown]
    cells = [[_cell(row.get(c), width) for c in shown] for row in rows]
    sizes = column_widths(shown, cells, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style=None)
    for c, size in zip(shown, sizes, strict=True):
        table.add_column(c, overflow="fold", width=size)
    for texts in cells:
        table.add_row(*(Text(t if size is None else "\n".join(wrap_cell(t, size)))
                        for t, size in zip(texts, sizes, strict=True)))  # fmt: skip
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 100_000,
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    console.print(table)
    lines += [line.rstrip() for line in buffer.getvalue().rstrip("\n").split("\n")]
    summary = spec.summary or _plural(len(rows), spec.noun)
    if hidden:
        more = "1 more column" if len(hidden) == 1 else f"{len(hidden)} more columns"
        summary += f" ({more}: --all-columns or --format csv)"
    lines.append("")
    for text in (summary, *_silent(spec.frameworks, answered), *spec.notes):
        lines += wrap(text)
    return "\n".join(lines) + "\n"


def _silent(asked: Sequence[str], answered: Sequence[str]) -> tuple[str, ...]:
    """A line naming the frameworks asked that gave no row, when some did.

    >>> _silent(["a", "b", "c"], ["b"])
    ('Rows from 1 of the 3 frameworks asked (b); none from a, c.',)
    >>> _silent(["a", "b"], ["a", "b"]), _silent(["a"], [])
    ((), ())
    """
    if len(asked) < 2 or not answered or len(set(answered)) >= len(asked):
        return ()
    none = [f for f in asked if f not in answered]
    return (f"Rows from {len(answered)} of the {len(asked)} frameworks asked ({', '.join(answered)}); "
            f"none from {', '.join(none)}.",)  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> str:
    return render_table(rows)


def _csv_cell(value: Any) -> str:
    """A number as it is (``-2.5`` is a number to a spreadsheet, not a formula); text neutralised.

    >>> _csv_cell(-2.5), _csv_cell("-2.5"), _csv_cell([-1, 2])
    ('-2.5', "'-2.5", "'-1; 2")
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _text(value)
    return str(safe_cell(_text(value)))


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = _columns(rows)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[list[dict[str, Any]]], str]] = {
    "table": _table,
    "csv": _csv,
    "json": _json,
}


def render_rows(
    rows: list[dict[str, Any]],
    fmt: str,
    spec: TableSpec | None = None,
    *,
    width: int | None = 80,
    all_columns: bool = False,
    columns: Sequence[str] = (),
) -> str:
    """Render *rows* in format *fmt* (one of :data:`RENDERERS`); the table options only shape
    ``table``."""
    if fmt == "table":
        return render_table(rows, spec, width=width, all_columns=all_columns, columns=columns)
    return RENDERERS[fmt](rows)
