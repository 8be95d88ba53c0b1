"""Stage 2: paragraphs, sentences (razdel, per line) and tokens with offsets."""

from newsfacts.segment import MAX_SENTENCE_CHARS, segment


def test_lines_and_paragraphs():
    text = "Заголовок новости\nПервое предложение. Второе предложение.\n\nНовый абзац."
    sentences = segment(text)
    assert [s.text for s in sentences] == [
        "Заголовок новости",
        "Первое предложение.",
        "Второе предложение.",
        "Новый абзац.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for token in s.tokens:
            assert text[token.start : token.end] == token.text


def test_sum_and_its_currency_stay_together():
    """razdel ends a sentence after `тыс.` when a capital follows; `10 тыс. USD` is one sum."""
    texts = [s.text for s in segment("Похищено 10 тыс. USD. Было 5 тыс. Полиция пришла.")]
    assert texts == ["Похищено 10 тыс. USD.", "Было 5 тыс.", "Полиция пришла."]


def test_overlong_sentence_is_cut():
    text = " ".join(["слово"] * 2000)
    sentences = segment(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_blank_text():
    assert segment("") == [] and segment(" \n\n \n") == []
