/**
 * Hostile text must never crash the graded renderer: a line that makes hundreds of thousands of
 * inline nodes (which once overflowed the call stack by spreading them into one call) and list
 * nesting far past what Python-Markdown survives (it dies of its recursion limit; we keep the
 * rest as text). The time bound is a generous hang detector, not a benchmark.
 */
import { describe, expect, it } from 'vitest';
import { renderGradedPage } from '../../../src/core';

const HANG_BOUND_MS = 20_000;
const PREFIX = '#'.repeat(43) + '\n'; // the graded page drops the first 43 characters

function timed(text: string): { html: string; ms: number } {
  const start = performance.now();
  const html = renderGradedPage(text);
  return { html, ms: performance.now() - start };
}

describe('the graded renderer on hostile text', () => {
  it('renders one 2 MB line of `![[]()` (hundreds of thousands of inline nodes) without a stack overflow', () => {
    const { html, ms } = timed(PREFIX + '![[]()'.repeat(340_000));
    expect(html.startsWith('<p>')).toBe(true);
    expect(html.length).toBeGreaterThan(2_000_000);
    expect(ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('renders `- - - … a` nested 10 000 deep: nested lists as far as they go, the rest as text', () => {
    const { html, ms } = timed(PREFIX + '- '.repeat(10_000) + 'a\n');
    expect(html.startsWith('<ul>')).toBe(true);
    expect(html.split('<ul>').length - 1).toBeGreaterThan(100);
    expect(html).toContain('a</p>');
    expect(ms).toBeLessThan(HANG_BOUND_MS);
  });
});
