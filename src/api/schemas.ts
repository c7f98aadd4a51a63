/**
 * Runtime validation of every request that crosses from the renderer into a host. The renderer is
 * treated as untrusted input: a compromised page must not get a service to act on a malformed value.
 */
import { z } from 'zod';
import type { Channel } from './contract';

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL');
const empty = z.object({}).strict();
const reportText = z.string().max(25 * 1024 * 1024);

export const REQUEST_SCHEMAS = {
  getInitialState: empty,
  openPath: z.object({ path }).strict(),
  pickFolder: empty,
  pickReportFile: z.object({ repoRoot: path }).strict(),
  saveReport: z
    .object({
      reportPath: path,
      text: reportText,
      baseStamp: z.string().regex(/^[0-9a-f]{64}$/),
      force: z.boolean().optional(),
      makeWritable: z.boolean().optional(),
    })
    .strict(),
  listRecent: empty,
  openExternal: z
    .object({ url: z.string().max(2048).refine((u) => /^https?:\/\//i.test(u), 'only http(s) links open outside the app') })
    .strict(),
  exportHtml: z
    .object({
      reportPath: path,
      text: z.string().max(25 * 1024 * 1024),
      outputPath: path.optional(),
      rendering: z.enum(['graded', 'github']).optional(),
    })
    .strict(),
  openExport: z.object({ outputPath: path }).strict(),
  importFigures: z
    .object({
      reportPath: path,
      question: z.number().int().min(1).max(99).nullable(),
      files: z
        .array(z.object({ fileName: z.string().min(1).max(1024), base64: z.string().max(70_000_000) }).strict())
        .min(1)
        .max(50),
      pasted: z.boolean().optional(),
    })
    .strict(),
  listFigures: z.object({ reportPath: path, text: reportText.optional() }).strict(),
  figureThumbnail: z.object({ reportPath: path, target: path, size: z.number().int().min(16).max(1024).optional() }).strict(),
  renameFigure: z.object({ reportPath: path, text: reportText, from: path, to: path }).strict(),
  deleteFigure: z.object({ reportPath: path, text: reportText, target: path }).strict(),
  downscaleFigure: z
    .object({ reportPath: path, target: path, maxWidth: z.number().int().min(64).max(10_000).optional(), text: reportText.optional() })
    .strict(),
  figureHygiene: z.object({ reportPath: path, text: reportText }).strict(),
  // The fix itself is re-derived and matched by the service: only a fix it proposes runs.
  applyFigureFix: z
    .object({ reportPath: path, text: reportText, fix: z.object({ kind: z.string(), label: z.string() }).passthrough() })
    .strict(),
  readyToQuit: empty,
} satisfies Record<Channel, z.ZodType>;

export class InvalidRequestError extends Error {
  constructor(channel: string, detail: string) {
    super(`Invalid request for ${channel}: ${detail}`);
    this.name = 'InvalidRequestError';
  }
}

export function validateRequest<C extends Channel>(channel: C, request: unknown): z.infer<(typeof REQUEST_SCHEMAS)[C]> {
  const schema = REQUEST_SCHEMAS[channel];
  if (!schema) throw new InvalidRequestError(String(channel), 'unknown channel');
  const result = schema.safeParse(request ?? {});
  if (!result.success) throw new InvalidRequestError(channel, result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '));
  return result.data as z.infer<(typeof REQUEST_SCHEMAS)[C]>;
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, name);
}
