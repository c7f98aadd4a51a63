import { describe, expect, it } from 'vitest';
import { createStore, selection } from '../../src/renderer/document/store';

interface State {
  readonly doc: { readonly answers: readonly string[] };
  readonly saveState: 'saved' | 'unsaved';
  readonly other: number;
}

const initial: State = { doc: { answers: ['a', 'bb', 'ccc'] }, saveState: 'saved', other: 0 };

describe('store selection', () => {
  it('does not run a selector again when only fields it did not read changed (the first key after a save)', () => {
    const store = createStore<State>(initial);
    let runs = 0;
    const card = selection(store, (s) => {
      runs++;
      return s.doc.answers[1].length;
    });
    expect(card()).toBe(2);
    store.setState({ saveState: 'unsaved' });
    store.setState({ other: 1 });
    expect(card()).toBe(2);
    expect(runs).toBe(1);
    store.setState({ doc: { answers: ['a', 'bbbb', 'ccc'] } });
    expect(card()).toBe(4);
    expect(runs).toBe(2);
  });

  it('keeps the previous value when the new one is equal, so the component does not re-render', () => {
    const store = createStore<State>(initial);
    const first = selection(
      store,
      (s) => ({ count: s.doc.answers.length }),
      (a, b) => a.count === b.count,
    );
    const value = first();
    store.setState({ doc: { answers: ['x', 'y', 'z'] } });
    expect(first()).toBe(value);
    store.setState({ doc: { answers: ['x'] } });
    expect(first()).toEqual({ count: 1 });
  });

  it('follows the fields a selector reads on each run, branches included', () => {
    const store = createStore<State>(initial);
    let runs = 0;
    const status = selection(store, (s) => {
      runs++;
      return s.saveState === 'saved' ? 'saved' : `${s.saveState}, ${s.other} pending`;
    });
    expect(status()).toBe('saved');
    store.setState({ other: 5 }); // not read while saved
    expect(status()).toBe('saved');
    expect(runs).toBe(1);
    store.setState({ saveState: 'unsaved' });
    expect(status()).toBe('unsaved, 5 pending');
    store.setState({ other: 6 }); // read now
    expect(status()).toBe('unsaved, 6 pending');
    expect(runs).toBe(3);
  });
});
