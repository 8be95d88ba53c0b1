"""Stage 4: rule extraction. The yargy grammars run on each sentence that can hold a match; a match is
turned into a FactDraft here, in one place: value, qualifier, currency, kind and role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from yargy import or_
from yargy.predicates import dictionary

from . import resources
from .document import Document, FactDraft
from .grammars import count, lexicon, number, quantity
from .grammars.money import MONEY, RARE_FORMS
from .grammars.number import amount_value, lemmas
from .grammars.tokenizer import NewsTokenizer
from .grammars.windows import WindowParser
from .morph import analyzer
from .morph import lemmas as word_lemmas
from .places import RELATED_LINK
from .segment import Sentence

# A cheap test before the Earley parser: a digit, a number word stem, or the stem of a word that detains
# one person (`задержан`, `взят под стражу`: count_triggers.tsv) must be there.
_NUMBER_STEMS = (
    r"\d|один|одн|дв[аоуе]|тр[иоеё]|четыр|пят|шест|сем|вос|девят|десят|двадцат|тридцат|сорок|сто|ст[аа]|"
    r"двест|трист|полтор|полутор|тысяч|тыс|миллион|млн|миллиард|млрд|трлн|триллион|двое|двоих|трое|троих|"
    r"четвер|килограм|грамм|тонн|литр"  # (`более килограмма героина`: one unit, no number)
)
_DETAIN_STEMS = sorted({lemma[:5] for lemma in lexicon.detention_words()})
_STEMS = "|".join([_NUMBER_STEMS, *map(re.escape, _DETAIN_STEMS)])
# led by the first characters the stems can have (all but `\d` start with a letter): the regex engine
# then tries the stems at those positions only (40 % less time)
_FIRST = "".join(sorted({stem[0] for stem in _STEMS.split("|") if stem != r"\d"}))
# the first letters of the seizing words (rules/seized_triggers.tsv): a sentence without them seized nothing
SEIZING_HINT = re.compile(
    "|".join(sorted({re.escape(w[:4]) for w in lexicon.seizing_words()})),
    re.IGNORECASE,
)
CAN_HOLD_COUNT_OR_MONEY = re.compile(
    rf"(?=[\d{_FIRST}])(?:{_STEMS})" if _FIRST.isalpha() else _STEMS, re.IGNORECASE
)
RANGE_WORDS = {"до", "-", "—"}
DIGIT = re.compile(r"\d")

# Every sum and every count holds a number, a number word or a multiplier (`миллион тенге`)...
NUMBER_ANCHORS = [
    number.NUM,
    number.NUM_WORD,
    dictionary(set(lexicon.multipliers())),
    number.SingularMultiplier(),
]
# ... or a collective (`задержаны трое`); one detained person is found from `задержан`, `взят под стражу`
# (the person may come up to ~30 tokens before it: these get windows of their own).
DETAIN_ANCHORS = [count.DETAIN, dictionary({"взять"})]


def _count_groups() -> list:
    """COUNT's alternatives in its own order, numbers apart from the one detained person; should COUNT
    get another alternative, it is parsed as one (its windows are then as wide as its widest part)."""
    parts = [count.COUNTED, count.COLLECTIVE_COUNT, count.ONE_PERSON, count.PERSON_FIRST]
    if [id(r) for r in getattr(count.COUNT, "rules", [])] != [id(r) for r in parts]:
        return [(count.COUNT, [*NUMBER_ANCHORS, count.COLLECTIVE, *DETAIN_ANCHORS])]
    # (the person after the verb and the person before it apart: together, every window would reach as
    # far left as PERSON_FIRST and as far right as ONE_PERSON, and cost five times as much)
    return [
        (or_(count.COUNTED, count.COLLECTIVE_COUNT), [*NUMBER_ANCHORS, count.COLLECTIVE]),
        (count.ONE_PERSON, DETAIN_ANCHORS),
        (count.PERSON_FIRST, DETAIN_ANCHORS),
    ]


TRIGGER_WINDOW = 12  # tokens: a trigger further away says nothing about a number


@cache
def _longest_qualifiers_first() -> list[tuple[tuple[str, ...], str]]:
    return sorted(lexicon.qualifiers().items(), key=lambda item: -len(item[0]))


def _qualifier(tokens) -> tuple[str, int]:
    """The qualifier words at the start of a match, and how many tokens they take."""
    words = [token.value.lower() for token in tokens]
    for phrase, qualifier in _longest_qualifiers_first():
        if tuple(words[: len(phrase)]) == phrase:
            return qualifier, len(phrase)
    return "exact", 0


def _qualified_currency(tokens) -> str | None:
    """`шведских крон` -> SEK; '' for a noun that needs its adjective and has none; None for no such noun."""
    table = lexicon.qualified_currencies()
    nouns = {noun for _adjective, noun in table}
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if lemmas(token) & nouns:
            for a in lemmas(previous) if previous is not None else ():
                for n in lemmas(token):
                    if (a, n) in table:
                        return table[(a, n)]
            return ""
    return None


def _currency(token) -> str | None:
    if token.value in lexicon.currency_letters():  # only SIGN_FIRST lets such a letter into a match
        return lexicon.currency_letters()[token.value]
    currencies = lexicon.currencies()
    # `ТЕНГЕ` in an all-caps headline is tenge; `usd` is USD
    for form in (token.value, token.value.lower(), token.value.upper()):
        if form in currencies:
            return currencies[form]
    if token.type != "RU":
        return None
    return next((currencies[w] for w in lemmas(token) if w in currencies), None)


def _is_amount_token(token) -> bool:
    if token.type == "NUM" or token.value == ".":
        return True
    words = lemmas(token)
    return any(
        w in lexicon.multipliers() or w in lexicon.numerals() or w in lexicon.collectives() for w in words
    )


def _amounts(tokens) -> list[list]:
    """The runs of amount tokens in a match, split at range words (`от 5 до 10`, `5-10`); the amount
    spelled out again in brackets is not part of them (see `_spelled_out`)."""
    runs: list[list] = [[]]
    for token in _outside_brackets(tokens):
        if token.value.lower() in RANGE_WORDS and runs[-1]:
            runs.append([])
        elif _is_amount_token(token) and _currency(token) is None:
            runs[-1].append(token)
    return [run for run in runs if run]


def _outside_brackets(tokens) -> list:
    depth, kept = 0, []
    for token in tokens:
        depth += token.value == "("
        if depth == 0:
            kept.append(token)
        depth -= token.value == ")" and depth > 0
    return kept


def _spelled_out(tokens) -> Decimal | None:
    """The value written in brackets after the digits (`500 000 (пятьсот тысяч) тенге`), None without."""
    if not any(t.value == "(" for t in tokens):
        return None
    start = next(i for i, t in enumerate(tokens) if t.value == "(")
    inside = [t for t in tokens[start + 1 :] if t.value != ")" and _is_amount_token(t)]
    return amount_value(inside) if inside else None


def _listed_before(tokens, index: int) -> list[int]:
    """`15, 40 и 90 тысяч`: the indexes of the whole numbers listed right before tokens[index], each
    followed by a comma and a space, the last by `и` or a comma (a decimal comma has no space after it)."""
    found: list[int] = []
    at = index - 1
    if at < 1 or tokens[at].value not in (",", "и"):
        return found
    while at >= 1 and tokens[at].value in (",", "и") and tokens[at - 1].type == "NUM":
        number, joint = tokens[at - 1], tokens[at]
        if not number.value.isdigit() or (
            joint.value == "," and joint.span.stop == tokens[at + 1].span.start
        ):
            return []
        found.append(at - 1)
        at -= 2
        if at < 0 or tokens[at].value != ",":
            break
    if at >= 0 and tokens[at].value == "," and at >= 1 and tokens[at - 1].type == "NUM":
        return []  # (a list longer than read, or a number glued before: no guess)
    return found[::-1]


def _multiplier_of(run) -> list:
    return [t for t in run if any(w in lexicon.multipliers() for w in lemmas(t))]


CLAUSE_BREAKS = {",", ";", ":", "—", "–", "("}


def _nearest(
    triggers: dict[str, str],
    tokens,
    start: int,
    end: int,
    same_clause_after: bool = False,
    same_clause: bool = False,
):
    """The kind/role of the trigger word nearest to tokens[start:end], looking both ways in the sentence,
    and its index. With `same_clause_after`, a word after the number behind a comma or dash counts only
    when nothing nearer does: in `ущерб составил 2,9 млрд тенге, из них возмещено 410 млн` the first sum
    was not returned, in `Часть денег, 180 000 тг, она вернула` it was. With `same_clause`, a word in the
    number's own clause (no `, а`/`;` between) beats a nearer one across the break: in `задержаны 20 человек,
    а ещё двое объявлены в розыск` the two are wanted, not detained."""
    if same_clause:
        lo, hi = start, end
        while lo > 0 and not _clause_break(tokens, lo - 1):
            lo -= 1
        while hi < len(tokens) and not _clause_break(tokens, hi):
            hi += 1
        found = _nearest(triggers, tokens[lo:hi], start - lo, end - lo)
        if found[0] is not None:
            return found[0], found[1] + lo
        if hi < len(tokens) and _part_follows(tokens, hi):
            return None, -1  # `Проверены 40 мигрантов, пятеро из них задержаны`: the 40 were not
        if lo > 0 and _own_predicate_follows(tokens, lo - 1):
            return None, -1  # `двое задержаны, трое скрылись`: the three have a verb of their own
    best, best_distance, best_index = None, TRIGGER_WINDOW + 1, -1
    fallback = None
    # (a word farther than TRIGGER_WINDOW is never taken: only the words within it are read)
    for index in range(max(0, start - TRIGGER_WINDOW), min(len(tokens), end + TRIGGER_WINDOW)):
        token = tokens[index]
        found = next((triggers[w] for w in lemmas(token) if w in triggers), None)
        if found is None or (index > 0 and tokens[index - 1].value.lower() == "пользу"):
            continue  # `взыскать в пользу потерпевших`: who gets it, not what the sum is
        if (
            found == "victims"
            and index + 1 < len(tokens)
            and lemmas(tokens[index + 1]) & lexicon.lost_not_robbed()
        ):
            found = "none"  # `лишились прав`, `лишились свободы`: the word after says what was lost
        if (
            index + 1 < len(tokens)
            and tokens[index + 1].value.lower() == "порядка"
            and "стража" in lemmas(token)
        ):
            continue  # `стражи порядка`: the police, not custody
        distance = 0 if start <= index < end else (start - index if index < start else index - end + 1)
        # `задержаны 12 разыскиваемых лиц`: a participle of the count is no nearer than its verb
        if distance == 0 and index > start and _participle(token):
            distance = 1
        if distance > TRIGGER_WINDOW:
            continue
        if (
            index >= end
            and index + 1 < len(tokens)
            and tokens[index + 1].value not in (",", ";")
            and any(
                t.type == "NUM" and not _a_date(tokens, index + 1 + k)
                for k, t in enumerate(tokens[index + 1 : index + 3])
            )
        ):
            continue  # `85 тыс. тенге и телефон стоимостью 250 тыс.`: the word is the next number's
            # (not behind a comma: `2 человека погибли, 3 пострадали`)
        if same_clause_after and index >= end and any(t.value in CLAUSE_BREAKS for t in tokens[end:index]):
            fallback = fallback or (found, index)
            continue
        # on a tie, the word before the number wins: `задержаны 3 человека, пострадали 5 человек`
        if distance < best_distance or (distance == best_distance and index < start):
            best, best_distance, best_index = found, distance, index
    if best is None and fallback is not None:
        return fallback
    return best, best_index


# `в полицию доставлены`, `доставлен в отдел полиции`: people brought in by the police (not to a hospital)
TO_THE_POLICE = re.compile(
    r"\bдостав(?:лен|или)\w*\s+в\s+(?:полици|(?:отдел|управлени)\w*\s+полиции|ОВД|УВД|РУВД|РОВД|ОП|участок|дежурн|при[её]мник)"
    r"|\bв\s+(?:полици|(?:отдел|управлени)\w*\s+полиции|ОВД|УВД|РУВД|РОВД|при[её]мник)[^.;]{0,60}?\s+достав(?:лен|или)",
    re.IGNORECASE,
)  # (`в приёмник-распределитель полиции Актобе доставили 19 иностранцев`)
# `больше на 4,1 % или 152 преступления`, `на 4 %, или на 120 фактов`: a change, told in per cent and then
# in numbers
CHANGE_BY = re.compile(
    r"\bна\s+\d[\d,.\s]*%\s*,?\s*или\s+(?:на\s+)?(?:более\s+|свыше\s+|почти\s+)?$", re.IGNORECASE
)
# `..., среди них 40 пенсионеров и 5 детей`: the words that open the parts of a count of people
PEOPLE_PART = re.compile(r"(?:(?:среди|из)\s+(?:них|которых)|в\s+том\s+числе)\b[^;]*$", re.IGNORECASE)


def _relative_clause(tokens, start: int, end: int) -> tuple[int, int]:
    """The token range where a count's trigger may be: the relative clause it stands in (`Организаторов,
    которые легализовали 2 000 мигрантов, задержали`: the migrants were not detained), else the sentence."""
    lo = start - 1
    while lo >= 0 and tokens[lo].value not in (",", ";", ".", "—", "–"):
        lo -= 1
    if lo < 0 or tokens[lo].value != "," or lo + 1 >= start:
        return 0, len(tokens)
    if not tokens[lo + 1].value.lower().startswith("котор"):
        return 0, len(tokens)
    hi = end
    while hi < len(tokens) and tokens[hi].value not in (",", ";"):
        hi += 1
    return lo + 1, hi


def _after_from(tokens, index: int) -> bool:
    """`с 3,2 тыс. до ...`: the tokens before `до` are an amount after `с`/`со`."""
    back = index - 1
    while back >= 0 and back >= index - 4 and _is_amount_token(tokens[back]):
        back -= 1
    return back < index - 1 and back >= 0 and tokens[back].value.lower() in ("с", "со")


def _clause_break(tokens, index: int) -> bool:
    """`;`, a comma before `а`/`но` or before a part (`, пятеро из них`): where one statement of a sentence
    ends and another begins."""
    value = tokens[index].value
    following = [t.value.lower() for t in tokens[index + 1 : index + 4]]
    if value == ";" or (value == "," and following[:1] and following[0] in ("а", "но", "однако")):
        return True
    return _part_follows(tokens, index) or _own_predicate_follows(tokens, index)


def _own_predicate_follows(tokens, index: int) -> bool:
    """`один задержан, ещё двое в бегах`: a comma, a number and its own verb open a statement of
    their own (what befell the three is not the detention before)."""
    return (
        tokens[index].value == ","
        and index + 2 < len(tokens)
        and _is_amount_token(tokens[index + 1])
        and _is_verb(tokens[index + 2])
    )


def _part_follows(tokens, index: int) -> bool:
    """`, пятеро из них`: what befell a part is not said of the whole."""
    following = [t.value.lower() for t in tokens[index + 1 : index + 4]]
    return (
        tokens[index].value == "," and following[1:3] == ["из", "них"] and _is_amount_token(tokens[index + 1])
    )


def _money_role(tokens, start: int, end: int, default: str, currency: str | None = None) -> str:
    """The role of the nearest trigger word; with none near, `default`: the role of the sum before it in
    the sentence (`оборот составил 28 млрд тенге, а в 2025-м – свыше 2 млрд`), else the document's own (a
    bribery case's sums are bribes); `возместил ущерб`: damage paid back."""
    if start > 1:
        before = lexicon.money_roles_before()
        preposition = tokens[start - 1].value.lower()
        for word in lemmas(tokens[start - 2]):
            if (word, preposition) in before:
                return before[(word, preposition)]
    inside = lexicon.money_roles_inside()
    for token in tokens[start:end]:
        role = next((inside[w] for w in lemmas(token) if w in inside), None)
        if role:
            return role
    role = _trigger_role(tokens, start, end, default)
    if role is None and currency == "MRP":
        role = "other"  # `по тяжким делам - 70 МРП`: a legal measure with no word of what it is: no bribe
    if role is None:
        # `пообещал устроить его на работу за 150 тысяч долларов`: in a text about no crime that gives
        # sums a role, what is paid `за` a sum is a price
        after_za = start > 0 and tokens[start - 1].value.lower() == "за"
        role = "price" if after_za and default == "other" else default
    # (`Запчасти на сумму 6 млн изъяты и будут возвращены`: what goes back to the owner stays returned)
    if role == "returned" or (role == "damage" and _taken_before(tokens, start)):
        return role  # `похитил шесть телефонов на сумму 300 тысяч`: what was stolen is the damage
    return "price" if _worth_of_goods(tokens, start) else role


def _taken_before(tokens, start: int) -> bool:
    """A word of damage (`похитил`, `украл`) earlier in the sum's clause."""
    roles = lexicon.money_roles()
    for index in range(start - 1, -1, -1):
        if tokens[index].value in (";", ".") or (
            tokens[index].value == "," and index < start - TRIGGER_WINDOW
        ):
            return False
        if any(roles.get(w) == "damage" for w in lemmas(tokens[index])):
            return True
    return False


def _trigger_role(tokens, start: int, end: int, default: str) -> str | None:
    """The role the nearest trigger word gives (`default` decides a weak word); None with no word near."""
    roles = lexicon.money_roles()
    role, index = _nearest(roles, tokens, start, end, same_clause_after=True)
    ahead, at = _nearest(lexicon.money_roles_ahead(), tokens[:start], start, start)
    if ahead is not None and (
        role is None or start - at <= (start - index if index < start else index - end + 1)
    ):
        return ahead  # `заключил договор на ремонт на сумму 750 млн`: a word that counts only before the sum
    if role is None:
        return None
    if role.endswith("?"):  # a weak word (rules/money_roles.tsv): an official's `услуга` is a bribe
        role = default if default == "bribe" else role[:-1]
    if role == "returned" and any(
        t.value.upper() in lexicon.refund_fraud() for t in tokens[max(0, index - 3) : index + 4]
    ):
        return "damage"  # `незаконно возмещенный из бюджета НДС`: a refund obtained by fraud (rules/)
    if role in ("damage", "other"):
        # `возместил ущерб в размере X`, `возместила ущерб, внеся 30 млн`: the damage was paid back;
        # `изъята и будет возвращена потерпевшим`: what was seized goes back
        near = list(tokens[max(0, min(index, start) - 4) : max(index, start)])
        for token in tokens[max(index + 1, end) : max(index + 1, end) + 3]:
            if token.value in CLAUSE_BREAKS:
                break
            near.append(token)
        own = lexicon.money_roles_own()  # (`добровольно вложила 4 млн`: willingly lost, not paid back)
        if any(roles.get(w) == "returned" and w not in own for t in near for w in lemmas(t)):
            return "returned"
    return role


def _worth_of_goods(tokens, start: int) -> bool:
    """`продуктов на 30 млн тенге`, `сигарет на сумму 12 млн`, `стоимость изъятой продукции превышает
    более 600 млн`: what goods are worth is their price, whatever befell them (rules/goods_words.txt)."""
    if start + 1 < len(tokens) and tokens[start + 1].value.lower() == "на" and _qualifier([tokens[start]])[1]:
        if start > 0 and lemmas(tokens[start - 1]) & lexicon.goods():
            return True  # `сигарет почти на 900 млн`: the qualifier before `на`
    before = tokens[max(0, start - 3) : start]
    words = [t.value.lower() for t in before]
    if "на" in words:
        at = len(before) - 1 - words[::-1].index("на")
        if all(w in ("на", "сумму", "общую", "в") for w in words[at:]) and start - len(before) + at > 0:
            # `сигарет на сумму`; `продуктов питания – 140 случаев на сумму`: goods named in
            # the clause before it
            noun = start - len(before) + at - 1
            if tokens[noun].value == ")":  # `75 фактов (9 000 литров) на сумму`: the word before it
                opening = max((i for i in range(noun) if tokens[i].value == "("), default=0)
                noun = max(0, opening - 1)
            if lemmas(tokens[noun]) & lexicon.goods():
                return True
            if lemmas(tokens[noun]) & GENERIC_CRIME_NOUNS:  # (`фактов`: the goods named before it)
                for index in range(noun - 1, max(-1, noun - 10), -1):
                    if tokens[index].value in (",", ";", ":", "•", "("):
                        break
                    if lemmas(tokens[index]) & lexicon.goods():
                        return True
    # `стоимость ... изделий составила X`: the worth named as the subject of the clause is a price
    for index in range(start - 1, max(-1, start - WORTH_REACH), -1):
        if tokens[index].value in CLAUSE_BREAKS:
            break
        if "стоимость" in lemmas(tokens[index]):
            return True
        # `сумма изъятого товара составила X`: the goods' sum, named as the subject of the clause
        if "сумма" in lemmas(tokens[index]) and any(
            lemmas(t) & lexicon.goods() for t in tokens[index + 1 : index + 4]
        ):
            return True
    return False


WORTH_REACH = 12  # tokens: `стоимость изъятого гашиша на чёрном рынке оценивают в 3 млн`


def document_role(text: str) -> str:
    """The role of sums no trigger word explains, from what the document is about (rules/role_context.tsv):
    a bribery case's untriggered sums are bribes, a fraud case's are damage, anything else is other."""
    lowered = text.lower()
    for role, stems in lexicon.role_context_patterns():
        if stems.search(lowered):
            return role
    return "other"


SAME_ITEM = re.compile(r"\s*(?:того|такого|этого)\s+же\b", re.IGNORECASE)


def _same_item(text: str, start: int, stop: int) -> bool:
    """`еще 210 граммов того же вещества`: the item of the last seizure (the grammar may have read `того`
    as an adjective of the item and taken it into the quantity)."""
    taken = re.search(r"\s(?:того|такого|этого)$", text[start:stop], re.IGNORECASE)
    return SAME_ITEM.match(text, taken.start() + start if taken else stop) is not None


PIECES_AFTER = re.compile(
    r"\s*[-–—]\s*\d[\d\s]*(?:шт\b|штук|купюр|банкнот)", re.IGNORECASE
)  # notes by face value
HANDED_OVER = re.compile(r"\b(?:при|в\s+момент|во\s+время)\s+получени[яи](?:\s+\S+){0,7}\s*$", re.IGNORECASE)
CONTINUED = re.compile(r"\s*(?:\(|[а-яё])")  # a line that goes on with the sentence of the line before
SOURCE_BEFORE = re.compile(rf"\b{resources.phrases('source_phrases.txt')}\s*$", re.IGNORECASE)
AGE_PART = re.compile(
    r"\s*(?:в\s+возрасте|до\s+\d+\s+лет|от\s+\d+\s+до\s+\d+\s+лет|\d+\s*[-–]\s*\d+\s+лет|старше|младше)", re.I
)
SHARE_BEFORE = re.compile(
    r"%\s*,?\s*или\s+(?:более\s+|около\s+|почти\s+)?$", re.IGNORECASE
)  # `(48,1%, или 3,2 тысячи`
PART_OF_DETAINED = re.compile(r"\s*из\s+(?:числа\s+)?задержанных\b", re.IGNORECASE)
# `задержали группу`, `задержана преступная группа`, `группа ... обезврежена`: a group caught, its size told
# after it (`в неё входили четверо приезжих`)
GROUP_CAUGHT = re.compile(
    r"\b(?:задержа\w*|обезвреж\w*)\s+(?:[\w-]+\s+){0,3}групп|\bгрупп\w*\s+(?:[\w-]+\s+){0,4}(?:задержан|обезврежен)",
    re.IGNORECASE,
)
MEMBERS = re.compile(r"\bвходил[аио]?\b|\bв\s+е[её]\s+состав|\bсостоял[аио]?\s+из\b", re.IGNORECASE)
ADVANCE = re.compile(r"\bаванс\w*(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
PROMISED = re.compile(r"\bпо?обеща", re.IGNORECASE)
PARTS = re.compile(r"\W*(?:из\s+них|в\s+том\s+числе|среди\s+них)\b", re.IGNORECASE)


@dataclass
class _Carried:
    """What a sentence leaves to the next ones of its paragraph: (paragraph, value) pairs."""

    group: tuple[int, FactDraft] | None = None  # people counted with no word of what befell them
    seized: int | None = None  # the paragraph of the last seizure
    seizing: tuple[int, int] | None = None  # (paragraph, sentence) of the last one with a `seized` word
    item: lexicon.SeizedItem | None = None  # the item of the last seizure (`еще 2 кг того же вещества`)
    seizing_list: bool = False  # that sentence opens a list (`изъято, в том числе:`) and its items follow
    currency: tuple[int, str] | None = None  # the currency of the last sum
    count: tuple[int, str] | None = None  # the kind of the last count (`Следом идет Актобе (8 420)`)
    count_at: tuple[int, str] | None = None  # (sentence, kind) of the last count: `Из них` opening the next
    listing: str | None = None  # the kind of a count whose sentence opens a list (`822 дела, в том числе:`)
    row: tuple[int, str, str, str] | None = None  # (paragraph, count kind, currency, role) of a table row
    noun: tuple[int, str] | None = None  # (paragraph, kind) of the last counted noun of the sentence before
    group_caught: int | None = None  # the sentence that told of a group detained (`задержали группу`)
    promised: bool = False  # a service was promised for a price (`пообещал за $18 тыс. устроить`)
    largest: dict[str, int] = field(default_factory=dict)  # the largest count of each kind so far
    found: lexicon.SeizedItem | None = None  # the item a seizing sentence with no number named


class FactExtractor:
    """Compiles the grammars once; then reads the facts of one document at a time."""

    def __init__(self, tokenizer: NewsTokenizer | None = None, automata: bool = True):
        self.tokenizer = tokenizer or NewsTokenizer()
        self.money = WindowParser([(MONEY, NUMBER_ANCHORS), *RARE_FORMS], self.tokenizer, automata)
        self.count = WindowParser(_count_groups(), self.tokenizer, automata)
        self.quantity = WindowParser(
            [(quantity.QUANTITY, NUMBER_ANCHORS), (quantity.ONE_UNIT, [quantity.OneUnit()])],
            self.tokenizer,
            automata,
        )

    def __call__(self, doc: Document) -> None:
        default = document_role(doc.normalized.text)
        state = _Carried()  # what one sentence leaves to the next (one per document: thread-safe)
        related = [m.span() for m in RELATED_LINK.finditer(doc.normalized.text)]
        for sentence in doc.sentences:
            if sentence.index in doc.skipped:
                continue
            if not CAN_HOLD_COUNT_OR_MONEY.search(sentence.text):
                # `Обнаружили пакет с веществом.` holds no number, but the weight told next is what it found
                if SEIZING_HINT.search(sentence.text):
                    tokens = self.tokenizer.tokens(sentence.text)
                    if any(kind == "seized" for _, _, kind in _triggers(tokens)):
                        state.seizing = (sentence.paragraph, sentence.index)
                        # (what it found, for the weight told next: `изъятое является марихуаной`)
                        items = [i for i in map(quantity.item_of, (t.value for t in tokens)) if i]
                        state.found = next((i for i in items if not i.weak), items[0] if items else None)
                continue
            if related and any(start <= sentence.start < end for start, end in related):
                continue  # `Читайте также: Трое старателей погибли в шахте`: another article's headline
            tokens = self.tokenizer.tokens(sentence.text)
            if GROUP_CAUGHT.search(sentence.text):
                state.group_caught = sentence.index
            state.noun = None
            before = doc.sentences[sentence.index - 1] if sentence.index else None
            if (
                before is not None
                and before.paragraph == sentence.paragraph
                and (CONTINUED.match(sentence.text) or THEIR_COUNT.search(sentence.text))
            ):
                # `о росте преступности` / `(+1,2%, с 7310 до 7398).`: what the line before counted
                noun = _kind_before(self.tokenizer.tokens(before.text), len(before.text))
                state.noun = (sentence.paragraph, noun) if noun else None
            money = self._money(sentence, tokens, default, state)
            # a seized quantity is no count (`300 патронов`): its span is taken before the counts
            money += self._seized(sentence, tokens, [(f.start, f.end) for f in money], state)
            counts = self._counts(sentence, tokens, [(f.start, f.end) for f in money], state)
            counts += _group_detained(sentence, tokens, counts, state, doc.facts)
            counts += _named_pair(doc, sentence, tokens, counts)
            counts += _named_one(doc, sentence, tokens, counts)
            counts += _restraint(sentence, counts)
            counts += _noun_first_counts(
                sentence, tokens, counts, taken=[(f.start, f.end) for f in money + counts]
            )
            counts += _compared_counts(
                sentence, tokens, counts, taken=[(f.start, f.end) for f in money + counts], state=state
            )
            counts += _parts(sentence, counts, [(f.start, f.end) for f in money + counts], state)
            counts += _list_item(sentence, counts, [(f.start, f.end) for f in money + counts], state)
            rows = _table_row(sentence, money, counts, state)
            money += [f for f in rows if f.kind == "money"]
            counts += [f for f in rows if f.kind != "money"]
            if counts:
                last = max(counts, key=lambda f: f.start).kind
                state.count, state.count_at = (sentence.paragraph, last), (sentence.index, last)
                if sentence.text.rstrip().endswith(":"):
                    state.listing = last
            doc.facts.extend(money + counts)
            for fact in counts:
                state.largest[fact.kind] = max(state.largest.get(fact.kind, 0), fact.value)
        if not any(f.kind == "detained" for f in doc.facts):
            doc.facts.extend(self._the_detained(doc))
        doc.facts = _without_repeated_lines(doc)
        doc.facts = _without_repeated_detentions(_without_headline_repeats(doc), doc.normalized.text)

    def _the_detained(self, doc: Document) -> list[FactDraft]:
        """`Как установили оперативники, задержанный приобретал ...`: a text that tells of no detention
        but of `задержанный`/`задержанная` doing something has detained one person (the first such)."""
        for sentence in doc.sentences:
            if sentence.index in doc.skipped or "адержанн" not in sentence.text:
                continue
            tokens = self.tokenizer.tokens(sentence.text)
            for index, token in enumerate(tokens[:-1]):
                # (the next token may be a figure or a sign, which has no forms); `Как пояснил задержанный`;
                # `Задержанный Б.К. доставлен в отдел`: initials between, a participle for the verb
                after = index + 1
                while after < len(tokens) - 1 and (
                    tokens[after].value == "." or INITIAL.fullmatch(tokens[after].value)
                ):
                    after += 1
                # `задержанный водитель С.С. является гражданином`: the word before a person's noun
                if token.value.lower() in ("задержанный", "задержанная") and any(
                    "VERB" in form.grams
                    or (near is tokens[after] and "PRTS" in form.grams)
                    or (near is tokens[index + 1] and all(g in form.grams for g in PERSON_NOMINATIVE))
                    for near in (tokens[after], tokens[index + 1], tokens[index - 1] if index else token)
                    for form in getattr(near, "forms", ())
                ):
                    start, end = sentence.start + token.span.start, sentence.start + token.span.stop
                    return [FactDraft("detained", 1, start, end, sentence.index)]
        return []

    # -- money --------------------------------------------------------------------------------------
    def _money(self, sentence: Sentence, tokens, default: str, state: _Carried) -> list[FactDraft]:
        facts: list[FactDraft] = []
        # `Всего пенсионер лишился 80 тысяч`: the currency of the paragraph's last sum, said once
        carried = state.currency[1] if state.currency and state.currency[0] == sentence.paragraph else None
        currency_before: str | None = None
        role_before: str | None = None
        last_end = 0  # where the sum before ended
        for match in self.money.findall(tokens):
            index = _token_index(tokens, match.span.start)
            if _after_number(tokens, index, match.tokens):
                continue
            end_index = index + len(match.tokens)
            following = tokens[end_index] if end_index < len(tokens) else None
            if following is not None and following.type == "LATIN" and _currency(following) is None:
                continue  # `KZT 6.2 trillion`: a word of scale the rules do not know; better no sum
            qualifier, skip = _qualifier(match.tokens)
            if (
                qualifier == "less_than"
                and index >= 2
                and tokens[index - 2].value.lower() == "с"
                and tokens[index - 1].type == "NUM"
            ):
                qualifier = "exact"  # `вырос с 5 до 7 млн`: a change, not an upper bound
            currency = next((c for c in map(_currency, match.tokens) if c), None)
            qualified = _qualified_currency(match.tokens)
            if qualified is not None:
                if not qualified:
                    continue  # `5 млн крон`: whose crowns, the text does not say
                currency = qualified
            if currency is None:
                # elided currency: `4 млн тенге, а затем еще 13 млн`; never before a noun (`13 млн человек`)
                if _is_word(following):
                    continue
                if currency_before is not None and "(" in {t.value for t in tokens[:index]}:
                    # `12 000 долларов (эквивалентно 5 млн ... тенге)`: a bracket restates the sum in
                    # another currency; a garbled word there must not make it dollars
                    if any(t.value == "(" for t in tokens[max(0, index - 3) : index]) and not (
                        index > 0 and tokens[index - 1].value.lower() == "по"
                    ):
                        continue  # (`(примерно по 8-12 тыс. за каждого)` is a share, not a restatement)
                if currency_before is None:
                    # from an earlier sentence only with a word that says what the sum is (`лишился`)
                    role_word, _ = _nearest(lexicon.money_roles(), tokens, index, end_index)
                    if carried is None or role_word is None:
                        continue
                    currency_before = carried
                currency = currency_before
            currency_before = currency
            state.currency = (sentence.paragraph, currency)
            match_tokens = match.tokens
            if _unit_number_at_end(match_tokens, following):
                # `за $40 тысяч 8,5 кг золота`: the last number is the next quantity's, not the sum's units
                match_tokens = match_tokens[:-1]
            runs = _amounts(match_tokens[skip:])
            values = [amount_value(run) for run in runs]
            if not values or any(v is None for v in values):
                continue
            if len(values) == 2:
                low_run, high_run = runs
                own_currency = (
                    sum(1 for t in match_tokens if _currency(t)) > 1
                )  # `от 500 рублей до 20 тысяч рублей`
                if not _multiplier_of(low_run) and _multiplier_of(high_run) and not own_currency:
                    # `от 5 до 10 млн`, `5-10 млн`: the multiplier belongs to both ends
                    values[0] = amount_value(low_run + _multiplier_of(high_run)[-1:])
                    if values[0] is not None and values[0] > values[1]:
                        values[0] = amount_value(low_run)  # `от 30 до 10 тыс. долларов`: 30 dollars
                if values[0] is None or values[0] > values[1]:
                    continue
                if match.tokens[0].value.lower() == "с":  # `вырос с 1,2 млрд до 3 млрд`: two amounts
                    pairs = [(values[0], "exact"), (values[1], "exact")]
                else:
                    pairs = [(values[0], "range_low"), (values[1], "range_high")]
            else:
                spelled = _spelled_out(match.tokens)
                if spelled is not None and spelled != values[0]:
                    continue  # the digits and the words disagree: no number rather than a wrong one
                pairs = [(values[0], qualifier)]
            if role_before and any(t.value in (";", "•") for t in tokens[last_end:index]):
                role_before = None  # `товаров – на 620 млн; валюты – на 860 млн`: items of a list
            # (an MRP sum with no word near takes the role of the sum before it, never the document's)
            unit = currency if role_before is None else None
            role = role_before = _money_role(tokens, index, end_index, role_before or default, unit)
            if role in ("other", default) and HANDED_OVER.search(sentence.text[: match.span.start]):
                # `задержан при получении аванса — $9 тыс.`: what changed hands at the arrest is
                # the bribe of a bribery case, or a part of the price a service was promised for
                role = "bribe" if default == "bribe" else "price" if state.promised else role
            elif role == "other" and state.promised and ADVANCE.search(sentence.text[: match.span.start]):
                role = "price"  # `потребовал аванс в размере $9 тыс.` after a service promised for a price
            if role == "price" and PROMISED.search(sentence.text):
                state.promised = True  # `пообещал за $18 тыс. устроить его в Польше`
            last_end = end_index
            if role == "none" or PIECES_AFTER.match(sentence.text[match.span.stop :]):
                # `купюр номиналом 10 000 тенге`, `..., 2000 тенге - 6 шт.`: a face value, not money that
                # changed hands
                continue
            start, end = sentence.start + match.span.start, sentence.start + match_tokens[-1].span.stop
            if len(match.tokens) > 1 and match.tokens[-1].value == "." and len(match.tokens[-2].value) > 4:
                # `80 тысяч.`: the full stop is the sentence's
                end = sentence.start + match.tokens[-2].span.stop
            for value, qual in pairs:
                if value > 0:
                    facts.append(
                        FactDraft("money", _exact(value), start, end, sentence.index, qual, currency, role)
                    )
            multiplier = _multiplier_of(runs[0]) if len(runs) == 1 and qualifier == "exact" else []
            for at in _listed_before(tokens, index) if multiplier else []:
                # `составили 15, 40 и 90 тысяч рублей`: the numbers listed before share the multiplier
                value = amount_value([tokens[at], *multiplier])
                if value:
                    start, end = sentence.start + tokens[at].span.start, sentence.start + tokens[at].span.stop
                    facts.append(
                        FactDraft("money", _exact(value), start, end, sentence.index, "exact", currency, role)
                    )
        return facts

    # -- seized ------------------------------------------------------------------------------------
    def _seized(self, sentence: Sentence, tokens, taken, state: _Carried) -> list[FactDraft]:
        """Quantities of a known item (rules/seized_items.tsv) that a trigger word says were seized or
        found, in kg, l or pieces (rules/seized_units.tsv)."""
        facts: list[FactDraft] = []
        triggers = _triggers(tokens)
        told_before = _told_before(sentence, tokens, triggers, state)
        for match in self.quantity.findall(tokens):
            if any(
                sentence.start + match.span.start < t_end and t_start < sentence.start + match.span.stop
                for t_start, t_end in taken
            ):
                continue
            index = _token_index(tokens, match.span.start)
            if _after_number(tokens, index, match.tokens):
                continue
            end_index = index + len(match.tokens)
            if _per_piece(tokens, index, end_index):
                continue
            qualifier, skip = _qualifier(match.tokens)
            values = _quantity(match.tokens[skip:])
            if values is None:
                continue
            item = (
                _seized_item(tokens, index + skip, end_index, index)
                or (
                    state.item
                    if _same_item(sentence.text, match.span.start, match.span.stop)
                    or _weighs_the_seized(tokens)
                    else None
                )
                or (state.found if told_before else None)
            )
            seized = (
                _seizure(triggers, index, end_index, tokens) == "seized"
                or told_before
                or (
                    # `Изъято 40 кг наркотиков. В том числе 12 кг героина`: the parts of a seizure
                    state.seized == sentence.paragraph and PARTS.match(sentence.text) is not None
                )
            )
            if item is None or not seized:
                continue  # a person's weight, a harvest, a truck's load: no item, or not seized
            if _container_of_unknown(tokens, index, end_index, item):
                continue
            unit, numbers = values
            pairs = (
                [(numbers[0], qualifier)]
                if len(numbers) == 1
                else [(numbers[0], "range_low"), (numbers[1], "range_high")]
            )
            last = _evidence_end(tokens, index, end_index)
            start, end = sentence.start + match.span.start, sentence.start + tokens[last - 1].span.stop
            for value, qual in pairs:
                facts.append(
                    FactDraft(
                        "seized", _exact(value), start, end, sentence.index, qual, unit=unit, item=item.item
                    )
                )
            state.seized, state.item = sentence.paragraph, item
        return facts

    # -- counts -------------------------------------------------------------------------------------
    def _counts(self, sentence: Sentence, tokens, taken, state: _Carried) -> list[FactDraft]:
        facts: list[FactDraft] = []
        for match in self.count.findall(tokens):
            start, end = sentence.start + match.span.start, sentence.start + match.span.stop
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue  # `5 млн тенге` is money, not a count
            index = _token_index(tokens, match.span.start)
            if _after_number(tokens, index, match.tokens):
                continue
            end_index = index + len(match.tokens)
            after = sentence.text[match.span.stop :]
            if RATE.match(after) or RATE_BEFORE.search(sentence.text[: match.span.start]):
                continue  # `101 преступление на 10 тысяч населения`
            before_text = sentence.text[: match.span.start]
            if "%" in before_text and CHANGE_BY.search(before_text):  # (it needs a `%`)
                continue  # `больше на 4,1 % или 152 преступления`: by how much a count changed
            if re.match(r"\d+\s+летн", sentence.text[match.span.start :]):
                continue  # `28 летний мужчина`: an age written without its hyphen
            match_tokens = match.tokens
            dash = re.search(r"\s[-–—]\s", sentence.text[match.span.start : match.span.stop])
            if dash:  # a dash between words is no hyphenated word: `с 23 процентами – кражи`
                cut = match.span.start + dash.start()
                match_tokens = [t for t in match.tokens if t.span.stop <= cut]
                if len(match_tokens) < 2:
                    continue
                end = sentence.start + match_tokens[-1].span.stop  # `семь человек - граждане России`
                end_index, after = index + len(match_tokens), sentence.text[match_tokens[-1].span.stop :]
            if SOURCE_BEFORE.search(sentence.text[: match.span.start]):
                continue  # `По словам главы кооператива, задержали двоих`: who told it, not who was held
            reported = (
                index > 1
                and tokens[index - 1].value.lower() in ("о", "об")
                and not _is_verb(tokens[index - 2])
            )
            if reported and "задержание" in lemmas(tokens[index]):
                continue  # `слухи о задержании акима`: a report of a detention, often denied (not
                # `полицейские сообщили о задержании поджигателя`)
            kind, value, qualifier = self._read_count(match_tokens)
            if len(match_tokens) == 1 and end_index < len(tokens) and _thing(tokens[end_index]):
                continue  # `на двое суток`, `трое ворот`: a collective numeral of things, no people
            near = tokens[index + 1 : min(index + 3, end_index + 1)]  # the words right after the number
            if kind != "crimes" and any(lemmas(t) & lexicon.animals() for t in near):
                continue  # `Четверо животных`, `трое телят`: no people
            if qualifier == "less_than" and (
                _after_from(tokens, index) or CHANGE_TO.search(sentence.text[: match.span.start])
            ):
                qualifier = "exact"  # `с 1 204 до 980 случаев`, `выросло на 2,1 %, до 14,2 тыс.`
            if kind == "persons" and _object_of_a_deed(tokens, index):
                continue  # `задержан при получении денег за отправку троих человек`: not the detained
            if kind == "persons":
                lo, hi = _relative_clause(tokens, index, end_index)
                kind, at = _nearest(
                    lexicon.count_triggers(), tokens[lo:hi], index - lo, end_index - lo, same_clause=True
                )
                if kind == "detained" and _verb_after_detention_noun(tokens, at + lo, index):
                    kind = None  # `после задержания пяти директоров ушли три инспектора`
                if kind is None and TO_THE_POLICE.search(sentence.text):
                    kind = "detained"  # `В отдел полиции доставлены 12 человек`: brought in by the police
                caught = state.group_caught
                if kind is None and caught is not None and sentence.index - caught <= 3:
                    if MEMBERS.search(sentence.text):  # `Задержана группа. В неё входили пять жителей`
                        kind = "detained"
                if kind is None and value is not None and value > 1 and value == int(value):
                    # `Пятеро молодых людей ... похищали скот. Всех их задержали`: told of in a later sentence
                    group = FactDraft("detained", int(value), start, end, sentence.index)
                    state.group = (sentence.paragraph, group)
            if (
                kind not in ("detained", "victims", "crimes")
                or value is None
                or value != int(value)
                or value <= 0
            ):
                continue  # (`none`: wanted or convicted people, rules/count_triggers.tsv)
            if re.match(r"\s*из\s+(?:них|которых)\b", after) and any(f.kind == kind for f in facts):
                continue  # `Все задержанные, 5 человек, ..., трое из них судимы`: a part of those counted
            if (
                kind in ("detained", "victims")
                and state.largest.get(kind, 0) > value
                and (AGE_PART.match(after) or SHARE_BEFORE.search(sentence.text[: match.span.start]))
            ):
                continue  # `обманули 1,6 тысячи человек в возрасте 30–39 лет`: a part of those counted before
            if PART_OF_DETAINED.match(after):
                continue  # `трое из задержанных причастны к угонам`: a part of people counted before
            if (
                kind in ("detained", "victims")
                and any(f.kind == kind for f in facts)
                and PEOPLE_PART.search(sentence.text[: match.span.start])
            ):
                continue  # `пострадали 900 человек, среди них 40 пенсионеров`: the parts of people counted
            if kind == "detained" and any(f.kind == kind for f in facts):
                if (re.match(r"\s*[—–]\s|\s+-\s", after) and len(match_tokens) == 1) or any(
                    re.search(r"\bсреди\s+$", sentence.text[: f.start - sentence.start], re.IGNORECASE)
                    for f in facts
                ):
                    # `12 водителей задержаны ..., трое — ранее лишенные прав` (not `и 3 водителя — за
                    # повторное`: a count with its noun), `среди 310 задержанных
                    # 14 иностранцев ...`: a part of the people counted before
                    continue
            if kind == "crimes" and (
                "административн" in sentence.text[match.span.start : match.span.stop].lower()
                or re.match(r"\s*об?\s+административн", after, re.IGNORECASE)
            ):
                continue  # `3 061 административное правонарушение`, `330 дел об административных`: no crimes
            if kind == "crimes" and _violations(tokens, index, end_index):
                continue  # `17 фактов управления в нетрезвом виде`: administrative violations
            if kind == "crimes" and value == 1 and not any(t.type == "NUM" for t in match_tokens):
                continue  # `ущерб от одного эпизода`: one crime in words is a unit, not a statistic
            # `Задержаны пятеро: организатор, двое фасовщиков и два курьера`: the parts of a count told
            # after a colon are not more people
            if any(
                f.kind == kind and ":" in sentence.text[f.end - sentence.start : match.span.start]
                for f in facts
            ):
                continue
            if kind in ("detained", "victims"):
                if _whole_after(tokens, index):
                    continue  # `Трое из пяти участников задержаны`: the five are the whole, not detained
                one = _one_more_before(tokens, index)
                if one is not None and qualifier == "exact":
                    # `Задержаны организатор и трое его сообщников`, `водитель и двое пассажиров погибли`
                    value, start = value + 1, sentence.start + tokens[one].span.start
                elif kind == "detained" and qualifier == "exact" and _after_detention_word(tokens, index):
                    one = _one_more_after(tokens, end_index)
                    if one is not None:  # `задержаны трое сотрудников департамента и директор фонда`
                        value, end = value + 1, sentence.start + tokens[one].span.stop
            low = _range_low(tokens, index, value) if qualifier == "exact" else None
            if low is not None:  # `3–4 человека становятся жертвами`: a range, not six
                start, qualifier = sentence.start + tokens[index - 2].span.start, "range_high"
                facts.append(FactDraft(kind, low, start, end, sentence.index, "range_low"))
            facts.append(FactDraft(kind, int(value), start, end, sentence.index, qualifier))
        return facts

    @staticmethod
    def _read_count(match_tokens) -> tuple[str | None, Decimal | None, str]:
        nouns = lexicon.count_nouns()
        noun_kind = None
        for token in reversed(match_tokens):
            noun_kind = next((nouns[w] for w in lemmas(token) if w in nouns), None)
            if noun_kind:
                break
        last_forms = getattr(match_tokens[-1], "forms", ())
        if noun_kind is None and any("NOUN" in f.grams and "anim" in f.grams for f in last_forms):
            noun_kind = "persons"  # `9 пакистанцев` (count.OTHER_PEOPLE)
        triggers = lexicon.detention_words()
        last = match_tokens[-1]
        person_first = (
            any("PRTS" in f.grams or "VERB" in f.grams for f in getattr(last, "forms", ()))
            or last.value.lower() == "стражу"
        )  # `Основателя, 41-летнего уроженца Кентау, задержали`: the person, then the verb
        leading = []  # `шесть отправлены под стражу`: a number in words before the participle
        for token in match_tokens:
            if not _is_amount_token(token) or token.type == "NUM":
                break  # (words only: `В 2024 задержаны` is a year)
            leading.append(token)
        if leading and person_first and lemmas(last) & triggers and amount_value(leading):
            return "detained", amount_value(leading), "exact"
        if (
            match_tokens[0].type == "NUM"
            and len(match_tokens) == 2
            and all("PRTS" in f.grams for f in getattr(last, "forms", ()))
        ):
            return None, None, "exact"  # `В 2024 задержаны 40 человек`: a year, then the predicate
        plural = not any(
            "sing" in f.grams and ("PRTS" in f.grams or "VERB" in f.grams)
            for t in (match_tokens[0], last)
            if lemmas(t) & triggers
            for f in getattr(t, "forms", ())
        )
        if lemmas(match_tokens[0]) & triggers or (person_first and lemmas(last) & triggers):
            # `задержан 35-летний житель`, `Водитель, 46-летний гражданин, задержан`: the age is no count;
            # `Еще двое его знакомых задержаны`: a collective numeral is
            collective = next(
                (
                    lexicon.collectives()[w]
                    for t in match_tokens
                    for w in lemmas(t)
                    if w in lexicon.collectives()
                ),
                # `задержаны водитель и его напарник`: one more person for each `и` after the first word
                # (`задержан и его заместитель`: an `и` right after the verb adds no one; `Руководитель
                # отдела ЖКХ и инспекции задержан`: a singular participle is one person)
                # (not an `и` before a predicate: `Задержанный дал показания и помещён в ИВС`)
                1
                + sum(
                    t.value.lower() == "и" and not _is_verb(match_tokens[i + 1])
                    if i + 1 < len(match_tokens)
                    else False
                    for i, t in enumerate(match_tokens[2:], start=2)
                )
                if plural
                else 1,
            )
            return "detained", Decimal(collective), "exact"
        start = next((i for i, t in enumerate(match_tokens) if _is_amount_token(t) and t.value != "."), None)
        if start is None:
            if any(lemmas(t) & triggers for t in match_tokens):
                return "detained", Decimal(1), "exact"  # `уроженец города Экибастуза задержан`
            return None, None, "exact"
        qualifier, _ = _qualifier(match_tokens[_skip_group(match_tokens) :])
        run = []
        for token in match_tokens[start:]:
            if not _is_amount_token(token):
                break
            run.append(token)
        if any(lemmas(t) & set(lexicon.collectives()) for t in run):
            return noun_kind or "persons", amount_value(run), qualifier
        return noun_kind, amount_value(run), qualifier


# Police statistics compare periods (or towns) and name the noun once: `в 2024 году 1470 фактов, в
# 2025-м — 1711`, `1711 краж против 1470 годом ранее`, `тогда как в 2024 году их было 1470`. The bare
# number after the period's dash, `против` or `их было` counts what the count before it counted.
_NUMBER = r"(?P<number>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)"
# a year, perhaps after the part of it (`за 9 месяцев 2024 года`, `в первом полугодии 2024 года`)
_PERIOD = (
    r"(?:(?:[\w-]+\s+){0,3}?\d{4}(?:-[мй])?(?:\s+(?:году|года|год|г\.))?"
    r"|прошлом\s+году|\w+\s+периоде?(?:\s+\w+\s+года)?)"
)
_FILLER = r"(?:(?:уже|лишь|всего|только|еще|ещё)\s+)?"  # `в 2025-м — уже 41`
_RECORDED = (
    r"(?:было|стало|зарегистрировано|выявлено|зафиксировано|учтено|насчитали|насчитано|выявили|"
    r"зарегистрировали|зафиксировали)"
)
THEIR_COUNT = re.compile(rf"\bих\s+{_RECORDED}\s", re.IGNORECASE)  # `их зафиксировано 55`
_CHANGE_VERBS = r"(?:снизил|сократил|уменьшил|увеличил|вырос|возрос|вырастет|снизит|дошл|достиг|упал)"
_LEADS = [
    rf"\b(?:в|за)\s+{_PERIOD}\s*[—–-]\s*{_FILLER}",  # `в 2025-м — 1711`
    r"\bпротив\s+",  # `против 1470`
    # `тогда как в 2024 году таких фактов было 276`
    rf"\b(?:в|за)\s+{_PERIOD}\s+(?:(?:их|таких|подобных)\s+(?:\w+\s+)?)?{_RECORDED}\s+{_FILLER}",
    rf"\bих\s+{_RECORDED}\s+",  # `их было 1470`
    # `Таких фактов зарегистрировано 85`: the noun between the pointer and the verb
    rf"\b(?:таких|подобных)\s+[\w-]+\s+{_RECORDED}\s+{_FILLER}",
    # a count per town, the noun named once: `В Талдыкоргане — 14 фактов, в Текели — 3`, `Астана — 760`
    # `..., Астане — 2 187 и Карагандинской области — 1 305`: the last of a list after `и`, two words
    r"(?:\b(?:в|на)\s+(?:город\w*\s+)?|(?<=[,:;]\s)|\bи\s+)(?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[а-яё])[\w-]+)?\s*[—–-]\s*",
    # `в ТЦ «Самал» — 19, ТРК «Тулпар» — 12`: a place named by its kind and a name in quotes
    r'(?:\b(?:в|на)\s+|(?<=[,:;]\s)|\bи\s+)(?-i:[А-ЯЁ])[\w-]*\s+[«"][^»"]{1,40}[»"]\s*[—–-]\s*',
    # `снизилось на 18 %, до 642`: where a change ended is a count; by how much it changed is not
    rf"\b{_CHANGE_VERBS}\w*(?:\s+на\s+[\d,.\s]+%?)?\s*,?\s+до\s+",
    # `..., в 2021 — на 20 %, до 13,1 тысячи`, `а тяжких — на 4,1%, до 3 550`: a change, its verb
    # said once
    rf"(?:\b(?:в|за)\s+{_PERIOD}\s*)?(?:—|–|\s-)\s*на\s+[\d,.\s]+%\s*,?\s*до\s+",
    # `(АППГ — 2396)`: the same period of last year, the noun said before
    r"\bАППГ\*?\s*(?:—|–|-)\s*",
    # `из них тяжких — 761`: a part of the count before, by its kind
    r"\bиз\s+них\s+[а-яё]+\s*(?:—|–|\s-)\s*",
    # `20 дел (раскрыто 7)`: the solved ones of the count before
    r"\(\s*раскрыт[оаы]?\s+",
]
_QUALIFIER = r"(?:(?P<qualifier>более|свыше|около|порядка|менее)\s+)?"
# no noun after it (`против 5 человек` is a count); `— 3 412 (+5%)`: a change in brackets may follow
# (`— прим. автора`; `краж — 54 (раскрыто 5)`)
# (not a decimal's whole part: `в Жамбылской области – 187,6` is a rate)
_ENDS = (
    r"(?![.,]\d)(?=\s*(?:[.,;:)]|\([+−–-]?\d|\(\s*(?:не\s+)?раскрыт|$|в\s|за\s|и\s|годом|год|[—–-]\s+прим))"
)
COMPARED = re.compile(
    rf"(?:{'|'.join(_LEADS)}){_QUALIFIER}(?:(?P<thousands>\d+(?:,\d)?)(?P<scale>\s*тыс(?:\.|[а-я]*))|{_NUMBER})"
    rf"{_ENDS}",  # (`до 58 тыс.`, `до 13,1 тысячи`)
    re.IGNORECASE,
)
# `в Алматы (3 210), Астане (2 105)`: a count in brackets after a place (checked: a capital in `place`)
BRACKETED = re.compile(
    rf"(?P<place>(?:[\w-]+\s+){{0,2}}[\w-]+)\s*\(\s*(?:{_NUMBER}|(?P<thousands>\d+,\d)\s*тыс\.?)\s*\)"
)  # `в Шымкенте (1,4 тыс.)`
# `угоны — 640 случаев, грабежи — 95, хулиганство — 31`: counts per crime, the noun said once
# (checked: a crime named in the label, or a count of crimes before it in the sentence)
CRIME_ITEM = re.compile(
    rf"(?:(?<=[,:;]\s)|\bи\s+)(?P<label>(?-i:[а-яё])[\w -]{{0,60}}?)(?:\s*[—–]\s*|\s+-\s+)"
    rf"{_QUALIFIER}{_NUMBER}{_ENDS}",  # (the normaliser writes an en dash as `-`)
    re.IGNORECASE,
)
# `выросло на 2,1 %, до 14,2 тыс. случаев`: `до` is where a change ended, not an upper bound
CHANGE_TO = re.compile(rf"\b{_CHANGE_VERBS}\w*[^.;]{{0,40}}?[,:]?\s*$", re.IGNORECASE)
# `- 41 – за незаконное пересечение границы`: an item of a list of counts, its number first
LIST_ITEM = re.compile(rf"\s*[-–—•]\s*{_QUALIFIER}{_NUMBER}\s*[–—-]\s", re.IGNORECASE)
# `поступило 12 заявлений о краже скота`: reports of a named crime count the crimes
REPORTS = re.compile(
    rf"{_QUALIFIER}{_NUMBER}\s+(?:заявлени|сообщени|обращени)\w*\s+об?\s+(?P<label>[а-яё-]+)", re.IGNORECASE
)
REPORT_NOUNS = re.compile(r"заявлени|сообщени|обращени", re.IGNORECASE)  # (what REPORTS needs)
# `увеличилось количество мошенничеств (2401), грабежей (126)`: a count in brackets after a crime's noun
# (checked: a crime noun of rules/count_nouns.tsv)
# (the noun may stand a few words before: `кражи из автомобилей (22)`)
CRIME_BRACKET = re.compile(rf"(?P<label>[а-яё-]+(?:\s+[а-яё-]+){{0,2}})\s*\(\s*{_NUMBER}\s*\)", re.IGNORECASE)
# `..., из них 120 — в мае`, `Из них передано в суд 204`: a part of the crimes counted before
PART = re.compile(
    rf"\bиз\s+(?:них|которых)\s+(?:[а-яё]+\s+){{0,3}}?{_QUALIFIER}{_NUMBER}"
    # (`из которых 14 зарегистрировано в мае`: a short participle after the number; `61 относится к`)
    r"(?=\s*(?:[.,;:)]|$|не\s|в\s|за\s|[—–-]\s|[а-яё]+(?:ано|ено|ято|ыто|ены|аны|яты)\b|относ))",
    re.IGNORECASE,
)
OF_THEM = re.compile(r"из\s+(?:них|которых)", re.IGNORECASE)
# `Причем 640 из них совершены в сети`: the number first
PART_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,:]))(?<![\d,.]){_QUALIFIER}{_NUMBER}(?=\s+из\s+(?:них|которых)\b)", re.IGNORECASE
)
# `412 случаев – это получение взяток, 300 – дача, 12 – посредничество`, `208 фактов: 57 — получение
# взяток, 108 — дача`: counts per kind of crime after the count, each number first, then a dash and a label
NUMBER_LABEL = re.compile(
    rf"(?:^|(?<=[,:;]\s)|(?<=\bи\s)){_QUALIFIER}{_NUMBER}\s*(?:[—–]|-(?=\s))\s*(?:это\s+)?(?-i:[а-яё])",
    re.IGNORECASE,
)
# `погибли 4 человека и пострадали 17`, `ещё 830 получили травмы`: the injured after the dead, the noun
# said once (only after a count of victims in the sentence)
HURT = re.compile(
    rf"(?:\b(?:пострадали|пострадало|ранены|травмированы)\s+(?:ещё\s+|еще\s+)?|\b(?:ещё|еще)\s+)"
    rf"{_NUMBER}(?:{_ENDS}|(?=\s+(?:получили|получил)\s+(?:травмы|ранения)))",
    re.IGNORECASE,
)
# `с 1 204 до 980 случаев`: the noun after the second number counts the first one too
FROM_TO_NOUN = re.compile(
    rf"\bсо?\s+(?:{_NUMBER}|(?P<thousands>\d+,\d)\s*тыс\.)(?=\s+до\s+\d[\d \u00a0,]*(?:\s*тыс\.)?\s+[а-яё])",
    re.IGNORECASE,
)  # (`с 3,2 тыс. до 2,7 тыс. случаев`)
# `101 преступление на 10 тысяч населения`, `4 тыс. краж в неделю`: a rate, not a count
# (not `в день выборов`: a day named after it is a date)
RATE = re.compile(
    r"^\s*[а-яё]*\s*(?:на\s+(?:\d+\s+|сто\s+)?(?:тысяч\w*|тыс\.|\d+\s*000)\s+(?:населения|жителей|человек)"
    r"|в\s+(?:неделю|сутки|месяц|час|среднем)\b|в\s+день(?=\s*(?:[,.;)]|$))|ежедневно|еженедельно|ежемесячно)",
    re.IGNORECASE,
)
# `ежесуточно фиксируется в среднем 80 краж`: a rate said before the count
RATE_BEFORE = re.compile(rf"\b{resources.phrases('rate_words.txt')}\b[^,.;:]*$", re.IGNORECASE)
# `1 640 фактов в 2023 году, 1 415 в 2024-м и 1 190 за 10 месяцев 2025 года`: the period after the number
PERIOD_AFTER = re.compile(rf"(?:,|\bи)\s+{_NUMBER}(?=\s+(?:в|за)\s+{_PERIOD})", re.IGNORECASE)
# `980, 1 012 и 874 преступления`: the numbers of a list share the noun after the last one
LISTED = re.compile(rf"(?<![\d,.]){_NUMBER}(?=\s*(?:,|\bи\b)\s*\d)")
# `зарегистрировано 4 120 преступлений, ... чем в аналогичном периоде 2024 года (4 870)`: the count of the
# period compared, in brackets after it (only after a count in the sentence, whose kind it takes)
PERIOD_BRACKET = re.compile(rf"(?:\bгод[а-я]*|\bпериод[а-я]*)\s*\(\s*{_NUMBER}\s*\)", re.IGNORECASE)
# `преступлений - 3 120 из 62 400`: a part and the whole, both counts of the noun before them
OUT_OF = re.compile(
    rf"(?<![\d,.]){_NUMBER}\s+из\s+(?P<second>\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+){_ENDS}", re.IGNORECASE
)
# `количество краж сократилось с 1 126 до 948`: both ends of a change are counts
FROM_TO = re.compile(
    rf"\bсо?\s+{_NUMBER}\s+до\s+(?P<second>\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+){_ENDS}", re.IGNORECASE
)
# `Интернет-мошенничеств стало больше: 1 984 против 1 652`: the noun first, the two numbers after it.
NOUN_FIRST = re.compile(rf"{_NUMBER}(?=\s+против\s+\d)")


