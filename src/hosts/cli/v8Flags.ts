/**
 * Sets V8 flags from inside the running CLI (shortRun.ts turns the optimising compiler off for a
 * short `check`) without loading `node:v8`. That module also builds Node's heap-snapshot helpers,
 * which load Node's whole stream library: ~2.5 ms of CPU on every `check`, a single one of which
 * is over in ~30 ms after Node's start. `node:v8`'s `setFlagsFromString` is a thin wrapper over
 * the same function of V8's bindings, which `process.binding('v8')` hands out; Node marks that
 * door deprecated (DEP0111) and would print a warning, so the warning is held back for this one
 * call. Where the door is gone or refuses, `node:v8` is loaded as before: slower, never wrong
 * (every Node the package supports, ≥ 20.19, has `process.getBuiltinModule`, in CommonJS and ES
 * module builds alike).
 */
type FlagSetter = (flags: string) => void;

let setter: FlagSetter | null = null;

/** V8's own flag setter through `process.binding`, or null where this Node no longer offers it. */
export function bindingFlagSetter(): FlagSetter | null {
  const proc = process as unknown as { binding?: (name: string) => unknown; noDeprecation?: boolean };
  if (typeof proc.binding !== 'function') return null;
  const quiet = proc.noDeprecation;
  proc.noDeprecation = true;
  try {
    const binding = proc.binding('v8') as { setFlagsFromString?: unknown };
    return typeof binding?.setFlagsFromString === 'function' ? (binding.setFlagsFromString as FlagSetter) : null;
  } catch {
    return null;
  } finally {
    proc.noDeprecation = quiet;
  }
}

/** `v8.setFlagsFromString(flags)`, without loading `node:v8` where this Node allows it. */
export function setV8Flags(flags: string): void {
  setter ??= bindingFlagSetter() ?? process.getBuiltinModule('node:v8').setFlagsFromString;
  setter(flags);
}
