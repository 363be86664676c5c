// A chart as the server renders it (SVG), kept current over the hub, with a download menu
// offering exactly the files of the export API.
import { h } from "../dom.js";
import { query } from "../api.js";
import { onChart, onReconnected, subscribeChart } from "../live.js";

/** The widths live charts are drawn at (LiveCharts/ChartKey.LiveWidths on the server). */
const LIVE_WIDTHS = [480, 720, 960, 1200];

const PRESETS = [
  { id: "screen", label: "Screen" },
  { id: "print-single", label: "Print, single column (3.5 in)" },
  { id: "print-double", label: "Print, double column (7 in)" },
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

/** The page a heatmap cell or position bar leads to: that author's (or outlet's) page for that target. */
function markLink(mark) {
  const kind = mark.kind === "outlet" ? "outlets" : "authors";
  return `/${kind}/${encodeURIComponent(mark.name)}?targets=${encodeURIComponent(mark.target)}`;
}

/** "+0.47" with a true minus sign, as the chart prints it. */
function signed(value) {
  const text = Math.abs(value).toFixed(2);
  return value > 0.005 ? `+${text}` : value < -0.005 ? `\u2212${text}` : text;
}

/**
 * Focusable links laid over the chart's marks (the server measured their rectangles after
 * rendering, in SVG units): reachable by Tab, followed with Enter (a link) or Space, named for
 * screen readers with who, target and value. Names come from data, set as text and attributes only.
 */
function markLayer(marks, width, height) {
  const layer = h("div", { className: "chart-marks" });
  for (const mark of marks) {
    const label = `${mark.name}, ${mark.target}: ${signed(mark.value)} (n=${mark.n}${mark.thin ? ", fewer pieces than the threshold" : ""})`;
    const a = h("a", {
      className: "chart-mark",
      href: markLink(mark),
      dataset: { link: "", [mark.kind === "outlet" ? "outlet" : "author"]: mark.name, target: mark.target },
      style: `left:${(100 * mark.x / width).toFixed(3)}%;top:${(100 * mark.y / height).toFixed(3)}%;width:${(100 * mark.width / width).toFixed(3)}%;height:${(100 * mark.height / height).toFixed(3)}%`,
    });
    a.setAttribute("aria-label", label);
    a.title = label;
    layer.append(a);
  }
  return layer;
}

/**
 * chartPanel({ name, title, params, aspect }) → { element, dispose }.
 * params are the filters (query parameters) of the chart; aspect is width/height. The chart is
 * drawn at the live width nearest the panel's (measured once it is on the page) and scaled to fit,
 * so text stays legible and pages of any width share one render.
 */
export function chartPanel({ name, title, params, aspect = 16 / 9 }) {
  const exportQuery = (extra) => query({ ...params, ...extra });
  const frame = h("div", { className: "chart-frame", style: `aspect-ratio: ${aspect}` },
    h("div", { className: "chart-loading" }, "Loading chart…"));
  const updated = h("span", { className: "chart-updated muted", "aria-live": "polite" });
  let version = -1;
  let key = null;
  let chartQuery = "";
  let disposed = false;
  const cleanup = [];

  function show(view, newVersion) {
    if (newVersion !== undefined && newVersion <= version) return;
    const svg = toSvgNode(view.svg);
    if (!svg) return;
    const viewBox = svg.viewBox?.baseVal;
    const layer = markLayer(view.marks ?? [], viewBox?.width || view.width, viewBox?.height || view.height);
    // A live update replaces the SVG and its links; keep keyboard focus on the same author (or outlet) and target.
    const markKey = (m) => `${m.dataset.author ?? m.dataset.outlet}\u0000${m.dataset.target ?? ""}`;
    const focused = frame.contains(document.activeElement) && document.activeElement.classList.contains("chart-mark") ? markKey(document.activeElement) : null;
    frame.replaceChildren(svg, layer);
    if (focused) [...layer.querySelectorAll(".chart-mark")].find((m) => markKey(m) === focused)?.focus();
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
      const response = await fetch(`/api/charts/${name}/view${chartQuery}`);
      if (!response.ok) {
        let detail = `HTTP ${response.status}`;
        try {
          const problem = await response.json();
          // Name each bad filter and why ("from: 'notadate' is not an ISO 8601 date …"), not just that one is bad.
          const reasons = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(" ")}`);
          detail = reasons.length ? reasons.join("; ") : problem.detail ?? detail;
        } catch { /* not JSON */ }
        frame.replaceChildren(h("div", { className: "chart-error" }, h("p", {}, `Chart unavailable: ${detail}`,
          response.status === 400 ? h("br") : null,
          response.status === 400 ? h("span", {}, "Fix the filter above, or ", h("a", { href: location.pathname, dataset: { link: "" } }, "reset the filters"), ".") : null)));
        return;
      }
      show(await response.json());
    } catch {
      frame.replaceChildren(h("div", { className: "chart-error" }, "Chart unavailable: the server did not answer."));
    }
  }

  function start() {
    if (disposed) return;
    const measured = Math.round(frame.getBoundingClientRect().width) || 720;
    // Narrow panels (phones) get taller charts, so axes and captions keep room.
    const shape = measured < 640 ? Math.min(aspect, 0.95) : aspect;
    // Drawn at the nearest of a few widths and scaled by the SVG's viewBox, so every page showing
    // this chart shares one render (the server draws live charts at exactly these sizes).
    const width = LIVE_WIDTHS.reduce((best, w) => (Math.abs(w - measured) < Math.abs(best - measured) ? w : best));
    const ratio = Math.round(100 / shape) / 100;
    const height = Math.round(width * ratio);
    frame.style.aspectRatio = `${width} / ${height}`;
    chartQuery = query({ ...params, width, height });
    key = `${name}${chartQuery}`;
    cleanup.push(subscribeChart(key));
    cleanup.push(onChart((k, v, svg, marks) => { if (k === key) show({ svg, marks }, v); }));
    cleanup.push(onReconnected(load));
    load();
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
        h("li", {}, h("a", { href: `/api/charts/${name}.svg${exportQuery({ preset: "screen" })}`, download: "", dataset: { format: "svg" } }, "SVG (vector)")),
        h("li", {}, h("a", { href: `/api/charts/${name}.pdf${exportQuery({ preset: "print-double" })}`, download: "", dataset: { format: "pdf" } }, "PDF (vector, 7 in)")),
        ...pngLinks,
        h("li", {}, h("a", { href: `/api/charts/${name}.csv${exportQuery({})}`, download: "", dataset: { format: "csv" } }, "CSV (the data)"))),
      h("div", { className: "download-options" }, h("label", {}, "PNG ", dpi), h("label", {}, grey, " greyscale"))));

  // Close the menu once a file is chosen.
  menu.addEventListener("click", (event) => {
    if (event.target.closest("a")) setTimeout(() => { menu.open = false; }, 0);
  });

  const element = h("figure", { className: "chart-panel", dataset: { chart: name } },
    h("figcaption", { className: "chart-head" }, h("h3", {}, title), updated, menu),
    frame);

  // A heatmap cell or a position bar leads to that author's (or outlet's) page for that target:
  // the overlay links are real links (click, Enter); Space follows them too, as it did on the marks.
  frame.addEventListener("click", (event) => {
    const mark = event.target.closest("a.chart-mark");
    if (!mark || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    frame.dispatchEvent(new CustomEvent("navigate", { bubbles: true, detail: mark.getAttribute("href") }));
  });
  frame.addEventListener("keydown", (event) => {
    if (event.key !== " ") return;
    const mark = event.target.closest("a.chart-mark");
    if (!mark) return;
    event.preventDefault();
    frame.dispatchEvent(new CustomEvent("navigate", { bubbles: true, detail: mark.getAttribute("href") }));
  });

  requestAnimationFrame(start);
  return {
    element,
    dispose() { disposed = true; cleanup.forEach((off) => off()); },
  };
}
