"""rst inline markup -> the plain text a man page shows, as docutils and groff show it.

Takes the text of one paragraph (or term, or list item); returns it with the
markup reduced: ``literal``, **strong**, *emphasis* and `title` become their
text between font changes (`typeset.BOLD` or `UNDERLINE`, then `ROMAN`,
where docutils writes `\\fB`, `\\fI`, `\\fP`), `title <url>`__ links their
(underlined) title, and references (links, standalone URIs, e-mail
addresses) are marked with `typeset.NO_HYPHEN`, where docutils
writes groff's `\\%`. Markup that does not close, or a reference without a
target, stays as typed, because docutils shows it so. Characters outside
ASCII are dropped, as groff's ASCII device drops the bytes docutils passes it.
Recognition follows docutils' rules: a start-string follows whitespace or
opening punctuation (or the end of markup that failed) and precedes
non-space; an end-string follows non-space and precedes whitespace or
punctuation. Pure: no I/O.
"""
from __future__ import annotations

import re
import unicodedata

from awsmini.help.typeset import BOLD, NBSP, NO_HYPHEN, ROMAN, UNDERLINE

_START_BEFORE = " \t\n-:/'\"<([{"
_END_AFTER = " \t\n-.,:;!?\\/'\")]}>"
_CANDIDATE = re.compile(r"[`*|:\\]")  # where markup, a role or an escape can start
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
        candidate = _CANDIDATE.search(text, index)
        if candidate is None:
            plain.append(text[index:])
            break
        if candidate.start() > index:  # nothing can start between here and there
            plain.append(text[index:candidate.start()])
            index = candidate.start()
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
            return BOLD + text[index + 2:end[0]] + ROMAN, end[1]
        return 2
    if _starts(text, index, "**", fresh):
        end = _end(text, index + 2, "**")
        if end:
            return BOLD + _unescape(text[index + 2:end[0]]) + ROMAN, end[1]
        return 2
    if _starts(text, index, "*", fresh):
        end = _end(text, index + 1, "*")
        if end:
            return UNDERLINE + _unescape(text[index + 1:end[0]]) + ROMAN, end[1]
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
                return UNDERLINE + _unescape(inner) + ROMAN, end[1]  # `title reference`
            link = _LINK.match(inner)
            if link:
                title = _unescape(link.group("title") or "") or link.group("url")
                return NO_HYPHEN + UNDERLINE + title + ROMAN, end[1]
            if end[1] - end[0] == 2:  # `name`_: its target is in the file
                return NO_HYPHEN + UNDERLINE + _unescape(inner) + ROMAN, end[1]
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
