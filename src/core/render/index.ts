/** Rendering a report (or one answer) to sanitized HTML: the preview's and the export's pipeline. */
export { renderMarkdownToHast, renderMarkdownToHtml, hastToHtml, listImageSources, reportBodyMarkdown, type RenderOptions } from './pipeline';
export {
  type ImageReference,
  type ImageResolution,
  type ImageResolver,
  imageReferences,
  MISSING_IMAGE_CLASS,
  missingImagePlaceholder,
  resolveImages,
} from './images';
export { classifyImageSource, imageTypeForPath, sniffImageType, type ImageSource } from './imageSource';
export { markGradedDifferences, type PreviewNote, GRADED_DIFF_CLASS, GRADED_NOTE_CLASS } from './gradedNotes';
export { REPORT_CSS, REPORT_BODY_CLASS } from './reportStyles';
export { REPORT_SANITIZE_SCHEMA } from './sanitizeSchema';
export { GUARDED_BLOCK_CLASS, GUARDED_NOTE_CLASS, guardedNote } from './guardedBlocks';
export {
  type GuardedRange,
  type GuardReason,
  guardedRanges,
  guardReasonText,
  MAX_BLOCK_CHARS,
  MAX_BLOCK_COST,
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_COST,
  MAX_NESTING,
} from './renderGuard';
export { gradedHtmlToHast, GRADED_BODY_CLASS, MAX_GRADED_VIEW_CHARS, type GradedHast, type GradedViewRefusal } from './gradedHast';
