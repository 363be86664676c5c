// A piece's text for labelling: paragraphs of sentence spans (data-index, for marking evidence),
// target mentions as <mark>s, and the model's evidence sentences highlighted unless blind.
import { h } from "../dom.js";

/** Renders item.text; returns the container and a function that redraws the evidence marks. */
export function labelText(item) {
  const text = item.text;
  const marks = [];
  for (const t of item.targets) {
    for (const [start, length] of t.mentionSpans ?? []) marks.push({ start, end: start + length, target: t.name });
  }
  marks.sort((a, b) => a.start - b.start);
  const modelEvidence = new Map();
  for (const t of item.targets) {
    for (const sentence of t.evidence ?? []) {
      if (!modelEvidence.has(sentence)) modelEvidence.set(sentence, []);
      modelEvidence.get(sentence).push(t.name);
    }
  }

  const container = h("div", { className: "piece-text label-text" });
  let paragraph = h("p");
  container.append(paragraph);
  let cursor = 0;
  const spans = [];
  item.sentences.forEach(([start, length], index) => {
    const gap = text.slice(cursor, start);
    if (/\n\s*\n/.test(gap)) {
      paragraph = h("p");
      container.append(paragraph);
    } else if (gap) {
      paragraph.append(document.createTextNode(gap));
    }
    const end = start + length;
    const sentenceText = text.slice(start, end);
    const span = h("span", { className: "sentence", dataset: { index: String(index) } });
    const evidenceFor = [...modelEvidence.entries()].filter(([s]) => sentenceText.includes(s) || s.includes(sentenceText.trim())).flatMap(([, names]) => names);
    if (evidenceFor.length) {
      span.classList.add("evidence-sentence");
      span.title = `The model's evidence for ${[...new Set(evidenceFor)].join(", ")}`;
    }
    let at = start;
    for (const mark of marks.filter((m) => m.start >= start && m.end <= end)) {
      if (mark.start < at) continue;
      span.append(document.createTextNode(text.slice(at, mark.start)));
      span.append(h("mark", { className: "mention", dataset: { target: mark.target }, title: mark.target }, text.slice(mark.start, mark.end)));
      at = mark.end;
    }
    span.append(document.createTextNode(text.slice(at, end)));
    paragraph.append(span);
    spans.push(span);
    cursor = end;
  });
  if (cursor < text.length) paragraph.append(document.createTextNode(text.slice(cursor)));

  /** Marks the sentences in `evidence` (a Set of indexes) as the annotator's evidence. */
  const showEvidence = (evidence, targetName) => {
    spans.forEach((span, i) => {
      const on = evidence.has(i);
      span.classList.toggle("marked", on);
      if (on) span.setAttribute("aria-label", `${span.textContent} (marked as evidence for ${targetName})`);
      else span.removeAttribute("aria-label");
    });
  };
  return { container, showEvidence };
}
