"""HTML -> the text a reader sees: one line per block, list items bulleted, table cells apart.

>>> html_to_text("<ul><li>Nikkei<br>40,074.69</li><li>Dow</li></ul><script>x=1</script>").splitlines()
['  • Nikkei', '40,074.69', '  • Dow']

Minified markup has no whitespace between elements; a browser keeps their texts apart by layout
(a list, a table, a flex row of spans), and so does this, where texts would otherwise run
together into other numbers or names:

>>> html_to_text("<li><a><span>Straits Times Index</span><span>3,367.90</span>"
...              "<span>+29.33</span><span>(+0.88%)</span></a></li>")
'  • Straits Times Index 3,367.90 +29.33 (+0.88%)'
>>> html_to_text("<p>S<b>&amp;</b>P 500 and 1<sup>st</sup></p>")
'S&P 500 and 1st'

The engine is lexbor (through selectolax): the design notes in README say why.
"""

from __future__ import annotations

import html as entities
import re
from typing import Any, NamedTuple

__all__ = ["html_to_text", "html_page", "looks_like_html", "page_url"]

_BLOCK_TAGS = (
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead "
    "tfoot tr ul caption option"
).split()
_BLOCK_SET = frozenset(_BLOCK_TAGS)
_CELL_TAGS = frozenset(("td", "th"))
# What a reader never sees as text (head holds the title and metadata: not the page's text).
_SKIP_SET = frozenset(("script", "style", "noscript", "template", "svg", "math", "iframe", "button", "select", "object"))

# Markers the walk puts into the tree as text, undone below. Python's str.split() counts
# \x1c-\x1f as whitespace, so they are dealt with before whitespace is collapsed.
_SEAM = "\x1f"  # between any two text nodes (an element starts or ends there)
_CELL = "\x1e"  # after a table cell
_ITEM = "\x1d"  # where a list item starts
_LINE = "\x1c"  # where a block starts or ends: a line break
_BETWEEN_TAGS = re.compile("\x1f[ \t\r\n\x0c]*\n[ \t\r\n\x0c]*\x1f")  # a text node of whitespace only, with a newline
_BULLET_REACH = 3  # empty block boundaries: <li><div><div><h3>Name crosses 2
# Where an element boundary separates a letter or digit (or the end of a figure: "%", ")") from
# a digit or a sign, the texts are two figures or a name and a figure: keep them apart. Elsewhere
# ("<b>S</b>&P", "1<sup>st</sup>", "1,234<span>.56</span>") the texts are one word: glue.
# (Written to start with the seam, which the regex engine finds by a fast scan: starting with the
# look-behind, it tested every character of the page's text, a third of the conversion after the
# parse. Runs of seams are made one first, so the look-behind has a fixed width.)
# A figure then a capital ("238,45<span>EUR</span>", "50<span>Live</span>") is a figure and its
# unit or the next item's word: apart too; so is a figure then a CJK or Hangul word
# ("<span>000001</span><span>收盘 12-02</span>", "005930<span>코스피</span>"), and a word then an
# arrow before its number ("원</span><span>▲1,300"). A percent then a capital ("1,50%</b><small>Atualizado")
# is a figure and the next item's word. An icon font's ligature ("38,45<i>arrow_upward</i>R$ 0,57",
# a word joined by underscores) is a word of its own on both sides.
_NUMBER_SEAM = re.compile("\x1f(?=[-+\u2212\u2013(\\d\u25b2\u25bc\u25b3\u25bd\u2191\u2193])(?<=[^\\W_]\x1f|[%)]\x1f)"
                          "|\x1f(?=[A-Z\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?:(?<=\\d\x1f)|(?<=\\d%\x1f))")
_ICON_SEAMS = re.compile("\x1f([a-z]+(?:_[a-z]+)+)\x1f")
_SEAMS = re.compile("\x1f{2,}")


# What each element is to the walk below: the markers are the kinds (a block, a list item, a cell),
# "" an element that is none of those.
_PLAIN, _HIDDEN = "", "hidden"
_TAG_KINDS: dict[int, str] = {}  # lexbor's tag number -> kind, learnt as tags are met


