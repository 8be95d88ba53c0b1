#!/usr/bin/env python3
"""Generate tests/gold/dev.jsonl from the hand-written gold data below.

One JSON object per corpus file (corpus/NNN_slug.txt), in file order.
Run:  python tests/gold/make_dev_gold.py
Conventions: see tests/gold/README.md.
"""

from __future__ import annotations

import calendar
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OUT = pathlib.Path(__file__).resolve().parent / "dev.jsonl"

KINDS = {"money", "detained", "victims", "crimes", "seized"}
UNITS = {"kg", "l", "pcs", "pack", "block"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "range_low", "range_high"}
ROLES = {"damage", "returned", "bribe", "fine", "price", "other"}
CURRENCIES = {"KZT", "RUB", "USD", "EUR", "KGS", "UZS", "CNY", "MRP"}


# ---------------------------------------------------------------- helpers
def _fact(kind, value, currency=None, qualifier="exact", role=None, city=None):
    return {
        "kind": kind,
        "value": value,
        "currency": currency,
        "qualifier": qualifier,
        "role": role,
        "city": city,
    }


def M(value, currency="KZT", qualifier="exact", role="damage", city=None):
    """money"""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _fact("money", value, currency, qualifier, role, city)


def FINE_MRP(value, city=None, qualifier="exact"):
    return M(value, "MRP", qualifier, "fine", city)


def DET(value, qualifier="exact", city=None):
    return _fact("detained", value, None, qualifier, None, city)


def VIC(value, qualifier="exact", city=None):
    return _fact("victims", value, None, qualifier, None, city)


def CRI(value, qualifier="exact", city=None):
    return _fact("crimes", value, None, qualifier, None, city)


def SEI(value, unit, item, qualifier="exact", city=None):
    """seized: value in its unit (kg, l, pcs, pack, block), item normalised as in rules/seized_items.tsv"""
    return {**_fact("seized", value, None, qualifier, None, city), "unit": unit, "item": item}


def DAY(iso):
    return {"start": iso, "end": iso}


def MON(y, m):
    last = calendar.monthrange(y, m)[1]
    return {"start": f"{y:04d}-{m:02d}-01", "end": f"{y:04d}-{m:02d}-{last:02d}"}


def Y(y):
    return {"start": f"{y:04d}-01-01", "end": f"{y:04d}-12-31"}


def RNG(start, end):
    return {"start": start, "end": end}


DOCS: list[dict] = []


def doc(doc_id, facts=(), cities=(), regions=(), countries=(), orgs=(), persons=(), dates=(), lang="ru"):
    DOCS.append(
        {
            "doc_id": doc_id,
            "lang": lang,
            "facts": list(facts),
            "cities": list(cities),
            "regions": list(regions),
            "countries": list(countries),
            "organisations": list(orgs),
            "persons": list(persons),
            "dates": list(dates),
        }
    )


# Abbreviations used below
AST, ALA, SHY = "Астана", "Алматы", "Шымкент"
UKA = "Усть-Каменогорск"

# ------------------------------------------------------------------- data
doc(
    "000_4d24166cd8d118c4",
    facts=[
        M(3_000_000_000, qualifier="more_than"),
        DET(24, city=ALA),
        DET(1, city=AST),
        CRI(26, city=AST),
        M(4_200_000, city=AST),
        VIC(20, city=SHY),
        CRI(4000, "more_than"),
        M(15_000_000_000),
    ],
    cities=[ALA, AST, "Экибастуз", SHY, "Тараз"],
    countries=["Грузия"],
    orgs=[
        "УКП ДП г. Алматы",
        "УКП ДП г. Астаны",
        "УКП ДП Шымкента",
        "Instagram",
        "Health Time",
        "1\u0425 бет",
    ],
    persons=["Жандос Суюнбай"],
    dates=[RNG("2023-04-18", "2023-04-20"), Y(2022)],
)

doc(
    "001_pavlodar_call_center",
    facts=[DET(3, city="Павлодар"), M(4_200_000, city="Павлодар")],
    cities=["Павлодар", "Экибастуз"],
    regions=["Павлодарская область"],
    orgs=["ДП Павлодарской области", "Telegram"],
    persons=["Айгерим Нурланова"],
    dates=[DAY("2025-03-12")],
)

doc(
    "002_almaty_altyn_pyramid",
    facts=[
        VIC(1214, city=ALA),
        M(2_277_000_000, city=ALA),
        DET(1, city=ALA),
        M(600_000_000, qualifier="about", role="other", city=ALA),
    ],
    cities=[ALA, "Дубай", "Стамбул"],
    orgs=["АФМ", "Altyn Invest Group"],
    dates=[RNG("2024-01-01", "2024-10-31")],
)

doc(
    "003_astana_land_bribe",
    facts=[
        M(15_000, "USD", role="bribe", city=AST),
        DET(1, city=AST),
        M(5_000, "USD", role="bribe", city=AST),
    ],
    cities=[AST],
    orgs=["KAZINFORM", "Антикор"],
    dates=[DAY("2025-04-03")],
)

doc(
    "004_kokshetau_puppy_sale",
    facts=[M(380_000, city="Кокшетау"), M(80_000, city="Кокшетау"), M(300_000, city="Кокшетау"), CRI(58)],
    cities=["Кокшетау", "Костанай", "Актобе"],
    regions=["Акмолинская область"],
    orgs=["УП г. Кокшетау", "ДП Акмолинской области"],
    dates=[DAY("2025-01-14")],
)

