/**
 * The blank templates by version, for what needs their text (the doctor's repairs). Kept apart from
 * templateVersion.ts so recognising a template (every `check`) does not load 100 kB of template text.
 */
import type { Generation } from '../constraints';
import { BLANK_TEMPLATES, type BlankTemplate } from './blankTemplates';

export function blankTemplate(version: string): BlankTemplate | undefined {
  return BLANK_TEMPLATES.find((t) => t.version === version);
}

export function latestBlankTemplate(generation: Generation): BlankTemplate {
  const candidates = BLANK_TEMPLATES.filter((t) => t.generation === generation);
  return candidates[candidates.length - 1];
}
