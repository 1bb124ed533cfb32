// Profiles the node side of a Java synth: the jsii kernel process, where the CDK does its work.
//
//   NODE_OPTIONS="--require $PWD/bench/js/cpu-profile.js" CPU_PROFILE_DIR=/tmp/prof bash bin/app
//   node bench/js/profile-summary.js /tmp/prof/*.cpuprofile
//
// node refuses --cpu-prof in NODE_OPTIONS, and jsii runs the kernel in a child of its launcher; so
// this hook starts V8's sampling profiler (1 ms) in the process running the kernel's program.js only,
// and writes <CPU_PROFILE_DIR>/<pid>.cpuprofile when it exits (also readable by Chrome DevTools).
'use strict';

if (process.argv.some(arg => arg.endsWith('program.js'))) {
  const fs = require('fs');
  const path = require('path');
  const inspector = require('inspector');
  const dir = process.env.CPU_PROFILE_DIR || '.';
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // Session.post runs synchronously in the inspected process itself, so this completes before exit.
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
