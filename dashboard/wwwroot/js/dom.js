// Small DOM helpers. Text from the server is only ever set as text, never parsed as HTML.

/** Creates an element: h("a", { href: "/x", className: "link" }, "text", child). */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "hidden") node.hidden = Boolean(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A date in the viewer's time zone; unknown dates say so. */
export function formatDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : "date unknown";
}

export function formatDateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : "—";
}

export function formatScore(score) {
  if (score === null || score === undefined) return "—";
  return (score > 0 ? "+" : score < 0 ? "−" : "±") + Math.abs(score).toFixed(2);
}

export function formatPercent(p) {
  return p === null || p === undefined ? "—" : `${Math.round(p * 100)}%`;
}

/** Path segment for a name, e.g. an author: /authors/Jane%20Roe */
export function pathFor(kind, name) {
  return `/${kind}/${encodeURIComponent(name)}`;
}
