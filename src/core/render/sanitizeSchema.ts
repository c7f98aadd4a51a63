/**
 * What survives sanitizing: GitHub's own schema (hast-util-sanitize's default), changed in two
 * small ways, both tightening it:
 * - `<style>` is stripped with its content, like `<script>` (otherwise its CSS would show as text);
 * - `<source>` is not allowed: its `srcset` is not protocol-checked and cannot be inlined, so it
 *   could make the exported page fetch remote images. `<picture>` keeps its `<img>` fallback.
 * Images get `alt`, `width`, `height` and `title` from the schema's global attribute list.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

export const REPORT_SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'source'),
};
