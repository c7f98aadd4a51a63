/**
 * The tree read as folders and imports: every import of src/ resolved to the file it loads, then
 * folded into the folders of the layer table. No import may run between folders against the table,
 * and no circle may tie folders together, nor files: a file that imports (even only a type, even
 * lazily) a file that imports it back cannot be read, tested or moved on its own. Independent of the
 * lint rule: this reads the imports with TypeScript's own pre-processor.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerOf } from '../../scripts/lint/layers.mjs';
import { sourceFiles } from '../support/sourceTree';

const root = join(import.meta.dirname, '../..');
const repoPath = (abs: string) => relative(root, abs).split(sep).join('/');

/** The sources of the app (tests and benches excluded). */
const appSources = (dir: string) => sourceFiles(dir, /^(?!.*\.(test|bench)\.tsx?$).*\.(ts|tsx)$/);

/** The source file a relative import loads (`./x` → x.ts, x.tsx or x/index.ts), or null for assets. */
function importedFile(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** File → files it imports (static, type-only, re-exports and dynamic `import()` alike). */
function fileGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of appSources(join(root, 'src'))) {
    const edges = new Map<string, string>();
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = fileName.startsWith('.') ? importedFile(file, fileName) : null;
      if (target) edges.set(repoPath(target), fileName);
    }
    graph.set(repoPath(file), edges);
  }
  return graph;
}

/** Folder → folders it imports, with one example import per pair (for the failure message). */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of appSources(join(root, 'src'))) {
    const from = layerOf(repoPath(file))?.folder ?? repoPath(dirname(file));
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = repoPath(resolve(dirname(file), fileName));
      const to = layerOf(`${target}/`)?.folder ?? target;
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${repoPath(file)} imports '${fileName}'`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/**
 * The circles of a graph: its strongly connected components with more than one member (Tarjan),
 * each listed in import order from its first member, so the message reads as the circle.
 */
function circles(graph: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== node);
      if (members.length > 1) found.push(members.reverse());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One shortest circle through the first file of a knot (breadth first, inside the knot), closed. */
function shortestCircle(graph: Map<string, Map<string, string>>, knot: readonly string[]): string[] {
  const start = knot[0];
  const inKnot = new Set(knot);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const to of graph.get(queue[i])?.keys() ?? []) {
      if (!inKnot.has(to) || cameFrom.has(to)) continue;
      cameFrom.set(to, queue[i]);
      if (to === start) {
        const path = [start];
        for (let at = cameFrom.get(start)!; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path];
      }
      queue.push(to);
    }
  }
  return [...knot, start];
}

describe('the import graph between the folders of src/', () => {
  const graph = folderGraph();

  it('has no import the layer table does not allow, and no import outside the table', () => {
    const wrong: string[] = [];
    for (const [from, edges] of graph) {
      const layer = LAYERS.find((l) => l.folder === from);
      for (const [to, example] of edges) {
        if (!layer || !layer.may.includes(to)) wrong.push(`${from} → ${to}: ${example}`);
      }
    }
    expect(wrong).toEqual([]);
    // The graph really was read: the hosts reach the shared backend.
    for (const host of ['src/hosts/electron', 'src/hosts/http', 'src/hosts/cli']) {
      expect([...(graph.get(host)?.keys() ?? [])], host).toContain('src/services');
    }
  });

  it('has no circle between folders', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('orders the table bottom-up: each folder may import only folders listed before it', () => {
    LAYERS.forEach((layer, i) => {
      const below = LAYERS.slice(0, i).map((l) => l.folder);
      for (const allowed of layer.may) expect(below, `${layer.folder} may import ${allowed}`).toContain(allowed);
    });
  });
});

describe('the import graph between the files of src/', () => {
  const graph = fileGraph();

  it('was read: imports of every kind resolve to files', () => {
    // A static, a type-only and a lazy import, each known to exist.
    expect([...(graph.get('src/hosts/cli/main.ts')?.keys() ?? [])]).toContain('src/hosts/cli/commands.ts');
    expect([...(graph.get('src/hosts/cli/commands.ts')?.keys() ?? [])]).toEqual(
      expect.arrayContaining(['src/hosts/cli/cliIo.ts', 'src/hosts/cli/checkCommand.ts']),
    );
  });

  it('has no circle between files: every import runs one way', () => {
    const named = circles(graph).map((knot) => {
      const path = shortestCircle(graph, knot);
      const steps = path.map((file, i) => (i + 1 < path.length ? `${file} → (${graph.get(file)!.get(path[i + 1])})` : file));
      const others = knot.length - (path.length - 1);
      return `${steps.join(' ')}${others > 0 ? ` [and ${others} more files tied into this circle]` : ''}`;
    });
    expect(named).toEqual([]);
  });
});

/**
 * Inside one layer, each sub-folder is a room and each file at the layer's root a room of its own
 * (a root file such as core/parseReport.ts is a base, core/index.ts the place that gathers): rooms
 * → rooms they import, with one example import per pair.
 */
function roomGraph(layer: string): Map<string, Map<string, string>> {
  const roomOf = (path: string) => {
    const rest = path.slice(layer.length + 1);
    return rest.includes('/') ? `${layer}/${rest.split('/')[0]}/` : path;
  };
  const graph = new Map<string, Map<string, string>>();
  for (const [file, edges] of fileGraph()) {
    if (!file.startsWith(`${layer}/`)) continue;
    const from = roomOf(file);
    for (const [target, specifier] of edges) {
      if (!target.startsWith(`${layer}/`)) continue;
      const to = roomOf(target);
      if (to === from) continue;
      const out = graph.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${file} imports '${specifier}'`);
      graph.set(from, out);
    }
    if (!graph.has(from)) graph.set(from, new Map());
  }
  return graph;
}

describe('the import graph between the sub-folders of each layer', () => {
  for (const layer of ['src/core', 'src/services', 'src/hosts/cli', 'src/renderer']) {
    it(`${layer}: sub-folders import each other one way, no circle`, () => {
      const graph = roomGraph(layer);
      expect(graph.size).toBeGreaterThan(3);
      const named = circles(graph).map((knot) => {
        const path = shortestCircle(graph, knot);
        return path.map((room, i) => (i + 1 < path.length ? `${room} → (${graph.get(room)!.get(path[i + 1])})` : room)).join(' ');
      });
      expect(named).toEqual([]);
    });
  }
});

/** Every file `entry` loads, directly or through others (lazy `import()`s included). */
function reachableFrom(entry: string): Set<string> {
  const graph = fileGraph();
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const target of graph.get(file)?.keys() ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

describe("the blank templates' stored prompts (a cold process's aid)", () => {
  const table = 'src/core/templates/templatePrompts.ts';
  it('are carried by the CLI, whose every run starts cold', () => {
    expect(reachableFrom('src/hosts/cli/checkScript.ts').has(table)).toBe(true);
    expect(reachableFrom('src/hosts/cli/doctorCommand.ts').has(table)).toBe(true);
  });

  it("are not in the app's page, where they only slowed the open", () => {
    expect(reachableFrom('src/renderer/main.tsx').has(table)).toBe(false);
  });
});
