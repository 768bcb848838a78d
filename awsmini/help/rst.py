"""The reStructuredText subset of help pages -> blocks -> a laid-out page.

Takes rst text as AWS CLI v2's help writer produces it (and as its example
files are written); places it on a `typeset.Page` as docutils' man page
writer followed by groff would. Grammar handled (indentation-based):

    document   = *( blank / block )
    block      = paragraph / literal / bullets / admonition / quote / comment / definition / title
    paragraph  = 1*text-line            ; ends at a blank line or an indent change
    literal    = paragraph ending "::" followed by an indented block
    bullets    = 1*( ("* " / "- " / 1*DIGIT ". ") text *indented-line )
    admonition = ".. " ("note" / "warning" / "danger" / "important") "::" indented-block
    quote      = indented-block         ; after a blank line
    comment    = ".. " anything indented-block
    definition = text-line indented-block   ; no blank line between: shown as `.TP`
    title      = text-line underline-line   ; a subsection (`.SS`) of the section

Inline markup (``literal``, **strong**, *emphasis*, `title <url>`__ links)
is reduced to its text, as the plain page shows it. Pure: no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from awsmini.help.typeset import NBSP, NO_HYPHEN, Page

QUOTE_INDENT = 84          # `.INDENT 3.5` (3.5n) in groff units
TAG_INDENT = 168           # `.TP`: the man macros' default indent, 7n
BULLET_INDENT = 48         # `.IP \(bu 2`

_BULLET = re.compile(r"^[*+-]( +|$)")
_ENUMERATOR = re.compile(r"^(\d+[.)]|\(\d+\))( +|$)")
_DIRECTIVE = re.compile(r"^\.\.\s+([\w-]+)::\s*(.*)$")
_ADMONITIONS = {"note": "NOTE:", "warning": "WARNING:", "danger": "DANGER:",
                "important": "IMPORTANT:", "tip": "TIP:", "caution": "CAUTION:",
                "attention": "ATTENTION:", "hint": "HINT:", "error": "ERROR:"}


@dataclass
class Block:
    """One rst body element: para, literal, bullets, admonition, quote or definition.

    Bullets keep each item's tag (`o`, or its number) in `lines`.
    """

    kind: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    children: list = field(default_factory=list)  # blocks; for bullets, one block list per item


# ------------------------------------------------------------------ parsing

def parse(text: str) -> list[Block]:
    """Blocks of an rst text."""
    return _parse(text.expandtabs(8).split("\n"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(lines: list[str]) -> list[str]:
    widths = [_indent(line) for line in lines if line.strip()]
    cut = min(widths) if widths else 0
    return [line[cut:] if line.strip() else "" for line in lines]


def _indented_block(lines: list[str], start: int, min_indent: int = 1) -> int:
    """End of the run of blank or indented lines from `start`."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= min_indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _parse(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif _indent(line):
            end = _indented_block(lines, index)
            blocks.append(Block("quote", children=_parse(_dedent(lines[index:end]))))
            index = end
        elif _is_title(lines, index):
            blocks.append(Block("title", text=inline_text(line.strip())))
            index += 2
        elif _BULLET.match(line):
            index = _parse_bullets(lines, index, blocks, _BULLET)
        elif _ENUMERATOR.match(line) and _is_item_end(lines, index + 1):
            index = _parse_bullets(lines, index, blocks, _ENUMERATOR)
        elif _DIRECTIVE.match(line):
            name, rest = _DIRECTIVE.match(line).groups()
            end = _indented_block(lines, index + 1)
            body = ([rest] if rest else []) + _dedent(lines[index + 1:end])
            if name in _ADMONITIONS and any(line.strip() for line in body):
                # without content docutils reports an error and shows no admonition
                blocks.append(Block("admonition", text=_ADMONITIONS[name], children=_parse(body)))
            index = end
        elif line.startswith(".. ") or line.rstrip() == "..":
            index = _indented_block(lines, index + 1)
        else:
            index = _parse_paragraph(lines, index, blocks)
    return blocks


