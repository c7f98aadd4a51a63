/** The project checklist as checkboxes, grouped as in the template; a tick changes only its box. */
import { memo } from 'react';
import type { ChecklistItem } from '../../core/reportModel';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { InlineMarkdown } from './InlineMarkdown';

const checklistEqual = (a: readonly ChecklistItem[], b: readonly ChecklistItem[]) =>
  a === b ||
  (a.length === b.length &&
    a.every(
      (item, i) =>
        item.checked === b[i].checked &&
        item.mark === b[i].mark &&
        item.text === b[i].text &&
        item.group === b[i].group,
    ));

export interface ChecklistCardProps {
  readonly session: ReportSession;
  readonly open: boolean;
  readonly onToggleOpen: (open: boolean) => void;
}

export const ChecklistCard = memo(function ChecklistCard({ session, open, onToggleOpen }: ChecklistCardProps) {
  const items = useStore(session.store, (s) => s.doc.checklist, checklistEqual);
  if (items.length === 0) return null;
  const groups: { title: string | null; items: ChecklistItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.title === item.group) last.items.push(item);
    else groups.push({ title: item.group, items: [item] });
  }
  const done = items.filter((i) => i.checked).length;

  return (
    <section className="card checklist-card" id="checklist" aria-label="Project checklist">
      <details
        open={open}
        onToggle={(event) => {
          const nowOpen = (event.currentTarget as HTMLDetailsElement).open;
          if (nowOpen !== open) onToggleOpen(nowOpen);
        }}
      >
        <summary className="card-header">
          <h2 className="card-title">Project checklist</h2>
          <span className="muted">
            {done} of {items.length} done
          </span>
        </summary>
        <div className="checklist-groups">
          {groups.map((group, g) => (
            <fieldset key={g} className="checklist-group">
              <legend>{group.title ?? 'Checklist'}</legend>
              {group.items.map((item) => (
                <label key={item.index} className="check-item">
                  <input
                    type="checkbox"
                    data-testid={`checklist-${item.index}`}
                    checked={item.checked}
                    onChange={(event) => session.toggleChecklist(item.index, event.target.checked)}
                  />
                  <span className="check-text">
                    <InlineMarkdown text={item.text} />
                  </span>
                  {item.module && <span className="module-tag">{item.module}</span>}
                  {!/^[ xX]$/.test(item.mark) && (
                    <span className="mark-note" title="The file marks this box with something other than x">
                      [{item.mark}]
                    </span>
                  )}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </details>
    </section>
  );
});
