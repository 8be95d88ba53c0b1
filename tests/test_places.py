"""Cities, regions and countries: the gazetteer's names, old names and declensions; origins; NER towns."""

import pytest
from razdel import tokenize

from newsfacts.places import gazetteer

LOOKUPS = [
    # written, (name, kind)
    ("Алматы", ("Алматы", "city")),
    ("Алма-Ате", ("Алматы", "city")),
    ("Нур-Султане", ("Астана", "city")),
    ("Целинограда", ("Астана", "city")),
    ("Акмола", ("Астана", "city")),
    ("Семипалатинске", ("Семей", "city")),
    ("Гурьева", ("Атырау", "city")),
    ("Оскемене", ("Усть-Каменогорск", "city")),
    ("Усть-Каменогорске", ("Усть-Каменогорск", "city")),
    ("Экибастуза", ("Экибастуз", "city")),
    ("Капчагая", ("Конаев", "city")),
    ("Жанакоргане", ("Жанакорган", "city")),  # district centres too
    ("Шиели", ("Шиели", "city")),
    ("ВКО", ("Восточно-Казахстанская область", "region")),
    ("Жамбылской области", ("Жамбылская область", "region")),
    ("Грузия", ("Грузия", "country")),
]


@pytest.mark.parametrize(("written", "expected"), LOOKUPS)
def test_gazetteer(written, expected):
    place = gazetteer().lookup(written)
    assert place is not None and (place.name, place.kind) == expected


def test_gazetteer_covers_kazakhstan():
    places = gazetteer().by_name.values()
    cities = [p for p in places if p.kind == "city" and p.region and "область" in p.region]
    regions = {p.name for p in places if p.kind == "region" and p.country == "KZ"}
    assert len(regions) == 17
    assert len(cities) >= 85


CASES = [
    # text, cities, regions, countries
    ("Уроженец города Экибастуза задержан в Астане.", ["Экибастуз", "Астана"], [], []),
    ("Жителя г. Тараза задержали в Шымкенте.", ["Тараз", "Шымкент"], [], []),
    ("В Нур-Султане и Семипалатинске прошли рейды.", ["Астана", "Семей"], [], []),
    ("В ВКО выявлено 15 фактов.", [], ["Восточно-Казахстанская область"], []),
    ("Офис фирмы работал в Алматы на проспекте Абая.", ["Алматы"], [], []),  # a street, not the town
    ("Граждане Кыргызстана задержаны в Москве.", ["Москва"], [], ["Кыргызстан"]),
    ("Деньги ушли в г. Бишкек.", ["Бишкек"], [], []),
    ("В Абае задержан мужчина.", ["Абай"], [], []),  # the town; a lone region word is never a region
    ("АЛМАТЫ. KAZINFORM – Полиция задержала двоих.", ["Алматы"], [], []),
    # a region of 2022 named as written after `область`; once so written, so named in the whole text
    ("В области Абай задержан мужчина.", [], ["область Абай"], []),
    ("Полицейские области Улытау нашли угонщика. В Улытауской области тихо.", [], ["область Улытау"], []),
    ("В Жетысуской области задержан мужчина.", [], ["область Жетысу"], []),
    ("Пенсионерка перевела деньги через Каспи.", [], [], []),  # a platform, not the town in Georgia
]


@pytest.mark.parametrize(("text", "cities", "regions", "countries"), CASES)
def test_places_in_text(pipeline, text, cities, regions, countries):
    record = pipeline(text)
    assert [c.name for c in record.cities] == cities
    assert [r.name for r in record.regions] == regions
    assert [c.name for c in record.countries] == countries
    for entity in record.cities + record.regions + record.countries:
        for start, end in entity.mentions:
            assert text[start:end].strip() and end > start


@pytest.mark.parametrize(
    "text",
    ["Дело возбуждено по ст. 190 УК РК.", "Об этом сообщили в МВД РК.", "Он получил 50 тыс. долларов США."],
)
def test_no_country_inside_a_name_or_currency(pipeline, text):
    assert pipeline(text).countries == []


@pytest.mark.parametrize(
    ("text", "country"), [("В США умер миллиардер.", "США"), ("С РФ договорились.", "Россия")]
)
def test_country_after_a_capitalised_preposition(pipeline, text, country):
    """`В США`: a one-letter preposition at a sentence's start is no body's acronym (`МВД РК`)."""
    assert [c.name for c in pipeline(text).countries] == [country]


def test_country_as_a_noun(pipeline):
    record = pipeline("Граждане Республики Казахстан вылетели в США.")
    assert [c.name for c in record.countries] == ["Казахстан", "США"]


