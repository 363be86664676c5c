// Copies the browser builds of npm dependencies into wwwroot/lib (run by the build; no vendored copies in git).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = [
  ["node_modules/@microsoft/signalr/dist/browser/signalr.min.js", "wwwroot/lib/signalr/signalr.min.js"],
  ["node_modules/@microsoft/signalr/dist/browser/signalr.min.js.map", "wwwroot/lib/signalr/signalr.min.js.map"],
  ["node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "wwwroot/lib/fonts/DejaVuSans.ttf"],
  ["node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", "wwwroot/lib/fonts/DejaVuSans-Bold.ttf"],
  ["node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf", "wwwroot/lib/fonts/DejaVuSans-Oblique.ttf"],
  ["node_modules/dejavu-fonts-ttf/LICENSE", "wwwroot/lib/fonts/LICENSE"],
];
for (const [from, to] of files) {
  mkdirSync(dirname(join(root, to)), { recursive: true });
  copyFileSync(join(root, from), join(root, to));
}
console.log(`copied ${files.length} front-end files to wwwroot/lib`);
