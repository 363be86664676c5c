// Filters live in the URL (?from=&to=&targets=&authors=&outlets=&bin=) so a view can be shared.
import { h } from "./dom.js";

const LIST_KEYS = ["targets", "authors", "outlets"];
const BINS = ["day", "week", "month"];

export function readFilters(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    bin: BINS.includes(params.get("bin")) ? params.get("bin") : "",
  };
  for (const key of LIST_KEYS) {
    filters[key] = (params.get(key) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  }
  return filters;
}

export function writeFilters(filters) {
  const params = new URLSearchParams(location.search);
  for (const key of ["from", "to", "bin"]) {
    if (filters[key]) params.set(key, filters[key]); else params.delete(key);
  }
  for (const key of LIST_KEYS) {
    if (filters[key]?.length) params.set(key, filters[key].join(",")); else params.delete(key);
  }
  const text = params.toString();
  history.replaceState(history.state, "", location.pathname + (text ? `?${text}` : ""));
}

/** Filters as chart/API query parameters, merged with fixed ones (e.g. the author of an author page). */
export function filterParams(filters, fixed = {}) {
  return {
    from: filters.from || undefined,
    to: filters.to || undefined,
    bin: filters.bin || undefined,
    targets: filters.targets,
    authors: filters.authors,
    outlets: filters.outlets,
    ...fixed,
  };
}

/**
 * The filter bar: dates, bin and target toggles (authors and outlets come from the page
 * being viewed or the URL). Calls onChange(filters) after each change.
 */
export function filterBar(filters, targets, onChange, { showBin = true } = {}) {
  const change = () => {
    const next = {
      ...filters,
      from: from.value,
      to: to.value,
      bin: showBin ? bin.value : filters.bin,
      targets: targetBoxes.filter((b) => b.checked).map((b) => b.value),
    };
    if (next.targets.length === targets.length) next.targets = [];
    Object.assign(filters, next);
    writeFilters(filters);
    onChange(filters);
  };
  const from = h("input", { type: "date", value: filters.from, "aria-label": "From date", onChange: change });
  const to = h("input", { type: "date", value: filters.to, "aria-label": "To date", onChange: change });
  const bin = h("select", { "aria-label": "Time bin", onChange: change },
    ...["", ...BINS].map((b) => h("option", { value: b, selected: filters.bin === b }, b ? `by ${b}` : "auto bin")));
  const targetBoxes = targets.map((t) => h("input", {
    type: "checkbox", value: t, checked: filters.targets.length === 0 || filters.targets.includes(t), onChange: change,
  }));
  const clear = h("button", {
    type: "button", className: "link-button",
    onClick: () => {
      Object.assign(filters, { from: "", to: "", bin: "", targets: [], authors: filters.authors, outlets: filters.outlets });
      from.value = ""; to.value = ""; bin.value = "";
      targetBoxes.forEach((b) => { b.checked = true; });
      writeFilters(filters);
      onChange(filters);
    },
  }, "Reset");
  return h("form", { className: "filters", onSubmit: (e) => e.preventDefault(), "aria-label": "Filters" },
    h("label", {}, "From ", from),
    h("label", {}, "To ", to),
    showBin ? h("label", {}, bin) : null,
    h("fieldset", { className: "target-toggles" },
      h("legend", { className: "visually-hidden" }, "Targets"),
      ...targets.map((t, i) => h("label", { className: "toggle" }, targetBoxes[i], " ", t))),
    clear);
}