doc(
    "005_semey_drug_shop",
    facts=[
        DET(2, city="Семей"),
        SEI(1.2, "kg", "мефедрон", "more_than", city="Семей"),
        M(9_000_000, qualifier="about", role="other", city="Семей"),
        CRI(312),
        CRI(287),
    ],
    cities=["Семей", "Новосибирск"],
    regions=["область Абай"],
    orgs=["УП г. Семей", "Telegram"],
    persons=["Ерлан Касымов"],
    dates=[Y(2024), Y(2025)],
)

doc(
    "006_aktobe_accountant_embezzlement",
    facts=[
        CRI(64, city="Актобе"),
        M(87_412_560, city="Актобе"),
        M(30_000_000, role="returned", city="Актобе"),
        M(12_000_000, qualifier="about", role="price", city="Актобе"),
    ],
    cities=["Актобе"],
    regions=["Актюбинская область"],
    orgs=["ДЭР по Актюбинской области", "Жасыл Актобе"],
    dates=[RNG("2021-01-01", "2023-12-31")],
)

doc(
    "007_konaev_car_thefts",
    facts=[
        DET(4, city="Конаев"),
        M(41_700_000, city="Конаев"),
        M(6_000_000, qualifier="about", role="returned", city="Конаев"),
    ],
    cities=["Конаев", "Талдыкорган"],
    regions=["Алматинская область"],
    orgs=["ДП Алматинской области"],
    dates=[RNG("2024-09-01", "2024-11-30")],
)

doc(
    "008_shymkent_fake_payments_warning",
    cities=[SHY],
    orgs=["Департамент полиции Шымкента", "WhatsApp"],
    dates=[Y(2024)],
)

doc(
    "009_shymkent_tashkent_call_center",
    facts=[
        DET(5, city=SHY),
        VIC(37, city=SHY),
        M(96_000_000, qualifier="more_than", city=SHY),
        M(410_000_000, "UZS", role="other", city=SHY),
        M(11_300_000, role="returned", city=SHY),
    ],
    cities=[SHY, "Ташкент"],
    countries=["Узбекистан", "Казахстан"],
    orgs=["УКП ДП Шымкента", "Нацбанк"],
    persons=["Ержан Абенов"],
)

doc(
    "010_taraz_migration_bribe",
    facts=[
        M(250_000, role="bribe", city="Тараз"),
        M(20_000, "KGS", role="bribe", city="Тараз"),
        FINE_MRP(5000, city="Тараз"),
    ],
    cities=["Тараз"],
    regions=["Жамбылская область"],
    countries=["Кыргызстан"],
    orgs=["ДП Жамбылской области"],
    dates=[MON(2024, 5)],
)

doc(
    "011_taldykorgan_nine_months",
    facts=[
        CRI(418),
        CRI(502),
        M(380_000_000, qualifier="more_than"),
        M(45_000_000, qualifier="about", role="returned"),
        DET(1, city="Талдыкорган"),
        M(1_500_000, city="Талдыкорган"),
    ],
    cities=["Талдыкорган"],
    regions=["область Жетысу"],
    orgs=["ДП Жетысуской области", "КНБ"],
    persons=["Асель Жумабаева"],
    dates=[RNG("2025-01-01", "2025-09-30")],
)

doc(
    "012_atyrau_currency_smuggling",
    facts=[
        M(86_000, "USD", role="other", city="Атырау"),
        M(12_500, "EUR", role="other", city="Атырау"),
        DET(1, city="Атырау"),
        CRI(17, city="Атырау"),
        M(1_100_000, "USD", qualifier="about", role="other", city="Атырау"),
    ],
    cities=["Атырау", "Стамбул"],
    regions=["Атырауская область"],
    orgs=["ДГД по Атырауской области"],
    dates=[Y(2024)],
)

doc(
    "013_ust_kamenogorsk_pyramid_verdict",
    facts=[
        VIC(286, city=UKA),
        M(1_340_000_000, city=UKA),
        FINE_MRP(10_000, city=UKA),
        M(214_600_000, role="returned", city=UKA),
    ],
    cities=[UKA, "Риддер"],
    regions=["Восточно-Казахстанская область"],
    orgs=["KAZINFORM", "ДЭР по ВКО", "Шығыс Капитал"],
    dates=[RNG("2022-03-01", "2023-08-31")],
)

doc(
    "014_uralsk_dacha_thefts",
    facts=[
        DET(3, city="Уральск"),
        CRI(11, city="Уральск"),
        M(1_870_000, city="Уральск"),
        M(640_000, qualifier="about", role="returned", city="Уральск"),
        CRI(2315),
    ],
    cities=["Уральск"],
    regions=["Западно-Казахстанская область"],
    orgs=["ДП ЗКО"],
    dates=[MON(2024, 10)],
)

doc("015_kk_police_warning_bank_calls", lang="kk")

doc(
    "016_kyzylorda_rice_subsidies",
    facts=[
        DET(3, city="Кызылорда"),
        CRI(19, city="Кызылорда"),
        M(1_500_000_000, qualifier="more_than", city="Кызылорда"),
    ],
    cities=["Кызылорда", "Москва"],
    regions=["Кызылординская область"],
    orgs=["Антикор"],
    dates=[RNG("2023-01-01", "2024-12-31")],
)

doc(
    "017_karaganda_fake_meter_service",
    facts=[
        CRI(42, city="Караганда"),
        VIC(39, city="Караганда"),
        M(45_000, qualifier="range_low", city="Караганда"),
        M(120_000, qualifier="range_high", city="Караганда"),
        M(23_650_000, city="Караганда"),
        M(2_100_000, role="returned", city="Караганда"),
    ],
    cities=["Караганда", "Темиртау"],
    persons=["Ольга Ким"],
    dates=[RNG("2023-07-01", "2024-02-29")],
)

