/**
 * A figure upload over HTTP: the image's bytes are the request body (streamed to a temp file, never
 * held as base64 JSON); what importFigures needs besides them travels in one header, validated with
 * the contract's own field schemas.
 */
import { z } from 'zod';
import { CHANNEL_SCHEMAS } from '../../api/schemas';

export const FIGURE_IMPORT_HEADER = 'x-figure-import';

const importFields = CHANNEL_SCHEMAS.importFigures.request.shape;
const figureImportSchema = z
  .object({
    question: importFields.question,
    pasted: importFields.pasted,
    fileName: importFields.files.element.shape.fileName,
  })
  .strict();

export type FigureImportRequest = z.infer<typeof figureImportSchema>;

/** The header's value: the fields as JSON, percent-encoded (headers are ASCII). */
export function figureImportHeader(request: FigureImportRequest): string {
  return encodeURIComponent(JSON.stringify(request));
}

/** The fields from the header, or null when it is missing or malformed. */
export function parseFigureImportHeader(header: string | string[] | undefined): FigureImportRequest | null {
  if (typeof header !== 'string') return null;
  try {
    const parsed = figureImportSchema.safeParse(JSON.parse(decodeURIComponent(header)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
