/** Answers that pass every constraint of the course's 31-question checker. */
import { words } from './reportBuilder';

export function passingAnswers31(): Record<number, string> {
  const answers: Record<number, string> = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(110)]));
  const img = '![a](figures/a.png)';
  return { ...answers, 7: words(60), 12: words(60), 11: words(210), 14: `${words(210)} ${img}`, 29: `${words(210)} ${img}`, 30: words(210), 19: img, 20: img, 21: img };
}
