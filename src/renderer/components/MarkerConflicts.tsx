/**
 * Git's conflict markers left in the report (a `git pull` without the merge driver): each region
 * shown in its question, side by side, with the same choices as a merge in the app. A choice
 * writes the chosen text in place of the region as one undoable edit, saved like typing.
 */
import { memo } from 'react';
import type { ConflictRegion } from '../../core/merge/conflictMarkers';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { ConflictChoice } from './ConflictChoice';

/** The question a region is shown in: the answer holding it, else the first question it spans. */
export const questionOfRegion = (region: ConflictRegion): number | null => region.insideAnswer ?? region.questions[0] ?? null;

const regionsKey = (regions: readonly ConflictRegion[], number: number | null) =>
  regions
    .filter((r) => questionOfRegion(r) === number)
    .map((r) => r.start)
    .join(' ');

export const MarkerConflicts = memo(function MarkerConflicts({ session, number }: { session: ReportSession; number: number | null }) {
  // Subscribed by where the regions start, so typing elsewhere does not re-render the card.
  const key = useStore(session.store, (s) => regionsKey(s.markers, number));
  if (key === '') return null;
  const starts = new Set(key.split(' ').map(Number));
  const regions = session.state.markers.filter((r) => starts.has(r.start));
  return (
    <div className="marker-conflicts" role="group" aria-label="Unresolved merge conflicts" data-testid={`marker-conflicts-${number ?? "template"}`}>
      <p className="marker-conflicts-intro">
        <strong>Unresolved merge conflict.</strong> Both versions and git&rsquo;s marker lines are in the file, and the
        checker counts all of them. Choose what to keep:
      </p>
      {regions.map((region) => (
        <ConflictChoice
          key={region.start}
          region={region}
          labels={{
            mine: `Mine${region.oursLabel ? ` (${region.oursLabel})` : ''}`,
            theirs: `Theirs${region.theirsLabel ? ` (${region.theirsLabel})` : ''}`,
            base: 'The common version',
          }}
          chosen={null}
          testId={`marker-conflict-${region.line}`}
          onChoose={(choice) => session.merge.resolveMarkers(region.start, choice)}
        />
      ))}
    </div>
  );
});
