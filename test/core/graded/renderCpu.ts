/** Scaling tests of the graded renderer: runs back to back in this process, in CPU time, so a shared machine's load largely cancels out. */
import { renderGradedAnswer } from '../../../src/core';

/** CPU milliseconds (user + system) the graded renderer takes on `text`. */
export function renderCpuMs(text: string): number {
  const before = process.cpuUsage();
  renderGradedAnswer(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