def _is_title(lines: list[str], index: int) -> bool:
    """A line underlined with one punctuation character, at least as long: a section title."""
    if index + 1 >= len(lines):
        return False
    title, under = lines[index].rstrip(), lines[index + 1].rstrip()
    return (len(under) >= max(len(title), 2) and len(set(under)) == 1
            and under[0] in "=-~^*+#`:'\"._" and bool(title.strip()))


def _is_item_end(lines: list[str], index: int) -> bool:
    """An enumerator starts a list only when the next line is blank or indented."""
    return index >= len(lines) or not lines[index].strip() or _indent(lines[index]) > 0


def _parse_bullets(lines: list[str], index: int, blocks: list[Block], marker: re.Pattern) -> int:
    items, tags = [], []
    while index < len(lines) and marker.match(lines[index]):
        match = marker.match(lines[index])
        width = match.end() if lines[index][match.end():].strip() else len(match.group(1)) + 1
        end = _indented_block(lines, index + 1, width)
        body = [lines[index][match.end():]] + [l[width:] if l.strip() else "" for l in lines[index + 1:end]]
        items.append(_parse(body))
        tags.append("o" if marker is _BULLET else match.group(1))
        index = end
        while index < len(lines) and not lines[index].strip():
            index += 1
    blocks.append(Block("bullets", lines=tags, children=items))
    return index


def _parse_paragraph(lines: list[str], index: int, blocks: list[Block]) -> int:
    end = index
    while end < len(lines) and lines[end].strip() and not _indent(lines[end]):
        end += 1
    if end == index + 1 and end < len(lines) and lines[end].strip():
        # one line directly followed by an indented block: a definition list item
        stop = _indented_block(lines, end)
        blocks.append(Block("definition", text=inline_text(lines[index].rstrip()),
                            children=_parse(_dedent(lines[end:stop]))))
        return stop
    text = "\n".join(line.rstrip() for line in lines[index:end])
    if text.endswith("::") and end < len(lines):
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start < len(lines) and _indent(lines[start]):
            stop = _indented_block(lines, start)
            text = text[:-2].rstrip() if text[:-2].endswith((" ", "\n")) or text == "::" else text[:-1]
            if text.strip():
                blocks.append(Block("para", text=inline_text(text)))
            blocks.append(Block("literal", lines=_dedent(lines[start:stop])))
            return stop
    blocks.append(Block("para", text=inline_text(text)))
    return end


# ------------------------------------------------------------------ inline

_START_BEFORE = " \t\n-:/'\"<([{"
_END_AFTER = " \t\n-.,:;!?\\/'\")]}>"
_PAIRS = {"'": "'", '"': '"', "<": ">", "(": ")", "[": "]", "{": "}"}
_ROLE = re.compile(r":[\w.+-]+:`")
_LINK = re.compile(r"^(?:(?P<title>.*?)\s+)?<(?P<url>[^<>\s]+)>$", re.S)
# docutils' standalone hyperlinks: absolute URIs of known schemes and e-mail addresses.
_URI_SCHEMES = frozenset((
    "about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax "
    "feed file finger freenet ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra "
    "iioploc ilu im imap info ior ipp irc iris.beep iseek jar javascript jdbc ldap lifn "
    "livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp mupdate news nfs nntp "
    "opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp rwhois rx sdp "
    "service shttp sip sips smb snews snmp soap.beep soap.beeps ssh t120 tag tcp tel "
    "telephone telnet tftp tip tn3270 tv urn uuid vemmi videotex view-source wais whodp "
    "whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s").split())
_URIC = r"[-_.!~*'()\[\];/:@&=+$,%a-zA-Z0-9]"
_URI_END = r"(?:[_~*/=+a-zA-Z0-9]|" + _URIC + r"(?=>))"
_EMAILC = r"[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]"
_URI = re.compile(
    r"(?:^|(?<=[\s\"'(<\[{\-/:]))"
    r"(?:(?P<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(?://?)?" + _URIC + "*" + _URI_END
    + r"(?:\?" + _URIC + "*" + _URI_END + r")?(?:\#" + _URIC + "*" + _URI_END + r")?"
    r"|" + _EMAILC + r"+(?:\." + _EMAILC + r"+)*@" + _EMAILC + r"+(?:\." + _EMAILC + r"*)*"
    + _URI_END + r")"
    r"(?=$|[\s.,:;!?\\\-/'\")\]}>])")


