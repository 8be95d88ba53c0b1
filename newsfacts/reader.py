"""Reading input files: bytes to text with the encoding detected, or a clear reason why not."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

# What Russian news comes in; charset-normalizer chooses among them.
CANDIDATES = ["utf_8", "cp1251", "koi8_r", "utf_16", "utf_16_le", "utf_16_be", "cp866", "mac_cyrillic"]


class InputError(Exception):
    """An input that cannot become a record; `kind` is the machine-readable reason."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass
class Input:
    text: str
    sha256: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Input:
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty", "the file is empty")
    for bom, encoding in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding), sha256, encoding)
    try:
        return _checked(data.decode("utf-8"), sha256, "utf_8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        raise InputError("binary" if b"\x00" in data else "decode", "not text in any known encoding")
    return _checked(str(best), sha256, best.encoding)


def _checked(text: str, sha256: str, encoding: str) -> Input:
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 100):
        raise InputError("binary", f"looks binary: {controls} control characters")
    if not text.strip():
        raise InputError("empty", "the file holds only whitespace")
    warnings = [] if encoding in ("utf_8", "utf_8_sig") else [f"encoding: read as {encoding}"]
    return Input(text, sha256, encoding, warnings)


def read(path: Path) -> Input:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError("unreadable", f"{error.strerror or error}") from error
    return decode(data)
