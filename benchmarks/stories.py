"""How long does grouping 100 000 documents into stories take, on one core? Run by hand (not in CI):

    newsfacts extract corpus/ -o /tmp/corpus.jsonl        # the records the documents are made from
    python benchmarks/stories.py --records /tmp/corpus.jsonl            # 100 000 documents
    python benchmarks/stories.py --records /tmp/corpus.jsonl --docs 20000 --seed 2

The documents are made from the texts of corpus/ and their records (the facts, cities and persons found
in them), seeded:

- an incident is the lead paragraph of one corpus text and one to three paragraphs of others, reworded
  (words dropped and swapped: 37 000 incidents come from 172 texts, and two incidents are not one
  text), with new values in every sum and count, a new city in every city mention, a new person in every
  person mention, and a publication date in 2024-2025; one incident in twenty is a template clone of
  another (the same words, other numbers, city and person, often within weeks of it): a look-alike that
  is NOT the story;
- each incident is told 1 to 5 times (2.7 on average): the first telling as made, then reprints (a
  changed byline, the date moved 0-2 days, the numbers written another way `8 750 000` / `8,75 млн`,
  sometimes a paragraph cut) and rewrites by other outlets (words dropped and swapped, paragraphs
  reordered and cut, fillers added, the person sometimes by surname only, the date moved up to 10 days).

Each telling's record is what extraction gives such a text: the values of the sums and counts in the
paragraphs it keeps, the city on the facts of a paragraph that names it, the persons it names. The
documents come in a shuffled order, like a crawl.

Timed, on one core (the process is pinned to one CPU): from the records and texts to the story ids, that
is every document's signature, its text's shingles and MinHash, the LSH and index passes and the
union-find (newsfacts.stories.group). Memory: the peak resident memory of the process, and how much it
grew during the grouping (sampled every 20 ms). Then the pair precision and recall against the incidents
the documents were made from.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsfacts import stories  # noqa: E402
from newsfacts.record import Entity, Fact, PlaceEntity, Record  # noqa: E402

FIRST = (
    "Айдар Асель Бауыржан Гульнара Даурен Ерлан Жанна Ислам Камила Мадина Нурлан Олжас Рустем Сабина "
    "Тимур Улан Фарида Шынар Алексей Ирина Сергей Наталья Дмитрий Ольга Бекзат Айгерим Канат Динара "
    "Максат Зарина Арман Данияр Елена Виктор Азамат Салтанат Ержан Лаура Мирас Томирис"
).split()
# Surnames: roots and endings, some thousands of them (a small list makes namesakes in every city).
ROOTS = (
    "Ахмет Сейт Оспан Жаксылык Мукан Бекмурат Сарсенбай Нуржан Исмаил Кенжебай Абдрахман Тулеген Байжан "
    "Омар Искак Жумабек Кали Мус Рахим Садык Ермек Смагул Турсун Есен Утеп Дюсен Иван Петр Шевчен Козл "
    "Мороз Волк Али Байтас Сулеймен Мамыр Ибрай Жанибек Кудайберген Аманжол Тажибай Шарип Нияз Куаныш "
    "Бекет Султан Толеу Жексенбай Мухамеди Сапар Есим Камал Рыскул Нурпеис Дарибай Орынбасар Таубай Абен "
    "Кабдулл Серикбай Айтжан Елубай Шаймерден Карим Тасым Жумаш Кусаин Байгали Ержан Темир Болат Асхат "
    "Мырзахмет Кожахмет Бейсен Сагындык Таир Жолдас Алпыс Кайрат Бахыт Даулет Нурлыб Ораз Калдыбай"
).split()
LAST = [root + end for root in ROOTS for end in ("ов", "ев", "ин", "улы", "бай", "бек", "ский")]
OUTLETS = "Tengri KazInform Orda Zakon Informburo Vlast Lada Uralsk24 Ekspress-K Karavan".split()
FILLERS = ["Как сообщается,", "По информации источника,", "Напомним,", "Известно, что", "Уточняется, что"]
CURRENCY_WORD = {"KZT": "тенге", "RUB": "рублей", "USD": "долларов", "MRP": "МРП"}
_SENTENCE_WORDS = re.compile(r"\S+")


@dataclass
class Slot:
    kind: str  # money, detained, victims, crimes, city, person
    currency: str | None = None


@dataclass
class Paragraph:
    parts: list  # str | Slot


def paragraphs(record: Record, text: str) -> list[Paragraph]:
    """The text cut into paragraphs, each a list of plain text and slots (sums, counts, cities, persons)."""
    spans = [(f.span, Slot(f.kind, f.currency)) for f in record.facts]
    spans += [(tuple(m), Slot("city")) for c in record.cities for m in c.mentions]
    spans += [(tuple(m), Slot("person")) for p in record.persons for m in p.mentions]
    spans.sort(key=lambda item: (item[0][0], -item[0][1]))
    out, start = [], 0
    for match in re.finditer(r"\n\s*\n|\Z", text):
        end = match.start()
        chunk = text[start:end]
        if chunk.strip() and not chunk.lower().lstrip().startswith(("date:", "---")):
            parts, at = [], start
            for (a, b), slot in spans:
                if a < at or b > end:
                    continue
                parts.append(text[at:a])
                parts.append(slot)
                at = b
            parts.append(text[at:end])
            out.append(Paragraph([p for p in parts if p != ""]))
        start = match.end()
    return out


@dataclass
class Incident:
    paras: list[Paragraph]
    values: dict[tuple[int, int], int]  # (paragraph, part) -> the value of a sum or a count
    city: str
    person: tuple[str, str]
    day: date


def new_value(rng: random.Random, kind: str) -> int:
    if kind == "money":
        digits = 1 if rng.random() < 0.3 else rng.choice((2, 3, 3, 4))
        return rng.randint(10 ** (digits - 1), 10**digits - 1) * 10 ** rng.randint(2, 6)
    return rng.choice((1, 1, 2, 2, 3, 4, 5)) if rng.random() < 0.6 else rng.randint(6, 400)


def make_incident(rng, pool, cities, template: Incident | None = None) -> Incident:
    if template is not None:
        paras = template.paras
        day = template.day + timedelta(days=rng.randint(-40, 40)) if rng.random() < 0.6 else None
    else:
        leads, bodies = pool
        paras = [*rng.choice(leads), *(rng.choice(bodies) for _ in range(rng.randint(1, 3)))]
        # Its own words: 172 corpus texts make 37 000 incidents, and two incidents are not one text.
        paras = [
            Paragraph([reword(rng, p) if isinstance(p, str) else p for p in para.parts]) for para in paras
        ]
        day = None
    values = {
        (i, j): new_value(rng, part.kind)
        for i, para in enumerate(paras)
        for j, part in enumerate(para.parts)
        if isinstance(part, Slot) and part.kind not in ("city", "person")
    }
    day = day or date(2024, 1, 1) + timedelta(days=rng.randint(0, 730))
    return Incident(paras, values, rng.choice(cities), (rng.choice(FIRST), rng.choice(LAST)), day)


def money_text(value: int, currency: str | None, style: int) -> str:
    word = CURRENCY_WORD.get(currency or "", currency or "")
    if style == 1 and value >= 1_000_000:
        millions = (Decimal(value) / 1_000_000).normalize()
        return f"{str(millions).replace('.', ',')} млн {word}"
    if style == 2:
        return f"{value} тг" if currency == "KZT" else f"{value} {word}"
    return f"{value:,}".replace(",", " ") + f" {word}"


def reword(rng: random.Random, text: str) -> str:
    """Some words dropped, some swapped with the one before; the spaces at either end kept (a slot may
    follow)."""
    head, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    words = _SENTENCE_WORDS.findall(text)
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.15:
            continue
        if roll < 0.25 and out:
            out.insert(len(out) - 1, word)
        else:
            out.append(word)
    return head + " ".join(out) + tail if out else head + tail


def tell(rng: random.Random, incident: Incident, doc_id: str, way: str, day: date):
    """One telling: its text and the record extraction gives it."""
    order = list(range(len(incident.paras)))
    if way != "first" and len(order) > 1 and rng.random() < (0.3 if way == "reprint" else 0.6):
        order.remove(rng.choice(order[1:]))  # a paragraph cut (never the lead)
    if way == "rewrite" and len(order) > 2:
        rest = order[1:]
        rng.shuffle(rest)
        order = order[:1] + rest
    style = rng.choice((0, 0, 1, 2)) if way != "first" else 0
    surname_only = way == "rewrite" and rng.random() < 0.3
    person = incident.person[1] if surname_only else " ".join(incident.person)
    pieces, facts, named_city, named_person = [], [], False, False
    for i in order:
        para = incident.paras[i]
        chunks, para_facts, city_here = [], [], False
        if way == "rewrite" and rng.random() < 0.5:
            chunks.append(rng.choice(FILLERS))
        for j, part in enumerate(para.parts):
            if isinstance(part, str):
                chunks.append(reword(rng, part) if way == "rewrite" else part)
            elif part.kind == "city":
                chunks.append(incident.city)
                city_here = True
            elif part.kind == "person":
                chunks.append(person)
                named_person = True
            else:
                value = incident.values[(i, j)]
                if part.kind == "money":
                    shown = money_text(value, part.currency, style)
                else:
                    shown = f"{value} человек"
                chunks.append(shown)
                para_facts.append(
                    Fact(
                        kind=part.kind,
                        value=value,
                        currency=part.currency,
                        text=shown,
                        span=(0, 0),
                        sentence=0,
                    )
                )
        for fact in para_facts:
            fact.city = incident.city if city_here else None
        named_city |= city_here
        facts += para_facts
        pieces.append(
            " ".join(c.strip() for c in chunks if c.strip()) if way == "rewrite" else "".join(chunks)
        )
    if way == "reprint":
        byline = rng.choice(
            (f"Источник: {rng.choice(OUTLETS)}", f"Автор: {rng.choice(FIRST)} {rng.choice(LAST)}")
        )
        pieces.append(byline)
    text = f"date: {day.isoformat()}\n\n" + "\n\n".join(pieces) + "\n"
    record = Record(
        doc_id=doc_id,
        sha256="-",
        lang="ru",
        published=day,
        cities=[PlaceEntity(name=incident.city, mentions=[])] if named_city else [],
        persons=[Entity(name=person, mentions=[])] if named_person else [],
        facts=facts,
    )
    return text, record


def generate(records: list[Record], texts: list[str], docs: int, seed: int):
    rng = random.Random(seed)
    leads, bodies, cities = [], [], set()
    for record, text in zip(records, texts, strict=True):
        paras = paragraphs(record, text)
        if paras:
            # The lead: up to the first paragraph with a fact (a headline is a paragraph of its own).
            has_fact = [
                any(isinstance(p, Slot) and p.kind not in ("city", "person") for p in para.parts)
                for para in paras
            ]
            cut = has_fact.index(True) + 1 if True in has_fact[:2] else 1
            leads.append(paras[:cut])
            bodies.extend(paras[cut:] or paras)
        cities.update(c.name for c in record.cities)
    cities = sorted(cities)
    incidents: list[Incident] = []
    made = []  # (doc_id, text, record, incident, way)
    while len(made) < docs:
        # A template clone differs by its slots: a text without any is a reprint, not a look-alike.
        template = rng.choice(incidents) if incidents and rng.random() < 0.05 else None
        if template is not None and not template.values:
            template = None
        incident = make_incident(rng, (leads, bodies), cities, template)
        incidents.append(incident)
        n = rng.choice((1, 1, 2, 3, 3, 4, 5))
        for k in range(min(n, docs - len(made))):
            way = "first" if k == 0 else rng.choice(("reprint", "rewrite"))
            shift = 0 if k == 0 else rng.randint(0, 2 if way == "reprint" else 10)
            doc_id = f"d{len(made):06d}"
            text, record = tell(rng, incident, doc_id, way, incident.day + timedelta(days=shift))
            made.append((doc_id, text, record, len(incidents) - 1, way))
    rng.shuffle(made)
    return made


class PeakRss:
    """The resident memory of this process, sampled in a thread: its peak over a block."""

    def __init__(self, every: float = 0.02):
        self.every = every
        self.peak = 0
        self._stop = threading.Event()

    @staticmethod
    def now() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.now())
            time.sleep(self.every)

    def __enter__(self):
        self.start = self.now()
        self.peak = self.start
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.now())


def load_records(path: Path | None) -> tuple[list[Record], list[str]]:
    if path is None:
        from newsfacts.pipeline import Pipeline

        pipeline = Pipeline()
        files = [p for p in sorted((ROOT / "corpus").rglob("*.txt")) if "stories" not in p.parts]
        records = [pipeline(p.read_text(encoding="utf-8"), doc_id=p.stem) for p in files]
        return records, [p.read_text(encoding="utf-8") for p in files]
    records, texts = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line, parse_float=Decimal)
        if "doc_id" not in item or item.get("lang") != "ru" or not item.get("source"):
            continue
        source = Path(item["source"])
        if not source.is_absolute() and not source.exists():
            source = ROOT / source
        if "stories" in source.parts or not source.exists():
            continue
        records.append(Record.model_validate(item))
        texts.append(source.read_text(encoding="utf-8"))
    return records, texts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--records", type=Path, help="JSONL of `newsfacts extract corpus/` (else extracted now)"
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    records, texts = load_records(args.records)
    started = time.perf_counter()
    made = generate(records, texts, args.docs, args.seed)
    made_seconds = time.perf_counter() - started
    words = sum(len(text.split()) for _, text, *_ in made) / len(made)
    print(
        f"made {len(made)} documents from {len(records)} corpus texts in {made_seconds:.1f} s "
        f"({words:.0f} words each)"
    )

    doc_records = [record for _, _, record, *_ in made]
    doc_texts = [text for _, text, *_ in made]
    with PeakRss() as memory:
        started, cpu = time.perf_counter(), time.process_time()
        found = stories.group(doc_records, doc_texts)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    gold = {doc_id: str(incident) for doc_id, _, _, incident, _ in made}
    predicted = dict(zip((doc_id for doc_id, *_ in made), found.story, strict=True))
    score = stories.pair_score(gold, predicted)
    via = {"text": 0, "facts": 0}
    for item in found.evidence:
        via[item.via] += 1
    print(
        f"grouped in {seconds:.1f} s on one core ({cpu:.1f} s CPU, {len(made) / seconds:,.0f} docs/s); "
        f"{len(found.groups())} stories of 2+ documents; pairs joined: {via['text']} by text, "
        f"{via['facts']} by facts; {found.candidates:,} candidate pairs looked at"
    )
    print(
        f"memory: peak resident {memory.peak / 2**20:.0f} MB, of which the grouping added "
        f"{(memory.peak - memory.start) / 2**20:.0f} MB (the generated texts and records held before it: "
        f"{memory.start / 2**20:.0f} MB)"
    )
    print(
        f"pairs against the incidents: precision {score.precision:.3f} "
        f"({score.true_pairs}/{score.predicted_pairs}), "
        f"recall {score.recall:.3f} ({score.true_pairs}/{score.gold_pairs})"
    )
    for kind, (found_pairs, pairs) in recall_by_kind(made, predicted).items():
        print(f"  recall, {kind}: {found_pairs / max(1, pairs):.3f} ({found_pairs}/{pairs})")


def recall_by_kind(made, predicted) -> dict[str, list[int]]:
    """Recall over three kinds of pairs: reprints (the text is the evidence), rewrites that share a telling
    sum or name with the other (the facts are), and rewrites that share nothing telling (nothing is)."""
    tellings = defaultdict(list)
    for doc_id, _, record, incident, way in made:
        tellings[incident].append((doc_id, record, way))
    names = ("reprints", "a rewrite, telling facts shared", "a rewrite, nothing telling")
    kinds = {key: [0, 0] for key in names}
    for items in tellings.values():
        for k, (a, record_a, way_a) in enumerate(items):
            for b, record_b, way_b in items[k + 1 :]:
                if "rewrite" not in (way_a, way_b):
                    kind = "reprints"
                else:
                    keys_a = set(stories.Signature.of(record_a, 0).telling_keys())
                    telling = keys_a & set(stories.Signature.of(record_b, 0).telling_keys())
                    kind = "a rewrite, telling facts shared" if telling else "a rewrite, nothing telling"
                kinds[kind][1] += 1
                kinds[kind][0] += predicted[a] == predicted[b]
    return kinds


if __name__ == "__main__":
    main()
