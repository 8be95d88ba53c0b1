"""Persons and organisations: NER spans made whole by rules (police units with their city, names in
quotes after `компания`, `ТОО`, `соцсеть`), names normalised to the nominative."""

from __future__ import annotations

import re

from . import resources
from .document import Document, NamedMention
from .morph import analyzer, lemmas
from .places import gazetteer
from .spans import Spans

QUOTED = re.compile(r'"([^"\n]{1,80})"')
NAME_GRAMS = ("Name", "Surn", "Patr")
LATIN_WITH_NOUN = re.compile(r"^([A-Za-z][A-Za-z0-9 .]*)-[а-яё]+$")
CASE_ENDINGS = {"а", "у", "ом", "е", "ы", "ой", "ю", "ем", "ов", "ам", "ами", "ах"}
PLACE_PREFIXES = {"г", ".", "город", "города", "городу", "городе", "по"}


CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")  # the nominative first: a name as written wins
GENDERS = ("masc", "femn")


def _name_parses(word: str) -> list:
    """Readings as a name, in the singular: one person's name is never a plural (`Избасаров` is no
    genitive plural of `Избасар`)."""
    return [
        p for p in analyzer()(word.lower()) if any(g in p.grams for g in NAME_GRAMS) and "plur" not in p.grams
    ]


def _fits(parse, case: str, gender: str) -> bool:
    return case in parse.grams and (gender in parse.grams or not any(g in parse.grams for g in GENDERS))


def _nominative(word: str) -> str:
    """`Нацбанка` -> `Нацбанк`: a one-word name in the nominative, as the dictionary (or its guess) has it."""
    parse = next((p for p in analyzer()(word.lower()) if "NOUN" in p.grams), None)
    if parse is None or "nomn" in parse.grams:
        return word
    normal = parse.inflect({"nomn", "sing"}) or word
    return normal[:1].upper() + normal[1:] if word[:1].isupper() else normal


def person_readings(text: str, cases: tuple[str, ...] = CASES) -> list[str]:
    """The nominatives a name can stand for, the likeliest first: `Кайрата Нурпеисова` -> `Кайрат
    Нурпеисов`; `Ерлана Касымова` -> `Ерлана Касымова` (a woman), then `Ерлан Касымов` (his).

    The words of a name agree in case and gender, so they are read together: each case (nominative
    first) and gender that every known word can be in is one reading; unknown words stay as written.
    """
    words = text.split()
    parses = [_name_parses(word) for word in words]
    known = [p for p in parses if p]
    readings = [text] if not known else []
    for case in cases:
        for gender in GENDERS:
            if not known or not all(any(_fits(p, case, gender) for p in word) for word in known):
                continue
            out = []
            for word, word_parses in zip(words, parses, strict=True):
                parse = next((p for p in word_parses if _fits(p, case, gender)), None)
                nominative = parse.inflect({"nomn", "sing"}) if parse is not None and case != "nomn" else None
                out.append(
                    word if nominative is None else "-".join(x.capitalize() for x in nominative.split("-"))
                )
            if " ".join(out) not in readings:
                readings.append(" ".join(out))
    return readings or [text]


def person_name(text: str) -> str:
    return person_readings(text)[0]


