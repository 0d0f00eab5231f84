// Prints the JavaScript a browser loads before the workbench's first screen: the entry script and
// every module index.html preloads, gzipped (the budget: ≤ 350 KB gzip).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = "apps/web/dist";
const html = readFileSync(path.join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KiB  ${f}`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KiB gzip in ${files.length} files`);
