"""`newsfacts review`: one static page with the facts highlighted in their texts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from test_tables import TEXTS, build_corpus
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.record import Record
from newsfacts.review import Span, highlight
from newsfacts.tables import load


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, pipeline) -> Path:
    return build_corpus(tmp_path_factory.mktemp("review-corpus"), pipeline)


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


class Marks(HTMLParser):
    """Collects the text inside each <mark> (by data-fact, or by kind for entities), checking nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.facts: dict[str, str] = {}  # data-fact -> text (pieces joined)
        self.kinds: dict[str, list[str]] = {}  # data-kind -> texts
        self.in_text = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" and self.in_text:
            self.stack.append({**attrs, "text": ""})
        if tag == "div" and "text" in (attrs.get("class") or "").split():
            self.in_text += 1

    def handle_endtag(self, tag):
        if tag == "mark" and self.in_text:
            mark = self.stack.pop()
            self.kinds.setdefault(mark["data-kind"], []).append(mark["text"])
            if mark.get("data-fact"):
                self.facts[mark["data-fact"]] = self.facts.get(mark["data-fact"], "") + mark["text"]
        if tag == "div" and self.in_text:
            self.in_text -= 1

    def handle_data(self, data):
        for mark in self.stack:
            mark["text"] += data


def marks(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def records_jsonl(path: Path, records: list[Record]) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


# -- spans to HTML ----------------------------------------------------------------------------------------


def test_highlight_nests_cuts_and_escapes():
    text = "a<b>&\"c' Караганда"
    spans = [
        Span(0, 6, "money", "money", ident="d0-f0"),
        Span(3, 12, "city", "city: x"),  # crosses the end of the fact: cut in two pieces
        Span(9, 18, "city", "city: Караганда"),
    ]
    out = highlight(text, spans)
    assert "<b>" not in out and "a&lt;b" in out and "&amp;&quot;" in out and "c&#x27;" in out
    parsed = marks(f'<div class="text">{out}</div>')
    assert parsed.facts == {"d0-f0": 'a<b>&"'}
    # [3, 12) is cut at the end of the fact; [9, 18) at the end of that piece.
    assert sorted(parsed.kinds["city"]) == sorted(['>&"', "c' Кар", "Кар", "аганда"])
    assert out.count('id="d0-f0"') == 1


def test_highlight_drops_spans_outside_the_text():
    assert highlight("abc", [Span(2, 10, "city", "x"), Span(-1, 1, "city", "y")]) == "abc"


# -- the page -------------------------------------------------------------------------------------------


def test_review_highlights_every_fact_where_it_is(corpus, tmp_path):
    out = tmp_path / "review.html"
    result = run("review", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    records = load(corpus).records
    parsed = marks(page)
    expected = {f"d{i}-f{j}": fact.text for i, r in enumerate(records) for j, fact in enumerate(r.facts)}
    assert expected and parsed.facts == expected  # in the UTF-8, BOM and cp1251 texts alike
    cities = {e.name for r in records for e in r.cities}
    assert cities and set(parsed.kinds["city"]) >= {"Караганде", "Актобе"}
    assert "text not found" not in page and "changed since" not in page
    # The side table: one row per fact with its kind, city and evidence.
    assert page.count('<tr class="fact-row"') == len(expected)
    assert 'data-kind="money" data-city="(unknown)"' in page  # jobs_abroad names no city
    assert "4 documents, " in page and "1 error line(s) skipped" in page


def test_review_is_self_contained(corpus, tmp_path):
    out = tmp_path / "review.html"
    assert run("review", corpus, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "<script src" not in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_review_escapes_everything(tmp_path, pipeline):
    text = 'В Павлодаре задержан мужчина. <script>alert("x")</script> Ущерб 5 млн тенге & "кавычки".'
    source = tmp_path / "evil.txt"
    source.write_text(text, encoding="utf-8")
    record = pipeline(text, doc_id='<img src=x onerror="alert(1)">', source=str(source))
    out = tmp_path / "review.html"
    assert (
        run(
            "review", records_jsonl(tmp_path / "f.jsonl", [record]), "-o", out, "--title", "<i>T</i>"
        ).exit_code
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "<img" not in page and "<i>T</i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;i&gt;T&lt;/i&gt;" in page


def test_text_root_by_doc_id_and_by_file_name(corpus, tmp_path):
    records = load(corpus).records
    by_id, by_name = tmp_path / "by_id", tmp_path / "by_name"
    by_id.mkdir()
    by_name.mkdir()
    moved = []
    for record in records:
        source = Path(record.source)
        shutil.copy(source, by_id / f"{record.doc_id}.txt")
        shutil.copy(source, by_name / source.name)
        moved.append(record.model_copy(update={"source": f"/elsewhere/{source.name}"}))
    jsonl = records_jsonl(tmp_path / "moved.jsonl", moved)
    for root in (by_id, by_name):
        out = tmp_path / f"{root.name}.html"
        assert run("review", jsonl, "--text-root", root, "-o", out).exit_code == 0
        page = out.read_text(encoding="utf-8")
        assert "text not found" not in page
        assert len(marks(page).facts) == sum(len(r.facts) for r in records)


def test_relative_source_beside_the_jsonl(corpus, tmp_path, monkeypatch):
    records = load(corpus).records
    folder = tmp_path / "project"
    (folder / "in").mkdir(parents=True)
    relative = []
    for record in records:
        shutil.copy(record.source, folder / "in" / Path(record.source).name)
        relative.append(record.model_copy(update={"source": f"in/{Path(record.source).name}"}))
    jsonl = records_jsonl(folder / "facts.jsonl", relative)
    monkeypatch.chdir(tmp_path)  # not where the sources are relative to
    out = tmp_path / "review.html"
    assert run("review", jsonl, "-o", out).exit_code == 0
    assert "text not found" not in out.read_text(encoding="utf-8")


def test_missing_and_changed_texts_are_reported(corpus, tmp_path):
    records = load(corpus).records
    changed = tmp_path / "changed.txt"
    changed.write_text(TEXTS["karaganda_pensioner"][0].replace("Караганде", "Темиртау"), encoding="utf-8")
    edited = [
        records[0].model_copy(update={"source": str(changed)}),
        records[1].model_copy(update={"source": str(tmp_path / "gone.txt")}),
    ]
    out = tmp_path / "review.html"
    assert run("review", records_jsonl(tmp_path / "f.jsonl", edited), "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "changed since the extraction" in page
    assert "text not found" in page and "gone.txt" in page and "1 texts not found" in page
    # The facts of the missing text are still listed with their evidence.
    for fact in records[1].facts:
        assert f">{fact.text}</a>" in page


# -- in a browser ---------------------------------------------------------------------------------------


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def dump_dom(url: str, profile: Path) -> str:
    browser = chromium()
    if browser is None:
        pytest.skip("no Chromium: install it with tests/install_chromium.sh (Debian's chromium package)")
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def test_review_in_headless_chromium(corpus, tmp_path):
    out = tmp_path / "review.html"
    assert run("review", corpus, "-o", out).exit_code == 0
    records = load(corpus).records
    money = sum(1 for r in records for f in r.facts if f.kind == "money")
    city = next(f.city for r in records for f in r.facts if f.kind == "money" and f.city)
    in_city = sum(1 for r in records for f in r.facts if f.kind == "money" and f.city == city)
    assert money and in_city

    dom = dump_dom(out.as_uri(), tmp_path / "profile")
    assert 'data-ready="1"' in dom  # the script ran to its end
    parsed = marks(dom)
    assert parsed.kinds.get("money") and len(parsed.facts) == sum(len(r.facts) for r in records)
    # The script filled the city filter from the facts.
    assert f'<option value="{city}">{city}</option>' in dom
    assert f'data-shown-facts="{sum(len(r.facts) for r in records)}"' in dom

    # The filter in the address is applied on load: money facts in one city.
    dom = dump_dom(out.as_uri() + f"#kind=money&city={quote(city)}", tmp_path / "profile")
    assert f'data-shown-facts="{in_city}"' in dom
    rows = re.findall(r"<tr class=\"fact-row\"[^>]*>", dom)
    visible = [row for row in rows if "hidden" not in row]
    assert len(visible) == in_city and all('data-kind="money"' in row for row in visible)
    if any(f.kind != "money" for r in records for f in r.facts):  # the others are dimmed in the text
        assert re.search(r'<mark class="fact dim" data-kind="(detained|victims|crimes)"', dom)


def test_install_script_is_there():
    script = Path(__file__).parent / "install_chromium.sh"
    assert script.is_file() and "apt-get install -y chromium" in script.read_text()


# -- texts not found (issue 15, item 4) -----------------------------------------------------------------


def test_text_root_finds_texts_in_subfolders(corpus, tmp_path):
    records = load(corpus).records
    root = tmp_path / "corpus"
    for i, record in enumerate(records):
        sub = root / ("second" if i % 2 else "third") / "deep"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(record.source, sub / Path(record.source).name)
    moved = [r.model_copy(update={"source": f"corpus/{Path(r.source).name}"}) for r in records]
    (tmp_path / "elsewhere").mkdir()
    jsonl = records_jsonl(tmp_path / "elsewhere" / "moved.jsonl", moved)
    out = tmp_path / "review.html"
    result = run("review", jsonl, "--text-root", root, "-o", out)
    assert result.exit_code == 0, result.output
    assert "text not found" not in out.read_text(encoding="utf-8")
    assert result.stderr.strip() == f"wrote {out}: {len(records)} documents"


def test_review_away_from_the_texts_writes_nothing_and_says_why(corpus, tmp_path):
    records = [r.model_copy(update={"source": f"corpus/{Path(r.source).name}"}) for r in load(corpus).records]
    jsonl = records_jsonl(tmp_path / "facts.jsonl", records)
    out = tmp_path / "review.html"
    result = run("review", jsonl, "-o", out)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"newsfacts review: none of the {len(records)} texts found (for the first, tried:")
    assert line.endswith("run from the folder `extract` ran in, or give --text-root")
    assert not out.exists()
    assert run("review", jsonl, "-o", out, "--text-root", tmp_path / "nope").exit_code == 2
