/**
 * A side column that folds into a narrow rail: the navigator on the left, the problems panel on
 * the right. The rail keeps the button that opens it again (and, for problems, their count).
 */
import type { ReactNode } from 'react';

export interface SidePanelProps {
  readonly side: 'left' | 'right';
  readonly open: boolean;
  /** What the panel is, for the buttons: "questions", "problems". */
  readonly name: string;
  readonly onToggle: () => void;
  readonly testId: string;
  /** Shown on the rail, e.g. the number of problems. */
  readonly badge?: ReactNode;
  readonly children: ReactNode;
}

export function SidePanel({ side, open, name, onToggle, testId, badge, children }: SidePanelProps) {
  const [fold, unfold] = side === 'left' ? ['«', '»'] : ['»', '«'];
  if (!open) {
    return (
      <div className={`side-rail side-rail--${side}`} data-testid={`${testId}-rail`}>
        <button
          type="button"
          className="side-rail__button"
          aria-expanded="false"
          aria-label={`Show the ${name}`}
          title={`Show the ${name}`}
          data-testid={`${testId}-toggle`}
          onClick={onToggle}
        >
          <span aria-hidden="true">{unfold}</span>
          <span className="side-rail__label">{name}</span>
          {badge}
        </button>
      </div>
    );
  }
  return (
    <div className={`side-panel side-panel--${side}`}>
      <button
        type="button"
        className="side-panel__fold"
        aria-expanded="true"
        aria-label={`Hide the ${name}`}
        title={`Hide the ${name}`}
        data-testid={`${testId}-toggle`}
        onClick={onToggle}
      >
        <span aria-hidden="true">{fold}</span>
      </button>
      {children}
    </div>
  );
}
