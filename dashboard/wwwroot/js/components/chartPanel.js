// A chart as the server renders it (SVG), kept current over the hub, with a download menu
// offering exactly the files of the export API.
import { h } from "../dom.js";
import { query } from "../api.js";
import { onChart, onReconnected, subscribeChart } from "../live.js";

const PRESETS = [
  { id: "screen", label: "Screen" },
  { id: "single", label: "Print, single column (3.5 in)" },
  { id: "double", label: "Print, double column (7 in)" },
  { id: "slide", label: "Slide 16:9" },
];

/** Parses server SVG and keeps only inert markup (no scripts, no event handlers, no foreign content). */
function toSvgNode(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg" || doc.querySelector("parsererror")) return null;
  for (const bad of root.querySelectorAll("script, foreignObject, iframe")) bad.remove();
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || ((attr.name === "href" || attr.name === "xlink:href") && value.startsWith("javascript:"))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  root.removeAttribute("width");
  root.removeAttribute("height");
  root.setAttribute("preserveAspectRatio", "xMidYMid meet");
  return document.importNode(root, true);
}

/**
 * chartPanel({ name, title, params, aspect }) → { element, dispose }.
 * params are the filters (query parameters) of the chart; aspect is width/height.
 */
export function chartPanel({ name, title, params, aspect = 16 / 9, width = 960 }) {
  const height = Math.round(width / aspect);
  const chartQuery = query({ ...params, width, height });
  const key = `${name}${chartQuery}`;
  const exportQuery = (extra) => query({ ...params, ...extra });
  const frame = h("div", { className: "chart-frame", style: `aspect-ratio: ${width} / ${height}` },
    h("div", { className: "chart-loading" }, "Loading chart…"));
  const updated = h("span", { className: "chart-updated muted", "aria-live": "polite" });
  let version = -1;

  function show(svgText, newVersion) {
    if (newVersion !== undefined && newVersion <= version) return;
    const svg = toSvgNode(svgText);
    if (!svg) return;
    frame.replaceChildren(svg);
    if (newVersion !== undefined) {
      version = newVersion;
      updated.textContent = "updated " + new Date().toLocaleTimeString();
      frame.classList.remove("chart-flash");
      void frame.offsetWidth;
      frame.classList.add("chart-flash");
    }
  }

  async function load() {
    try {
      const response = await fetch(`/api/charts/${name}.svg${chartQuery}`);
      if (!response.ok) {
        let detail = `HTTP ${response.status}`;
        try { detail = (await response.json()).detail ?? detail; } catch { /* not JSON */ }
        frame.replaceChildren(h("div", { className: "chart-error" }, `Chart unavailable: ${detail}`));
        return;
      }
      const etagVersion = Number(response.headers.get("X-Chart-Version") ?? NaN);
      show(await response.text(), Number.isFinite(etagVersion) ? etagVersion : undefined);
    } catch (e) {
      frame.replaceChildren(h("div", { className: "chart-error" }, "Chart unavailable: the server did not answer."));
    }
  }

  const dpi = h("select", { "aria-label": "PNG resolution" },
    ...[96, 150, 300, 600].map((d) => h("option", { value: d, selected: d === 300 }, `${d} dpi`)));
  const grey = h("input", { type: "checkbox", "aria-label": "Greyscale" });
  const pngLinks = PRESETS.map((p) => {
    const a = h("a", { download: "", dataset: { format: "png", preset: p.id } }, `PNG — ${p.label}`);
    a.addEventListener("click", () => {
      a.href = `/api/charts/${name}.png${exportQuery({ preset: p.id, dpi: dpi.value, grey: grey.checked || undefined })}`;
    });
    a.href = `/api/charts/${name}.png${exportQuery({ preset: p.id, dpi: 300 })}`;
    return h("li", {}, a);
  });
  const menu = h("details", { className: "download" },
    h("summary", { "aria-label": `Download ${title}` }, "Download"),
    h("div", { className: "download-menu" },
      h("ul", {},
        h("li", {}, h("a", { href: `/api/charts/${name}.svg${exportQuery({ width, height })}`, download: "", dataset: { format: "svg" } }, "SVG (vector)")),
        h("li", {}, h("a", { href: `/api/charts/${name}.pdf${exportQuery({ preset: "double" })}`, download: "", dataset: { format: "pdf" } }, "PDF (vector, 7 in)")),
        ...pngLinks,
        h("li", {}, h("a", { href: `/api/charts/${name}.csv${exportQuery({})}`, download: "", dataset: { format: "csv" } }, "CSV (the data)"))),
      h("div", { className: "download-options" }, h("label", {}, "PNG ", dpi), h("label", {}, grey, " greyscale"))));

  const element = h("figure", { className: "chart-panel", dataset: { chart: name } },
    h("figcaption", { className: "chart-head" }, h("h3", {}, title), updated, menu),
    frame);

  const unsubscribe = subscribeChart(key);
  const offChart = onChart((k, v, svg) => { if (k === key) show(svg, v); });
  const offReconnect = onReconnected(load);
  load();
  return {
    element,
    dispose() { unsubscribe(); offChart(); offReconnect(); },
  };
}
