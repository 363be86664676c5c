// Retraining from the model page: start a run (admin), watch its progress over the hub, cancel
// it, then compare the candidate with the active model on the held-out gold labels and promote
// or discard it; roll back one click. Everyone can watch; the buttons are for admins.
import { formatDateTime, h } from "../dom.js";
import { getJson } from "../api.js";
import { onTraining } from "../live.js";
import { isAdmin, sendJson } from "../session.js";
import { learningCurve } from "./learningCurve.js";

const MEASURES = [["fAvg", "F avg"], ["fFavor", "F favor"], ["fAgainst", "F against"], ["macroF1", "macro F1"], ["accuracy", "accuracy"], ["count", "n"]];
const ORDER = ["favor", "against", "none"];

const number = (v, key) => (typeof v !== "number" ? "—" : key === "count" ? String(v) : v.toFixed(3));

function metricsTable(comparison) {
  const b = comparison.baseline.metrics, c = comparison.candidate.metrics;
  const better = (key) => (b && c && key !== "count" ? (c[key] > b[key] + 1e-9 ? "better" : c[key] < b[key] - 1e-9 ? "worse" : "") : "");
  return h("table", { className: "table narrow", id: "comparison-table" },
    h("caption", { className: "muted" }, `On ${comparison.heldOutLabels} held-out gold label${comparison.heldOutLabels === 1 ? "" : "s"} (the evaluation slice, never trained on)`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "measure"),
      h("th", { scope: "col", className: "num" }, `active ${comparison.baseline.version ?? "(none)"}`),
      h("th", { scope: "col", className: "num" }, `candidate ${comparison.candidate.version}`))),
    h("tbody", {}, ...MEASURES.map(([key, label]) => h("tr", {},
      h("th", { scope: "row" }, label),
      h("td", { className: "num" }, number(b?.[key], key)),
      h("td", { className: `num ${better(key)}` }, number(c?.[key], key))))));
}

function perTargetTable(comparison) {
  if (!comparison.perTarget.length) return null;
  return h("table", { className: "table narrow", id: "per-target-table" },
    h("caption", { className: "muted" }, "F avg per target on its held-out labels"),
    h("thead", {}, h("tr", {}, ...["target", "n", "active", "candidate"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...comparison.perTarget.map((t) => h("tr", {},
      h("th", { scope: "row" }, t.target), h("td", { className: "num" }, String(t.count)),
      h("td", { className: "num" }, number(t.baselineFAvg)), h("td", { className: "num" }, number(t.candidateFAvg))))));
}

function confusion(title, metrics) {
  if (!metrics?.confusion) return null;
  return h("table", { className: "table confusion" },
    h("caption", {}, title, h("span", { className: "muted" }, " (rows gold, columns predicted)")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), ...ORDER.map((s) => h("th", { scope: "col", className: "num" }, s)))),
    h("tbody", {}, ...metrics.confusion.map((row, i) => h("tr", {}, h("th", { scope: "row" }, ORDER[i]),
      ...row.map((n, j) => h("td", { className: `num${i === j ? " diagonal" : ""}` }, String(n)))))));
}

