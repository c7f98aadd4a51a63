// Renders assets/icon.svg to assets/icon.png (512x512), the icon electron-builder converts for every
// platform. Run after editing the SVG: `node scripts/make-icon.mjs`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';

const assets = resolve(import.meta.dirname, '../assets');
const svg = await readFile(resolve(assets, 'icon.svg'));
const out = resolve(assets, 'icon.png');

const info = await sharp(svg, { density: 300 })
  .resize(512, 512, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
  .png({ compressionLevel: 9 })
  .toFile(out);
console.log(`wrote ${out} (${info.width}x${info.height}, ${info.size} bytes)`);