def _tag_kind(node) -> str:
    """The kind of ``node``'s tag, remembered by its number: lexbor numbers the HTML, SVG and
    MathML tags once for all documents (the ones here are all such), and a tag it does not know
    (``fin-streamer``) by document, above those, so such a number is always plain."""
    tag = node.tag
    kind = _ITEM if tag == "li" else _LINE if tag in _BLOCK_SET else _CELL if tag in _CELL_TAGS else (
        _HIDDEN if tag in _SKIP_SET else _PLAIN)
    _TAG_KINDS[node.tag_id] = kind
    return kind


def html_to_text(html: str | bytes) -> str:
    """HTML (text, or bytes known to be UTF-8) -> text; scripts, styles, templates, SVG dropped."""
    return html_page(html)[0]


def html_page(html: str | bytes, *, emptied: bool = False) -> tuple[str, str | None]:
    """(:func:`html_to_text`, :func:`page_url`) of a page, from one parse. ``emptied``: the
    markup is already :func:`empty_unseen`'s."""
    from selectolax.lexbor import LexborHTMLParser  # only HTML pages pay for the engine

    url = page_url(html)
    tree = LexborHTMLParser(html if emptied else empty_unseen(html))
    body = tree.body
    if body is None:
        return "", url
    # One walk in document order, marking where blocks start and end, list items start and cells
    # end, and finding what no reader sees (a CSS query for the block tags costs four times the
    # walk on a 2 MB page, and strip_tags walks the tree once per tag). Elements are told apart by
    # their tag's number (a name is a new string per node: a third of the walk).
    kinds = _TAG_KINDS
    unseen = []
    for node in body.traverse():
        kind = kinds.get(node.tag_id)
        if kind is None:
            kind = _tag_kind(node)
        if not kind:  # _PLAIN
            continue
        if kind is _LINE:
            node.insert_before(_LINE)
            node.insert_after(_LINE)
        elif kind is _CELL:
            node.insert_after(_CELL)
        elif kind is _ITEM:
            node.insert_before(_LINE + _ITEM)
            node.insert_after(_LINE)
        else:
            unseen.append(node)
    for node in reversed(unseen):  # a nested one (an svg in a button) before the one around it
        node.decompose()
    # Whitespace between tags is a space (the newlines of laid-out markup break no line); the
    # newlines inside a text (a <p> of lines) still do, as in a text page.
    joined = body.text(separator=_SEAM)
    if _SEAM + _SEAM in joined:  # around an empty text node (rare)
        joined = _SEAMS.sub(_SEAM, joined)
    joined = _BETWEEN_TAGS.sub("\x1f \x1f", joined)
    if "_" in joined:
        joined = _ICON_SEAMS.sub(" \\1 ", joined)
    joined = _NUMBER_SEAM.sub(" ", joined).replace(_SEAM, "").replace(_CELL, " | ")
    lines: list[str] = []
    # A list item whose text starts in a block of its own (<li><a><h3>Name</h3></a>) keeps its
    # bullet on that text; one whose text comes many blocks down is a layout box holding a
    # widget (<li><div><div><section><header>…), and its first line is no list item.
    bullet = 0  # block boundaries the bullet may still cross
    for block in joined.split(_LINE):
        if not block or block.isspace() and block[0] != _ITEM:  # an empty block (most are)
            if bullet > 0:
                bullet -= 1
            continue
        is_item = block[:1] == _ITEM  # inserted with the line break before the item
        if is_item:
            block = block[1:]
        for raw in block.split("\n") if "\n" in block else (block,):
            text = " ".join(raw.split())
            if text:
                lines.append(f"  • {text}" if is_item or bullet > 0 else text)
                bullet, is_item = 0, False
        if is_item:  # the item's text is further down
            bullet = _BULLET_REACH
        elif not block.strip() and bullet > 0:
            bullet -= 1
    return "\n".join(lines), url


