// Overview: per-target totals, the stance timeline, the author heatmap and the live stream.
import { h } from "../dom.js";
import { getJson } from "../api.js";
import { onPiece, onReconnected } from "../live.js";
import { filterBar, filterParams, readFilters } from "../filters.js";
import { chartPanel } from "../components/chartPanel.js";
import { pieceList } from "../components/pieceList.js";
import { demoBanner } from "../components/demoBanner.js";

function summaryCards(box, summary) {
  box.replaceChildren(...summary.map((t) => h("div", { className: "total", dataset: { target: t.target } },
    h("div", { className: "total-name" }, t.target),
    h("div", { className: "total-figure" }, String(t.pieces)),
    h("div", { className: "total-note" }, t.scored > 0
      ? `pieces · ${t.favor} favor · ${t.against} against · ${t.none} none`
      : "pieces mention it"))));
}

export function render(container, { targets }) {
  const filters = readFilters();
  const disposers = [];
  const totals = h("div", { className: "totals", "aria-label": "Pieces per target" });
  const charts = h("div", { className: "chart-grid" });
  const listBox = h("div");
  const listCount = h("span");

  const refreshTotals = async () => {
    try { summaryCards(totals, await getJson("/api/summary")); } catch (e) { console.warn(e); }
  };
  let timer = null;
  disposers.push(onPiece(() => { clearTimeout(timer); timer = setTimeout(refreshTotals, 400); }));
  disposers.push(onReconnected(refreshTotals));

  let panels = [];
  function renderCharts() {
    panels.forEach((p) => p.dispose());
    const params = filterParams(filters);
    panels = [
      chartPanel({ name: "stance-timeline", title: "Stance over time, per target", params, aspect: 21 / 9 }),
      chartPanel({ name: "author-heatmap", title: "Authors × targets: mean stance", params, aspect: 4 / 3 }),
      chartPanel({ name: "stance-distribution", title: "Favor, none and against, per target", params, aspect: 4 / 3 }),
    ];
    panels[0].element.classList.add("chart-wide");
    charts.replaceChildren(...panels.map((p) => p.element));
  }

  let list = null;
  function renderList() {
    list?.dispose();
    const params = filterParams(filters);
    delete params.bin;
    list = pieceList({
      params,
      matches: (p) => (!filters.targets.length || filters.targets.some((t) => t in (p.targets ?? {})))
        && (!filters.authors.length || p.authors.some((a) => filters.authors.includes(a)))
        && (!filters.outlets.length || filters.outlets.includes(p.outlet)),
      emptyText: "No pieces yet. They appear here the moment they are stored — ingest files with `dotnet run --project dashboard -- ingest <folder>` or POST /api/pieces.",
    });
    listBox.replaceChildren(list.element);
    listCount.replaceChildren(list.count);
  }

  const banner = demoBanner();
  disposers.push(banner.dispose);
  container.replaceChildren(
    banner,
    h("section", { "aria-label": "Summary" }, totals),
    filterBar(filters, targets, () => { renderCharts(); renderList(); }),
    h("section", { "aria-labelledby": "charts-title" }, h("h2", { id: "charts-title", className: "visually-hidden" }, "Charts"), charts),
    h("section", { "aria-labelledby": "stream-title" },
      h("div", { className: "section-head" }, h("h2", { id: "stream-title" }, "Latest pieces"), listCount),
      listBox));
  refreshTotals();
  renderCharts();
  renderList();
  return () => { disposers.forEach((d) => d()); panels.forEach((p) => p.dispose()); list?.dispose(); clearTimeout(timer); };
}
