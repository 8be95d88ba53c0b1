"""Persons and organisations: NER spans made whole by rules (police units with their city, names in
quotes after `компания`, `ТОО`, `соцсеть`), names normalised to the nominative."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from . import resources
from .document import Document, NamedMention
from .morph import analyzer, lemmas
from .ner import Mention
from .places import gazetteer, page_chrome
from .segment import Token
from .spans import Spans

QUOTED = re.compile(r'"([^"\n]{1,80})"')
DOMAIN = re.compile(
    r"(?<![\w.@/-])[A-Za-z0-9][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?i:kz|ru|com|kg|uz|net|org|info)(?![A-Za-z0-9])"
)  # `finprom.kz`, `24-kg.com`, `Top.Mail.Ru`, and `uralskcity.kz` glued to the next Russian word
_OUTLET = r"(?P<name>[A-ZА-ЯЁ][\w]*(?: [A-ZА-ЯЁ][\w]*){0,2})"
# datelines: `Тараз. 3 марта. KAZAKHSTAN TODAY -`, `АКТОБЕ. KAZINFORM -`, `ТАШКЕНТ, 5 мар — Sputnik.`,
# `CentralAsia (KZ) -`: the news outlet's own name
DATELINES = (
    re.compile(
        r"^(?P<city>[А-ЯЁ][А-ЯЁа-яё-]+)(?:[.,] \d{1,2} [а-яё]+\.?)?[.,]? " + _OUTLET + r" [—–-] ", re.M
    ),
    re.compile(r"^(?P<city>[А-ЯЁ][А-ЯЁа-яё-]+), \d{1,2} [а-яё]+\.? [—–-] " + _OUTLET + r"\.", re.M),
    re.compile(r"^" + _OUTLET + r" \([A-Z]{2}\) [—–-] ", re.M),
)
NAME_GRAMS = ("Name", "Surn", "Patr")
# a name with its surname in capitals, which NER does not tag: `Иван ПЕТРОВ`, `ИВАН ПЕТРОВ, начальник ...`
CAPS_NAME = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+|[А-ЯЁ]{3,}) ([А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?)(?![\w-])")
SURNAME_END = re.compile(r"(?:[ОЕЁ]В|[ИЫ]Н)(?:А|У|ЫМ|ОМ|Е|ОЙ|Ы)?|УЛЫ|УУЛУ|КЫЗЫ")
# `ИА`, `МИА`: a news agency's kind written before its name
MEDIA_TYPE = re.compile(r"^(?:ИА|МИА|ИАА)\s+(?=\S)")
LATIN_WITH_NOUN = re.compile(r"^([A-Za-z][A-Za-z0-9 .]*)-[а-яё]+$")
CASE_ENDINGS = {"а", "у", "ом", "е", "ы", "ой", "ю", "ем", "ов", "ам", "ами", "ах"}


def _any_of(words) -> re.Pattern:
    """Any of the words anywhere in a text (an empty list: any text)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


PLACE_PREFIXES = {"г", ".", "город", "города", "городу", "городе", "по"}
# lower-case words between a body's head and its place: `управление по надзору за законностью ...`
BODY_LINKS = {"по", "при", "за", "с", "и"}
BODY_MAX_WORDS = 14
# a town's or a district's adjective, which names a court or a police unit (`Ошский`, `Ауэзовского`)
PLACE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое)")


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


def _rewritten(text: str, start: int, end: int, tokens) -> str:
    """text[start:end] with each token's text as given (a line in capitals put in lower case)."""
    out, pos = [], start
    for t in tokens:
        if start <= t.start and t.end <= end:
            out += [text[pos : t.start], t.text]
            pos = t.end
    return "".join(out) + text[pos:end]


def _country(word: str) -> bool:
    place = gazetteer().lookup(word)
    return place is not None and place.kind == "country"


def _agree(text: str, case: str) -> bool:
    """Every word of a name the dictionary knows can be in `case`, in one gender."""
    known = [p for p in (_name_parses(word) for word in text.split()) if p]
    return bool(known) and any(all(any(_fits(p, case, g) for p in word) for word in known) for g in GENDERS)


def _declined_adjective(word: str) -> bool:
    """`Национального`: an adjective that every reading puts in an oblique case."""
    forms = [f for f in analyzer()(word.lower()) if "ADJF" in f.grams]
    # (`национального` may also be an animate accusative: no nominative, no inanimate accusative)
    return bool(forms) and all(
        "nomn" not in f.grams and ("accs" not in f.grams or "anim" in f.grams) for f in forms
    )


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
                guessed = (
                    parse is not None
                    and gender == "masc"
                    and "Name" in parse.grams
                    and not analyzer().raw.word_is_known(word.lower())
                )
                if guessed and nominative is not None and nominative.endswith(("а", "я")):
                    # `Жандосе`: a man's name the dictionary lacks ends as most do, not in `-а`, `-я`
                    nominative = None
                    word_parses = []
                if not word_parses and case != "nomn":
                    # a name the dictionary lacks, beside a known one in this case: its usual ending
                    ending, nomn = NAME_ENDINGS[gender][case]
                    if word.endswith(ending) and len(word) > len(ending) + 2:
                        word = word[: len(word) - len(ending)] + nomn
                out.append(
                    word if nominative is None else "-".join(x.capitalize() for x in nominative.split("-"))
                )
            if " ".join(out) not in readings:
                readings.append(" ".join(out))
    return readings or [text]


