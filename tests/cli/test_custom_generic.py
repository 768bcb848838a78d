"""v2's customizations of single generic operations, against moto_server or offline:

- s3api select-object-content's `outfile` and its page; get-object's and
  head-object's `ExpiresString` (awscli/customizations/s3events.py)
"""
from __future__ import annotations

import pytest

_SELECT = ["--expression", "SELECT * FROM S3Object", "--expression-type", "SQL",
           "--input-serialization", '{"CSV": {}}', "--output-serialization", '{"CSV": {}}']


@pytest.fixture
def s3(run_cli, moto_reset, home):
    def run(*argv: str):
        return run_cli(["s3api", *argv, "--endpoint-url", moto_reset])

    assert run("create-bucket", "--bucket", "select-bucket").exit_code == 0
    (home / "data.csv").write_text("a,b\n1,2\n3,4\n")
    assert run("put-object", "--bucket", "select-bucket", "--key", "data.csv",
               "--body", "data.csv").exit_code == 0
    return run


def test_select_object_content_writes_the_records_to_the_outfile(s3, home):
    result = s3("select-object-content", "--bucket", "select-bucket", "--key", "data.csv",
                *_SELECT, "records.csv")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    # (moto ends its records with an empty line)
    assert (home / "records.csv").read_text().strip().splitlines() == ["a,b", "1,2", "3,4"]


def test_select_object_content_error_writes_no_file(s3, home):
    result = s3("select-object-content", "--bucket", "select-bucket", "--key", "missing.csv",
                *_SELECT, "records.csv")
    assert result.exit_code == 254
    assert "(NoSuchKey) when calling the SelectObjectContent operation" in result.stderr
    assert not (home / "records.csv").exists()


def test_select_object_content_needs_its_outfile(run_cli):
    result = run_cli(["s3api", "select-object-content", "--bucket", "b", "--key", "k", *_SELECT])
    assert result.exit_code == 252
    assert "the following arguments are required: outfile" in result.stderr


@pytest.mark.parametrize("option", ["--cli-input-json", "--generate-cli-skeleton"])
def test_select_object_content_has_no_cli_input_nor_skeleton(run_cli, option):
    result = run_cli(["s3api", "select-object-content", "--bucket", "b", "--key", "k",
                      *_SELECT, "out.csv", option, "{}"])
    assert result.exit_code == 252
    assert "Unknown options: %s" % option in result.stderr


def test_select_object_content_page_says_it_prints_nothing(run_cli):
    page = run_cli(["s3api", "select-object-content", "help"]).stdout
    output = page[page.index("\nOUTPUT\n"):]
    assert "This command generates no output." in output
    assert "Records ->" not in output
    assert "outfile (string)" in page
    assert "[outfile" not in page  # required: not in brackets
    assert "--cli-input-json" not in page


@pytest.mark.parametrize("operation", ["get-object", "head-object"])
def test_expires_is_documented_as_deprecated_with_expires_string(run_cli, operation):
    page = run_cli(["s3api", operation, "help"]).stdout
    output = page[page.index("\nOUTPUT\n"):]
    expires = output.index("Expires -> (timestamp)")
    note = output.index("This member has been deprecated. Please use ExpiresString instead.")
    replacement = output.index("ExpiresString -> (string)")
    assert expires < note < replacement < output.index("WebsiteRedirectLocation ->")
    assert "The raw, unparsed value of the Expires field." in output


def test_other_pages_have_no_expires_string(run_cli):
    assert "ExpiresString" not in run_cli(["s3api", "put-object", "help"]).stdout
