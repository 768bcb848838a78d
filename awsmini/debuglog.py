"""`--debug`: every logger, botocore's included, to stderr in v2's format, secrets masked.

`start(stream)` sends the root logger to `stream` at DEBUG level. Unlike v2, each
record is passed through `redact` first: botocore logs the bodies of the
responses it parses (an STS or SSO answer carries a secret key and a session
token) and the headers of the requests it signs (the session token is one), and
a debug log is the first thing a user pastes into an issue. The prompt's Debug
panel uses the same `Redactor`.
"""
from __future__ import annotations

import logging
import re
from typing import IO

LOG_FORMAT = "%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s"

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


class Redactor(logging.Filter):
    """Masks the secrets a record would show (botocore logs response bodies whole)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot format itself is left to the handler
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def start(stream: IO[str]) -> None:
    """Every logger to `stream`, from DEBUG up, formatted as v2's log and redacted."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(Redactor())
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if getattr(h, "is_awsmini_debug", False) is False]
    handler.is_awsmini_debug = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
