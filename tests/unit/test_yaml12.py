"""yaml12: YAML 1.2 resolution, and the style a YAML writer gives a string.

`scalar_style` is checked on a table of cases and against PyYAML's own emitter
(configured as `--output yaml` configures it) on generated strings.
"""
from __future__ import annotations

import random

import pytest

from awsmini.output.as_yaml import _dumper
from awsmini.yaml12 import scalar_style


@pytest.mark.parametrize("text, is_key, prefers_double, expected", [
    ("plain words", False, False, "plain"),
    ("yes", False, False, "plain"),            # a string in YAML 1.2
    ("NULL", False, False, "single"),          # null in YAML 1.2
    ("60", False, False, "single"),
    ("", False, False, "single"),
    ("a: b", False, False, "single"),
    ("a:b", False, False, "plain"),
    ("ends:", False, False, "single"),
    ("a #b", False, False, "single"),
    ("a#b", False, False, "plain"),
    ("- x", False, False, "single"),
    ("-x", False, False, "plain"),
    ("---x", False, False, "single"),
    ("@x", False, False, "single"),
    (" lead", False, False, "single"),
    ("it's: x", False, False, "single"),
    ("it's: x", False, True, "double"),        # the round-trip writer's preference
    ("it's", False, True, "plain"),
    ("two\nlines", False, False, "single"),
    ("two\nlines", False, True, "double"),
    ("two\nlines", True, False, "double"),     # no quoted key over line breaks
    ("tab\there", False, False, "double"),     # needs an escape
    ("space \nbreak", False, False, "double"),
    ("café", False, False, "plain"),
    ("bom\ufeff", False, False, "double"),
], ids=lambda value: repr(value) if isinstance(value, str) else None)
def test_scalar_style(text, is_key, prefers_double, expected):
    assert scalar_style(text, is_key, prefers_double) == expected


# U+10FFFF is left out: PyYAML escapes it, ruamel (and this module) does not.
_ALPHABET = list("ab :#-?,[]{}&*!|>'\"%@`.~nNtTfF019+eE_xo\t\r\n\x85\u2028\u2029\0\x07\xa0é"
                 "\ufeff\U0001F600")
_WORDS = ["---", "...", "null", "true", "yes", "on", "1.5", "0x1F", "2001-01-01", "~", "<<",
          " ", ": ", " #"]


def _samples(count: int) -> list[str]:
    generator = random.Random(15)
    samples = []
    for _ in range(count):
        parts = [generator.choice(_WORDS) if generator.random() < 0.3
                 else "".join(generator.choice(_ALPHABET) for _ in range(generator.randint(1, 3)))
                 for _ in range(generator.randint(0, 5))]
        samples.append("".join(parts))
    return samples


def test_the_output_writers_choice_is_pyyamls():
    import yaml

    for text in _samples(3000):
        dumped = yaml.dump({"k": text}, Dumper=_dumper(), allow_unicode=True, width=10 ** 6,
                           default_flow_style=False)
        assert dumped.startswith("k: ") or dumped.startswith("k:\n"), dumped
        first = dumped[3:4]
        found = "single" if first == "'" else "double" if first == '"' else "plain"
        assert scalar_style(text) == found, (text, dumped)
