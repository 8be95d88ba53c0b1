"""Persons normalised to the nominative, reading the words of a name together (case and gender agree)."""

import pytest

from newsfacts.entities import person_name

NAMES = [
    ("Ерлан Касымов", "Ерлан Касымов"),  # already nominative: not the genitive plural of `Ерлана`
    ("Кайрата Нурпеисова", "Кайрат Нурпеисов"),
    ("Ивану Петрову", "Иван Петров"),
    ("Айгерим Нурлановой", "Айгерим Нурланова"),  # a woman's surname stays feminine
    ("Динары Ибраевой", "Динара Ибраева"),
    ("Марию Иванову", "Мария Иванова"),
    ("Жандос Суюнбай", "Жандос Суюнбай"),
    ("Суюнбай", "Суюнбай"),
]


@pytest.mark.parametrize(("written", "expected"), NAMES)
def test_person_name(written, expected):
    assert person_name(written) == expected


def test_person_in_text(pipeline):
    record = pipeline("Подозреваемый Ерлан Касымов возместил ущерб. Показания Ерлана Касымова проверяют.")
    assert [p.name for p in record.persons] == ["Ерлан Касымов"]


ORGS = [
    # text, organisations expected among the record's, persons expected (exactly)
    ("Сотрудники Антикора задержали чиновника.", {"Антикор"}, []),
    ("Об этом сообщили в ДГД по Атырауской области.", {"ДГД по Атырауской области"}, []),
    ("Мошенники представлялись сотрудниками Нацбанка.", {"Нацбанк"}, []),
    ("Наркотики продавали через Telegram-бот.", {"Telegram"}, []),
    ("Задержанный водворен в ИВС, его БИН проверяют.", set(), []),
    ("Полицейские Риддера задержали мужчину.", set(), []),
    ("ТОО «Агро Дала Трейд» похитило 5 млн тенге.", {"Агро Дала Трейд"}, []),
    ("Трек-номер посылки продавец так и не прислал.", set(), []),  # a common noun after the hyphen
    ("Абдул-Азиз Каримов задержан.", set(), ["Абдул-Азиз Каримов"]),
    ("Сотрудники ОП Медеуского района задержали троих.", {"ОП Медеуского района"}, []),
    ("Как сообщили в ДП на транспорте, задержан проводник.", {"ДП на транспорте"}, []),
]


@pytest.mark.parametrize(("text", "orgs", "persons"), ORGS)
def test_organisations(pipeline, text, orgs, persons):
    record = pipeline(text)
    names = {o.name for o in record.organisations}
    assert orgs <= names and not names & {"ИВС", "БИН", "Риддера", "Риддер"}
    assert [p.name for p in record.persons] == persons


def test_an_all_caps_headline_is_no_organisation(pipeline):
    record = pipeline("В ТАРАЗЕ И КАРАТАУ ЗАДЕРЖАНЫ ЧИНОВНИКИ АКИМАТОВ\n\nСотрудники КНБ задержали двоих.")
    assert [o.name for o in record.organisations] == ["КНБ"]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # after a word that takes the genitive, the name is read in the genitive
        ("По словам представителя ДЭР по СКО Ерлана Мукашева, задержан директор.", ["Ерлан Мукашев"]),
        ("По словам начальника полиции Айгерим Нурлановой, задержаны трое.", ["Айгерим Нурланова"]),
        ("Ерлана Мукашева рассказала о мошенниках.", ["Ерлана Мукашева"]),  # a woman, as written
        (
            "Как сообщил представитель ДП Руслан Калиев, задержаны трое.",
            ["Руслан Калиев"],
        ),  # the head is nominative
        (
            "Прокурор Актобе Канат Избасаров сообщил о деле.",
            ["Канат Избасаров"],
        ),  # no plural reading of a name
    ],
)
def test_person_after_a_genitive_head(pipeline, text, persons):
    assert [p.name for p in pipeline(text).persons] == persons