# `в отношении директора избрана мера пресечения в виде ареста`: one person
# held in custody (a person told of already is caught by `_without_repeated_detentions`)
RESTRAINT = re.compile(
    r"мер[аыуе]\s+пресечения\s+в\s+виде\s+(?:содержания\s+под\s+стражей|(?:домашнего\s+)?ареста)",
    re.IGNORECASE,
)
ONE_CONCERNED = re.compile(
    r"\bв\s+отношении\s+(?!(?:них|их|\d|двух|тр[её]х|четыр|пят|шест|сем|всех)\w*)\w+", re.IGNORECASE
)


def _named_pair(doc: Document, sentence: Sentence, tokens, counts: list[FactDraft]) -> list[FactDraft]:
    """`Иван Петров и бывший начальник отдела Сергей Орлов задержаны`: two persons named before a plural
    participle, joined by `и`, are two detained (when the sentence counted no one)."""
    if any(f.kind == "detained" for f in counts):
        return []
    stop = sentence.start + len(sentence.text)
    if sum(sentence.start <= p.start and p.end <= stop for p in doc.persons) < 2:
        return []  # (two persons before the participle are needed: most sentences name none)
    triggers = lexicon.detention_words()
    for token in tokens:
        if not (
            lemmas(token) & triggers and any("PRTS" in f.grams and "plur" in f.grams for f in token.forms)
        ):
            continue
        verb = sentence.start + token.span.start
        named = [p for p in doc.persons if sentence.start <= p.start and p.end <= verb]
        between = doc.normalized.text[named[0].end : named[-1].start] if len(named) == 2 else ""
        if len(named) == 2 and re.search(r"\sи\s", between) and "," not in between:
            return [
                FactDraft("detained", 2, named[0].start, sentence.start + token.span.stop, sentence.index)
            ]
    return []


