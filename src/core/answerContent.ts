/** Where an answer's own text lies inside its segment, without the blank lines around it. */

const isLineBreak = (c: number) => c === 10 || c === 13;
const isBlankChar = (c: number) => c === 32 || c === 9;

/**
 * Where an answer's content lies in its segment: whole blank lines around it excluded (and, on the
 * marker line, the blanks after `Answer:`). Empty (start === end) when the answer is blank.
 */
export function answerContentRange(segmentText: string, onMarkerLine: boolean): { start: number; end: number } {
  // Leading whole blank lines.
  let start = 0;
  for (let i = 0; i < segmentText.length; i++) {
    const c = segmentText.charCodeAt(i);
    if (isLineBreak(c)) start = i + 1;
    else if (!isBlankChar(c)) break;
  }
  // Trailing line breaks, with the blanks that follow each of them.
  let end = segmentText.length;
  for (let i = segmentText.length - 1; i >= start; i--) {
    const c = segmentText.charCodeAt(i);
    if (isLineBreak(c)) end = i;
    else if (!isBlankChar(c)) break;
  }
  if (segmentText.slice(start, end).trim() === '') return { start: end, end };
  if (onMarkerLine) while (start < end && isBlankChar(segmentText.charCodeAt(start))) start++;
  return { start, end };
}

/** The content of an answer segment: whole blank lines around it removed, LF line endings. */
export function answerContent(segmentText: string, onMarkerLine: boolean): string {
  const { start, end } = answerContentRange(segmentText, onMarkerLine);
  const text = segmentText.slice(start, end);
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
