"""help: pages rendered from the models as v2 shows them (groff's layout, no overstrikes)."""
from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from awsmini.help import help_lines, is_help_request, operation_help, pager_command
from awsmini.help.hyphenate import hyphen_points
from awsmini.help.pages import operation_sections
from awsmini.help.render import render_page
from awsmini.help.inline import inline_text
from awsmini.help.rst import parse, place
from awsmini.help.rstdoc import RstDoc
from awsmini.help.syntax import json_example, shorthand_example
from awsmini.help.typeset import BODY_INDENT, BOLD, NO_HYPHEN, ROMAN, UNDERLINE, Page, plain

DATA = Path(__file__).parent.parent / "data" / "help"


@pytest.fixture(autouse=True)
def no_installed_examples(monkeypatch):
    """An AWS CLI installed on this machine would add its EXAMPLES section."""
    monkeypatch.setattr("awsmini.help._example_dirs", lambda: [])


@pytest.fixture(scope="module")
def environ(tmp_path_factory) -> dict:
    return {"HOME": os.environ.get("HOME", "/"),
            "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache"))}


# ------------------------------------------------------------------ the reference page

def reference_lines() -> list[str]:
    return (DATA / "iot-cancel-job-execution.txt").read_text().split("\n")[:-1]


def test_reference_page_matches_line_for_line(environ):
    """`aws iot cancel-job-execution help | cat` of v2, overstrikes removed: all 297 lines."""
    op = operation_help("iot", ["cancel-job-execution"], environ)
    op = dataclasses.replace(op, examples=(DATA / "iot-cancel-job-execution-examples.rst").read_text())
    lines = render_page(op.cli_name, operation_sections(op))
    expected = reference_lines()
    matching = sum(1 for mine, theirs in zip(lines, expected) if mine == theirs)
    assert (matching, len(lines)) == (297, 297)
    assert lines == expected


def test_reference_page_without_examples_drops_only_that_section(environ):
    lines = help_lines("iot", ["cancel-job-execution", "help"], environ)
    expected = reference_lines()
    start, end = expected.index("EXAMPLES") - 1, expected.index("OUTPUT") - 1
    assert lines == expected[:start] + expected[end:]


@pytest.mark.parametrize("section,first", [
    ("NAME", "       cancel-job-execution -"),
    ("SYNOPSIS", "            cancel-job-execution"),
    ("OPTIONS", "       --job-id (string) [required]"),
    ("GLOBAL OPTIONS", "       --debug (boolean)"),
    ("OUTPUT", "       None"),
], ids=lambda value: value if isinstance(value, str) and value.isupper() else None)
def test_sections_start_as_v2(environ, section, first):
    lines = help_lines("iot", ["cancel-job-execution", "help"], environ)
    assert lines[lines.index(section) + 1] == first


# ------------------------------------------------------------------ page selection

@pytest.mark.parametrize("service,words,expected", [
    ("help", [], True),
    ("iot", ["help"], True),
    ("iot", ["cancel-job-execution", "help"], True),
    ("iot", ["cancel-job-execution", "--job-id", "help"], False),
    ("iot", ["cancel-job-execution"], False),
    ("iot", [], False),
], ids=["top", "service", "operation", "help-as-value", "no-help", "service-only"])
def test_is_help_request(service, words, expected):
    assert is_help_request(service, words) is expected


@pytest.mark.parametrize("environ,expected", [
    ({}, ["less", "-R"]),
    ({"PAGER": "more"}, ["more"]),
    ({"PAGER": "more", "MANPAGER": "most -s"}, ["most", "-s"]),
    ({"AWS_PAGER": "cat"}, ["less", "-R"]),
], ids=["default", "pager", "manpager-wins", "aws-pager-ignored"])
def test_pager_command(environ, expected):
    assert pager_command(environ) == expected


