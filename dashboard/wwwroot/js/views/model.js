// Model: the active stance model version, its cross-validated metrics per target, every
// version, and the progress of re-scoring after a promotion (live over the hub).
import { formatDateTime, h } from "../dom.js";
import { getJson } from "../api.js";
import { onProgress } from "../live.js";
import { labelsPanel } from "../components/labelsPanel.js";
import { trainingPanel } from "../components/trainingPanel.js";

const COLUMNS = [["f_avg", "F avg"], ["f_favor", "F favor"], ["f_against", "F against"], ["macro_f1", "macro F1"], ["accuracy", "accuracy"], ["count", "n"]];

function metricsTable(metrics) {
  if (!metrics || typeof metrics.f_avg !== "number") return h("p", { className: "muted" }, "No metrics recorded for this version.");
  const cell = (v, key) => h("td", { className: "num" }, typeof v !== "number" ? "—" : key === "count" ? String(v) : v.toFixed(3));
  const row = (label, m) => h("tr", {}, h("th", { scope: "row" }, label), ...COLUMNS.map(([key]) => cell(m[key], key)));
  const perTarget = Object.entries(metrics.per_target ?? {});
  return h("table", { className: "table metrics" },
    h("caption", { className: "muted" }, "Cross-validated on the training data (SemEval-2016 F avg = mean of F1 favor and F1 against)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "target"), ...COLUMNS.map(([, label]) => h("th", { scope: "col", className: "num" }, label)))),
    h("tbody", {}, row("all", metrics), ...perTarget.map(([name, m]) => row(name, m))));
}

function fAvg(version) {
  const metrics = parseMetrics(version);
  return typeof metrics?.f_avg === "number" ? metrics.f_avg.toFixed(3) : "—";
}

function parseMetrics(version) {
  if (version.metrics) return version.metrics;
  if (!version.metricsJson) return null;
  try { return JSON.parse(version.metricsJson); } catch { return null; }
}

// What the model reads and how it was fitted, from what the store keeps with the version.
function describe(metrics) {
  if (!metrics || !metrics.engine) return "";
  const parts = [`ML.NET, ${metrics.features === "ngrams+embeddings" ? "n-grams + MiniLM sentence embeddings" : "word and character n-grams"}`];
  if (typeof metrics.l2 === "number") parts.push(`L2 λ ${metrics.l2}`);
  const own = metrics.trained_targets ?? [];
  parts.push(own.length ? `own model for ${own.join(", ")}; a shared model for other targets` : "one shared model for all targets");
  return parts.join(" · ");
}

function progressView(box, p) {
  if (!p) { box.replaceChildren(); return; }
  const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 100;
  box.replaceChildren(
    h("p", {}, `Re-scoring stored pieces with ${p.modelVersion}: ${p.done} of ${p.total} (${p.state})`),
    h("progress", { max: 100, value: pct, "aria-label": "Re-scoring progress" }));
}

export async function render(container) {
  document.title = "Model — StanceBoard";
  const body = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  const progress = h("div", { className: "rescore", "aria-live": "polite" });
  container.replaceChildren(h("h1", { className: "page-title" }, "Stance model"), progress, body);
  const off = onProgress((p) => progressView(progress, p));
  try {
    const last = await fetch("/api/models/rescore");
    if (last.status === 200) {
      const p = await last.json();
      if (p.state === "running") progressView(progress, p);
    }
  } catch { /* progress is optional */ }
  try {
    const model = await getJson("/api/model");
    const active = model.active;
    const unloadable = model.unloadable ?? {};
    const features = describe(active.metrics);
    body.replaceChildren(
      h("p", {}, "Active version ", h("strong", {}, active.version),
        ` · trained ${formatDateTime(active.createdUtc)}`,
        active.source ? ` · from ${active.source}` : "",
        active.examples ? ` · ${active.examples} examples` : ""),
      features ? h("p", { className: "muted model-features" }, features) : "",
      metricsTable(active.metrics),
      h("h2", {}, "Versions"),
      h("table", { className: "table" },
        h("thead", {}, h("tr", {}, ...["version", "trained", "source", "examples", "F avg", ""].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...(model.versions ?? []).map((v) => h("tr", {},
          h("td", {}, v.version), h("td", {}, formatDateTime(v.createdUtc)), h("td", {}, v.source ?? ""),
          h("td", { className: "num" }, v.examples ?? ""), h("td", { className: "num" }, fAvg(v)),
          h("td", {}, v.isActive ? h("strong", {}, "active")
            : unloadable[v.version] ? h("span", { className: "muted", title: unloadable[v.version] }, `not loadable: ${unloadable[v.version]}`) : ""))))),
      h("p", { className: "muted" }, "Train a new version with ", h("code", {}, "dotnet run --project dashboard -- train --data labels.csv --cv 5"),
        "; promote it with POST /api/models/{version}/promote (admin key). Promoting re-scores every stored piece."));
  } catch (e) {
    body.replaceChildren(h("p", { className: "empty" }, e.status === 404
      ? "No stance model is active: pieces show their target mentions only."
      : `Could not load the model: ${e.message}`));
  }
  const training = trainingPanel();
  const labels = labelsPanel();
  container.append(training.element, labels.element);
  return () => { off(); training.dispose(); labels.dispose(); };
}