# What may stand between a named person and the participle after the name: `был`, an apposition in commas
# (`Иван Петров, 45 лет, задержан`), the comma closing an apposition before it (`Экс-аким, Иван Петров, был
# задержан`), `вчера`
NAME_THEN_VERB = re.compile(
    r"\s*(?:,[^,.;:«»\"]{1,60},|,(?=\s*был))?\s*(?:(?:был[аи]?|вчера|сегодня|также)\s+)*", re.IGNORECASE
)


def _named_one(doc: Document, sentence: Sentence, tokens, counts: list[FactDraft]) -> list[FactDraft]:
    """`Бахыт Орлов задержан с поличным`, `задержан Арман Сеитов`, `задержали Ивана Петрова`: one named
    person (a PER mention of natasha's NER) right before or after a detention word for one person
    (when the sentence counted no one)."""
    if any(f.kind == "detained" for f in counts):
        return []
    triggers, text = lexicon.detention_words(), doc.normalized.text
    persons = [p for p in doc.persons if sentence.start <= p.start and p.end <= sentence.end]
    if not persons:
        return []
    for token in tokens:
        if not lemmas(token) & triggers:
            continue
        grams = [f.grams for f in token.forms]
        singular = any("PRTS" in g and "sing" in g for g in grams)
        active = any("VERB" in g and "plur" in g for g in grams)  # `задержали Ивана Петрова`
        if not (singular or active):
            continue
        verb_start, verb_end = sentence.start + token.span.start, sentence.start + token.span.stop
        for person in persons:
            before = person.end <= verb_start and NAME_THEN_VERB.fullmatch(text[person.end : verb_start])
            after = verb_end <= person.start and not text[verb_end : person.start].strip()
            if before or after:
                start, end = min(person.start, verb_start), max(person.end, verb_end)
                return [FactDraft("detained", 1, start, end, sentence.index)]
    return []


