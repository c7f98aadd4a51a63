/**
 * One conflicted region, side by side: mine and theirs (the base folded away below), with keep
 * mine / keep theirs / keep both / edit. Used for a change on disk merged in the app and for the
 * markers a `git pull` left in the file. "Keep both" is the default button: it loses no words.
 */
import { useState } from 'react';
import type { ConflictRegion } from '../../core/merge/conflictMarkers';
import type { RegionChoice } from '../state/diskMerge';
import './conflicts.css';

export interface SideLabels {
  readonly mine: string;
  readonly theirs: string;
  readonly base: string;
}

export interface ConflictChoiceProps {
  readonly region: ConflictRegion;
  readonly labels: SideLabels;
  /** The choice made so far (the merge dialog asks for all before writing); null when none yet. */
  readonly chosen: RegionChoice | null;
  readonly onChoose: (choice: RegionChoice) => void;
  /** Focus "Keep both" when shown (the first conflict of a dialog). */
  readonly autoFocus?: boolean;
  readonly testId: string;
}

const plain = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
const showText = (text: string) => (text.trim() === '' ? '(empty)' : plain(text));
/** What the edit box starts with: both versions, as "keep both" would write them. */
const bothText = (region: ConflictRegion) => [region.ours, region.theirs].map(plain).filter((t) => t.trim() !== '').join('\n\n');

const choiceName = (choice: RegionChoice | null) => (choice === null ? null : typeof choice === 'object' ? 'edit' : choice);

function where(region: ConflictRegion): string {
  if (region.insideAnswer !== null) return `Question ${region.insideAnswer}`;
  if (region.questions.length > 0) return `Template text of question ${region.questions.join(', ')}`;
  return 'Template text';
}

export function ConflictChoice({ region, labels, chosen, onChoose, autoFocus = false, testId }: ConflictChoiceProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const name = choiceName(chosen);
  const button = (choice: 'mine' | 'theirs' | 'both', label: string, primary = false) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      aria-pressed={name === choice}
      data-choice={choice}
      // The attribute, not React's focus() call: <dialog>.showModal() (run after this mounts) focuses it.
      ref={primary && autoFocus ? (element) => element?.setAttribute('data-autofocus', '') : undefined}
      onClick={() => {
        setEditing(null);
        onChoose(choice);
      }}
    >
      {label}
    </button>
  );
  return (
    <section className="conflict-choice" data-testid={testId} data-chosen={name ?? ''} aria-label={`${where(region)}: conflict`}>
      <h3 className="conflict-where">
        {where(region)} <span className="muted small">(line {region.line})</span>
      </h3>
      <div className="conflict-sides">
        <figure className="conflict-side" data-side="mine">
          <figcaption>{labels.mine}</figcaption>
          <pre>{showText(region.ours)}</pre>
        </figure>
        <figure className="conflict-side" data-side="theirs">
          <figcaption>{labels.theirs}</figcaption>
          <pre>{showText(region.theirs)}</pre>
        </figure>
      </div>
      {region.base !== null && (
        <details className="conflict-base">
          <summary>{labels.base}</summary>
          <pre>{showText(region.base)}</pre>
        </details>
      )}
      <div className="button-row">
        {button('both', 'Keep both', true)}
        {button('mine', 'Keep mine')}
        {button('theirs', 'Keep theirs')}
        <button
          type="button"
          aria-pressed={name === 'edit'}
          data-choice="edit"
          onClick={() => setEditing(typeof chosen === 'object' && chosen ? chosen.text : bothText(region))}
        >
          Edit…
        </button>
      </div>
      {editing !== null && (
        <div className="conflict-edit">
          <textarea
            aria-label={`${where(region)}: the text to keep`}
            value={editing}
            rows={Math.min(16, Math.max(4, editing.split('\n').length + 1))}
            onChange={(event) => setEditing(event.target.value)}
          />
          <button
            type="button"
            onClick={() => {
              onChoose({ text: editing });
              setEditing(null);
            }}
          >
            Use this text
          </button>
        </div>
      )}
    </section>
  );
}
