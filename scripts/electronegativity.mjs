// `npm run security`: Electronegativity (Doyensec's Electron security scanner) over src/, failing on
// any finding. The only way to silence one is an `eng-disable` comment in our source, and every such
// comment must say why, next to it: `// eng-disable CHECK_ID -- reason` (or the reason on the comment
// line directly above, which is how an HTML file does it).
//
// Electronegativity is a devDependency, so `npm install` installs it and a test run needs no
// network. It brings an old TypeScript (~4.2) and ESLint 7 of its own; npm nests those under
// node_modules/@doyensec/electronegativity/, so they never replace the project's.
//
// It scans src/ rather than the built out/: the eng-disable comments live in the source (a bundler
// drops them), and the bundles hold third-party code that would drown our own findings.
//
// Usage: node scripts/electronegativity.mjs [--input DIR]   (exit 0 clean, 1 findings, 2 cannot run)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const TOOL = '@doyensec/electronegativity';
const requireFromRoot = createRequire(join(root, 'package.json'));

const { values } = parseArgs({ options: { input: { type: 'string' } } });
const input = resolve(values.input ?? join(root, 'src'));

/** A path as the project sees it: relative inside the project, absolute outside it. */
const display = (path) => (path === root || path.startsWith(root + sep) ? relative(root, path) || '.' : path);

function fail(message) {
  console.error(`security: ${message}`);
  process.exit(2);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The installed scanner's package.json, or a plain failure saying how to install it. */
function installedTool() {
  let manifest;
  try {
    manifest = requireFromRoot.resolve(`${TOOL}/package.json`);
  } catch {
    fail(`${TOOL} is not installed: run \`npm install\` (it is one of the devDependencies in package.json)`);
  }
  return readJson(manifest);
}

/** The Electron version the app is built with, so version-dependent defaults are judged right. */
function electronVersion() {
  const installed = readJson(join(root, 'node_modules', 'electron', 'package.json'))?.version;
  if (installed) return installed;
  const pkg = readJson(join(root, 'package.json'));
  const range = pkg?.devDependencies?.electron ?? pkg?.dependencies?.electron;
  const match = /\d+\.\d+\.\d+/.exec(range ?? '');
  if (!match) fail('cannot tell which Electron version the app uses (no node_modules/electron, no "electron" in package.json)');
  return match[0];
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.html', '.htm']);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}

const COMMENT_START = /^\s*(\/\/|\/\*|\*|<!--)/;
const COMMENT_END = /(\*\/|-->)\s*$/;
/** Text a comment line holds once its comment markers are stripped. */
const commentText = (line) => line.replace(/^\s*(\/\/+|\/\*+|\*+|<!--)/, '').replace(COMMENT_END, '').trim();
/** A check named by its ID (`OPEN_EXTERNAL_JS_CHECK`) or its construct name (`openExternalJSCheck`). */
const CHECK_NAME = /^([A-Z0-9]+(_[A-Z0-9]+)*|[a-z][A-Za-z0-9]*Check)$/;

/**
 * Every `eng-disable` must carry a reason: after the check names in the same comment (`-- why`; in
 * HTML, where Electronegativity reads only words and spaces, plain words), or in the comment line
 * directly above it. Returns the ones that do not.
 */
function unexplainedDisables(dir) {
  const problems = [];
  let count = 0;
  for (const file of sourceFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((line, index) => {
      const at = line.search(/(\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]/);
      if (at < 0) return;
      count++;
      const tokens = line.slice(at).replace(/^(\/\/|\/\*|<!--)[ \t]*eng-disable/, '').replace(COMMENT_END, '').trim().split(/[\s,]+/);
      const checks = [];
      while (tokens.length > 0 && CHECK_NAME.test(tokens[0])) checks.push(tokens.shift());
      const sameLine = tokens.join(' ').replace(/^(--|:|—)\s*/, '').trim();
      const previous = lines[index - 1] ?? '';
      const above = COMMENT_START.test(previous) || COMMENT_END.test(previous) ? commentText(previous) : '';
      if (checks.length === 0) problems.push(`${display(file)}:${index + 1}: eng-disable names no check`);
      else if (sameLine.length < 10 && above.length < 10) {
        problems.push(`${display(file)}:${index + 1}: eng-disable ${checks.join(' ')} has no reason (write "-- why" after the check names)`);
      }
    });
  }
  return { problems, count };
}

async function main() {
  if (!existsSync(input)) fail(`${input} does not exist`);
  const tool = installedTool();
  const version = electronVersion();
  const run = requireFromRoot(TOOL);

  // Electronegativity talks on the console while it works (it tries to fetch translations and
  // Electron's release list, neither needed for these checks, and says so when offline). Keep it
  // for the end, so the findings come first.
  const chatter = [];
  const log = console.log;
  console.log = (...args) => chatter.push(args.join(' '));
  let result;
  try {
    result = await run({ input, electronVersionOverride: version, isRelative: true }, false);
  } finally {
    console.log = log;
  }

  const shown = display(input);
  console.log(`security: Electronegativity ${tool.version}, ${result.globalChecks + result.atomicChecks} checks over ${shown}/ (Electron ${version})`);
  for (const line of chatter) console.log(`  (electronegativity) ${line}`);

  let failed = false;
  const unparsed = result.errors.filter((e) => !e.tolerable);
  for (const error of unparsed) {
    console.log(`✗ ${relative(input, error.file)}: could not be parsed, so it was not checked: ${error.message}`);
    failed = true;
  }
  const issues = [...result.issues].sort((a, b) => `${a.file}:${a.location.line}`.localeCompare(`${b.file}:${b.location.line}`, 'en', { numeric: true }));
  for (const issue of issues) {
    const where = issue.file === 'N/A' ? '(whole app)' : `${join(shown, issue.file)}:${issue.location.line}:${issue.location.column}`;
    console.log(`✗ ${issue.id} [${issue.severity.name}/${issue.confidence.name}${issue.manualReview ? ', review' : ''}] ${where}`);
    console.log(`    ${issue.description}`);
    if (issue.sample) console.log(`    > ${issue.sample}`);
    console.log(`    ${issue.shortenedURL}`);
    failed = true;
  }
  const { problems, count } = unexplainedDisables(input);
  for (const problem of problems) {
    console.log(`✗ ${problem}`);
    failed = true;
  }

  if (failed) {
    console.log(
      `\nsecurity: ${issues.length} finding(s), ${unparsed.length} unparsed file(s), ${problems.length} unexplained eng-disable(s). ` +
        'Fix the code, or — when it is safe — add "eng-disable CHECK_ID -- reason" on the reported line.',
    );
    process.exit(1);
  }
  console.log(`security: no findings (${count} eng-disable annotation(s), each with its reason)`);
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
