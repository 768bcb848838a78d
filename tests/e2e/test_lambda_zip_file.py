"""lambda's `--zip-file` at the top level of create-function, end to end against moto."""
from __future__ import annotations

import io
import json
import zipfile

ROLE = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
    "Action": "sts:AssumeRole"}]})


def _archive(path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return 1\n")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _role(aws) -> str:
    made = aws("iam", "create-role", "--role-name", "fn", "--assume-role-policy-document", ROLE)
    assert made.returncode == 0, made.stderr
    return json.loads(made.stdout)["Role"]["Arn"]


def test_create_function_takes_the_zip_file_as_its_code(aws, tmp_path):
    data = _archive(tmp_path / "fn.zip")
    made = aws("lambda", "create-function", "--function-name", "fn", "--runtime", "python3.12",
               "--handler", "handler.handler", "--role", _role(aws),
               "--zip-file", "fileb://fn.zip")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["CodeSize"] == len(data)


def test_a_zip_file_that_is_no_archive_is_refused_before_anything_is_sent(aws, tmp_path):
    (tmp_path / "fn.txt").write_text("not a zip")
    made = aws("lambda", "create-function", "--function-name", "fn", "--runtime", "python3.12",
               "--handler", "h.h", "--role", "arn:aws:iam::123456789012:role/fn",
               "--zip-file", "fileb://fn.txt")
    assert made.returncode == 252
    assert made.stderr.splitlines()[1:3] == [
        "awsmini: [ERROR]: An error occurred (ParamValidation): --zip-file must be a zip file "
        "with the fileb:// prefix.", "Example usage:  --zip-file fileb://path/to/file.zip"]
    listed = aws("lambda", "list-functions")
    assert json.loads(listed.stdout)["Functions"] == []


def test_a_missing_zip_file_is_v2s_paramfile_error(aws):
    made = aws("lambda", "create-function", "--function-name", "fn", "--runtime", "python3.12",
               "--handler", "h.h", "--role", "arn:aws:iam::123456789012:role/fn",
               "--zip-file", "fileb://nowhere.zip")
    assert made.returncode == 252
    assert "Error parsing parameter '--zip-file': Unable to load paramfile " \
           "fileb://nowhere.zip" in made.stderr
