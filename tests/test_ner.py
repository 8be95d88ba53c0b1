"""ner.py: the NER reads the words the segmentation cut, and finds what slovnet finds cutting them again."""

from pathlib import Path

from newsfacts.ner import NER
from newsfacts.normalize import Normalizer
from newsfacts.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_the_ner_of_the_segmented_words_is_slovnets_own():
    ner, normalizer = NER(), Normalizer()
    for path in sorted(CORPUS.glob("*.txt"))[:40]:
        sentences = segment(normalizer(path.read_text(encoding="utf-8")).text)
        expected = [
            (span.type, sentence.start + span.start, sentence.start + span.stop)
            for sentence, markup in zip(sentences, ner.tagger.map([s.text for s in sentences]), strict=True)
            for span in markup.spans
        ]
        expected.sort(key=lambda m: m[1:])
        assert [(m.type, m.start, m.end) for m in ner(sentences)] == expected, path
        # a sentence without its tokens (dropped after the stages that read them) is cut by slovnet
        for sentence in sentences:
            sentence.tokens = []
        assert [(m.type, m.start, m.end) for m in ner(sentences)] == expected, path
