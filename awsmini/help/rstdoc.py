"""Help text as reStructuredText, written the way AWS CLI v2 writes it, HTML docs included.

Takes writes from the page builders and the models' HTML documentation;
returns rst text. v2 builds every help page this way, and its spacing quirks
(a space after each inline literal, before the following comma; leading
whitespace of text dropped; two-space indents per level) come from how it
writes, so this module keeps the same writing model: a list of writes, an
indent level, and one handler per HTML tag. Tags without a handler keep
their text and lose their markup. Pure: no I/O.
"""
from __future__ import annotations

from html.parser import HTMLParser

INDENT_WIDTH = 2


class RstDoc:
    """A growing rst document and v2's writing helpers."""

    def __init__(self) -> None:
        self.writes: list[str] = []
        self.level = 0
        self.keep_data = True
        self.in_paragraphs = True   # False inside <li>: v2 writes no paragraph breaks there
        self.list_depth = 0
        self.href: str | None = None

    # ------------------------------------------------------------- writing

    def write(self, text: str) -> None:
        if self.keep_data:
            self.writes.append(text)

    def writeln(self, text: str) -> None:
        self.write("%s%s\n" % (self.spaces(), text))

    def spaces(self) -> str:
        return " " * (self.level * INDENT_WIDTH)

    def indent(self) -> None:
        self.level += 1

    def dedent(self) -> None:
        self.level = max(0, self.level - 1)

    def new_paragraph(self) -> None:
        self.write("\n\n%s" % self.spaces())

    def new_line(self) -> None:
        self.write("\n%s" % self.spaces())

    def text(self) -> str:
        return "".join(self.writes)

    # ------------------------------------------------------------- blocks

    def start_codeblock(self) -> None:
        self.write("::")
        self.indent()
        self.new_paragraph()

    def end_codeblock(self) -> None:
        self.dedent()
        self.new_paragraph()

    def codeblock(self, code: str) -> None:
        self.start_codeblock()
        self.writeln(code)
        self.end_codeblock()

    def start_ul(self) -> None:
        if self.list_depth:
            self.indent()
        self.list_depth += 1
        self.new_paragraph()

    def end_ul(self) -> None:
        self.list_depth -= 1
        if self.list_depth:
            self.dedent()
        self.new_paragraph()

    def start_li(self) -> None:
        self.new_line()
        self.in_paragraphs = False
        self.write("* ")

    def end_li(self) -> None:
        self.in_paragraphs = True
        self.new_line()

    def li(self, text: str) -> None:
        if text:
            self.start_li()
            self.writeln(text)
            self.end_li()

    def start_admonition(self, directive: str) -> None:
        self.new_paragraph()
        self.write(".. %s::" % directive)
        self.indent()
        self.new_paragraph()

    def end_admonition(self) -> None:
        self.dedent()
        self.new_paragraph()

    # ------------------------------------------------------------- inline

    def start_inline(self, markup: str) -> None:
        self.write(markup)

    def end_inline(self, markup: str) -> None:
        # v2 strips the spaces before a closing tag, drops an empty element,
        # and always writes a space after the markup.
        last = self.writes.pop().rstrip(" ") if self.writes else ""
        if last == markup:
            return
        self.writes.append(last)
        self.write(markup + " ")

    def include_html(self, documentation: str) -> None:
        """Write a model's HTML documentation as v2 does."""
        if documentation:
            parser = _HtmlToRst(self)
            parser.feed(documentation)
            parser.close()
            parser.flush()


class _Node:
    def __init__(self, tag: str, attrs: list) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list = []
        self.parent: _Node | None = None


_HANDLED = {"b", "bold", "i", "italics", "p", "code", "note", "important", "danger",
            "a", "li", "ul", "ol", "examples", "fullname", "codeblock"}


