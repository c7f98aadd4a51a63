/**
 * Request bodies within bounds. A JSON body is held in memory whole, so each request has a limit
 * and all requests together share one budget: four concurrent 80 MB bodies once took the host to
 * 633 MB. Figure uploads are not held at all; they stream to a temp file.
 */
import { open, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

/** Past a request's own limit or the shared budget: the host answers 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly reason: 'request' | 'budget') {
    super(reason === 'request' ? 'The request body is too large' : 'The host is busy with other large requests; try again in a moment');
    this.name = 'BodyTooLargeError';
  }
}

/** Memory for request bodies held at once, across all requests. */
export class BodyBudget {
  #used = 0;
  constructor(readonly capacity: number) {}

  get used(): number {
    return this.#used;
  }

  /** Takes `bytes` from the budget, or says no (nothing taken). */
  tryTake(bytes: number): boolean {
    if (this.#used + bytes > this.capacity) return false;
    this.#used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}

/**
 * The body's chunks. Stopping early leaves the request open (not destroyed), so the host can
 * still answer 413 on the same connection instead of the client seeing a reset.
 */
function chunksOf(request: IncomingMessage): AsyncIterable<Buffer> {
  return request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
}

function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

/**
 * What a body of `bytes` costs in memory while it is read and parsed: its bytes and the decoded
 * text, side by side for a moment.
 */
const costOf = (bytes: number) => 2 * bytes;

/**
 * The body as text, at most `limit` bytes, charged to `budget` while the caller works with it:
 * call the returned `release` when done. A declared Content-Length is checked (and charged)
 * before anything is read; a chunked body is charged as it arrives.
 */
export async function readBodyText(
  request: IncomingMessage,
  limit: number,
  budget: BodyBudget,
): Promise<{ text: string; release: () => void }> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw new BodyTooLargeError('request');
  let charged = 0;
  const release = () => {
    budget.give(charged);
    charged = 0;
  };
  const charge = (bytes: number) => {
    if (!budget.tryTake(costOf(bytes))) throw new BodyTooLargeError('budget');
    charged += costOf(bytes);
  };
  try {
    if (declared !== null) charge(declared);
    // With a declared length, one buffer of that size; otherwise text decoded chunk by chunk.
    // Either way no second copy of the bytes from concatenating chunks.
    const whole = declared !== null ? Buffer.allocUnsafe(declared) : null;
    const pieces: Buffer[] = [];
    let size = 0;
    for await (const chunk of chunksOf(request)) {
      size += chunk.length;
      if (size > limit || (declared !== null && size > declared)) throw new BodyTooLargeError('request');
      if (whole) chunk.copy(whole, size - chunk.length);
      else {
        charge(chunk.length);
        pieces.push(chunk);
      }
    }
    const text = (whole ?? Buffer.concat(pieces, size)).toString('utf8', 0, size);
    return { text, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Streams the body into a new file at `path` (created exclusively, owner-only), at most `limit`
 * bytes; on any failure the partial file is removed. Resolves to the number of bytes written.
 */
export async function streamBodyToFile(request: IncomingMessage, path: string, limit: number): Promise<number> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw new BodyTooLargeError('request');
  const file = await open(path, 'wx', 0o600);
  let size = 0;
  try {
    for await (const chunk of chunksOf(request)) {
      size += chunk.length;
      if (size > limit) throw new BodyTooLargeError('request');
      await file.write(chunk);
    }
    await file.close();
    return size;
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}
