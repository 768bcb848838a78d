"""The exception families of awsmini, each carrying its exit code.

Stages raise these; only `main.py` turns them into a message on stderr and an
exit code. The message of each exception is AWS CLI v2's text without the
`aws: [ERROR]: ` prefix; `error_format.py` lays it out in the format chosen.
"""
from __future__ import annotations


class AwsminiError(Exception):
    """Base of every error awsmini reports; `exit_code` is what the process returns."""

    exit_code = 255

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def error_text(self) -> str:
        """The text after `[ERROR]: `."""
        return self.message


class UsageError(AwsminiError):
    """argparse-style usage errors: bad choices, missing required arguments.

    v2 prints them as a ParamValidation error followed by the usage banner.
    """

    exit_code = 252
    show_usage = True

    def __init__(self, message: str = "", suggestions: "list[str] | tuple" = ()) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions)

    def error_text(self) -> str:
        return "An error occurred (ParamValidation): " + self.message


class ParamValidationError(UsageError):
    """A value that cannot be parsed or fails the model's validation."""

    show_usage = False


class UnknownOptionsError(AwsminiError):
    """Words on the command line that no argument takes (v2: no ParamValidation prefix)."""

    exit_code = 252
    show_usage = True


class ConfigurationError(AwsminiError):
    """No region, no credentials, a pager that cannot start: exit 253."""

    exit_code = 253

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code

    def error_text(self) -> str:
        return "An error occurred (%s): %s" % (self.code or "Configuration", self.message)


class ServiceError(AwsminiError):
    """The service answered with an error: exit 254.

    The message is botocore's sentence (`An error occurred (Code) when calling
    ...`). `fields` is v2's error info: the response's `Code` and `Message` and
    the error shape's modelled fields, which v2 prints under `Additional error
    details:` or as a whole with `--cli-error-format json`; None when the
    response had no `Error`.
    """

    exit_code = 254

    def __init__(self, message: str, fields: dict | None = None) -> None:
        super().__init__(message)
        self.fields = fields


class Interrupted(AwsminiError):
    """Ctrl-C: exit 130."""

    exit_code = 130


class OtherError(AwsminiError):
    """Anything else v2 reports with exit 255 (connection failures, bad region names)."""

    exit_code = 255