def inline_text(text: str) -> str:
    """rst inline markup -> the plain text a man page shows (links by title).

    docutils' recognition rules apply: a start-string follows whitespace or
    opening punctuation and precedes non-space; an end-string follows
    non-space and precedes whitespace or punctuation. Markup that does not
    close stays as typed. Characters outside ASCII are dropped, as groff's
    ASCII device drops the UTF-8 bytes docutils passes it.
    """
    out: list[str] = []
    plain: list[str] = []
    index = fresh = 0
    while index < len(text):
        found = _markup_at(text, index, fresh)
        if isinstance(found, tuple):
            out.append(_mark_uris("".join(plain)))
            plain = []
            rendered, index = found
            out.append(rendered)
            continue
        if found:
            # a start-string without its end stays as typed; docutils reads on
            # from after it as if a new text began there
            out.append(_mark_uris("".join(plain)) + text[index:index + found])
            plain = []
            index = fresh = index + found
            continue
        char = text[index]
        if char == "\\":
            # an escaped character is plain text; escaped whitespace disappears
            following = text[index + 1: index + 2]
            if following and not following.isspace():
                plain.append(following)
            index += 2
            continue
        plain.append(char)
        index += 1
    out.append(_mark_uris("".join(plain)))
    return _ascii("".join(out))


def _may_precede(char: str) -> bool:
    """Whitespace, an opening bracket or quote, or a delimiter (docutils' start-string rule)."""
    return (char.isspace() or char in _START_BEFORE
            or (char > "\x7f" and unicodedata.category(char) in ("Ps", "Pi", "Pf", "Pd", "Po")))


def _may_follow(char: str) -> bool:
    """Whitespace, a closing bracket or quote, or a delimiter (docutils' end-string rule)."""
    return (char.isspace() or char in _END_AFTER
            or (char > "\x7f" and unicodedata.category(char) in ("Pe", "Pi", "Pf", "Pd", "Po")))


def _starts(text: str, index: int, marker: str, fresh: int = 0) -> bool:
    if not text.startswith(marker, index):
        return False
    before = text[index - 1] if index and index != fresh else " "
    after = text[index + len(marker): index + len(marker) + 1]
    if not _may_precede(before) or not after or after.isspace():
        return False
    if len(marker) == 1 and after == marker:
        return False  # "``" and "**" are never a "`" or "*" start-string
    return not (before in _PAIRS and _PAIRS[before] == after)


def _end(text: str, content: int, marker: str, suffixes: tuple[str, ...] = ("",)) -> tuple[int, int] | None:
    """(end-string position, position after it and its suffix) of the first valid end.

    `content` is where the marked-up text starts; it holds at least one character.
    """
    position = text.find(marker, content + 1)
    while position != -1:
        # an escaped end-string does not end markup, except in a literal
        if not text[position - 1].isspace() and (marker == "``" or text[position - 1] != "\\"):
            for suffix in suffixes:
                stop = position + len(marker) + len(suffix)
                if text.startswith(suffix, position + len(marker)) and (
                        stop == len(text) or _may_follow(text[stop])):
                    return position, stop
        position = text.find(marker, position + 1)
    return None


def _markup_at(text: str, index: int, fresh: int) -> tuple[str, int] | int:
    """(rendered markup, where it ends); or the length of a start-string that never ends; or 0."""
    if _starts(text, index, "``", fresh):
        end = _end(text, index + 2, "``")
        if end:
            return text[index + 2:end[0]], end[1]
        return 2
    if _starts(text, index, "**", fresh):
        end = _end(text, index + 2, "**")
        if end:
            return _unescape(text[index + 2:end[0]]), end[1]
        return 2
    if _starts(text, index, "*", fresh):
        end = _end(text, index + 1, "*")
        if end:
            return _unescape(text[index + 1:end[0]]), end[1]
        return 1
    if _starts(text, index, "|", fresh):
        # |substitution|: the pages define none, so docutils shows it as typed
        end = _end(text, index + 1, "|", ("__", "_", ""))
        return (text[index:end[1]], end[1]) if end else 1
    role = _ROLE.match(text, index)
    if role and _starts(text, role.end() - 1, "`"):
        end = _end(text, role.end(), "`")
        if end:
            link = _LINK.match(text[role.end():end[0]])
            return _unescape(link.group("title") if link else text[role.end():end[0]]), end[1]
    if _starts(text, index, "`", fresh):
        end = _end(text, index + 1, "`", ("__", "_", ""))
        if end:
            inner = text[index + 1:end[0]]
            if end[1] - end[0] == 1:
                return _unescape(inner), end[1]          # `title reference`
            link = _LINK.match(inner)
            if link:
                return NO_HYPHEN + (_unescape(link.group("title") or "") or link.group("url")), end[1]
            if end[1] - end[0] == 2:
                return NO_HYPHEN + _unescape(inner), end[1]  # `name`_: its target is in the file
            # an anonymous reference without a target: docutils shows the source
            return text[index:end[1]], end[1]
        return 1
    return 0


