"""A `--query` expression being typed + the operation's output shape -> member names.

Takes the operation's model slice and the word typed so far (`things[].th`);
returns candidates whose text replaces the whole word, naming the members of
the shape the path has reached. Dotted names go through structures, and lists
(with any `[...]`: index, slice, filter or projection) to their members; after
any other JMESPath syntax (`|`, `,`, `{`, `(`, comparisons) the path starts
again from the output's top. Pure; an unknown name gives no candidates.
"""
from __future__ import annotations

import re
from typing import Mapping

from awsmini import models
from awsmini.prompt.candidates import Candidate, fuzzy_filter, meta_for

_QUERY_PARTIAL = re.compile(r"[A-Za-z0-9_]*$")
_QUERY_BRACKETS = re.compile(r"\[[^\]]*\]")


def candidates(model: models.ServiceModel, api_name: str, word: str) -> list[Candidate]:
    """Member names of the output shape for a `--query` path being typed (`things[].th`).

    Follows dotted names through structures, and lists (with any `[...]`) to their
    members; after any other JMESPath syntax it starts again from the top.
    """
    found = _QUERY_PARTIAL.search(word)  # matches at least the empty tail
    partial = found.group() if found else ""
    head = word[:len(word) - len(partial)]
    path = re.split(r"[|,{(&!<>=\s]", _QUERY_BRACKETS.sub("[]", head))[-1]
    shape = model.shapes.get(model.operations[api_name].get("output", {}).get("shape", ""), {})
    for segment in path.split("."):
        name = segment.split("[")[0]
        if name:
            shape = _query_member(model, shape, name)
        if segment.endswith("]") and shape.get("type") == "list":
            shape = model.shapes.get(shape["member"]["shape"], {})
    if shape.get("type") == "list":
        shape = model.shapes.get(shape["member"]["shape"], {})
    entries = [Candidate(head + name, display=name,
                         meta=meta_for(model.shapes.get(member["shape"], {}).get("type", ""),
                                       member.get("documentation", "")))
               for name, member in shape.get("members", {}).items()]
    return fuzzy_filter(entries, partial, key=lambda c: c.label)


def _query_member(model: models.ServiceModel, shape: Mapping, name: str) -> Mapping:
    if shape.get("type") == "list":
        shape = model.shapes.get(shape["member"]["shape"], {})
    member = shape.get("members", {}).get(name)
    return model.shapes.get(member["shape"], {}) if member else {}
