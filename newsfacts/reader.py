"""Reading input files: bytes to text with the encoding detected, or a clear reason why not.

Russian news arrives as UTF-8 (with or without a BOM), UTF-16, cp1251, KOI8-R and now and then cp866 or
MacCyrillic. A single-byte Cyrillic file decodes without error in every one of these encodings, so the
choice is made by how Russian each reading looks: letter frequencies, the case of the words (cp1251 read as
KOI8-R gives `пРИВЕТ`-like words) and characters that no Russian text holds (`Ђ`, `╨`, `Џ`). This
is right on texts of a few words, where charset-normalizer alone often is not; it is only asked when no
Cyrillic reading is plausible.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

# What Russian news comes in; charset-normalizer chooses among them when the Cyrillic check cannot.
CANDIDATES = ["utf_8", "cp1251", "koi8_r", "utf_16", "utf_16_le", "utf_16_be", "cp866", "mac_cyrillic"]
# Single-byte Cyrillic encodings, with a bonus to the score for how common each is: a near tie (a text
# of two words, a text without capitals where cp1251 and MacCyrillic agree) goes to the common one.
_PRIOR = {"cp1251": 0.1, "koi8_r": 0.05, "cp866": 0.0, "mac_cyrillic": -0.05}
SINGLE_BYTE = list(_PRIOR)

# Letter frequencies of Russian prose, per cent.
_FREQUENCY = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
    "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
    "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
    "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}  # fmt: skip
_FREQUENCY.update(dict.fromkeys("әғқңөұүһі", 0.3))  # Kazakh letters: rare but legitimate
_LOG_FREQUENCY = {letter: math.log(share / 100) for letter, share in _FREQUENCY.items()}
_RUSSIAN = set(_FREQUENCY) | {c.upper() for c in _FREQUENCY}
# Characters a Russian news text may hold besides letters, digits and ASCII.
_TYPOGRAPHY = set("«»—–…№°’‘“”„•·‑€₸₽×±§©®™\u00a0\u2009\u202f\u200b\ufeff")
_WORD = re.compile(r"[^\W\d_]+")
# A dash, an ellipsis or a closing quote glued to the next word: what capitals become in a wrong reading.
_GLUED = re.compile(r"[—–…‘’”‚][^\W\d_]")


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


def russian_score(text: str) -> float:
    """How much a decoded text looks like Russian: higher is better, about -4 for real text.

    The mean log frequency of its Cyrillic letters, less penalties for characters foreign to Russian
    text and for words in impossible case (`пРИВЕТ`). -inf when the text has no Cyrillic letter.
    """
    letters = 0
    log_sum = 0.0
    weird = 0
    for char in text:
        lower = char.lower()
        if lower in _LOG_FREQUENCY:
            letters += 1
            log_sum += _LOG_FREQUENCY[lower]
        elif not (char.isascii() or char in _TYPOGRAPHY):
            weird += 1
    if letters == 0:
        return -math.inf
    weird += len(_GLUED.findall(text))
    visible = sum(1 for char in text if not (char.isspace() or char.isdigit() or char in ".,:;!?-()\"'"))
    bad_case = 0
    words = 0
    for word in _WORD.findall(text):
        if word[0] in _RUSSIAN:
            words += 1
            rest = word[1:]
            bad_case += not (rest.islower() or word.isupper() or len(word) == 1)
    return (
        log_sum / letters
        - 12 * weird / (letters + weird)
        - 3 * bad_case / max(words, 1)
        - 4 * (1 - letters / max(visible, letters))
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: every other byte is 0x00 (Latin) or 0x04 (Cyrillic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    for encoding, high in (("utf_16_le", data[1::2]), ("utf_16_be", data[0::2])):
        if sum(1 for byte in high if byte in (0, 4)) >= 0.9 * half:
            return encoding
    return None


def decode(data: bytes) -> Input:
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty", "the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf_8_sig"),
        (codecs.BOM_UTF16_LE, "utf_16"),
        (codecs.BOM_UTF16_BE, "utf_16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), sha256, encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    "decode", f"not valid {encoding} after its byte order mark: {error}"
                ) from error
    utf16 = _utf16_without_bom(data)  # before UTF-8: UTF-16 Cyrillic is all ASCII bytes
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16), sha256, utf16)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), sha256, "utf_8")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in SINGLE_BYTE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # The first 16 KB tell as well as the whole file would.
        readings.append((russian_score(text[:16384]) + _PRIOR[encoding], text, encoding))
    if readings:
        score, text, encoding = max(readings, key=lambda reading: reading[0])
        if score > -6.5:  # real Russian scores about -3.5 to -4.5; a wrong reading -7 and below
            return _checked(text, sha256, encoding)
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        controls = sum(1 for byte in data if byte < 0x20 and byte not in b"\n\r\t\f\v")
        binary = b"\x00" in data or controls > max(2, len(data) // 100)
        raise InputError("binary" if binary else "decode", "not text in any known encoding")
    return _checked(str(best), sha256, best.encoding)


def _checked(text: str, sha256: str, encoding: str) -> Input:
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 100):
        raise InputError("binary", f"looks binary: {controls} control characters")
    if not text.strip():
        raise InputError("empty", "the file holds only whitespace")
    warnings = [] if encoding in ("utf_8", "utf_8_sig") else [f"encoding: read as {encoding}"]
    return Input(text, sha256, encoding, warnings)


def read(path: Path | str) -> Input:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError("unreadable", f"{error.strerror or error}") from error
    return decode(data)
