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

KINDS = {"money", "detained", "victims", "crimes"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "range_low", "range_high"}
ROLES = {"damage", "returned", "bribe", "fine", "price", "other"}
CURRENCIES = {"KZT", "RUB", "USD", "EUR", "KGS", "UZS", "CNY", "MRP"}


# ---------------------------------------------------------------- helpers
def _fact(kind, value, currency=None, qualifier="exact", role=None, city=None):
    return {"kind": kind, "value": value, "currency": currency,
            "qualifier": qualifier, "role": role, "city": city}


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


def doc(doc_id, facts=(), cities=(), regions=(), countries=(), orgs=(),
        persons=(), dates=(), lang="ru"):
    DOCS.append({
        "doc_id": doc_id, "lang": lang, "facts": list(facts),
        "cities": list(cities), "regions": list(regions),
        "countries": list(countries), "organisations": list(orgs),
        "persons": list(persons), "dates": list(dates),
    })


# Abbreviations used below
AST, ALA, SHY = "Астана", "Алматы", "Шымкент"
UKA = "Усть-Каменогорск"

# ------------------------------------------------------------------- data
doc("000_4d24166cd8d118c4",
    facts=[M(3_000_000_000, qualifier="more_than"),
           DET(24, city=ALA),
           DET(1, city=AST),
           CRI(26, city=AST),
           M(4_200_000, city=AST),
           VIC(20, city=SHY),
           CRI(4000, "more_than"),
           M(15_000_000_000)],
    cities=[ALA, AST, "Экибастуз", SHY, "Тараз"],
    countries=["Грузия"],
    orgs=["УКП ДП г. Алматы", "УКП ДП г. Астаны", "УКП ДП Шымкента", "Instagram",
          "Health Time", "1\u0425 бет"],
    persons=["Жандос Суюнбай"],
    dates=[RNG("2023-04-18", "2023-04-20"), Y(2022)])

doc("001_pavlodar_call_center",
    facts=[DET(3, city="Павлодар"), M(4_200_000, city="Павлодар")],
    cities=["Павлодар", "Экибастуз"], regions=["Павлодарская область"],
    orgs=["ДП Павлодарской области", "Telegram"], persons=["Айгерим Нурланова"],
    dates=[DAY("2025-03-12")])

doc("002_almaty_altyn_pyramid",
    facts=[VIC(1214, city=ALA), M(2_277_000_000, city=ALA), DET(1, city=ALA),
           M(600_000_000, qualifier="about", role="other", city=ALA)],
    cities=[ALA, "Дубай", "Стамбул"],
    orgs=["АФМ", "Altyn Invest Group"],
    dates=[RNG("2024-01-01", "2024-10-31")])

doc("003_astana_land_bribe",
    facts=[M(15_000, "USD", role="bribe", city=AST), DET(1, city=AST),
           M(5_000, "USD", role="bribe", city=AST)],
    cities=[AST], orgs=["KAZINFORM", "Антикор"],
    dates=[DAY("2025-04-03")])

doc("004_kokshetau_puppy_sale",
    facts=[M(380_000, city="Кокшетау"), M(80_000, city="Кокшетау"),
           M(300_000, city="Кокшетау"), CRI(58)],
    cities=["Кокшетау", "Костанай", "Актобе"], regions=["Акмолинская область"],
    orgs=["УП г. Кокшетау", "ДП Акмолинской области"],
    dates=[DAY("2025-01-14")])

doc("005_semey_drug_shop",
    facts=[DET(2, city="Семей"),
           M(9_000_000, qualifier="about", role="other", city="Семей"),
           CRI(312), CRI(287)],
    cities=["Семей", "Новосибирск"], regions=["Абайская область"],
    orgs=["УП г. Семей", "Telegram"], persons=["Ерлан Касымов"],
    dates=[Y(2024), Y(2025)])

doc("006_aktobe_accountant_embezzlement",
    facts=[CRI(64, city="Актобе"), M(87_412_560, city="Актобе"),
           M(30_000_000, role="returned", city="Актобе"),
           M(12_000_000, qualifier="about", role="price", city="Актобе")],
    cities=["Актобе"], regions=["Актюбинская область"],
    orgs=["ДЭР по Актюбинской области", "Жасыл Актобе"],
    dates=[RNG("2021-01-01", "2023-12-31")])

doc("007_konaev_car_thefts",
    facts=[DET(4, city="Конаев"), M(41_700_000, city="Конаев"),
           M(6_000_000, qualifier="about", role="returned", city="Конаев")],
    cities=["Конаев", "Талдыкорган"], regions=["Алматинская область"],
    orgs=["ДП Алматинской области"],
    dates=[RNG("2024-09-01", "2024-11-30")])

doc("008_shymkent_fake_payments_warning",
    cities=[SHY], orgs=["Департамент полиции Шымкента", "WhatsApp"],
    dates=[Y(2024)])

doc("009_shymkent_tashkent_call_center",
    facts=[DET(5, city=SHY), VIC(37, city=SHY),
           M(96_000_000, qualifier="more_than", city=SHY),
           M(410_000_000, "UZS", role="other", city=SHY),
           M(11_300_000, role="returned", city=SHY)],
    cities=[SHY, "Ташкент"], countries=["Узбекистан", "Казахстан"],
    orgs=["УКП ДП Шымкента", "Нацбанк"], persons=["Ержан Абенов"])

