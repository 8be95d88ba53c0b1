"""Cities, regions and countries: the gazetteer's names, old names and declensions; origins; NER towns."""

import pytest

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


def test_country_as_a_noun(pipeline):
    record = pipeline("Граждане Республики Казахстан вылетели в США.")
    assert [c.name for c in record.countries] == ["Казахстан", "США"]
