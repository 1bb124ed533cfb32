// What a Java synth asks of the jsii kernel, from the stderr of a run with JSII_DEBUG=1:
//
//   JSII_DEBUG=1 CDK_CONTEXT_JSON=... bash bin/app 2> /tmp/jsii.log >/dev/null
//   node bench/js/jsii-census.js /tmp/jsii.log [top]
//
// Prints the number of requests (each a round trip between the JVM and node), then a Markdown
// table of the `top` kinds (default 25): `create <class>`, `invoke|get|set <member> <class>`,
// `sinvoke|sget <class>.<member>`, `naming <assembly>` (the Java runtime asks it each time an object
// it has no proxy for comes back from node), and the rest by api.
'use strict';

const fs = require('fs');

function census(text) {
  const counts = new Map();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('> {')) continue;
    let r;
    try {
      r = JSON.parse(line.slice(2));
    } catch {
      continue; // a request split over lines by other output: not counted
    }
    total++;
    const target = r.objref && r.objref['$jsii.byref'] ? r.objref['$jsii.byref'].replace(/@\d+$/, '') : '';
    let key = r.api;
    if (r.api === 'create') key += ` ${r.fqn}`;
    else if (r.api === 'sinvoke' || r.api === 'sget' || r.api === 'sset') key += ` ${r.fqn}.${r.method || r.property}`;
    else if (r.api === 'invoke' || r.api === 'get' || r.api === 'set') key += ` ${r.method || r.property} ${target}`;
    else if (r.api === 'naming') key += ` ${r.assembly}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return { total, counts };
}

function main() {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/js/jsii-census.js <stderr of a JSII_DEBUG=1 run> [top]');
    process.exit(2);
  }
  const { total, counts } = census(fs.readFileSync(file, 'utf8'));
  console.log(`requests: ${total}`);
  console.log();
  console.log('| request | count |');
  console.log('|---|---:|');
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, Number(top))
    .forEach(([key, n]) => console.log(`| ${key} | ${n} |`));
}

main();
