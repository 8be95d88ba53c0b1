"""Bytes to text: encodings told apart on short Russian texts, and clear reasons for what is not text."""

import codecs
import random

import pytest

from newsfacts.reader import InputError, decode, read

# Short texts written for these tests: headlines, one-liners, a paragraph.
SHORT = [
    "В Павлодаре задержан мужчина.",
    "Ущерб составил 5 млн тенге.",
    "Полиция Алматы возбудила уголовное дело по факту мошенничества.",
    "ЗАДЕРЖАН ВОР",
    "Щётка, ёж, съезд и объявление.",
    "Жительница Костаная перевела лжеброкерам 800 тысяч тенге.",
    "Суд назначил ему 4 года лишения свободы.",
    "Мошенники звонили от имени службы безопасности банка.",
    "В Караганде пресечена деятельность нарколаборатории. Изъято 3 кг синтетики.",
    "АФМ предупреждает: не переводите деньги незнакомцам!",
    "«Инвестиции» с гарантированной доходностью — признак пирамиды.",
]
LONG = (
    "Сотрудники полиции Уральска раскрыли серию краж с дачных участков. Подозреваемые, двое местных "
    "жителей 23 и 27 лет, вывозили садовый инвентарь и цветной металл. Ущерб оценивается в 1,2 млн "
    "тенге. Похищенное частично возвращено владельцам, начато досудебное расследование."
)


@pytest.mark.parametrize("text", SHORT + [LONG])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_cp1251_and_koi8_r_are_told_apart_on_short_texts(text, encoding):
    if encoding == "koi8_r":
        text = text.replace("«", '"').replace("»", '"').replace("—", "-")  # not in KOI8-R
    item = decode(text.encode(encoding))
    assert item.text == text
    assert item.encoding == encoding
    assert item.warnings == [f"encoding: read as {encoding}"]


@pytest.mark.parametrize("text", SHORT + [LONG])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(text, encoding):
    item = decode(text.encode(encoding))
    assert item.text == text
    assert item.encoding.startswith("utf_16")
    assert item.warnings == [f"encoding: read as {item.encoding}"]


@pytest.mark.parametrize("text", [SHORT[0], LONG])
def test_cp866_is_read(text):
    assert decode(text.encode("cp866")).text == text


def test_utf8_with_and_without_bom_has_no_encoding_warning():
    plain = decode(LONG.encode("utf-8"))
    with_bom = decode(codecs.BOM_UTF8 + LONG.encode("utf-8"))
    assert plain.text == with_bom.text == LONG
    assert plain.warnings == with_bom.warnings == []
    assert plain.sha256 != with_bom.sha256  # the hash is of the bytes as they are


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        ("   \n".encode("utf-16"), "empty"),
        (b"\x00\x01\x02\x03" * 200, "binary"),
        (random.Random(7).randbytes(4000), "binary"),
        (b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(2000), "binary"),
        (random.Random(9).randbytes(60), "binary"),
    ],
)
def test_what_is_not_text_is_an_error_with_a_reason(data, kind):
    with pytest.raises(InputError) as caught:
        decode(data)
    assert caught.value.kind == kind
    assert str(caught.value)


def test_unreadable_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read(tmp_path / "missing.txt")
    assert caught.value.kind == "unreadable"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        read(folder)
    assert caught.value.kind == "unreadable"
