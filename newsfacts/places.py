"""Places: the gazetteer in rules/ (cities, regions, countries, old names, declined forms) and the stage
that finds place mentions in the sentences, whether or not NER saw them."""

from __future__ import annotations

import re
from functools import cache

from . import geo, resources
from .document import Document, Place, PlaceMention
from .grammars import lexicon
from .morph import analyzer, lemmas
from .ner import Mention
from .spans import Spans, containing

MAX_WORDS = 4  # `Северо-Казахстанской области`, `Республики Грузия`
BIG_TOWN = 100_000  # inhabitants: a town of the data named with no other sign that it is a place
# a site's menu copied with the article: a run of short lines with no sentence in them (`Политика`,
# `Экономика`, `Спорт`, a weather widget's town): rubric words, not the article's bodies and places
CHROME_LINE = re.compile(r"[^\n.!?:;•*-][^\n]{0,39}(?<![.!?:;])")
CHROME_MIN_LINES = 5
_VOWELS_INDECLINABLE = tuple("оеуыиюэё")
_HUSHING = tuple("гкхжшщч")


def key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("ё", "е")).replace(" .", ".")


def declensions(name: str) -> list[str]:
    """Oblique cases of a one-word name by the usual endings: Шымкент -> Шымкента, Шымкенте...
    Irregular names list their forms in the gazetteer."""
    if " " in name:
        return []
    head, sep, last = name.rpartition("-")
    prefix = head + sep
    low = last.lower()
    if low.endswith("ия"):
        stem, endings = last[:-1], ("и", "ю", "ей")
    elif low.endswith("а"):
        stem = last[:-1]
        endings = ("и" if stem.lower().endswith(_HUSHING) else "ы", "е", "у", "ой")
    elif low.endswith("я"):
        stem, endings = last[:-1], ("и", "е", "ю", "ей")
    elif low.endswith(("й", "ь")):
        stem, endings = last[:-1], ("я", "ю", "ем", "е")
    elif low.endswith(_VOWELS_INDECLINABLE):
        return []
    else:
        stem, endings = last, ("а", "у", "ом", "е")
    return [prefix + stem + ending for ending in endings]


class Gazetteer:
    def __init__(self):
        self.forms: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        self._aliases: dict[str, list[str]] = {}
        for row in resources.table("gazetteer.tsv"):
            name, kind, region, aliases, forms = (list(row) + [""] * 5)[:5]
            place = Place(name, kind, region or None)
            self.by_name[name] = place
            names = [name] + [a.strip() for a in aliases.split(",") if a.strip()]
            for variant in names:
                for form in [variant, *declensions(variant)]:
                    self.forms.setdefault(key(form), place)
            for form in forms.split(","):
                if form.strip():
                    self.forms.setdefault(key(form), place)
            self._aliases[name] = names
        # the first words of the forms up to a dot (`г.`): a text whose first word is none of them is no
        # form (`may_start`)
        self.first_words = frozenset(form.split(" ")[0].split(".")[0] for form in self.forms)
        self._locate()

    def _locate(self) -> None:
        """Each row's country (ISO alpha-2) and, where GeoNames has the same place, its id: a country by
        any of its names; a Kazakh region or city is in KZ; a foreign city is in the country of its row."""
        index = geo.index()
        for name, place in self.by_name.items():
            if place.kind != "country":
                continue
            for alias in self._aliases[name]:
                found = [c for c in index.get(geo.key(alias)) if c.kind == "country"]
                if found:
                    place.country, place.geonames = found[0].country, found[0].geonames
                    break
        for place in self.by_name.values():
            if place.kind == "country":
                continue
            owner = self.by_name.get(place.region or "")
            place.country = owner.country if owner is not None and owner.kind == "country" else "KZ"
            if place.kind == "city":
                same = [
                    c
                    for c in index.get(geo.key(place.name))
                    if c.kind == "city" and c.country == place.country
                ]
                if same:
                    place.geonames = same[0].geonames

    def lookup(self, text: str) -> Place | None:
        return self.forms.get(key(text))

    def may_start(self, word: str) -> bool:
        """Whether words (tokens with no space in them) joined by spaces, `word` first, can be a form: their
        key begins with the word in lower case, then a space, the end, or a dot (`key` joins `г .`)."""
        return word.lower().replace("ё", "е").split(".")[0] in self.first_words


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


# a link to another article under this one: its headline is that article's news, its places not this one's
RELATED_LINK = re.compile(
    rf"^[ \t]*{resources.phrases('related_links.txt')}\b.*$", re.IGNORECASE | re.MULTILINE
)  # (rules/related_links.txt)


