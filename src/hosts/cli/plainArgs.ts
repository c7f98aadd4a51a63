/**
 * The command line of a `check` almost always holds only paths and on/off flags (`check`,
 * `check reports/README.md -v`, `check --json`). Node's `parseArgs` is a module of its own that
 * `node:util` compiles on first use: ~2 ms of CPU of a single check that is over in ~30 ms. This
 * reads such a plain command line itself, to the same values and positionals; anything else (an
 * option with a value, `--name=value`, grouped short flags, `-`, `--`, an unknown option) is left
 * to `parseArgs`, with its own errors and messages.
 */
interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  readonly default?: boolean | string;
}

export interface PlainArgs {
  readonly values: Record<string, boolean | string | undefined>;
  readonly positionals: string[];
}

/** What `parseArgs({ args, options, allowPositionals: true })` returns, or null when `args` is not plain. */
export function plainArgs(args: readonly string[], options: Readonly<Record<string, OptionSpec>>): PlainArgs | null {
  const values: Record<string, boolean | string | undefined> = {};
  for (const name in options) if (options[name].default !== undefined) values[name] = options[name].default;
  const positionals: string[] = [];
  for (const arg of args) {
    if (arg.charCodeAt(0) !== 45 /* - */) {
      positionals.push(arg);
      continue;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 ? shortName(options, arg[1]) : null;
    if (name === null || !Object.hasOwn(options, name) || options[name].type !== 'boolean') return null;
    values[name] = true;
  }
  return { values, positionals };
}

function shortName(options: Readonly<Record<string, OptionSpec>>, letter: string): string | null {
  for (const name in options) if (options[name].short === letter) return name;
  return null;
}