@pytest.mark.parametrize(
    "text",
    [
        "Кокшетау суд оштрафовал водителя.",
        "Пресс-служба областного суда сообщила о приговоре.",
        "Бухгалтер компании (ИИН 850101300123) задержана.",
    ],
)
def test_generic_bodies_and_id_numbers_are_no_organisations(pipeline, text):
    names = [o.name for o in pipeline(text).organisations]
    assert not any("суд" in n.lower() or "ИИН" in n or "Бухгалтер" in n for n in names), names


# Organisations of real news, exactly as listed (issue 11, conventions of notes/ANNOTATOR.md): our own
# sentences for each construction.
ORG_NAMES = [
    # a name with its abbreviation in brackets is both; a company without its legal form; a name in the plural
    ("По данным Центра учета ставок (ЦУС), ставки выросли.", {"Центр учета ставок", "ЦУС"}),
    ("Подряд достался ТОО Steppe Road Systems без конкурса.", {"Steppe Road Systems"}),
    ("Об этом пишут Новости Mail.", {"Новости Mail"}),
    ("Сообщение проверяет Департамент полиции (ДП).", set()),
    ("Данные привёл глава ДП Ка", set()),  # an excerpt cut mid-word
    # a body's name NER cut inside the quotes of the company it names: the quoted name
    ("Телефоны изъяли таможенники из отдела контрабанды СТК «Актау-Порт».", {"Актау-Порт"}),
    # a border service named with its committee is one body; a legal form alone is none
    ("Об этом сообщила Погранслужба ГКНБ КР.", {"Погранслужба ГКНБ КР"}),
    ("Имущество передали в ТСЖ.", set()),
    # a news agency's kind before its name; a district's police unit by its adjective; page chrome
    ("Об этом сообщает ИА Новости-Казахстан.", {"Новости-Казахстан"}),
    ("Материалы передали в Актогайский райотдел полиции.", {"Актогайский райотдел полиции"}),
    ("Лента новостей", set()),
    # a quoted name that names a body by its head word is declined like any other body's
    (
        "Дороги проверили специалисты «Национального центра качества дорог».",
        {"Национальный центр качества дорог"},
    ),
    # a body's name in the nominative: the head noun and the adjectives before it are declined
    (
        "Проверку начали сотрудники Агентства по финансовому мониторингу.",
        {"Агентство по финансовому мониторингу"},
    ),
    ("Груз задержали бойцы Таласского пограничного отряда.", {"Таласский пограничный отряд"}),
    # a one-word name the dictionary does not know, declined by its ending; its capitals stay
    ("Кредит оформили в ТемирСтройБанке по подложной справке.", {"ТемирСтройБанк"}),
    ("Справку ему выдали в ЦОНе без очереди.", {"ЦОН"}),
    (
        "Жалобу отправили Восточно-Казахстанскому техническому университету.",
        {"Восточно-Казахстанский технический университет"},
    ),
    # bodies written in lower case and in full, up to their place or parent body
    (
        "Об этом сообщили в департаменте полиции Павлодарской области.",
        {"департамент полиции Павлодарской области"},
    ),
    (
        "Дело слушал специализированный межрайонный суд по уголовным делам Карагандинской области.",
        {"специализированный межрайонный суд по уголовным делам Карагандинской области"},
    ),
    ("Иск рассмотрел Есильский районный суд Астаны.", {"Есильский районный суд Астаны"}),
    ("Деньги вернули в бюджет акимата Тараза.", {"акимат Тараза"}),
    (
        "Задержание провела Служба по противодействию коррупции КНБ.",
        {"Служба по противодействию коррупции КНБ"},
    ),
    (
        "Дело передали в Агентство РК по делам государственной службы.",
        {"Агентство РК по делам государственной службы"},
    ),
    (
        "Так считают в управлении по делам молодежи Таласской области.",
        {"управление по делам молодежи Таласской области"},
    ),
    # a court, a police department of no named place, a bare unit abbreviation: none
    ("Суд Тараза оштрафовал водителя на 100 МРП.", set()),
    ("Как сообщили в департаменте полиции региона, задержаны двое.", set()),
    ("Как сообщили в ДП региона, задержаны двое.", set()),
    ("Сотрудники СГБ и УВД задержали курьера.", {"СГБ"}),
    # a unit written out before an abbreviated unit is that unit, as the gold README writes units
    (
        "Как сообщили в отделе по борьбе с киберпреступностью УКП ДП г. Алматы, схема новая.",
        {"УКП ДП г. Алматы"},
    ),
    # a full name with its abbreviation in brackets: both
    (
        "Главное управление внутренних дел (ГУВД) Бишкека сообщило о задержании.",
        {"Главное управление внутренних дел Бишкека", "ГУВД Бишкека"},
    ),
    # KNB by the sentence's own `по подозрению`: not the body's field
    ("Чиновник задержан сотрудниками КНБ по подозрению в получении взятки.", {"КНБ"}),
    # platforms and services are organisations; the press, messages and a class of service are not
    ("Мошенник писал в Telegram и просил оплатить через Kaspi.", {"Telegram", "Kaspi"}),
    ("Справку выдают на портале eGov.", {"eGov"}),
    ("По данным СМИ, VIP-клиентам рассылали SMS от имени банка.", set()),
    # a news outlet in a dateline, a site named in the text, but no site in a photo credit
    ("Шымкент. 5 марта. КазТАГ - Полицейские задержали курьера.", {"КазТАГ"}),
    ("По данным stat.kz, краж стало меньше.\nФото: pics.kz", {"stat.kz"}),
    # a run of abbreviations is one body, with its region, also a region's own abbreviation
    ("Об этом сообщили в ГУ МВД по ТСО.", {"ГУ МВД по ТСО"}),
    ("Инспектора задержали сотрудники СВР МВД.", {"СВР МВД"}),
    ("Груз проверили сотрудники ПС КНБ РК.", {"ПС КНБ РК"}),
    (
        "Контрабанду нашли сотрудники КУЗИ ДТК по Туркестанской области.",
        {"КУЗИ ДТК по Туркестанской области"},
    ),
    ("Об этом сообщили в СУ СК РФ по Курганской области.", {"СУ СК РФ по Курганской области"}),
    ("Статистику опубликовало МВД РФ.", {"МВД РФ"}),
    ("Водителя задержали сотрудники УМВД России по Ставрополью.", {"УМВД России по Ставрополью"}),
    ("Документ подписали в РФ и КР.", set()),  # countries alone are no body
    # a line in capitals (an interviewee's caption) is read as a sentence writes it
    ("АЙДАР НУРЛАНОВ, НАЧАЛЬНИК УПРАВЛЕНИЯ ПОЛИЦИИ Г. ТАРАЗА:", {"управление полиции г. Тараза"}),
    (
        "Дана СЕРИКОВА, СОВЕТНИК АГЕНТСТВА ПО ФИНАНСОВОМУ МОНИТОРИНГУ РК",
        {"агентство по финансовому мониторингу РК"},
    ),
    # a person's name in capitals ends the body before it: no place is left, no body named
    ("Об этом рассказал начальник управления полиции города Азамат ЖУМАГУЛОВ.", set()),
    # a kind of body (a head and `полиции`, no place), the abbreviations of kinds, livestock: no names
    ("Об этом рассказал начальник Департамента полиции региона.", set()),
    ("На учете в ОВД состоят 40 человек, справки выдает ЦОН.", set()),
    ("Пастухи пасут КРС и МРС.", set()),
    ("Об этом рассказал начальник Департамента полиции Талдыкоргана.", {"Департамент полиции Талдыкоргана"}),
    # a court or a unit named by its district's adjective, with no place after it
    ("Дело рассмотрел Кентауский городской суд.", {"Кентауский городской суд"}),
    ("Звонок поступил в дежурную часть Сарыаркинского отдела полиции.", {"Сарыаркинский отдел полиции"}),
    ("Подозреваемого задержали сотрудники Кеминского РОВД.", {"Кеминский РОВД"}),
    # a department of a unit named by its abbreviation: the unit is the organisation
    (
        "Сотрудники отдела по борьбе с контрабандой УГТК по Навоийской области задержали груз.",
        {"УГТК по Навоийской области"},
    ),
]