def person_name(text: str) -> str:
    return person_readings(text)[0]


def _keep_case(written: str, word: str) -> str:
    """`Восточно-Казахстанскому` -> `Восточно-Казахстанский`: each hyphened part keeps its capital."""
    old, new = written.split("-"), word.split("-")
    if len(old) != len(new):
        return word[:1].upper() + word[1:] if written[:1].isupper() else word
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old, new, strict=True))


@lru_cache(maxsize=100_000)  # (asked of every word before a unit word: the analyser is the cost)
def _singular(word: str, pos: str) -> tuple:
    return tuple(
        p
        for p in analyzer()(word.lower())
        if pos in p.grams and "sing" in p.grams and not any(g in p.grams for g in NAME_GRAMS)
    )


def _cases(parses) -> set[str]:
    return {c for p in parses for c in CASES if c in p.grams}


def _agreement(adjective) -> tuple[str, ...]:
    return tuple(g for g in (*CASES, *GENDERS, "neut") if g in adjective.grams)


def org_nominative(text: str) -> str:
    """A body's name in the nominative: its head noun and the adjectives before it are declined, the
    rest stays as written (`Агентства по финансовому мониторингу` -> `Агентство по финансовому
    мониторингу`, `Таласского пограничного отряда` -> `Таласский пограничный отряд`).

    The head must be a dictionary noun: `Береке Инвест` or `Kaspi Bank` are names, not Russian nouns.
    An adjective before it may be a guess (`Казалинского`, `Восточно-Казахстанскому`).
    """
    words = text.split()
    as_written = " ".join(words)
    if len(words) == 1 and (guessed := _guessed_name(as_written)) is not None:
        return guessed
    for k, word in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", word):
            return as_written
        nouns = _singular(word, "NOUN")
        if not analyzer().raw.word_is_known(word.lower()):  # a guess, unless a body's word (`акимата`)
            nouns = [n for n in nouns if n.normalized in resources.words("body_heads.txt")]
        adjectives = _singular(word, "ADJF")
        following = (
            _singular(words[k + 1], "NOUN") + _singular(words[k + 1], "ADJF") if k + 1 < len(words) else ()
        )
        if adjectives and (not nouns or _cases(adjectives) & _cases(following)):
            continue  # `Главного управления`: an adjective before its noun, not the noun `главное`
        if not nouns:
            return as_written
        name_ends = k == 0 and (len(words) == 1 or words[1].isascii())
        if name_ends and any(
            all(g in p.grams for g in ("NOUN", "plur", "nomn")) for p in analyzer()(word.lower())
        ):
            return as_written  # `Известия`, `Новости Mail`: a name in the plural, not a declined singular
        if k:  # `Национального банка`: the noun of the adjectives' case (not `банка`, a jar)
            before = _singular(words[k - 1], "ADJF")
            nouns = [
                n for n in nouns if any(all(g in n.grams for g in _agreement(a)) for a in before)
            ] or nouns
        head = next((n for n in nouns if "nomn" in n.grams), nouns[0])
        if "nomn" in head.grams:
            return as_written
        case = next(c for c in CASES if c in head.grams)
        gender = next((g for g in (*GENDERS, "neut") if g in head.grams), None)
        out = []
        for word_before in words[:k]:
            adj = next(
                (a for a in _singular(word_before, "ADJF") if case in a.grams and gender in a.grams), None
            )
            form = adj.inflect({"nomn", "sing"}) if adj is not None else None
            if form is None:
                return as_written
            out.append(_keep_case(word_before, form))
        form = head.inflect({"nomn", "sing"})
        if form is None:
            return as_written
        return " ".join([*out, _keep_case(word, form), *words[k + 1 :]])
    return as_written


def _guessed_name(word: str) -> str | None:
    """`Казпочты`, `ЦОНе`, `ЭкоИсламикБанка` -> `Казпочта`, `ЦОН`, `ЭкоИсламикБанк`: a one-word name the
    dictionary does not know is declined by the analyser's guess from its ending, when no guess is the
    nominative; the written capitals stay (an acronym keeps its case, `КазВодХоз` its inner capitals).
    None for a known word (the body rules decline `Акимата`) and for an all-capital acronym."""
    if not re.fullmatch(r"[А-ЯЁ][А-Яа-яЁё]+", word) or word.isupper():
        return None
    if analyzer().raw.word_is_known(word.lower()):
        return None
    guesses = _singular(word, "NOUN")
    if not guesses or any("nomn" in g.grams for g in guesses):
        return word
    form = guesses[0].inflect({"nomn", "sing"})
    if form is None:
        return word
    same = len(os.path.commonprefix([word.lower(), form]))
    return word[:same] + form[same:]


