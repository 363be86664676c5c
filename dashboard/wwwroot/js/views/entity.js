// Author and outlet pages: per-target timeline and positions for one author (or outlet),
// and their pieces with stance and evidence.
import { h } from "../dom.js";
import { filterBar, filterParams, readFilters } from "../filters.js";
import { chartPanel } from "../components/chartPanel.js";
import { pieceList } from "../components/pieceList.js";

export function render(container, { targets, params: [kind, name] }) {
  const isAuthor = kind === "authors";
  const filters = readFilters();
  const fixed = isAuthor ? { authors: [name] } : { outlets: [name] };
  const charts = h("div", { className: "chart-grid" });
  const listBox = h("div");
  let panels = [];
  let list = null;

  function renderAll() {
    panels.forEach((p) => p.dispose());
    list?.dispose();
    const params = filterParams(filters, fixed);
    panels = [
      chartPanel({ name: "stance-timeline", title: `${name}: stance over time`, params }),
      isAuthor
        ? chartPanel({ name: "author-positions", title: `${name}: mean stance per target`, params, aspect: 2 })
        : chartPanel({ name: "author-heatmap", title: `Authors of ${name} × targets`, params, aspect: 16 / 10 }),
    ];
    charts.replaceChildren(...panels.map((p) => p.element));
    const listParams = { ...params };
    delete listParams.bin;
    list = pieceList({
      params: listParams,
      matches: (p) => (isAuthor ? p.authors.includes(name) : p.outlet === name)
        && (!filters.targets.length || filters.targets.some((t) => t in (p.targets ?? {}))),
      emptyText: `No pieces by ${name} match these filters.`,
    });
    listBox.replaceChildren(list.element);
  }

  document.title = `${name} — StanceBoard`;
  container.replaceChildren(
    h("nav", { className: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "/", dataset: { link: "" } }, "Overview"), " › ", isAuthor ? "Author" : "Outlet"),
    h("h1", { className: "page-title" }, name),
    filterBar(filters, targets, renderAll),
    charts,
    h("section", { "aria-labelledby": "entity-pieces" }, h("h2", { id: "entity-pieces" }, isAuthor ? "Pieces by this author" : "Pieces from this outlet"), listBox));
  renderAll();
  return () => { panels.forEach((p) => p.dispose()); list?.dispose(); };
}
