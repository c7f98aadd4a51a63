/**
 * Makes an answer's host box a relayout boundary around its editor. Without one, every key that
 * changes the editor's text makes the browser lay out the whole form around it again (its cards,
 * columns and panels, ~2,700 elements) before it can paint: twice for a key that also changes the
 * word count, ~0.3 ms each on a 2-core machine. A box with size containment and a height of its
 * own is laid out from its own content down, so a key re-lays out the editor alone.
 *
 * Its height is the editor's, taken from a ResizeObserver: observations are delivered after
 * layout and before paint, in the same frame, so a line added by wrapping, a wider window or a
 * larger font resizes the box before anything is shown. Keys that leave the editor's height alone
 * (almost all of them) deliver nothing. The editor manager sizes a box when its editor is first
 * focused: editors nobody types in cost the open nothing more.
 */

/** The class that applies the containment (app.css); its `height` is set here. */
const SIZED_HOST_CLASS = 'editor-sized';

/** Sizes `host` to `editor` (its only laid-out child) from now on; the returned function undoes it. */
export function sizeHostToEditor(host: HTMLElement, editor: HTMLElement): () => void {
  if (typeof ResizeObserver !== 'function') return () => undefined;
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
    const value = `${height}px`;
    if (host.style.height !== value) host.style.height = value;
    // Contained only once it has the editor's height: until this first observation (the frame the
    // editor is first laid out in) the box is sized by its content, so what runs right after the
    // mount (a focus at the point clicked) finds the editor where it shows.
    host.classList.add(SIZED_HOST_CLASS);
  });
  observer.observe(editor);
  return () => {
    observer.disconnect();
    host.classList.remove(SIZED_HOST_CLASS);
    host.style.height = '';
  };
}
