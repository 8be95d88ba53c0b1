"""Stage 3: natasha/slovnet NER (PER, LOC, ORG) over the sentences of one or many documents, batched."""

from __future__ import annotations

from dataclasses import dataclass

from natasha import NewsEmbedding, NewsNERTagger
from natasha.ner import adapt_markup
from slovnet.chop import chop
from slovnet.exec.infer import text_words
from slovnet.markup import BIOMarkup

from .segment import Sentence

BATCH_SIZE = 32


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
        """`self.tagger.map` of the sentences' texts, step for step (the same batches), with the words
        razdel cut in the segmentation stage (slovnet would cut each sentence again, the same way:
        a fifth of the NER's time)."""
        infer = self.tagger.infer
        for chunk in chop(sentences, self.tagger.batch_size):
            items = [[t.text for t in s.tokens] if s.tokens else text_words(s.text) for s in chunk]
            preds = infer.decoder(infer.process(infer.encoder(items)))
            for sentence, item, pred in zip(chunk, items, preds, strict=False):  # (as slovnet zips)
                markup = BIOMarkup.from_tuples(zip(item, pred, strict=False))
                yield adapt_markup(markup.to_span(sentence.text))