def test_service_page(environ):
    lines = help_lines("iot", ["help"], environ)
    assert lines[0] == "IOT()" + " " * 68 + "IOT()"
    assert lines[4:6] == ["NAME", "       iot -"]
    commands = lines[lines.index("AVAILABLE COMMANDS") + 1:]
    assert commands[:3] == ["       o accept-certificate-transfer", "", "       o add-thing-to-billing-group"]
    names = [line[9:] for line in commands if line.startswith("       o ")]
    assert names == sorted(names) and "cancel-job-execution" in names
    assert lines[-4:] == ["", "", "", " " * 73 + "IOT()"]


def test_top_page(environ):
    lines = help_lines("help", [], environ)
    assert lines[0] == "AWS()" + " " * 68 + "AWS()"
    assert lines[lines.index("SYNOPSIS") + 1] == "          aws [options] <command> <subcommand> [parameters]"
    assert "       o iot" in lines and "       o s3api" in lines
    assert lines[-6:] == ["SEE ALSO", "       o aws help topics", "", "", "", " " * 73 + "AWS()"]


# ------------------------------------------------------------------ hyphenation

@pytest.mark.parametrize("word,points", [
    ("status", (3,)), ("canceled", (3,)), ("device", (2,)), ("returned", (2,)),
    ("errorresponse", (2, 5, 7)), ("compatibility", (3, 6, 7, 10)), ("literally", (3, 5)),
    ("method", ()),        # an exception (meth-od), but too close to the end for groff
    ("the", ()), ("a", ()),
])
def test_hyphen_points(word, points):
    assert hyphen_points(word) == points


# ------------------------------------------------------------------ typesetting

def set_paragraphs(*texts: str, indent: int = BODY_INDENT) -> list[str]:
    page = Page()
    for text in texts:
        page.space()
        page.paragraph(text, indent)
    return page.lines


def test_justification_alternates_and_hyphenates():
    text = ("(Optional) If true the job execution will be canceled if it has status IN_PROGRESS "
            "or QUEUED, otherwise the job execution will be canceled only if it has status QUEUED.")
    assert set_paragraphs(text, indent=BODY_INDENT + 84) == [
        "          (Optional) If true the job execution will be canceled if it has sta-",
        "          tus IN_PROGRESS or QUEUED, otherwise the job execution will be  can-",
        "          celed only if it has status QUEUED.",
    ]


def test_links_are_not_hyphenated_and_long_words_stand_alone():
    url = "https://example.com/" + "x" * 70
    assert set_paragraphs("see " + NO_HYPHEN + url + " for details") == [
        "       see", "       " + url, "       for details"]


def test_long_titles_overlap_in_the_header():
    page = Page()
    lines = page.finish("describe-audit-mitigation-actions-task")
    assert lines[0] == "DESCRIBE-AUDIT-MITIGATION-ACTIONS-TASKDESCRIBE-AUDIT-MITIGATION-ACTIONS-TASK()"
    assert lines[-1] == " " * 38 + "DESCRIBE-AUDIT-MITIGATION-ACTIONS-TASK()"


def test_heading_after_an_empty_section_has_no_blank_line():
    page = Page()
    page.heading("DESCRIPTION")
    page.heading("AVAILABLE COMMANDS")
    assert page.lines == ["DESCRIPTION", "AVAILABLE COMMANDS"]


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
@pytest.mark.parametrize("seed", range(6))
def test_filling_matches_groff(seed):
    """Random paragraphs at three indents, set by groff and by us, agree line for line."""
    words = ("the job execution of a device (Optional) status IN_PROGRESS, QUEUED. certificate "
             "DescribeJobExecution request authorization configuration you can't policy and "
             "\"value\" to in key-value GetTopicRuleDestination thing). principal a an").split()
    rnd = random.Random(seed)
    source = ['.TH "X" "" "" ""', ".SH DESCRIPTION"]
    page = Page()
    page.heading("DESCRIPTION")
    for _ in range(12):
        level = rnd.choice([0, 1, 2])
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 70)))
        text = text.replace(" ", "  ", rnd.randint(0, 2))
        source += [".sp"] + [".RS 3.5"] * level + [text.replace("-", "\\-")] + [".RE"] * level
        page.space()
        page.paragraph(text, BODY_INDENT + 84 * level)
    run = subprocess.run(["groff", "-m", "man", "-T", "ascii"], input="\n".join(source).encode(),
                         capture_output=True, check=True)
    groff_lines = [line.rstrip() for line in re.sub(".\b", "", run.stdout.decode()).split("\n")]
    ours = page.finish("x")
    assert groff_lines[:len(ours) - 1] == ours[:-1]