def _quoted_part(org: NamedMention, text: str) -> NamedMention:
    """`МП "Тазалык`, `отдел ... СТК "Актау-Порт`: a name that NER cut inside its quotes is the quoted name
    (a company is named by what is inside its quotes)."""
    if org.name.count('"') != 1:
        return org
    opening = text.find('"', org.start, org.end) + 1
    closing = text.find('"', opening, opening + 80)
    if opening == 0 or closing < 0 or "\n" in text[opening:closing] or not text[opening:closing].strip():
        return org
    return NamedMention(text[opening:closing].strip(), opening, closing)


def _without_initials(mention: Mention) -> Mention:
    """`КР Н.Н.Э`: NER takes a person's initials after a body's name into it."""
    text = re.sub(r"(?: (?:[А-ЯЁ]\.)+[А-ЯЁ]?\.?)+$", "", mention.text)
    return (
        mention
        if text == mention.text
        else Mention(mention.type, mention.start, mention.start + len(text), text)
    )


INITIAL = re.compile(r"(?:[А-ЯЁA-Z]\.)+[А-ЯЁA-Z]?|[А-ЯЁA-Z]")  # `К.`, `Б.Р.`, `Н.Н.Э`
# an unknown name's nominative from its case ending, by gender: `Каната` -> `Канат`, `Жанары` -> `Жанара`
NAME_ENDINGS = {
    "masc": {"gent": ("а", ""), "accs": ("а", ""), "datv": ("у", ""), "ablt": ("ом", ""), "loct": ("е", "")},
    "femn": {
        "gent": ("ы", "а"),
        "accs": ("у", "а"),
        "datv": ("е", "а"),
        "ablt": ("ой", "а"),
        "loct": ("е", "а"),
    },
}


