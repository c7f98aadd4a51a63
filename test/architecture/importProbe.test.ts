/**
 * The probe: for every folder of the layer table, a real file that imports upward (or a platform the
 * folder must not touch) is written into that folder, linted with the project's own ESLint config,
 * and must fail with the layer rule; a file importing only what its row allows must pass. The probe
 * files are deleted afterwards.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/lint/layers.mjs';
import { PROBE_PREFIX } from '../support/sourceTree';

const root = join(import.meta.dirname, '../..');
const tag = `${PROBE_PREFIX}${process.pid}`;

/** [folder, import line, must it fail?] — every folder gets upward imports and one allowed import. */
const probes: Array<[string, string, boolean]> = [
  ['src/core', "import '../services/apiHandlers';", true],
  ['src/core', "import '../api/contract';", true],
  ['src/core', "import '../renderer/main';", true],
  ['src/core', "import 'node:fs';", true],
  ['src/core', "import 'electron';", true],
  ['src/core', "import 'react';", true],
  ['src/core', "import './textEdit';", false],
  ['src/api', "import '../services/apiHandlers';", true],
  ['src/api', "import { parseReport } from '../core/parseReport';\nexport const p = parseReport;", true],
  ['src/api', "import 'node:fs';", true],
  ['src/api', "export type { TextEdit } from '../core/textEdit';", false],
  ['src/services', "import 'electron';", true],
  ['src/services', "import '../hosts/http/browserHost';", true],
  ['src/services', "import '../hosts/electron/index';", true],
  ['src/services', "import '../renderer/main';", true],
  ['src/services', "import 'react';", true],
  ['src/services', "import '../core/textEdit';\nimport 'node:fs';", false],
  ['src/hosts/http', "import 'electron';", true],
  ['src/hosts/http', "import '../cli/main';", true],
  ['src/hosts/http', "import '../electron/index';", true],
  ['src/hosts/http', "import '../../renderer/main';", true],
  ['src/hosts/http', "import '../../services/apiHandlers';", false],
  ['src/hosts/cli', "import 'electron';", true],
  ['src/hosts/cli', "import '../electron/index';", true],
  ['src/hosts/cli', "import '../../renderer/main';", true],
  ['src/hosts/cli', "import '../http/browserHost';\nimport '../../services/apiHandlers';", false],
  ['src/hosts/electron', "import '../http/browserHost';", true],
  ['src/hosts/electron', "import '../cli/main';", true],
  ['src/hosts/electron', "import './preload/index';", true],
  ['src/hosts/electron', "import '../../renderer/main';", true],
  ['src/hosts/electron', "import 'electron';\nimport '../../services/apiHandlers';", false],
  ['src/hosts/electron/preload', "import 'node:fs';", true],
  ['src/hosts/electron/preload', "import '../../../services/apiHandlers';", true],
  ['src/hosts/electron/preload', "import '../index';", true],
  ['src/hosts/electron/preload', "import 'electron';\nimport '../../../api/contract';", false],
  ['src/renderer', "import '../services/apiHandlers';", true],
  ['src/renderer', "import '../hosts/http/browserHost';", true],
  ['src/renderer', "import 'electron';", true],
  ['src/renderer', "import 'node:path';", true],
  ['src/renderer', "import '../core/textEdit';\nimport '../api/contract';\nimport 'react';", false],
  // A folder without a row in the table is refused whatever it imports.
  ['src/newFolder', "export const x = 1;", true],
];

const files = probes.map(([folder], i) => join(root, folder, `${tag}_${i}.ts`));
let results: ESLint.LintResult[] = [];

beforeAll(async () => {
  probes.forEach(([, code], i) => {
    mkdirSync(dirname(files[i]!), { recursive: true });
    writeFileSync(files[i]!, `${code}\n`);
  });
  try {
    results = await new ESLint({ cwd: root }).lintFiles(files);
  } finally {
    for (const file of files) rmSync(file, { force: true });
    rmSync(join(root, 'src/newFolder'), { recursive: true, force: true });
  }
}, 120_000);

afterAll(() => {
  for (const file of files) rmSync(file, { force: true });
});

function layerErrors(file: string): string[] {
  const result = results.find((r) => r.filePath === file);
  if (!result) throw new Error(`${relative(root, file)} was not linted (ignored by the config?)`);
  return result.messages.filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

describe('the layer whitelist refuses an upward import in every folder', () => {
  it('probes every folder of the table', () => {
    const probed = new Set(probes.map(([folder]) => folder));
    for (const layer of LAYERS) expect(probed, layer.folder).toContain(layer.folder);
  });

  probes.forEach(([folder, code, mustFail], i) => {
    it(`${folder}: ${code.split('\n').join(' ')} → ${mustFail ? 'lint error' : 'passes'}`, () => {
      const errors = layerErrors(files[i]!);
      if (mustFail) expect(errors.length, `no layer error for ${code}`).toBeGreaterThan(0);
      else expect(errors).toEqual([]);
    });
  });
});