function changedList(changed) {
  const share = changed.sampledTargets ? Math.round((100 * changed.changed) / changed.sampledTargets) : 0;
  return h("div", { id: "changed-verdicts" },
    h("p", {}, `Of the latest ${changed.sampled} stored pieces (${changed.sampledTargets} verdicts), the candidate changes ${changed.changed} (${share}%).`),
    changed.examples.length ? h("table", { className: "table" },
      h("thead", {}, h("tr", {}, ...["piece", "target", "now", "candidate"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...changed.examples.map((v) => h("tr", {},
        h("td", {}, h("a", { href: `/pieces/${v.pieceId}`, dataset: { link: "" } }, v.title)),
        h("td", {}, v.target),
        h("td", {}, h("span", { className: `chip chip-${v.before ?? "unscored"}` }, v.before ?? "unscored")),
        h("td", {}, h("span", { className: `chip chip-${v.after}` }, v.after)))))) : null);
}

export function trainingPanel() {
  const root = h("section", { className: "training", id: "training" }, h("h2", {}, "Retrain from labels"));
  const body = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  const message = h("p", { className: "form-status", role: "status", "aria-live": "polite" });
  root.append(message, body);
  let latest = null;

  const act = async (fn, done) => {
    try {
      await fn();
      message.textContent = done;
      message.className = "form-status ok";
      await refresh();
    } catch (e) {
      message.textContent = e.message;
      message.className = "form-status error";
    }
  };

  function controls(run) {
    if (!isAdmin()) return h("p", { className: "muted" }, "Admins start training runs here.");
    const running = run?.state === "running" || run?.result?.curve?.state === "running";
    const weight = h("input", { type: "number", id: "bootstrap-weight", min: 0, max: 5, step: 0.25, value: run?.result?.inputs?.bootstrapWeight ?? 1 });
    const start = h("button", { type: "button", className: "primary", id: "train-start", disabled: running }, "Train a new version");
    start.addEventListener("click", () => act(() => sendJson("POST", "/api/training", { bootstrapWeight: Number(weight.value) }), "Training started."));
    const cancel = h("button", { type: "button", id: "train-cancel", hidden: !running }, "Cancel");
    cancel.addEventListener("click", () => act(() => sendJson("DELETE", "/api/training"), "Cancelling…"));
    const rollback = h("button", { type: "button", id: "model-rollback" }, "Roll back to the previous version");
    rollback.addEventListener("click", () => act(async () => {
      const info = await sendJson("POST", "/api/models/rollback");
      message.dataset.version = info.version;
    }, "Rolled back; stored pieces are being re-scored."));
    return h("div", { className: "train-controls" },
      h("label", { for: "bootstrap-weight" }, "Bootstrap corpus weight "), weight,
      h("span", { className: "muted" }, " (0 leaves it out, 1 adds its rows once, 2 twice) "),
      start, " ", cancel, " ", rollback);
  }

  function progressView(run) {
    if (run.state !== "running" && run.result?.curve?.state !== "running") return null;
    const pct = Math.round(100 * (run.state === "running" ? run.fraction : 1));
    return h("div", { className: "train-progress", id: "training-progress" },
      h("p", { id: "training-stage" }, `Run ${run.runId}: ${run.stage}`),
      h("progress", { max: 100, value: pct, "aria-label": "Training progress" }));
  }

  function decision(run) {
    if (run.state !== "finished" || !run.candidateVersion) return null;
    if (run.decision) return h("p", { id: "training-decision" }, h("strong", {}, run.decision === "promoted" ? "Promoted" : "Discarded"), ` by ${run.decidedBy ?? "an admin"}.`);
    if (!isAdmin()) return h("p", { className: "muted" }, "Waiting for an admin to promote or discard the candidate.");
    const promote = h("button", { type: "button", className: "primary", id: "train-promote" }, `Promote ${run.candidateVersion}`);
    promote.addEventListener("click", () => act(() => sendJson("POST", `/api/training/${run.runId}/promote`), `${run.candidateVersion} is active; stored pieces are being re-scored.`));
    const discard = h("button", { type: "button", id: "train-discard" }, "Discard");
    discard.addEventListener("click", () => act(() => sendJson("POST", `/api/training/${run.runId}/discard`), "Candidate discarded; the active version stays."));
    return h("p", { className: "train-decision" }, promote, " ", discard);
  }

  function runView(run) {
    if (!run) return h("p", { className: "muted" }, "No training run yet.");
    const inputs = run.result?.inputs;
    const comparison = run.result?.comparison;
    const timings = run.result?.timings;
    return h("div", { className: "train-run", dataset: { state: run.state, runId: String(run.runId) } },
      h("p", {}, `Run ${run.runId} by ${run.requestedBy}, started ${formatDateTime(run.startedUtc)} — `, h("strong", { id: "training-state" }, run.state),
        run.error ? h("span", { className: "error-cell" }, ` ${run.error}`) : null),
      progressView(run),
      inputs ? h("p", { className: "muted", id: "training-inputs" },
        `Trained on ${inputs.labels} gold label${inputs.labels === 1 ? "" : "s"} and ${inputs.bootstrapRows} bootstrap rows (weight ${inputs.bootstrapWeight} × ${inputs.bootstrapSize})`,
        `, ${inputs.examples} examples in all; ${inputs.heldOut} held out for the comparison`,
        inputs.disagreements ? `; ${inputs.disagreements} left out until adjudicated` : "",
        inputs.hyperparameters ? `; chosen ${Object.entries(inputs.hyperparameters).map(([k, v]) => `${k} = ${v}`).join(", ")}` : "", ".") : null,
      comparison ? h("div", { className: "comparison", id: "comparison" },
        h("h3", {}, "Candidate beside the active version"),
        comparison.heldOutLabels ? metricsTable(comparison) : h("p", { className: "empty" }, "No held-out gold labels yet, so there is nothing to compare on: label more (the queue sends one piece in five from the evaluation slice)."),
        perTargetTable(comparison),
        h("div", { className: "confusions" }, confusion("Active", comparison.baseline.metrics), confusion("Candidate", comparison.candidate.metrics)),
        h("h3", {}, "Verdicts that would change"),
        changedList(comparison.changed),
        timings ? h("p", { className: "muted" }, `Comparison ready ${timings.toComparison.toFixed(1)} s after the start (training ${timings.train.toFixed(1)} s).`) : null) : null,
      decision(run),
      run.result?.curve ? h("div", {}, h("h3", {}, "Learning curve"), learningCurve(run.result.curve),
        h("p", { className: "muted" }, "Each point is a model trained on a random part of the labels with the candidate's settings; a curve still rising means more labels still pay.")) : null);
  }

  function draw() {
    body.replaceChildren(controls(latest), runView(latest));
  }

  async function refresh() {
    try {
      latest = (await getJson("/api/training")).latest;
      draw();
    } catch (e) {
      body.replaceChildren(h("p", { className: "empty" }, `Could not load training runs: ${e.message}`));
    }
  }

  const off = onTraining((status) => {
    if (latest && status.runId < latest.runId) return;
    latest = status;
    draw();
  });
  refresh();
  return { element: root, dispose: off };
}
