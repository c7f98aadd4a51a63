/**
 * Decoding and re-encoding figures with sharp (libvips). sharp is loaded on first use only, so
 * `report-editor check` and the hygiene checks never pay for the native module.
 *
 * sharp's prebuilt libvips reads PNG, JPEG, WebP, GIF, TIFF, AVIF and SVG, but not BMP (that needs
 * ImageMagick) nor HEIC (only the AV1 flavour of HEIF is built in): BMP goes through our own decoder
 * (bmp.ts); HEIC is refused with a way out.
 */
import type { Sharp, SharpOptions } from 'sharp';
import { BmpError, decodeBmp } from './bmp';
import { FigureError } from './figureError';
import { formatName, type ImageFormat } from './imageFormat';

type SharpFactory = (input?: Uint8Array, options?: SharpOptions) => Sharp;
let sharpFactory: SharpFactory | null = null;

async function loadSharp(): Promise<SharpFactory> {
  if (!sharpFactory) sharpFactory = (await import('sharp')).default as unknown as SharpFactory;
  return sharpFactory;
}

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

export interface EncodedImage extends Dimensions {
  readonly bytes: Uint8Array;
}

/** SVGs are drawn at up to twice their nominal size (crisp on high-DPI screens), never wider than this. */
const SVG_MAX_WIDTH = 2560;

function unreadable(format: ImageFormat, error: unknown): FigureError {
  const reason = error instanceof Error ? error.message : String(error);
  return new FigureError(
    'unreadable',
    `This ${formatName(format)} file cannot be read (${reason}); it may be damaged. Open it and save it again as PNG.`,
  );
}

/** A sharp pipeline on the first frame/page of `bytes`, upright (EXIF orientation applied). */
async function pipeline(bytes: Uint8Array, format: ImageFormat): Promise<Sharp> {
  const sharp = await loadSharp();
  if (format === 'bmp') {
    let bitmap;
    try {
      bitmap = decodeBmp(bytes);
    } catch (error) {
      if (error instanceof BmpError) throw unreadable(format, error);
      throw error;
    }
    return sharp(bitmap.data, { raw: { width: bitmap.width, height: bitmap.height, channels: 4 } });
  }
  if (format === 'svg') {
    const nominal = await sharp(bytes).metadata();
    const scale = nominal.width ? Math.max(0.1, Math.min(2, SVG_MAX_WIDTH / nominal.width)) : 1;
    return sharp(bytes, { density: 72 * scale });
  }
  return sharp(bytes).rotate();
}

/** Width and height as displayed (a JPEG rotated by EXIF reports its upright size). */
export async function imageDimensions(bytes: Uint8Array, format: ImageFormat): Promise<Dimensions> {
  try {
    if (format === 'bmp') {
      const { width, height } = decodeBmp(bytes);
      return { width, height };
    }
    const sharp = await loadSharp();
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height) throw new Error('no size in the header');
    const turned = (meta.orientation ?? 1) >= 5;
    return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch (error) {
    if (error instanceof FigureError) throw error;
    throw unreadable(format, error);
  }
}

/** The first frame/page as PNG (animated GIFs keep their first frame). */
export async function convertToPng(bytes: Uint8Array, format: ImageFormat): Promise<EncodedImage> {
  try {
    const { data, info } = await (await pipeline(bytes, format)).png().toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    if (error instanceof FigureError) throw error;
    throw unreadable(format, error);
  }
}

/**
 * A copy at most `maxWidth` wide in the same format (PNG stays PNG, JPEG stays JPEG). A PNG still
 * larger than `byteBudget` is also tried with a 256-colour palette (fine for screenshots: a 4K
 * screenshot drops to about a third), and the smaller result wins. Measured on a 4K screenshot,
 * zlib level 9 and adaptive filtering cost seconds for a few percent (or made it larger), and
 * libimagequant's default effort is ten times slower than effort 1 for the same size.
 */
export async function downscaleImage(
  bytes: Uint8Array,
  format: 'png' | 'jpeg',
  maxWidth: number,
  byteBudget: number,
): Promise<EncodedImage> {
  try {
    const resized = (await pipeline(bytes, format)).resize({ width: maxWidth, withoutEnlargement: true });
    const encode = async (s: Sharp): Promise<EncodedImage> => {
      const { data, info } = await s.toBuffer({ resolveWithObject: true });
      return {
        bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        width: info.width,
        height: info.height,
      };
    };
    if (format === 'jpeg') return await encode(resized.jpeg({ quality: 85, mozjpeg: true }));
    const full = await encode(resized.clone().png());
    if (full.bytes.length <= byteBudget) return full;
    const palette = await encode(resized.clone().png({ palette: true, quality: 90, effort: 1 }));
    return palette.bytes.length < full.bytes.length ? palette : full;
  } catch (error) {
    if (error instanceof FigureError) throw error;
    throw unreadable(format, error);
  }
}

/** A small WebP preview (fits in `size`×`size`) as a data: URL, for the thumbnails under an answer. */
export async function thumbnail(
  bytes: Uint8Array,
  format: ImageFormat,
  size: number,
): Promise<{ dataUrl: string } & Dimensions> {
  try {
    const data = await (
      await pipeline(bytes, format)
    )
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const full = await imageDimensions(bytes, format);
    return { dataUrl: `data:image/webp;base64,${data.toString('base64')}`, ...full };
  } catch (error) {
    if (error instanceof FigureError) throw error;
    throw unreadable(format, error);
  }
}
