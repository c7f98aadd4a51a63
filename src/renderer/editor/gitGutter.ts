/**
 * The change gutter of an answer editor: a bar beside each line that differs from the answer as
 * last committed (HEAD), recomputed as the answer changes. Without a committed answer (no git, not
 * committed yet) the gutter stays empty. A line diff of one answer: a few hundred lines at most.
 */
import { RangeSetBuilder, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { gutter, GutterMarker, type EditorView } from '@codemirror/view';
import { diffSequences } from '../../core/merge/sequenceDiff';

/** Sets the committed answer the gutter compares with (null: nothing to compare). */
export const setCommittedAnswer = StateEffect.define<string | null>();

const committedField = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setCommittedAnswer)) return effect.value;
    return value;
  },
});

class ChangedLine extends GutterMarker {
  override elementClass = 'cm-git-changed';
  override toDOM(): Node {
    const mark = document.createElement('span');
    mark.className = 'cm-git-bar';
    mark.title = 'Changed since the last commit';
    return mark;
  }
}
const CHANGED = new ChangedLine();

/** Past this many lines the gutter gives up rather than slow typing down. */
const MAX_LINES = 4000;

/** 0-based lines of `now` that are not in the committed text (inserted or changed lines). */
export function changedLines(committed: string, now: string): number[] {
  if (committed === now) return [];
  const a = committed.split('\n');
  const b = now.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [];
  const ids = new Map<string, number>();
  const key = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const lines: number[] = [];
  for (const hunk of diffSequences(a.map(key), b.map(key))) {
    for (let i = hunk.bStart; i < hunk.bEnd; i++) lines.push(i);
  }
  return lines;
}

const markersField = StateField.define<readonly number[]>({
  create: () => [],
  update(value, tr) {
    const committed = tr.state.field(committedField);
    const baseChanged = tr.effects.some((e) => e.is(setCommittedAnswer));
    if (!tr.docChanged && !baseChanged) return value;
    return committed === null ? [] : changedLines(committed, docText(tr.state.doc));
  },
});

const docText = (doc: Text) => doc.toString();

export function gitGutter(): Extension {
  return [
    committedField,
    markersField,
    gutter({
      class: 'cm-git-gutter',
      markers(view: EditorView) {
        const builder = new RangeSetBuilder<GutterMarker>();
        const doc = view.state.doc;
        for (const line of view.state.field(markersField)) {
          if (line < doc.lines) {
            const at = doc.line(line + 1).from;
            builder.add(at, at, CHANGED);
          }
        }
        return builder.finish();
      },
    }),
  ];
}