def page_chrome(text: str) -> Spans:
    """The runs of at least CHROME_MIN_LINES short lines (four words at most, no sentence end, not a
    list's item, few figures) in a row: a menu. A list of figures (`Алматы — 120`) is no menu."""
    runs, run, offset = [], [], 0
    for line in [*text.split("\n"), ""]:
        stripped = line.strip()
        if stripped and len(stripped.split()) <= 4 and CHROME_LINE.fullmatch(stripped):
            run.append((offset, offset + len(line), bool(re.search(r"\d", stripped))))
        else:
            if len(run) >= CHROME_MIN_LINES and 10 * sum(d for _, _, d in run) <= 3 * len(run):
                runs.append((run[0][0], run[-1][1]))
            run = []
        offset += len(line) + 1
    runs += [m.span() for m in RELATED_LINK.finditer(text)]
    return Spans(sorted(runs))


def _capitalized(text: str) -> bool:
    return text[:1].isupper()


class PlaceFinder:
    """Finds the places of each sentence: gazetteer n-grams, plus NER locations it does not know that
    follow `г.`/`город` (foreign towns)."""

    def __init__(self):
        self.gazetteer = gazetteer()
        self.origin_words = set(resources.words("origin_words.txt"))
        self.destinations = dict(resources.table("destinations.tsv"))  # lemma -> `to` | `any`
        # words a town's name follows in the genitive: `житель Тараза`, `полицейские Аягоза`
        self.owners = self.origin_words | set(resources.words("town_owners.txt"))
        self.street_words = set(resources.words("street_words.txt"))
        self.route_words = set(resources.words("route_words.txt"))
        self.prefixes = set(resources.words("place_prefixes.txt"))
        self.settlement_words = set(resources.words("settlement_words.txt"))
        self.region_words = set(resources.words("region_words.txt"))
        self.not_towns = set(resources.words("not_town_words.txt"))
        self.platforms = {w.lower() for w in resources.words("platforms.txt")}  # `через Каспи`: no town
        self.index = geo.index()
        # one pattern for all the words (one search per sentence)
        national = "|".join(map(re.escape, resources.words("national_scope.txt")))
        self.national = re.compile(r"(?<!\w)(?:" + national + r")(?!\w)") if national else None

    def __call__(self, doc: Document) -> None:
        doc.mentions = [self._town_not_person(doc.normalized.text, m) for m in doc.mentions]
        persons = Spans((m.start, m.end) for m in doc.mentions if m.type == "PER")
        self._locs = Spans((m.start, m.end) for m in doc.mentions if m.type == "LOC")
        # the countries named so far choose among homonyms (`Иваново` in Belarus after `Беларусь`)
        self._countries: set[str] = set()
        self._last_end = -1
        self._chrome = chrome = page_chrome(doc.normalized.text)
        for sentence in doc.sentences:
            if sentence.index in doc.skipped or chrome.covers(sentence.start):
                continue  # Kazakh declines names its own way (`Шымкентте`): its places are not read
            if self.national is not None and self.national.search(sentence.text.lower()):
                doc.national.add(sentence.index)
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                found = self._longest(tokens, i)
                if found is None:
                    i += 1
                    continue
                place, j = found
                self._last_end = tokens[j - 1].end
                if place.country and (place.kind == "country" or place.country == "KZ"):
                    # a country named, or Kazakhstan by any of its places (Kazakh news first)
                    self._countries.add(place.country)
                if self._is_street(tokens, i):
                    i = j
                    continue  # `на проспекте Абая`
                start, end = tokens[i].start, tokens[j - 1].end
                # (`области Абай`: a name after a region word is the region's, whatever NER reads)
                person = persons.covers(start) and not self._region_word(tokens, i - 1)
                if not person and not self._part_of_name(tokens, i, place):
                    origin = (
                        self._is_origin(tokens, i)
                        or self._is_route(tokens, i)
                        or self._is_destination(tokens, i, place.name)
                        or self._continues_origins(doc, tokens, i, sentence.index)
                    )
                    doc.places.append(PlaceMention(place, start, end, sentence.index, origin))
                i = j
        self._unknown_towns(doc)

    def _town_not_person(self, text: str, mention: Mention) -> Mention:
        """NER reads `жителя г. Тараза`, `полицейские Балхаша` as a person called Тараза, Балхаша: one word
        that is a known place is the place, unless the dictionary knows it as a first name (`Абай`) and
        nothing before it says it is a town."""
        word = mention.text.strip()
        if mention.type != "PER" or " " in word:
            return mention
        if self.gazetteer.lookup(word) is None:
            # `врачей Уханя`: a big town of the world's data that is no word nor name of the dictionary
            big = any(c.kind != "continent" and c.population >= BIG_TOWN for c in self.index.lookup([word]))
            morph = analyzer()
            if (
                not big
                or _common(word)
                or any({"Name", "Surn", "Patr"} & set(p.grams.values) for p in morph(word.lower()))
            ):
                return mention
            return Mention("LOC", mention.start, mention.end, mention.text)
        before = text[max(0, mention.start - 40) : mention.start].replace(".", " ").split()[-2:]
        if any(w.lower() in self.prefixes or lemmas(w) & self.owners for w in before):
            return Mention("LOC", mention.start, mention.end, mention.text)
        morph = analyzer()
        if morph.raw.word_is_known(word.lower()) and any("Name" in p.grams for p in morph(word.lower())):
            return mention
        return Mention("LOC", mention.start, mention.end, mention.text)

    @staticmethod
    def _part_of_name(tokens, i: int, place) -> bool:
        """`УК РК`, `МВД РК`: the republic in a body's or a code's name; `долларов США`: the currency."""
        if i == 0 or place.kind != "country":
            return False
        before = tokens[i - 1].text
        # (`В США` at a sentence's start: a one-letter preposition is no body)
        if tokens[i].text.isupper() and ((before.isupper() and len(before) > 1) or before in ("КоАП", "УПК")):
            return True
        return bool(lemmas(before) & set(lexicon.currencies()))

    @staticmethod
    def _continues_origins(doc: Document, tokens, i: int, sentence: int) -> bool:
        """`отдыхающие из Астаны, Караганды и Новосибирска`: a list goes on with origins."""
        if i < 2 or tokens[i - 1].text not in (",", "и", "—", "–", "-") or not doc.places:
            return False
        last = doc.places[-1]
        return last.sentence == sentence and last.origin and last.end == tokens[i - 2].end

    def _longest(self, tokens, i: int):
        if not _capitalized(tokens[i].text):
            return None
        written = self._named_after_region_word(tokens, i)
        if written is not None:
            return written, i + 1
        # (the n-grams of most capitalised words are no form: not looked up one by one)
        stop = min(len(tokens), i + MAX_WORDS) if self.gazetteer.may_start(tokens[i].text) else i
        for j in range(stop, i, -1):
            text = " ".join(t.text for t in tokens[i:j])
            place = self.gazetteer.lookup(text)
            if place is not None:
                if (
                    place.kind == "region"
                    and j - i == 1
                    and not tokens[i].text.isupper()
                    and place.country == "KZ"
                ):
                    if self._region_word(tokens, i - 1):
                        return place, j  # `области Абай`: the name after `область` is the region
                    continue  # a lone word is a region only as an abbreviation (ВКО); `Абай` is the town
                if place.kind == "city" and self._region_word(tokens, i - 1):
                    break  # `в штате Нью-Йорк`: the state of the world's data, not the rules' town
                return place, j
        return self._world(tokens, i)

    def _named_after_region_word(self, tokens, i: int) -> Place | None:
        """`области Абай`, `в области Жетісу`: a Kazakh region of 2022 by its official name (`область Абай`,
        `область Жетысу`), however the text writes it (`Абайской области` is the same region)."""
        if not self._region_word(tokens, i - 1) or not tokens[i].text.replace("-", "").isalpha():
            return None
        place = self.gazetteer.lookup(f"область {tokens[i].text}")
        if place is None or place.kind != "region":
            return None
        return place

    def _world(self, tokens, i: int):
        """The places of the whole world (geo.py) the rules do not know, in any case: `в Смоленске`,
        `Свердловской области`; or a region made by `область`, `край` (`Могилёвской губернии`); or a town
        named after a settlement word (`в селе Бестерек`)."""
        settlement = self._settlement_word(tokens, i)
        for j in range(min(len(tokens), i + MAX_WORDS), i, -1):
            words = [t.text for t in tokens[i:j]]
            if not all(w.replace("-", "").isalpha() for w in words) or words[-1] == "-":
                continue
            if len(words) == 1 and (len(words[0]) <= 2 or (words[0].isupper() and len(words[0]) <= 4)):
                continue  # `КР`, `ОВД`: an abbreviation, `На` at a sentence's start: no town of the data
            found = self.index.lookup(words)
            if not found:
                continue
            located = self._locs.overlaps(tokens[i].start, tokens[j - 1].end)
            if any(c.kind == "continent" for c in found) or self._not_a_town(tokens, i, located):
                return None
            if settlement:
                found = tuple(c for c in found if c.kind == "city") or found
            if not settlement and len(words) == 1 and _adjective(words[0]):
                continue  # `Северной`, `Кировского`: a homonym village is no reason to read an adjective
            if located and len(words) == 1 and _common(words[0]):
                # `Ферма находится...`, `Тариба (Совет)`: a capitalised word that NER reads as a place is
                # one at a sentence's start never, elsewhere when a big town of that name exists (`Орле`)
                if i == 0 or not any(c.kind != "city" or c.population >= BIG_TOWN for c in found):
                    continue
            if settlement or located or self._sure(words, found):
                # `в Урагаваре (Ниигата)`: a name in brackets after a town is its region, if one is so called
                bracketed = i >= 2 and tokens[i - 1].text == "(" and tokens[i - 2].end == self._last_end
                region = self._region_word(tokens, i - 1) or (
                    bracketed and any(c.kind == "region" for c in found)
                )
                best = self._choose(found, region=region)
                kind = "region" if self._region_word(tokens, i - 1) else best.kind  # `штат Оклахома`
                name = best.name
                if key(name).replace(" ", "-") == key(" ".join(words)):
                    name = " ".join(words)  # `Кара-Суу`, as written, not the data's `Кара Суу`
                return Place(name, kind, None, best.country, best.geonames), j
        region = self._made_region(tokens, i)
        if region is not None:
            return region
        if (
            settlement
            and tokens[i].text.replace("-", "").isalpha()
            and len(tokens[i].text) > 1
            and not self._not_a_town(tokens, i, False)
        ):
            return Place(_nominative(tokens[i].text), "city"), i + 1
        return None

    def _sure(self, words: list[str], found) -> bool:
        """Without NER's word nor a settlement word, a name is taken when nothing else reads it: several
        words (`Нижний Новгород`), or one the dictionary knows only as a place or not at all; a town of
        the data only when it is big (tiny homonym villages are everywhere: `Мира`, `Победа`)."""
        if len(words) == 1 and _common(words[0]):
            return False
        return any(c.kind != "city" or c.population >= BIG_TOWN for c in found)

    def _choose(self, found, region: bool = False):
        """One name, several places: a country; a region after `штат`, `провинция`; then a place in a
        country the text names; then a big town, a region, the most populous town."""

        def rank(c):
            return (
                c.kind != "country",
                region and c.kind != "region",
                c.country not in self._countries,
                0 if c.population >= BIG_TOWN else 1 if c.kind == "region" else 2,
                -c.population,
            )

        return min(found, key=rank)

    def _not_a_town(self, tokens, i: int, located: bool) -> bool:
        """`в районе Зурмат`, `горы Тубкаль`, `«Курск»`, `«Нур Сапар Тревел»`: a district, a mountain, a
        name in quotes (a title, a firm) unless NER reads a place there (`«Минэкономразвития Чувашии»`)."""
        before = tokens[i - 1].text if i else ""
        texts = [t.text for t in tokens[:i]]
        quoted = texts.count("«") > texts.count("»") or texts.count('"') % 2 == 1
        if tokens[i].text.lower() in self.platforms:
            return True  # `перевела через Каспи`: the platform, not a town of that name
        return (quoted and not located) or before in ("“", "„") or bool(lemmas(before) & self.not_towns)

    def _settlement_word(self, tokens, i: int) -> bool:
        """`в селе`, `г.`, `пос.`: a full word by its lemma, an abbreviation (three letters or fewer) with
        its dot (`горы` is no `гор.`)."""
        if i >= 2 and tokens[i - 1].text == ".":
            return tokens[i - 2].text.lower() in self.settlement_words
        if i >= 1 and len(tokens[i - 1].text) > 3:
            return any(len(w) > 3 for w in lemmas(tokens[i - 1].text) & self.settlement_words)
        return False

    def _region_word(self, tokens, i: int) -> bool:
        return i >= 0 and tokens[i].text[:1].islower() and bool(lemmas(tokens[i].text) & self.region_words)

    def _made_region(self, tokens, i: int):
        """`Пермском крае`, `Могилёвской губернии`: a capitalised adjective and a region word is a region,
        named in the nominative."""
        if i + 1 >= len(tokens) or not self._region_word(tokens, i + 1):
            return None
        if i + 2 < len(tokens) and self._named_after_region_word(tokens, i + 2) is not None:
            return None  # `Полицейские области Абай`: the adjective is no part of the region
        adjective = next((p for p in analyzer()(tokens[i].text.lower()) if "ADJF" in p.grams), None)
        noun = next(
            (p for p in analyzer().raw.parse(tokens[i + 1].text.lower()) if p.tag.POS == "NOUN"), None
        )
        if adjective is None or noun is None or noun.tag.gender is None:
            return None
        parsed = next((p for p in analyzer().raw.parse(tokens[i].text.lower()) if p.tag.POS == "ADJF"), None)
        inflected = parsed.inflect({"nomn", "sing", noun.tag.gender}) if parsed else None
        if inflected is None:
            return None
        name = "-".join(w.capitalize() for w in inflected.word.split("-")) + " " + noun.normal_form
        return Place(name, "region"), i + 2

    def _is_origin(self, tokens, i: int) -> bool:
        j = i - 1
        while j >= 0 and (tokens[j].text.lower() in self.prefixes or tokens[j].text == "."):
            j -= 1  # `уроженец города Экибастуза`, `жителя г. Тараза`
        return j >= 0 and bool(
            lemmas(tokens[j].text) & self.origin_words or tokens[j].text.lower() in self.origin_words
        )

    def _is_route(self, tokens, i: int) -> bool:
        """`по маршруту Алматы — Сеул`: both ends of a route (the second continues the first)."""
        return i > 0 and tokens[i - 1].text.lower() in self.route_words

    def _is_street(self, tokens, i: int) -> bool:
        j = i - 1
        while j >= 0 and tokens[j].text == ".":
            j -= 1
        return j >= 0 and tokens[j].text.lower() in self.street_words

    def _is_destination(self, tokens, i: int, name: str) -> bool:
        """`везли из Алматы в Ушарал`, `для сбыта в Кызылорде`: where it was headed is not the scene."""
        if i < 2 or tokens[i - 1].text.lower() not in ("в", "во", "на", "до"):
            return False
        written = tokens[i].text.lower()
        # `в Экибастузе`, `в Кызылорде`: the locative, where it happened; `в Ушарал`, `в Караганду`: where to
        locative = written != name.lower() and written.endswith(("е", "и"))
        for token in reversed(tokens[max(0, i - 6) : i - 1]):
            if token.text in (",", ";", ":", "—", "–", "."):
                return False
            kinds = {self.destinations[w] for w in lemmas(token.text) if w in self.destinations}
            if "any" in kinds or ("to" in kinds and not locative):
                return True
        return False

    def _unknown_towns(self, doc: Document) -> None:
        known = Spans((p.start, p.end) for p in doc.places)
        starts = [s.start for s in doc.sentences]
        for mention in doc.mentions:
            if (
                mention.type != "LOC"
                or known.overlaps(mention.start, mention.end)
                or self._chrome.covers(mention.start)
            ):
                continue
            index = containing(starts, mention.start)
            sentence = doc.sentences[index] if index is not None else None
            if sentence is None or mention.start >= sentence.end:
                continue
            first = next((i for i, t in enumerate(sentence.tokens) if t.start >= mention.start), None)
            before = [t.text.lower() for t in sentence.tokens[max(0, (first or 0) - 2) : first]]
            if first is None or not self.prefixes & set(before):
                continue  # an unknown place is a town only when the text says so: `в г. Бишкеке`
            place = Place(_nominative(mention.text), "city")
            origin = self._is_origin(sentence.tokens, first) or self._is_destination(
                sentence.tokens, first, place.name
            )
            doc.places.append(PlaceMention(place, mention.start, mention.end, sentence.index, origin))


def _adjective(word: str) -> bool:
    """`Кировского`, `Северной`; not `Иваново`, which the dictionary also knows as a place."""
    parses = analyzer()(word.lower())
    return (
        analyzer().raw.word_is_known(word.lower())
        and any("ADJF" in p.grams for p in parses)
        and not any("Geox" in p.grams for p in parses)
    )


def _common(word: str) -> bool:
    """A word the dictionary knows, and not only as a place: `Мира`, `Ферма`, `Орле`."""
    parses = analyzer()(word.lower())
    return analyzer().raw.word_is_known(word.lower()) and not all("Geox" in p.grams for p in parses)


def _nominative(text: str) -> str:
    words = text.split()
    if len(words) != 1:
        return text
    parses = [p for p in analyzer()(words[0].lower()) if "Geox" in p.grams]
    if not parses:
        return text
    name = parses[0].normalized
    return "-".join(part.capitalize() for part in name.split("-"))