def _restraint(sentence: Sentence, counts: list[FactDraft]) -> list[FactDraft]:
    if any(c.kind == "detained" for c in counts):
        return []
    match = RESTRAINT.search(sentence.text)
    concerned = ONE_CONCERNED.search(sentence.text)
    if match is None or concerned is None:
        return []
    word = concerned.group().split()[-1].lower()
    if all("plur" in f.grams for f in analyzer()(word)):
        return []  # `в отношении подозреваемых`: several people, how many it does not say
    start, end = sentence.start + match.start(), sentence.start + match.end()
    return [FactDraft("detained", 1, start, end, sentence.index)]


GROUP_REACH = 8  # sentences: how far a plural noun in a later paragraph may point back at a group


def _group_detained(
    sentence: Sentence, tokens, counts: list[FactDraft], state: _Carried, earlier: list[FactDraft]
) -> list[FactDraft]:
    """`Всех их задержали`, `все они задержаны`: the group of people counted earlier in the paragraph
    with no word of what befell them (`Трое подростков ... угоняли машины`) was detained. The evidence
    is the count itself: it holds the number. Not a group smaller than people detained before it
    (`задержаны 27 мигрантов. У 9 иностранцев не было документов. Их водворили в приёмник`: a part)."""
    if state.group is None or counts:
        return []
    if any(f.kind == "detained" and f.value > state.group[1].value for f in earlier):
        return []
    detain = lexicon.detention_words()
    words = {t.value.lower() for t in tokens}
    # `Всех их задержали`, `Подозреваемые задержаны`, `Они задержаны` (rules/anaphora.txt, the plural ones)
    # (`Вся группа была задержана`: the group itself)
    pointers = {"всех", "их", "группа"} | {w for w in lexicon.anaphora() if w.endswith(("е", "и", "ы"))}
    if not (pointers & words) or not any(lemmas(t) & detain for t in tokens):
        return []
    # a headline's group may be told of in the body (`Семеро жителей подозреваются в кражах`); a later
    # paragraph may name the group by a plural noun (`Подозреваемые водворены под стражу`), not by a pronoun
    far = pointers & words - {"всех", "их", "они", "все", "обе", "оба"}
    if state.group[0] != sentence.paragraph and state.group[1].sentence != 0:
        if not far or sentence.index - state.group[1].sentence > GROUP_REACH:
            return []
    if any(t.forms and all("impr" in f.grams for f in t.forms) for t in tokens if hasattr(t, "forms")):
        return []  # `Берите всех под стражу!`: an order, not what happened
    group = state.group[1]
    state.group = None
    return [group]


