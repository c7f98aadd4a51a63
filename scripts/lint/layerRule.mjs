// ESLint rule `layers/allowed-imports`: every import in src/ must be allowed by the folder table in
// ./layers.mjs. A relative import is resolved to the folder it lands in (so `../electron/x` from
// src/hosts/cli is the Electron host, whatever the spelling); a bare one is checked for Node
// builtins, Electron and React.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { LAYERS, layerOf } from './layers.mjs';

const nodeBuiltins = new Set(builtinModules);
const TABLE = 'see the table in ARCHITECTURE.md, "Folders and what each may import"';

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`. */
function packageName(/** @type {string} */ spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @param {import('./layers.mjs').Layer} layer */
function allowedList(layer) {
  return layer.may.length === 0 ? 'nothing from the other folders' : layer.may.join(', ');
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src/ imports only what its row of the layer table allows.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const toRepo = (/** @type {string} */ abs) => relative(root, abs).split(sep).join('/');
    const file = toRepo(context.filename);
    if (!file.startsWith('src/')) return {};
    const own = layerOf(file);

    /**
     * @param {import('estree').Node} node
     * @param {string} spec
     * @param {boolean} typeOnly
     */
    function check(node, spec, typeOnly) {
      if (!own) return; // reported once, at Program
      if (spec.startsWith('.')) {
        const target = toRepo(resolve(dirname(context.filename), spec));
        const into = layerOf(`${target}/`);
        if (into === own) return;
        if (!into) {
          context.report({ node, message: `${own.folder} imports '${spec}', outside every folder of the layer table (${TABLE}).` });
        } else if (!own.may.includes(into.folder)) {
          context.report({ node, message: `${own.folder} may import only ${allowedList(own)}; '${spec}' is in ${into.folder} (${TABLE}).` });
        } else if (own.typesOnlyFrom?.includes(into.folder) && !typeOnly) {
          context.report({ node, message: `${own.folder} takes only types from ${into.folder}: write \`import type\` ('${spec}').` });
        }
        return;
      }
      const name = packageName(spec);
      if (spec.startsWith('node:') || nodeBuiltins.has(name)) {
        if (!own.node) context.report({ node, message: `${own.folder} runs where Node is not available: no '${spec}' (${TABLE}).` });
      } else if (name === 'electron') {
        if (!own.electron) context.report({ node, message: `${own.folder} never imports Electron: only src/hosts/electron does (${TABLE}).` });
      } else if (name === 'react' || name === 'react-dom') {
        if (!own.react) context.report({ node, message: `${own.folder} never imports React: only src/renderer does (${TABLE}).` });
      }
    }

    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') {
        const typeOnly =
          node.importKind === 'type' ||
          node.exportKind === 'type' ||
          (node.specifiers?.length > 0 && node.specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type'));
        check(node, node.source.value, typeOnly);
      }
    };
    return {
      Program(node) {
        if (!own) context.report({ node, message: `${file} is in no folder of the layer table (scripts/lint/layers.mjs): give its folder a row first.` });
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      /** @param {any} node */
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value, false);
      },
      /** `import('../x').T` in a type position. @param {any} node */
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        if (literal && typeof literal.value === 'string') check(node, literal.value, true);
      },
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': allowedImports } };
export { LAYERS };
