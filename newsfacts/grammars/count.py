"""Counts of people and crimes: `группа из 24 граждан`, `20 потерпевших`, `более четырех тысяч
интернет-мошенничеств`, `задержаны трое`, `задержан 35-летний житель` (one person; the age is no count)."""

from __future__ import annotations

from yargy import and_, not_, or_, rule
from yargy.predicates import custom, dictionary, eq, gram, in_, in_caseless, is_capitalized, length_eq, type
from yargy.predicates.bank import Predicate

from . import lexicon
from .number import AMOUNT, COLLECTIVE, LONE_MULTIPLIER, QUALIFIER, FormWith

_NOUNS = lexicon.count_nouns()
DETAIN = dictionary(set(lexicon.detention_words()))  # `задержан`, `арестован`, `под стражу`
PERSON_NOUN = dictionary(set(lexicon.person_nouns()))
COUNTED_NOUN = dictionary(set(_NOUNS))
# `интернет-мошенничеств`: a word and a hyphen glued before the noun.
PREFIX = rule(type("RU"), eq("-"))
ADJECTIVE = or_(rule(gram("ADJF")), rule(gram("PRTF")), PREFIX)
GROUP = rule(dictionary({"группа", "состав", "число"}), eq("из"))

NUMBER = or_(AMOUNT, LONE_MULTIPLIER)
# `2,3 тыс. тяжких и корыстных преступлений`: two adjectives joined by `и`
JOINED_ADJECTIVES = rule(
    ADJECTIVE, eq("и"), rule(gram("ADVB")).optional(), ADJECTIVE
)  # `тяжких и особо тяжких`


# `задержаны 9 пакистанцев`, `семь новгородцев`: people named by where they come from (any animate noun
# in the plural, not an animal: rules/animal_words.txt); facts.py reads them as people
# (not a place or a name guessed to be a person)
PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init")


class LikelyPeople(Predicate):
    """A plural noun (or the genitive singular after 2-4) whose likeliest reading is animate and that has no
    inanimate noun reading: `пакистанцев`,
    `новгородцев`; not `голов`, `мешков`, `метров` (a head of cattle, a sack, a metre are animate only in
    rare senses)."""

    __attributes__ = []
    _BARRED = frozenset(PROPER)

    def __call__(self, token):
        forms = getattr(token, "forms", ())
        # (or the genitive singular that follows два, три, четыре: `два помощника`)
        if not forms or not (
            {"NOUN", "anim", "plur"} <= forms[0].grams.values
            or {"NOUN", "anim", "sing", "gent"} <= forms[0].grams.values
        ):
            return False
        nouns = [f for f in forms if "NOUN" in f.grams.values]
        return all("anim" in f.grams.values and self._BARRED.isdisjoint(f.grams.values) for f in nouns)

    def gate(self) -> list[tuple]:  # (windows._gate: a form with this grammeme)
        return [("g", "anim")]


OTHER_PEOPLE = and_(LikelyPeople(), not_(dictionary(set(lexicon.animals()))))
COUNTED = rule(
    GROUP.optional(),
    QUALIFIER.optional(),
    NUMBER,
    rule(gram("ADVB")).optional(),  # `484 ранее совершенных преступления`
    or_(ADJECTIVE.repeatable(max=3), JOINED_ADJECTIVES).optional(),
    or_(COUNTED_NOUN, OTHER_PEOPLE),
)
# `задержаны трое`, `двоих подозреваемых`; `шесть отправлены под стражу`: a number in words with no noun,
# told of by a plural participle of custody (digits are left out: `в 2024 задержаны` is a year)
BARE_CUSTODY = rule(
    dictionary(set(lexicon.numerals())).repeatable(max=3),
    or_(
        rule(and_(DETAIN, gram("PRTS"), gram("plur"))),
        rule(
            and_(dictionary({"взять", "отправить", "заключить", "поместить"}), gram("PRTS"), gram("plur")),
            in_caseless({"под"}),
            dictionary({"стража", "арест"}),
        ),
    ),
)
COLLECTIVE_COUNT = or_(
    rule(COLLECTIVE, ADJECTIVE.repeatable(max=2).optional(), PERSON_NOUN.optional()), BARE_CUSTODY
)

