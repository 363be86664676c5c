// Copies the browser builds of npm dependencies into wwwroot/lib (run by the build; no vendored copies in git).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = [
  ["node_modules/@microsoft/signalr/dist/browser/signalr.min.js", "wwwroot/lib/signalr/signalr.min.js"],
  ["node_modules/@microsoft/signalr/dist/browser/signalr.min.js.map", "wwwroot/lib/signalr/signalr.min.js.map"],
];
for (const [from, to] of files) {
  mkdirSync(dirname(join(root, to)), { recursive: true });
  copyFileSync(join(root, from), join(root, to));
}
console.log(`copied ${files.length} front-end files to wwwroot/lib`);
