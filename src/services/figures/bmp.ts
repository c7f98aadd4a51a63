/**
 * A small BMP decoder, because the libvips inside sharp's prebuilt binaries cannot read BMP (no
 * ImageMagick), yet Windows tools (Paint, some screenshot tools) still save it. Handles what those
 * write: 1/4/8-bit palettes, 16/24/32-bit pixels, BI_RGB and BI_BITFIELDS, bottom-up and top-down.
 * RLE-compressed and embedded-JPEG/PNG BMPs are refused with a clear reason.
 */

export class BmpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BmpError';
  }
}

export interface DecodedBitmap {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  readonly data: Uint8Array;
}

/** Far above any screenshot; keeps a corrupt header from asking for gigabytes. */
const MAX_PIXELS = 100_000_000;

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

function maskShift(mask: number): { shift: number; bits: number } {
  if (mask === 0) return { shift: 0, bits: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (((mask >>> (shift + bits)) & 1) === 1) bits++;
  return { shift, bits };
}

function channel(value: number, m: { shift: number; bits: number }): number {
  if (m.bits === 0) return 0;
  const v = (value >>> m.shift) & ((1 << m.bits) - 1);
  return m.bits >= 8 ? v >>> (m.bits - 8) : Math.round((v * 255) / ((1 << m.bits) - 1));
}

export function decodeBmp(bytes: Uint8Array): DecodedBitmap {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw new BmpError('not a BMP file');
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  let width: number;
  let height: number;
  let bpp: number;
  let compression = BI_RGB;
  let colorsUsed = 0;
  if (headerSize === 12) {
    width = view.getUint16(18, true);
    height = view.getInt16(20, true);
    bpp = view.getUint16(24, true);
  } else if (headerSize >= 40 && bytes.length >= 14 + 40) {
    width = view.getInt32(18, true);
    height = view.getInt32(22, true);
    bpp = view.getUint16(28, true);
    compression = view.getUint32(30, true);
    colorsUsed = view.getUint32(46, true);
  } else {
    throw new BmpError(`unknown BMP header (${headerSize} bytes)`);
  }
  const topDown = height < 0;
  height = Math.abs(height);
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS)
    throw new BmpError(`implausible BMP size ${width}×${height}`);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    throw new BmpError('compressed BMP (RLE, JPEG or PNG inside) is not supported');
  }
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw new BmpError(`${bpp}-bit BMP is not supported`);

  // Channel masks: explicit (BITFIELDS, inside a V4/V5 header or right after a V3 one) or defaults.
  let masks: { r: number; g: number; b: number; a: number } | null = null;
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    const at = 14 + 40;
    if (bytes.length < at + 12) throw new BmpError('truncated BMP header');
    masks = {
      r: view.getUint32(at, true),
      g: view.getUint32(at + 4, true),
      b: view.getUint32(at + 8, true),
      a:
        (headerSize >= 56 || compression === BI_ALPHABITFIELDS) && bytes.length >= at + 16
          ? view.getUint32(at + 12, true)
          : 0,
    };
  } else if (bpp === 16) {
    masks = { r: 0x7c00, g: 0x03e0, b: 0x001f, a: 0 };
  } else if (bpp === 32 && headerSize >= 56) {
    // V4/V5 headers carry an alpha mask even for BI_RGB; honour it when set.
    const a = view.getUint32(14 + 52, true);
    if (a !== 0) masks = { r: 0x00ff0000, g: 0x0000ff00, b: 0x000000ff, a };
  }

  let palette: Uint8Array | null = null;
  if (bpp <= 8) {
    const entrySize = headerSize === 12 ? 3 : 4;
    const count = colorsUsed > 0 ? Math.min(colorsUsed, 1 << bpp) : 1 << bpp;
    const start = 14 + headerSize;
    palette = new Uint8Array(count * 4);
    for (let i = 0; i < count; i++) {
      const p = start + i * entrySize;
      if (p + 2 >= bytes.length) break;
      palette[i * 4] = bytes[p + 2];
      palette[i * 4 + 1] = bytes[p + 1];
      palette[i * 4 + 2] = bytes[p];
      palette[i * 4 + 3] = 255;
    }
  }

  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (pixelOffset + stride * height > bytes.length) throw new BmpError('truncated BMP pixel data');
  const out = new Uint8Array(width * height * 4);
  const r = masks ? maskShift(masks.r) : null;
  const g = masks ? maskShift(masks.g) : null;
  const b = masks ? maskShift(masks.b) : null;
  const a = masks ? maskShift(masks.a) : null;
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (palette) {
        const bitPos = x * bpp;
        const byte = bytes[row + (bitPos >> 3)];
        const index = (byte >> (8 - bpp - (bitPos & 7))) & ((1 << bpp) - 1);
        out.set(palette.subarray(index * 4, index * 4 + 4), o);
        if (index * 4 >= palette.length) out[o + 3] = 255;
      } else if (masks) {
        const p = row + x * (bpp / 8);
        const value = bpp === 16 ? view.getUint16(p, true) : view.getUint32(p, true);
        out[o] = channel(value, r!);
        out[o + 1] = channel(value, g!);
        out[o + 2] = channel(value, b!);
        out[o + 3] = a!.bits > 0 ? channel(value, a!) : 255;
      } else {
        const p = row + x * (bpp / 8);
        out[o] = bytes[p + 2];
        out[o + 1] = bytes[p + 1];
        out[o + 2] = bytes[p];
        out[o + 3] = bpp === 32 ? bytes[p + 3] : 255;
        if (bpp === 32 && bytes[p + 3] !== 0) anyAlpha = true;
      }
    }
  }
  // 32-bit BI_RGB keeps a fourth byte that most writers leave at 0: then it is not alpha.
  if (bpp === 32 && !masks && !anyAlpha) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, data: out };
}
