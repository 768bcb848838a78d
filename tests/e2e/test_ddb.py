"""`ddb put` and `ddb select` end to end against moto_server: what is stored, what is
printed, each option, paging, and v2's errors and exit codes."""
from __future__ import annotations

import pytest


def _client(endpoint: str):
    import botocore.session

    return botocore.session.get_session().create_client(
        "dynamodb", region_name="us-east-1", endpoint_url=endpoint,
        aws_access_key_id="AKIDTEST", aws_secret_access_key="secret")


@pytest.fixture
def table(aws, moto_reset):
    client = _client(moto_reset)
    client.create_table(
        TableName="songs", BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "artist", "AttributeType": "S"},
                              {"AttributeName": "year", "AttributeType": "N"},
                              {"AttributeName": "genre", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "artist", "KeyType": "HASH"},
                   {"AttributeName": "year", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{
            "IndexName": "by-genre", "Projection": {"ProjectionType": "ALL"},
            "KeySchema": [{"AttributeName": "genre", "KeyType": "HASH"}]}])
    return client


def _put(aws, items: str, *extra: str):
    result = aws("ddb", "put", "songs", items, *extra)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_put_one_item_stores_typed_values(aws, table):
    _put(aws, "{artist: A, year: 1999, rating: 4.50, tags: !!set {x, y}, "
              "cover: !!binary aGk=, live: false, extra: null, words: [1, two]}")
    item = table.get_item(TableName="songs", Key={"artist": {"S": "A"},
                                                  "year": {"N": "1999"}})["Item"]
    assert item["rating"] == {"N": "4.50"}
    assert sorted(item["tags"]["SS"]) == ["x", "y"]
    assert item["cover"] == {"B": b"hi"}
    assert item["live"] == {"BOOL": False}
    assert item["extra"] == {"NULL": True}
    assert item["words"] == {"L": [{"N": "1"}, {"S": "two"}]}


def test_put_a_json_list_writes_every_item(aws, table):
    items = ",".join('{"artist": "B", "year": %d}' % year for year in range(30))
    _put(aws, "[%s]" % items)  # more than one BatchWriteItem's 25
    assert table.scan(TableName="songs")["Count"] == 30


def test_put_reads_standard_input_and_files(aws, table, tmp_path):
    result = aws("ddb", "put", "songs", "-", stdin="- {artist: C, year: 1}\n"
                 "- {artist: C, year: 2}\n")
    assert (result.returncode, result.stderr) == (0, "")
    (tmp_path / "items.yaml").write_text("{artist: D, year: 3}")
    assert aws("ddb", "put", "songs", "file://items.yaml").returncode == 0
    assert table.scan(TableName="songs")["Count"] == 3


def test_put_condition_fails_as_a_service_error(aws, table):
    _put(aws, "{artist: A, year: 1}", "--condition", "attribute_not_exists(artist)")
    result = aws("ddb", "put", "songs", "{artist: A, year: 1}",
                 "--condition", "attribute_not_exists(artist)")
    assert (result.returncode, result.stdout) == (254, "")
    assert "ConditionalCheckFailedException" in result.stderr


def test_put_condition_with_several_items_is_refused(aws, table):
    result = aws("ddb", "put", "songs", "[{artist: A, year: 1}, {artist: A, year: 2}]",
                 "--condition", "attribute_not_exists(artist)")
    assert result.returncode == 252
    assert result.stderr.strip().endswith("--condition is not supported for multiple items")
    assert table.scan(TableName="songs")["Count"] == 0


@pytest.fixture
def songs(aws, table):
    _put(aws, "[{artist: A, year: 1990, genre: rock, rating: 4.5, cover: !!binary aGk=},"
              " {artist: A, year: 2000, genre: pop, rating: 3},"
              " {artist: B, year: 1995, genre: rock}]")
    return table


def test_select_scans_and_prints_plain_values_as_yaml(aws, songs):
    result = aws("ddb", "select", "songs", "--filter", "genre = \"rock\" AND year < 1995")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Count: 1\nItems:\n- artist: A\n  cover: !!binary \"aGk=\"\n  genre: rock\n"
        "  rating: 4.5\n  year: 1990\nScannedCount: 3\n")


def test_select_queries_with_a_key_condition_and_projection(aws, songs):
    result = aws("ddb", "select", "songs", "--key-condition", "artist = \"A\" AND year > 1990",
                 "--projection", "year,", "rating")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Count: 1\nItems:\n- rating: 3\n  year: 2000\nScannedCount: 1\n"


