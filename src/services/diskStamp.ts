import { createHash } from 'node:crypto';

/** sha-256 of the text as UTF-8 bytes: equal stamps mean byte-identical files. */
export function stampOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
