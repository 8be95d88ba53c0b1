"""Persons and organisations: NER spans made whole by rules (police units with their city, names in
quotes after `компания`, `ТОО`, `соцсеть`), names normalised to the nominative."""

from __future__ import annotations

import re

from . import resources
from .document import Document, NamedMention
from .morph import analyzer, lemmas

QUOTED = re.compile(r'"([^"\n]{1,80})"')
NAME_GRAMS = ("Name", "Surn", "Patr")
PLACE_PREFIXES = {"г", ".", "город", "города", "городу", "городе", "по"}


def person_name(text: str) -> str:
    """`Жандосу Суюнбаеву` -> `Жандос Суюнбаев`; words the dictionary does not know stay as written."""
    words = []
    for word in text.split():
        parse = next((p for p in analyzer()(word.lower()) if any(g in p.grams for g in NAME_GRAMS)), None)
        if parse is None or "nomn" in parse.grams:
            words.append(word)
            continue
        normal = parse.normalized
        words.append("-".join(part.capitalize() for part in normal.split("-")))
    return " ".join(words)


class EntityFinder:
    def __init__(self):
        self.acronyms = set(resources.words("org_acronyms.txt"))
        self.org_types = {w.lower() for w in resources.words("org_types.txt")}

    def __call__(self, doc: Document) -> None:
        rule_orgs = self._police_units(doc) + self._quoted(doc)
        taken = [(o.start, o.end) for o in rule_orgs]
        ner_orgs = []
        for mention in doc.mentions:
            overlaps = any(s < mention.end and mention.start < e for s, e in taken)
            if mention.type == "ORG" and not overlaps:
                name = mention.text.strip('"').strip()
                if name:
                    ner_orgs.append(NamedMention(name, mention.start, mention.end))
            elif mention.type == "PER":
                doc.persons.append(NamedMention(person_name(mention.text), mention.start, mention.end))
        doc.organisations = sorted(rule_orgs + ner_orgs, key=lambda o: o.start)

    def _police_units(self, doc: Document) -> list[NamedMention]:
        found = []
        starts = {p.start: p for p in doc.places}
        for sentence in doc.sentences:
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                j = i
                while j < len(tokens) and tokens[j].text in self.acronyms:
                    j += 1
                if j == i or all(t.text == "РК" for t in tokens[i:j]):
                    i += 1
                    continue
                end = tokens[j - 1].end
                k = j
                while k < len(tokens) and tokens[k].text.lower() in PLACE_PREFIXES:
                    k += 1
                if k < len(tokens) and tokens[k].start in starts:
                    end = starts[tokens[k].start].end  # `УКП ДП г. Алматы`, `ДП Павлодарской области`
                    j = next(n for n in range(k, len(tokens) + 1) if n == len(tokens) or tokens[n].start >= end)
                name = re.sub(r"\s+", " ", doc.normalized.text[tokens[i].start : end])
                found.append(NamedMention(name, tokens[i].start, end))
                i = j
        return found

    def _quoted(self, doc: Document) -> list[NamedMention]:
        found = []
        for sentence in doc.sentences:
            for match in QUOTED.finditer(sentence.text):
                before = [t for t in sentence.tokens if t.end <= sentence.start + match.start()][-3:]
                if any(self._is_org_type(t.text) for t in before):
                    name = match.group(1).strip()
                    start = sentence.start + match.start(1)
                    found.append(NamedMention(name, start, start + len(match.group(1))))
        return found

    def _is_org_type(self, word: str) -> bool:
        return word.lower() in self.org_types or bool(lemmas(word) & self.org_types)
