// Model: the active stance model version and its evaluation metrics.
import { formatDateTime, h } from "../dom.js";
import { getJson } from "../api.js";

function metricsTable(metrics) {
  const rows = Object.entries(metrics ?? {}).filter(([, v]) => typeof v === "number");
  if (!rows.length) return h("p", { className: "muted" }, "No metrics recorded.");
  return h("table", { className: "table narrow" },
    h("tbody", {}, ...rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v.toFixed(3))))));
}

export async function render(container) {
  document.title = "Model — StanceBoard";
  const body = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  container.replaceChildren(h("h1", { className: "page-title" }, "Stance model"), body);
  try {
    const model = await getJson("/api/model");
    const active = model.active ?? model;
    body.replaceChildren(
      h("p", {}, "Active version ", h("strong", {}, active.version ?? "—"), active.createdUtc ? ` · trained ${formatDateTime(active.createdUtc)}` : ""),
      metricsTable(active.metrics),
      model.versions?.length ? h("details", {}, h("summary", {}, `${model.versions.length} version(s)`),
        h("ul", {}, ...model.versions.map((v) => h("li", {}, `${v.version}${v.isActive ? " (active)" : ""} — ${formatDateTime(v.createdUtc)}`)))) : null);
  } catch (e) {
    body.replaceChildren(h("p", { className: "empty" }, e.status === 404
      ? "No stance model is available in this build: pieces show their target mentions only."
      : `Could not load the model: ${e.message}`));
  }
  return () => {};
}
