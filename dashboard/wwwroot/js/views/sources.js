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
    const state = (s) => {
      const health = s.health ?? {};
      if (!s.enabled) return ["paused", "paused"];
      if (health.circuitState === "open") return ["open", "circuit open"];
      if (health.consecutiveFailures > 0) return ["failing", `failing ×${health.consecutiveFailures}`];
      return health.lastSuccess ? ["ok", "ok"] : ["new", "not polled yet"];
    };
    // Failing sources first, then the other enabled ones, then paused ones.
    const rank = (s) => (!s.enabled ? 2 : (s.health?.consecutiveFailures ?? 0) > 0 ? 0 : 1);
    const row = (s) => {
      const health = s.health ?? {};
      const [cls, label] = state(s);
      return h("tr", { dataset: { id: s.id } },
        h("td", {}, h("span", { className: `health health-${cls}` }, label)),
        h("td", {}, s.name ?? s.url, h("div", { className: "muted small" }, s.url ?? "")),
        h("td", {}, s.outlet ?? ""),
        h("td", {}, s.kind ?? ""),
        h("td", {}, formatDateTime(health.lastAttempt)),
        h("td", {}, formatDateTime(health.lastSuccess)),
        h("td", {}, s.enabled ? formatDateTime(s.nextPoll) : "—"),
        h("td", { className: "error-cell" }, health.lastErrorKind ? `${health.lastErrorKind}: ` : "", health.lastError ?? ""));
    };
    body.replaceChildren(
      h("p", { className: "muted" }, `${sources.length} source(s), ${sources.filter((x) => x.enabled).length} enabled. Enable or add them with `,
        h("code", {}, "dotnet run --project dashboard -- sources"), " or the /api/sources endpoints (admin key)."),
      h("div", { className: "table-scroll" }, h("table", { className: "table" },
        h("thead", {}, h("tr", {}, ...["State", "Source", "Outlet", "Kind", "Last fetch", "Last success", "Next poll", "Last error"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...[...sources].sort((a, b) => rank(a) - rank(b) || a.id - b.id).map(row)))));
  }
  await load();
  refresh = setInterval(load, 15000);
  return () => clearInterval(refresh);
}
