// Sources: every feed, sitemap or page the board polls, with its health and last errors.
import { formatDateTime, h } from "../dom.js";
import { getJson } from "../api.js";

export async function render(container) {
  document.title = "Sources — StanceBoard";
  const body = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  container.replaceChildren(h("h1", { className: "page-title" }, "Sources"), body);
  let refresh = null;
  async function load() {
    let sources;
    try {
      sources = await getJson("/api/sources");
    } catch (e) {
      body.replaceChildren(h("p", { className: "empty" }, e.status === 404
        ? "Web sources are not available in this build."
        : `Could not load sources: ${e.message}`));
      return;
    }
    if (!sources.length) {
      body.replaceChildren(h("p", { className: "empty" }, "No sources yet. Add one with ",
        h("code", {}, "dotnet run --project dashboard -- sources add <feed-url>"), " or POST /api/sources."));
      return;
    }
    const row = (s) => h("tr", { dataset: { id: s.id } },
      h("td", {}, h("span", { className: `health health-${s.health?.circuitState ?? s.circuitState ?? "unknown"}` }, s.enabled === false ? "paused" : (s.health?.consecutiveFailures ?? s.consecutiveFailures) > 0 ? "failing" : "ok")),
      h("td", {}, s.name ?? s.url, h("div", { className: "muted small" }, s.url ?? "")),
      h("td", {}, s.kind ?? ""),
      h("td", {}, formatDateTime(s.health?.lastSuccess ?? s.lastSuccessUtc ?? s.lastSuccess)),
      h("td", { className: "error-cell" }, s.health?.lastError ?? s.lastError ?? ""));
    body.replaceChildren(h("table", { className: "table" },
      h("thead", {}, h("tr", {}, ...["State", "Source", "Kind", "Last success", "Last error"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...sources.map(row))));
  }
  await load();
  refresh = setInterval(load, 15000);
  return () => clearInterval(refresh);
}
