"""Help topics (`awsmini help topics`, `awsmini help <topic>`) and the shell's page.

Takes a topic's name; returns the `pages.Section`s of its page, read from the
rst file of the same name in `topic_pages/` (the text is awsmini's own). The
table below is v2's topic list (`awscli/topics/topic-tags.json`): each topic's
category, title and one-line description, which `help topics` lists grouped by
category as v2 does. A topic file is plain rst: the text before the first
heading is the DESCRIPTION; each heading underlined with `=` starts a section
of its own, one underlined with `-` a subsection. Reads package files only.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from difflib import get_close_matches

from awsmini.errors import UsageError
from awsmini.help.pages import Section

TOPICS_WORD = "topics"   # `help topics`: the list
SHELL_WORD = "shell"     # `awsmini shell help` (and `awsmini help shell`): the shell's page
PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "topic_pages")


@dataclass(frozen=True)
class Topic:
    name: str
    category: str
    title: str
    description: str


# v2's topics (awscli/topics/topic-tags.json), with awsmini's own one-line descriptions.
TOPICS: tuple[Topic, ...] = (
    Topic("config-vars", "General", "Configuration variables",
          "The settings awsmini reads, and where each can be given"),
    Topic("return-codes", "General", "Return codes",
          "What each exit status of an awsmini command means"),
    Topic("s3-config", "S3", "S3 transfer configuration",
          "Tuning the s3 transfer commands from the config file"),
    Topic("s3-faq", "S3", "S3 questions and answers",
          "Common questions about the s3 commands"),
    Topic("s3-case-insensitivity", "S3", "S3 on case-insensitive file systems",
          "Downloading keys that differ only by case"),
    Topic("ddb-expressions", "ddb", "DynamoDB expressions",
          "Writing DynamoDB expressions with placeholders"),
)
TOPICS_BY_NAME = {topic.name: topic for topic in TOPICS}

LIST_DESCRIPTION = (
    "The topic guide explains parts of awsmini that no single command page covers. "
    "``awsmini help topics`` lists the topics; ``awsmini help <topic>`` shows one, "
    "where ``<topic>`` is a name from the list below.")


def topic_names() -> list[str]:
    """Every topic's name, sorted."""
    return sorted(TOPICS_BY_NAME)


def is_topic(word: str) -> bool:
    """Whether `help <word>` names a page of this module (the list, a topic, the shell)."""
    return word in (TOPICS_WORD, SHELL_WORD) or word in TOPICS_BY_NAME


def page_sections(word: str) -> tuple[str, list[Section]]:
    """The title and sections of `help <word>`; v2's usage error for an unknown topic."""
    if word == TOPICS_WORD:
        return TOPICS_WORD, list_sections()
    if word == SHELL_WORD:
        return SHELL_WORD, file_sections(SHELL_WORD, "The interactive shell")
    topic = TOPICS_BY_NAME.get(word)
    if topic is None:
        choices = [TOPICS_WORD] + topic_names()
        raise UsageError("argument subcommand: Found invalid choice '%s'" % word,
                         suggestions=get_close_matches(word, choices, cutoff=0.8))
    return topic.name, file_sections(topic.name, topic.title)


def list_sections() -> list[Section]:
    """NAME, DESCRIPTION, AVAILABLE TOPICS (by category, sorted as v2 sorts them)."""
    body = []
    for category in sorted({topic.category for topic in TOPICS}):
        body += [category, "-" * len(category), ""]
        body += ["* %s: %s" % (topic.name, topic.description)
                 for topic in sorted(TOPICS, key=lambda t: t.name) if topic.category == category]
        body.append("")
    return [Section("NAME", "topics - The awsmini topic guide"),
            Section("DESCRIPTION", LIST_DESCRIPTION + "\n"),
            Section("AVAILABLE TOPICS", "\n".join(body))]


def file_sections(name: str, title: str) -> list[Section]:
    """NAME, then the file's text split into sections at its `=` headings."""
    with open(os.path.join(PAGES, name + ".rst"), encoding="utf-8") as fp:
        lines = fp.read().split("\n")
    sections = [Section("NAME", "%s - %s" % (name, title))]
    heading = "DESCRIPTION"
    body: list[str] = []
    for index, line in enumerate(lines):
        if _is_underline(lines, index + 1, "="):
            sections.append(Section(heading, "\n".join(body).strip("\n") + "\n"))
            heading, body = line.strip().upper(), []
        elif not _is_underline(lines, index, "="):
            body.append(line)
    sections.append(Section(heading, "\n".join(body).strip("\n") + "\n"))
    return sections


def _is_underline(lines: list[str], index: int, char: str) -> bool:
    if not 0 < index < len(lines):
        return False
    line, above = lines[index].rstrip(), lines[index - 1].strip()
    return bool(line) and bool(above) and set(line) == {char} and len(line) >= len(above)
