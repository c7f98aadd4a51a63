/**
 * The heavy passes over the report — the doctor and the graded-page scan — off the main thread, so
 * that typing never waits for them. Given the report's text (a string clones fast; the parse does
 * not), it answers what `computeInsights` finds.
 */
import type { CheckerProfile } from '../../core/constraints';
import { parseReport } from '../../core/parseReport';
import { computeInsights, type Insights } from './insightsCompute';

export interface InsightsRequest {
  readonly id: number;
  readonly text: string;
  readonly profile: CheckerProfile;
}

export type InsightsReply = { readonly id: number } & (
  { readonly ok: true; readonly insights: Insights } | { readonly ok: false; readonly message: string }
);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<InsightsRequest>) => void) | null;
  postMessage(reply: InsightsReply): void;
};

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, insights: computeInsights(parseReport(data.text), data.profile) });
  } catch (error) {
    scope.postMessage({ id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
