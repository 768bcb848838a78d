"""`configure import --csv`: the console's credentials CSV -> profiles of the credentials file.

The CSV is read as v2's `awscli/customizations/configure/importer.py` reads it:
the first line names the columns (case and spaces around names ignored, a BOM
dropped), and `User name`, `Access key ID` and `Secret access key` must be
among them; each further line is split at commas and must have the three (or,
with `--skip-invalid`, is left out). Every row becomes the profile
`<prefix><user name>` with its two keys, written in one locked edit of the file.
"""
from __future__ import annotations

import codecs
import os
from typing import Any, Mapping, NamedTuple

from awsmini.commands import Context
from awsmini.commands.configure.editor import InvalidValue, update_section
from awsmini.commands.configure.files import config_files, parse_ini
from awsmini.commands.configure.permissions import warn_if_permissive
from awsmini.commands.configure.store import edit_file
from awsmini.errors import OtherError

HEADERS = ("User Name", "Access Key ID", "Secret Access key")  # v2's spelling in its messages


class ImportedKey(NamedTuple):
    user: str
    access_key: str
    secret_key: str


class CredentialsCsvError(ValueError):
    """A CSV without the columns, or a row without a value (v2's messages)."""


def parse_credentials_csv(text: str, strict: bool = True) -> list[ImportedKey]:
    """The rows of a console credentials CSV (pure)."""
    if not text.strip():
        raise CredentialsCsvError("Provided CSV contains no contents")
    lines = text.splitlines()
    columns = [_column(name) for name in lines[0].split(",")]
    indices = []
    for header in HEADERS:
        if _column(header) not in columns:
            raise CredentialsCsvError('Expected header "%s" not found' % header)
        indices.append(columns.index(_column(header)))
    keys = []
    for number, line in enumerate(lines[1:], start=1):
        cells = line.split(",")
        values = [cells[index].strip() if index < len(cells) else "" for index in indices]
        missing = [header for header, value in zip(HEADERS, values) if not value]
        if missing:
            if not strict:
                continue
            raise CredentialsCsvError('Failed to parse entry #%d: Row missing value for header '
                                      '"%s"' % (number, missing[0]))
        keys.append(ImportedKey(*values))
    return keys


def _column(name: str) -> str:
    if name.startswith(codecs.BOM_UTF8.decode()):
        name = name[1:]
    return name.lower().strip()


def run_import(args: Mapping[str, Any], context: Context) -> int:
    text = args["csv"]
    if "\n" not in text and os.path.exists(text) and not text.startswith("file://"):
        raise OtherError("You may be passing a file to import without the 'file://' prefix. "
                         "To import a CSV file, use --csv file://path/to/file.csv")
    path = config_files(context.env.environ).credentials
    warn_if_permissive(path, context)
    try:
        keys = parse_credentials_csv(text, strict=not args["skip-invalid"])
    except CredentialsCsvError as error:
        raise OtherError(str(error)) from error
    prefix = args["profile-prefix"] or ""

    def edit(current: str) -> str:
        parse_ini(current, path)
        try:
            for key in keys:
                current = update_section(current, prefix + key.user, {
                    "aws_access_key_id": key.access_key,
                    "aws_secret_access_key": key.secret_key})
        except InvalidValue as error:
            raise OtherError(str(error)) from error
        return current

    if keys:
        edit_file(path, edit)
    context.write("Successfully imported %d profile(s)\n" % len(keys))
    return 0
