/** How each question status is shown: a mark (for the navigator) and words (for everyone). */
import type { QuestionStatus } from '../../core/analyzeReport';

export const STATUS_MARK: Record<QuestionStatus, string> = {
  empty: '○',
  'too-short': '↓',
  'too-long': '↑',
  'images-missing': '▢',
  'too-many-images': '▣',
  warning: '!',
  ok: '✓',
};

export const STATUS_TEXT: Record<QuestionStatus, string> = {
  empty: 'not answered',
  'too-short': 'too short',
  'too-long': 'too long',
  'images-missing': 'images missing',
  'too-many-images': 'too many images',
  warning: 'warning',
  ok: 'ok',
};