def _unescape(text: str) -> str:
    return re.sub(r"\\(\s)|\\(.)", lambda m: m.group(2) or "", text)


def _mark_uris(text: str) -> str:
    """Standalone URIs and e-mail addresses are references too: groff gets `\\%` before them.

    As docutils does: the leftmost match splits the text and both sides are
    searched again; a URI-like word with an unknown scheme (`HH:MM`) leaves the
    whole text plain.
    """
    match = _URI.search(text)
    if match is None:
        return text
    scheme = match.group("scheme")
    if scheme is not None and scheme.lower() not in _URI_SCHEMES:
        return text
    return (_mark_uris(text[:match.start()]) + NO_HYPHEN + match.group()
            + _mark_uris(text[match.end():]))


def _ascii(text: str) -> str:
    return "".join(char if char < "\x80" else (NBSP if char == NBSP else "") for char in text)


# ------------------------------------------------------------------ placing

def place(page: Page, blocks: list[Block], indent: int, first_is_child: bool = False) -> None:
    """Lay out `blocks` at `indent` units as docutils' man writer and groff would.

    A paragraph gets a blank line before it unless it is the first element of
    its container (`first_is_child`): a quote, a list item or an admonition.
    """
    for number, block in enumerate(blocks):
        is_first = first_is_child and number == 0
        if block.kind == "para":
            if not is_first:
                page.space()
            page.paragraph(block.text, indent)
        elif block.kind == "literal":
            page.space()
            page.literal(block.lines, indent + QUOTE_INDENT)
        elif block.kind == "quote":
            place(page, block.children, indent + QUOTE_INDENT, first_is_child=True)
        elif block.kind == "admonition":
            page.space()
            page.paragraph(block.text, indent)
            place(page, block.children, indent + QUOTE_INDENT, first_is_child=True)
        elif block.kind == "bullets":
            _place_bullets(page, block, indent)
        elif block.kind == "definition":
            _place_definition(page, block, indent)
        elif block.kind == "title":
            page.subheading(block.text)


def _place_definition(page: Page, block: Block, indent: int) -> None:
    """`.TP`: the term, then its body 7n in; on the term's line when the term is short."""
    page.space()
    body = indent + TAG_INDENT
    children = block.children
    term_fits = (len(block.text.replace(NO_HYPHEN, "")) + 1) * 24 <= TAG_INDENT
    if term_fits and children and children[0].kind == "para":
        page.paragraph(children[0].text, body, tag=block.text.replace(NO_HYPHEN, ""),
                       tag_indent=indent)
        place(page, children[1:], body)
        return
    page.paragraph(block.text, indent)
    place(page, children, body, first_is_child=True)


def _place_bullets(page: Page, block: Block, indent: int) -> None:
    """`.IP \\(bu 2` per bullet item; `.IP 1. 3` (enumerator width plus one) when numbered."""
    width = BULLET_INDENT if block.lines[0] == "o" else (max(map(len, block.lines)) + 1) * 24
    for tag, item in zip(block.lines, block.children):
        page.space()
        body = indent + width
        if item and item[0].kind == "para":
            page.paragraph(item[0].text, body, tag=tag, tag_indent=indent)
            place(page, item[1:], body)
        else:
            page.paragraph("", body, tag=tag, tag_indent=indent)
            place(page, item, body, first_is_child=True)
