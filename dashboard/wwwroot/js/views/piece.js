// A piece: its text with target mentions and evidence sentences highlighted, and per target
// the stance with its probabilities.
import { formatDate, formatDateTime, formatPercent, formatScore, h, pathFor } from "../dom.js";
import { getJson } from "../api.js";
import { mountCorrections } from "../components/correctThis.js";

/** Splits text into nodes, wrapping [start, length) spans in <mark>s; evidence sentences get a class. */
function highlighted(text, mentions, evidence) {
  const marks = [];
  for (const [target, spans] of Object.entries(mentions)) {
    for (const [start, length] of spans) marks.push({ start, end: start + length, target });
  }
  marks.sort((a, b) => a.start - b.start);
  const evidenceRanges = [];
  for (const sentence of evidence) {
    let at = text.indexOf(sentence);
    while (at >= 0) {
      evidenceRanges.push({ start: at, end: at + sentence.length });
      at = text.indexOf(sentence, at + sentence.length);
    }
  }
  const isEvidence = (i) => evidenceRanges.some((r) => i >= r.start && i < r.end);

  const paragraphs = [];
  let offset = 0;
  for (const para of text.split(/\n\s*\n/)) {
    const start = text.indexOf(para, offset);
    offset = start + para.length;
    const p = h("p");
    let cursor = start;
    const flush = (until) => {
      // Plain text between marks, split where evidence starts or ends.
      while (cursor < until) {
        const inEvidence = isEvidence(cursor);
        let next = cursor + 1;
        while (next < until && isEvidence(next) === inEvidence) next++;
        const chunk = text.slice(cursor, next);
        p.append(inEvidence ? h("span", { className: "evidence-sentence" }, chunk) : document.createTextNode(chunk));
        cursor = next;
      }
    };
    for (const mark of marks.filter((m) => m.start >= start && m.end <= offset)) {
      if (mark.start < cursor) continue;
      flush(mark.start);
      const m = h("mark", { className: isEvidence(mark.start) ? "mention in-evidence" : "mention", dataset: { target: mark.target }, title: mark.target }, text.slice(mark.start, mark.end));
      p.append(m);
      cursor = mark.end;
    }
    flush(offset);
    paragraphs.push(p);
  }
  return paragraphs;
}

function probabilityBar(p) {
  if (!p) return h("p", { className: "muted" }, "No stance model has scored this piece yet; mentions are shown.");
  const seg = (cls, value, label) => h("span", { className: `prob prob-${cls}`, style: `flex-grow:${Math.max(value, 0.001)}`, title: `${label} ${formatPercent(value)}` }, value >= 0.12 ? `${label} ${formatPercent(value)}` : "");
  return h("div", { className: "prob-bar", role: "img", "aria-label": `favor ${formatPercent(p.favor)}, none ${formatPercent(p.none)}, against ${formatPercent(p.against)}` },
    seg("favor", p.favor, "favor"), seg("none", p.none, "none"), seg("against", p.against, "against"));
}

// Only web links are followed: the server refuses other schemes, and the page does not trust that alone.
function isWebUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

function hostOf(url) {
  try { return url ? new URL(url).host : null; } catch { return null; }
}

export async function render(container, { params: [id] }) {
  container.replaceChildren(h("p", { className: "muted" }, "Loading…"));
  let detail;
  try {
    detail = await getJson(`/api/pieces/${encodeURIComponent(id)}`);
  } catch (e) {
    container.replaceChildren(h("h1", { className: "page-title" }, "Piece not found"), h("p", {}, e.message), h("a", { href: "/", dataset: { link: "" } }, "Back to the overview"));
    return () => {};
  }
  const piece = detail.piece;
  const targets = Object.entries(piece.targets);
  const evidence = targets.flatMap(([, t]) => t.evidence ?? []);
  document.title = `${piece.title} — StanceBoard`;

  const stancePanels = targets.map(([name, t]) => h("section", { className: "target-stance", id: `target-${encodeURIComponent(name)}` },
    h("h3", {}, name, " ", h("span", { className: `chip chip-${t.stance ?? "unscored"}` }, t.stance ? `${t.stance} ${formatScore(t.score)}` : `${t.mentions} mention${t.mentions === 1 ? "" : "s"}`)),
    probabilityBar(t.probabilities),
    t.stance ? h("p", { className: "muted" }, `${t.mentions} mention${t.mentions === 1 ? "" : "s"}`, t.modelVersion ? ` · model ${t.modelVersion}` : "") : null,
    t.evidence?.length ? h("ol", { className: "evidence-list" }, ...t.evidence.map((s) => h("li", {}, s))) : null));

  container.replaceChildren(
    h("nav", { className: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "/", dataset: { link: "" } }, "Overview"), " › Piece"),
    h("article", { className: "piece-page" },
      h("header", {},
        h("div", { className: "piece-meta" },
          h("span", {}, formatDate(piece.published)),
          piece.outlet ? h("a", { href: pathFor("outlets", piece.outlet), dataset: { link: "" } }, piece.outlet) : null,
          piece.isDemo ? h("span", { className: "demo-badge" }, "demo") : null,
          isWebUrl(piece.url) ? h("a", { href: piece.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null),
        h("h1", { className: "page-title" }, piece.title),
        h("p", { className: "piece-authors" }, piece.authors.length ? "by " : "author unknown",
          ...piece.authors.flatMap((a, i) => [i ? ", " : "", h("a", { href: pathFor("authors", a), dataset: { link: "" } }, a)])),
        detail.duplicateOf ? h("p", { className: "copy-note" }, "A syndicated copy of ",
          h("a", { href: `/pieces/${detail.duplicateOf}`, dataset: { link: "" } }, "another stored piece"),
          ", which carries its stance; this copy is not scored again.") : null,
        detail.copies?.length ? h("p", { className: "copy-note" }, "Also published: ",
          ...detail.copies.flatMap((c, i) => [i ? "; " : "",
            h("a", { href: `/pieces/${c.id}`, dataset: { link: "" } }, c.outlet ?? hostOf(c.url) ?? `copy ${c.id}`),
            c.published ? ` (${formatDate(c.published)})` : ""])) : null),
      h("div", { className: "piece-columns" },
        h("aside", { className: "stances", "aria-label": "Stance per target" },
          h("h2", {}, "Stance per target"),
          targets.length ? stancePanels : h("p", { className: "muted" }, "This piece mentions none of the configured targets."),
          h("p", { className: "legend" }, h("mark", { className: "mention" }, "mention"), " ", h("span", { className: "evidence-sentence" }, "evidence sentence"))),
        h("div", { className: "piece-text" }, ...highlighted(detail.text, detail.mentions, evidence))),
      h("footer", { className: "muted" }, `Stored ${formatDateTime(detail.ingestedUtc)}`)));
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  if (!detail.duplicateOf) await mountCorrections(container, piece.id, piece.isDemo);
  return () => {};
}
