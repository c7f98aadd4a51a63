/**
 * The template's skeleton: every question has its `### Question N` heading and its `> Answer:`
 * line, in order; a 27-question report starts with the 43-character Jekyll header. Each check is
 * in its own file; this is the order the doctor lists them in.
 */
import type { DoctorContext, Draft } from './context';
import { frontMatter } from './frontMatter';
import { headingFormat } from './headingFormat';
import { missingMarkers } from './missingMarkers';
import { missingQuestions } from './missingQuestions';

export function detectStructure(ctx: DoctorContext): Draft[] {
  return [...frontMatter(ctx), ...missingQuestions(ctx), ...headingFormat(ctx), ...missingMarkers(ctx)];
}
