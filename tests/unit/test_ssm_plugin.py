"""Which session-manager-plugin versions read the session from the environment."""
import pytest

from awsmini.commands.ssm.plugin import takes_response_variable


@pytest.mark.parametrize("version, expected", [
    pytest.param("1.2.650.0\n", True, id="newer"),
    pytest.param("1.2.497.0", False, id="the-last-without"),
    pytest.param("1.2.497.1", True, id="one-above"),
    pytest.param("1.3", True, id="two-parts-above"),
    pytest.param("1.2.497", False, id="three-parts-equal"),
    pytest.param("2", True, id="one-part"),
    pytest.param(" 1.2. 650.0 ", True, id="whitespace-removed"),
    pytest.param("1.2.650.0.1", False, id="five-parts"),
    pytest.param("v1.2.650", False, id="not-a-number"),
    pytest.param("", False, id="empty"),
])
def test_takes_response_variable(version, expected):
    assert takes_response_variable(version) is expected