# ------------------------------------------------------------------ rst and HTML

@pytest.mark.parametrize("rst,text", [
    ("``--force`` to ``true`` ,", "--force to true ,"),
    ("**bold** and *emphasis*", "bold and emphasis"),
    ("see `Guide <https://x.example/a>`__ now", "see " + NO_HYPHEN + "Guide now"),
    ("a `<https://x.example/a>`__ link", "a " + NO_HYPHEN + "https://x.example/a link"),
    ("``arn:*part* ``", "``arn:part ``"),
    ("`` AddPermission ``", "`` AddPermission ``"),
    ("`Data<https://x.example>`__", "`Data<https://x.example>`__"),
    ("2*3*4 stays", "2*3*4 stays"),
    ("escaped \\*star\\* and col\\:on", "escaped *star* and col:on"),
    ("curly \u2019quote\u2019 dropped", "curly quote dropped"),
    ("mail me@example.com", "mail " + NO_HYPHEN + "me@example.com"),
    ("(HH:MM) then https://x.example/a", "(HH:MM) then https://x.example/a"),
    ("format ``https://b.example .x `` .", "format ``" + NO_HYPHEN + "https://b.example .x `` ."),
    ("gp2 |``gp3``", "gp2 |gp3"),
    ("\u201c``strategy``\u201d field", "strategy field"),
    ("a ``\\`` backslash", "a \\ backslash"),
], ids=["literal", "strong-emphasis", "link", "bare-link", "unclosed-literal", "spaced-literal",
        "no-space-link", "arithmetic", "escapes", "non-ascii", "email", "unknown-scheme-first",
        "link-after-unclosed-literal", "after-lone-bar", "curly-quotes", "literal-backslash"])
def test_inline_text(rst, text):
    assert plain(inline_text(rst)) == text


def test_inline_text_marks_fonts():
    assert inline_text("set ``--force`` to **true**, *see* `Jobs <https://x.example>`__") == (
        "set " + BOLD + "--force" + ROMAN + " to " + BOLD + "true" + ROMAN + ", "
        + UNDERLINE + "see" + ROMAN + " " + NO_HYPHEN + UNDERLINE + "Jobs" + ROMAN)


@pytest.mark.parametrize("html,rst", [
    ("<p>If <code>true</code>, then</p>", "\n\nIf ``true`` , then\n\n"),
    ("<p>See <a href=\"https://x\">Guide</a>.</p>", "\n\nSee `Guide <https://x>`__ .\n\n"),
    ("<p>An <b></b>empty tag</p>", "\n\nAn empty tag\n\n"),
    ("<ul><li> <p>one</p></li><li>two</li></ul>", "\n\n\n* one\n\n* two\n\n\n"),
], ids=["code", "link", "empty-bold", "list"])
def test_html_to_rst(html, rst):
    doc = RstDoc()
    doc.include_html(html)
    assert doc.text() == rst


def test_note_list_and_literal_blocks_layout():
    rst = ("Intro::\n\n  code line\n    indented\n\n* first item\n\n  second para\n\n"
           ".. note::\n\n  Be careful.\n")
    page = Page()
    page.heading("X")
    place(page, parse(rst), BODY_INDENT)
    assert page.lines == [
        "X", "       Intro:", "", "          code line", "            indented", "",
        "       o first item", "", "         second para", "", "       NOTE:",
        "          Be careful."]


