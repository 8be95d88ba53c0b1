"""Stage 3: natasha/slovnet NER (PER, LOC, ORG) over the sentences of one or many documents, batched."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from natasha import NewsEmbedding, NewsNERTagger
from slovnet.bio import bio_spans
from slovnet.chop import chop
from slovnet.const import O
from slovnet.exec.infer import text_words
from slovnet.token import find_tokens

from .segment import Sentence

BATCH_SIZE = 32
MAX_WORDS = 100_000  # words whose NER ids are kept (~15 MB)
MAX_VECTORS = 20_000  # words whose embedding is kept dequantised (~24 MB)


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
        self._vectors = _Vectors(model.emb.word)

    def __call__(self, sentences: list[Sentence]) -> list[Mention]:
        # Sorting by length keeps the padding of each batch small; the order is restored below.
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].text))
        markups = self._map([sentences[i] for i in order])
        found: list[Mention] = []
        for i, spans in zip(order, markups, strict=True):
            sentence = sentences[i]
            for type_, low, high in spans:
                start, end = sentence.start + low, sentence.start + high
                found.append(Mention(type_, start, end, sentence.text[low:high]))
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
                yield _spans(sentence.text, item, pred)

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
        return _viterbi(self.tagger.infer.model.head.crf.transitions.array, batch, mask)

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
        # slovnet's WordShapeEmbedding, the words' vectors read from those dequantised before
        embedded = np.concatenate((self._vectors(words)[np.newaxis], model.emb.shape(shape_id)), axis=-1)
        found = _forward(model, embedded, word_id == word_pad)[0]
        return [
            found[start : start + len(word_ids)] for start, (word_ids, _) in zip(starts, ids, strict=True)
        ]


def _spans(text: str, words: list[str], tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, start, stop) of each span of slovnet's BIO markup of the words and their tags, as
    `BIOMarkup.from_tuples(zip(words, tags)).to_span(text)` gives them (natasha's `adapt_markup` keeps
    them as they are); a sentence tagged all `O`, most of them, has none, and no markup is made for it."""
    count = min(len(words), len(tags))  # (from_tuples zips them)
    if all(tag == O for tag in tags[:count]):
        return []
    tokens = find_tokens(text, words[:count])
    return [(span.type, span.start, span.stop) for span in bio_spans(tokens, tags[:count])]


def _ids(encoder, word: str) -> tuple[int, int]:
    word_ids, shape_ids = encoder.item([word])
    return word_ids[0], shape_ids[0]


class _Vectors:
    """navec's vectors of word ids (`NavecEmbedding`: a product-quantised table, dequantised anew for
    every word of every batch, 1.3 ms per 1 000 words), each word's dequantised once and kept: a batch's
    vectors are then one gather (0.1 ms per 1 000 words). The same numbers."""

    def __init__(self, embedding):
        self.embedding = embedding
        self.rows: dict[int, int] = {}  # a word id -> its row in the table
        self.table = np.empty((0, embedding.dim), dtype=embedding.codes.array.dtype)
        # (a row handed to two words would go unnoticed: one caller at a time, should threads share it)
        self.lock = threading.Lock()

    def __call__(self, word_ids: list[int]) -> np.ndarray:
        """The vectors of the ids, one row each (ids x dim)."""
        with self.lock:
            return self._gathered(word_ids)

    def _gathered(self, word_ids: list[int]) -> np.ndarray:
        rows = self.rows
        new = [word for word in dict.fromkeys(word_ids) if word not in rows]
        if new:
            if len(rows) + len(new) > MAX_VECTORS:
                rows.clear()
                new = list(dict.fromkeys(word_ids))
            start, end = len(rows), len(rows) + len(new)
            if end > len(self.table):
                table = np.empty((max(end, 2 * start, 1024), self.table.shape[1]), dtype=self.table.dtype)
                table[:start] = self.table[:start]
                self.table = table
            self.table[start:end] = self.embedding(np.array([new]))[0]
            rows.update(zip(new, range(start, end), strict=True))
        return self.table[[rows[word] for word in word_ids]]