class EntityFinder:
    def __init__(self):
        self.acronyms = set(resources.words("org_acronyms.txt"))
        # `Антикор`, `НацБанк` are declined (`сотрудники Антикора`): matched by lemma, named as listed
        self.declined = {w.lower(): w for w in self.acronyms if not w.isupper()}
        self.org_types = {w.lower() for w in resources.words("org_types.txt")}
        self.stopwords = set(resources.words("org_stopwords.txt"))
        self.genitive_heads = set(resources.words("genitive_heads.txt"))
        self.generic_bodies = set(resources.words("generic_bodies.txt"))

    def __call__(self, doc: Document) -> None:
        quoted_orgs = self._quoted(doc)
        rule_orgs = self._police_units(doc) + quoted_orgs
        taken = Spans((o.start, o.end) for o in rule_orgs)
        ner_orgs, persons = [], []
        places = {p.start: p for p in doc.places if not p.origin}
        for mention in doc.mentions:
            overlaps = taken.overlaps(mention.start, mention.end)
            if mention.type == "ORG" and not overlaps:
                org = self._ner_org(doc, mention, places)
                if org is not None:
                    ner_orgs.append(org)
            elif mention.type == "PER" and self._may_be_person(mention.text):
                readings = person_readings(mention.text)
                if self._after_genitive_head(doc, mention.start):
                    # `по словам представителя ДЭР Ерлана Мукашева`: the genitive readings first
                    genitive = [r for r in person_readings(mention.text, ("gent",)) if r != mention.text]
                    readings = list(dict.fromkeys(genitive + readings))
                persons.append((readings, mention))
        doc.organisations = sorted(rule_orgs + ner_orgs, key=lambda o: o.start)
        # `ТОО «Алтай Береке Групп»`: a town inside a company's quoted name is named, but is not the scene
        quoted = Spans((o.start, o.end) for o in quoted_orgs)
        for place in doc.places:
            if quoted.overlaps(place.start, place.end):
                place.origin = True
        # `Ерлана Касымова` after `Ерлан Касымов` is his name in the genitive, not a woman's name
        written = {" ".join(mention.text.split()) for _, mention in persons}
        for readings, mention in persons:
            own = " ".join(mention.text.split())
            name = next((r for r in readings[1:] if r in written and r != own), readings[0])
            doc.persons.append(NamedMention(name, mention.start, mention.end))

    def _after_genitive_head(self, doc: Document, start: int) -> bool:
        """A word that takes the name in the genitive stands within the few words before it."""
        before = re.findall(r"[\w-]+", doc.normalized.text[max(0, start - 60) : start])[-5:]
        return any(
            (w.lower() == "словам" or any("gent" in p.grams for p in analyzer()(w.lower())))
            and lemmas(w) & self.genitive_heads
            for w in before
        )  # `представителя ... Ерлана Мукашева`, not `представитель ... Руслан Калиев`

    def _ner_org(self, doc: Document, mention, places) -> NamedMention | None:
        name = LATIN_WITH_NOUN.sub(r"\1", mention.text.strip('"').strip())  # `Telegram-бот` -> `Telegram`
        if not name or name in self.stopwords or gazetteer().lookup(name) is not None:
            return None  # `ИВС`; `Туркестане` read as an organisation is the town
        words = re.findall(r"[\w-]+", name)
        if re.search(r"-\d{4}$", name):
            return None  # `Мак-2025`: an operation, not a body
        if any(len(w) >= 6 and w.isupper() and not w.isascii() for w in words):
            return None  # an ALL-CAPS headline read as an organisation: acronyms are short
        if name[:1].islower() and not name[:1].isascii() or re.search(r"\d{6}", name):
            return None  # `инвестиций в нефтяные акции`, `Бухгалтер компании (ИИН 850101300123)`
        if any(lemmas(w) & self.generic_bodies for w in words):
            return None  # `Кокшетау суд`, `Пресс-служба областного суда`: no body's name
        end = mention.end
        after = re.match(r" +", doc.normalized.text[end:])
        if after and end + after.end() in places:  # `Департамент полиции Шымкента`
            end = places[end + after.end()].end
            name = doc.normalized.text[mention.start : end].strip('"')
        elif " " not in name and sum(c.isupper() for c in name) < 2:  # not `КПСиСУ`
            name = _nominative(name)  # `Нацбанка` -> `Нацбанк`
        return NamedMention(name, mention.start, end)

    def _may_be_person(self, text: str) -> bool:
        """NER takes single capitalised words for names: `Антикора`, `Риддера`, `Обвиняемой`."""
        if " " in text.strip():
            return True
        word = text.strip()
        if gazetteer().lookup(word) is not None or self._declined_name(word) is not None:
            return False
        last = word.rsplit("-", 1)[-1].lower()
        if "-" in word and analyzer().raw.word_is_known(last) and not _name_parses(last):
            return False  # `Трек-номер`: a common noun after the hyphen
        parses = analyzer()(word.lower())
        return any(any(g in p.grams for g in NAME_GRAMS) for p in parses) or not analyzer().raw.word_is_known(
            word.lower()
        )

    def _police_units(self, doc: Document) -> list[NamedMention]:
        found = []
        starts = {p.start: p for p in doc.places}
        for sentence in doc.sentences:
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                j = i
                while j < len(tokens) and self._is_acronym(tokens[j].text):
                    j += 1
                if j == i or all(t.text == "РК" for t in tokens[i:j]):
                    i += 1
                    continue
                end = tokens[j - 1].end
                # `ОП Медеуского района`, `ДП на транспорте`: the unit's district or service
                tail = [t.text for t in tokens[j : j + 2]]
                if len(tail) == 2 and tail[0].endswith(("ского", "цкого")) and tail[1] == "района":
                    end, j = tokens[j + 1].end, j + 2
                elif tail == ["на", "транспорте"]:
                    end, j = tokens[j + 1].end, j + 2
                k = j
                while k < len(tokens) and tokens[k].text.lower() in PLACE_PREFIXES:
                    k += 1
                if k < len(tokens) and tokens[k].start in starts:
                    end = starts[tokens[k].start].end  # `УКП ДП г. Алматы`, `ДП Павлодарской области`
                    j = next(
                        n for n in range(k, len(tokens) + 1) if n == len(tokens) or tokens[n].start >= end
                    )
                name = re.sub(r"\s+", " ", doc.normalized.text[tokens[i].start : end])
                if j - i == 1 and end == tokens[i].end and tokens[i].text not in self.acronyms:
                    name = self._declined_name(tokens[i].text)  # `Антикора` -> `Антикор`
                found.append(NamedMention(name, tokens[i].start, end))
                i = j
        return found

    def _quoted(self, doc: Document) -> list[NamedMention]:
        found = []
        for sentence in doc.sentences:
            for match in QUOTED.finditer(sentence.text):
                before = [t for t in sentence.tokens if t.end <= sentence.start + match.start()][-3:]
                if any(self._is_org_type(t.text) for t in before):
                    name = match.group(1).strip()
                    start = sentence.start + match.start(1)
                    found.append(NamedMention(name, start, start + len(match.group(1))))
        return found

    def _is_acronym(self, word: str) -> bool:
        return word in self.acronyms or (word[:1].isupper() and self._declined_name(word) is not None)

    def _declined_name(self, word: str) -> str | None:
        # by its ending, not the dictionary: pymorphy guesses `Антикора` to be a feminine `антикора`
        word = word.lower()
        for stem, name in self.declined.items():
            if word == stem or (word.startswith(stem) and word[len(stem) :] in CASE_ENDINGS):
                return name
        return None

    def _is_org_type(self, word: str) -> bool:
        return word.lower() in self.org_types or bool(lemmas(word) & self.org_types)