def test_select_from_an_index(aws, songs):
    result = aws("ddb", "select", "songs", "--index-name", "by-genre", "--key-condition",
                 "genre = \"pop\"", "--no-consistent-read", "--projection", "artist")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Count: 1\nItems:\n- artist: A\nScannedCount: 1\n"


def test_select_returns_consumed_capacity_when_asked(aws, songs):
    result = aws("ddb", "select", "songs", "--return-consumed-capacity",
                 "--attributes", "COUNT")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("ConsumedCapacity:\n")
    assert "  TableName: songs\n" in result.stdout
    plain = aws("ddb", "select", "songs", "--no-return-consumed-capacity",
                "--attributes", "COUNT")
    assert "ConsumedCapacity" not in plain.stdout


def test_select_count(aws, songs):
    result = aws("ddb", "select", "songs", "--attributes", "COUNT")
    assert (result.returncode, result.stdout) == (0, "Count: 3\nScannedCount: 3\n")


def test_select_query_option(aws, songs):
    result = aws("ddb", "select", "songs", "--query", "Items[].year")
    assert (result.returncode, sorted(result.stdout.split("\n"))) == (
        0, ["", "- 1990", "- 1995", "- 2000"])


def test_select_pages_with_max_items_and_starting_token(aws, songs):
    first = aws("ddb", "select", "songs", "--max-items", "2", "--page-size", "1",
                "--projection", "year")
    assert (first.returncode, first.stderr) == (0, "")
    lines = first.stdout.splitlines()
    token = next(line.split(": ", 1)[1] for line in lines if line.startswith("NextToken:"))
    assert lines.count("- year: 1990") + lines.count("- year: 1995") \
        + lines.count("- year: 2000") == 2
    rest = aws("ddb", "select", "songs", "--starting-token", token, "--projection", "year")
    assert rest.returncode == 0
    assert "NextToken" not in rest.stdout
    assert rest.stdout.count("- year: ") == 1


def test_no_paginate_refuses_paging_options(aws, songs):
    result = aws("ddb", "select", "songs", "--no-paginate", "--max-items", "1")
    assert (result.returncode, result.stdout) == (252, "")
    assert result.stderr.strip().endswith(
        "Cannot specify --no-paginate along with pagination arguments: --max-items")
    plain = aws("ddb", "select", "songs", "--no-paginate", "--attributes", "COUNT")
    assert (plain.returncode, plain.stdout) == (0, "Count: 3\nScannedCount: 3\n")


def test_only_yaml_output(aws, songs):
    result = aws("ddb", "select", "songs", "--output", "json")
    assert (result.returncode, result.stdout) == (252, "")
    assert result.stderr.strip().endswith("json output format is not supported for ddb commands")
    assert aws("ddb", "select", "songs", "--output", "yaml").returncode == 0


def test_bad_expression_is_v2s_message(aws, songs):
    result = aws("ddb", "select", "songs", "--filter", "year", "=")
    assert (result.returncode, result.stdout) == (252, "")
    assert result.stderr.rstrip().endswith(
        "Unexpected token `` of type `eof`. Expected type: ['literal', 'lbracket', 'lbrace', "
        "'identifier', 'unquoted_identiifer']\nyear =\n      ^")
    assert "Traceback" not in result.stderr


def test_bad_items_end_without_a_traceback(aws, table):
    result = aws("ddb", "put", "songs", "{artist: [")
    assert result.returncode == 255
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("argv,missing", [
    (("select",), "table_name"), (("put", "songs"), "items")], ids=["select", "put"])
def test_missing_positional_is_a_usage_error(aws, moto_reset, argv, missing):
    result = aws("ddb", *argv)
    assert result.returncode == 252
    assert "the following arguments are required: %s" % missing in result.stderr


def test_help_pages(aws, moto_reset):
    select = aws("ddb", "select", "help")
    assert select.returncode == 0
    for option in ("--index-name", "--projection", "--filter", "--key-condition",
                   "--attributes", "--consistent-read | --no-consistent-read",
                   "--return-consumed-capacity | --no-return-consumed-capacity",
                   "--starting-token", "--max-items", "--page-size"):
        assert option in select.stdout
    put = aws("ddb", "put", "help")
    assert put.returncode == 0 and "--condition" in put.stdout
    lines = [line.strip() for line in put.stdout.splitlines()]
    assert lines[lines.index("put") + 1:lines.index("put") + 3] == ["<table-name>", "<items>"]
    family = aws("ddb", "help")
    assert family.returncode == 0
    assert "o put" in family.stdout and "o select" in family.stdout
