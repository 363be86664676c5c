// The label queue: one piece at a time, keyboard first. Each target has a row of three keys
// (favor, against, none: 1 2 3 for the first target, 4 5 6 for the second, 7 8 9 for the third);
// when every target has a stance the labels are saved and the next piece comes, so a piece with
// three targets takes three keystrokes. Enter saves what is set and moves on, s skips, u undoes the
// last key (or goes back a piece), ← and → move through the pieces seen, b hides the model's
// verdict (blind mode). Clicking a sentence marks it as evidence for the target last keyed.
import { formatDate, formatPercent, h, pathFor } from "../dom.js";
import { ApiError } from "../api.js";
import { canLabel, getAuthed, ready, send } from "../session.js";
import { labelText } from "../components/labelText.js";

const STANCES = ["favor", "against", "none"];
const ROWS = ["123", "456", "789", "rty", "fgh", "zxc"];
const BLIND_KEY = "stanceboard.blind";

const REASONS = {
  uncertain: (item) => `The model is least sure here${item.reasonTarget ? ` about ${item.reasonTarget}` : ""}${item.margin != null ? ` (margin ${item.margin.toFixed(2)} between its top two stances)` : ""}.`,
  evaluation: () => "From the evaluation slice: a random piece held out from training, so the model is measured on text the queue did not choose.",
  "second-opinion": () => "A second opinion: another annotator labelled this piece; both labels measure agreement.",
};