doc("010_taraz_migration_bribe",
    facts=[M(250_000, role="bribe", city="Тараз"),
           M(20_000, "KGS", role="bribe", city="Тараз"),
           FINE_MRP(5000, city="Тараз")],
    cities=["Тараз"], regions=["Жамбылская область"], countries=["Кыргызстан"],
    orgs=["ДП Жамбылской области"],
    dates=[MON(2024, 5)])

doc("011_taldykorgan_nine_months",
    facts=[CRI(418), CRI(502),
           M(380_000_000, qualifier="more_than"),
           M(45_000_000, qualifier="about", role="returned"),
           DET(1, city="Талдыкорган"), M(1_500_000, city="Талдыкорган")],
    cities=["Талдыкорган"], regions=["Жетысуская область"],
    orgs=["ДП Жетысуской области", "КНБ"], persons=["Асель Жумабаева"],
    dates=[RNG("2025-01-01", "2025-09-30")])

doc("012_atyrau_currency_smuggling",
    facts=[M(86_000, "USD", role="other", city="Атырау"),
           M(12_500, "EUR", role="other", city="Атырау"),
           DET(1, city="Атырау"), CRI(17, city="Атырау"),
           M(1_100_000, "USD", qualifier="about", role="other", city="Атырау")],
    cities=["Атырау", "Стамбул"], regions=["Атырауская область"],
    orgs=["ДГД по Атырауской области"],
    dates=[Y(2024)])

doc("013_ust_kamenogorsk_pyramid_verdict",
    facts=[VIC(286, city=UKA), M(1_340_000_000, city=UKA),
           FINE_MRP(10_000, city=UKA), M(214_600_000, role="returned", city=UKA)],
    cities=[UKA, "Риддер"], regions=["Восточно-Казахстанская область"],
    orgs=["KAZINFORM", "ДЭР по ВКО", "Шығыс Капитал"],
    dates=[RNG("2022-03-01", "2023-08-31")])

doc("014_uralsk_dacha_thefts",
    facts=[DET(3, city="Уральск"), CRI(11, city="Уральск"),
           M(1_870_000, city="Уральск"),
           M(640_000, qualifier="about", role="returned", city="Уральск"),
           CRI(2315)],
    cities=["Уральск"], regions=["Западно-Казахстанская область"],
    orgs=["ДП ЗКО"],
    dates=[MON(2024, 10)])

doc("015_kk_police_warning_bank_calls", lang="kk")

doc("016_kyzylorda_rice_subsidies",
    facts=[DET(3, city="Кызылорда"), CRI(19, city="Кызылорда"),
           M(1_500_000_000, qualifier="more_than", city="Кызылорда")],
    cities=["Кызылорда", "Москва"], regions=["Кызылординская область"],
    orgs=["Антикор"],
    dates=[RNG("2023-01-01", "2024-12-31")])

doc("017_karaganda_fake_meter_service",
    facts=[CRI(42, city="Караганда"), VIC(39, city="Караганда"),
           M(45_000, qualifier="range_low", city="Караганда"),
           M(120_000, qualifier="range_high", city="Караганда"),
           M(23_650_000, city="Караганда"),
           M(2_100_000, role="returned", city="Караганда")],
    cities=["Караганда", "Темиртау"], persons=["Ольга Ким"],
    dates=[RNG("2023-07-01", "2024-02-29")])

doc("018_kostanay_grain_prepayment",
    facts=[M(18_400_000, "RUB", city="Костанай"), M(5_300_000, city="Костанай")],
    cities=["Костанай", "Челябинск", "Бишкек"], regions=["Костанайская область"],
    countries=["Россия"], orgs=["ДП Костанайской области", "Агро Дала Трейд"],
    dates=[Y(2024)])

doc("019_aktau_fake_bank_support",
    facts=[DET(1, city="Актау"), VIC(14, city="Актау"), M(9_812_000, city="Актау"),
           CRI(1106)],
    cities=["Актау", "Жанаозен", "Форт-Шевченко"], regions=["Мангистауская область"],
    orgs=["ДП Мангистауской области", "Kaspi Bank"],
    dates=[Y(2024)])

doc("020_mvd_fake_ticket_sites_warning",
    countries=["Турция", "ОАЭ"], orgs=["МВД РК"],
    dates=[MON(2024, 7)])

# @@BATCH2@@


# ------------------------------------------------------------- validation
OLD_NAMES = {"Алматы": ["Алма-Ат"], "Астана": ["Нур-Султан", "Целиноград"],
             "Семей": ["Семипалатинск"], "Атырау": ["Гурьев"],
             "Усть-Каменогорск": ["Оскемен"]}
REGION_ABBR = {"Восточно-Казахстанская область": "ВКО",
               "Западно-Казахстанская область": "ЗКО",
               "Северо-Казахстанская область": "СКО"}
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
            if not (re.fullmatch(r"\d{4}-\d\d-\d\d", dt["start"])
                    and re.fullmatch(r"\d{4}-\d\d-\d\d", dt["end"])
                    and dt["start"] <= dt["end"]):
                errors.append(f"{did}: bad date {dt}")
    return errors


def main() -> int:
    files = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.txt"))
    errors = validate(DOCS, files)
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if errors:
        return 1
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
