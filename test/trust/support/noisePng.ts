/**
 * A deterministic, incompressible PNG for a seed: the same seed gives the same bytes in the child
 * that imports it and in the test that checks it. Encoded by hand (zlib + CRC-32), so the checking
 * side needs no image library.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const WIDTH = 200;

/**
 * An RGB PNG of pseudo-random pixels seeded by `seed`, 200 px wide and 100–250 px high (60–150 kB;
 * the height varies so that figures rarely share a size, which keeps the importer's same-bytes
 * check from hashing every earlier one).
 */
export function noisePng(seed: number): Buffer {
  const height = 100 + (seed % 151);
  const row = 1 + WIDTH * 3;
  const raw = Buffer.alloc(row * height);
  let x = (seed * 2654435761 + 1) >>> 0 || 1;
  for (let i = 0; i < raw.length; i++) {
    if (i % row === 0) continue; // filter byte 0: none
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