# One person: `задержан уроженец`, `задержана 40-летняя жительница`, `задержали подозреваемого`,
# `задержан инспектор`: a word from count_nouns, or any animate noun, in the singular.
AGE = or_(rule(type("NUM"), eq("-"), type("RU")), rule(type("NUM"), dictionary({"летний"})))  # `28 летний`
SINGLE = and_(gram("PRTS"), gram("sing"))
# `задержан`/`задержана`, `взят под стражу`: a singular participle, its person in the nominative.
CUSTODY = rule(in_caseless({"под"}), gram("ADJF").optional(), dictionary({"стража", "арест"}))
PASSIVE = or_(
    rule(and_(DETAIN, SINGLE)),
    # `взят под стражу`, `взят под домашний арест`; `под стражу отправлен`, `под стражу заключен`
    rule(and_(dictionary({"взять", "поместить", "заключить"}), SINGLE), CUSTODY),  # `помещен под стражу`
)
# `под стражу отправлен бывший руководитель`: the custody before its participle (apart from PASSIVE,
# which ends PERSON_FIRST: there it would widen every window)
CUSTODY_FIRST = rule(CUSTODY, and_(dictionary({"взять", "отправить", "заключить", "поместить"}), SINGLE))
ANIMAL = dictionary(set(lexicon.animals()))  # `скота задержали`: an animal is no person
# (not a capital `В` read as an initial)
LONG = custom(lambda value: len(value) > 2)


def person(*grams: str):
    """One person in this case: a word from count_nouns, or any animate noun, in the singular."""
    common = FormWith("NOUN", "anim", "sing", *grams, without=PROPER)  # `Шымкента` is no person
    return or_(and_(PERSON_NOUN, FormWith("sing", *grams)), and_(common, LONG, not_(ANIMAL)))


# `А.К. был задержан`, `задержан Б. Нуров`: a person named by initials (and a surname): one person
INITIAL = and_(type("RU"), length_eq(1), is_capitalized())
NAMED = rule(
    INITIAL, eq("."), rule(INITIAL, eq(".")).optional(), and_(type("RU"), is_capitalized(), LONG).optional()
)

PREDICATE_WORD = or_(gram("VERB"), gram("PRTS"), gram("INFN"))


_VERB_FORMS = frozenset({"VERB", "PRTS", "INFN"})


class LikelyPredicate(Predicate):
    """A word whose likeliest reading is a verb form: `задержан`, `похитил`, `дали`; not `села` (a
    village's before `сесть`'s), which may stand between a person and the participle (`житель села Бесагаш
    задержан`)."""

    __attributes__ = []

    def __call__(self, token):
        forms = getattr(token, "forms", ())
        return bool(forms) and not _VERB_FORMS.isdisjoint(forms[0].grams.values)

    def gate(self) -> list[tuple]:  # (windows._gate: a form with one of these grammemes)
        return [("g", "VERB"), ("g", "PRTS"), ("g", "INFN")]


# `водворен в ИВС 28-летний житель`: where to, between the verb and the person.
WHERE_TO = rule(in_caseless({"в", "под"}), type("RU"))


def modifiers():
    """`35-летний`, `бывший`: a new rule object at each use (yargy's parser loses matches when one
    bounded-repeat rule object sits in two alternatives)."""
    return or_(AGE, ADJECTIVE).repeatable(max=3).optional()


