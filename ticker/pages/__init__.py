"""Reading inputs: paths, folders, stdin, compressed files, zip archives, web archives (WARC) and
MHTML -> page text, its content hash, its capture times and its URL.

Everything here is about getting *text* out of what a user points us at; what the text means is
the parser's business. One module a concern:

- :mod:`~ticker.pages.model` — what this layer hands on (:class:`PageInput`, :class:`LoadedPage`,
  :class:`BadInput`, :class:`PageError`)
- :mod:`~ticker.pages.files` — :func:`expand` (arguments -> inputs) and :func:`load` (input -> page)
- :mod:`~ticker.pages.decode` — bytes -> text (BOMs, UTF-8, mixed pages, detection)
- :mod:`~ticker.pages.html` — HTML -> the text a reader sees, and the page's own URL
- :mod:`~ticker.pages.compressed`, :mod:`~ticker.pages.ziparchive`, :mod:`~ticker.pages.mhtml`,
  :mod:`~ticker.pages.webarchive` (with the hooks of :mod:`~ticker.pages.warc` and
  :mod:`~ticker.pages.arc`) — the containers pages come in
- :mod:`~ticker.pages.times` — capture times and their order of trust
"""

from ticker.pages.decode import decode
from ticker.pages.files import (
    HTML_HEAD_BYTES,
    PAGE_SUFFIXES,
    TEXT_HEAD_BYTES,
    InputBytes,
    expand,
    input_bytes,
    load,
    shown,
)
from ticker.pages.html import html_to_text, page_url
from ticker.pages.model import BadInput, LoadedPage, PageError, PageInput
from ticker.pages.times import capture_time, time_from_name

__all__ = [
    "PAGE_SUFFIXES",
    "TEXT_HEAD_BYTES",
    "HTML_HEAD_BYTES",
    "PageError",
    "PageInput",
    "LoadedPage",
    "BadInput",
    "expand",
    "input_bytes",
    "InputBytes",
    "load",
    "shown",
    "decode",
    "html_to_text",
    "page_url",
    "capture_time",
    "time_from_name",
]