ITEM_AFTER = 6  # tokens after a quantity that may name its item (`2 кг наркотического средства «гашиш»`)
ITEM_BEFORE = 8  # tokens before a quantity whose item is not after it (`героин массой 120 граммов`)


def _unit_of(token) -> tuple[str, Decimal] | None:
    """(unit, how many of it) of a unit word (rules/seized_units.tsv): `граммов` -> ("kg", 0.001)."""
    units = lexicon.seized_units()
    return next((units[w] for w in (token.value.lower(), *lemmas(token)) if w in units), None)


def _container_of_unknown(tokens, start: int, end: int, item: lexicon.SeizedItem) -> bool:
    """`20 коробок с блоками сигарет`, `3 коробки гашиша`: boxes that hold an unknown quantity (anything
    in them, or drugs), not the measure of goods (`сигареты в количестве 900 коробок`)."""
    containers = lexicon.seized_containers()
    for index in range(start, end):
        token = tokens[index]
        if token.value.lower() in containers or lemmas(token) & containers:
            after = tokens[index + 1].value.lower() if index + 1 < len(tokens) else ""
            return item.cls == "drugs" or after in ("с", "со")
    return False


def _measure(tokens) -> tuple[Decimal, str] | None:
    """The value and unit of amounts with their units (`1,2 тонны`, `2 кг 300 граммов`) or of a bare
    amount (`214`: pieces), up to the first other word."""
    total, run, unit, half = Decimal(0), [], None, Decimal(0)
    for position, token in enumerate(tokens):
        if token.value == ".":
            continue
        if _is_amount_token(token):
            run.append(token)
            continue
        if run and token.value.lower() in ("с", "половиной"):
            half = Decimal("0.5")  # `двух с половиной килограммов`
            continue
        found = _unit_of(token)
        if found is None:
            break
        # (a unit with no number first is one of it: `свыше килограмма` after its qualifier)
        value = amount_value(run) if run else Decimal(1) if position == 0 else None
        if value is not None:
            value, half = value + half, Decimal(0)
        if value is None or (unit is not None and found[0] != unit):
            return None
        if (
            token.value.lower() == "г"
            and len(run) == 1
            and re.fullmatch(r"(19|20)\d\d", run[0].value)
            and not (position + 1 < len(tokens) and _item_in_genitive(tokens[position + 1]))
        ):
            return None  # `в 2024 г.`: a year (`1953 г опия` is a weight)
        total, run, unit = total + value * found[1], [], found[0]
    if run:
        value = amount_value(run)
        return None if value is None or unit is not None else (value, "pcs")
    return (total, unit) if unit is not None else None