class _HtmlToRst(HTMLParser):
    """Builds v2's tree of handled tags and writes it out on close."""

    def __init__(self, doc: RstDoc) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.root = self.current = _Node("", [])

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _HANDLED:
            return
        node = _Node(tag, attrs)
        node.parent = self.current
        self.current.children.append(node)
        self.current = node

    def handle_endtag(self, tag: str) -> None:
        if tag in _HANDLED and self.current.parent is not None:
            self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)

    def flush(self) -> None:
        _write_children(self.doc, self.root)
        self.root = self.current = _Node("", [])


def _write_children(doc: RstDoc, node: _Node) -> None:
    for child in node.children:
        if isinstance(child, str):
            _write_data(doc, child)
        else:
            if child.tag == "li":
                _lstrip(child)
            _START[child.tag](doc, child.attrs)
            _write_children(doc, child)
            _END[child.tag](doc)


def _write_data(doc: RstDoc, data: str) -> None:
    if not data:
        return
    if data.isspace():
        doc.write(" ")
        return
    text = " ".join(data.split())
    doc.write(text + " " if data[-1].isspace() else text)


def _lstrip(node: _Node) -> bool:
    """Strip leading whitespace of a list item up to its first text (v2 does)."""
    for index, child in enumerate(node.children):
        if isinstance(child, str):
            node.children[index] = child = child.lstrip()
            if child:
                return True
        elif _lstrip(child):
            return True
    return False


def _start_p(doc: RstDoc, attrs) -> None:
    if doc.in_paragraphs:
        doc.write("\n\n%s" % doc.spaces())


def _start_a(doc: RstDoc, attrs) -> None:
    href = dict(attrs or []).get("href")
    if attrs and href is not None:
        doc.href = href
        doc.write("`")
    elif not attrs:
        doc.write(" ")


def _end_a(doc: RstDoc) -> None:
    if doc.href is not None:
        last = doc.writes.pop().rstrip(" ") if doc.writes else ""
        if last and last != "`":
            doc.writes.append(last.replace(":", "\\:"))
            doc.writes.append(" <%s>`__" % doc.href)
        elif last == "`":
            doc.writes.append("`<%s>`__" % doc.href)
        else:
            doc.writes.append(doc.href)
            doc.write("`__")
        doc.href = None
    doc.write(" ")


def _keep(value: bool):
    def handler(doc: RstDoc, *attrs) -> None:
        doc.keep_data = value
    return handler


def _list_start(doc: RstDoc, attrs) -> None:
    doc.start_ul()


_START = {
    "b": lambda doc, attrs: doc.start_inline("**"),
    "bold": lambda doc, attrs: doc.start_inline("**"),
    "i": lambda doc, attrs: doc.start_inline("*"),
    "italics": lambda doc, attrs: doc.start_inline("*"),
    "code": lambda doc, attrs: doc.start_inline("``"),
    "p": _start_p,
    "note": lambda doc, attrs: doc.start_admonition("note"),
    "important": lambda doc, attrs: doc.start_admonition("warning"),
    "danger": lambda doc, attrs: doc.start_admonition("danger"),
    "a": _start_a,
    "li": lambda doc, attrs: doc.start_li(),
    "ul": _list_start,
    "ol": _list_start,
    "examples": _keep(False),
    "fullname": _keep(False),
    "codeblock": lambda doc, attrs: doc.start_codeblock(),
}
_END = {
    "b": lambda doc: doc.end_inline("**"),
    "bold": lambda doc: doc.end_inline("**"),
    "i": lambda doc: doc.end_inline("*"),
    "italics": lambda doc: doc.end_inline("*"),
    "code": lambda doc: doc.end_inline("``"),
    "p": lambda doc: _start_p(doc, None),
    "note": lambda doc: doc.end_admonition(),
    "important": lambda doc: doc.end_admonition(),
    "danger": lambda doc: doc.end_admonition(),
    "a": _end_a,
    "li": lambda doc: doc.end_li(),
    "ul": lambda doc: doc.end_ul(),
    "ol": lambda doc: doc.end_ul(),
    "examples": _keep(True),
    "fullname": _keep(True),
    "codeblock": lambda doc: doc.end_codeblock(),
}
