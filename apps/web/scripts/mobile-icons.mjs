// Renders the phone app's PNG icons from public/m/icon.svg (run once after changing the SVG; the PNGs
// are committed): `node apps/web/scripts/mobile-icons.mjs` from the repository root. Uses the
// server's sharp, so the web build itself needs no image tooling.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const sharp = createRequire(path.join(root, "apps/server/package.json"))("sharp");
const dir = path.join(root, "apps/web/public/m");
const svg = readFileSync(path.join(dir, "icon.svg"), "utf8");
// maskable: full bleed (the launcher cuts its own shape), the pin inside the safe circle
const fullBleed = svg.replace('rx="96"', 'rx="0"');

for (const [file, source, size] of [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["icon-maskable-512.png", fullBleed, 512],
]) {
  await sharp(Buffer.from(source), { density: 300 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(dir, file));
  console.log("wrote", file);
}
