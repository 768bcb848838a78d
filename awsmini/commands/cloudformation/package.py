"""`cloudformation package`: a template's local artifacts uploaded, the template rewritten.

Follows v2's `cloudformation/package.py`: the walk is `exporters.py`'s, the
uploads `uploader.py`'s. The packaged template goes to stdout, after an empty
line, or to `--output-template-file` (replaced at once, its permissions kept),
followed by v2's message with the `deploy` command line to run next. YAML
unless `--use-json`.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.cloudformation.archive import write_atomically
from awsmini.commands.cloudformation.deploy import INVALID_TEMPLATE_PATH
from awsmini.commands.cloudformation.exporters import export_template
from awsmini.commands.cloudformation.templates import dump_template, dump_template_json
from awsmini.commands.cloudformation.uploader import S3Uploader, s3_client
from awsmini.errors import OtherError

WRITTEN = ("Successfully packaged artifacts and wrote output template to file {name}.\n"
           "Execute the following command to deploy the packaged template\n"
           "aws cloudformation deploy --template-file {path} --stack-name <YOUR STACK NAME>\n")


def run(args: Mapping[str, Any], context: Context) -> int:
    client = s3_client(context)
    path = args["template-file"]
    if not os.path.isfile(path):
        raise OtherError(INVALID_TEMPLATE_PATH.format(path=path))
    uploader = S3Uploader(client, args["s3-bucket"], args["s3-prefix"], args["kms-key-id"],
                          args["force-upload"], metadata=args["metadata"],
                          progress=context.env.stderr)
    try:
        exported = export_template(path, os.getcwd(), uploader)
    finally:
        uploader.close()
    text = dump_template_json(exported) if args["use-json"] else dump_template(exported)
    context.write("\n")
    output = args["output-template-file"]
    if output is None:
        context.write(text)
        return 0
    write_atomically(output, text)
    context.write(WRITTEN.format(name=output, path=os.path.abspath(output)))
    return 0