class EntityFinder:
    def __init__(self):
        self.acronyms = set(resources.words("org_acronyms.txt"))
        # `Антикор`, `НацБанк` are declined (`сотрудники Антикора`): matched by lemma, named as listed
        self.declined = {w.lower(): w for w in self.acronyms if not w.isupper()}
        self.org_types = {w.lower() for w in resources.words("org_types.txt")}
        self.legal_forms = {w for w in resources.words("org_types.txt") if w.isupper()}
        self.stopwords = set(resources.words("org_stopwords.txt"))
        self.genitive_heads = set(resources.words("genitive_heads.txt"))
        self.generic_bodies = set(resources.words("generic_bodies.txt"))
        self.generic_body_words = set(resources.words("generic_body_words.txt"))
        self.generic_acronyms = set(resources.words("generic_acronyms.txt"))
        self.body_heads = set(resources.words("body_heads.txt"))
        self.platforms = {w.lower(): w for w in resources.words("platforms.txt")}
        self.credit_words = set(resources.words("credit_words.txt"))
        self.titles = set(resources.words("person_titles.txt"))
        self.eponym_words = set(resources.words("eponym_words.txt"))
        self.region_words = set(resources.words("unit_words.txt"))
        self.unit_prefixes = tuple({w[:3] for w in self.region_words} | {"сто"})
        self.head_prefixes = {w[:3].lower() for w in self.body_heads}
        # what a sentence's text must hold for a token of it to be a head, a platform, an acronym (most
        # hold none: their tokens are not walked one by one); empty lists match every text
        self._any_head = _any_of(self.head_prefixes)
        self._any_platform = _any_of(self.platforms)
        self._any_acronym = _any_of(self.acronyms)
        self._any_declined = _any_of(self.declined)
        self.not_tails = set(resources.words("body_not_tails.txt"))
        self.vehicles = {w.lower() for w in resources.words("vehicle_makes.txt")}

    def __call__(self, doc: Document) -> None:
        mentions = self._with_caps_names(doc)
        quoted_orgs = self._quoted(doc)
        regions = self._region_phrases(doc)
        units = self._police_units(doc, regions)
        # (`Департамента полиции`, a kind of body with no place after it, ends no body: `управления ...
        # областного Департамента полиции` is none)
        place_starts = {p.start for p in doc.places}
        text = doc.normalized.text
        ner_orgs = [
            _without_initials(m)
            for m in mentions
            if m.type == "ORG"
            and (not self._kind_of_body(m.text) or len(text) - len(text[m.end :].lstrip(" ")) in place_starts)
        ]
        bodies = self._bodies(doc, units, ner_orgs, regions)
        in_body = Spans((b.start, b.end) for b in bodies)
        # a unit inside a body is named with it; a bare `ДП` or `УМС ДП` (no place, no parent) is none
        units = [
            u
            for u in units
            if not in_body.overlaps(u.start, u.end) and not set(u.name.split()) <= self.generic_acronyms
        ]
        rule_orgs = bodies + units + quoted_orgs
        taken = Spans((o.start, o.end) for o in rule_orgs)
        for extra in (self._platforms(doc), self._outlets(doc)):
            rule_orgs += [o for o in extra if not taken.overlaps(o.start, o.end)]
            taken = Spans((o.start, o.end) for o in rule_orgs)
        taken = Spans((o.start, o.end) for o in rule_orgs)
        ner_found, persons = [], []
        places = {p.start: p for p in doc.places if not p.origin}
        for mention in mentions:
            overlaps = taken.overlaps(mention.start, mention.end)
            if mention.type == "ORG" and not overlaps:
                mention = _without_initials(mention)
                org = self._ner_org(doc, mention, places)
                if org is not None:
                    ner_found.append(org)
            elif mention.type == "PER" and self._may_be_person(mention.text):
                person = self._person_words(doc, mention)
                if person is None or self._eponym(doc, person):
                    continue
                readings = person_readings(person.text)
                if self._after_genitive_head(doc, person.start):
                    # `по словам представителя ДЭР Ерлана Мукашева`: the genitive readings first
                    genitive = [r for r in person_readings(person.text, ("gent",)) if r != person.text]
                    readings = list(dict.fromkeys(genitive + readings))
                persons.append((readings, person))
        chrome = page_chrome(doc.normalized.text)
        # (an excerpt cut mid-word, `Департамент госдоходов по Ман`: a name running into its end is no name)
        # (a short capitalised word, not an acronym: `Кы`, `Ман`; the tail only: `\w+$` over a long run of
        # word characters would be quadratic)
        tail = text.rstrip()[-8:]
        last = re.search(r"(?<!\w)[А-ЯЁ][а-яё]{0,2}$", tail)
        cut = len(text.rstrip()) if last else None
        found = [
            _quoted_part(o, text)
            for o in rule_orgs + ner_found
            if not chrome.covers(o.start) and o.end != cut
        ]
        doc.organisations = sorted((n for o in found for n in self._names_of(o)), key=lambda o: o.start)
        persons = [p for p in persons if not chrome.covers(p[1].start)]
        # `ТОО «Алтай Береке Групп»`: a town inside a company's quoted name is named, but is not the scene
        quoted = Spans((o.start, o.end) for o in quoted_orgs)
        for place in doc.places:
            if quoted.overlaps(place.start, place.end):
                place.origin = True
        # `Ерлана Касымова` after `Ерлан Касымов` is his name in the genitive, not a woman's name
        written = {" ".join(mention.text.split()) for _, mention in persons}
        full = []
        for readings, mention in persons:
            own = " ".join(mention.text.split())
            if " " in own:
                full.append(
                    (next((r for r in readings[1:] if r in written and r != own), readings[0]), mention)
                )
        # a surname alone is the person of that full name (`Муканова` after `Канат Муканов`), else no one
        surnames = {name.split()[-1]: name for name, _ in full}
        for readings, mention in persons:
            if " " not in mention.text.strip():
                owner = next((surnames[r] for r in readings if r in surnames), None)
                if owner is not None:
                    full.append((owner, mention))
        for name, mention in sorted(full, key=lambda x: x[1].start):
            doc.persons.append(NamedMention(name, mention.start, mention.end))

    def _with_caps_names(self, doc: Document) -> list[Mention]:
        """NER's mentions, with the names whose surname is in capitals (`Иван ПЕТРОВ`, `ИВАН ПЕТРОВ`) as
        persons: a body NER ran on into such a name (`управления полиции Ивана ПЕТРОВА`) ends before it."""
        found = []
        for match in CAPS_NAME.finditer(doc.normalized.text):
            first, surname = match.group(1), match.group(2)
            if not SURNAME_END.search(surname.rsplit("-", 1)[-1]) or not re.search(
                SURNAME_END.pattern + "$", surname
            ):
                continue
            first_known = analyzer().raw.word_is_known(first.lower())
            if not any("Name" in p.grams for p in _name_parses(first)) and (first_known or first.isupper()):
                continue  # `Начальник ИВАНОВ`; an unknown name is one only written as a name (`Шынгыс`)
            found.append(Mention("PER", match.start(), match.end(), match.group()))
        self._names = names = Spans((m.start, m.end) for m in found)
        if not found:
            return doc.mentions
        out = []
        for mention in doc.mentions:
            if not names.overlaps(mention.start, mention.end):
                out.append(mention)
            elif mention.type == "ORG":
                cut = min((m.start for m in found if mention.start <= m.start < mention.end), default=0)
                text = doc.normalized.text[mention.start : cut].rstrip(" ,")
                if text:
                    out.append(Mention("ORG", mention.start, mention.start + len(text), text))
        taken = Spans((m.start, m.end) for m in out if m.type == "PER")
        out += [m for m in found if not taken.overlaps(m.start, m.end)]
        return sorted(out, key=lambda m: m.start)

    def _person_words(self, doc: Document, mention) -> Mention | None:
        """The name in a PER span, or None when it is no first name and surname: titles and places are
        cut off (`Аким Кентау`, `Кентау Даурен Сапаров`), initials (`Г. Сапарова`, `Б.Р.`) and car
        makes make it none; words in capitals are written normally (`Олега ПАКА`)."""
        words = list(re.finditer(r"\S+", mention.text))

        def title(word: str) -> bool:  # `Экс-акиму`: a title behind a prefix
            return bool((lemmas(word) | lemmas(word.rsplit("-", 1)[-1])) & self.titles)

        def cut(word: str) -> bool:
            return title(word) or gazetteer().lookup(word) is not None or word[:1].islower()

        first = True
        while words and cut(words[0].group()):
            if first and len(words) == 2 and not (title(words[0].group()) or words[0].group()[:1].islower()):
                break  # `Алтай Сапаров`, `Темир Бекенов`: a first name that is also a town's, then a surname
            first = False
            words.pop(0)
        while words and gazetteer().lookup(words[-1].group()) is not None:
            words.pop()
        if not words or any(INITIAL.fullmatch(w.group()) for w in words):
            return None
        if any(w.group().lower() in self.vehicles or lemmas(w.group()) & self.vehicles for w in words):
            return None
        start, end = mention.start + words[0].start(), mention.start + words[-1].end()
        text = " ".join(
            "-".join(x.capitalize() for x in w.group().split("-")) if w.group().isupper() else w.group()
            for w in words
        )
        return Mention(mention.type, start, end, text)

    def _eponym(self, doc: Document, person: Mention) -> bool:
        """`на улице Ивана Петрова`, `школа им. Анны Котовой`, `в селе Ключи района Бориса Сидорова`:
        the name of a street, an institution, a district (`по имени Иван Петров` is a person's; after
        `Каратальского района` a name is the district's head, not its name)."""
        before = re.findall(r"[\w-]+", doc.normalized.text[max(0, person.start - 60) : person.start])[-3:]
        if not before or not before[-1][:1].islower():
            return False
        word = before[-1]
        if word.lower() in self.eponym_words or lemmas(word) & self.eponym_words:
            return not (word.lower() == "имени" and len(before) > 1 and before[-2].lower() == "по")
        if not lemmas(word) & self.region_words or len(before) < 2 or _singular(before[-2], "ADJF"):
            return False
        return _agree(person.text, "gent") and not _agree(person.text, "nomn")

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
        outlet = MEDIA_TYPE.match(name) is not None  # `ИА Новости-Казахстан`, `МИА "Казинформ`: the outlet
        name = MEDIA_TYPE.sub("", name).strip('"')
        name = re.sub(r"(?: (?:[А-ЯЁ]\.)+[А-ЯЁ]?\.?)+$", "", name)  # `палата КР Н.Н.Э`: a person's initials
        text = doc.normalized.text
        quoted = text[mention.start - 1 : mention.start] == '"' and text[mention.end : mention.end + 1] == '"'

        if not name or name in self.stopwords or gazetteer().lookup(name) is not None:
            return None  # `ИВС`; `Туркестане` read as an organisation is the town
        words = re.findall(r"[\w-]+", name)
        if re.search(r"-\d+$", name) or not re.search(r"[^\W\d_]{2}", name) or re.search(r"[+$]", name):
            return None  # `Мак-2025`, `Тула-1`: an operation, a checkpoint; `102`, `Ctrl+Enter`, `за $12`
        if set(name.split()) <= self.generic_acronyms or (len(words) == 1 and lemmas(name) & self.body_heads):
            return None  # a bare `УВД`, `Департамент`: no body's name
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
        elif self._kind_of_body(name):
            return None  # `Департамент полиции` with no place: a kind of body
        elif " " not in name and sum(c.isupper() for c in name) < 2 and not outlet:  # not `КПСиСУ`
            name = _nominative(name)  # `Нацбанка` -> `Нацбанк`
        # `«Известия»`: a name in quotes is kept as written, unless it opens with a declined adjective
        # (`специалисты «Национального центра качества»`: a body's name, declined)
        if quoted and not _declined_adjective(words[0]):
            return NamedMention(mention.text.strip('"').strip(), mention.start, end)
        return NamedMention(org_nominative(name), mention.start, end)

    def _kind_of_body(self, text: str) -> bool:
        """`Департамент полиции`, `Управления полиции`: a head and generic words, no name."""
        words = re.findall(r"[\w-]+", text)
        return len(words) > 1 and all(
            lemmas(w) & self.body_heads or lemmas(w) & self.generic_body_words for w in words
        )

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

    def _region_phrases(self, doc: Document) -> dict[int, int]:
        """Units the gazetteer may lack, start -> end: `Таласской области`, `Забайкальскому краю`,
        `Октябрьского сельского округа`, `области Абай`, `района Аль-Фараби`."""
        found = {}
        for sentence in doc.sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                # (the lemmas only of words that may be one: the analyser is the cost of this stage)
                if not token.text.islower() or not token.text.startswith(self.unit_prefixes):
                    continue
                if "столица" in lemmas(token.text):
                    found[token.start] = token.end  # `ДП столицы`
                if not lemmas(token.text) & self.region_words:
                    continue
                first = i
                while (
                    first > 0
                    and tokens[first - 1].text.islower()
                    and _singular(tokens[first - 1].text, "ADJF")
                ):
                    first -= 1  # `сельского`
                if (
                    first > 0
                    and tokens[first - 1].text[:1].isupper()
                    and _singular(tokens[first - 1].text, "ADJF")
                ):
                    found[tokens[first - 1].start] = token.end
                elif i + 1 < len(tokens) and re.fullmatch(
                    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*", tokens[i + 1].text
                ):
                    found.setdefault(token.start, tokens[i + 1].end)
        return found

    def _police_units(self, doc: Document, regions: dict[int, int]) -> list[NamedMention]:
        found = []
        starts = {p.start: p.end for p in doc.places}
        starts.update({start: end for start, end in regions.items() if start not in starts})
        for sentence in doc.sentences:
            text = sentence.text
            if not (self._any_acronym.search(text) or self._any_declined.search(text.lower())):
                continue  # (no token of it is an acronym: `_is_acronym`)
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                j = i
                while j < len(tokens) and self._is_acronym(tokens[j].text):
                    j += 1
                if j == i or all(_country(t.text) for t in tokens[i:j]):  # a bare `РК`, `РФ`
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
                if (
                    k + 1 < len(tokens)
                    and tokens[k].text == "по"
                    and re.fullmatch(r"[А-ЯЁ]{2,4}", tokens[k + 1].text)
                    and tokens[k + 1].start not in starts
                    and not self._is_acronym(tokens[k + 1].text)
                ):
                    end, j = tokens[k + 1].end, k + 2  # `ГУ МВД по НСО`: a region's abbreviation
                    k = j
                while k < len(tokens) and tokens[k].text.lower() in PLACE_PREFIXES:
                    k += 1
                while k < len(tokens) and tokens[k].start in starts:
                    end = starts[tokens[k].start]  # `УКП ДП г. Алматы`, `ДП Павлодарской области`
                    j = next(
                        n for n in range(k, len(tokens) + 1) if n == len(tokens) or tokens[n].start >= end
                    )
                    k = j + 1  # `УМВД России по Челнам`: the country, then the town
                    if j >= len(tokens) or tokens[j].text != "по":
                        break
                if (
                    j < k < len(tokens)
                    and tokens[k - 1].text == "по"
                    and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*", tokens[k].text)
                    and not self._is_acronym(tokens[k].text)
                ):
                    end, j = tokens[k].end, k + 1  # `УМВД России по Приморью`: a place the rules lack
                name = re.sub(r"\s+", " ", doc.normalized.text[tokens[i].start : end])
                if j - i == 1 and end == tokens[i].end and tokens[i].text not in self.acronyms:
                    name = self._declined_name(tokens[i].text)  # `Антикора` -> `Антикор`
                start = tokens[i].start
                if i > 0 and PLACE_ADJECTIVE.fullmatch(tokens[i - 1].text):
                    # `Алайского РОВД`: a district's unit; an `У...` is an управление, the rest masculine
                    gender = "neut" if tokens[i].text.startswith("У") else "masc"
                    adj = next((a for a in _singular(tokens[i - 1].text, "ADJF")), None)
                    form = adj.inflect({"nomn", "sing", gender}) if adj is not None else None
                    if form is not None:
                        name, start = f"{_keep_case(tokens[i - 1].text, form)} {name}", tokens[i - 1].start
                found.append(NamedMention(name, start, end))
                i = j
        return found

    def _bodies(
        self, doc: Document, units: list[NamedMention], ner_orgs: list, regions: dict[int, int]
    ) -> list[NamedMention]:
        """State bodies written out in words: a head (rules/body_heads.txt, singular) with the adjectives
        before it and the lower-case words after it, up to a place or a named body that ends it
        (`управления криминальной полиции департамента полиции Тараза`, `акимат Тараза`, `Пограничная
        служба Комитета национальной безопасности`). Named in the nominative."""
        place_end = dict(regions)
        place_end.update({p.start: p.end for p in doc.places})
        org_end = {m.start: m.end for m in ner_orgs}
        org_end.update({u.start: u.end for u in units})
        unit_ends = {u.end for u in units if " " in u.name or u.name not in self.generic_acronyms}
        found = []
        for sentence in doc.sentences:
            if not self._any_head.search(sentence.text.lower()):
                continue  # (no token of it begins as a head does)
            tokens = written = sentence.tokens
            lowered = None
            i = 0
            while i < len(tokens):
                # `НАЧАЛЬНИК УПРАВЛЕНИЯ ПОЛИЦИИ Г. СЕМЕЙ`: a line in capitals is read in lower case
                if written[i].text.isupper() and len(written[i].text) > 3:
                    lowered = lowered or self._lowered(written)
                    tokens = lowered
                    # (NER's organisations in capitals are its guesses: `ПОЛИЦИИ`)
                    orgs = {
                        s: e
                        for s, e in org_end.items()
                        if s not in {t.start for t in lowered if t.text.islower()}
                    }
                else:
                    tokens, orgs = written, org_end
                # (the analyser only for words that may be a head: it is the cost of this stage)
                may_be = tokens[i].text[:3].lower() in self.head_prefixes
                head = (
                    [p for p in _singular(tokens[i].text, "NOUN") if p.normalized in self.body_heads]
                    if may_be
                    else []
                )
                cases = _cases(head)
                first = i
                while cases and first > 0 and _cases(_singular(tokens[first - 1].text, "ADJF")) & cases:
                    first -= 1  # `Казалинского районного суда`, `антикоррупционную службу`
                if head and first == i and lemmas(tokens[i].text) & self.generic_bodies:
                    head = []  # `суд Тараза`: a court is named in full (`Есильский районный суд Астаны`)
                end = self._body_end(tokens, i, place_end, orgs) if head else None
                if head and end is None and PLACE_ADJECTIVE.fullmatch(tokens[first].text):
                    end = self._named_by_adjective(tokens, i)  # `Ошский городской суд`
                if end is not None and doc.normalized.text[tokens[first].start].islower():
                    after = tokens[i + 1].text
                    named = after.isascii() or after.isupper()
                    if (first == i and tokens[i + 1].start in org_end and named) or end in unit_ends:
                        # `агентства Kazinform`: the name is the body; `отдел по борьбе с
                        # киберпреступностью УКП ДП г. Алматы`: the unit in its abbreviated form
                        end = None
                if end is None:
                    i += 1
                    continue
                start = tokens[first].start
                text = doc.normalized.text[start:end]
                if tokens is lowered:
                    text = _rewritten(doc.normalized.text, start, end, tokens)
                found.append(NamedMention(self._body_name(text), start, end))
                short = re.search(r"\(([А-ЯЁA-Z]{2,8})\)", text)
                if short:  # both the full name and its abbreviation (`ГУВД Самарканда`)
                    rest = re.sub(r"\s+", " ", text[short.end() :]).strip()
                    abbr_start = start + short.start(1)
                    found.append(
                        NamedMention(
                            f"{short.group(1)} {rest}".strip(), abbr_start, abbr_start + len(short.group(1))
                        )
                    )
                while i < len(tokens) and tokens[i].start < end:
                    i += 1
        return found

    def _lowered(self, tokens) -> list[Token]:
        """The words of a line in capitals as a sentence writes them: abbreviations of bodies and of
        countries stay (`РК`), places are capitalised, the rest in lower case."""
        out = []
        for t in tokens:
            word = t.text
            if not word.isupper() or self._is_acronym(word):
                pass
            elif gazetteer().lookup(word) is not None:
                word = word if len(word) <= 4 else word.capitalize()  # `ВКО`, `Семей`
            elif analyzer().raw.word_is_known(word.lower()):
                word = word.lower()  # (an unknown word is an abbreviation: `УИС`)
            out.append(Token(t.start, t.end, word))
        return out

    def _body_end(self, tokens, i: int, place_end: dict, org_end: dict) -> int | None:
        """Where the body headed by tokens[i] ends: at the place or named body its words lead to, with a
        place right after a named body (`Департамента полиции` `Астаны`) and a tail after `по`/`при`
        (`Агентство РК по финансовому мониторингу`, `отделение Департамента при Генпрокуратуре`)."""
        end, tail_end, tail, j = None, None, False, i + 1
        while j < min(len(tokens), i + BODY_MAX_WORDS):
            token, word = tokens[j], tokens[j].text
            if self._names.covers(token.start):
                break  # `управления полиции города Ивана ПЕТРОВА`: a person's name ends a body
            if end is not None and token.start < end:
                j += 1
                continue
            nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
            if token.start in place_end:
                end = tail_end = place_end[token.start]
            elif token.start in org_end:
                if word.isascii():
                    break  # `службы поддержки Kaspi Bank`: a company's department is no body
                end = tail_end = org_end[token.start]  # `служба Комитета национальной безопасности`, `КНБ`
            elif word.isupper() and 2 <= len(word) <= 6 and word.isalpha() and word not in self.stopwords:
                end = tail_end = token.end  # an abbreviation of a parent body: `палата КР`
            elif (
                word == "("
                and j + 2 < len(tokens)
                and tokens[j + 1].text.isupper()
                and tokens[j + 2].text == ")"
            ):
                j += 3  # `Главного управления внутренних дел (ГУВД) Ташкента`: the abbreviation inside
                continue
            elif word in BODY_LINKS or (word == "." and tokens[j - 1].text == "г"):
                if word == "и" and (nxt[:1].isupper() or lemmas(nxt) & self.body_heads):
                    break  # `Комитета госдоходов и Комитета автодорог`: two bodies
                if end is not None and word in ("по", "при"):
                    tail = True
                elif end is not None and not tail:
                    break
            elif re.fullmatch(r"[а-яё]+(?:-[а-яё]+)*", word) and self._body_word(word):
                if end is not None:
                    if not tail or (tokens[j - 1].text in ("по", "при") and word in self.not_tails):
                        break  # `КНБ по подозрению в ...`: not the body's field
                    tail_end = token.end
            else:
                break
            j += 1
        return tail_end if end is not None else None

    def _named_by_adjective(self, tokens, i: int) -> int:
        """A body named by its town's or district's adjective, with no place after it (`Ошского городского
        суда`, `Советского отдела полиции`): the head and the nouns in the genitive right after it."""
        end, j = tokens[i].end, i + 1
        while j < min(len(tokens), i + 3):
            word = tokens[j].text
            nouns = _singular(word, "NOUN") if re.fullmatch(r"[а-яё]+", word) else ()
            if not any("gent" in n.grams for n in nouns) or not self._body_word(word):
                break
            end, j = tokens[j].end, j + 1
        return end

    def _names_of(self, org: NamedMention) -> list[NamedMention]:
        """`Центр учета ставок (ЦУС)`: the name and its abbreviation; `ТОО Project City Group`: a company by
        its name, without its legal form (rules/org_types.txt, the words in capitals)."""
        if re.search(r"\w{3}\.$", org.name):  # `Новости Mail.`: the sentence's full stop
            org = NamedMention(org.name[:-1], org.start, org.end - 1)
        short = re.fullmatch(r"([^\s\"]+(?: [^\s\"]+)+?)\s*\(([А-ЯЁA-Z]{2,8})\)", org.name)
        if short:  # (`Департамент полиции (ДП)`: a kind of body and a bare acronym are none)
            at = org.end - len(short.group(2)) - 1
            parts = [
                NamedMention(short.group(1), org.start, at - 1),
                NamedMention(short.group(2), at, org.end - 1),
            ]
            generic = (self._kind_of_body(short.group(1)), short.group(2) in self.generic_acronyms)
            return [part for part, no in zip(parts, generic, strict=True) if not no]
        form, _, rest = org.name.partition(" ")
        if form in self.legal_forms and rest[:1].isupper() and not rest.isupper():
            return [NamedMention(rest, org.end - len(rest), org.end)]
        return [org]

    def _body_name(self, text: str) -> str:
        """`Министерства внутренних дел (МВД) РК` -> `Министерство внутренних дел РК`."""
        text = re.sub(r"\s*\([^()]*\)", "", text)
        return org_nominative(re.sub(r"\s+", " ", text).strip(' "'))

    @staticmethod
    def _body_word(word: str) -> bool:
        """A noun or an adjective of a body's name: not a verb, an adverb, or a person (`жителя`)."""
        parse = analyzer()(word)[0]
        return any(g in parse.grams for g in ("NOUN", "ADJF", "PRTF")) and "anim" not in parse.grams

    def _platforms(self, doc: Document) -> list[NamedMention]:
        """`Telegram`, `Telegram-канал`, `в Телеграме`: platforms and services named anywhere."""
        found = []
        for sentence in doc.sentences:
            if not self._any_platform.search(sentence.text.lower()):
                continue  # (no token of it is a platform, declined or not)
            for token in sentence.tokens:
                word = token.text.split("-")[0] if "-" in token.text else token.text
                low = word.lower()
                name = self.platforms.get(low)
                if name is None:
                    if not word[:1].isupper():
                        continue  # (a declined platform is capitalised: the stems are not tried)
                    stem = next(
                        (p for p in self.platforms if low.startswith(p) and low[len(p) :] in CASE_ENDINGS),
                        None,
                    )
                    if stem is None:
                        continue
                    word = self.platforms[stem]
                after = doc.normalized.text[token.end : token.end + 20]
                if "-" not in token.text and re.match(r" [A-Z][a-z]", after):
                    continue  # `Kaspi Bank`: NER has the whole name
                domain = re.match(r"\.[a-z]{2,3}\b", after)
                if domain:  # `kaspi.kz`
                    end = token.end + domain.end()
                    found.append(NamedMention(token.text + domain.group(), token.start, end))
                    continue
                found.append(NamedMention(word, token.start, token.start + len(token.text.split("-")[0])))
        return found

    def _outlets(self, doc: Document) -> list[NamedMention]:
        """News outlets: the name in a dateline and sites named in the text (`по данным finprom.kz`), not
        a site in a photo credit (`Фото: profit.kz`)."""
        text = doc.normalized.text
        found = []
        for pattern in DATELINES:
            for match in pattern.finditer(text):
                city = match.groupdict().get("city")
                if city is None or gazetteer().lookup(city) is not None:
                    found.append(NamedMention(match.group("name"), match.start("name"), match.end("name")))
        for match in DOMAIN.finditer(text):
            line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if not any(lemmas(w) & self.credit_words for w in re.findall(r"\w+", line)[-4:]):
                found.append(NamedMention(match.group(), match.start(), match.end()))
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
