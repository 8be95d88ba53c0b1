"""Which spans overlap a span, in O(log n): the stages ask this once per mention, and a document of
megabytes has tens of thousands of mentions (a scan per question made them quadratic)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """A fixed set of [start, end) spans, which may overlap one another."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # the furthest end among the spans that start at or before each one: some span starting before
        # `end` reaches past `start` exactly when the furthest of them does
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with [start, end)."""
        index = bisect_left(self.starts, end)
        return index > 0 and self.reach[index - 1] > start

    def covers(self, offset: int) -> bool:
        """Some span holds the character at `offset`."""
        index = bisect_right(self.starts, offset)
        return index > 0 and self.reach[index - 1] > offset


def containing(starts: list[int], offset: int) -> int | None:
    """The index of the last of sorted `starts` at or before `offset`, None when all are after it."""
    index = bisect_right(starts, offset) - 1
    return index if index >= 0 else None
