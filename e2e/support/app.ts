/** Driving the app's UI: opening it, reaching an answer editor, reading meters and the file. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, type HostedRepo } from './host';

/** Page errors and console errors: a spec fails on any (collected, asserted at the end). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Opens the host's page and waits for the form. */
export async function openForm(page: Page, host: HostedRepo): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** Goes to question `number` through the navigator and returns its (focused) editor. */
export async function focusAnswer(page: Page, number: number): Promise<Locator> {
  await page.getByTestId(`nav-q-${number}`).click();
  const editor = page.getByTestId(`question-${number}`).locator('.cm-content');
  await expect(editor).toBeFocused();
  return editor;
}

/**
 * The text of question `number`'s answer as shown: its editor's lines, or the stand-in's text when
 * the card is far from the viewport (its editor is mounted only near it).
 */
export async function editorText(page: Page, number: number): Promise<string> {
  const card = page.getByTestId(`question-${number}`);
  const stub = card.locator('.answer-stub');
  if ((await stub.count()) > 0) {
    return stub.evaluate((el) => (el.classList.contains('answer-stub--empty') ? '' : (el.textContent ?? '')));
  }
  const texts = await card.locator('.cm-content > .cm-line').allTextContents();
  return texts.join('\n');
}

export async function meterCount(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-count'));
}

export const modKey = process.platform === 'darwin' ? 'Meta' : 'Control';

export async function saveNow(page: Page): Promise<void> {
  await page.keyboard.press(`${modKey}+s`);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/**
 * Records every text the save indicator shows from now on. "Unsaved changes" lasts only until the
 * autosave a second after typing stops; on a busy machine that second can pass before a check of
 * the indicator runs, so a spec asserts that it was shown, not that it still is.
 */
export async function watchSaveStates(page: Page): Promise<() => Promise<string[]>> {
  // (A string, because this project's types have no DOM; it runs in the page.)
  await page.evaluate(`(() => {
    const shown = (window.__saveStates = []);
    const note = () => {
      const text = document.querySelector('[data-testid="save-state"]')?.textContent ?? null;
      if (text !== null && shown[shown.length - 1] !== text) shown.push(text);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return async () => (await page.evaluate('window.__saveStates')) as string[];
}
