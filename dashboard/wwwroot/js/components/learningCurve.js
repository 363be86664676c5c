// The learning curve: f_avg on the held-out labels against the number of training labels, as a
// small SVG line chart drawn here (with a role=img description) and the same figures as a table.
import { h } from "../dom.js";

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function learningCurve(curve) {
  const points = curve?.points ?? [];
  if (!points.length) {
    return h("p", { className: "muted", id: "learning-curve" }, curve?.state === "running" ? "Learning curve: training on parts of the labels…" : curve?.note ?? "No learning curve yet.");
  }
  const width = 420, height = 220, left = 44, right = 12, top = 12, bottom = 36;
  const maxX = Math.max(1, ...points.map((p) => p.labels));
  const x = (v) => left + (v / maxX) * (width - left - right);
  const y = (v) => top + (1 - v) * (height - top - bottom);
  const description = `f_avg on held-out labels by number of training labels: ${points.map((p) => `${p.labels} labels ${p.fAvg.toFixed(3)}`).join("; ")}`;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": description, class: "learning-curve-chart" });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(svg("line", { x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: "grid" }));
    chart.append(svg("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, tick.toFixed(2)));
  }
  for (const p of points) {
    chart.append(svg("text", { x: x(p.labels), y: height - bottom + 16, "text-anchor": "middle", class: "tick" }, p.labels.toLocaleString()));
  }
  chart.append(svg("text", { x: (left + width - right) / 2, y: height - 4, "text-anchor": "middle", class: "axis-title" }, "training labels (plus the bootstrap corpus)"));
  chart.append(svg("polyline", { points: points.map((p) => `${x(p.labels)},${y(p.fAvg)}`).join(" "), class: "curve" }));
  for (const p of points) {
    const dot = svg("circle", { cx: x(p.labels), cy: y(p.fAvg), r: 4, class: "dot" });
    dot.append(svg("title", {}, `${p.labels} labels: f_avg ${p.fAvg.toFixed(3)}`));
    chart.append(dot);
  }
  const table = h("table", { className: "table narrow curve-table" },
    h("caption", { className: "muted" }, curve.state === "running" ? "Learning curve (still computing)" : "Learning curve: f_avg on the held-out labels"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "training labels"), h("th", { scope: "col", className: "num" }, "f_avg"))),
    h("tbody", {}, ...points.map((p) => h("tr", {}, h("td", {}, p.labels.toLocaleString()), h("td", { className: "num" }, p.fAvg.toFixed(3))))));
  return h("figure", { className: "learning-curve", id: "learning-curve" }, chart, table);
}