# Elements whose contents no reader sees and the HTML parser would still build: scripts and
# styles (raw text), SVG (a tree of paths). On a real quote page they are three quarters of the
# bytes; emptied first (2.4 ms), the parse of the real page takes 5.2 ms instead of 8.3. The
# element stays (empty), so the texts on either side stay two texts, as when the walk drops it.
_UNSEEN_TAGS = ("script", "style", "svg")
# Elements whose text is not markup (or not this page's), passed over whole, so that a "<script>"
# in them starts nothing: a title's, a text area's, an iframe's fallback, ...
_OPAQUE_TAGS = ("title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "math")
# HTML start tags that end an SVG image the parser is in (the "breakout" tags of foreign content)
_BREAKOUT = frozenset((
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing "
    "menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var font "
    "foreignobject math template script !").split())


class _Unseen(NamedTuple):
    start: Any  # a comment, or a start tag of those above
    ends: dict  # tag -> its end tag's pattern
    script_end: Any  # a script's end tag, or a comment's start (group 1) before it
    svg_tag: Any  # an svg start or end tag, "/" its group 1
    quoted: Any
    tag_rest: Any  # the rest of a start tag, to its ">"
    tags: Any  # ("/" of an end tag, name) of the tags in an SVG image; "!": a comment, CDATA
    lt: Any
    gt: Any
    comment_end: Any
    slash: Any
    empty: Any


_NAMES = _UNSEEN_TAGS + _OPAQUE_TAGS + ("plaintext",)
_FIRST = "".join(sorted({name[0] for name in _NAMES}))  # (a "<" followed by none of them: no match, quickly)
_UNSEEN: dict[type, _Unseen] = {
    kind: _Unseen(
        re.compile(cast(f"<(?=[!{_FIRST}{_FIRST.upper()}])(?:(!--)|({'|'.join(_NAMES)})(?=[\\s/>]))"), re.I),
        {tag: re.compile(cast(f"</{tag}(?=[\\s/>])"), re.I) for tag in _UNSEEN_TAGS + _OPAQUE_TAGS},
        re.compile(cast("<(?:(!--)|/script(?=[\\s/>]))"), re.I),
        re.compile(cast("<(?=[/sS])(/?)svg(?=[\\s/>])"), re.I),
        re.compile(cast("\"[^\"]*\"|'[^']*'")),
        re.compile(cast("(?:[^\"'>]+|\"[^\"]*\"|'[^']*')*>")),
        re.compile(cast("<(/?)([a-zA-Z][^\\s/>]*|!)")),
        cast("<"), cast(">"), cast("-->"), cast("/"), cast(""))
    for kind, cast in ((str, str), (bytes, str.encode))
}


def _tag_end(html: Any, at: int, u: _Unseen) -> int:
    """Where the start tag from ``at`` ends (its ">"), quoted attribute values passed over; -1: nowhere."""
    rest = u.tag_rest.match(html, at)
    return -1 if rest is None else rest.end() - 1


def _svg_end(html: Any, at: int, u: _Unseen) -> tuple[int, int] | None:
    """(start, end) of the end tag of the SVG image whose contents start at ``at`` (SVG images in it
    counted); None where there is none, or where the parser would end the image elsewhere (an HTML
    tag in it) or read some of it as no SVG."""
    depth = 1
    tag = u.svg_tag.search(html, at)
    while tag is not None:
        if tag.group(1):
            depth -= 1
            if depth == 0:
                close = html.find(u.gt, tag.end())
                if close < 0:
                    return None
                opened: set[str] = set()
                ended: set[str] = set()
                for end_tag, name in set(u.tags.findall(html, at, tag.start())):
                    (ended if end_tag else opened).add(name.lower() if isinstance(name, str) else name.decode("latin-1").lower())
                # an HTML tag ends the image early; an end tag of an element not opened in the
                # image closes elements around it
                if not opened.isdisjoint(_BREAKOUT) or not ended <= opened:
                    return None
                return tag.start(), close
        else:
            close = _tag_end(html, tag.end(), u)
            if close < 0:
                return None
            if html[close - 1:close] != u.slash:  # (a self-closed one is empty)
                depth += 1
        tag = u.svg_tag.search(html, tag.end())
    return None


def empty_unseen(html: Any) -> Any:
    """``html`` (text or bytes) with the contents (and attributes) of its scripts, styles and SVG
    images taken out.

    As the HTML parser reads them, a script or style ends at its first end tag whatever its text
    says; an SVG image ends at its own end tag (the images in it counted; a self-closed one is
    empty). Comments, titles, text areas and such are passed over whole. Wherever the parser
    might read the markup otherwise (an end tag missing, an HTML tag inside an SVG image, a
    comment inside a script), the rest is left as it is (the parser decides).

    >>> empty_unseen('<p>a</p><script type="x">if (a<b) f("</p>")</script ><svg><path d="M0"/></svg>b')
    '<p>a</p><script></script><svg></svg>b'
    >>> empty_unseen(b"<STYLE>p{}</style><script>never closed")
    b'<style></style><script>never closed'
    >>> empty_unseen('<a title="<script>">x</a><!-- <svg> -->y<script>1</script>')
    '<a title="<script>">x</a><!-- <svg> -->y<script></script>'
    """
    u = _UNSEEN[type(html)]
    found = u.start.search(html)
    if found is None:
        return html
    parts: list[Any] = []
    taken = pos = 0
    while found is not None:
        at = found.start()
        if found.group(1):  # a comment: to its end
            end_at = html.find(u.comment_end, found.end())
            if end_at < 0:
                break
            pos = end_at + 3
            found = u.start.search(html, pos)
            continue
        lt_at = html.rfind(u.lt, pos, at)
        if lt_at >= 0 and u.gt not in u.quoted.sub(u.empty, html[lt_at:at]):
            # inside a tag (an attribute's "<script>"): not one
            found = u.start.search(html, found.end())
            continue
        name = found.group(2).lower()
        tag = name if isinstance(name, str) else name.decode()
        if tag == "plaintext":
            break
        if tag == "svg":
            start_close = _tag_end(html, found.end(), u)
            if start_close < 0:
                break
            if html[start_close - 1:start_close] == u.slash:  # <svg .../>: an empty image
                pos = start_close + 1
                found = u.start.search(html, pos)
                continue
            span = _svg_end(html, start_close + 1, u)
            if span is None:
                break
            close = span[1]
        else:
            if tag == "script":  # its end, and whether a "<!--" comes first (it can move the end)
                # (one search: bytes.find of the "<!--" over a script's text cost twice the
                # search of its end; scripts are half the bytes of a real page)
                end = u.script_end.search(html, found.end())
                if end is not None and end.group(1):
                    break
            else:
                end = u.ends[tag].search(html, found.end())
            close = html.find(u.gt, end.end()) if end is not None else -1
            if close < 0:
                break
            if tag in _OPAQUE_TAGS:
                pos = close + 1
                found = u.start.search(html, pos)
                continue
        parts += (html[taken:at], _EMPTIED[type(html)][tag])
        taken = pos = close + 1
        found = u.start.search(html, pos)
    parts.append(html[taken:])
    return u.empty.join(parts)


_EMPTIED = {kind: {tag: cast(f"<{tag}></{tag}>") for tag in _UNSEEN_TAGS}
            for kind, cast in ((str, str), (bytes, str.encode))}


_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text, 0, 1024) is not None