def _item_in_genitive(token) -> bool:
    """`опия` after `1953 г`: what the grams weigh (`в 1998 г героин изъяли` is a year)."""
    forms = getattr(token, "forms", ())
    return quantity.item_of(token.value) is not None and any("gent" in f.grams for f in forms)


def _quantity(tokens) -> tuple[str, list[Decimal]] | None:
    """The unit and the value (or the two ends of a range: `от 2 до 3 кг`, `2-3 кг`) of a quantity's
    tokens after its qualifier; the unit of the high end is the low end's too."""
    if tokens and tokens[0].value.lower() == "от":
        tokens = tokens[1:]
    split = next((i for i, t in enumerate(tokens) if i > 0 and t.value.lower() in RANGE_WORDS | {"–"}), None)
    if split is None:
        found = _measure(tokens)
        return None if found is None or found[0] <= 0 else (found[1], [found[0]])
    high = _measure(tokens[split + 1 :])
    unit_token = next((t for t in tokens[split + 1 :] if _unit_of(t)), None)
    if high is None or unit_token is None:
        return None
    low = _measure(tokens[:split] + [unit_token])
    if low is None or low[1] != high[1] or not 0 < low[0] < high[0]:
        return None
    return high[1], [low[0], high[0]]


def _evidence_end(tokens, start: int, end: int) -> int:
    """Where a quantity's evidence ends: after its item, else after its unit (`5 кг`, not `5 кг
    полицейские`); the dot of an abbreviation that ends the sentence is the sentence's."""
    last = start
    for index in range(start, end):
        token = tokens[index]
        if _is_amount_token(token) or _unit_of(token) or quantity.item_of(token.value):
            last = index + 1
    if tokens[last - 1].value == "." and (
        last == len(tokens) or tokens[last].value[:1].isupper() or tokens[last].value in CLAUSE_BREAKS
    ):
        last -= 1
    return last


def _seized_item(tokens, start: int, end: int, first: int | None = None) -> lexicon.SeizedItem | None:
    """The item of the quantity tokens[start:end] (`first`: where it starts with its qualifier): named in
    it or after it in the same clause (only adjectives and nouns between: `2 кг наркотического средства
    «гашиш»`), else a few words before it; a specific item beats a word that names only the class
    (`наркотики`)."""
    first = start if first is None else first
    found: list[lexicon.SeizedItem] = []
    after = 0
    for index in range(start, len(tokens)):
        token = tokens[index]
        if index >= end:
            after += 1
            if (
                token.type == "NUM"
                or token.value in CLAUSE_BREAKS
                or token.value in (".", "и")
                or _is_verb(token)
            ):
                break  # the next quantity's, the next clause's: `весом 90 кг, изъяли гашиш`
            if after > ITEM_AFTER:
                break
        found += [i for i in [quantity.item_of(token.value)] if i]
    if not found:
        # `героин массой 120 граммов`, `лекарства без регистрации: изъято 1,7 тыс. упаковок`; the weight
        # in brackets after its item (`пакет с гашишем (3,2 кг)`)
        index = first - 1 if first > 0 and tokens[first - 1].value == "(" else first
        budget = ITEM_BEFORE
        while index > 0 and budget > 0:
            index, budget = index - 1, budget - 1
            token = tokens[index]
            if token.type == "NUM":
                passed = _passed_number(tokens, index)
                if not passed:
                    break
                budget += passed  # (its words were counted on the way)
                continue
            if token.value in (".", ";", "(", ")"):
                break
            found += [i for i in [quantity.item_of(token.value)] if i]
    specific = [i for i in found if not i.weak]
    return (specific or found or [None])[0]


EACH = {"каждый", "каждая", "каждое", "каждого", "каждой", "каждую", "каждому", "штуку"}
PASSED_AFTER = 3  # words from a number to its `каждый` or its counted noun


BULLET = re.compile(r"\s*[•·▪*–—-]")


def _told_before(sentence: Sentence, tokens, triggers, state: _Carried) -> bool:
    """Whether this sentence's quantities were seized by a trigger word of an earlier sentence: it has no
    trigger word of its own (seized or not), and either gives the weight of what the sentence right before
    it found (a word of rules/seized_measures.txt: `Изъяли три свёртка с веществом.
    Экспертиза показала, что это гашиш весом 2 кг.`), or is an item of a list that such a sentence opens
    (`изъято, в том числе:` then `• наркотиков – 5 кг;`). Notes this sentence's own trigger words for the
    sentences after it."""
    kinds = {kind for _, _, kind in triggers}
    bulleted = state.seizing_list and BULLET.match(sentence.text) is not None
    measures = lexicon.seized_measures()
    told = not kinds and (
        # (the words are read only after a seizing sentence: most sentences follow none)
        (
            # (the sentence right before, in its paragraph or closing the one before: `Общий вес ...`
            # told as a paragraph of its own)
            state.seizing is not None
            and state.seizing[1] == sentence.index - 1
            and any(lemmas(t) & measures for t in tokens)
        )
        or bulleted
    )
    if "seized" in kinds:
        state.seizing = (sentence.paragraph, sentence.index)
        state.seizing_list = sentence.text.rstrip().endswith(":")
    elif not bulleted:
        state.seizing_list = False
    return told


def _weighs_the_seized(tokens) -> bool:
    """`Суммарный вес изъятого превысил 3 кг`: the weight of what was seized (a measure word right before a
    seizing word), its item told before."""
    seizing = lexicon.seizing_words()
    return any(
        lemmas(tokens[k]) & lexicon.seized_measures() and lemmas(tokens[k + 1]) & seizing
        for k in range(len(tokens) - 1)
    )


def _per_piece(tokens, start: int, end: int) -> bool:
    """`бруски весом 10 граммов каждый`, `по 2 кг за штуку`: the weight of one piece, not what was seized."""
    return any(t.value.lower() in EACH for t in tokens[start : end + 1])


def _passed_number(tokens, index: int) -> int:
    """The words of a number that the item of a quantity after it may lie beyond: a per-piece weight
    (`серебряные бруски по 20 граммов каждый, всего 2,4 кг`) or a count of cases (`топливо – 310 случаев
    объемом более 45 тонн`); 0 for any other number."""
    nouns = lexicon.count_nouns()
    for offset, token in enumerate(tokens[index + 1 : index + 1 + PASSED_AFTER], start=1):
        counted = offset == 1 and any(nouns.get(w) == "crimes" for w in lemmas(token))
        if counted or token.value.lower() in EACH:
            return offset + 1
    return 0


def _is_verb(token) -> bool:
    forms = getattr(token, "forms", ())
    return bool(forms) and all(any(g in f.grams for g in ("VERB", "INFN", "PRTS", "GRND")) for f in forms)


# a word (its text and type: a sentence's token has the forms of its text) -> the triggers that may start
# at it; asked of every word of every sentence with a quantity
_TRIGGER_CANDIDATES: dict[tuple[str, str], list] = {}


def _trigger_candidates(token, starts) -> list:
    key = (token.value, token.type)
    found = _TRIGGER_CANDIDATES.get(key)
    if found is None:
        if len(_TRIGGER_CANDIDATES) > 100_000:
            _TRIGGER_CANDIDATES.clear()
        words = {token.value.lower(), *lemmas(token)}
        found = _TRIGGER_CANDIDATES[key] = [c for w in words for c in starts.get(w, ())]
    return found


