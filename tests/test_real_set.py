"""The real-news development set (tests/real/index.jsonl): facts and figures of real articles, never their
text. The texts are fetched again each session (tests/real/README.md); these tests check the index only."""

import json
from collections import Counter
from pathlib import Path

from newsfacts.evaluate import fact_key

INDEX = Path(__file__).resolve().parent / "real" / "index.jsonl"
LINES = [json.loads(line) for line in INDEX.read_text(encoding="utf-8").splitlines()]
KINDS = {"money", "detained", "victims", "crimes", "seized"}


def test_enough_articles_from_enough_sites():
    assert len(LINES) >= 150
    assert len({line["site"] for line in LINES}) >= 40
    assert len({line["url"] for line in LINES}) == len(LINES)  # no article twice
    assert len({line["doc_id"] for line in LINES}) == len(LINES)
    abroad = sum(line["country"] in ("RU", "KG", "UZ") for line in LINES)
    assert abroad >= len(LINES) / 5  # a fifth from Russia, Kyrgyzstan and Uzbekistan


def test_every_line_says_where_it_came_from_and_what_it_holds():
    for line in LINES:
        assert line["url"].startswith("http") and line["query"] and line["batch"], line["doc_id"]
        for field in ("facts", "cities", "regions", "countries", "organisations", "persons", "dates"):
            assert isinstance(line[field], list), (line["doc_id"], field)
        for fact in line["facts"]:
            assert fact["kind"] in KINDS, line["doc_id"]
            fact_key(fact)  # a number, and a currency for money
            if fact["kind"] == "money":
                assert fact["currency"], line["doc_id"]
        for span in line["dates"]:
            assert span["start"] <= span["end"], line["doc_id"]


def test_the_mix_of_topics():
    topics = Counter(line["topic"] for line in LINES)
    for topic in ("fraud", "drugs", "bribery", "theft", "livestock", "statistics", "smuggling", "verdict"):
        assert topics[topic] >= 5, topic
    assert topics["migration"] + topics["road"] >= 10
