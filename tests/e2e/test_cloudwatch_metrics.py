"""cloudwatch put-metric-data's one-datum options, end to end against moto_server."""
from __future__ import annotations

import json


def test_one_datum_from_the_simple_options(aws):
    put = aws("cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Jobs",
              "--value", "3", "--unit", "Count", "--dimensions", "Queue=main,Host=a")
    assert (put.returncode, put.stdout, put.stderr) == (0, "", "")
    listed = json.loads(aws("cloudwatch", "list-metrics", "--namespace", "App").stdout)
    [metric] = listed["Metrics"]
    assert metric["MetricName"] == "Jobs"
    assert sorted((d["Name"], d["Value"]) for d in metric["Dimensions"]) == [
        ("Host", "a"), ("Queue", "main")]


def test_the_simple_options_do_not_mix_with_metric_data(aws):
    mixed = aws("cloudwatch", "put-metric-data", "--namespace", "App", "--value", "3",
                "--metric-data", "MetricName=Jobs,Value=1")
    assert mixed.returncode == 252
    assert mixed.stderr.splitlines()[1].endswith(
        'The key "value" cannot be specified when one of the following keys are also '
        'specified: metric_data')
