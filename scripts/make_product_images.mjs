// Draws the demo show's product photos (our own artwork, simple shapes) as PNGs into
// assets/products/. Deterministic: rerunning produces identical files.
//   node scripts/make_product_images.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'products');

function canvas(bg1, bg2) {
  const px = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const t = y / (SIZE - 1);
      const i = (y * SIZE + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(bg1[c] * (1 - t) + bg2[c] * t);
      px[i + 3] = 255;
    }
  const set = (x, y, col) => {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) return;
    const i = (y * SIZE + x) * 4;
    px[i] = col[0]; px[i + 1] = col[1]; px[i + 2] = col[2];
  };
  return {
    px,
    poly(points, col) { // even-odd scanline fill
      for (let y = 0; y < SIZE; y++) {
        const xs = [];
        for (let k = 0; k < points.length; k++) {
          const [x1, y1] = points[k], [x2, y2] = points[(k + 1) % points.length];
          if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
        xs.sort((a, b) => a - b);
        for (let k = 0; k + 1 < xs.length; k += 2)
          for (let x = Math.ceil(xs[k]); x < xs[k + 1]; x++) set(x, y, col);
      }
    },
    circle(cx, cy, r, col) {
      for (let y = cy - r; y <= cy + r; y++)
        for (let x = cx - r; x <= cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, col);
    },
    rect(x, y, w, h, col) { this.poly([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], col); },
  };
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function png(px) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const products = {
  'kaos-polos': (c) => { // a T-shirt
    c.poly([[78, 60], [108, 48], [148, 48], [178, 60], [216, 96], [190, 122], [172, 106], [172, 212], [84, 212], [84, 106], [66, 122], [40, 96]], [0, 150, 136]);
    c.poly([[108, 48], [148, 48], [138, 66], [118, 66]], [0, 105, 92]);
  },
  'sepatu-lari': (c) => { // a running shoe
    c.poly([[40, 170], [60, 110], [110, 118], [150, 150], [214, 160], [222, 190], [40, 190]], [255, 112, 67]);
    c.rect(36, 190, 190, 14, [250, 250, 250]);
    for (let i = 0; i < 4; i++) c.rect(78 + i * 14, 122 + i * 6, 10, 4, [250, 250, 250]);
  },
  'tas-selempang': (c) => { // a crossbody bag
    c.poly([[70, 40], [80, 36], [190, 130], [180, 136]], [93, 64, 55]);
    c.rect(56, 110, 144, 100, [121, 85, 72]);
    c.rect(56, 110, 144, 36, [93, 64, 55]);
    c.circle(128, 150, 7, [255, 213, 79]);
  },
  'lipstik-matte': (c) => { // a lipstick
    c.rect(100, 130, 56, 90, [66, 66, 66]);
    c.rect(104, 100, 48, 32, [189, 189, 189]);
    c.poly([[108, 100], [108, 54], [148, 34], [148, 100]], [194, 24, 91]);
  },
};

mkdirSync(out, { recursive: true });
const palettes = [[[224, 242, 241], [178, 223, 219]], [[255, 243, 224], [255, 224, 178]],
  [[239, 235, 233], [215, 204, 200]], [[252, 228, 236], [248, 187, 208]]];
Object.entries(products).forEach(([name, draw], i) => {
  const c = canvas(...palettes[i]);
  draw(c);
  writeFileSync(join(out, name + '.png'), png(c.px));
});
console.log('wrote', Object.keys(products).length, 'images to', out);
