"""Events: found in each parsed article (:mod:`kg.events.find`, the sides and issues of
disputes and cooperation by :mod:`kg.events.disputes`), then merged across articles once
mentions are resolved (:mod:`kg.events.merge`), all with the vocabulary of the data files
(:mod:`kg.events.lexicon`).

The package itself imports none of them: finding runs in the worker processes, which
need neither merging nor the resolver it works with.
"""

from __future__ import annotations

__all__: list[str] = []
