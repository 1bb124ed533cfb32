// The benchmark's plain-JavaScript fixture: a CDK app that builds the same resources as the Java
// synth it is compared with, so the Java overhead is a ratio measured side by side.
//
// It is a replay app. It reads the cloud assembly the Java run just wrote (REPLAY_ASSEMBLY: its
// manifest.json, every stack template and every nested stack template) and re-creates each stack
// with the same construct id, stack name, environment, tags and termination protection; each
// resource as `new CfnResource(scope, id, {type, properties})` at its original construct path (the
// manifest's logical-id metadata gives it; plain Constructs stand in for the app's own scopes) with
// overrideLogicalId, then its DependsOn, Condition, Metadata and policies; Parameters, Mappings,
// Conditions, Rules and Outputs likewise. An `AWS::CloudFormation::Stack` whose TemplateURL names a
// nested-template file asset becomes a `NestedStack` with the same construct id and scope, so its
// template file name and asset hash come out the same; its own template is replayed into it,
// recursively. Elements are created in the order the templates list them, so the CDK renders them
// in the same order (DependsOn sorted by the same paths) and nested templates hash the same.
//
// It runs as its own `node` process, as `cdk synth` would run `node app.js`: CDK_OUTDIR and
// CDK_CONTEXT_JSON as the CLI sets them; BENCH_POST_CLI_CONTEXT carries the context the Java app
// forces on itself (OpsBaselineApp.strictValidation); CDK_VALIDATION=false turns the CDK's
// template validator off, as on the Java side; when on, it covers nested templates on both sides.
// Plain CommonJS, no build step. Not handled (it fails loudly): assets other than templates, stacks
// inside stages.
//
// REPLAY_MODE=typed makes it do most of the CDK work the Java app does in node, so that what is left
// between the two is mostly the Java side's own cost (its construct calls across jsii): each resource is the
// CDK's typed L1 class for its type (`CfnAlarm`, ...: built from the template's properties by the
// class's own CloudFormation reader, so it renders and validates them through the same generated
// code), REPLAY_NAG_PACKS names the cdk-nag packs the Java app applied to every stack (their
// suppressions are in the templates' metadata), and each stack's tags are applied as the app's
// `Tags` aspect applies them. What it still leaves out is the L2 constructs' own logic (grants,
// policy documents, ...) and the references the CDK resolves between stacks, which the templates
// already hold resolved. It prints how many rule checks the packs made (`replay: cdk-nag rule checks N`),
// since every finding of the Java app may be suppressed and equal findings would then not show that
// the packs ran. Default (REPLAY_MODE=plain): `CfnResource`s, no packs, no aspect.
'use strict';

const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');

const NESTED_SUFFIX = '.nested.template.json';
const MODE = process.env.REPLAY_MODE || 'plain';
if (!['plain', 'typed'].includes(MODE)) throw new Error(`replay: REPLAY_MODE is ${MODE}; expected plain or typed`);
const TYPED = MODE === 'typed';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function fail(message) {
  throw new Error(`replay: ${message}`);
}

const NESTED_RESOURCE = /^(.*)\/([^/]+)\.NestedStack\/\2\.NestedStackResource$/;

/** Everything the replay needs from one top-level stack's artifact. */
class StackSource {
  constructor(assemblyDir, artifactId, artifact, manifest) {
    this.assemblyDir = assemblyDir;
    this.artifactId = artifactId;
    const props = artifact.properties || {};
    this.template = readJson(path.join(assemblyDir, props.templateFile));
    const metadata = Object.assign({}, artifact.metadata || {});
    if (artifact.additionalMetadataFile) {
      Object.assign(metadata, readJson(path.join(assemblyDir, artifact.additionalMetadataFile)));
    }
    const logicalIds = [];
    for (const [constructPath, entries] of Object.entries(metadata)) {
      for (const entry of entries) {
        if (entry.type === 'aws:cdk:logicalId') logicalIds.push([constructPath, entry.data]);
      }
    }
    // construct path of every element, by the (nested) stack that owns it and its logical id
    const nestedPaths = logicalIds.map(([p]) => NESTED_RESOURCE.exec(p)).filter(m => m).map(m => `${m[1]}/${m[2]}`)
      .sort((a, b) => b.length - a.length);
    this.paths = {};
    for (const [constructPath, logicalId] of logicalIds) {
      const owner = nestedPaths.find(n => constructPath.startsWith(`${n}/`)) || `/${artifact.displayName || artifactId}`;
      (this.paths[owner] = this.paths[owner] || {})[logicalId] = constructPath;
    }
    // asset hash -> source, from this stack's asset manifest (nested templates of every depth land there)
    this.assets = {};
    for (const dep of artifact.dependencies || []) {
      const a = manifest.artifacts[dep];
      if (a && a.type === 'cdk:asset-manifest') {
        const assetManifest = readJson(path.join(assemblyDir, a.properties.file));
        if (Object.keys(assetManifest.dockerImages || {}).length > 0) {
          fail(`${artifactId} has docker image assets, which the replay does not rebuild`);
        }
        Object.assign(this.assets, assetManifest.files || {});
      }
    }
    for (const [hash, asset] of Object.entries(this.assets)) {
      const file = asset.source.path;
      if (file !== props.templateFile && !file.endsWith(NESTED_SUFFIX)) {
        fail(`${artifactId} has the file asset ${file} (${hash}); the replay only handles templates`);
      }
    }
    this.nodes = {}; // construct path -> construct, as the replay creates them
  }