doc(
    "018_kostanay_grain_prepayment",
    facts=[M(18_400_000, "RUB", city="Костанай"), M(5_300_000, city="Костанай")],
    cities=["Костанай", "Челябинск", "Бишкек"],
    regions=["Костанайская область"],
    countries=["Россия"],
    orgs=["ДП Костанайской области", "Агро Дала Трейд"],
    dates=[Y(2024)],
)

doc(
    "019_aktau_fake_bank_support",
    facts=[DET(1, city="Актау"), VIC(14, city="Актау"), M(9_812_000, city="Актау"), CRI(1106)],
    cities=["Актау", "Жанаозен", "Форт-Шевченко"],
    regions=["Мангистауская область"],
    orgs=["ДП Мангистауской области", "Kaspi Bank"],
    dates=[Y(2024)],
)

doc("020_mvd_fake_ticket_sites_warning", countries=["Турция", "ОАЭ"], orgs=["МВД РК"], dates=[MON(2024, 7)])

doc(
    "021_temirtau_ferroalloy_theft",
    facts=[
        DET(4, city="Темиртау"),
        M(112_000_000, qualifier="about", city="Темиртау"),
        CRI(6, "more_than", city="Темиртау"),
    ],
    cities=["Темиртау", "Караганда", "Балхаш"],
    orgs=["УП г. Темиртау"],
)

doc(
    "022_petropavlovsk_fake_social_workers",
    facts=[
        DET(2, city="Петропавловск"),
        CRI(8, city="Петропавловск"),
        M(2_950_000, city="Петропавловск"),
        M(700_000, city="Петропавловск"),
    ],
    cities=["Петропавловск", "Омск"],
    regions=["Северо-Казахстанская область"],
    countries=["Казахстан"],
    orgs=["KAZINFORM", "ДП СКО"],
    dates=[MON(2024, 12)],
)

doc(
    "023_turkestan_fake_licenses",
    facts=[
        DET(7, city="Туркестан"),
        M(350_000, qualifier="range_low", role="price", city="Туркестан"),
        M(500_000, qualifier="range_high", role="price", city="Туркестан"),
        M(21_000_000, role="other", city="Туркестан"),
        DET(1, city="Кентау"),
    ],
    cities=["Туркестан", "Кентау"],
    regions=["Туркестанская область"],
    orgs=["ДП Туркестанской области", "Instagram"],
    persons=["Нурлан Сейткали"],
)

doc(
    "024_zhezkazgan_laptop_procurement",
    facts=[
        M(280_000, role="price", city="Жезказган"),
        M(610_000, role="price", city="Жезказган"),
        M(19_800_000, city="Жезказган"),
        FINE_MRP(3000, city="Жезказган"),
        CRI(12),
    ],
    cities=["Жезказган"],
    regions=["область Улытау"],
    orgs=["Сарыарка Tech Сервис", "ДЭР по Улытауской области"],
    dates=[Y(2023)],
)

doc(
    "025_almaty_fake_lawyer",
    facts=[
        DET(1, city=ALA),
        M(12_000, "USD", city=ALA),
        M(3_500, "USD", city=ALA),
        M(1_500_000, city=ALA),
        VIC(5, city=ALA),
    ],
    cities=[ALA, "Бишкек", "Каскелен"],
    orgs=["ДП г. Алматы"],
    dates=[MON(2025, 4), Y(1993)],
)

doc(
    "026_ekibastuz_coal_theft",
    facts=[
        M(14_800_000, city="Экибастуз"),
        DET(3, city="Экибастуз"),
        M(12_500, role="price", city="Экибастуз"),
    ],
    cities=["Экибастуз", "Павлодар", "Аксу"],
    regions=["Павлодарская область"],
    orgs=["ДП Павлодарской области"],
    dates=[Y(2024)],
)

doc(
    "027_rudny_stop_fraud_campaign",
    cities=["Рудный", "Лисаковск"],
    orgs=["УП г. Рудного"],
    dates=[DAY("2025-05-15"), Y(2024)],
)

doc(
    "028_shymkent_tax_inspector_bribe",
    facts=[
        DET(1, city=SHY),
        M(3_000_000, role="bribe", city=SHY),
        M(1_200_000, role="bribe", city=SHY),
        M(1_800_000, role="bribe", city=SHY),
        CRI(27, city=SHY),
        M(140_000_000, qualifier="more_than", role="bribe", city=SHY),
    ],
    cities=[SHY],
    orgs=["АФМ"],
    dates=[RNG("2025-01-01", "2025-06-30")],
)

doc(
    "029_astana_cyber_briefing",
    facts=[
        CRI(3118, city=AST),
        CRI(2764, city=AST),
        M(2_900_000_000, qualifier="less_than", city=AST),
        M(410_000_000, qualifier="about", role="returned", city=AST),
        DET(11, city=AST),
        DET(46, city=AST),
    ],
    cities=[AST],
    orgs=["ДП г. Астаны"],
    persons=["Данияр Ахметов"],
    dates=[Y(2025), Y(2024), RNG("2019-01-01", "2022-12-31")],
)

doc(
    "030_balkhash_colleague_card_theft",
    facts=[
        DET(1, city="Балхаш"),
        M(640_000, city="Балхаш"),
        M(210_000, city="Балхаш"),
        M(850_000, role="returned", city="Балхаш"),
    ],
    cities=["Балхаш"],
    orgs=["УП г. Балхаша"],
)

doc("031_kk_shymkent_car_sale_scam", lang="kk")

