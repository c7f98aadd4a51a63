/**
 * `--json` output written piece by piece. A report with tens of thousands of warnings (a pasted or
 * generated file) makes one `JSON.stringify` of the whole verdict a string of hundreds of MB; written
 * element by element, the output is the same text while memory stays at one element's size.
 */

const indented = (json: string, pad: string): string => json.replaceAll('\n', `\n${pad}`);

/**
 * Writes `value` exactly as `JSON.stringify(value, null, 2)` would (one `out` call per line group;
 * `out` ends each with a newline), with the elements of its top-level arrays one at a time.
 */
export function writeJson(value: Readonly<Record<string, unknown>>, out: (text: string) => void): void {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined && typeof value[key] !== 'function');
  if (keys.length === 0) {
    out('{}');
    return;
  }
  out('{');
  keys.forEach((key, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    const item = value[key];
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(item) && item.length > 0) {
      out(`${head}[`);
      item.forEach((element: unknown, j) => {
        const json = JSON.stringify(element, null, 2) ?? 'null';
        out(`    ${indented(json, '    ')}${j < item.length - 1 ? ',' : ''}`);
      });
      out(`  ]${comma}`);
    } else {
      out(`${head}${indented(JSON.stringify(item, null, 2), '  ')}${comma}`);
    }
  });
  out('}');
}
