"""`cloudformation deploy` and `cloudformation package`, declared as data.

v2 adds both beside the model's operations (`awscli/customizations/
cloudformation/`); the arguments, their order and their types follow its
ARG_TABLEs, the help text is awsmini's own. The runs live in `deploy.py` and
`package.py`, imported only when a command runs; `templates.py` reads and
writes templates, `parameters.py` reads `--parameter-overrides`,
`exporters.py` walks a template for local artifacts, `uploader.py` and
`archive.py` put them in S3.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, flag, option

DESCRIPTION = "AWS CloudFormation."


def _strings(name: str, shape: str, documentation: str) -> ArgSpec:
    return option(name, documentation, "list", shape=shape, nargs="+")


SHAPES = {
    "Strings": {"type": "list", "member": {"shape": "String"}},
    "Metadata": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
    "String": {"type": "string"},
}

TEMPLATE_FILE = option("template-file", "The path of the template file.", is_required=True)
S3_PREFIX = option("s3-prefix", "A prefix for the keys of the objects uploaded (a folder of "
                    "the bucket): <code>PREFIX/KEY</code>.")
KMS_KEY_ID = option("kms-key-id", "The AWS KMS key that encrypts the uploaded objects at rest "
                     "(<code>aws:kms</code>); without it they are encrypted with "
                     "<code>AES256</code>.")
FORCE_UPLOAD = flag("force-upload", "Upload even when an object with the same content is "
                     "already in the bucket (by default such uploads are skipped).")

DEPLOY = (
    "<p>Create a stack from a template, or update it: a change set is made (of type CREATE "
    "for a stack that does not exist yet, UPDATE otherwise), then executed, and the command "
    "waits for each step, printing what it waits for. With "
    "<code>--no-execute-changeset</code> the change set is only made, for you to review and "
    "execute later.</p>"
    "<p>Every parameter the template declares is passed: those in "
    "<code>--parameter-overrides</code> with their new value, the others with the value the "
    "stack already has (a new stack takes their defaults). A template larger than 51,200 "
    "bytes has to be uploaded to S3 first: name a bucket with <code>--s3-bucket</code>.</p>"
    "<p>When the template and parameters change nothing, the command says so and exits with "
    "0, or with 255 under <code>--fail-on-empty-changeset</code>.</p>")

PACKAGE = (
    "<p>Upload the local files and directories a template refers to into an S3 bucket, and "
    "print the template with those references replaced by the objects' S3 locations, ready "
    "for <code>deploy</code>.</p>"
    "<p>The properties looked at (nested templates are packaged in turn):</p><ul>"
    "<li>AWS::Lambda::Function: Code</li>"
    "<li>AWS::Lambda::LayerVersion: Content</li>"
    "<li>AWS::Serverless::Function: CodeUri</li>"
    "<li>AWS::Serverless::LayerVersion: ContentUri</li>"
    "<li>AWS::Serverless::Api: DefinitionUri</li>"
    "<li>AWS::Serverless::StateMachine: DefinitionUri</li>"
    "<li>AWS::Serverless::Application: Location (a nested template)</li>"
    "<li>AWS::CloudFormation::Stack: TemplateURL (a nested template)</li>"
    "<li>AWS::ApiGateway::RestApi: BodyS3Location</li>"
    "<li>AWS::AppSync::GraphQLSchema: DefinitionS3Location</li>"
    "<li>AWS::AppSync::Resolver and AWS::AppSync::FunctionConfiguration: "
    "RequestMappingTemplateS3Location, ResponseMappingTemplateS3Location</li>"
    "<li>AWS::Glue::Job: Command.ScriptLocation</li>"
    "<li>AWS::StepFunctions::StateMachine: DefinitionS3Location</li>"
    "<li>AWS::ElasticBeanstalk::ApplicationVersion: SourceBundle</li>"
    "<li>AWS::CodeCommit::Repository: Code.S3</li>"
    "<li>AWS::ServerlessRepo::Application (in Metadata): ReadmeUrl, LicenseUrl</li>"
    "<li>Fn::Transform of AWS::Include, anywhere: Location</li>"
    "</ul>"
    "<p>A relative path is taken from the template's directory. A directory is uploaded as "
    "a zip; Lambda code and layers are zipped even when they are a single file. Each object "
    "is named by the MD5 of its content, so unchanged artifacts are not uploaded again. A "
    "property that is left out stands for the template's directory, where the resource "
    "needs code.</p>")

COMMANDS = {
    "package": CustomCommand("package", PACKAGE, (
        TEMPLATE_FILE,
        option("s3-bucket", "The bucket the artifacts are uploaded to.", is_required=True),
        S3_PREFIX, KMS_KEY_ID,
        option("output-template-file", "Write the packaged template to this file instead of "
                "standard output."),
        flag("use-json", "Write the packaged template as JSON rather than YAML."),
        FORCE_UPLOAD,
        option("metadata", "User metadata given to every object uploaded, as "
                "<code>key=value,...</code> or JSON.", "map", shape="Metadata"),
    ), "awsmini.commands.cloudformation.package:run", shapes=SHAPES),
    "deploy": CustomCommand("deploy", DEPLOY, (
        TEMPLATE_FILE,
        option("stack-name", "The stack to create or update.", is_required=True),
        option("s3-bucket", "A bucket to upload the template to before deploying it; needed "
                "for templates over 51,200 bytes."),
        FORCE_UPLOAD, S3_PREFIX, KMS_KEY_ID,
        option("parameter-overrides", "<p>New values of template parameters, as "
                "<code>Key=Value</code> words, or as JSON (inline or from a "
                "<code>file://</code>) in one of three forms: <code>[\"Key=Value\", ...]"
                "</code>, <code>[{\"ParameterKey\": \"Key\", \"ParameterValue\": "
                "\"Value\"}, ...]</code> or <code>{\"Parameters\": {\"Key\": \"Value\", "
                "...}}</code>. Parameters not given keep the stack's value.</p>",
                nargs="+"),
        _strings("capabilities", "Strings", "The capabilities the template needs you to "
                 "acknowledge, such as <code>CAPABILITY_IAM</code> or "
                 "<code>CAPABILITY_NAMED_IAM</code> for templates that create IAM "
                 "resources."),
        flag("no-execute-changeset", "Make the change set and stop, printing the command "
              "that shows it; the stack is not changed."),
        flag("disable-rollback", "When executing the change set fails, keep the resources "
              "made so far instead of rolling back (<code>--no-disable-rollback</code>, the "
              "default, rolls back).", negative="no-disable-rollback"),
        option("role-arn", "An IAM role CloudFormation assumes to execute the change set."),
        _strings("notification-arns", "Strings", "Amazon SNS topics CloudFormation sends the "
                 "stack's events to."),
        flag("fail-on-empty-changeset", "Exit with 255 when there is nothing to change "
              "(<code>--no-fail-on-empty-changeset</code>, the default, exits with 0).",
              negative="no-fail-on-empty-changeset"),
        _strings("tags", "Strings", "Tags of the stack, as <code>Key=Value</code> words; "
                 "CloudFormation passes them on to the resources that take tags."),
    ), "awsmini.commands.cloudformation.deploy:run", shapes=SHAPES),
}
