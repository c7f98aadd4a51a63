/**
 * A minimal external store: components subscribe to a selected slice and re-render only when that
 * slice changes (by the given equality), so a new analysis does not re-render 31 unchanged cards.
 * A selector is not even run again when none of the fields it read last time changed: the first
 * key after a save flips `saveState` only, and the cards' selectors (which read `doc` and
 * `analysis`) cost nothing on it.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';

export interface Store<T> {
  getState(): T;
  setState(patch: Partial<T>): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(patch) {
      let changed = false;
      for (const key of Object.keys(patch) as (keyof T)[]) {
        if (!Object.is(state[key], patch[key])) changed = true;
      }
      if (!changed) return;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface Selected<T, S> {
  readonly state: T;
  readonly value: S;
  /** The state's fields the selector read to make `value`. */
  readonly reads: readonly (keyof T)[];
}

/**
 * The current selection of `store`, for useSyncExternalStore: the same value (by `equal`) as long
 * as the slice is unchanged; `select` runs again only when a field it read last time changed.
 */
export function selection<T extends object, S>(
  store: Store<T>,
  select: (state: T) => S,
  equal: (a: S, b: S) => boolean = Object.is,
): () => S {
  let cache: Selected<T, S> | null = null;
  return () => {
    const state = store.getState();
    const previous = cache;
    if (previous && previous.state === state) return previous.value;
    if (previous && previous.reads.every((key) => Object.is(previous.state[key], state[key]))) {
      cache = { ...previous, state };
      return previous.value;
    }
    const reads = new Set<keyof T>();
    const value = select(readsOf(state, reads));
    if (previous && equal(previous.value, value)) {
      cache = { state, value: previous.value, reads: [...reads] };
      return previous.value;
    }
    cache = { state, value, reads: [...reads] };
    return value;
  };
}

/** `state` as a selector sees it: each top-level field read is noted in `reads`. */
function readsOf<T extends object>(state: T, reads: Set<keyof T>): T {
  return new Proxy(state, {
    get(target, key, receiver) {
      reads.add(key as keyof T);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

export function useStore<T extends object, S>(
  store: Store<T>,
  select: (state: T) => S,
  equal: (a: S, b: S) => boolean = Object.is,
): S {
  const getSnapshot = useMemo(
    () => selection(store, select, equal),
    // The selector and equality are expected to be stable in meaning for a given component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store],
  );
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