export async function render(container) {
  document.title = "Label — StanceBoard";
  await ready();
  if (!canLabel()) {
    container.replaceChildren(h("h1", { className: "page-title" }, "Label"),
      h("p", { className: "empty" }, "Labelling needs an annotator or admin account. ",
        h("a", { href: "/signin?next=/label", dataset: { link: "" } }, "Sign in"), "."));
    return () => {};
  }

  const state = {
    item: null, choices: new Map(), focus: 0, history: [], pos: -1, actions: [],
    blind: localStorage.getItem(BLIND_KEY) === "1", busy: false,
  };
  const root = h("section", { className: "label-page" });
  const progress = h("p", { className: "label-progress muted", "aria-live": "polite" });
  const status = h("p", { className: "label-status", role: "status", "aria-live": "polite" });
  const blindBox = h("input", { type: "checkbox", id: "blind-toggle" });
  blindBox.checked = state.blind;
  blindBox.addEventListener("change", () => setBlind(blindBox.checked));
  const body = h("div", { className: "label-body" }, h("p", { className: "muted" }, "Loading…"));
  const help = h("div", { className: "label-keys", id: "label-keys" },
    h("p", {}, h("kbd", {}, "1"), h("kbd", {}, "2"), h("kbd", {}, "3"), " favor / against / none for the first target, ",
      h("kbd", {}, "4"), h("kbd", {}, "5"), h("kbd", {}, "6"), " the second, ", h("kbd", {}, "7"), h("kbd", {}, "8"), h("kbd", {}, "9"), " the third. ",
      "When every target has a stance the piece is saved and the next one comes."),
    h("p", {}, h("kbd", {}, "Enter"), " save and next · ", h("kbd", {}, "s"), " skip · ", h("kbd", {}, "u"), " undo · ",
      h("kbd", {}, "←"), h("kbd", {}, "→"), " previous / next seen · ", h("kbd", {}, "b"), " blind mode · click a sentence to mark it as evidence"));
  root.append(
    h("div", { className: "label-head" },
      h("h1", { className: "page-title" }, "Label"),
      progress,
      h("label", { className: "blind-toggle", for: "blind-toggle" }, blindBox, " Blind ", h("kbd", {}, "b"))),
    status, body, help);
  container.replaceChildren(root);

  const say = (text, kind = "") => {
    status.textContent = text;
    status.className = `label-status ${kind}`;
  };

  function setBlind(on) {
    state.blind = on;
    blindBox.checked = on;
    localStorage.setItem(BLIND_KEY, on ? "1" : "0");
    if (state.item) load(state.item.pieceId, { keepChoices: true });
  }

  function row(index) {
    return body.querySelector(`.label-target[data-row="${index}"]`);
  }

  function paint() {
    const item = state.item;
    if (!item) return;
    item.targets.forEach((t, i) => {
      const choice = state.choices.get(t.name);
      const section = row(i);
      if (!section) return;
      section.classList.toggle("is-set", Boolean(choice?.stance));
      section.classList.toggle("is-focus", i === state.focus);
      for (const button of section.querySelectorAll("button[data-stance]")) {
        button.setAttribute("aria-pressed", String(button.dataset.stance === choice?.stance));
      }
    });
    const focused = item.targets[state.focus];
    if (focused) state.showEvidence?.(state.choices.get(focused.name).evidence, focused.name);
  }

  function setStance(index, stance) {
    const target = state.item?.targets[index];
    if (!target || state.busy) return;
    const choice = state.choices.get(target.name);
    state.actions.push({ target: target.name, before: choice.stance });
    choice.stance = stance;
    state.focus = index;
    paint();
    if (state.item.targets.every((t) => state.choices.get(t.name).stance)) saveAndNext();
  }

  function undo() {
    const last = state.actions.pop();
    if (last) {
      state.choices.get(last.target).stance = last.before;
      paint();
      say(`Undone: ${last.target}.`);
      return;
    }
    previous();
  }

  function view(item) {
    state.item = item;
    state.choices = new Map(item.targets.map((t) => [t.name, {
      stance: t.mine?.stance ?? null, base: t.mine?.id ?? null, evidence: new Set(t.mine?.evidence ?? []),
    }]));
    state.focus = 0;
    state.actions = [];
    if (item.progress) {
      progress.textContent = `${item.progress.labelled} labelled by you (${item.progress.holdout} in the evaluation slice) · ${item.progress.open.toLocaleString()} pieces open`;
    }
    const { container: text, showEvidence } = labelText(item);
    state.showEvidence = showEvidence;
    text.addEventListener("click", (event) => {
      const sentence = event.target.closest(".sentence");
      const target = state.item.targets[state.focus];
      if (!sentence || !target) return;
      const evidence = state.choices.get(target.name).evidence;
      const index = Number(sentence.dataset.index);
      if (evidence.has(index)) evidence.delete(index); else evidence.add(index);
      paint();
    });
    const mineNote = item.targets.find((t) => t.mine?.note)?.mine?.note ?? "";
    const note = h("textarea", { id: "label-note", rows: 2, maxlength: 2000, placeholder: "Optional note (saved with each label)" });
    note.value = mineNote;
    state.note = note;
    const rows = item.targets.map((t, i) => targetRow(t, i));
    const save = h("button", { type: "button", className: "primary", id: "label-save" }, "Save and next ", h("kbd", {}, "Enter"));
    save.addEventListener("click", () => saveAndNext());
    const skip = h("button", { type: "button", id: "label-skip" }, "Skip ", h("kbd", {}, "s"));
    skip.addEventListener("click", () => skipPiece());
    const back = h("button", { type: "button", id: "label-previous", disabled: state.pos <= 0 }, "← Previous");
    back.addEventListener("click", () => previous());
    body.replaceChildren(
      item.reason ? h("p", { className: "label-reason" }, (REASONS[item.reason] ?? (() => ""))(item)) : "",
      h("div", { className: "label-columns" },
        h("aside", { className: "label-targets", "aria-label": "Stance per target" },
          rows.length ? rows : h("p", { className: "muted" }, "This piece names none of the configured targets; skip it."),
          h("label", { for: "label-note", className: "note-label" }, "Note"), note,
          h("div", { className: "label-actions" }, save, skip, back)),
        h("article", { className: "label-piece", dataset: { pieceId: String(item.pieceId) } },
          h("div", { className: "piece-meta" },
            h("span", {}, formatDate(item.published)),
            item.outlet ? h("a", { href: pathFor("outlets", item.outlet), dataset: { link: "" } }, item.outlet) : null,
            h("a", { href: `/pieces/${item.pieceId}`, dataset: { link: "" } }, `piece ${item.pieceId}`)),
          h("h2", { className: "label-title" }, item.title),
          h("p", { className: "piece-authors" }, item.authors.length ? `by ${item.authors.join(", ")}` : "author unknown"),
          text)));
    paint();
  }

  function targetRow(t, i) {
    const keys = ROWS[i] ?? "";
    const verdict = state.blind || !t.stance ? null : h("div", { className: "model-verdict" },
      h("span", { className: `chip chip-${t.stance}` }, `model: ${t.stance}`),
      t.probabilities ? h("span", { className: "muted" }, ` favor ${formatPercent(t.probabilities.favor)} · against ${formatPercent(t.probabilities.against)} · none ${formatPercent(t.probabilities.none)}`) : null);
    const buttons = STANCES.map((stance, k) => {
      const button = h("button", { type: "button", className: `stance-button stance-${stance}`, dataset: { stance }, "aria-pressed": "false" },
        stance, keys[k] ? h("kbd", {}, keys[k]) : null);
      button.addEventListener("click", () => setStance(i, stance));
      return button;
    });
    const section = h("section", { className: "label-target", dataset: { row: String(i), target: t.name } },
      h("h3", {}, t.name, t.mentions ? h("span", { className: "muted" }, ` ${t.mentions} mention${t.mentions === 1 ? "" : "s"}`) : null),
      verdict,
      h("div", { className: "stance-buttons", role: "group", "aria-label": `Stance towards ${t.name}` }, ...buttons));
    section.addEventListener("focusin", () => { state.focus = i; paint(); });
    return section;
  }

  async function load(pieceId, { keepChoices = false } = {}) {
    const kept = keepChoices ? state.choices : null;
    try {
      const item = await getAuthed(`/api/labels/pieces/${pieceId}?blind=${state.blind}`);
      item.progress ??= state.item?.progress;
      if (state.item?.pieceId === pieceId && !item.reason) {
        Object.assign(item, { reason: state.item.reason, reasonTarget: state.item.reasonTarget, margin: state.item.margin });
      }
      view(item);
      if (kept) {
        for (const [name, choice] of kept) if (state.choices.has(name)) state.choices.set(name, choice);
        paint();
      }
    } catch (e) {
      handleError(e);
    }
  }

  async function next() {
    if (state.pos < state.history.length - 1) {
      state.pos++;
      await load(state.history[state.pos]);
      return;
    }
    try {
      const item = await getAuthed(`/api/labels/queue/next?blind=${state.blind}`);
      if (!item) {
        state.item = null;
        body.replaceChildren(h("p", { className: "empty", id: "queue-empty" },
          "Nothing left to label: every queued piece is labelled or skipped. Demo pieces and syndicated copies are never queued."));
        return;
      }
      state.history.push(item.pieceId);
      state.pos = state.history.length - 1;
      view(item);
    } catch (e) {
      handleError(e);
    }
  }

  async function previous() {
    if (state.pos <= 0) {
      say("This is the first piece of this session.");
      return;
    }
    state.pos--;
    await load(state.history[state.pos]);
  }

  async function forward() {
    if (state.pos >= state.history.length - 1) {
      say("This is the newest piece; label it, or skip it with s.");
      return;
    }
    await next();
  }

  async function saveAndNext(force = false) {
    const item = state.item;
    if (!item || state.busy) return;
    const labels = item.targets
      .filter((t) => state.choices.get(t.name).stance)
      .map((t) => {
        const c = state.choices.get(t.name);
        return { target: t.name, stance: c.stance, evidence: [...c.evidence].sort((a, b) => a - b), note: state.note?.value || null, baseId: c.base };
      });
    if (!labels.length) {
      say("Give a stance first: 1, 2 or 3 for the first target.");
      return;
    }
    state.busy = true;
    try {
      const response = await send("POST", "/api/labels", { pieceId: item.pieceId, origin: "queue", blind: state.blind, checkBase: !force, labels });
      if (response.status === 409) {
        showConflict(await response.json());
        return;
      }
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      const saved = await response.json();
      say(`Saved ${labels.length} label${labels.length === 1 ? "" : "s"} for “${item.title}”${saved.saved.length < labels.length ? ` (${labels.length - saved.saved.length} unchanged)` : ""}.`, "ok");
      state.busy = false;
      await next();
    } catch (e) {
      handleError(e);
    } finally {
      state.busy = false;
    }
  }

  function showConflict(problem) {
    const keep = h("button", { type: "button", id: "conflict-keep" }, "Keep the saved labels");
    const mine = h("button", { type: "button", className: "primary", id: "conflict-mine" }, "Save mine over them");
    keep.addEventListener("click", () => load(state.item.pieceId));
    mine.addEventListener("click", () => saveAndNext(true));
    const box = h("div", { className: "conflict", role: "alert" },
      h("p", {}, problem.detail),
      h("ul", {}, ...problem.conflicts.map((c) => h("li", {}, `${c.target}: now `,
        c.current ? h("strong", {}, c.current.stance) : "no label", c.current ? ` (${c.current.annotator}, ${new Date(c.current.createdUtc).toLocaleTimeString()})` : ""))),
      h("p", {}, keep, " ", mine, " — saving over them keeps them in the history."));
    body.prepend(box);
    say("Not saved: the labels changed meanwhile.", "error");
  }

  async function skipPiece() {
    const item = state.item;
    if (!item || state.busy) return;
    state.busy = true;
    try {
      const response = await send("POST", "/api/labels/skip", { pieceId: item.pieceId });
      if (!response.ok && response.status !== 404) throw new ApiError(response.status, await response.json().catch(() => null));
      say(`Skipped “${item.title}”.`);
      state.history.splice(state.pos, 1);
      state.pos = state.history.length - 1;
      state.busy = false;
      await next();
    } catch (e) {
      handleError(e);
    } finally {
      state.busy = false;
    }
  }

  function handleError(e) {
    if (e instanceof ApiError && e.status === 401) {
      body.replaceChildren(h("p", { className: "empty" }, e.message, " ",
        h("a", { href: "/signin?next=/label", dataset: { link: "" } }, "Sign in again"), "."));
      say("Your session has ended.", "error");
      return;
    }
    say(e.message ?? String(e), "error");
  }

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target?.tagName;
    if (tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT") {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const count = state.item?.targets.length ?? 0;
    for (let r = 0; r < Math.min(count, ROWS.length); r++) {
      const k = ROWS[r].indexOf(key);
      if (k >= 0) {
        event.preventDefault();
        setStance(r, STANCES[k]);
        return;
      }
    }
    const actions = {
      Enter: () => saveAndNext(), s: () => skipPiece(), u: () => undo(), Backspace: () => undo(),
      ArrowLeft: () => previous(), ArrowRight: () => forward(), b: () => setBlind(!state.blind),
    };
    if (actions[key]) {
      event.preventDefault();
      actions[key]();
    }
  }

  document.addEventListener("keydown", onKey);
  await next();
  return () => document.removeEventListener("keydown", onKey);
}
