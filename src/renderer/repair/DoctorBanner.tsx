/** A banner while the doctor finds something that breaks the course's checker, with the way to repair it. */
import { memo } from 'react';
import { useStore } from '../document/store';
import type { ReportInsights } from './reportInsights';

export const DoctorBanner = memo(function DoctorBanner({
  insights,
  onRepair,
}: {
  insights: ReportInsights;
  onRepair: () => void;
}) {
  const breaking = useStore(insights.store, (s) => s.findings.filter((f) => f.severity === 'breaks-checker').length);
  if (breaking === 0) return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="doctor-banner">
      <span>
        <strong>
          {breaking === 1 ? 'One change to the template breaks' : `${breaking} changes to the template break`} the
          course&rsquo;s checker.
        </strong>{' '}
        Until they are repaired, the checker stops with an error or grades answers as the wrong questions.
      </span>
      <button type="button" className="primary" onClick={onRepair}>
        Repair…
      </button>
    </div>
  );
});