doc(
    "032_zhanaozen_water_cashier",
    facts=[
        M(7_460_000, city="Жанаозен"),
        FINE_MRP(1800, city="Жанаозен"),
        M(2_000_000, qualifier="about", role="returned", city="Жанаозен"),
    ],
    cities=["Жанаозен"],
    dates=[Y(2024)],
)

doc("033_kk_almaty_pyramid_warning", lang="kk")

doc(
    "034_talgar_drug_lab",
    facts=[
        M(1_900_000_000, qualifier="about", role="price", city="Талгар"),
        DET(6, city="Талгар"),
        SEI(48, "kg", "мефедрон", "more_than", city="Талгар"),
        CRI(210, "more_than"),
    ],
    cities=["Талгар", ALA, AST],
    regions=["Алматинская область"],
    countries=["Китай", "Россия"],
    orgs=["КНБ", "МВД"],
    dates=[Y(2025)],
)

doc(
    "035_shchuchinsk_fake_guest_houses",
    facts=[
        DET(1, city="Щучинск"),
        M(30_000, qualifier="range_low", city="Щучинск"),
        M(60_000, qualifier="range_high", city="Щучинск"),
        VIC(23, city="Щучинск"),
        M(1_046_000, city="Щучинск"),
        M(180_000, role="returned", city="Щучинск"),
    ],
    cities=["Щучинск", AST, "Караганда", "Новосибирск"],
    regions=["Акмолинская область"],
    orgs=["ДП Акмолинской области"],
    dates=[MON(2025, 7)],
)

doc(
    "036_stepnogorsk_tax_evasion",
    facts=[
        DET(1, city="Степногорск"),
        M(420_000_000, qualifier="more_than", city="Степногорск"),
        M(1_200_000, "USD", qualifier="about", role="other", city="Степногорск"),
        M(180_000_000, role="other", city="Степногорск"),
    ],
    cities=["Степногорск", "Дубай"],
    regions=["Акмолинская область"],
    countries=["ОАЭ"],
    orgs=["Кен Металл Групп", "ДЭР по Акмолинской области"],
    persons=["Сергей Литвинов"],
    dates=[Y(2023)],
)

doc(
    "037_ridder_coal_delivery_scam",
    facts=[
        VIC(17, city="Риддер"),
        M(28_000, role="price", city="Риддер"),
        M(2_640_000, city="Риддер"),
        DET(1, city="Риддер"),
    ],
    cities=["Риддер", UKA],
    orgs=["WhatsApp"],
    dates=[MON(2024, 9)],
)

doc(
    "038_aksu_traffic_police_bribe",
    facts=[DET(1, city="Аксу"), M(120_000, role="bribe", city="Аксу")],
    cities=["Аксу", "Павлодар"],
    regions=["Павлодарская область"],
    orgs=["Антикор"],
)

doc(
    "039_kyzylorda_drop_cards_warning",
    cities=["Кызылорда", "Аральск"],
    regions=["Кызылординская область"],
    orgs=["ДП Кызылординской области"],
    dates=[DAY("2025-09-01")],
)

doc(
    "040_kaskelen_stolen_cars",
    facts=[
        DET(2, city="Каскелен"),
        M(4_500_000, qualifier="range_low", role="price", city="Каскелен"),
        M(7_000_000, qualifier="range_high", role="price", city="Каскелен"),
        CRI(11, city="Каскелен"),
        VIC(9, city="Каскелен"),
        M(51_300_000, city="Каскелен"),
    ],
    cities=["Каскелен", "Бишкек"],
    regions=["Алматинская область"],
    countries=["Кыргызстан"],
    orgs=["ДП Алматинской области"],
)

doc(
    "041_saryagash_cigarette_smuggling",
    facts=[
        SEI(1400, "block", "сигареты", city="Сарыагаш"),
        M(8_400_000, role="price", city="Сарыагаш"),
        DET(1, city="Сарыагаш"),
        M(35_000_000, "UZS", role="other", city="Сарыагаш"),
        M(2_000, "USD", role="other", city="Сарыагаш"),
        CRI(48),
    ],
    cities=["Сарыагаш", "Ташкент"],
    regions=["Туркестанская область"],
    countries=["Узбекистан"],
    orgs=["КНБ"],
)

doc(
    "042_aktobe_annual_fraud_stats",
    facts=[
        CRI(1711),
        CRI(1470),
        M(1_086_000_000),
        DET(9, city="Актобе"),
        M(74_000_000, qualifier="more_than", city="Актобе"),
        VIC(118, city="Актобе"),
        M(6_300_000, role="returned", city="Актобе"),
    ],
    cities=["Актобе"],
    regions=["Актюбинская область"],
    orgs=["ДП Актюбинской области"],
    persons=["Марат Есенов"],
    dates=[Y(2025), Y(2024)],
)

doc(
    "043_satpayev_kindergarten_food",
    facts=[
        CRI(37, city="Сатпаев"),
        M(4_915_000, city="Сатпаев"),
        M(1_000_000, role="returned", city="Сатпаев"),
        CRI(5),
    ],
    cities=["Сатпаев"],
    regions=["область Улытау"],
    orgs=["ДЭР по Улытауской области"],
    dates=[RNG("2022-01-01", "2023-12-31")],
)

doc(
    "044_astana_clinic_padding",
    facts=[M(1_200_000, city=AST), M(64_000_000, qualifier="about", city=AST), DET(1, city=AST)],
    cities=[AST, "Кокшетау", "Павлодар"],
    orgs=["KAZINFORM", "ФСМС", "АФМ", "Медикус Астана"],
    dates=[RNG("2025-01-01", "2025-06-30")],
)