# The places of the whole world (newsfacts/geo.py): any case, found by lemmas; regions made by a region
# word; towns named by a settlement word; homonyms decided by the country named. Our own example texts.
WORLD = [
    # text, [(kind, name, country, has a GeoNames id)]
    ("Пожар произошёл в Смоленске.", [("city", "Смоленск", "RU", True)]),
    ("Туристы застряли под Керчью.", [("city", "Керчь", "UA", True)]),
    ("Судно вышло из Гданьска.", [("city", "Гданьск", "PL", True)]),
    ("Рейс задержали в Нижнем Новгороде.", [("city", "Нижний Новгород", "RU", True)]),
    ("Выборы прошли в Свердловской области.", [("region", "Свердловская область", "RU", False)]),
    ("Пожар в Пермском крае.", [("region", "Пермский край", "RU", False)]),
    ("Он жил в Могилёвской губернии.", [("region", "Могилёвская губерния", None, False)]),
    ("Ферма находится в штате Техас.", [("region", "Техас", "US", False)]),
    ("Он переехал в штат Нью-Йорк.", [("region", "Нью-Йорк", "US", False)]),  # not the rules' town
    ("Сход прошёл в селе Бестерек.", [("city", "Бестерек", None, False)]),
    ("Его задержали в пос. Актогай.", [("city", "Актогай", "KZ", True)]),
    ("Рейс прибыл в Лиму, столицу Перу.", [("city", "Лима", "PE", True), ("country", "Перу", "PE", True)]),
    ("Караганда", [("city", "Караганда", "KZ", True)]),  # a row of rules/ with its GeoNames id
    ("В Абайской области задержан мужчина.", [("region", "область Абай", "KZ", False)]),
    ("Акция прошла в Чувашии.", [("region", "Чувашия", "RU", False)]),  # rules/: the data lacks the name
    ("Рейд провели в Кара-Суу.", [("city", "Кара-Суу", "KG", True)]),  # as written, not the data's `Кара Суу`
]


@pytest.mark.parametrize(("text", "expected"), WORLD)
def test_places_of_the_world(pipeline, text, expected):
    record = pipeline(text)
    found = [
        (kind, e.name, e.country, e.geonames is not None)
        for kind, entities in (
            ("city", record.cities),
            ("region", record.regions),
            ("country", record.countries),
        )
        for e in entities
    ]
    assert sorted(found, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Он живёт в микрорайоне Самал.",  # a part of a town, no town
        "Бои шли в районе Зурмат.",  # a district
        "Фильм «Курск» вышел в прокате.",  # a title
        "Три дня шёл снег.",  # a numeral at the start, not a village
        "Все говорили о мире и победе. Мира хватит всем.",  # a common word, not a village
        "Северной стороной дома.",  # an adjective
        "Турагентство «Нур Сапар Тревел» закрыто.",  # a firm's name
        "Конференция по Азии открылась.",  # a continent is no place of the record
        "Об этом сообщила пресс-служба ГПС КР.",  # an abbreviation is no town of the data
    ],
)
def test_no_world_place(pipeline, text):
    record = pipeline(text)
    assert record.cities == [] and record.regions == [] and record.countries == []


def test_homonym_by_the_country_named(pipeline):
    """`Иваново` is the Russian town of 400 000, unless the text is about Belarus."""
    assert [(c.name, c.country) for c in pipeline("Он приехал в Иваново.").cities] == [("Иваново", "RU")]
    record = pipeline("В Беларуси, в деревне Иваново, прошёл праздник.")
    assert [(c.name, c.country) for c in record.cities] == [("Иваново", "BY")]


def test_city_region_in_record(pipeline):
    record = pipeline("В Караганде и в Москве задержаны двое.")
    assert [(c.name, c.region) for c in record.cities] == [
        ("Караганда", "Карагандинская область"),
        ("Москва", None),  # a foreign city's row names its country, which is no region
    ]


def test_index_is_small_and_quick(tmp_path):
    """The prebuilt index loads in well under 0.5 s (a generous bound for a busy machine here)."""
    import time

    from newsfacts.geo import PATH, Index

    assert PATH.exists() and PATH.stat().st_size < 5_000_000
    started = time.perf_counter()
    index = Index()
    assert time.perf_counter() - started < 2.0
    assert len(index.raw) > 100_000


def test_kazakhstan_first_among_homonyms(pipeline):
    """`Карасу`: a Turkish town of 40 000, an Uzbek one, a Kazakh village; a Kazakh text means the village."""
    assert [c.country for c in pipeline("Он уехал в Карасу.").cities] == ["TR"]
    record = pipeline("В Костанайской области, в селе Карасу, задержан мужчина.")
    assert [(c.name, c.country) for c in record.cities] == [("Карасу", "KZ")]


@pytest.mark.parametrize(
    ("romanised", "russian"),
    [
        ("Sverdlovskaya oblast'", ["Свердловская область"]),
        ("Irkutskaya oblast'", ["Иркутская область"]),
        ("Lipetskaya oblast'", ["Липецкая область"]),
        ("Permskiy kray", ["Пермский край"]),
        ("Mordoviya, Respublika", ["Республика Мордовия", "Мордовия"]),
        ("Yamalo-Nenetskiy avtonomnyy okrug", ["Ямало-Ненецкий автономный округ"]),
        ("Yevreyskaya avtonomnaya oblast'", ["Еврейская автономная область"]),
    ],
)
def test_russian_regions_written_back(romanised, russian):
    """pycountry names most of Russia's regions only in BGN romanisation: the index writes them back."""
    from newsfacts.geo import _russian_subdivision

    assert _russian_subdivision(romanised) == russian


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Актёр поддержал врачей Уханя.", "Ухань"),  # NER's person is a big town no dictionary knows
        ("Он родился в местечке Копыль.", "Копыль"),
        ("Вагон отцепили на станции Зима.", "Зима"),
    ],
)
def test_more_towns(pipeline, text, city):
    assert [c.name for c in pipeline(text).cities] == [city]


def test_every_form_written_out_may_start_a_lookup():
    # `may_start` skips the n-gram lookups of a capitalised word: never those of a form of the gazetteer
    found = gazetteer()
    for form in found.forms:
        words = [t.text for t in tokenize(form)]
        if found.lookup(" ".join(words)) is found.forms[form]:
            assert found.may_start(words[0].capitalize()) and found.may_start(words[0]), form
    assert not found.may_start("Полиция")