  /** The construct at `constructPath`, plain `Construct`s standing in for the app's own scopes. */
  nodeAt(constructPath) {
    if (!this.nodes[constructPath]) {
      const cut = constructPath.lastIndexOf('/');
      this.nodes[constructPath] = new Construct(this.nodeAt(constructPath.slice(0, cut)), constructPath.slice(cut + 1));
    }
    return this.nodes[constructPath];
  }

  /** Where the element `logicalId` of the stack at `stackPath` goes: its original scope and id, else the stack itself. */
  place(stack, stackPath, logicalId) {
    const constructPath = (this.paths[stackPath] || {})[logicalId];
    if (!constructPath) return { scope: stack, id: logicalId };
    const cut = constructPath.lastIndexOf('/');
    return { scope: this.nodeAt(constructPath.slice(0, cut)), id: constructPath.slice(cut + 1), constructPath };
  }

  /** Creates the element at its place and records it as a scope for elements below it. */
  create(stack, stackPath, logicalId, factory) {
    const { scope, id, constructPath } = this.place(stack, stackPath, logicalId);
    const element = factory(scope, id);
    element.overrideLogicalId(logicalId);
    if (constructPath) this.nodes[constructPath] = element;
    return element;
  }

  /** The nested stack behind the resource `logicalId` of the stack at `stackPath`, if it is one. */
  nestedStack(stackPath, logicalId, def) {
    const m = NESTED_RESOURCE.exec((this.paths[stackPath] || {})[logicalId] || '');
    if (def.Type !== 'AWS::CloudFormation::Stack' || !m) return undefined;
    const hash = /([0-9a-f]{64})\.json/.exec(JSON.stringify((def.Properties || {}).TemplateURL));
    const asset = hash && this.assets[hash[1]];
    if (!asset || !asset.source.path.endsWith(NESTED_SUFFIX)) {
      fail(`nested stack resource ${logicalId} under ${stackPath} names no nested template asset`);
    }
    return { file: asset.source.path, scopePath: m[1], id: m[2] };
  }
}

/** The CDK's own map of CloudFormation types to their L1 classes (the one CfnInclude uses). */
const L1_CLASSES = TYPED
  ? readJson(path.join(path.dirname(require.resolve('aws-cdk-lib')), 'cloudformation-include', 'cfn-types-2-classes.json'))
  : {};

/**
 * The typed L1 class for a CloudFormation type, or undefined (custom resources, types the CDK has no
 * class for). Loaded on first use, as the Java app loads only the modules it uses.
 */
function l1Class(type) {
  const fqn = L1_CLASSES[type];
  // as CfnInclude: that class models only ServiceToken, a custom resource's other properties are free
  if (!fqn || type === 'AWS::CloudFormation::CustomResource') return undefined;
  const dot = fqn.indexOf('.');
  return require(fqn.slice(0, dot))[fqn.slice(dot + 1)];
}

/**
 * What the L1 classes' CloudFormation readers ask of a parser: the properties with every intrinsic
 * (Ref, Fn::*) as an opaque token that renders back as written, because the templates already hold
 * the references the CDK resolved; the resource's attributes are set by the replay itself.
 */
const RAW_INTRINSICS = {
  parseValue(value) {
    if (Array.isArray(value)) return value.map(v => RAW_INTRINSICS.parseValue(v));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return cdk.Token.asAny(value);
    const parsed = {};
    for (const [k, v] of Object.entries(value)) parsed[k] = RAW_INTRINSICS.parseValue(v);
    return parsed;
  },
  handleAttributes() { },
};

/** A resource as the mode builds it: its typed L1 class, else (and in plain mode) a `CfnResource`. */
function newResource(scope, id, def) {
  const cls = TYPED && l1Class(def.Type);
  if (cls) return cls._fromCloudFormation(scope, id, { Properties: def.Properties }, { parser: RAW_INTRINSICS });
  return new cdk.CfnResource(scope, id, { type: def.Type, properties: def.Properties });
}

