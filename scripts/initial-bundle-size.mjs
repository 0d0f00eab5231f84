// Prints the JavaScript a browser loads before each web application's first screen: the entry
// script and every module its HTML preloads, gzipped (the workbench's budget: ≤ 350 KB gzip).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = "apps/web/dist";
const APPS = [
  ["workbench", "index.html"],
  ["grid workers' app /m/", "m/index.html"],
  ["citizens' portal /p/", "p/index.html"],
  ["big screen /screen/", "screen/index.html"],
];
for (const [name, page] of APPS) {
  const html = readFileSync(path.join(dist, page), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  for (const f of files) {
    const size = gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
    total += size;
    console.log(`${(size / 1024).toFixed(1).padStart(8)} KiB  ${f}`);
  }
  console.log(`${name}: initial JavaScript ${(total / 1024).toFixed(1)} KiB gzip in ${files.length} files\n`);
}