def page_url(html: str | bytes) -> str | None:
    """The address a page gives for itself: ``<link rel="canonical">``, else ``og:url`` (absolute
    http(s) addresses only). Found by searching the markup for the two words (a CSS query on the
    parsed page costs a third of the parse).

    >>> page_url('<head><meta property="og:url" content="https://x.test/b">'
    ...          '<link rel="canonical" href="https://x.test/a?x=1&amp;y=2"></head>')
    'https://x.test/a?x=1&y=2'
    >>> page_url(b'<meta content="https://x.test/og" property="og:url"><link href="/rel" rel="canonical">')
    'https://x.test/og'
    >>> page_url("<p>no head</p>") is None
    True
    """
    as_bytes = isinstance(html, bytes)
    for word, tag, attribute in (("canonical", "link", _HREF), ("og:url", "meta", _CONTENT)):
        word_, tag_, lt, gt = (x.encode() for x in (word, tag, "<", ">")) if as_bytes else (word, tag, "<", ">")
        start = 0
        while (at := html.find(word_, start)) >= 0:  # type: ignore[arg-type]
            start = at + len(word)
            opened = html.rfind(lt, 0, at)  # type: ignore[arg-type]
            closed = html.find(gt, at)  # type: ignore[arg-type]
            if opened < 0 or closed < 0 or not html.startswith(tag_, opened + 1):  # type: ignore[arg-type]
                continue
            element = html[opened:closed]
            if isinstance(element, bytes):
                element = element.decode("utf-8", "replace")
            if not _REL_OR_PROPERTY.search(element):
                continue
            found = attribute.search(element)
            value = entities.unescape(next(g for g in found.groups() if g is not None)).strip() if found else ""
            if value.lower().startswith(("http://", "https://")):
                return value
    return None


_REL_OR_PROPERTY = re.compile(r"""\b(?:rel\s*=\s*["']?[^"'>]*\bcanonical\b|property\s*=\s*["']?og:url\b)""", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_CONTENT = re.compile(r"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
