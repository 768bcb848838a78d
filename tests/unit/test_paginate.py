"""paginate.py: v2's paging arguments and decisions, and pages -> documents per format.

Pages come from botocore's own Paginator, driven by a plain function standing
in for the client method, so merging and token encoding are botocore's.
"""
from __future__ import annotations

import copy

import pytest

from awsmini.arguments import ArgSpec
from awsmini.argv_parse import ParsedArgs
from awsmini.errors import ParamValidationError, UsageError
from awsmini.models import ServiceModel
from awsmini.paginate import (PagingArguments, PagingPlan, add_paging_arguments, documents,
                              input_token_names, plan_paging)

LIST_THINGS = {"input_token": "nextToken", "output_token": "nextToken",
               "limit_key": "maxResults", "result_key": "things"}

MODEL = ServiceModel("svc", "2020-01-01", {
    "metadata": {"protocol": "rest-json"},
    "operations": {
        "ListThings": {"name": "ListThings", "input": {"shape": "ListIn"}},
        "ListPaged": {"name": "ListPaged", "input": {"shape": "PagedIn"}},
    },
    "shapes": {
        "ListIn": {"type": "structure", "members": {
            "nextToken": {"shape": "Str"}, "maxResults": {"shape": "Int"}}},
        "PagedIn": {"type": "structure", "members": {
            "NextToken": {"shape": "Str"}, "PageSize": {"shape": "Long"}}},
        "Str": {"type": "string"}, "Int": {"type": "integer"}, "Long": {"type": "long"},
    }})
OWN_PAGE_SIZE = {"input_token": "NextToken", "output_token": "NextToken",
                 "limit_key": "PageSize", "result_key": "Items"}


def spec(name: str, member: str = "") -> ArgSpec:
    return ArgSpec(name, member or name, "Str", "string")


def test_operations_without_a_paginator_keep_their_table():
    table = {"job-id": spec("job-id")}
    assert add_paging_arguments(table, MODEL, "ListThings", None) == (table, PagingArguments())


def test_paging_arguments_are_added_after_the_operations_own():
    table = {"next-token": spec("next-token"), "max-results": spec("max-results")}
    new, paging = add_paging_arguments(table, MODEL, "ListThings", LIST_THINGS)
    assert list(new) == ["next-token", "max-results", "starting-token", "page-size", "max-items"]
    assert paging.shadowed == {} and paging.config is LIST_THINGS
    assert list(paging.options) == ["starting-token", "page-size", "max-items"]
    assert all(new[name] is option for name, option in paging.options.items())
    assert new["page-size"].type_name == "integer" and new["page-size"].is_cli_only
    assert new["starting-token"].type_name == "string"


def test_no_page_size_without_a_limit_key():
    config = {"input_token": "Marker", "output_token": "NextMarker", "result_key": "Items"}
    new, _ = add_paging_arguments({}, MODEL, "ListThings", config)
    assert list(new) == ["starting-token", "max-items"]


def test_an_operations_own_page_size_is_shadowed():
    own = spec("page-size", "PageSize")
    new, paging = add_paging_arguments({"page-size": own}, MODEL, "ListPaged", OWN_PAGE_SIZE)
    assert paging.shadowed == {"page-size": own}
    assert new["page-size"] is paging.options["page-size"]
    assert new["page-size"].type_name == "long" and new["page-size"].is_cli_only


def test_input_token_names_include_the_limit_key():
    assert input_token_names(LIST_THINGS) == ["next-token", "max-results"]


def plan(given=(), values=None, paginate=True, config=LIST_THINGS):
    """`given` names the operation's own arguments given, `values` the paging options'."""
    _, paging = add_paging_arguments({}, MODEL, "ListThings", config)
    parsed = ParsedArgs(members={name: "x" for name in given if name not in (values or {})},
                        options=dict(values or {}))
    return plan_paging(paging, parsed, paginate)


@pytest.mark.parametrize("given, values, expected", [
    pytest.param((), {}, PagingPlan(True, {}), id="default-paginates"),
    pytest.param(("max-items", "page-size"), {"max-items": "3", "page-size": "2"},
                 PagingPlan(True, {"MaxItems": 3, "PageSize": 2}), id="integers-converted"),
    pytest.param(("starting-token",), {"starting-token": "abc"},
                 PagingPlan(True, {"StartingToken": "abc"}), id="starting-token"),
    pytest.param(("next-token",), {}, PagingPlan(False, {}), id="manual-token-turns-paging-off"),
    pytest.param(("max-results",), {}, PagingPlan(False, {}), id="manual-limit-turns-paging-off"),
])
def test_plan(given, values, expected):
    assert plan(given, values) == expected


def test_no_paginate_plan():
    assert plan(paginate=False) == PagingPlan(False, {})


def test_no_paginate_with_paging_arguments_is_v2s_error():
    with pytest.raises(ParamValidationError, match="Cannot specify --no-paginate along with "
                                                   "pagination arguments: --max-items"):
        plan(("max-items",), {"max-items": "2"}, paginate=False)