def test_titles_definitions_and_numbered_lists_layout():
    rst = ("Examples\n--------\n\naws iot list-things \\\n    --max-items 2\n\n"
           "1. first\n\n2. second\n")
    page = Page()
    page.heading("X")
    place(page, parse(rst), BODY_INDENT)
    assert page.lines == [
        "X", "   Examples", "       aws iot list-things", "              --max-items 2", "",
        "       1. first", "", "       2. second"]


# ------------------------------------------------------------------ syntax samples

def test_shorthand_and_json_samples():
    shapes = {
        "Tags": {"type": "list", "member": {"shape": "Tag"}},
        "Tag": {"type": "structure", "members": {"Key": {"shape": "S"}, "Value": {"shape": "S"}}},
        "Details": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
        "S": {"type": "string"},
    }
    assert shorthand_example(shapes, "Tags") == "Key=string,Value=string ..."
    assert shorthand_example(shapes, "Details") == "KeyName1=string,KeyName2=string"
    assert json_example(shapes, "Tags") == [
        "[", "  {", '    "Key": "string",', '    "Value": "string"', "  }", "  ...", "]"]
    assert json_example(shapes, "Details") == ['{"string": "string"', "  ...}"]


def test_paragraph_indented_past_the_page_sets_a_word_per_line_as_groff():
    """Regression: deeply nested members (bedrock-agent create-flow) indent past column 78."""
    page = Page()
    page.paragraph("alpha beta gamma", 80 * 24)
    assert page.lines == [" " * 80 + word for word in ("al-", "pha", "beta", "gamma")]


def test_json_header_values_are_documented_as_json(environ):
    lines = help_lines("lex-runtime", ["post-content", "help"], environ)
    assert "       --session-attributes (JSON)" in lines
    assert "       slots -> (JSON)" in lines


def test_ec2_boolean_structures_are_documented_as_a_group_without_syntax(environ):
    lines = help_lines("ec2", ["modify-vpc-attribute", "help"], environ)
    assert "          [--enable-dns-hostnames | --no-enable-dns-hostnames]" in lines
    start = lines.index("       --enable-dns-hostnames | --no-enable-dns-hostnames (structure)")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("       --"))
    block = [line.strip() for line in lines[start:end] if line.strip()]
    assert "Value -> (boolean)" in block
    assert "Shorthand Syntax:" not in block and "JSON Syntax:" not in block


def test_wait_pages(environ):
    assert "       o wait" in help_lines("ec2", ["help"], environ)
    assert "       o wait" not in help_lines("iot", ["help"], environ)
    wait_page = help_lines("ec2", ["wait", "help"], environ)
    assert "       o instance-running" in wait_page and "SYNOPSIS" not in wait_page
    page = help_lines("dynamodb", ["wait", "table-exists", "help"], environ)
    text = " ".join(" ".join(page).split())
    assert ("Wait until JMESPath query Table.TableStatus returns ACTIVE when polling with "
            "describe-table. It will poll every 20 seconds until a successful state has been "
            "reached. This will exit with a return code of 255 after 25 failed checks.") in text
    assert page[page.index("OUTPUT") + 1] == "       None"
    assert "          --table-name <value>" in page


@pytest.mark.parametrize("service, words, expected", [
    ("ec2", ["wait", "help"], True),
    ("ec2", ["wait", "instance-running", "help"], True),
    ("ec2", ["describe-instances", "--instance-ids", "help"], False),
])
def test_wait_help_requests(service, words, expected):
    assert is_help_request(service, words) is expected


def test_a_waiter_with_its_own_description_keeps_it():
    from awsmini.help import waiter_description

    config = {"description": "Wait until ready.", "delay": 5, "maxAttempts": 3,
              "operation": "DescribeThing", "acceptors": []}
    assert waiter_description(config) == (
        "Wait until ready. It will poll every 5 seconds until a successful state has been "
        "reached. This will exit with a return code of 255 after 3 failed checks.")


