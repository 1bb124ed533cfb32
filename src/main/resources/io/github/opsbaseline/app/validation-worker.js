// One worker of ValidationWorkers: the CDK's template validator (CloudFormationValidatePlugin, the
// same class the synth would run) in a node process of its own, so that several run side by side,
// and so that one started with the JVM builds its rule engine while the app builds its stacks.
// Run as `node -e <this file>` in the app's working directory, with OPS_BASELINE_CDK_RELEASE set to
// the aws-cdk-lib release of the app and OPS_BASELINE_WARM_UP_TEMPLATE to where its warm-up's template
// goes (none: no warm-up).
//
// It builds the rule engine and says so on one stdout line: {"cdkVersion": <aws-cdk-lib it loaded>,
// "engineVersion": <the plugin's version>, "ruleIds": <the plugin's rule ids>}; then it loads the
// engine's schemas (by validating a one-resource template of its own). Then, for each stdin line {"accountId", "region", "stacks":
// [{"stackConstructPath", "templatePath"}]}, one stdout line {"reports": [<the plugin's report of
// each template alone, in order>]}. It ends at the end of stdin.
// Exit 3 when the working directory resolves no aws-cdk-lib, or another release: the caller then
// validates in its own process, so a worker never applies other rules than the synth.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

const expected = process.env.OPS_BASELINE_CDK_RELEASE;
let cdkDir;
try {
  cdkDir = path.dirname(require.resolve('aws-cdk-lib/package.json', { paths: [process.cwd()] }));
} catch (e) {
  process.stderr.write(`no aws-cdk-lib under ${process.cwd()}\n`);
  process.exit(3);
}
const cdkVersion = JSON.parse(fs.readFileSync(path.join(cdkDir, 'package.json'), 'utf8')).version;
if (cdkVersion !== expected) {
  process.stderr.write(`aws-cdk-lib ${cdkVersion} under ${process.cwd()}, the app runs ${expected}\n`);
  process.exit(3);
}
const plugin = new (require(cdkDir).CloudFormationValidatePlugin)();
// Ready as soon as the engine is built: the synth asks for its version and rules while it prepares
// the stacks (for their analytics metadata), before the first template; a request sent during the
// warm-up below waits on stdin.
process.stdout.write(JSON.stringify({ cdkVersion, engineVersion: plugin.version, ruleIds: plugin.ruleIds }) + '\n');

function reports(stacks, accountId, region) {
  // One call per template: a template's findings alone are what the synth caches and merges.
  return stacks.map(stack => plugin.validate({
    stackTemplates: [stack],
    templatePaths: [stack.templatePath],
    accountId,
    region,
  }));
}

// The engine loads its schemas on its first template (about 1 s single-threaded): pay that now, not
// on the app's. The template goes where OPS_BASELINE_WARM_UP_TEMPLATE says, in a directory the synth
// removes once the worker has ended, so that the synth may kill the worker at any time. Best effort: a
// warm-up that cannot write its template leaves the load to the first real one.
const warm = process.env.OPS_BASELINE_WARM_UP_TEMPLATE;
if (warm) {
  try {
    fs.writeFileSync(warm, '{"Resources":{"Nothing":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}');
    reports([{ stackConstructPath: 'Warm', templatePath: warm }]);
  } catch (e) {
    process.stderr.write(`validator warm-up skipped: ${e.message}\n`);
  }
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', line => {
  if (line.trim() === '') {
    return;
  }
  const request = JSON.parse(line);
  process.stdout.write(JSON.stringify({ reports: reports(request.stacks, request.accountId, request.region) }) + '\n');
});
