/** Real images, temp report repos and real git repos for the figures service tests. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';

export type Rgb = { r: number; g: number; b: number };
export const RED: Rgb = { r: 255, g: 0, b: 0 };
export const BLUE: Rgb = { r: 0, g: 0, b: 255 };

export function solid(width: number, height: number, color: Rgb = RED) {
  return sharp({ create: { width, height, channels: 3, background: color } });
}

export async function png(width = 40, height = 30, color: Rgb = RED): Promise<Buffer> {
  return solid(width, height, color).png().toBuffer();
}

export async function jpeg(width = 40, height = 30, color: Rgb = RED): Promise<Buffer> {
  return solid(width, height, color).jpeg().toBuffer();
}

/** Random pixels: incompressible, so a modest size gives a PNG over 2 MB. */
export async function noisePng(width: number, height: number): Promise<Buffer> {
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

export function svg(width = 120, height = 60, fill = 'red'): Buffer {
  return Buffer.from(
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${fill}"/></svg>`,
  );
}

/** A 24-bit bottom-up BMP, as Paint saves it: every pixel `color`, the top-left one `corner`. */
export function bmp24(width: number, height: number, color: Rgb, corner: Rgb = color): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + stride * height;
  const b = Buffer.alloc(size);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Bottom-up: the file's last row is the image's top row.
      const c = x === 0 && y === height - 1 ? corner : color;
      const o = 54 + y * stride + x * 3;
      b[o] = c.b;
      b[o + 1] = c.g;
      b[o + 2] = c.r;
    }
  }
  return b;
}

/** An 8-bit palette BMP (top-down): left half palette entry 0, right half entry 1. */
export function bmp8(width: number, height: number, left: Rgb, right: Rgb): Buffer {
  const stride = Math.ceil(width / 4) * 4;
  const offset = 54 + 256 * 4;
  const b = Buffer.alloc(offset + stride * height);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(offset, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(8, 28);
  b.writeUInt32LE(2, 46);
  for (const [i, c] of [left, right].entries()) {
    b[54 + i * 4] = c.b;
    b[54 + i * 4 + 1] = c.g;
    b[54 + i * 4 + 2] = c.r;
  }
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) b[offset + y * stride + x] = x < width / 2 ? 0 : 1;
  return b;
}

/** The RGB of pixel (x, y) of any image sharp reads. */
export async function pixel(bytes: Uint8Array, x = 0, y = 0): Promise<Rgb> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const o = (y * info.width + x) * info.channels;
  return { r: data[o], g: data[o + 1], b: data[o + 2] };
}

/** A repo with `reports/README.md` (a 31-question report) and the given extra files. */
export function reportRepo(answers: Record<number, string> = {}, files: Record<string, string | Uint8Array> = {}) {
  const root = tempRepo({ 'reports/README.md': buildReport({ answers }), ...files });
  return { root, reportPath: join(root, 'reports', 'README.md'), figures: join(root, 'reports', 'figures') };
}

/** Every file under `root` (relative, `/`-separated), `.git` excluded. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** git with the test's repo only (never an outer repo a hook may have exported). */
export function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_COMMON_DIR']) delete env[name];
  const run = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export function gitInit(root: string): void {
  git(root, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(root, 'config', 'user.email', 'student@example.com');
  git(root, 'config', 'user.name', 'Student');
  git(root, 'config', 'commit.gpgsign', 'false');
}

/** Whether `dir` sits inside some git work tree (then "no git repo" cannot be tested there). */
export function insideGitRepo(dir: string): boolean {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE']) delete env[name];
  return spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env }).status === 0;
}
