// Boot: connect the live channel, then route by path. Links with data-link navigate in place.
import { h } from "./dom.js";
import { getJson } from "./api.js";
import { connect, onRemoved } from "./live.js";
import { initAccount } from "./components/accountMenu.js";

const routes = [
  { pattern: /^\/$/, load: () => import("./views/overview.js") },
  { pattern: /^\/(authors|outlets)\/([^/]+)$/, load: () => import("./views/entity.js") },
  { pattern: /^\/pieces\/(\d+)$/, load: () => import("./views/piece.js") },
  { pattern: /^\/sources$/, load: () => import("./views/sources.js") },
  { pattern: /^\/model$/, load: () => import("./views/model.js") },
  { pattern: /^\/signin$/, load: () => import("./views/signin.js") },
  { pattern: /^\/label$/, load: () => import("./views/label.js") },
  { pattern: /^\/users$/, load: () => import("./views/users.js") },
];

let dispose = () => {};
let targets = [];

async function route() {
  const view = document.getElementById("view");
  dispose();
  dispose = () => {};
  const path = location.pathname.replace(/\/+$/, "") || "/";
  for (const r of routes) {
    const match = path.match(r.pattern);
    if (!match) continue;
    const module = await r.load();
    const params = match.slice(1).map(decodeURIComponent);
    document.title = "StanceBoard";
    for (const link of document.querySelectorAll(".nav a")) {
      link.toggleAttribute("aria-current", link.getAttribute("href") === path || (link.getAttribute("href") === "/" && path === "/"));
    }
    dispose = (await module.render(view, { targets, params })) ?? (() => {});
    return;
  }
  view.replaceChildren(h("h1", { className: "page-title" }, "Not found"), h("p", {}, h("a", { href: "/", dataset: { link: "" } }, "Back to the overview")));
}

export function navigate(url) {
  history.pushState({}, "", url);
  window.scrollTo(0, 0);
  route();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-link], svg a[href^='/']");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = link.getAttribute("href") ?? link.getAttribute("xlink:href");
  if (!href || !href.startsWith("/") || href.startsWith("/api/")) return;
  event.preventDefault();
  navigate(href);
});
document.addEventListener("navigate", (event) => navigate(event.detail));
// Pieces were deleted (demo clear): lists, counts and the demo banner are stale, so the view is
// drawn again from the server, where it is (a page of a deleted piece then says so).
let redraw = null;
onRemoved(() => {
  clearTimeout(redraw);
  redraw = setTimeout(route, 300);
});
window.addEventListener("popstate", route);

async function boot() {
  connect();
  await initAccount();
  try {
    targets = (await getJson("/api/health")).targets ?? [];
  } catch {
    targets = [];
  }
  await route();
}

boot();