def _triggers(tokens) -> list[tuple[int, int, str]]:
    """The trigger words (rules/seized_triggers.tsv) of a sentence, in order: (first, last token, kind).
    Of triggers that start at one word the longest wins (`пытаться продать` over `продать`), and the words
    of a trigger of several words are not triggers of their own."""
    found: list[tuple[int, int, str]] = []
    starts = lexicon.seized_trigger_starts()
    index = 0
    while index < len(tokens):
        candidates = _trigger_candidates(tokens[index], starts)
        best = None
        for words, kind in candidates:
            if (
                (best is None or len(words) > best[1] - index + 1)
                and index + len(words) <= len(tokens)
                and all(
                    word in lemmas(tokens[index + k]) or word == tokens[index + k].value.lower()
                    for k, word in enumerate(words[1:], start=1)
                )
            ):
                best = (index, index + len(words) - 1, kind)
        if best is not None:
            found.append(best)
            index = best[1]
        index += 1
    return found


def _seizure(triggers, start: int, end: int, tokens=()) -> str | None:
    """`seized` when the trigger nearest the quantity tokens[start:end] says it was seized or found: any
    word before it in the sentence, up to TRIGGER_WINDOW words after it; `none` words (stolen, caught,
    destroyed, held as a capacity) nearer win; a tie goes to the word before."""
    best, best_distance = None, None
    for first, last, kind in triggers:
        if first >= end and first - end + 1 > TRIGGER_WINDOW:
            break
        if start <= first < end:
            # (a participle of the item is no nearer than the verb before it: `изъяли 27 т похищенного ДТ`)
            distance = 1 if first > start and first < len(tokens) and _participle(tokens[first]) else 0
        elif first < start:
            distance = start - min(last, start - 1)  # from the trigger's last word
        else:
            distance = first - end + 1  # `15 граммов наркотика он, по его словам, хранил`
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return best


GENERIC_CRIME_NOUNS = {"факт", "случай"}


def _a_date(tokens, index: int) -> bool:
    """`18 марта`, `2024 года`: the number at `index` is a day or a year, no amount."""
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    months = lexicon.months()
    return any(w in months for w in lemmas(following)) or following.value.lower() in (
        "год",
        "года",
        "году",
        "г",
    )


def _participle(token) -> bool:
    forms = getattr(token, "forms", ())
    return bool(forms) and all("PRTF" in f.grams for f in forms)


def _violations(tokens, start: int, end: int) -> bool:
    """`555 фактов нарушений`, `нарушения сроков пребывания (2 400 случаев)`: a count of `фактов`/`случаев`
    that rules/violation_words.txt says are administrative violations."""
    words = lexicon.violation_words()
    if lemmas(tokens[end - 1]) & {"правонарушение"}:
        # `2 410 правонарушений миграционного законодательства`: the law it breaks is administrative
        if any("уголовн" in t.value.lower() for t in tokens[max(0, start - 3) : end]):
            return False
        cues = lexicon.violation_cues()  # `в ходе ОПМ пресечено 1 200 правонарушений`
        before = tokens[max(0, start - 8) : end]
        return any(lemmas(t) & words for t in tokens[end : end + 2]) or any(
            lemmas(t) & cues or t.value.lower() in cues for t in before
        )
    if not lemmas(tokens[end - 1]) & GENERIC_CRIME_NOUNS:
        return False
    if any(lemmas(t) & words for t in tokens[end : end + 2]):
        return True
    return (
        start > 0
        and tokens[start - 1].value == "("
        and any(lemmas(t) & words for t in tokens[max(0, start - 10) : start])
    )


def _kind_before(tokens, offset: int) -> str | None:
    """The kind of the nearest counted noun before `offset`: crimes or victims, or people that the noun
    itself says were detained (`Больше всего задержанных в Алматы — 316`), not bare people."""
    nouns, triggers = lexicon.count_nouns(), lexicon.count_triggers()
    kinds = []
    for t in tokens:
        if t.span.stop > offset:
            break
        for w in lemmas(t):
            kind = nouns.get(w)
            if kind == "persons":
                kind = triggers.get(w) if triggers.get(w) in ("detained", "victims") else None
            if kind:
                kinds.append(kind)
                break
    return kinds[-1] if kinds else None


def _noun_first_counts(sentence: Sentence, tokens, counts, taken) -> list[FactDraft]:
    found = []
    for match in NOUN_FIRST.finditer(sentence.text):
        start, end = sentence.start + match.start("number"), sentence.start + match.end("number")
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        kind = _kind_before(tokens, match.start())  # the nearest counted noun before the numbers
        if kind:
            found.append(FactDraft(kind, _digits(match.group("number")), start, end, sentence.index))
    return found


def _in_list(text: str, start: int, end: int) -> bool:
    """Only numbers, commas, spaces and `и` between a listed number and the count that ends the list."""
    return re.fullmatch(r"[\d\s,\u00a0]*(?:\bи\s+)?[\d\s\u00a0]*", text[start:end]) is not None


def _digits(number: str) -> int:
    return int(re.sub(r"\D", "", number))


def _is_year(value: int, after: str) -> bool:
    """`за 2023–2024 годы`: a year after a dash is no count."""
    return 1900 <= value <= 2100 and re.match(r"\s*(?:год|гг)", after) is not None


def _compared_counts(
    sentence: Sentence, tokens, counts: list[FactDraft], taken, state: _Carried | None = None
) -> list[FactDraft]:
    """The bare numbers of COMPARED, BRACKETED and FROM_TO: of the kind of the count before them in the
    sentence, else of the counted noun before them (`количество краж сократилось с 1 126 до 948`), else
    of the last count of the paragraph (`Следом идет Актобе (8 420)`)."""
    found: list[FactDraft] = []
    if not DIGIT.search(sentence.text):
        return found  # (every pattern reads digits)
    patterns = (
        COMPARED,
        BRACKETED,
        CRIME_ITEM,
        CRIME_BRACKET,
        REPORTS,
        HURT,
        FROM_TO,
        FROM_TO_NOUN,
        PERIOD_AFTER,
        LISTED,
        OUT_OF,
        PERIOD_BRACKET,
    )
    for pattern in patterns:
        if pattern in (BRACKETED, CRIME_BRACKET) and "(" not in sentence.text:
            continue  # (its tries at every word are the slowest part of this function)
        if pattern is CRIME_ITEM and "—" not in sentence.text and " - " not in sentence.text:
            continue  # (the same: it needs a dash)
        if pattern is REPORTS and not REPORT_NOUNS.search(sentence.text):
            continue
        if pattern is OUT_OF and " из " not in sentence.text:
            continue
        if pattern is PERIOD_BRACKET and ("(" not in sentence.text or not counts):
            continue
        for match in pattern.finditer(sentence.text):
            if RATE.match(sentence.text[match.end() :]):
                continue  # (FROM_TO_NOUN: the count after `до` is checked for a rate in `_counts`)
            if pattern is BRACKETED and not any(w[:1].isupper() for w in match.group("place").split()):
                continue  # `в Алматы (3 210)`, `в Карагандинской области (97)`; not `в 2025 году (5)`
            if pattern is BRACKETED and _people_in_brackets_before(sentence.text[: match.start()]):
                continue  # `4 тысячи безработных (3 912) совершили кражи, в Жамбылской (840)`: people
            groups = match.groupdict()
            first = "qualifier" if groups.get("qualifier") else "number"
            main = "thousands" if groups.get("thousands") else "number"
            last = "scale" if groups.get("scale") else main  # (`13,1 тысячи`: the span takes the word)
            numbers = [(main, match.start(first if main == "number" else main), match.end(last))]
            if groups.get("second"):
                numbers.append(("second", match.start("second"), match.end("second")))
            for group, m_start, m_end in numbers:
                start, end = sentence.start + m_start, sentence.start + m_end
                if any(
                    start < t_end and t_start < end
                    for t_start, t_end in taken + [(f.start, f.end) for f in found]
                ):
                    continue
                if pattern is FROM_TO_NOUN:  # the kind of the count after `до`
                    after = [c for c in counts if c.start >= end]
                    kind = after[0].kind if after else None
                elif pattern is LISTED:  # the kind of the count the list ends in
                    after = [c for c in counts if c.start >= end]
                    kind = (
                        after[0].kind
                        if after and _in_list(sentence.text, m_end, after[0].start - sentence.start)
                        else None
                    )
                elif pattern is HURT:
                    before = [c for c in counts + found if c.end <= start]
                    kind = "victims" if before and before[-1].kind == "victims" else None
                elif pattern is REPORTS:  # (`сообщений о преступлениях и происшествиях`: any calls, no count)
                    label = match.group("label")
                    specific = not word_lemmas(label) & {
                        "преступление",
                        "правонарушение",
                        *GENERIC_CRIME_NOUNS,
                    }
                    kind = "crimes" if specific and _names_crime(label) else None
                elif pattern is CRIME_BRACKET:
                    kind = "crimes" if _names_crime(match.group("label")) else None
                elif pattern is CRIME_ITEM:
                    before = [c for c in counts + found if c.end <= start]
                    named = _names_crime(match.group("label"))
                    kind = "crimes" if named or (before and before[-1].kind == "crimes") else None
                else:
                    before = [c for c in counts + found if c.end <= start]
                    kind = before[-1].kind if before else _kind_before(tokens, m_start)
                    if kind is None and state is not None and state.count is not None:
                        paragraph, carried = state.count
                        kind = carried if paragraph == sentence.paragraph else None
                    if (
                        kind is None
                        and state is not None
                        and state.noun
                        and (CONTINUED.match(sentence.text) or THEIR_COUNT.search(sentence.text))
                    ):
                        # `о росте преступности` / `(+1,2%, с 7310 до 7398).`: a line broken mid-sentence;
                        # `встречались кражи скота. За месяц их учтено 37`: `их`, the noun of the one before
                        paragraph, carried = state.noun
                        kind = carried if paragraph == sentence.paragraph else None
                words = tuple((groups.get("qualifier") or "").lower().split()) if group == "number" else ()
                qualifier = lexicon.qualifiers().get(words, "exact")
                if group == "thousands":  # `10,6 тыс.`: exact in thousands
                    value = int(Decimal(match.group(group).replace(",", ".")) * 1000)
                else:
                    value = _digits(match.group(group))
                if _is_year(value, sentence.text[m_end:]):
                    continue
                if kind and value > 0:
                    found.append(FactDraft(kind, value, start, end, sentence.index, qualifier))
    return sorted(found, key=lambda f: f.start)


PEOPLE_FIGURE = re.compile(r"\d[\d\s]*(?:тысяч\w*|тыс\.)?\s+(?P<noun>[а-яё]+)\s*\(\s*\d")


def _people_in_brackets_before(text: str) -> bool:
    """A count of people with its exact figure in brackets (`4 тысячи безработных (3 912)`) earlier in the
    sentence: the figures in brackets after places that follow it count those people, not crimes."""
    return any(
        lexicon.count_nouns().get(w) == "persons" or not _names_crime(m.group("noun"))
        for m in PEOPLE_FIGURE.finditer(text)
        for w in word_lemmas(m.group("noun"))
    )


def _names_crime(label: str) -> bool:
    """`кражи`, `мошенничество`: a crime noun of rules/count_nouns.tsv among the label's words."""
    nouns = lexicon.count_nouns()
    return any(nouns.get(w) == "crimes" for word in label.split() for w in word_lemmas(word))


def _parts(sentence: Sentence, counts: list[FactDraft], taken, state: _Carried) -> list[FactDraft]:
    """PART: the part of the crimes counted just before (in the sentence, or the paragraph's last count);
    a part of people counted is not more people (`трое из них задержаны`), so only crimes."""
    found = []
    text = sentence.text
    of_them = OF_THEM.search(text) is not None  # (what PART and PART_BEFORE need; NUMBER_LABEL: a dash)
    matches = [
        *(PART.finditer(text) if of_them else ()),
        *(PART_BEFORE.finditer(text) if of_them else ()),
        *(NUMBER_LABEL.finditer(text) if "—" in text or "–" in text or "-" in text else ()),
    ]
    for match in matches:
        start, end = sentence.start + match.start("number"), sentence.start + match.end("number")
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        before = [c for c in counts if c.end <= start]
        if before:
            kind = before[-1].kind
        elif state.count and state.count[0] == sentence.paragraph:
            kind = state.count[1]
        elif (
            state.count_at
            and state.count_at[0] == sentence.index - 1
            and not sentence.text[: match.start()].strip()
        ):
            kind = state.count_at[1]  # `Из них направлено в суд 95` opening the paragraph after the count
        else:
            kind = None
        value = _digits(match.group("number"))
        if kind == "crimes" and value > 0 and not _is_year(value, sentence.text[match.end() :]):
            words = tuple((match.group("qualifier") or "").lower().split())
            qualifier = lexicon.qualifiers().get(words, "exact")
            found.append(FactDraft(kind, value, start, end, sentence.index, qualifier))
    return found


DEED_ENDINGS = ("ка", "ние", "тие", "ция")  # nouns of an action: `отправка`, `избиение`, `организация`


def _verb_after_detention_noun(tokens, at: int, index: int) -> bool:
    """A verb of its own between a detention and the count: the count is that verb's. After a detention
    told as a noun, any verb (`после задержания директоров ушли три инспектора`); after any, an active
    participle opening a clause (`задержали водителя грузовика, сбившего четырех человек`; not
    `задержаны напавшие на магазин 3 человека`)."""
    if not 0 <= at < index:
        return False
    noun = any("NOUN" in f.grams for f in getattr(tokens[at], "forms", ())[:1])
    for position in range(at + 1, index):
        token = tokens[position]
        forms = getattr(token, "forms", ())
        if not forms or lemmas(token) & lexicon.detention_words():
            continue
        if noun and _is_verb(token) and "VERB" in forms[0].grams:
            return True
        if tokens[position - 1].value == "," and all("PRTF" in f.grams and "actv" in f.grams for f in forms):
            return True
    return False


