"""spaCy pipeline components that teach the statistical model what it does not know.

Importing this package registers the factories with spaCy; :func:`kg.nlp.load_pipeline`
adds them to the model in the right places.
"""

from __future__ import annotations

from kg.pipeline.abbreviations import HonorificStops, add_abbreviations
from kg.pipeline.attributes import IndexedAttributeRuler, use_indexed_attribute_ruler
from kg.pipeline.entities import EntityReconciler
from kg.pipeline.gazetteer import GazetteerMatcher
from kg.pipeline.paragraphs import ParagraphBreaker

__all__ = [
    "EntityReconciler",
    "GazetteerMatcher",
    "HonorificStops",
    "IndexedAttributeRuler",
    "ParagraphBreaker",
    "add_abbreviations",
    "use_indexed_attribute_ruler",
]
