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


def test_a_batch_run_as_one_sequence_scores_as_slovnets_padded_batch():
    """The sentences of a batch, one after another, get the very numbers slovnet's padded batch gives."""
    import numpy as np

    ner, normalizer = NER(), Normalizer()
    infer = ner.tagger.infer
    for path in sorted(CORPUS.glob("*.txt"))[:60]:
        sentences = segment(normalizer(path.read_text(encoding="utf-8")).text)
        items = [[t.text for t in s.tokens] for s in sentences][:32]
        padded = next(infer.encoder(items))
        expected = infer.model(padded.word_id, padded.shape_id, padded.pad_mask)
        found = ner._emissions([infer.encoder.item(words) for words in items])
        assert [ner._item(words) for words in items] == [infer.encoder.item(words) for words in items]
        for index, words in enumerate(items):
            assert np.array_equal(found[index], expected[index, : len(words)]), (path, index)


def test_the_viterbi_paths_are_slovnets_crfs():
    """`_viterbi` gives the very tags slovnet's CRF.decode gives: batches of sentences of any lengths
    (one word, all of one length, padded), scores random."""
    import numpy as np

    from newsfacts.ner import _viterbi

    crf = NER().tagger.infer.model.head.crf
    tags = crf.transitions.array.shape[0]
    generator = np.random.default_rng(14)
    for batch, longest in [(1, 1), (3, 1), (4, 2), (32, 60), (7, 130)]:
        emissions = generator.standard_normal((batch, longest, tags)).astype(np.float32)
        mask = np.zeros((batch, longest), dtype=bool)
        for row, length in enumerate(generator.integers(1, longest + 1, size=batch)):
            mask[row, :length] = True
        mask[0] = True  # (a batch is as long as its longest sentence)
        expected = crf.decode(emissions, mask)
        found = _viterbi(crf.transitions.array, emissions, mask)
        assert len(found) == len(expected)
        for ours, theirs in zip(found, expected, strict=True):
            assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)


def test_the_kept_word_vectors_are_navecs(monkeypatch):
    """`_Vectors`: a batch's word vectors read from those dequantised before are navec's own, also once
    the table was full and made anew."""
    import numpy as np

    from newsfacts import ner as module

    monkeypatch.setattr(module, "MAX_VECTORS", 50)
    embedding = NER().tagger.infer.model.emb.word
    vectors = module._Vectors(embedding)
    generator = np.random.default_rng(7)
    for size in (1, 30, 30, 45, 3):
        ids = generator.integers(0, embedding.indexes.array.shape[0], size=size).tolist() + [0, 0]
        assert np.array_equal(vectors(ids), embedding(np.array([ids]))[0])
    assert len(vectors.rows) <= 50