/** Counts every rule check of the packs, whatever its outcome (cdk-nag calls one of these per check). */
const RULE_CHECKS = { count: 0 };
const COUNTING_LOGGER = Object.fromEntries(['onCompliance', 'onNonCompliance', 'onSuppressed', 'onError',
  'onSuppressedError', 'onNotApplicable'].map(event => [event, () => { RULE_CHECKS.count++; }]));

/** The cdk-nag packs REPLAY_NAG_PACKS names (class names, as the Java app's), with the app's options. */
function nagPacks() {
  const names = (process.env.REPLAY_NAG_PACKS || '').split(',').filter(n => n);
  if (names.length && !TYPED) fail('REPLAY_NAG_PACKS is for REPLAY_MODE=typed');
  if (!names.length) return [];
  const nag = require('cdk-nag');
  return names.map(n => {
    if (typeof nag[n] !== 'function') fail(`REPLAY_NAG_PACKS names ${n}, which cdk-nag does not export`);
    // as CompliancePacks: verbose findings, no report files; plus the counter
    return new nag[n]({ verbose: true, reports: false, additionalLoggers: [COUNTING_LOGGER] });
  });
}

function lowerFirst(key) {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** A CloudFormation value as the string-typed props of the L1 helpers take it (tokens pass raw JSON through). */
function asString(value) {
  return typeof value === 'string' ? value : cdk.Token.asString(value);
}

/** Replays one template (a stack's or a nested stack's) into `stack`, whose construct path is `stackPath`. */
function replayTemplate(source, stack, stackPath, template) {
  const create = (logicalId, factory) => source.create(stack, stackPath, logicalId, factory);
  const resources = {};
  const conditions = {};
  const outputs = {};
  for (const [section, body] of Object.entries(template)) {
    switch (section) {
      case 'Description': // a stack property, rendered first whatever the order
        break;
      case 'AWSTemplateFormatVersion':
        stack.templateOptions.templateFormatVersion = body;
        break;
      case 'Transform':
        [].concat(body).forEach(t => stack.addTransform(t));
        break;
      case 'Metadata':
        stack.templateOptions.metadata = body;
        break;
      case 'Parameters':
        // the synthesizer adds BootstrapVersion (and its rule) only when the stack has no such
        // child, so the replayed ones, at the same path, stand in for it
        for (const [id, def] of Object.entries(body)) {
          const props = {};
          for (const [k, v] of Object.entries(def)) props[lowerFirst(k)] = v;
          create(id, (scope, cid) => new cdk.CfnParameter(scope, cid, props));
        }
        break;
      case 'Mappings':
        for (const [id, mapping] of Object.entries(body)) {
          create(id, (scope, cid) => new cdk.CfnMapping(scope, cid, { mapping }));
        }
        break;
      case 'Conditions':
        for (const [id, expression] of Object.entries(body)) {
          conditions[id] = create(id, (scope, cid) => new cdk.CfnCondition(scope, cid, { expression }));
        }
        break;
      case 'Rules':
        for (const [id, rule] of Object.entries(body)) {
          create(id, (scope, cid) => new cdk.CfnRule(scope, cid, {
            ruleCondition: rule.RuleCondition,
            assertions: (rule.Assertions || []).map(a => ({ assert: a.Assert, assertDescription: a.AssertDescription })),
          }));
        }
        break;
      case 'Resources':
        for (const [id, def] of Object.entries(body)) {
          const nested = source.nestedStack(stackPath, id, def);
          resources[id] = nested
            ? replayNested(source, id, def, nested)
            : create(id, (scope, cid) => newResource(scope, cid, def));
        }
        break;
      case 'Outputs':
        for (const [id, def] of Object.entries(body)) {
          outputs[id] = create(id, (scope, cid) => new cdk.CfnOutput(scope, cid, {
            value: asString(def.Value),
            description: def.Description,
            exportName: def.Export ? asString(def.Export.Name) : undefined,
          }));
        }
        break;
      default:
        fail(`template section ${section} is not replayed`);
    }
  }

  // attributes last: DependsOn and Condition may name elements listed after the resource or output
  for (const [id, def] of Object.entries(template.Resources || {})) {
    const resource = resources[id];
    for (const [key, value] of Object.entries(def)) {
      switch (key) {
        case 'Type':
        case 'Properties':
          break;
        case 'DependsOn':
          [].concat(value).forEach(dep => resource.addResourceDependency(resources[dep] || fail(`${id} depends on unknown ${dep}`)));
          break;
        case 'Condition':
          resource.cfnOptions.condition = conditions[value] || fail(`${id} names unknown condition ${value}`);
          break;
        case 'Metadata':
          resource.cfnOptions.metadata = value;
          break;
        case 'DeletionPolicy':
          resource.cfnOptions.deletionPolicy = value;
          break;
        case 'UpdateReplacePolicy':
          resource.cfnOptions.updateReplacePolicy = value;
          break;
        default: // UpdatePolicy, CreationPolicy, Version...: already in CloudFormation's spelling
          resource.addOverride(key, value);
      }
    }
  }

  for (const [id, def] of Object.entries(template.Outputs || {})) {
    if (def.Condition) outputs[id].condition = conditions[def.Condition] || fail(`output ${id} names unknown condition ${def.Condition}`);
  }
}

/** A `NestedStack` at the original scope and id (so the same template file and asset), its template replayed into it. */
function replayNested(source, logicalId, def, nested) {
  const template = readJson(path.join(source.assemblyDir, nested.file));
  const parameters = {};
  for (const [k, v] of Object.entries(def.Properties.Parameters || {})) parameters[k] = asString(v);
  const stack = new cdk.NestedStack(source.nodeAt(nested.scopePath), nested.id, { description: template.Description, parameters });
  if (stack.templateFile !== nested.file) {
    fail(`nested stack ${logicalId} would write ${stack.templateFile}, the Java app wrote ${nested.file}`);
  }
  const nestedPath = `${nested.scopePath}/${nested.id}`;
  source.nodes[nestedPath] = stack;
  const resource = stack.nestedStackResource;
  resource.overrideLogicalId(logicalId);
  for (const [k, v] of Object.entries(def.Properties)) {
    if (k !== 'TemplateURL' && k !== 'Parameters') resource.addPropertyOverride(k, v);
  }
  replayTemplate(source, stack, nestedPath, template);
  return resource;
}

function environment(env) {
  const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(env || '');
  if (!m) return undefined;
  return {
    account: m[1] === 'unknown-account' ? undefined : m[1],
    region: m[2] === 'unknown-region' ? undefined : m[2],
  };
}

/**
 * What the Java app registers as NestedStackValidation: the CDK's template validator over each
 * stack's nested templates too (the CDK hands it top-level templates only), so both sides validate
 * the same templates with the same rule engine.
 */
class NestedStackValidation extends cdk.CloudFormationValidatePlugin {
  validate(context) {
    const stackTemplates = [];
    for (const stack of context.stackTemplates) {
      stackTemplates.push(stack);
      const dir = path.dirname(stack.templatePath);
      const assets = path.join(dir, path.basename(stack.templatePath).replace(/\.template\.json$/, '.assets.json'));
      if (!fs.existsSync(assets)) continue;
      const nested = Object.values(readJson(assets).files || {}).map(f => f.source.path)
        .filter(p => p.endsWith(NESTED_SUFFIX)).sort();
      for (const file of nested) {
        stackTemplates.push({
          stackConstructPath: `${stack.stackConstructPath}/${file.slice(0, -NESTED_SUFFIX.length)}`,
          templatePath: path.join(dir, file),
        });
      }
    }
    return super.validate({ ...context, stackTemplates, templatePaths: stackTemplates.map(s => s.templatePath) });
  }
}

function main() {
  const assemblyDir = process.env.REPLAY_ASSEMBLY || fail('REPLAY_ASSEMBLY names no cloud assembly');
  const manifest = readJson(path.join(assemblyDir, 'manifest.json'));
  const postCliContext = process.env.BENCH_POST_CLI_CONTEXT ? JSON.parse(process.env.BENCH_POST_CLI_CONTEXT) : {};
  const app = new cdk.App({ postCliContext });
  if (process.env.CDK_VALIDATION !== 'false') cdk.Validations.of(app).addPlugins(new NestedStackValidation());
  const stacks = {};
  const packs = nagPacks();
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const source = new StackSource(assemblyDir, artifactId, artifact, manifest);
    const constructPath = artifact.displayName || artifactId;
    if (constructPath.includes('/')) {
      fail(`stack ${constructPath} is not a direct child of the app (stages are not replayed)`);
    }
    const props = artifact.properties || {};
    const stack = new cdk.Stack(app, constructPath, {
      stackName: props.stackName || artifactId,
      env: environment(artifact.environment),
      description: source.template.Description,
      tags: props.tags,
      terminationProtection: props.terminationProtection,
    });
    source.nodes[`/${constructPath}`] = stack;
    replayTemplate(source, stack, `/${constructPath}`, source.template);
    if (TYPED) {
      // as BaselineStacks: the stack's tags as a Tags aspect (the resources' Tags already hold them),
      // then the packs, per stack
      for (const [key, value] of Object.entries(props.tags || {})) cdk.Tags.of(stack).add(key, value);
      for (const pack of packs) cdk.Aspects.of(stack).add(pack);
    }
    stacks[artifactId] = { stack, artifact };
  }
  for (const { stack, artifact } of Object.values(stacks)) {
    for (const dep of artifact.dependencies || []) {
      if (stacks[dep]) stack.addStackDependency(stacks[dep].stack);
    }
  }
  app.synth();
  if (packs.length) process.stderr.write(`replay: cdk-nag rule checks ${RULE_CHECKS.count}\n`);
}

main();
