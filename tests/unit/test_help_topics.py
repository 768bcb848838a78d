"""help.topics: the topic table and files -> the sections of `help topics`, a topic, the shell."""
from __future__ import annotations

import os

import pytest

from awsmini.errors import UsageError
from awsmini.help import topics
from awsmini.help.render import render_page

V2_TOPICS = ["config-vars", "ddb-expressions", "return-codes", "s3-case-insensitivity",
             "s3-config", "s3-faq"]  # awscli/topics/topic-tags.json


def test_the_topics_are_v2s_each_with_its_file():
    assert topics.topic_names() == V2_TOPICS
    for name in V2_TOPICS + [topics.SHELL_WORD]:
        assert os.path.isfile(os.path.join(topics.PAGES, name + ".rst")), name


def test_the_list_groups_topics_by_category_sorted_as_v2():
    sections = topics.list_sections()
    assert [s.title for s in sections] == ["NAME", "DESCRIPTION", "AVAILABLE TOPICS"]
    body = sections[2].body
    assert body.index("General\n-------") < body.index("S3\n--") < body.index("ddb\n---")
    assert "* return-codes: What each exit status" in body


@pytest.mark.parametrize("name", V2_TOPICS + ["shell", "topics"])
def test_every_page_renders_within_78_columns(name):
    title, sections = topics.page_sections(name)
    lines = render_page(title, sections)
    assert lines[0].startswith(title.upper() + "()") and lines[-1].endswith(title.upper() + "()")
    assert all(len(line) <= 78 for line in lines)
    assert any(line.startswith("DESCRIPTION") for line in lines)


def test_a_file_is_split_at_its_top_level_headings():
    title, sections = topics.page_sections("s3-config")
    names = [s.title for s in sections]
    assert names == ["NAME", "DESCRIPTION", "SIZES AND RATES", "TRANSFER SETTINGS",
                     "REQUEST SETTINGS"]
    assert sections[0].body == "s3-config - S3 transfer configuration"
    assert "=====" not in "".join(s.body for s in sections)


def test_subsections_stay_inside_their_section():
    _, sections = topics.page_sections("s3-faq")
    assert [s.title for s in sections] == ["NAME", "DESCRIPTION", "QUESTIONS"]
    assert "Are transfers checked for corruption?\n-----" in sections[2].body


def test_return_codes_name_every_status_awsmini_uses():
    _, sections = topics.page_sections("return-codes")
    text = sections[1].body
    for code in ("0", "1", "2", "130", "252", "253", "254", "255"):
        assert "* ``%s`` --" % code in text


def test_an_unknown_topic_is_v2s_invalid_choice_with_close_matches():
    with pytest.raises(UsageError, match="argument subcommand: Found invalid choice 's3-confg'"
                       ) as raised:
        topics.page_sections("s3-confg")
    assert raised.value.suggestions == ["s3-config"]
