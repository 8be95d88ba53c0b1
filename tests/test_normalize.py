"""Stage 1: the normalised text for the models, and the map back to the original offsets."""

import random
import re

import pytest

from newsfacts.normalize import Normalizer

CASES = [
    # original, normalised
    ("Instаgram", "Instagram"),  # a Cyrillic а inside a Latin word
    ("тенгe", "тенге"),  # a Latin e inside a Russian word
    ("1Х бет", "1Х бет"),  # a lone letter is no mixed-script word: the Cyrillic Х stays
    ("1\u00a0700\u202f000 тенге", "1 700 000 тенге"),
    ("«Health Time»", '"Health Time"'),
    ("5–10 млн", "5-10 млн"),
    ("более 3-х млн", "более 3   млн"),  # a case ending after a figure goes (same length)
    ("80-ти кг, 7-ми лет", "80    кг, 7    лет"),
    ("во 2-м квартале, 1-го мая", "во 2-м квартале, 1-го мая"),  # ordinals stay
    ("2025 — 1711", "2025 — 1711"),  # the em dash stays: it is punctuation, not a range
    ("мо\u200bшенник\u00ad", "мошенник"),  # zero-width and soft hyphens go
    ("строка\r\nдругая", "строка\nдругая"),
    ('тенге".Жандос Суюнбай', 'тенге".\nЖандос Суюнбай'),  # a quote glued to its speaker
    ("е\u0308ж", "ёж"),  # NFC
    ("5&nbsp;000&nbsp;тенге", "5 000 тенге"),  # HTML entities of a scraped page
    ("&laquo;Береке&raquo; &#8470; 5 &amp; &#x41;", '"Береке" № 5 & A'),
    ("AT&T; &unknownname; & 5&nbsp", "AT&T; &unknownname; & 5&nbsp"),  # no entity: left as written
    ("<p>Ущерб</p><P class='x'>5 тенге<br/>", "\nУщерб\n\n5 тенге\n"),  # a block tag breaks the line
    ("<b>жирный</b> <a href='/n?id=5'>ссылка</a>", " жирный   ссылка "),  # an inline tag is a space
    ("<script>var s = '5 млн тенге';</script><!-- 7 -->Текст", "  Текст"),  # code and comments go
    ("если x < 10 && y > 2 <тенге>", "если x < 10 && y > 2 <тенге>"),  # no tag name: prose
]


@pytest.mark.parametrize(("original", "normalised"), CASES)
def test_normalise(original, normalised):
    assert Normalizer()(original).text == normalised


@pytest.mark.parametrize(("original", "normalised"), CASES)
def test_every_span_maps_back(original, normalised):
    result = Normalizer()(original)
    for start in range(len(result.text)):
        for end in range(start + 1, len(result.text) + 1):
            o_start, o_end = result.span(start, end)
            assert 0 <= o_start <= o_end <= len(original)
    word = result.text.split()[-1]
    start = result.text.rindex(word)
    o_start, o_end = result.span(start, start + len(word))
    assert original[o_start:o_end].replace("\u00ad", "").replace("\u200b", "") != ""


def test_span_of_a_sum_in_the_original():
    original = "Ущерб\u00a0— 1\u202f700\u202f000 тенге."
    result = Normalizer()(original)
    start = result.text.index("1 700")
    o_start, o_end = result.span(start, start + len("1 700 000 тенге"))
    assert original[o_start:o_end] == "1\u202f700\u202f000 тенге"


@pytest.mark.parametrize(
    ("original", "word", "evidence"),
    [
        ("ущерб 5&nbsp;000&nbsp;тенге.", "5 000 тенге", "5&nbsp;000&nbsp;тенге"),
        ("&laquo;Береке&raquo;", '"Береке"', "&laquo;Береке&raquo;"),  # ends past the whole entity
        ("е\u0308ж", "ё", "е\u0308"),  # ends past the combining mark
    ],
)
def test_span_covers_what_the_characters_came_from(original, word, evidence):
    result = Normalizer()(original)
    start = result.text.index(word)
    o_start, o_end = result.span(start, start + len(word))
    assert original[o_start:o_end] == evidence


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("5тенгe_Instаgram2", "5тенге_Instagram2"),  # words between digits and underscores
        ("e тенгe Instаgram.", "e тенге Instagram."),  # a lone Latin letter stays
        ("Москвa-Сити и кафе Café", "Москва-Сити и кафе Café"),
    ],
)
def test_homoglyphs_fixed_in_words_with_a_latin_letter(text, fixed):
    assert Normalizer()._fix_homoglyphs(text) == fixed


def test_homoglyph_words_are_found_as_every_word_is():
    # only a word with a Latin letter is looked at: the same text as when every word was
    normalizer = Normalizer()
    rnd = random.Random(5)
    letters = "aeoрсуАВЕKМНОPСТXахe1_ -.éß\u0301"
    for _ in range(3000):
        text = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 20)))
        every = re.sub(r"[^\W\d_]+", lambda m: normalizer._fix_homoglyphs(m.group()), text)
        assert normalizer._fix_homoglyphs(text) == every