# `задержан и его заместитель`: one more person, introduced by `и`/`также` and a possessive
ALSO = in_caseless({"и", "также"})
POSSESSIVE = in_caseless({"его", "ее", "её", "их"})
# `задержаны 40-летний водитель и его напарник`: two people named one after the other (facts.py counts them)
PLURAL_PASSIVE = and_(DETAIN, gram("PRTS"), gram("plur"))
# (a rule object of its own: yargy loses matches when one bounded-repeat rule sits in two places)
OF_WHOM_BEFORE_AND = (
    rule(and_(gram("gent"), not_(eq("и")), not_(PREDICATE_WORD))).repeatable(max=3).optional()
)
COORDINATED = rule(
    PLURAL_PASSIVE,
    WHERE_TO.optional(),
    # (no hyphen prefix here: `задержаны двое – заместитель ...` would read `двое –` as one)
    or_(AGE, rule(gram("ADJF")), rule(gram("PRTF"))).repeatable(max=3).optional(),
    person("nomn"),
    OF_WHOM_BEFORE_AND,  # `задержаны бывший аким Шуского района и сотрудник акимата`
    rule(INITIAL, eq(".")).repeatable(max=3).optional(),  # `главный бухгалтер Т.Е.К. и начальник`
    # `задержаны 34-летний житель Актау, управлявший машиной, и 37-летний житель Шетпе`
    rule(
        eq(","),
        gram("PRTF"),
        rule(not_(in_({",", ".", ";", "и"}))).repeatable(max=3).optional(),
        eq(",").optional(),
    ).optional(),
    eq("и"),
    POSSESSIVE.optional(),
    modifiers(),
    person("nomn"),
)
# (`ДП`, `КНБ`: an acronym pymorphy does not know stands in the chain as it is)
OF_WHOM_AFTER_NOUN = (
    rule(or_(and_(gram("gent"), not_(eq("и")), not_(PREDICATE_WORD)), gram("UNKN")))
    .repeatable(max=4)
    .optional()
)
# `задержали жителя Тараза и ранее судимого жителя Шу`: two objects of an active verb
OF_WHOM = rule(and_(gram("gent"), not_(eq("и")), not_(PREDICATE_WORD))).repeatable(max=3).optional()
COORDINATED_OBJECTS = rule(
    and_(DETAIN, gram("VERB"), gram("plur")),
    modifiers(),
    person("accs"),
    OF_WHOM,
    eq("и"),
    rule(gram("ADVB")).optional(),
    modifiers(),
    person("accs"),
)
# `по подозрению в браконьерстве`, `по подозрению в краже скота`: what the person is suspected of
SUSPECTED_OF = rule(
    in_caseless({"по"}),
    dictionary({"подозрение"}),
    in_caseless({"в", "во"}),
    rule(and_(gram("NOUN"), not_(gram("accs")))).repeatable(max=3),
)
# `задержан один из руководителей`, `арестовал одного из основателей`: one of a group
ONE_OF = rule(in_caseless({"один", "одна", "одного", "одну"}), eq("из"))
MANY = and_(FormWith("NOUN", "anim", "plur", "gent", without=PROPER), LONG)
# `задержан врио руководителя`, `задержан и.о. начальника`: one person acting for another
ACTING = or_(
    rule(in_caseless({"врио"})),
    rule(in_caseless({"и"}), eq("."), in_caseless({"о"}), eq(".")),
    rule(dictionary({"исполняющий"}), dictionary({"обязанность"})),
)
ONE_PERSON = or_(
    rule(PASSIVE, ALSO.optional(), POSSESSIVE.optional(), WHERE_TO.optional(), modifiers(), person("nomn")),
    rule(PASSIVE, in_({'"', "«"}), modifiers(), person("nomn")),  # `задержан «наркокурьер»`
    rule(PASSIVE, ACTING, modifiers(), person("gent")),
    rule(PASSIVE, ONE_OF, modifiers(), MANY),
    # `под стражу отправлен ныне бывший директор`: adverbs between
    rule(CUSTODY_FIRST, rule(gram("ADVB")).repeatable(max=2).optional(), modifiers(), person("nomn")),
    rule(PASSIVE, rule(gram("ADVB")).repeatable(max=2), modifiers(), person("nomn")),
    # `суд решил отправить бывшего акима района под арест`: the person between the verb and the custody
    rule(
        dictionary({"отправить", "заключить", "поместить", "взять"}),
        modifiers(),
        person("accs"),
        rule(and_(gram("NOUN"), gram("gent"), not_(eq("и")))).repeatable(max=2).optional(),
        CUSTODY,
    ),
    # `суд заключил под стражу директора школы`
    rule(dictionary({"отправить", "заключить", "поместить", "взять"}), CUSTODY, modifiers(), person("accs")),
    # `Сейткалиева задержали в аэропорту`: a surname, then the verb
    # (not a town read as a surname: `полицейские Шымкента задержали 14 человек`)
    rule(
        and_(FormWith("Surn", "accs", "sing"), not_(gram("Geox")), is_capitalized()),  # not `скота`
        and_(DETAIN, gram("VERB"), gram("plur")),
    ),
    rule(and_(DETAIN, gram("VERB")), ONE_OF, modifiers(), MANY),
    COORDINATED,
    COORDINATED_OBJECTS,
    # `задержанными являются руководитель отдела и его подчиненный`
    rule(
        dictionary({"задержанный", "задержать"}),
        dictionary({"являться", "оказаться"}),
        modifiers(),
        person("nomn"),
        rule(OF_WHOM, eq("и"), POSSESSIVE.optional(), modifiers(), person("nomn")).optional(),
    ),
    # `задержали 24-летнюю девушку`, `задержали и 30-летнего перекупщика`: an active verb and its object
    rule(
        and_(DETAIN, gram("VERB")),
        in_caseless({"и", "также", "еще", "ещё"}).optional(),
        rule(in_caseless({"в", "во"}), type("RU")).optional(),  # `задержали в Актау 44-летнего мужчину`
        rule(in_caseless({"с"}), in_caseless({"поличным"})).optional(),  # `задержала с поличным мужчину`
        SUSPECTED_OF.optional(),  # `задержали по подозрению в краже кабеля мужчину`
        modifiers(),
        person("accs"),
    ),
    rule(PASSIVE, NAMED),
    # `помогли найти и задержать нетрезвого водителя`: a detention that succeeded, in the infinitive
    rule(
        dictionary({"помочь", "удаться"}),
        rule(gram("INFN"), eq("и")).optional(),
        and_(DETAIN, gram("INFN")),
        modifiers(),
        person("accs"),
    ),
    # `При задержании чиновник пытался съесть записку`: the person the detention was made of
    rule(
        in_caseless({"при"}),
        dictionary({"задержание"}),
        or_(rule(modifiers(), person("nomn")), rule(in_caseless({"он", "она"}))),
    ),
    # `после задержания в среду прокурора`, `с задержания полицейскими водителя`: a detention told as
    # a noun, the person in the genitive
    rule(
        dictionary({"задержание"}),
        rule(in_caseless({"в", "во"}), type("RU")).optional(),
        rule(and_(gram("NOUN"), gram("ablt"), gram("plur"))).optional(),
        modifiers(),
        person("gent"),
        # `задержание начальника управления и его подчиненного`: two people
        rule(OF_WHOM_AFTER_NOUN, eq("и"), POSSESSIVE.optional(), modifiers(), person("gent")).optional(),
    ),
    # `Его задержали через два дня`: one person, the object pronoun first
    rule(in_caseless({"его", "ее", "её"}), and_(DETAIN, gram("VERB"), gram("plur"))),
)
# `Уроженец города Экибастуза задержан`, `Он задержан`, `Подозреваемый, 38-летний житель Риддера, задержан`:
# the person first, then only names, places and adverbs before the participle.
PREDICATE = or_(gram("VERB"), gram("PRTS"), gram("PRTF"))
# (`Педагог была задержана`: the auxiliary is no predicate of its own)
# (a full participle may stand between: `Житель района, замешанный в краже, водворен в ИВС`)
BETWEEN = or_(
    rule(and_(type("RU"), not_(LikelyPredicate()))),
    rule(in_({".", ",", "-", "«", "»", '"'})),  # `директора филиала АО «Береке Финанс» задержали`
    rule(type("LATIN")),
    AGE,
    rule(dictionary({"быть"})),
)
# `начальник отдела и директор подрядчика задержаны`: two people, each with the body they head
COORDINATED_SUBJECTS = rule(
    modifiers(),
    person("nomn"),
    OF_WHOM,
    eq("и"),
    POSSESSIVE.optional(),
    modifiers(),
    person("nomn"),
    OF_WHOM,
    dictionary({"быть"}).optional(),
    PLURAL_PASSIVE,
)
BETWEEN_MOST = 12  # `Начальник отдела строительства и жилищной инспекции Аксуского района ... задержан`
PERSON_FIRST = or_(
    COORDINATED_SUBJECTS,
    rule(
        modifiers(),
        or_(person("nomn"), in_caseless({"он", "она"})),
        BETWEEN.repeatable(max=BETWEEN_MOST).optional(),
        PASSIVE,
    ),
    rule(NAMED, BETWEEN.repeatable(max=BETWEEN_MOST).optional(), PASSIVE),
    # `Один из угонщиков был задержан утром`: one of a group, then the participle
    rule(ONE_OF, modifiers(), MANY, BETWEEN.repeatable(max=4).optional(), PASSIVE),
    # `Подозреваемый во всём сознался и помещён в ИВС`, `Водитель хотел уехать, но был
    # задержан`: the person, a predicate of his own, then the detention after `и`/`но`
    rule(
        modifiers(),
        person("nomn"),
        rule(not_(in_({".", ";", "!", "?", ":", "и", "но", "однако"}))).repeatable(max=8),
        or_(rule(eq(",").optional(), in_caseless({"и", "но", "однако"}))),
        dictionary({"быть"}).optional(),
        or_(
            PASSIVE,
            rule(and_(dictionary({"поместить"}), SINGLE), in_caseless({"в"}), dictionary({"изолятор"})),
        ),
    ),
    # `Кассира из Сарани взяли под стражу`: the object first, an active custody verb after it
    rule(
        modifiers(),
        person("accs"),
        BETWEEN.repeatable(max=BETWEEN_MOST).optional(),
        and_(dictionary({"взять", "заключить", "отправить"}), gram("VERB"), gram("plur")),
        CUSTODY,
    ),
    # `Основателя компании, 41-летнего уроженца Кентау, задержали в Алматы`: the object first
    rule(
        modifiers(),
        person("accs"),
        BETWEEN.repeatable(max=BETWEEN_MOST).optional(),
        and_(DETAIN, gram("VERB"), gram("plur")),
    ),
    # `милиционера, который вымогал деньги ..., водворили в СИЗО`: a relative clause about the object
    rule(
        modifiers(),
        person("accs"),
        eq(","),
        dictionary({"который"}),
        rule(not_(in_({",", ".", ";"}))).repeatable(max=15),
        eq(","),
        and_(DETAIN, gram("VERB"), gram("plur")),
    ),
)
COUNT = or_(COUNTED, COLLECTIVE_COUNT, ONE_PERSON, PERSON_FIRST)