doc(
    "045_lisakovsk_korea_jobs",
    facts=[
        M(300_000, qualifier="range_low", city="Лисаковск"),
        M(450_000, qualifier="range_high", city="Лисаковск"),
        VIC(14, "more_than", city="Лисаковск"),
        M(180_000, role="price", city="Лисаковск"),
        M(5_920_000, city="Лисаковск"),
    ],
    cities=["Лисаковск", ALA, "Сеул"],
    countries=["Южная Корея"],
    dates=[Y(2024)],
)

doc("046_kk_karaganda_drug_raid", lang="kk")

doc(
    "047_karaganda_livestock_and_cyber_stats",
    facts=[
        CRI(402),
        CRI(289),
        CRI(1984),
        CRI(1652),
        DET(1, city="Караганда"),
        M(450_000, qualifier="about", role="price", city="Караганда"),
        M(610_000_000, qualifier="about"),
    ],
    cities=["Караганда", "Шахтинск"],
    regions=["Карагандинская область"],
    orgs=["ДП Карагандинской области"],
    dates=[Y(2023), Y(2024), MON(2024, 12)],
)

doc(
    "048_almaty_fake_crypto_exchange",
    facts=[
        DET(3, city=ALA),
        M(50_000, "USD", city=ALA),
        M(3_200_000, "RUB", city=ALA),
        VIC(6, city=ALA),
        M(160_000_000, qualifier="more_than", city=ALA),
    ],
    cities=[ALA, SHY, "Тараз"],
    countries=["Китай"],
    orgs=["KAZINFORM", "ДП г. Алматы", "Telegram"],
)

doc(
    "049_uralsk_spare_parts_scam",
    facts=[
        DET(1, city="Уральск"),
        M(2_000_000, qualifier="more_than", city="Уральск"),
        M(85_000, "RUB", city="Уральск"),
        CRI(12, city="Уральск"),
    ],
    cities=["Уральск", "Самара", "Аксай", "Атырау", "Оренбург"],
    regions=["Западно-Казахстанская область"],
    orgs=["ДП ЗКО"],
    persons=["Руслан Утегенов"],
)

doc("050_afm_pyramid_signs_advice", orgs=["Агентство по финансовому мониторингу", "АФМ"], dates=[Y(2024)])

doc(
    "051_shymkent_bereke_invest_verdict",
    facts=[
        VIC(4000, qualifier="about", city=SHY),
        M(3_000_000_000, qualifier="about", city=SHY),
        M(2_140_000_000, role="other", city=SHY),
        DET(7, city=SHY),
    ],
    cities=[SHY, "Туркестан", "Кентау"],
    orgs=["Береке Инвест"],
    dates=[RNG("2021-01-01", "2023-12-31"), Y(2023)],
)

doc(
    "052_taraz_mixed_fake_microloans",
    facts=[
        DET(3, city="Тараз"),
        M(15_000, qualifier="range_low", city="Тараз"),
        M(25_000, qualifier="range_high", city="Тараз"),
        VIC(43, city="Тараз"),
        M(892_000, city="Тараз"),
    ],
    cities=["Тараз"],
    orgs=["Жедел Кредит"],
)

doc(
    "053_zharkent_yuan_cash_out",
    facts=[
        M(2_600_000_000, role="other", city="Жаркент"),
        M(1_300_000, "CNY", role="other", city="Жаркент"),
        DET(5, city="Жаркент"),
        M(312_000_000, qualifier="more_than", city="Жаркент"),
    ],
    cities=["Жаркент", "Урумчи"],
    regions=["область Жетысу"],
    countries=["Китай"],
    orgs=["ДЭР по Жетысуской области"],
    dates=[Y(2024)],
)

doc(
    "054_kokshetau_boiler_bribe",
    facts=[
        M(40_000, "EUR", role="bribe", city="Кокшетау"),
        M(1_000_000, qualifier="about", role="bribe", city="Кокшетау"),
        DET(1, city="Кокшетау"),
    ],
    cities=["Кокшетау", AST],
    orgs=["Антикор"],
    dates=[Y(2024), Y(1990)],
)

doc(
    "055_pavlodar_parking_thefts",
    facts=[
        DET(4, city="Павлодар"),
        CRI(17, city="Павлодар"),
        M(1_500_000, city="Павлодар"),
        M(420_000, role="returned", city="Павлодар"),
        DET(1, city="Павлодар"),
        M(30_000, qualifier="less_than", role="price", city="Павлодар"),
    ],
    cities=["Павлодар"],
    persons=["Дина Сапарова"],
    dates=[MON(2025, 2)],
)

doc(
    "056_astana_fake_land_realtor",
    facts=[
        DET(1, city=AST),
        M(8_000_000, qualifier="range_low", role="price", city=AST),
        M(15_000_000, qualifier="range_high", role="price", city=AST),
        M(50_000, "USD", city=AST),
        VIC(11, city=AST),
        M(97_500_000, qualifier="more_than", city=AST),
        M(20_000_000, qualifier="about", role="other", city=AST),
    ],
    cities=[AST, "Бишкек"],
    orgs=["ДП г. Астаны"],
)

doc(
    "057_konaev_house_builders",
    facts=[
        M(5_000_000, qualifier="range_low", role="other", city="Конаев"),
        M(10_000_000, qualifier="range_high", role="other", city="Конаев"),
        VIC(16, city="Конаев"),
        M(112_000_000, city="Конаев"),
        M(150_000_000, qualifier="less_than", city="Конаев"),
    ],
    cities=["Конаев", "Москва"],
    regions=["Алматинская область"],
    orgs=["KAZINFORM", "ДП Алматинской области", "Qurylys Pro"],
    dates=[Y(2024)],
)

