// A piece in a list: date, outlet, title (link to the piece page), authors (links), stance chips.
import { formatDate, formatScore, h, pathFor } from "../dom.js";

export function stanceChip(name, t, { link } = {}) {
  const stance = t.stance ?? null;
  const label = stance ? `${stance} ${formatScore(t.score)}` : `${t.mentions} mention${t.mentions === 1 ? "" : "s"}`;
  const title = stance && t.probabilities
    ? `p(favor) ${t.probabilities.favor.toFixed(2)}, p(against) ${t.probabilities.against.toFixed(2)}, p(none) ${t.probabilities.none.toFixed(2)}; ${t.mentions} mention(s)`
    : `${t.mentions} mention(s); no stance model loaded`;
  const content = [h("strong", {}, name), h("span", {}, label)];
  return h("li", { className: `chip chip-${stance ?? "unscored"}`, dataset: { target: name }, title },
    link ? h("a", { href: link, dataset: { link: "" } }, ...content) : content);
}

export function pieceCard(piece, { isNew = false } = {}) {
  const authors = piece.authors.length
    ? piece.authors.flatMap((a, i) => [i ? ", " : "", h("a", { href: pathFor("authors", a), dataset: { link: "" } }, a)])
    : ["author unknown"];
  const targets = Object.entries(piece.targets ?? {});
  const evidence = targets.flatMap(([name, t]) => (t.evidence ?? []).slice(0, 1).map((sentence) =>
    h("li", {}, h("span", { className: "evidence-target" }, `${name}:`), sentence)));
  return h("li", { className: `piece${isNew ? " is-new" : ""}`, dataset: { id: piece.id } },
    h("div", { className: "piece-meta" },
      h("span", { className: "piece-date" }, formatDate(piece.published)),
      piece.outlet ? h("a", { className: "piece-outlet", href: pathFor("outlets", piece.outlet), dataset: { link: "" } }, piece.outlet) : null,
      piece.isDemo ? h("span", { className: "demo-badge", title: "Replayed from the built-in demo corpus; fictional" }, "demo") : null),
    h("h3", { className: "piece-title" }, h("a", { href: `/pieces/${piece.id}`, dataset: { link: "" } }, piece.title)),
    h("p", { className: "piece-authors" }, piece.authors.length ? "by " : "", ...authors),
    h("ul", { className: "chips" },
      ...(targets.length
        ? targets.map(([name, t]) => stanceChip(name, t, { link: `/pieces/${piece.id}#target-${encodeURIComponent(name)}` }))
        : [h("li", { className: "chip chip-unscored" }, "no configured target mentioned")])),
    evidence.length ? h("details", { className: "evidence" }, h("summary", {}, "Evidence"), h("ul", { className: "evidence-list" }, ...evidence)) : null);
}
