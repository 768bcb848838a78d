"""botocore's JSON response parsers, with the walk over the response compiled per shape.

botocore parses a response by dispatching on each value's shape type through
`getattr` and a method call per value, which dominates large listings (20,000
items cost about three times the JSON decoding itself). Here the same rules
are compiled once per shape into small closures: a structure keeps its
modelled members that are not null, in model order, renamed from their wire
names; lists and maps convert their items; scalars are converted exactly as
the protocol's parser converts them (rest-json: `int()`, `float()`, booleans
from strings; timestamps and blobs by the parser's configured functions).
Values, lists and maps needing no conversion are taken as they are (the
decoded document is the parser's own), and lists are converted in place, so
a large listing is not held twice. Anything unusual (tagged unions, header
locations, JSON-value headers, unknown types) goes through botocore's own
method, so the result is always botocore's.

Used by `call.py` through `ParserFactory`, which botocore's session takes in
place of its own factory. Only the `json` and `rest-json` protocols change.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from botocore import parsers
from botocore.utils import ensure_boolean

Converter = Optional[Callable[[Any], Any]]


class _CompiledWalk:
    """Mixin for botocore's JSON parsers: `_parse_shape` through per-shape converters."""

    _rest = False
    # provided by the botocore parser class this is mixed into
    _timestamp_parser: Callable[[Any], Any]
    _blob_parser: Callable[[Any], Any]
    _default_handle: Callable[[Any, Any], Any]

    def _parse_shape(self, shape: Any, node: Any) -> Any:
        converter = self._converter(shape)
        return node if converter is None else converter(node)

    def _converter(self, shape: Any) -> Converter:
        # botocore builds a new Shape object for each member reference, so
        # converters are keyed by the shape's name and its member-level
        # serialization traits (which is all that tells two references apart).
        key = (shape.name, repr(sorted(shape.serialization.items())))
        cache = self.__dict__.setdefault("_converters", {})
        if key in cache:
            return cache[key]
        # A placeholder first: recursive shapes refer to themselves.
        slot: list = [None]
        cache[key] = lambda value: slot[0](value)
        converter = self._compile(shape)
        slot[0] = converter if converter is not None else (lambda value: value)
        cache[key] = converter
        return converter

    def _compile(self, shape: Any) -> Converter:
        type_name = shape.type_name
        serialization = shape.serialization

        def generic(value: Any) -> Any:
            return self._generic(shape, value)

        if serialization.get("location") or serialization.get("jsonvalue"):
            return generic
        if type_name == "structure":
            return self._compile_structure(shape, generic)
        if type_name == "list":
            return self._compile_list(shape)
        if type_name == "map":
            return self._compile_map(shape)
        if type_name == "string":
            return None
        if type_name == "timestamp":
            return self._timestamp_parser
        if type_name == "blob":
            return self._blob_parser
        if type_name in ("integer", "long"):
            return int if self._rest else None
        if type_name in ("float", "double"):
            return float if self._rest else None
        if type_name == "boolean":
            return ensure_boolean if self._rest else None
        return generic

    def _generic(self, shape: Any, value: Any) -> Any:
        handler = getattr(self, "_handle_%s" % shape.type_name, self._default_handle)
        return handler(shape, value)

    def _compile_structure(self, shape: Any, generic: Callable) -> Converter:
        if shape.is_document_type or shape.is_tagged_union:
            return generic
        plan = []
        for name, member in shape.members.items():
            plan.append((name, member.serialization.get("name", name), self._converter(member)))

        def structure(value: Any) -> Any:
            if value is None:
                return None
            parsed = {}
            get = value.get
            for name, wire_name, convert in plan:
                raw = get(wire_name)
                if raw is not None:
                    parsed[name] = raw if convert is None else convert(raw)
            return parsed

        return structure

    def _compile_list(self, shape: Any) -> Converter:
        convert = self._converter(shape.member)
        if convert is None:
            return None

        def converted(node: Any) -> Any:
            if type(node) is not list:
                return [None if item is None else convert(item) for item in node]
            # In place: each wire item is freed as soon as its replacement
            # exists, so a large listing is never held twice.
            for index, item in enumerate(node):
                if item is not None:
                    node[index] = convert(item)
            return node

        return converted

    def _compile_map(self, shape: Any) -> Converter:
        key_shape, value_shape = shape.key, shape.value
        convert_key = self._converter(key_shape)
        convert_value = self._converter(value_shape)
        if convert_key is None and convert_value is None:
            return None

        def mapping(value: Any) -> Any:
            parsed = {}
            for key, item in value.items():
                if convert_key is not None:
                    key = convert_key(key)
                if convert_value is not None:
                    item = (convert_value(item) if item is not None
                            else self._generic(value_shape, item))
                parsed[key] = item
            return parsed

        return mapping


class JSONParser(_CompiledWalk, parsers.JSONParser):
    """The `json` protocol's parser with the compiled walk."""


class RestJSONParser(_CompiledWalk, parsers.RestJSONParser):
    """The `rest-json` protocol's parser with the compiled walk."""

    _rest = True


class ParserFactory(parsers.ResponseParserFactory):
    """botocore's parser factory, handing out the compiled-walk JSON parsers, each
    of its parsers checked (`CheckedParser`)."""

    _PARSERS = {"json": JSONParser, "rest-json": RestJSONParser}

    def create_parser(self, protocol_name: str) -> Any:
        parser_class = self._PARSERS.get(protocol_name)
        if parser_class is None:
            return CheckedParser(super().create_parser(protocol_name), protocol_name)
        return CheckedParser(parser_class(**self._defaults), protocol_name)


# What a parser raises when a well-formed body holds the wrong types (a string
# where the model has a list, "abc" for an integer): Python's own words.
_MALFORMED = (AttributeError, TypeError, ValueError, KeyError, IndexError)
_BODY_SHOWN = 2048  # characters of the body quoted in the message


class CheckedParser:
    """A response parser whose failure on a malformed body is botocore's
    `ResponseParserError`, worded as botocore words it for invalid XML ("Unable
    to parse response (...)"), instead of an AttributeError's text."""

    def __init__(self, parser: Any, protocol_name: str) -> None:
        self._parser, self._protocol = parser, protocol_name

    def parse(self, response: Any, shape: Any) -> Any:
        try:
            return self._parser.parse(response, shape)
        except parsers.ResponseParserError:
            raise
        except _MALFORMED as error:
            body = response.get("body", b"")
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else ""
            if len(text) > _BODY_SHOWN:
                text = text[:_BODY_SHOWN] + "..."
            kind = "JSON" if "json" in self._protocol else "XML"
            raise parsers.ResponseParserError(
                "Unable to parse response (%s), invalid %s received. Further retries may "
                "succeed:\n%s" % (error, kind, text)) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parser, name)
