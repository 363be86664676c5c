// Labels on the model page: how many there are and where, export (signed in) and import (admin),
// and agreement between annotators with the disagreements an admin adjudicates.
import { h } from "../dom.js";
import { getJson } from "../api.js";
import { canLabel, getAuthed, isAdmin, send, sendJson } from "../session.js";

const fixed = (v) => (typeof v === "number" ? v.toFixed(2) : "—");

function importForm(onDone) {
  const file = h("input", { type: "file", id: "labels-file", accept: ".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson" });
  const button = h("button", { type: "button", id: "labels-import" }, "Import labels");
  const report = h("div", { className: "import-report", "aria-live": "polite" });
  button.addEventListener("click", async () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      report.replaceChildren(h("p", { className: "form-status error" }, "Choose a CSV or JSONL file first."));
      return;
    }
    button.disabled = true;
    try {
      const jsonl = /\.(jsonl|ndjson|json)$/i.test(chosen.name);
      const response = await send("POST", `/api/labels/import?format=${jsonl ? "jsonl" : "csv"}`, chosen, { contentType: jsonl ? "application/x-ndjson" : "text/csv" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`);
      report.replaceChildren(
        h("p", { className: "form-status ok" }, `${chosen.name}: ${body.imported} new, ${body.revised} revised, ${body.unchanged} unchanged, ${body.problems.length} bad row(s) skipped.`),
        body.problems.length ? h("ul", { className: "problems" }, ...body.problems.slice(0, 50).map((p) => h("li", {}, `line ${p.line}: ${p.message}`))) : "");
      onDone();
    } catch (e) {
      report.replaceChildren(h("p", { className: "form-status error" }, e.message));
    } finally {
      button.disabled = false;
    }
  });
  return h("div", { className: "import-form" }, h("label", { for: "labels-file" }, "Label file "), file, " ", button, report);
}

function disagreementRow(d, onDone) {
  const buttons = ["favor", "against", "none"].map((stance) => {
    const b = h("button", { type: "button", dataset: { stance } }, stance);
    b.addEventListener("click", async () => {
      try {
        await sendJson("POST", "/api/labels/adjudicate", { unitId: d.unitId, target: d.target, stance });
        onDone();
      } catch (e) {
        b.after(h("span", { className: "error-cell" }, ` ${e.message}`));
      }
    });
    return b;
  });
  return h("tr", {},
    h("td", {}, d.pieceId ? h("a", { href: `/pieces/${d.pieceId}`, dataset: { link: "" } }, d.title ?? `piece ${d.pieceId}`) : d.title ?? `unit ${d.unitId}`),
    h("td", {}, d.target),
    h("td", {}, ...d.labels.flatMap((l, i) => [i ? "; " : "", `${l.annotator}: `, h("span", { className: `chip chip-${l.stance}` }, l.stance), l.note ? ` (${l.note})` : ""])),
    h("td", { className: "row-actions" }, ...buttons));
}

export function labelsPanel() {
  const root = h("section", { className: "labels-panel", id: "labels" }, h("h2", {}, "Labels"));
  const body = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  const agreement = h("div", { id: "agreement" });
  root.append(body, h("h2", {}, "Agreement between annotators"), agreement);
  let importBox = null;

  async function refresh() {
    try {
      const stats = await getJson("/api/labels/stats");
      const perTarget = Object.entries(stats.perTarget).map(([t, n]) => `${t} ${n}`).join(" · ");
      body.replaceChildren(...[
        h("p", { id: "label-stats" }, `${stats.labels} current label${stats.labels === 1 ? "" : "s"} on ${stats.units} piece${stats.units === 1 ? "" : "s"} (${stats.holdoutUnits} in the evaluation slice) by ${stats.annotators} annotator${stats.annotators === 1 ? "" : "s"}`,
          perTarget ? `: ${perTarget}` : "", `; ${stats.revisions} earlier version${stats.revisions === 1 ? "" : "s"} kept as history; ${stats.openPieces.toLocaleString()} pieces open in the queue.`),
        h("p", { className: "muted" }, `${Math.round(stats.evaluationShare * 100)} % of pieces form the evaluation slice; ${Math.round(stats.doubleAnnotationShare * 100)} % are asked of two annotators.`),
        canLabel() ? h("p", {}, "Export: ",
          h("a", { href: "/api/labels/export?format=csv", download: "" }, "current labels (CSV)"), " · ",
          h("a", { href: "/api/labels/export?format=csv&scope=gold", download: "" }, "gold labels (CSV)"), " · ",
          h("a", { href: "/api/labels/export?format=jsonl&scope=history", download: "" }, "full history (JSONL)"),
          " — the format ", h("code", {}, "train --data"), " reads.") : null,
        isAdmin() ? (importBox ??= importForm(refresh)) : null].filter(Boolean));
    } catch (e) {
      body.replaceChildren(h("p", { className: "empty" }, `Could not load label counts: ${e.message}`));
    }
    if (!canLabel()) {
      agreement.replaceChildren(h("p", { className: "muted" }, "Sign in to see agreement between annotators."));
      return;
    }
    try {
      const report = await getAuthed("/api/labels/agreement");
      const rows = report.targets.filter((t) => t.units > 0);
      agreement.replaceChildren(
        rows.length ? h("table", { className: "table narrow", id: "agreement-table" },
          h("caption", { className: "muted" }, "Pieces labelled by two or more annotators. κ: Cohen's kappa, first against second label; α: Krippendorff's alpha (nominal), all labels."),
          h("thead", {}, h("tr", {}, ...["target", "pieces", "agree", "κ", "α", "disagree", "adjudicated"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, ...rows.map((t) => h("tr", {}, h("th", { scope: "row" }, t.target), h("td", { className: "num" }, String(t.units)),
            h("td", { className: "num" }, t.observedAgreement == null ? "—" : `${Math.round(t.observedAgreement * 100)}%`),
            h("td", { className: "num" }, fixed(t.kappa)), h("td", { className: "num" }, fixed(t.alpha)),
            h("td", { className: "num" }, String(t.disagreements)), h("td", { className: "num" }, String(t.adjudicated)))))) :
          h("p", { className: "muted" }, "No piece has two annotators' labels yet."),
        !isAdmin() || !report.disagreements.length ? "" : h("div", {},
          h("h3", {}, `Disagreements to adjudicate (${report.openDisagreements})`),
          h("table", { className: "table", id: "disagreements" },
            h("thead", {}, h("tr", {}, ...["piece", "target", "labels", "decide"].map((t) => h("th", { scope: "col" }, t)))),
            h("tbody", {}, ...report.disagreements.map((d) => disagreementRow(d, refresh))))));
    } catch (e) {
      agreement.replaceChildren(h("p", { className: "empty" }, `Could not load agreement: ${e.message}`));
    }
  }

  refresh();
  return { element: root, dispose: () => {} };
}
