"""Read a folder of scraped news articles: :class:`~kg.types.Article` records, whatever the file kind.

Articles come one per file (``.txt``, ``.html``, ``.htm``) or as records of a file
(``.jsonl``, ``.json``, ``.csv``), in the folder or its subfolders; a reader per kind
(:data:`kg.sources.corpus.READERS`), the same checks and records for all.

The input is messy, so every file is checked and each trouble becomes one coded,
one-line :class:`~kg.types.Problem` naming the file and what to do; the run goes on.
Only a folder that cannot be a corpus at all raises :class:`~kg.errors.KgError`.

Codes
-----
Raised (:class:`~kg.errors.KgError`):

``KG101``  the folder does not exist
``KG102``  the path is not a folder
``KG103``  the folder has no article files (of a kind in :data:`~kg.sources.corpus.READERS`)
``KG104``  the folder cannot be listed (permissions)
``KG190``  the furniture rules file is malformed (see :mod:`kg.sources.furniture`)

Yielded per article file (``skipped=True``: no article; ``False``: a warning, and
the article follows right after it):

``KG110``  skipped: empty or only whitespace
``KG111``  skipped: binary (NUL bytes or mostly control bytes), not text
``KG112``  warning: not UTF-8; decoded with the encoding named in the message
``KG113``  skipped: not UTF-8 and no encoding decodes it sensibly
``KG114``  skipped: larger than ``Settings.max_bytes`` (never read into memory)
``KG115``  warning: an HTML page, not text; its visible text was extracted
``KG116``  skipped: not English
``KG117``  skipped: the same article as an earlier file (same ``Article.digest``)
``KG118``  skipped: the file cannot be opened or read, or changed as it was read
``KG119``  skipped: a link to a file outside the folder, not read (``Settings.follow_links``
           reads it)
``KG120``  skipped: a folder, named pipe, socket or device named like an article, never opened
``KG121``  skipped: a link in a loop, or a link to nothing
``KG122``  warning: no publication date (not in ``metadata.csv``, the file or a date line),
           and the text has relative dates ("on Tuesday", "last week") that stay undated
``KG123``  skipped: an article with the id of one read earlier (records with one ``id``)
``KG124``  skipped: a file of a kind no reader reads (a ``.pdf``, a ``.docx``...), never
           opened; a ``README`` and the folder's ``metadata.csv`` are not articles and
           get no line
``KG125``  skipped: a record that is not well-formed (a ``.jsonl`` line that is not JSON,
           an item that is not an object, a ``.json`` or CSV file that does not parse)
``KG126``  skipped: a record without its text field, or a ``.csv`` file without its text
           column (``kg build --fields text=NAME`` names it)
``KG127``  warning: a record's ``published`` value that is not a date: ignored

Faults of records are given one line per kind and file, naming the first record and
counting the others (:class:`kg.sources.records.Faults`).

Yielded for ``metadata.csv`` before the articles (never stop the run, never keep an
article out, so always ``skipped=False``):

``KG201``  metadata.csv unreadable, binary, undecodable, too large, not a file, or a link
           out of the folder (never followed): all of it is ignored
``KG202``  no header row (the first row has no ``file`` column)
``KG203``  a ``published`` value that is not YYYY-MM-DD: that date is ignored
``KG204``  a row names no article of the folder (by its path from the folder, or a
           record's id)
``KG205``  a second row for the same file: the later row is ignored
``KG206``  metadata.csv is not UTF-8; decoded with the encoding named in the message
``KG207``  a row without a file name: ignored
``KG208``  a line that is not a CSV row (a quote left open on it, say): that line is
           ignored, and the lines after it are read as rows
``KG209``  an unknown column: ignored
``KG210``  more than ``MAX_PROBLEMS`` (20) problems: one line counts the ones not listed
``KG211``  a line over ``MAX_LINE_CHARS`` (100,000) characters: ignored

Texts are decoded (a UTF-8 byte-order mark is dropped), line ends normalised to
``\\n``, and HTML reduced to its visible text; ``Article.text`` is that result, the
text "as read" that every offset refers to. Hidden files (names starting with a
dot) are not articles. Nothing outside the folder is read through a link, unless
``Settings.follow_links`` allows it for articles (:mod:`kg.sources.files`).

One module per step, in the order the data flows:

* :mod:`kg.sources.corpus`: lists the folder and its subfolders, reads each file's
  bytes and hands them to the reader for the file's suffix, applies ``metadata.csv``,
  then runs the checks (:func:`read_corpus`, :func:`count_articles`;
  ``KG101``-``KG104``, ``KG114``, ``KG118``-``KG121``, ``KG124``), by way of
  :mod:`kg.sources.files` (a name of the folder to its bytes, never led out of it);
* the readers, one per format, each an :class:`~kg.sources.reading.InputFile` to raw
  articles, all starting with :mod:`kg.sources.reading` (bytes to text,
  ``KG111``-``KG113``, and a page where prose was expected to its visible text,
  ``KG115``, by way of :mod:`kg.sources.decode` and :mod:`kg.sources.html_text`):
  :mod:`kg.sources.txt`; :mod:`kg.sources.html_page` (a page, its title, date and url
  from its head); :mod:`kg.sources.jsonl` and :mod:`kg.sources.csv_rows`, by way of
  :mod:`kg.sources.records` (a record to an article, ``KG125``-``KG127``);
* :mod:`kg.sources.check`: a raw article to an :class:`~kg.types.Article` or a
  problem, whatever file it came from (``KG110``, ``KG116``, ``KG117``, ``KG122``,
  ``KG123``), by way of :mod:`kg.sources.language` (is it English?),
  :mod:`kg.sources.furniture` (page furniture and the wire dateline) and
  :mod:`kg.sources.dated` (the date line: the publication date after ``metadata.csv``
  and the file's own);
* :mod:`kg.sources.metadata`: ``metadata.csv`` (``KG201``-``KG211``).
"""

from __future__ import annotations

from kg.sources.corpus import count_articles, read_corpus
from kg.sources.html_text import html_to_text
from kg.sources.language import is_english
from kg.sources.metadata import METADATA_FILE, ArticleMeta, read_metadata

__all__ = [
    "METADATA_FILE",
    "ArticleMeta",
    "count_articles",
    "html_to_text",
    "is_english",
    "read_corpus",
    "read_metadata",
]
