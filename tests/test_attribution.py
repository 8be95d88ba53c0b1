"""Stage 5: which city each fact belongs to."""

import pytest

CASES = [
    # text, [(kind, value, city)]
    ("В Павлодаре задержаны трое.", [("detained", 3, "Павлодар")]),
    # the nearest incident city before the fact in its sentence
    ("В Актобе и Атырау задержаны трое.", [("detained", 3, "Атырау")]),
    # no city before it in the sentence: the first one after it
    ("Задержаны трое, сообщили в полиции Костаная.", [("detained", 3, "Костанай")]),
    # an origin is not the scene
    ("Житель Тараза похитил 2 млн тенге в Шымкенте.", [("money", 2000000, "Шымкент")]),
    ("Задержан уроженец города Экибастуза.", [("detained", 1, None)]),
    # no city in the sentence: the last one before it in the same paragraph
    ("В Караганде раскрыта кража. Ущерб составил 3 млн тенге.", [("money", 3000000, "Караганда")]),
    # across paragraphs only in a story of one town (and no region)
    ("В Караганде раскрыта кража.\n\nУщерб составил 3 млн тенге.", [("money", 3000000, "Караганда")]),
    (
        "В Караганде раскрыта кража, в Темиртау — грабеж.\n\nУщерб составил 3 млн тенге.",
        [("money", 3000000, None)],
    ),
    ("Кража в Караганде.\n\nПо области ущерб составил 3 млн тенге.", [("money", 3000000, None)]),
    ("Кража в Караганде.\n\nПо Карагандинской области ущерб 3 млн тенге.", [("money", 3000000, None)]),
    # a region or the whole country: null, not a guess
    ("В Павлодаре прошел брифинг. В Жамбылской области выявлено 15 фактов.", [("crimes", 15, None)]),
    ("В Павлодаре прошел брифинг. По всей стране выявлено 15 фактов.", [("crimes", 15, None)]),
    # a police unit's city is where it reports from; old names come out as today's
    ("Сотрудники УП г. Кокшетау задержали двоих.", [("detained", 2, "Кокшетау")]),
    ("В Семипалатинске задержаны трое.", [("detained", 3, "Семей")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fact_city(pipeline, text, expected):
    record = pipeline(text)
    assert [(f.kind, f.value, f.city) for f in record.facts] == expected


MORE = [
    # a city abroad is where the money went, when a city of Kazakhstan is named
    (
        "В Алматы задержан мужчина. Он перевел около 600 млн тенге в Дубай.",
        [("detained", 1, "Алматы"), ("money", 600000000, "Алматы")],
    ),
    # and the scene when none is
    ("В Бишкеке задержаны трое граждан Казахстана.", [("detained", 3, "Бишкек")]),
    # a list of origins goes on after `из`
    ("Отдыхающие из Астаны, Караганды и Новосибирска потеряли 2 млн тенге.", [("money", 2000000, None)]),
    # NER reads `Балхаша` as a person; it is the town
    ("Полицейские Балхаша задержали 27-летнего местного жителя.", [("detained", 1, "Балхаш")]),
    # also where the dictionary knows the town's name as a first name (Аягоз)
    ("Полицейские Аягоза раскрыли 12 эпизодов краж.", [("crimes", 12, "Аягоз")]),
    # where goods were headed is not the scene; where they were carried from and in is
    (
        "В Жаркенте задержаны двое курьеров, которые везли из Алматы в Ушарал наркотики. "
        "За одну поездку каждому обещали 250 тыс. тенге.",
        [("detained", 2, "Жаркент"), ("money", 250000, "Жаркент")],
    ),
    (
        "В Байконыре задержан курьер. Наркотики стоимостью 7 млн рублей предназначались для сбыта "
        "в Кызылорде и Шымкенте.",
        [("detained", 1, "Байконыр"), ("money", 7000000, "Байконыр")],
    ),
    (
        "Водители вывозили уголь с разреза в Экибастузе, ущерб составил 14 млн тенге.",
        [("money", 14000000, "Экибастуз")],
    ),
    # a region in a police unit's name is who reports, not where, when the sentence names the town
    (
        "В Аксу сотрудники ДП Павлодарской области остановили бензовоз. Топливо стоимостью 12 тыс. $ "
        "предназначалось покупателю в Бишкеке.",
        [("money", 12000, "Аксу")],
    ),
    ("По данным ДП Жамбылской области, в регионе выявлено 412 фактов.", [("crimes", 412, None)]),
    (
        "В Петропавловске задержан водитель. Сотрудники ДЭР по СКО нашли товар стоимостью 86,2 млн тенге.",
        [("detained", 1, "Петропавловск"), ("money", 86200000, "Петропавловск")],
    ),
    (
        "В Петропавловске задержан водитель. По данным ДП СКО, в регионе выявлено 40 фактов.",
        [("detained", 1, "Петропавловск"), ("crimes", 40, None)],
    ),
    # the towns of a route are not the scene
    (
        "В Лисаковске он продавал поддельные билеты по маршруту Алматы — Сеул по 180 тыс. тенге.",
        [("money", 180000, "Лисаковск")],
    ),
    ("В Кордае на трассе Алматы – Бишкек у водителя отобрали 850 тыс. тенге.", [("money", 850000, "Кордай")]),
    # a town inside a company's quoted name is not the scene
    (
        "В Оскемене задержаны пятеро организаторов пирамиды ТОО «Алтай Береке Групп».",
        [("detained", 5, "Усть-Каменогорск")],
    ),
    (
        "Сети выставили в черте Атырау. Нарушение выявили сотрудники ДП Атырауской области. Ущерб оценили "
        "в 3 500 000 тенге.",
        [("money", 3500000, "Атырау")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_fact_city_more(pipeline, text, expected):
    record = pipeline(text)
    assert [(f.kind, f.value, f.city) for f in record.facts] == expected
