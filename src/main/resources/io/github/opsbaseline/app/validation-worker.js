// One worker of ValidationWorkers: the CDK's template validator (CloudFormationValidatePlugin, the
// same class the synth would run) over the templates it is given, in a node process of its own so
// that several run side by side. Run as `node -e <this file>` in the app's working directory.
//
// stdin:  {"cdkVersion": "2.263.0", "accountId": ..., "region": ..., "stacks": [{"stackConstructPath", "templatePath"}]}
// stdout: {"cdkVersion": <aws-cdk-lib it loaded>, "engineVersion": <the plugin's version>,
//          "reports": [<the plugin's report of each template alone, in order>]}
// Exit 3 when the working directory resolves no aws-cdk-lib, or another version than cdkVersion:
// the caller then validates in its own process, so a worker never applies other rules than the synth.
'use strict';

const fs = require('fs');
const path = require('path');

const request = JSON.parse(fs.readFileSync(0, 'utf8'));
let cdkDir;
try {
  cdkDir = path.dirname(require.resolve('aws-cdk-lib/package.json', { paths: [process.cwd()] }));
} catch (e) {
  process.stderr.write(`no aws-cdk-lib under ${process.cwd()}\n`);
  process.exit(3);
}
const cdkVersion = JSON.parse(fs.readFileSync(path.join(cdkDir, 'package.json'), 'utf8')).version;
if (cdkVersion !== request.cdkVersion) {
  process.stderr.write(`aws-cdk-lib ${cdkVersion} under ${process.cwd()}, the app runs ${request.cdkVersion}\n`);
  process.exit(3);
}
const plugin = new (require(cdkDir).CloudFormationValidatePlugin)();
// One call per template: a template's findings alone are what the synth caches and merges.
const reports = request.stacks.map(stack => plugin.validate({
  stackTemplates: [stack],
  templatePaths: [stack.templatePath],
  accountId: request.accountId,
  region: request.region,
}));
process.stdout.write(JSON.stringify({ cdkVersion, engineVersion: plugin.version, reports }));
