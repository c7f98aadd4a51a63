/** The report at a glance in the top bar: words written, questions left, images still missing. */
import { memo } from 'react';
import { groupThousands, overviewOf } from '../layout/overview';
import type { ReportDiagnostics } from '../diagnostics/reportDiagnostics';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';

const plural = (n: number, one: string, many: string) => `${groupThousands(n)} ${n === 1 ? one : many}`;

export const OverviewLine = memo(function OverviewLine({
  session,
  diagnostics,
}: {
  session: ReportSession;
  diagnostics: ReportDiagnostics;
}) {
  const questions = useStore(session.store, (s) => s.analysis.questions);
  const marks = useStore(diagnostics.store, (s) => s.marks);
  const { words, questionsLeft, imagesMissing } = overviewOf(questions, marks);
  const left = questionsLeft.length;
  return (
    <p
      className="overview"
      data-testid="overview"
      data-words={words}
      data-left={left}
      data-images-missing={imagesMissing}
      title={left > 0 ? `Questions left: ${questionsLeft.join(', ')}` : 'Every question meets the checker'}
    >
      <span>{plural(words, 'word', 'words')}</span>
      <span className={left > 0 ? 'overview__left' : undefined}>
        {left === 0 ? 'no questions left' : `${plural(left, 'question', 'questions')} left`}
      </span>
      <span className={imagesMissing > 0 ? 'overview__left' : undefined}>
        {imagesMissing === 0 ? 'no images missing' : `${plural(imagesMissing, 'image', 'images')} missing`}
      </span>
    </p>
  );
});
