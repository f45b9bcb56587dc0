// Draws assets/icons/icon.png (1024x1024): a siren-red rounded tile with a white beacon.
// Kept as code so the icon can be regenerated at any size without an image editor.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 1024;
const RADIUS = 200;
const BEACON = { cx: 512, cy: 560, r: 230, stripe: 60 };
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const insideRounded = (x, y) => {
  const dx = Math.max(RADIUS - x, 0, x - (SIZE - 1 - RADIUS));
  const dy = Math.max(RADIUS - y, 0, y - (SIZE - 1 - RADIUS));
  return dx * dx + dy * dy <= RADIUS * RADIUS;
};
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) {
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    let px = [0, 0, 0, 0];
    if (insideRounded(x, y)) {
      px = [200, 30, 40, 255];
      const d = Math.hypot(x - BEACON.cx, y - BEACON.cy);
      const dome = d <= BEACON.r && y <= BEACON.cy;
      const base = y > BEACON.cy + 40 && y < BEACON.cy + 40 + BEACON.stripe && Math.abs(x - BEACON.cx) < BEACON.r + 40;
      if (dome || base) px = [255, 255, 255, 255];
    }
    raw.set(px, o);
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../assets/icons/icon.png', import.meta.url), png);
console.log('assets/icons/icon.png written');
