/** The one-click fixes of a figure problem in the problems panel. */
import { useState } from 'react';
import { useShell } from '../shell/appContext';
import type { FigureFix } from '../../core/figures/figureFindings';
import type { ReportSession } from '../state/reportSession';
import { useFigures } from './useFigures';
import './figures.css';

export function ProblemFixes({ session, fixes }: { session: ReportSession; fixes: readonly FigureFix[] }) {
  const shell = useShell();
  const figures = useFigures(session);
  const [busy, setBusy] = useState(false);
  return (
    <div className="problem-fixes">
      {fixes.map((fix, i) => (
        <button
          key={`${i}:${fix.kind}`}
          type="button"
          className="problem-fix"
          data-testid="problem-fix"
          data-fix={fix.kind}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void figures.applyFix(fix).then((message) => {
              setBusy(false);
              shell.showNotice(message);
            });
          }}
        >
          {fix.label}
        </button>
      ))}
    </div>
  );
}
