// The JavaScript floor of the benchmark: the same empty app as the Java floor (EmptyApp.java), one
// stack holding one free resource (the validator refuses an empty Resources section), with the
// same forced context (BENCH_POST_CLI_CONTEXT) and validator switch (CDK_VALIDATION).
'use strict';

const cdk = require('aws-cdk-lib');

const postCliContext = process.env.BENCH_POST_CLI_CONTEXT ? JSON.parse(process.env.BENCH_POST_CLI_CONTEXT) : {};
const app = new cdk.App({ postCliContext });
new cdk.CfnWaitConditionHandle(new cdk.Stack(app, 'Empty'), 'Nothing');
app.synth();