def test_security_group_shortcuts_are_documented_and_what_they_stand_for_is_not(environ):
    page = help_lines("ec2", ["authorize-security-group-ingress", "help"], environ)
    assert "          [--protocol <value>]" in page and "       --cidr (string)" in page
    assert not any("--cidr-ip" in line or "--from-port" in line for line in page)
    assert "       NOTE:" in page
    revoke = help_lines("ec2", ["revoke-security-group-ingress", "help"], environ)
    assert "       --port (string)" in revoke and "       NOTE:" not in revoke


def _shape(blocks) -> list:
    """Blocks as (kind, text or tags, children) for comparing structures."""
    out = []
    for block in blocks:
        children = ([_shape(item) for item in block.children] if block.kind == "bullets"
                    else _shape(block.children))
        out.append((block.kind, block.lines if block.kind in ("bullets", "literal") else block.text,
                    children))
    return out


@pytest.mark.parametrize("text, expected", [
    ("* - a\n  - b\n", [("bullets", ["o"], [[("bullets", ["o", "o"], [
        [("para", "a", [])], [("para", "b", [])]])]])]),
    ("1. * x\n   * y\n2. z\n", [("bullets", ["1.", "2."], [
        [("bullets", ["o", "o"], [[("para", "x", [])], [("para", "y", [])]])],
        [("para", "z", [])]])]),
    ("* .. note:: inside\n     more\n", [("bullets", ["o"], [[("admonition", "NOTE:", [
        ("para", "inside\nmore", [])])]])]),
    ("- item::\n\n      code\n        deeper\n", [("bullets", ["o"], [[
        ("para", "item:", []), ("literal", ["code", "  deeper"], [])]])]),
], ids=["list-in-a-list-item", "list-in-a-numbered-item", "note-in-a-list-item",
        "literal-in-a-list-item"])
def test_blocks_that_start_on_a_list_items_first_line(text, expected):
    assert _shape(parse(text)) == expected


def test_deep_nesting_keeps_every_level():
    depth = 60
    text = "".join("  " * level + "term %d\n" % level for level in range(depth))
    blocks, levels = parse(text), []
    while blocks:
        levels.append((blocks[0].kind, blocks[0].text))
        blocks = blocks[0].children
    assert levels == [("definition", "term %d" % n) for n in range(depth - 1)] + [
        ("para", "term %d" % (depth - 1))]


def test_page_styles_follow_words_through_filling_and_hyphenation():
    from awsmini.help.render import ansi, overstrike

    page = Page()
    page.heading("OPTIONS")
    page.paragraph("and " * 11 + BOLD + "InvalidStateTransitionException" + ROMAN
                   + " and " + UNDERLINE + "more" + ROMAN, BODY_INDENT)
    assert page.lines[0] == "OPTIONS" and page.styles[0] == "bbbbbbb"
    assert all(len(styles) == len(line) for line, styles in zip(page.lines, page.styles))
    assert not any(mark in line for line in page.lines for mark in (BOLD, ROMAN, UNDERLINE))
    bold = "".join(c for line, styles in zip(page.lines, page.styles)
                   for c, style in zip(line, styles) if style == "b")
    underlined = "".join(c for line, styles in zip(page.lines, page.styles)
                         for c, style in zip(line, styles) if style == "u")
    assert bold.startswith("OPTIONS") and underlined == "more"
    # the literal, hyphenated across two lines: both parts and the hyphen stay bold
    assert page.lines[1].endswith("InvalidStateTransitionEx-")
    assert bold == "OPTIONSInvalidStateTransitionEx-ception"
    assert overstrike("AB c", "bb u") == "A\bAB\bB _\bc"
    assert ansi("AB c", "bb u") == "\x1b[1mAB\x1b[0m \x1b[4mc\x1b[0m"
