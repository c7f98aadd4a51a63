/**
 * What an API error says over HTTP. Parser messages (zod's issue list, JSON.parse's position
 * text) describe the host's internals, so each class of error gets one fixed line; only the
 * services' own errors, written for the student, pass their message through.
 */
import { InvalidRequestError, isChannel } from '../../api/schemas';
import { FigureError } from '../../services/figures/figureError';
import { ReportFileError } from '../../services/reportFile';
import { BodyTooLargeError } from './requestBody';

/** The body could not be parsed as JSON. */
export class MalformedBodyError extends Error {
  constructor() {
    super('The request body is not valid JSON');
    this.name = 'MalformedBodyError';
  }
}

export interface PublicError {
  readonly status: number;
  readonly message: string;
}

export function publicError(error: unknown, channel: string): PublicError {
  if (error instanceof BodyTooLargeError) return { status: 413, message: error.message };
  if (error instanceof MalformedBodyError) return { status: 400, message: error.message };
  if (error instanceof InvalidRequestError) {
    return { status: 400, message: isChannel(channel) ? `Invalid request for ${channel}` : 'Invalid request: unknown channel' };
  }
  if (error instanceof ReportFileError || error instanceof FigureError) return { status: 400, message: error.message };
  // A plain Error is one a service threw on purpose with a sentence for the user ("Figures can
  // only be changed for the open report"). Anything else (a TypeError, a system error with a
  // path, a codec's message) is the host's business.
  if (error instanceof Error && error.constructor === Error && !('code' in error)) return { status: 400, message: error.message };
  return { status: 500, message: `The host could not complete ${isChannel(channel) ? channel : 'the request'}` };
}
