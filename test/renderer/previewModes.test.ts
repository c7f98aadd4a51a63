import { describe, expect, it } from 'vitest';
import { PreviewModes } from '../../src/renderer/preview/previewModes';

describe('preview modes', () => {
  it('the card buttons open an answer in GitHub or Graded, and close it when pressed again', () => {
    const modes = new PreviewModes();
    modes.toggleAnswer(4, 'github');
    expect(modes.store.getState().answers.get(4)).toBe('github');
    modes.toggleAnswer(4, 'graded');
    expect(modes.store.getState().answers.get(4)).toBe('graded');
    modes.toggleAnswer(4, 'graded');
    expect(modes.store.getState().answers.has(4)).toBe(false);
  });

  it('the key switches the edited answer between the renderings (opening it as Graded) and the open pane with it', () => {
    const modes = new PreviewModes();
    expect(modes.switchRendering(7)).toBe('graded');
    expect(modes.store.getState()).toMatchObject({ report: null });
    expect(modes.store.getState().answers.get(7)).toBe('graded');
    expect(modes.switchRendering(7)).toBe('github');
    expect(modes.store.getState().answers.get(7)).toBe('github');
    modes.toggleReport('github');
    expect(modes.switchRendering(7)).toBe('graded');
    expect(modes.store.getState().report).toBe('graded');
    // With no answer being edited, the pane alone switches.
    expect(modes.switchRendering(null)).toBe('github');
    expect(modes.store.getState().report).toBe('github');
    expect(modes.store.getState().answers.get(7)).toBe('graded');
    modes.toggleReport('github');
    expect(modes.store.getState().report).toBeNull();
  });
});