def _forward(model, embedded: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """slovnet's `NER.__call__` (a CNN tagger: embedding, convolution layers, projection) from the
    embedding, the same operations on the same numbers (bit for bit: tests/test_ner.py), held as batch x
    seq x channels throughout (slovnet's encoder works on views of that, transposed): the convolutions
    as `_convolve`; ReLU, batch norm and the zeroing of the pads in place, in slovnet's order."""
    x = embedded
    for layer in model.encoder.layers:
        x = _convolve(layer.conv, x)
        x.clip(0, out=x)  # (ReLU: `input.clip(0)`)
        norm = layer.norm  # (`(input - mean) / std * weight + bias`, over the channels)
        x -= norm.mean.array
        x /= norm.std.array
        x *= norm.weight.array
        x += norm.bias.array
        x[pad_mask] = 0
    return model.head(x)


def _convolve(conv, x: np.ndarray) -> np.ndarray:
    """slovnet's `Conv1d.__call__` of batch x seq x in (returned as batch x seq x filters). slovnet pads
    the sequence with zeros and gathers the windows (batch x windows x in x kernel) through a view whose
    innermost run is the kernel's 3 values, which numpy copies 3 at a time: a third of the convolution's
    time. Here each kernel offset is copied as one slice of the sequence, and the pads written as zeros
    in place; the matrix is the same, and so is its product."""
    batch_size, seq_len, in_dim = x.shape
    filters_count, _, kernel_size = conv.weight.shape
    windows_count = seq_len + 2 * conv.padding - kernel_size + 1
    windows = np.empty((batch_size, windows_count, in_dim, kernel_size), dtype=x.dtype)
    for offset in range(kernel_size):
        shift = offset - conv.padding  # window w reads the sequence at w + shift
        low, high = max(0, -shift), min(windows_count, seq_len - shift)
        windows[:, :low, :, offset] = 0
        windows[:, high:, :, offset] = 0
        windows[:, low:high, :, offset] = x[:, low + shift : high + shift]
    windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
    weight = conv.weight.array.reshape(filters_count, in_dim * kernel_size)
    output = np.matmul(windows, weight.T)
    output += conv.bias.array
    return output.reshape(batch_size, windows_count, filters_count)


def _viterbi(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """slovnet's `CRF.decode`: the same sums in the same order and the same first best tag of each step;
    the best scores gathered by flat positions made once (slovnet makes index grids at every step), and
    the paths traced back for the whole batch at once."""
    batch_size, seq_len, tags_num = emissions.shape
    emissions = emissions.swapaxes(1, 0)
    mask = mask.swapaxes(1, 0)
    # the flat position of (sentence, previous tag 0, tag) in a step's scores (batch x tags x tags)
    base = np.arange(batch_size).reshape(batch_size, 1) * (tags_num * tags_num) + np.arange(tags_num)
    history = []
    score = emissions[0]  # batch x tags
    for index in range(1, seq_len):
        step = score.reshape(batch_size, tags_num, 1) + transitions
        step = step + emissions[index].reshape(batch_size, 1, tags_num)
        indexes = step.argmax(-2)  # batch x tags: the best previous tag of each tag
        best = step.take(indexes * tags_num + base)  # (its score)
        score = np.where(mask[index].reshape(batch_size, 1), best, score)
        history.append(indexes)
    sizes = mask.sum(0) - 1
    # path[p, b]: the tag of word p of sentence b; past its last word, its last tag
    path = np.empty((seq_len, batch_size), dtype=np.intp)
    tags = score.argmax(-1)
    path[seq_len - 1] = tags
    rows = np.arange(batch_size)
    for at in range(seq_len - 2, -1, -1):
        tags = np.where(at < sizes, history[at][rows, tags], tags)
        path[at] = tags
    return [path[: size + 1, index].copy() for index, size in enumerate(sizes.tolist())]
