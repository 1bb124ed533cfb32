// Where a synth's node time went, from a profile written by cpu-profile.js (or node --cpu-prof):
//
//   node bench/js/profile-summary.js <file.cpuprofile> [top]
//
// Prints a Markdown table of milliseconds by phase of the CDK's work, then the `top` functions by self
// time (default 15). Each sample goes to the first phase in PHASES that one of its frames matches
// (frames from the sample's function out to the root),
// so a phase counts all it calls (the validator's WebAssembly, cdk-nag's token resolution, ...).
// Time blocked reading the next request is the kernel waiting for the Java side.
'use strict';

const fs = require('fs');

const PHASES = [
  // the plugin's constructor builds its rule engine, during a construct call when the app registers it
  ['CDK template validator', f => f.functionName === 'validateTemplates' || f.functionName === 'CloudFormationValidatePlugin'],
  ['cdk-nag rules (aspects)', f => f.url.includes('/cdk-nag/')],
  ['other aspects (tags)', f => f.functionName === 'invokeAspectsV2' || f.functionName === 'invokeAspects'],
  ['references, nested-stack assets (prepare)', f => f.functionName === 'prepareApp'],
  ['tree.json', f => f.url.includes('tree-metadata')],
  ['templates and manifests (synthesize)', f => f.functionName === 'synthesizeTree'],
  // before the fixture's phases, which load the L1 modules they need, as the kernel does; the fixture
  // runs inside its own main-module load, so there only a load inside another one counts
  ['loading modules', (f, i, frames) => f.functionName === 'Module._load'
    && (!frames.some(g => g.url.includes('replay-app')) || frames.slice(i + 1).some(g => g.functionName === 'Module._load'))],
  // the replay fixture (node --cpu-prof bench/js/replay-app.js): what only it does, reading the
  // templates back into construct props, then the rest of its construction
  ['fixture: templates read into props', f => f.functionName === 'readJson' || f.functionName === 'parseValue'
    || /FromCloudFormation$/.test(f.functionName) || f.url.includes('helpers-internal/cfn-parse')],
  ['fixture: constructs created', f => f.functionName === 'replayTemplate'],
  ['fixture: app, stacks, reading the manifest', f => f.functionName === 'main' && f.url.includes('replay-app')],
  ['constructs created from Java', f => f.functionName === '_Kernel_create'],
  ['other calls from Java (invoke, get, set)', f => f.functionName === 'processRequest'],
  ['waiting for the Java side', f => f.functionName === 'read' || f.functionName === 'readSync'],
  ['garbage collection', f => f.functionName === '(garbage collector)'],
];

function summarize(profile) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const phase = new Map(); // node id -> phase name, memoized
  const phaseOf = id => {
    if (phase.has(id)) return phase.get(id);
    const frames = [];
    for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
    const hit = PHASES.find(([, matches]) => frames.some(matches));
    const name = hit ? hit[0] : 'other';
    phase.set(id, name);
    return name;
  };
  const totals = new Map(PHASES.map(([name]) => [name, 0]).concat([['other', 0]]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] || 0) / 1000;
    totals.set(phaseOf(id), totals.get(phaseOf(id)) + ms);
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '')}`;
    self.set(key, (self.get(key) || 0) + ms);
  });
  return { totals, self };
}

function main() {
  const [file, top = '15'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/js/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  const { totals, self } = summarize(JSON.parse(fs.readFileSync(file, 'utf8')));
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log('| node time by phase | ms | share |');
  console.log('|---|---:|---:|');
  for (const [name, ms] of totals) {
    if (ms > 0) console.log(`| ${name} | ${Math.round(ms)} | ${(100 * ms / all).toFixed(1)}% |`);
  }
  console.log(`| total (node process wall time) | ${Math.round(all)} | 100% |`);
  console.log();
  console.log('| function (self time) | ms |');
  console.log('|---|---:|');
  [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))
    .forEach(([key, ms]) => console.log(`| ${key} | ${Math.round(ms)} |`));
}

main();
