"""``python -m kg`` runs the command line.

Python puts the current folder first on the import path of ``python -m``, so a
``tqdm.py`` there would be imported in place of the installed one. By the time this
module runs, ``kg`` and what it imports at once are loaded (``python -P -m kg``, or the
``kg`` command, keeps the current folder out of those too); the folder is then taken
off the path, so what is imported later, here and in worker processes (which start
with this process's path), comes from where packages are installed. It stays when
``kg`` itself was found there: a source checkout run in place needs it.

A folder named ``kg`` in the current folder, without an ``__init__.py`` (an output
folder, say), is taken by Python for part of the package and hides its data files,
so ``python -m kg`` refuses to run there (``KG008``) rather than fail half-way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import kg


def _drop_current_folder() -> None:
    """Take the current folder that ``python -m`` put first off ``sys.path``, unless ``kg`` lives there."""
    here = os.getcwd()
    kg_lives_here = Path(__file__).resolve().parent.parent == Path(here).resolve()
    if sys.path and sys.path[0] in ("", here) and not kg_lives_here:
        del sys.path[0]


if __name__ == "__main__":
    if getattr(kg, "__file__", None) is None:
        # Nothing more is imported from a package Python put together from two folders.
        print("kg: error: KG008 kg: a folder named 'kg' in the current folder hides the installed package "
              "from python -m; run the kg command instead, or python -P -m kg", file=sys.stderr)
        sys.exit(1)
    _drop_current_folder()
    from kg.cli import run

    run()
