"""A partial shorthand value + its shape -> candidates for the key or value being typed.

Takes an operation's model slice, the option's shape name and the word typed so
far (`Key=a,Tags=[{Name=x,`); returns candidates whose text replaces the whole
word: structure members as `key=`, `key={` (structure or map) or `key=[`
(list), leaving out keys already given at that level; enum and boolean values
after `key=`; and `Autoclose brackets` while brackets are open, as v2 does.

Grammar read (enough of v2's shorthand to know where the cursor is):
    value     = struct / list / scalar
    struct    = ["{"] pair *("," pair) ["}"]
    pair      = key "=" value
    list      = "[" [value *("," value)] "]"
Quoted text is skipped. Pure; never raises on malformed input (no candidates).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from awsmini.models import ServiceModel
from awsmini.prompt.candidates import Candidate, fuzzy_filter, meta_for


@dataclass
class _Frame:
    shape: Mapping
    closer: str = ""            # the bracket that closes this level, "" for the top
    keys: set = field(default_factory=set)


def candidates(model: ServiceModel, shape_name: str, word: str) -> list[Candidate]:
    """Candidates for the shorthand `word` of a value of shape `shape_name`."""
    shape = model.shapes.get(shape_name, {})
    if shape.get("type") == "list":  # several words: each is one element
        shape = model.shapes.get(shape["member"]["shape"], {})
    state = _scan(model, shape, word)
    if state is None:
        return []
    stack, mode, token_start, value_shape = state
    partial = word[token_start:]
    found: list[Candidate] = []
    if mode == "key" and stack[-1].shape.get("type") == "structure":
        frame = stack[-1]
        entries = []
        for name, member in frame.shape.get("members", {}).items():
            if name in frame.keys:
                continue
            member_shape = model.shapes.get(member["shape"], {})
            suffix = {"structure": "={", "map": "={", "list": "=["}.get(
                member_shape.get("type"), "=")
            entries.append(Candidate(word[:token_start] + name + suffix, display=name + suffix,
                                     meta=meta_for(member_shape.get("type", "string"),
                                                   member.get("documentation",
                                                              member_shape.get("documentation", "")))))
        found = fuzzy_filter(entries, partial, key=lambda c: c.label)
    elif mode == "value" and value_shape is not None:
        values = list(value_shape.get("enum", []))
        if value_shape.get("type") == "boolean":
            values = ["true", "false"]
        found = fuzzy_filter([Candidate(word[:token_start] + v, display=v) for v in values],
                             partial, key=lambda c: c.label)
    closers = "".join(frame.closer for frame in reversed(stack) if frame.closer)
    if closers and not partial:
        found.append(Candidate(word + closers, display="Autoclose brackets"))
    return found


def _scan(model: ServiceModel, top: Mapping, word: str):
    """Walk `word`; return (frames, "key" | "value" | "after", start of the token, value shape)."""
    stack = [_Frame(top)]
    mode = "key" if top.get("type") in ("structure", "map") else "value"
    value_shape: Mapping | None = top if mode == "value" else None
    token_start, key, quote = 0, "", ""
    for index, char in enumerate(word):
        if quote:
            quote = "" if char == quote else quote
            continue
        if char in "'\"":
            quote = char
        elif mode == "key" and char == "=":
            key = word[token_start:index]
            stack[-1].keys.add(key)
            value_shape = _member_shape(model, stack[-1].shape, key)
            mode, token_start = "value", index + 1
        elif mode == "value" and char in "{[" and index == token_start:
            kind = (value_shape or {}).get("type")
            if char == "{" and kind in ("structure", "map"):
                stack.append(_Frame(value_shape or {}, "}"))
                mode, token_start = "key", index + 1
            elif char == "[" and kind == "list":
                stack.append(_Frame(value_shape or {}, "]"))
                value_shape = model.shapes.get((value_shape or {})["member"]["shape"], {})
                mode, token_start = "value", index + 1
            else:
                return None
        elif char == ",":
            frame = stack[-1]
            if frame.shape.get("type") == "list":
                value_shape = model.shapes.get(frame.shape["member"]["shape"], {})
                mode = "value"
            else:
                mode = "key"
            token_start = index + 1
        elif char in "}]" and mode != "key" or char in "}]" and index == token_start:
            if len(stack) == 1 or stack[-1].closer != char:
                return None
            stack.pop()
            mode, token_start, value_shape = "after", index + 1, None
    return stack, mode, token_start, value_shape


def _member_shape(model: ServiceModel, shape: Mapping, key: str) -> Mapping | None:
    if shape.get("type") == "map":
        return model.shapes.get(shape["value"]["shape"], {})
    member = shape.get("members", {}).get(key)
    return model.shapes.get(member["shape"], {}) if member else None