def _object_of_a_deed(tokens, index: int) -> bool:
    """`за отправку троих человек`, `за избиение двоих`, `увольнение двух чиновников`: the people a deed
    was done to (not a detention: `задержание двух чиновников` is one)."""
    triggers = lexicon.count_triggers()
    if index < 1 or any(w in triggers for w in lemmas(tokens[index - 1])):
        return False
    forms = getattr(tokens[index - 1], "forms", ())
    # (a noun of an action, by its suffix: `отправку`, `избиение`, `организацию`; not `за неделю`)
    if not any(
        "NOUN" in f.grams and ("accs" in f.grams or "ablt" in f.grams) and f.normalized.endswith(DEED_ENDINGS)
        for f in forms
    ):
        return False
    # the deed's object is in the genitive (`отправку двух человек`); `задержаны за попрошайничество
    # четыре иностранки` names the detained in the nominative
    counted = tokens[index] if tokens[index].type != "NUM" else tokens[min(index + 1, len(tokens) - 1)]
    cases = {g for f in getattr(counted, "forms", ()) for g in ("gent", "nomn") if g in f.grams}
    return cases == {"gent"}


def _whole_after(tokens, index: int) -> bool:
    """`Трое из пяти участников`: a count right after `из` and another count is the whole they are part of."""
    return index >= 2 and tokens[index - 1].value.lower() == "из" and _is_amount_token(tokens[index - 2])


def _one_more_before(tokens, index: int) -> int | None:
    """`организатор и трое его сообщников`: the index of one person named right before `и` and a count of
    people (the count then holds one more), else None."""
    if index < 2 or tokens[index - 1].value.lower() != "и":
        return None
    noun = tokens[index - 2]
    forms = getattr(noun, "forms", ())
    person = lemmas(noun) & lexicon.person_nouns()
    if person and any("sing" in f.grams and ("nomn" in f.grams or "accs" in f.grams) for f in forms):
        return index - 2
    return None


def _after_detention_word(tokens, index: int) -> bool:
    return index > 0 and bool(lemmas(tokens[index - 1]) & lexicon.detention_words())


def _one_more_after(tokens, end_index: int) -> int | None:
    """`задержаны трое сотрудников департамента и директор фонда`: the index of one person named after the
    count's body (genitive words) and `и` (the count then holds one more), else None."""
    index = end_index
    while index < len(tokens) and index - end_index < 6 and tokens[index].value.lower() != "и":
        if not any("gent" in f.grams for f in getattr(tokens[index], "forms", ())):
            return None  # (only the body the counted people belong to stands between)
        index += 1
    if index + 1 >= len(tokens) or tokens[index].value.lower() != "и":
        return None
    if tokens[index + 1].value.lower() in ("его", "ее", "её", "их") and index + 2 < len(tokens):
        index += 1  # `и их водитель`
    noun = tokens[index + 1]
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    if following is not None and (following.type == "NUM" or lemmas(following) & set(lexicon.collectives())):
        return None
    forms = getattr(noun, "forms", ())
    person = lemmas(noun) & lexicon.person_nouns()
    if person and any("sing" in f.grams and "nomn" in f.grams for f in forms):
        return index + 1
    return None


def _list_item(sentence: Sentence, counts: list[FactDraft], taken, state: _Carried) -> list[FactDraft]:
    """`возбуждено 610 уголовных дел, в том числе:` then `- 41 – за незаконное пересечение границы`: each
    item of the list a count opens is a count of its kind (crimes only: parts of people are no facts)."""
    match = LIST_ITEM.match(sentence.text)
    if state.listing is None or match is None:
        if not (counts and sentence.text.rstrip().endswith(":")):
            state.listing = None
        return []
    start, end = sentence.start + match.start("number"), sentence.start + match.end("number")
    if state.listing != "crimes" or any(start < t_end and t_start < end for t_start, t_end in taken):
        return []
    value = _digits(match.group("number"))
    words = tuple((match.group("qualifier") or "").lower().split())
    qualifier = lexicon.qualifiers().get(words, "exact")
    return [FactDraft("crimes", value, start, end, sentence.index, qualifier)] if value > 0 else []


# `Алматы — 4 312 фактов / 6,1 млрд тенге ущерба`, then `Астана — 2 950 / 3,4 млрд`: a table whose first
# row names the units; the rows after it in the paragraph leave them out
TABLE_ROW = re.compile(
    r"\s*[А-ЯЁ][\w-]*(?:\s+[\w-]+)?\s*[—–-]\s*(?P<count>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?P<noun>\s+[а-яё]+)?"
    r"\s*/\s*(?P<sum>\d+(?:,\d+)?)\s*(?P<scale>млрд|млн|тыс)\.?(?P<unit>\s+\S.*)?\s*$"
)


def _table_row(sentence: Sentence, money: list[FactDraft], counts: list[FactDraft], state: _Carried) -> list:
    match = TABLE_ROW.match(sentence.text)
    if match is None:
        return []
    if match.group("noun") and match.group("unit"):  # the row that names the units
        if len(money) == 1 and len(counts) == 1 and money[0].currency:
            state.row = (sentence.paragraph, counts[0].kind, money[0].currency, money[0].role)
        return []
    if match.group("noun") or match.group("unit") or money or counts:
        return []
    if state.row is None or state.row[0] != sentence.paragraph:
        return []
    _, kind, currency, role = state.row
    value = Decimal(match.group("sum").replace(",", ".")) * lexicon.multipliers()[match.group("scale")]
    at = sentence.start
    return [
        FactDraft(
            kind,
            _digits(match.group("count")),
            at + match.start("count"),
            at + match.end("count"),
            sentence.index,
        ),
        FactDraft(
            "money",
            _exact(value),
            at + match.start("sum"),
            at + match.end("scale"),
            sentence.index,
            "exact",
            currency,
            role,
        ),
    ]


INITIAL = re.compile(r"[А-ЯЁ]")  # `А` of `А.М.`
PERSON_NOMINATIVE = ("NOUN", "anim", "nomn", "sing")
# a line this long told again word for word is the same news (a page's headline twice)
REPEATED_LINE_WORDS = 4


def _without_repeated_lines(doc: Document) -> list[FactDraft]:
    """A sentence that begins with an earlier sentence word for word (`Х задержан в Алматы` again, with
    a photo credit after it): its facts in that part are the earlier ones told again."""
    # (the earlier lines by their first three words, which a line that begins with one shares: a long text
    # compares each line with a few, not with all before it)
    seen: dict[tuple[str, ...], list[str]] = {}
    repeated: dict[int, int] = {}  # sentence index -> how many of its characters repeat an earlier one
    for sentence in doc.sentences:
        text = sentence.text.strip()
        words = text.split()
        key = tuple(words[:3])
        for earlier in seen.get(key, ()):
            if text.startswith(earlier):
                repeated[sentence.index] = max(repeated.get(sentence.index, 0), len(earlier))
        if len(words) >= REPEATED_LINE_WORDS:
            seen.setdefault(key, []).append(text)
    if not repeated:
        return doc.facts
    starts = {s.index: s.start + len(s.text) - len(s.text.lstrip()) for s in doc.sentences}
    return [
        f
        for f in doc.facts
        if not (f.sentence in repeated and f.end - starts[f.sentence] <= repeated[f.sentence])
    ]


def _without_headline_repeats(doc: Document) -> list[FactDraft]:
    """`В ВКО задержан лжепродавец` as the headline of a text that tells the detention again: one
    detention. A headline is a first paragraph of one sentence without a final stop."""
    # (the first line that is no page chrome: `$ 509.84 € 595.75` above the headline)
    first = next((s for s in doc.sentences if s.index not in doc.skipped), None)
    # (the headline told again with a photo credit after it is still the headline)
    rest = [
        s
        for s in doc.sentences[1:]
        if first is not None and not s.text.strip().startswith(first.text.strip())
    ]
    if (
        first is None
        or first.text.rstrip().endswith((".", "!", "?"))
        or (rest and rest[0].paragraph == first.paragraph)
    ):
        return doc.facts
    body = [f for f in doc.facts if f.sentence != first.index and f.kind == "detained"]
    return [
        f
        for f in doc.facts
        if not (f.sentence == first.index and f.kind == "detained" and any(b.value == f.value for b in body))
    ]


def _without_repeated_detentions(facts: list[FactDraft], text: str) -> list[FactDraft]:
    """`задержан 27-летний мужчина ... Подозреваемый водворен в ИВС`: a detention told with a word that
    points back (rules/anaphora.txt), or the custody that follows one (rules/custody.txt), when as many
    people were already counted as detained, is the same detention again: counting it twice would double
    the statistics."""
    kept: list[FactDraft] = []
    most = 0  # the largest number detained so far in the document
    for fact in facts:
        if fact.kind == "detained":
            # the first word or the one before it, as written: `Все шестеро`, not `ее владелец`, `с ним`
            words = re.findall(r"\w+", text[fact.start : fact.end])
            lead = re.findall(r"\w+", text[max(0, fact.start - 20) : fact.start])[-1:]
            back = {w.lower() for w in words[:1] + lead} & lexicon.anaphora()
            # (`после задержания акима`: the noun of a detention told before is that detention again)
            custody = (
                any(word_lemmas(w) & lexicon.custody() for w in words)
                or "пресечения" in words
                or bool(words and "задержание" in word_lemmas(words[0]))
            )
            if most >= fact.value and (back or custody):
                continue
            most = max(most, fact.value)
        kept.append(fact)
    return kept


def _unit_number_at_end(match_tokens, following) -> bool:
    """A sum written sign first whose last token is a number after a multiplier, with a word after it:
    `$40 тысяч 8,5 кг`, where the number counts the word, not the sum's units."""
    return (
        len(match_tokens) > 2
        and match_tokens[-1].type == "NUM"
        and bool(_multiplier_of(match_tokens[-2:-1]))
        and _currency(match_tokens[-1]) is None
        and not any(_currency(t) for t in match_tokens[-3:])
        and _is_word(following)
    )


def _is_word(token) -> bool:
    """A noun-like word after a bare `13 млн` makes it a count of something else (`13 млн человек`);
    a preposition does not (`еще 300 тыс. за доставку`)."""
    if token is None or token.type not in ("RU", "LATIN"):
        return False
    if lemmas(token) & {"год", "ранее"} or token.value.lower() in {"и", "а", "или", "затем", "еще", "ещё"}:
        return False  # `2,1 млрд годом ранее`; `еще 450 тыс. и 1,3 млн` (pymorphy reads `и` as a noun too)
    forms = getattr(token, "forms", ())
    if forms and all(any(g in f.grams for g in ("PREP", "CONJ", "PRCL")) for f in forms):
        return False
    # what is counted stands in the genitive (`13 млн человек`, `5 тыс. тонн`); `267,4 млн суд постановил
    # взыскать` goes on with the sentence's subject
    return not forms or any("gent" in f.grams for f in forms)


def _skip_group(tokens) -> int:
    """`группа из 24 граждан`: the words before the number that are not a qualifier."""
    words = [t.value.lower() for t in tokens]
    return 2 if len(words) > 2 and words[1] == "из" else 0


def _after_number(tokens, index: int, match_tokens) -> bool:
    """`KZ12 3456 7890 5678 тенге`, `Похищено 5 10 тенге`: a number right after another number is the
    tail of an account, a phone or a list, not a sum or a count on its own (and never glued to it);
    `миллиарда трёхсот миллионов тенге`: an amount right after a bigger multiplier is the tail of a sum
    (read whole by number.LEADING_ONE, or not at all: never as the tail alone)."""
    if index == 0:
        return False
    before = tokens[index - 1]
    if match_tokens[0].type == "NUM" and before.type == "NUM":
        return True
    first = next((lexicon.multipliers()[w] for w in lemmas(before) if w in lexicon.multipliers()), None)
    if first is None or before.type != "RU":
        return False
    own = [lexicon.multipliers()[w] for t in match_tokens for w in lemmas(t) if w in lexicon.multipliers()]
    return bool(own) and max(own) < first and _is_amount_token(match_tokens[0])


def _thing(token) -> bool:
    """An inanimate noun in its likeliest reading (`суток`)."""
    forms = getattr(token, "forms", ())
    return bool(forms) and {"NOUN", "inan"} <= forms[0].grams.values


def _range_low(tokens, index: int, value) -> int | None:
    """`5–6 человек`: the low end of a range of counts written with a dash right before the number."""
    if index < 2 or tokens[index].type != "NUM" or tokens[index - 1].value not in ("-", "–", "—"):
        return None
    before = tokens[index - 2]
    if before.type != "NUM" or before.span.stop != tokens[index - 1].span.start:
        return None  # (`за 2024 – 5 человек`: not glued)
    low = int(before.value) if before.value.isdigit() else None
    return low if low is not None and 0 < low < value else None


def _token_index(tokens, char_start: int) -> int:
    return next((i for i, t in enumerate(tokens) if t.span.start >= char_start), len(tokens))


def _exact(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value.normalize()