def test_bad_integer_is_argparse_style_usage_error():
    with pytest.raises(UsageError, match="argument --max-items: invalid int value: 'abc'"):
        plan(("max-items",), {"max-items": "abc"})


def test_own_page_size_given_turns_paging_off_and_fills_its_member_as_v2_does():
    own = spec("page-size", "PageSize")
    _, paging = add_paging_arguments({"page-size": own}, MODEL, "ListPaged", OWN_PAGE_SIZE)
    result = plan_paging(paging, ParsedArgs(options={"page-size": 5}), True)
    assert result == PagingPlan(False, {}, restored=((own, 5),))


SHADOWED_MAX_ITEMS = {"input_token": "Marker", "output_token": "Marker",
                      "limit_key": "MaxItems", "result_key": "Items"}


@pytest.mark.parametrize("paginate, expected", [
    pytest.param(True, PagingPlan(True, {"MaxItems": 2}), id="paging-takes-it"),
    pytest.param(False, "restored", id="no-paginate-gives-it-back"),
])
def test_own_max_items_is_the_paging_option_unless_paging_is_off(paginate, expected):
    own = spec("max-items", "MaxItems")
    _, paging = add_paging_arguments({"max-items": own}, MODEL, "ListThings", SHADOWED_MAX_ITEMS)
    result = plan_paging(paging, ParsedArgs(options={"max-items": "2"}), paginate)
    if expected == "restored":
        expected = PagingPlan(False, {}, restored=((own, "2"),))
    assert result == expected


def test_a_manual_token_gives_the_own_max_items_back():
    own = spec("max-items", "MaxItems")
    _, paging = add_paging_arguments({"marker": spec("marker", "Marker"), "max-items": own},
                                     MODEL, "ListThings", SHADOWED_MAX_ITEMS)
    parsed = ParsedArgs(members={"marker": "m"}, options={"max-items": "2"})
    assert plan_paging(paging, parsed, True) == PagingPlan(False, {}, restored=((own, "2"),))


# ------------------------------------------------------------------ documents

PAGES = [
    {"things": [{"n": "a1"}, {"n": "a2"}], "nextToken": "t2", "extra": "first",
     "ResponseMetadata": {"RequestId": "r"}},
    {"things": [{"n": "b1"}], "nextToken": "t3", "extra": "second"},
    {"things": [{"n": "c1"}], "extra": "third"},
]


def page_iterator(pagination_config=None, fetched=None):
    import botocore.session
    from botocore.model import ServiceModel as BotoModel
    from botocore.paginate import Paginator

    pages = copy.deepcopy(PAGES)
    by_token = {None: pages[0], "t2": pages[1], "t3": pages[2]}

    def method(**kwargs):
        if fetched is not None:
            fetched.append(kwargs.get("nextToken"))
        return by_token[kwargs.get("nextToken")]

    loader = botocore.session.get_session().get_component("data_loader")
    model = BotoModel(loader.load_service_model("iot", "service-2")).operation_model("ListThings")
    config = dict(LIST_THINGS, non_aggregate_keys=["extra"])
    return Paginator(method, config, model).paginate(PaginationConfig=pagination_config or {})


def test_merged_document_concatenates_result_keys_and_keeps_the_first_pages_other_keys():
    assert list(documents(page_iterator(), "json")) == [
        {"things": [{"n": "a1"}, {"n": "a2"}, {"n": "b1"}, {"n": "c1"}], "extra": "first"}]


def test_merged_document_ends_with_the_resume_token_when_max_items_stops_early():
    (merged,) = documents(page_iterator({"MaxItems": 3}), "table")
    assert merged["things"] == [{"n": "a1"}, {"n": "a2"}, {"n": "b1"}]
    assert list(merged)[-1] == "NextToken"
    assert merged["NextToken"] == "eyJuZXh0VG9rZW4iOiAidDMifQ=="


def test_text_documents_are_pages_then_the_resume_token():
    docs = list(documents(page_iterator({"MaxItems": 1}), "text"))
    assert docs == [{"extra": "first", "things": [{"n": "a1"}]},
                    {"NextToken": {"NextToken": docs[1]["NextToken"]["NextToken"]}}]


def test_text_documents_have_the_other_keys_on_the_first_page_only():
    docs = list(documents(page_iterator(), "text"))
    assert docs == [{"extra": "first", "things": [{"n": "a1"}, {"n": "a2"}]},
                    {"things": [{"n": "b1"}]}, {"things": [{"n": "c1"}]}]


def test_yaml_stream_documents_are_the_pages_as_they_came():
    docs = list(documents(page_iterator(), "yaml-stream"))
    assert docs[0] == {"things": [{"n": "a1"}, {"n": "a2"}], "nextToken": "t2", "extra": "first"}
    assert len(docs) == 3


def test_streaming_documents_fetch_lazily():
    fetched: list = []
    docs = documents(page_iterator(fetched=fetched), "text")
    next(docs)
    assert fetched == [None]
    docs.close()
    assert fetched == [None]
