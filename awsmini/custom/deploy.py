"""deploy: v2's renamed arguments, whose botocore names would collide with a
global option or read badly (awscli/customizations/argrename.py); and old
argument names accepted beside the new ones, undocumented (the HIDDEN_ALIASES
of aws-cli 1.x's awscli/customizations/argrename.py; v2.36.7 has none of
these).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(renames={"s-3-location": "s3-location",
                                 "ec-2-tag-filters": "ec2-tag-filters"})

OPERATIONS: Mapping[str, Customization] = {
    "create-deployment-group": Customization(aliases={"ec2-tag-set": "ec-2-tag-set"}),
    "list-application-revisions": Customization(
        aliases={"s3-bucket": "s-3-bucket", "s3-key-prefix": "s-3-key-prefix"}),
    "update-deployment-group": Customization(aliases={"ec2-tag-set": "ec-2-tag-set"}),
}
