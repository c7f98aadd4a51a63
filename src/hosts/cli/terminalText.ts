/**
 * Text on its way to a terminal. A report is someone else's file: a heading holding
 * `\x1b]0;TITLE\x07\x1b[2J` would retitle the terminal and clear the screen if printed as is, and a
 * bidi override would make a line read differently from what it says. Every line the CLI prints
 * passes through here, so such characters show as visible escapes instead of acting.
 *
 * Kept as they are: newline (our own multi-line messages) and tab. Shown as `\xNN`: the other C0
 * controls (ESC, BEL, CR, backspace…). Shown as `\uNNNN`: DEL, the C1 controls (U+0080–U+009F,
 * which some terminals treat like ESC sequences) and the bidi embeddings, overrides and isolates.
 * `\uNNNN` is also a valid JSON escape of the same character, so `--json` output stays valid JSON
 * that parses to the same values (JSON.stringify already escapes C0, but not DEL, C1 or bidi).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