def test_a_sites_menu_is_no_organisation_nor_place(pipeline):
    """A site's menu copied with the article: short lines of rubric words (and a weather widget's town)."""
    menu = "\n".join(["Бостон", "+3°", "Новости", "Экономика", "Общество", "Спорт", "Финансы", "Курсы"])
    record = pipeline(
        menu + "\n\nВ Таразе полицейские задержали вора. Об этом сообщили в ДП Жамбылской области."
    )
    assert {o.name for o in record.organisations} == {"ДП Жамбылской области"}
    assert [c.name for c in record.cities] == ["Тараз"]
    assert not record.countries


@pytest.mark.parametrize(("text", "orgs"), ORG_NAMES)
def test_organisation_names(pipeline, text, orgs):
    assert {o.name for o in pipeline(text).organisations} == orgs


# Persons of real news: first name and surname in the nominative, or no one.
PERSON_NAMES = [
    ("Задержаны гражданин К. и его знакомый М. Б.", []),  # initials alone
    ("Подозреваемого С. Жумабаева отпустили под залог.", []),  # surname with an initial
    ("Аким Кентау Даурен Сапаров прокомментировал задержание.", ["Даурен Сапаров"]),  # title and town cut
    ("Инспекторы остановили Хюндай без номеров.", []),  # a car make
    ("Акмолинка села за руль пьяной.", []),  # a capitalised common noun at a sentence start
    ("Жители села Бестерек поймали вора.", []),  # a village
    ("Фото Сергея ЛИТВИНОВА", ["Сергей Литвинов"]),  # a name in capitals
    # a surname in capitals that NER leaves untagged; a body NER ran on into it ends before it
    ("ГАЛЫМ ТУРСУНБЕКОВ, житель села Жанаарык:", ["Галым Турсунбеков"]),
    ("Рустем АЙТКАЛИЕВ: поверил звонку из банка", ["Рустем Айткалиев"]),
    ("По словам начальника управления полиции Данияра ЕСЕНОВА, краж стало меньше.", ["Данияр Есенов"]),
    # a first name that is also a town's, before a surname (a town after a title is cut: `Аким Кентау`)
    ("Как сообщил инспектор Темир Жанысбаев, рейд прошел спокойно.", ["Темир Жанысбаев"]),
    # a man's name the dictionary lacks, declined: not the `-я` of pymorphy's guess
    ("Речь шла о главе района Жандосе Сапарове.", ["Жандос Сапаров"]),
    # a name of a street, a school, a district is no person; a district's head after its adjective is one
    ("Курьер забрал пакет на улице Павла Смирнова.", []),
    ("Кражу раскрыли в школе им. Ольги Беловой.", []),
    ("Мошенников задержали в селе Ключи района Тимура Бекова.", []),
    ("Задержан аким Каратальского района Ербол Сейтов.", ["Ербол Сейтов"]),
    ("Экс-акиму Приозерного вынесли приговор.", []),  # a title behind a prefix, then a place
    # a name the dictionary lacks, after a word that takes the genitive; then the surname alone joins it
    (
        "Задержали начальника отдела полиции города Каната Жаксыбекова. Жаксыбекова отпустили.",
        ["Канат Жаксыбеков"],
    ),
]


@pytest.mark.parametrize(("text", "persons"), PERSON_NAMES)
def test_person_names(pipeline, text, persons):
    assert [p.name for p in pipeline(text).persons] == persons
