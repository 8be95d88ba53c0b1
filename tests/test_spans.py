import random

import pytest

from newsfacts.spans import Spans, containing


def test_overlap_and_cover_on_nested_spans():
    spans = Spans([(10, 50), (12, 14), (60, 61)])
    assert spans.overlaps(49, 55) and spans.overlaps(0, 11) and spans.overlaps(60, 70)
    assert not spans.overlaps(50, 60) and not spans.overlaps(0, 10) and not spans.overlaps(61, 99)
    assert spans.covers(10) and spans.covers(49) and spans.covers(60)
    assert not spans.covers(50) and not spans.covers(9) and not spans.covers(61)
    assert not Spans([]).overlaps(0, 100) and not Spans([]).covers(0)


@pytest.mark.parametrize("seed", range(20))
def test_same_answers_as_a_scan(seed):
    rng = random.Random(seed)
    pairs = []
    for _ in range(rng.randrange(0, 30)):
        start = rng.randrange(0, 200)
        pairs.append((start, start + rng.randrange(1, 40)))
    spans = Spans(pairs)
    for _ in range(200):
        a = rng.randrange(0, 250)
        b = a + rng.randrange(1, 20)
        assert spans.overlaps(a, b) == any(s < b and a < e for s, e in pairs)
        assert spans.covers(a) == any(s <= a < e for s, e in pairs)


def test_containing_finds_the_last_start_at_or_before():
    assert containing([0, 10, 20], 15) == 1
    assert containing([0, 10, 20], 20) == 2
    assert containing([5, 10], 3) is None
