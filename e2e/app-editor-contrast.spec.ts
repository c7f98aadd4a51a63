/**
 * The markdown in an answer stays readable in both themes: every piece of text the answer editor
 * shows — plain words and each highlighted token (heading, marks, emphasis, links, URLs, code,
 * quotes, task boxes, escapes, entities, comments) — has a contrast of at least 4.5:1 (WCAG 2.2 AA
 * for text) against the editor's background, computed here from the colours the browser applied.
 * axe does not see this: CodeMirror's token spans are not in its contrast checks.
 */
import type { Page } from '@playwright/test';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { focusAnswer, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

const ANSWER = [
  '#### Our set-up',
  '',
  'We use *Hydra* and **DVC**, ~~not pip~~ `make train`, a [guide](https://example.com "its title") and <https://dtu.dk>.',
  '',
  '> A quote with `code` in it.',
  '',
  '- [x] a task that is done',
  '- an escaped \\* star &amp; an entity',
  '',
  '<!-- a note to ourselves -->',
].join('\n');

/** Text that must come out highlighted (in a token span of its own), so the check cannot pass on plain text alone. */
const HIGHLIGHTED = ['####', 'Our set-up', 'Hydra', 'DVC', 'not pip', 'make train', 'https://example.com', 'https://dtu.dk', '[x]', '\\*', '&amp;', 'a note to ourselves', 'A quote'];

interface Painted {
  readonly text: string;
  /** A highlighted token (a span of its own), not the line's plain text. */
  readonly token: boolean;
  readonly color: string;
  readonly background: string;
}

/** Each element of the editor's content that holds text itself, with its colour and the colour behind it. */
async function paintedText(page: Page, question: number): Promise<Painted[]> {
  // (A string, because this project's types have no DOM; it runs in the page.)
  return (await page.evaluate(`(() => {
    const content = document.querySelector('[data-testid="question-${question}"] .cm-content');
    const opaque = (colour) => colour !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(colour);
    const backgroundOf = (element) => {
      for (let at = element; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (opaque(colour)) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const found = [];
    for (const element of [content, ...content.querySelectorAll('*')]) {
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent || '')
        .join('');
      if (own.trim() === '') continue;
      const style = getComputedStyle(element);
      found.push({ text: own, token: element.tagName === 'SPAN', color: style.color, background: backgroundOf(element) });
    }
    return found;
  })()`)) as Painted[];
}

function channels(colour: string): number[] {
  const parts = /rgba?\(([^)]+)\)/.exec(colour)?.[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3) throw new Error(`not an rgb() colour: ${colour}`);
  return parts.length === 3 ? [...parts, 1] : parts;
}

/** WCAG 2.x relative luminance of an sRGB colour, after blending it over `under` when it is translucent. */
function luminance(colour: string, under?: string): number {
  const [r, g, b, alpha] = channels(colour);
  const base = under ? channels(under) : [255, 255, 255, 1];
  const blend = (c: number, i: number) => (alpha * c + (1 - alpha) * base[i]) / 255;
  const linear = [r, g, b].map(blend).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

function contrast(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground, background), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test('every highlighted token of an answer meets 4.5:1 against the editor, in light and in dark', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const text = serializeReport(setAnswer(parseReport(latestBlankTemplate(31).text), 9, ANSWER));
  const host = await hostRepo({ files: { 'reports/README.md': text } });
  await page.emulateMedia({ colorScheme: 'light' });
  await openForm(page, host);
  const editor = await focusAnswer(page, 9);
  // Highlighted once the parser has run (emphasis is styled by any highlight style).
  await expect(editor.locator('span', { hasText: 'Hydra' }).first()).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    // The theme follows the system's setting live ("system" is the default choice).
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const painted = await paintedText(page, 9);
    for (const piece of HIGHLIGHTED) {
      expect.soft(
        painted.some((p) => p.token && p.text.includes(piece)),
        `"${piece}" is in a token of its own (${scheme})`,
      ).toBe(true);
    }
    const poor = painted
      .map((p) => ({ ...p, ratio: Math.round(contrast(p.color, p.background) * 100) / 100 }))
      .filter((p) => p.ratio < 4.5)
      .map((p) => `${JSON.stringify(p.text)}: ${p.color} on ${p.background} is ${p.ratio}:1`);
    expect.soft(poor, `${scheme}: text under 4.5:1`).toEqual([]);
  }
  expect(errors).toEqual([]);
});
