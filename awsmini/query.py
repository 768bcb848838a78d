"""Stage 11: `--query` -> a compiled JMESPath expression, applied to a document.

`compile_query` runs once, before any request is sent, so a syntax error costs
no call: v2 reports it as a parameter error (exit 252) with jmespath's own
text and caret lines. `apply_query` is pure; an error while evaluating (an
unknown function, a wrong argument type) is reported as v2 reports it, with
jmespath's message and exit 255. jmespath is imported only when a query is
given.
"""
from __future__ import annotations

from typing import Any

from awsmini.errors import OtherError, ParamValidationError


def compile_query(expression: str | None) -> Any:
    """The compiled form of `expression`, or None when there is no query.

    Raises ParamValidationError: `Bad value for --query EXPR: <jmespath's message>`.
    """
    if expression is None:
        return None
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        return jmespath.compile(expression)
    except JMESPathError as error:
        raise ParamValidationError("Bad value for --query %s: %s" % (expression, error)) from error


def apply_query(query: Any, data: Any) -> Any:
    """`data` filtered by the compiled `query`; `data` itself when there is none."""
    if query is None:
        return data
    from jmespath.exceptions import JMESPathError

    try:
        return query.search(data)
    except JMESPathError as error:
        raise OtherError(str(error)) from error
