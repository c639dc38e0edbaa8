// Renders the PWA's PNG icons from the same drawing as public/favicon.svg. Run once after the
// logo changes; the outputs are a few kB and committed, so builds need no image toolchain.
import fs from 'node:fs';
import { PNG } from 'pngjs';

const bars = [
  [14, 4],
  [21, 2],
  [26, 6],
  [35, 2],
  [40, 4],
  [47, 3],
];
for (const size of [192, 512]) {
  const png = new PNG({ width: size, height: size });
  const s = size / 64;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / s,
        v = y / s;
      let rgb = [0x0f, 0x11, 0x15];
      if (v >= 16 && v < 48 && bars.some(([bx, w]) => u >= bx && u < bx + w))
        rgb = [0xf5, 0xf7, 0xfa];
      if (v >= 31 && v < 33.5 && u >= 8 && u < 56) rgb = [0x3d, 0xdc, 0x84];
      const i = (y * size + x) * 4;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = 255;
    }
  }
  fs.writeFileSync(`public/icons/icon-${size}.png`, PNG.sync.write(png));
}
