"""A publication date carried by the input: a first line `date: 2023-04-21` or a YAML front matter."""

from __future__ import annotations

import re
from datetime import date

# `date: 2023-04-21`, `published: 21.04.2023` on one of the first lines, or inside `---` front matter.
DATE_LINE = re.compile(
    r"^(?:date|published|дата)\s*:\s*[\"']?(\d{4})-(\d{2})-(\d{2})|^(?:date|published|дата)\s*:\s*[\"']?(\d{2})\.(\d{2})\.(\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
HEAD_LINES = 12


def published(text: str) -> date | None:
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:HEAD_LINES])
    match = DATE_LINE.search(head)
    if match is None:
        return None
    year, month, day = match.group(1, 2, 3) if match.group(1) else reversed(match.group(4, 5, 6))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
