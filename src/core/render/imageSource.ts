/**
 * What an image `src` in a report points at. Figures are relative paths into the report's folder
 * (`figures/a.png`, `./figures/a.png`); everything else (remote URLs, data: URIs, other schemes)
 * is never loaded by the preview or the export.
 */

export type ImageSource =
  /** A path relative to the report's folder, percent-decoded, without `?query` or `#hash`. */
  | { readonly kind: 'relative'; readonly path: string }
  | { readonly kind: 'remote'; readonly url: string }
  /** data:, javascript:, file:, …, or an unreadable path. */
  | { readonly kind: 'unsupported'; readonly src: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export function classifyImageSource(src: string): ImageSource {
  const trimmed = src.trim();
  const scheme = SCHEME.exec(trimmed);
  // `C:\figures\a.png` or `C:/…` is a Windows path, not a scheme: still never outside the folder.
  if (scheme && !/^[a-zA-Z]:[\\/]/.test(trimmed)) {
    const name = scheme[1].toLowerCase();
    if (name === 'http' || name === 'https') return { kind: 'remote', url: trimmed };
    return { kind: 'unsupported', src };
  }
  if (trimmed.startsWith('//')) return { kind: 'remote', url: `https:${trimmed}` };
  const withoutSuffix = trimmed.replace(/[?#].*$/s, '');
  if (withoutSuffix === '') return { kind: 'unsupported', src };
  let path: string;
  try {
    path = decodeURIComponent(withoutSuffix);
  } catch {
    path = withoutSuffix;
  }
  if (path.includes('\0')) return { kind: 'unsupported', src };
  return { kind: 'relative', path: path.replace(/\\/g, '/') };
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/** The image MIME type for a file name by its extension, or null when it is not an image. */
export function imageTypeForPath(path: string): string | null {
  const m = /\.([a-zA-Z0-9]+)$/.exec(path);
  return m ? (IMAGE_TYPES[m[1].toLowerCase()] ?? null) : null;
}

/**
 * The image type told by the file's first bytes (PNG, JPEG, GIF, WebP, SVG, AVIF, BMP), or null.
 * Used so a `.png` that is really a JPEG still shows, and a text file named `.png` does not.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(4, 0x66, 0x74, 0x79, 0x70) && (at(8, 0x61, 0x76, 0x69, 0x66) || at(8, 0x61, 0x76, 0x69, 0x73))) return 'image/avif';
  if (at(0, 0x42, 0x4d)) return 'image/bmp';
  // SVG is text: look for an <svg element near the start (after an XML prolog or comments).
  let head = '';
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < Math.min(bytes.length, 1024); i++) {
    head += String.fromCharCode(bytes[i]);
  }
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