doc(
    "058_afm_national_results",
    facts=[
        CRI(203),
        CRI(187),
        M(86_000_000_000, qualifier="more_than"),
        VIC(62_000, qualifier="more_than"),
        M(1_100_000_000_000, qualifier="about", role="other"),
        M(12_700_000_000, role="returned"),
    ],
    orgs=["Агентство по финансовому мониторингу"],
    dates=[Y(2025), Y(2024)],
)

doc(
    "059_almaty_tax_official_bribe",
    facts=[
        M(45_000, "USD", role="bribe", city=ALA),
        DET(1, city=ALA),
        M(70_000, "USD", qualifier="more_than", role="bribe", city=ALA),
        M(38_000_000, role="other", city=ALA),
        M(12_000, "EUR", role="other", city=ALA),
        DET(60, "about", city=ALA),
    ],
    cities=[ALA],
    orgs=["Антикор"],
)

doc(
    "060_atyrau_pipeline_tap",
    facts=[
        DET(5, city="Атырау"),
        M(90_000, qualifier="about", role="price", city="Атырау"),
        M(64_300_000, city="Атырау"),
        M(5_000_000, qualifier="less_than", city="Атырау"),
    ],
    cities=["Атырау"],
    regions=["Атырауская область"],
    orgs=["ДП Атырауской области"],
    dates=[DAY("2025-02-17")],
)

doc(
    "061_ust_kamenogorsk_car_loans",
    facts=[
        VIC(26, city=UKA),
        M(140_000_000, qualifier="more_than", city=UKA),
        DET(1, city=UKA),
        M(98_000_000, qualifier="more_than", role="other", city=UKA),
    ],
    cities=[UKA],
    regions=["Восточно-Казахстанская область"],
    orgs=["ДП ВКО"],
    persons=["Гульнара Ибраева"],
    dates=[MON(2024, 11)],
)

doc(
    "062_astana_online_casino",
    facts=[
        M(25_000_000_000, qualifier="more_than", role="other", city=AST),
        DET(12, city=AST),
        M(1_700_000, role="other", city=AST),
    ],
    cities=[AST],
    countries=["Кипр"],
    orgs=["ДП г. Астаны", "КНБ"],
    dates=[Y(2024)],
)

doc(
    "063_semey_students_cyber_meeting",
    cities=["Семей"],
    regions=["область Абай"],
    orgs=["УП г. Семей"],
    dates=[DAY("2025-10-04"), Y(2024)],
)

doc(
    "064_shymkent_dubai_jobs_scam",
    facts=[
        DET(4, city=SHY),
        M(2_500, "USD", qualifier="less_than", role="other", city=SHY),
        M(650_000, qualifier="range_low", city=SHY),
        M(900_000, qualifier="range_high", city=SHY),
        VIC(12, city=SHY),
        M(9_600_000, qualifier="about", city=SHY),
        M(1_200_000, city=SHY),
        M(3_000, "USD", city=SHY),
    ],
    cities=[SHY, "Дубай", "Сарыагаш", ALA],
    regions=["Туркестанская область"],
    countries=["ОАЭ"],
    orgs=["УКП ДП Шымкента"],
)


# ---------------------------------------------------- scope, period, area, crime
# Conventions: tests/gold/README.md ("Scope and crime"). Keys are (document index in DOCS, fact index in
# its facts). Every fact not in AGGREGATES is an incident; every fact's crime is its document's unless
# CRIME_OF_FACT says otherwise. "-": a Kazakh text, whose crime is not annotated.


def YR(y):
    return (f"{y}-01-01", f"{y}-12-31")


def N9(y):
    return (f"{y}-01-01", f"{y}-09-30")


