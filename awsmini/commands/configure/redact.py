"""Keep secrets out of the `--debug` log while credentials are resolved.

botocore logs the bodies of the responses it parses, and an STS or SSO answer
carries a secret key and a session token; a signed request carries the token
as a header. `redacted_log()` adds a filter to every handler of the root logger
(where `--debug` writes) that masks those values in each record, for as long
as the block runs. Pure apart from the handlers it adds itself to.
"""
from __future__ import annotations

import contextlib
import logging
import re
from typing import Iterator

_NAMES = r"SecretAccessKey|SessionToken|secretAccessKey|sessionToken|accessToken|Token"
PATTERNS = (
    (re.compile(r"<(%s)>[^<]*</\1>" % _NAMES), r"<\1>****</\1>"),  # query/XML answers
    (re.compile(r"([\"'](?:%s)[\"']\s*:\s*[\"'])[^\"']*" % _NAMES), r"\1****"),  # JSON
    (re.compile(r"((?:X-Amz-Security-Token|x-amz-security-token)[\"']?\s*[:=]\s*b?[\"']?)"
                r"[^\"'&,\s}]+"), r"\1****"),  # headers and presigned query strings
    (re.compile(r"((?:aws_secret_access_key|aws_session_token|aws_security_token)"
                r"\s*[=:]\s*[\"']?)[^\"'\s,}]+"), r"\1****"),  # file and dict forms
)


def redact(text: str) -> str:
    """`text` with every secret value it shows replaced by `****`."""
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class _Redactor(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot format itself is left to the handler
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


@contextlib.contextmanager
def redacted_log() -> Iterator[None]:
    handlers = list(logging.getLogger().handlers)
    redactor = _Redactor()
    for handler in handlers:
        handler.addFilter(redactor)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(redactor)
