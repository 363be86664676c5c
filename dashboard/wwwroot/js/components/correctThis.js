// "Correct this" on a piece page, for signed-in annotators and admins: under each target's
// verdict, the stance you would give it (saved as your label, origin "piece"), with a note.
import { h } from "../dom.js";
import { canLabel, getAuthed, ready, sendJson } from "../session.js";

export async function mountCorrections(container, pieceId, demo) {
  await ready();
  if (!canLabel() || demo) return;
  let mine = new Map();
  try {
    const item = await getAuthed(`/api/labels/pieces/${pieceId}`);
    mine = new Map(item.targets.filter((t) => t.mine).map((t) => [t.name, t.mine]));
  } catch {
    return; // a copy or a deleted piece: nothing to correct here
  }
  for (const section of container.querySelectorAll(".target-stance")) {
    const target = section.querySelector("h3")?.firstChild?.textContent?.trim();
    if (!target) continue;
    const current = h("p", { className: "muted correction-current" });
    let buttons = [];
    const show = (label) => {
      current.textContent = label ? `Your label: ${label.stance}${label.note ? ` — “${label.note}”` : ""}` : "You have not labelled this target.";
      for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.stance === label?.stance));
    };
    const note = h("input", { type: "text", maxlength: 2000, placeholder: "note (optional)", "aria-label": `Note on ${target}` });
    buttons = ["favor", "against", "none"].map((stance) => {
      const button = h("button", { type: "button", className: `stance-button stance-${stance}`, dataset: { stance } }, stance);
      button.addEventListener("click", async () => {
        try {
          const saved = await sendJson("POST", "/api/labels", {
            pieceId, origin: "piece", checkBase: true,
            labels: [{ target, stance, note: note.value || null, baseId: mine.get(target)?.id ?? null }],
          });
          const label = saved.saved[0] ?? saved.unchanged[0];
          mine.set(target, label);
          show(label);
        } catch (e) {
          current.textContent = e.status === 409 ? "Your label changed in another session; reload the page to see it." : e.message;
        }
      });
      return button;
    });
    show(mine.get(target));
    section.append(h("details", { className: "correct-this" },
      h("summary", {}, "Correct this"),
      current,
      h("div", { className: "stance-buttons", role: "group", "aria-label": `Your stance towards ${target}` }, ...buttons),
      note));
  }
}