# the main crime of each document, in DOCS order
CRIME_OF_DOC = [
    "internet_fraud",  # 000_4d24166cd8d118c4
    "internet_fraud",  # 001_pavlodar_call_center
    "pyramid",  # 002_almaty_altyn_pyramid
    "bribery",  # 003_astana_land_bribe
    "internet_fraud",  # 004_kokshetau_puppy_sale
    "drugs",  # 005_semey_drug_shop
    "embezzlement",  # 006_aktobe_accountant_embezzlement
    "theft",  # 007_konaev_car_thefts
    "internet_fraud",  # 008_shymkent_fake_payments_warning
    "internet_fraud",  # 009_shymkent_tashkent_call_center
    "bribery",  # 010_taraz_migration_bribe
    "internet_fraud",  # 011_taldykorgan_nine_months
    "smuggling",  # 012_atyrau_currency_smuggling
    "pyramid",  # 013_ust_kamenogorsk_pyramid_verdict
    "theft",  # 014_uralsk_dacha_thefts
    "-",  # 015_kk_police_warning_bank_calls
    "embezzlement",  # 016_kyzylorda_rice_subsidies
    "fraud",  # 017_karaganda_fake_meter_service
    "fraud",  # 018_kostanay_grain_prepayment
    "internet_fraud",  # 019_aktau_fake_bank_support
    "internet_fraud",  # 020_mvd_fake_ticket_sites_warning
    "theft",  # 021_temirtau_ferroalloy_theft
    "fraud",  # 022_petropavlovsk_fake_social_workers
    "other",  # 023_turkestan_fake_licenses
    "embezzlement",  # 024_zhezkazgan_laptop_procurement
    "fraud",  # 025_almaty_fake_lawyer
    "theft",  # 026_ekibastuz_coal_theft
    "internet_fraud",  # 027_rudny_stop_fraud_campaign
    "bribery",  # 028_shymkent_tax_inspector_bribe
    "internet_fraud",  # 029_astana_cyber_briefing
    "theft",  # 030_balkhash_colleague_card_theft
    "-",  # 031_kk_shymkent_car_sale_scam
    "embezzlement",  # 032_zhanaozen_water_cashier
    "-",  # 033_kk_almaty_pyramid_warning
    "drugs",  # 034_talgar_drug_lab
    "internet_fraud",  # 035_shchuchinsk_fake_guest_houses
    "tax_evasion",  # 036_stepnogorsk_tax_evasion
    "internet_fraud",  # 037_ridder_coal_delivery_scam
    "bribery",  # 038_aksu_traffic_police_bribe
    "internet_fraud",  # 039_kyzylorda_drop_cards_warning
    "fraud",  # 040_kaskelen_stolen_cars
    "smuggling",  # 041_saryagash_cigarette_smuggling
    "internet_fraud",  # 042_aktobe_annual_fraud_stats
    "embezzlement",  # 043_satpayev_kindergarten_food
    "embezzlement",  # 044_astana_clinic_padding
    "fraud",  # 045_lisakovsk_korea_jobs
    "-",  # 046_kk_karaganda_drug_raid
    "livestock_theft",  # 047_karaganda_livestock_and_cyber_stats
    "internet_fraud",  # 048_almaty_fake_crypto_exchange
    "internet_fraud",  # 049_uralsk_spare_parts_scam
    "pyramid",  # 050_afm_pyramid_signs_advice
    "pyramid",  # 051_shymkent_bereke_invest_verdict
    "internet_fraud",  # 052_taraz_mixed_fake_microloans
    "tax_evasion",  # 053_zharkent_yuan_cash_out
    "bribery",  # 054_kokshetau_boiler_bribe
    "theft",  # 055_pavlodar_parking_thefts
    "fraud",  # 056_astana_fake_land_realtor
    "fraud",  # 057_konaev_house_builders
    "pyramid",  # 058_afm_national_results
    "bribery",  # 059_almaty_tax_official_bribe
    "theft",  # 060_atyrau_pipeline_tap
    "fraud",  # 061_ust_kamenogorsk_car_loans
    "other",  # 062_astana_online_casino
    "internet_fraud",  # 063_semey_students_cyber_meeting
    "fraud",  # 064_shymkent_dubai_jobs_scam
]
AGGREGATES = {
    (0, 0): (None, None),
    (0, 6): (None, None),
    (0, 7): (YR(2022), "Казахстан"),
    (4, 3): (None, "Акмолинская область"),
    (5, 2): (YR(2024), "область Абай"),
    (5, 3): (YR(2025), "область Абай"),
    (11, 0): (N9(2025), "область Жетысу"),
    (11, 1): (N9(2024), "область Жетысу"),
    (11, 2): (N9(2025), "область Жетысу"),
    (11, 3): (N9(2025), "область Жетысу"),
    (12, 3): (YR(2024), "Атырау"),
    (12, 4): (YR(2024), "Атырау"),
    (14, 4): (None, "Западно-Казахстанская область"),
    (19, 3): (YR(2024), "Мангистауская область"),
    (24, 4): (None, "область Улытау"),
    (28, 4): (("2025-01-01", "2025-06-30"), "Шымкент"),
    (28, 5): (("2025-01-01", "2025-06-30"), "Шымкент"),
    (29, 0): (YR(2024), "Астана"),
    (29, 1): (YR(2025), "Астана"),
    (29, 2): (YR(2025), "Астана"),
    (29, 3): (YR(2025), "Астана"),
    (29, 4): (YR(2025), "Астана"),
    (29, 5): (YR(2025), "Астана"),
    (34, 2): (YR(2025), "Алматинская область"),
    (41, 4): (None, "Туркестанская область"),
    (42, 0): (YR(2025), "Актюбинская область"),
    (42, 1): (YR(2024), "Актюбинская область"),
    (42, 2): (YR(2025), "Актюбинская область"),
    (43, 3): (None, "область Улытау"),
    (47, 0): (YR(2023), "Карагандинская область"),
    (47, 1): (YR(2024), "Карагандинская область"),
    (47, 2): (YR(2024), "Карагандинская область"),
    (47, 3): (YR(2023), "Карагандинская область"),
    (47, 6): (YR(2024), "Карагандинская область"),
    (58, 0): (YR(2025), "Казахстан"),
    (58, 1): (YR(2024), "Казахстан"),
    (58, 2): (YR(2025), "Казахстан"),
    (58, 3): (YR(2025), "Казахстан"),
    (58, 4): (YR(2025), "Казахстан"),
    (58, 5): (YR(2025), "Казахстан"),
    (59, 5): (None, "Алматы"),
}
CRIME_OF_FACT = {
    (4, 3): "fraud",
    (42, 0): "fraud",
    (42, 1): "fraud",
    (42, 2): "fraud",
    (58, 4): "other",
    (47, 2): "internet_fraud",
    (47, 3): "internet_fraud",
}


def annotate(docs):
    """Add scope, period, area and crime to the facts, and the main crime to the documents."""
    for d, line in enumerate(docs):
        crime = CRIME_OF_DOC[d]
        if crime != "-":
            line["crime"] = crime
        for i, fact in enumerate(line["facts"]):
            fact["scope"] = "aggregate" if (d, i) in AGGREGATES else "incident"
            if (d, i) in AGGREGATES:
                period, area = AGGREGATES[(d, i)]
                fact["period"] = {"start": period[0], "end": period[1]} if period else None
                fact["area"] = area
            fact["crime"] = CRIME_OF_FACT.get((d, i), crime if crime != "-" else None)


