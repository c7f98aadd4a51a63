/** Types of hostileReports.mjs (plain JavaScript so the bench can import it too). */
export interface HostileClass {
  readonly name: string;
  /** What a student (or a fuzzer) would have pasted. */
  readonly what: string;
  /** The payload, about `bytes` long (never longer). */
  payload(bytes: number): string;
}

/** Where the payload goes: inside question 14's answer, or in the preamble, outside every answer. */
export type Placement = 'answer' | 'outside';

export const HOSTILE_CLASSES: readonly HostileClass[];
export function hostileReport(cls: HostileClass, bytes: number, placement: Placement, template: string): string;
export function reportWith(payload: string, placement: Placement, template: string): string;
export function hostileClass(name: string): HostileClass;
