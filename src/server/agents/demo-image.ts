/**
 * Tiny valid PNGs, drawn in code, for the image demo: a diagonal gradient that gets sharper with each progress
 * step. Built by hand (signature, IHDR, one zlib-compressed IDAT, IEND) so the demo needs no image library.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGB PNG of `size`×`size` pixels whose colour at (x, y) comes from `pixel`. */
export function drawPng(size: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression/filter, no interlace
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter type 0
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))];
  return new Uint8Array(Buffer.concat(parts));
}

/** The demo picture at a stage of "generation" (0 = blurry blocks … 1 = final), as a `data:` URL. */
export function demoImageUrl(stage: number): string {
  const size = 48;
  const block = Math.max(1, Math.round(16 * (1 - stage)));
  const png = drawPng(size, (x, y) => {
    const bx = x - (x % block);
    const by = y - (y % block);
    return [Math.round((bx / size) * 255), Math.round((by / size) * 200), 180];
  });
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