# ------------------------------------------------------------- validation
OLD_NAMES = {
    "Алматы": ["Алма-Ат"],
    "Астана": ["Нур-Султан", "Целиноград"],
    "Семей": ["Семипалатинск"],
    "Атырау": ["Гурьев"],
    "Усть-Каменогорск": ["Оскемен"],
    "Рудный": ["Рудн"],
}
REGION_ABBR = {
    "Восточно-Казахстанская область": "ВКО",
    "Западно-Казахстанская область": "ЗКО",
    "Северо-Казахстанская область": "СКО",
}
# Cyrillic letters that look like Latin ones (for homoglyph-tolerant matching)
HOMO = str.maketrans("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX")


def _stem(word: str) -> str:
    w = word.split()[0] if " " not in word or word.startswith("Форт") else word
    return w[:-1] if len(w) > 4 and w[-1] in "аяоеыйьиу" else w[: max(4, len(w) - 1)]


def validate(docs, files):
    errors = []
    ids = [d["doc_id"] for d in docs]
    if ids != [f.stem for f in files]:
        missing = set(f.stem for f in files) ^ set(ids)
        errors.append(f"doc ids do not match corpus files: {sorted(missing)} / order")
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    for d in docs:
        did, text = d["doc_id"], texts.get(d["doc_id"], "")
        flat = text.translate(HOMO)
        if d["lang"] not in ("ru", "kk"):
            errors.append(f"{did}: bad lang")
        if d["lang"] == "kk" and d["facts"]:
            errors.append(f"{did}: kk doc with facts")
        for f in d["facts"]:
            if f["kind"] not in KINDS or f["qualifier"] not in QUALIFIERS:
                errors.append(f"{did}: bad kind/qualifier {f}")
            if f["kind"] == "money":
                if f["currency"] not in CURRENCIES or f["role"] not in ROLES:
                    errors.append(f"{did}: bad money {f}")
            elif f["currency"] is not None or f["role"] is not None:
                errors.append(f"{did}: count with currency/role {f}")
            if (f["kind"] == "seized") != (f.get("unit") in UNITS and bool(f.get("item"))):
                errors.append(f"{did}: a seized fact needs a unit and an item, no other fact has them {f}")
            if not isinstance(f["value"], (int, float)) or f["value"] <= 0:
                errors.append(f"{did}: bad value {f}")
            if f["city"] is not None and f["city"] not in d["cities"]:
                errors.append(f"{did}: fact city {f['city']} not in cities")
        for c in d["cities"]:
            forms = [_stem(c)] + OLD_NAMES.get(c, [])
            if not any(x in text for x in forms):
                errors.append(f"{did}: city {c} not found in text")
        for r in d["regions"]:
            if _stem(r.split()[0])[:-1] not in text and REGION_ABBR.get(r, "@@") not in text:
                errors.append(f"{did}: region {r} not found")
        for o in d["organisations"]:
            if o not in text and o.translate(HOMO) not in flat:
                errors.append(f"{did}: organisation {o} not found")
        for p in d["persons"]:
            if p.split()[0] not in text:
                errors.append(f"{did}: person {p} not found")
        for dt in d["dates"]:
            if not (
                re.fullmatch(r"\d{4}-\d\d-\d\d", dt["start"])
                and re.fullmatch(r"\d{4}-\d\d-\d\d", dt["end"])
                and dt["start"] <= dt["end"]
            ):
                errors.append(f"{did}: bad date {dt}")
    return errors


COUNTRY_FORMS = {
    "Грузия": "Грузи",
    "Казахстан": "Казахстан",
    "Россия": "Росси",
    "Узбекистан": "Узбекистан",
    "Кыргызстан": "Кыргызстан",
    "Китай": "Кита",
    "Турция": "Турци",
    "ОАЭ": "ОАЭ",
    "Кипр": "Кипр",
    "Южная Корея": "Южн[а-я]+ Коре",
}


def completeness(docs, files):
    """Names that occur in a Russian text but are missing from its gold lists."""
    errors = []
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    lexicon = sorted({c for d in docs for c in d["cities"]})
    regions = sorted({r for d in docs for r in d["regions"]})
    left = r"(?<![А-Яа-яЁёA-Za-z-])"
    for d in docs:
        if d["lang"] != "ru":
            continue
        text = texts[d["doc_id"]]
        for c in lexicon:
            forms = [_stem(c)] + OLD_NAMES.get(c, [])
            hits = [
                w
                for x in forms
                for w in re.findall(left + re.escape(x) + r"[\w-]*", text)
                if "ск" not in w[len(x) :] or "ск" in c
            ]  # skip region adjectives
            if c not in d["cities"] and hits:
                errors.append(f"{d['doc_id']}: city {c} occurs but is not annotated")
        for r in regions:
            adj = r.split()[0][:-3]
            pat = left + re.escape(adj) + r"\w* облас"
            abbr = REGION_ABBR.get(r)
            hit = re.search(pat, text) or (abbr and re.search(left + abbr + r"\b", text))
            if r not in d["regions"] and hit:
                errors.append(f"{d['doc_id']}: region {r} occurs but is not annotated")
        for c, form in COUNTRY_FORMS.items():
            if c not in d["countries"] and re.search(left + form, text):
                errors.append(f"{d['doc_id']}: country {c} occurs but is not annotated")
    return errors


def main() -> int:
    files = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.txt"))
    errors = validate(DOCS, files) + completeness(DOCS, files)
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if errors:
        return 1
    annotate(DOCS)
    with OUT.open("w", encoding="utf-8") as fh:
        for d in DOCS:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    # re-read and check every line parses
    with OUT.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    counts: dict[str, int] = {}
    for r in rows:
        for f in r["facts"]:
            counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    print(f"wrote {len(rows)} docs to {OUT.relative_to(ROOT)}; facts per kind: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
