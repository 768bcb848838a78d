"""`configservice subscribe`: a bucket and a topic made ready, then the `default`
configuration recorder and delivery channel put and the recorder started.

Follows v2's `awscli/customizations/configservice/subscribe.py`: the bucket is
found with HeadBucket (`bucket/prefix`, as `s3` commands split it) (a 404 means it is created, in the client's region), a topic
given by name (no colon) is created; S3 and SNS are called at their usual
endpoints, AWS Config at `--endpoint-url`. Prints what it used, then the
recorders and channels as indented JSON.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.s3.paths import split_bucket_key
from awsmini.errors import OtherError

NAME = "default"


def _bucket_exists(s3: Any, bucket: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        try:
            return int(code) != 404
        except ValueError:  # v2's int() of the code ends the run
            raise OtherError("invalid literal for int() with base 10: %r" % code) from error
    return True


def _prepare_bucket(context: Context, path: str) -> tuple[str, str]:
    s3 = context.client("s3", is_other_service=True)
    bucket, prefix = split_bucket_key(path)
    if _bucket_exists(s3, bucket):
        context.write("Using existing S3 bucket: %s\n" % bucket)
        return bucket, prefix
    region = s3.meta.region_name
    params: dict[str, Any] = {"Bucket": bucket}
    if region != "us-east-1":
        params["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**params)
    context.write("Using new S3 bucket: %s\n" % bucket)
    return bucket, prefix


def _prepare_topic(context: Context, topic: str) -> str:
    if ":" in topic:  # names cannot hold a colon: an ARN
        context.write("Using existing SNS topic: %s\n" % topic)
        return topic
    arn = context.client("sns", is_other_service=True).create_topic(Name=topic)["TopicArn"]
    context.write("Using new SNS topic: %s\n" % arn)
    return arn


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    with translate_errors():
        bucket, prefix = _prepare_bucket(context, args["s3-bucket"])
        topic = _prepare_topic(context, args["sns-topic"])
        config = context.client("config")
        config.put_configuration_recorder(
            ConfigurationRecorder={"name": NAME, "roleARN": args["iam-role"]})
        channel = {"name": NAME, "s3BucketName": bucket, "snsTopicARN": topic}
        if prefix:
            channel["s3KeyPrefix"] = prefix
        config.put_delivery_channel(DeliveryChannel=channel)
        config.start_configuration_recorder(ConfigurationRecorderName=NAME)
        context.write("Subscribe succeeded:\n\nConfiguration Recorders: ")
        recorders = config.describe_configuration_recorders()["ConfigurationRecorders"]
        context.write(json.dumps(recorders, indent=4) + "\n\n")
        channels = config.describe_delivery_channels()["DeliveryChannels"]
        context.write("Delivery Channels: " + json.dumps(channels, indent=4) + "\n")
    return 0
