// A live list of pieces: loads a page of them for some filters, prepends new ones as they are
// scored (when they match), resyncs after a reconnect, pages back on demand.
import { h } from "../dom.js";
import { getJson, query } from "../api.js";
import { onPiece, onReconnected } from "../live.js";
import { pieceCard } from "./pieceCard.js";

const PAGE = 30;

export function pieceList({ params = {}, matches = () => true, emptyText = "No pieces match." }) {
  const shown = new Map();
  const list = h("ol", { className: "pieces", "aria-live": "polite" });
  const empty = h("p", { className: "empty", hidden: true }, emptyText);
  const more = h("button", { type: "button", className: "more", hidden: true }, "Show older pieces");
  const count = h("span", { className: "muted" });
  let oldest = null;

  function add(pieces, { prepend, isNew }) {
    const sorted = [...pieces].sort((a, b) => (prepend ? a.id - b.id : b.id - a.id));
    for (const piece of sorted) {
      if (shown.has(piece.id)) continue;
      shown.set(piece.id, piece);
      const card = pieceCard(piece, { isNew });
      if (prepend) list.prepend(card); else list.append(card);
      oldest = oldest === null ? piece.id : Math.min(oldest, piece.id);
    }
    empty.hidden = shown.size > 0;
    count.textContent = shown.size ? `${shown.size} shown` : "";
  }

  async function load(extra = {}) {
    const pieces = await getJson(`/api/pieces${query({ ...params, limit: PAGE, ...extra })}`);
    return pieces;
  }

  async function init() {
    try {
      const pieces = await load();
      add(pieces, { prepend: false, isNew: false });
      more.hidden = pieces.length < PAGE;
    } catch (e) {
      empty.hidden = false;
      empty.textContent = `Could not load pieces: ${e.message}`;
    }
  }

  more.addEventListener("click", async () => {
    const pieces = await load({ before: oldest });
    add(pieces, { prepend: false, isNew: false });
    more.hidden = pieces.length < PAGE;
  });

  const offPiece = onPiece((piece) => { if (matches(piece)) add([piece], { prepend: true, isNew: true }); });
  const offReconnect = onReconnected(async () => {
    const newest = Math.max(0, ...shown.keys());
    const pieces = await load({ limit: 200 });
    add(pieces.filter((p) => p.id > newest), { prepend: true, isNew: true });
  });
  init();
  return { element: h("div", { className: "piece-list" }, list, empty, more), count, dispose() { offPiece(); offReconnect(); } };
}
