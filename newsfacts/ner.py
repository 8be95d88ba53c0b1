"""Stage 3: natasha/slovnet NER (PER, LOC, ORG) over the sentences of one or many documents, batched."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from natasha import NewsEmbedding, NewsNERTagger
from natasha.ner import adapt_markup
from slovnet.chop import chop
from slovnet.exec.infer import text_words
from slovnet.markup import BIOMarkup

from .segment import Sentence

BATCH_SIZE = 32
MAX_WORDS = 100_000  # words whose NER ids are kept (~15 MB)


@dataclass(frozen=True, slots=True)
class Mention:
    type: str  # PER | LOC | ORG
    start: int  # offsets in the normalised text
    end: int
    text: str


class NER:
    """Loads the news NER model shipped inside the natasha package (no download) once."""

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.tagger = NewsNERTagger(NewsEmbedding())
        self.tagger.batch_size = batch_size
        self.tagger.infer.encoder.batch_size = batch_size
        # `_emissions` holds for a CNN whose pads embed to zero (slovnet's news NER): the gap between two
        # sentences is the convolutions' reach; another model is run slovnet's way
        encoder, model = self.tagger.infer.encoder, self.tagger.infer.model
        pads = model.emb(np.array([[encoder.words_vocab.pad_id]]), np.array([[encoder.shapes_vocab.pad_id]]))
        layers = getattr(model.encoder, "layers", None)
        self.gap = max(layer.conv.padding for layer in layers) if layers and not pads.any() else None
        self._ids: dict[str, tuple[int, int]] = {}  # a word -> its word and shape ids

    def __call__(self, sentences: list[Sentence]) -> list[Mention]:
        # Sorting by length keeps the padding of each batch small; the order is restored below.
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].text))
        markups = self._map([sentences[i] for i in order])
        found: list[Mention] = []
        for i, markup in zip(order, markups, strict=True):
            sentence = sentences[i]
            for span in markup.spans:
                start, end = sentence.start + span.start, sentence.start + span.stop
                found.append(Mention(span.type, start, end, sentence.text[span.start : span.stop]))
        return sorted(found, key=lambda m: (m.start, m.end))

    def _map(self, sentences: list[Sentence]):
        """`self.tagger.map` of the sentences' texts, batch for batch, with the words razdel cut in the
        segmentation stage (slovnet would cut each sentence again, the same way: a fifth of the NER's
        time), and each batch's sentences run through the network as one sequence (`_emissions`)."""
        infer = self.tagger.infer
        for chunk in chop(sentences, self.tagger.batch_size):
            items = [[t.text for t in s.tokens] if s.tokens else text_words(s.text) for s in chunk]
            if all(items) and self.gap is not None:
                preds = infer.decoder(self._tags([self._item(words) for words in items]))
            else:  # (a sentence of no words: slovnet's way, whatever it does with it)
                preds = infer.decoder(infer.process(infer.encoder(items)))
            for sentence, item, pred in zip(chunk, items, preds, strict=False):  # (as slovnet zips)
                markup = BIOMarkup.from_tuples(zip(item, pred, strict=False))
                yield adapt_markup(markup.to_span(sentence.text))

    def _item(self, words: list[str]) -> tuple[list[int], list[int]]:
        """slovnet's `encoder.item(words)`, each word's ids worked out once (its shape, its lower case)."""
        known = self._ids
        if len(known) > MAX_WORDS:
            known.clear()
        pairs = [
            known.get(word) or known.setdefault(word, _ids(self.tagger.infer.encoder, word)) for word in words
        ]
        return [w for w, _ in pairs], [s for _, s in pairs]

    def _tags(self, ids: list[tuple[list[int], list[int]]]) -> list:
        """slovnet's NERInfer.process of one batch: the tag ids of each sentence (its word and shape ids)."""
        emissions = self._emissions(ids)
        # the CRF reads slovnet's padded batch: each sentence alone, its pads masked
        longest = max(len(e) for e in emissions)
        batch = np.zeros((len(emissions), longest, emissions[0].shape[-1]), dtype=emissions[0].dtype)
        mask = np.zeros((len(emissions), longest), dtype=bool)
        for index, found in enumerate(emissions):
            batch[index, : len(found)] = found
            mask[index, : len(found)] = True
        return self.tagger.infer.model.head.crf.decode(batch, mask)

    def _emissions(self, ids: list[tuple[list[int], list[int]]]) -> list[np.ndarray]:
        """The network's scores for the words of each sentence. slovnet pads a batch's sentences to the
        longest one and convolves the pads too (nearly half of the positions in a news text's batch);
        here they follow each other in one sequence, `gap` pads between two: the convolutions reach
        `gap` positions to each side, the pad's embedding is zero and the encoder zeroes every pad again
        after each layer, as in slovnet's batch, so each sentence's scores are those of slovnet's batch
        (the same numbers, bit for bit: tests/test_ner.py)."""
        encoder, model = self.tagger.infer.encoder, self.tagger.infer.model
        word_pad, shape_pad = encoder.words_vocab.pad_id, encoder.shapes_vocab.pad_id
        words: list[int] = []
        shapes: list[int] = []
        starts: list[int] = []
        for word_ids, shape_ids in ids:
            starts.append(len(words))
            words += [*word_ids, *[word_pad] * self.gap]
            shapes += [*shape_ids, *[shape_pad] * self.gap]
        word_id, shape_id = np.array([words]), np.array([shapes])
        found = model(word_id, shape_id, word_id == word_pad)[0]
        return [
            found[start : start + len(word_ids)] for start, (word_ids, _) in zip(starts, ids, strict=True)
        ]


def _ids(encoder, word: str) -> tuple[int, int]:
    word_ids, shape_ids = encoder.item([word])
    return word_ids[0], shape_ids[0]
