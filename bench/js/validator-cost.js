// What the CDK's template validator costs in one node process, by step, over an assembly's templates
// (nested ones too): build the rule engine, load its schemas (on a one-resource template of its own),
// validate each template alone, as the app's validator workers do. Node's own flags go before the
// script, so the same templates can be timed with and without them:
//
//   node bench/js/validator-cost.js <assembly dir>
//   node --single-threaded bench/js/validator-cost.js <assembly dir>
//
// One line: engine, schemas, templates, wall and CPU (user + system of this process), in ms.
// Run from the project, whose node_modules hold the app's aws-cdk-lib.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node [node flags] bench/js/validator-cost.js <assembly dir>\n');
  process.exit(2);
}
const started = Date.now();
const cdkDir = path.dirname(require.resolve('aws-cdk-lib/package.json', { paths: [process.cwd()] }));
const plugin = new (require(cdkDir).CloudFormationValidatePlugin)();
const built = Date.now();

const validate = file => plugin.validate({ stackTemplates: [{ stackConstructPath: path.basename(file), templatePath: file }],
  templatePaths: [file] });
const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-cost-'));
try {
  const warm = path.join(warmDir, 'warm.template.json');
  fs.writeFileSync(warm, '{"Resources":{"Nothing":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}');
  validate(warm);
} finally {
  fs.rmSync(warmDir, { recursive: true, force: true });
}
const warmed = Date.now();

const templates = fs.readdirSync(dir).filter(f => f.endsWith('.template.json')).sort();
templates.forEach(f => validate(path.join(dir, f)));
const done = Date.now();
const cpu = process.cpuUsage();
process.stdout.write(`engine ${built - started} ms, schemas ${warmed - built} ms, ${templates.length} templates `
  + `${done - warmed} ms, wall ${done - started} ms, cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`);
