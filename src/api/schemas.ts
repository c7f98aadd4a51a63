/**
 * Runtime validation of every request that crosses from the renderer into a host. The renderer is
 * treated as untrusted input: a compromised page must not get a service to act on a malformed value.
 */
import { z } from 'zod';
import type { Channel } from './contract';

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL');
const empty = z.object({}).strict();

export const REQUEST_SCHEMAS = {
  getInitialState: empty,
  openPath: z.object({ path }).strict(),
  pickFolder: empty,
  pickReportFile: z.object({ repoRoot: path }).strict(),
  saveReport: z
    .object({
      reportPath: path,
      text: z.string().max(25 * 1024 * 1024),
      baseStamp: z.string().regex(/^[0-9a-f]{64}$/),
      force: z.boolean().optional(),
    })
    .strict(),
  listRecent: empty,
  openExternal: z
    .object({ url: z.string().max(2048).refine((u) => /^https?:\/\//i.test(u), 'only http(s) links open outside the app') })
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
