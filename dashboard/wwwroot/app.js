// StanceBoard live page: lists pieces and keeps the list current over SignalR.
// All server data is inserted with textContent, never as HTML.
"use strict";

(() => {
  const state = { pieces: new Map(), oldestId: null, newestId: 0, summary: [] };
  const el = (id) => document.getElementById(id);
  const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

  function setStatus(kind, text) {
    const status = el("status");
    status.className = `status status-${kind}`;
    status.textContent = text;
    status.dataset.state = kind;
  }

  function formatScore(score) {
    return (score > 0 ? "+" : score < 0 ? "−" : "") + Math.abs(score).toFixed(2);
  }

  function renderPiece(piece, isNew) {
    const node = el("piece-template").content.firstElementChild.cloneNode(true);
    node.dataset.id = String(piece.id);
    node.querySelector(".piece-date").textContent = piece.published
      ? dateFormat.format(new Date(piece.published)) : "date unknown";
    node.querySelector(".piece-outlet").textContent = piece.outlet ?? "";
    node.querySelector(".demo-badge").hidden = !piece.isDemo;
    node.querySelector(".piece-title").textContent = piece.title;
    node.querySelector(".piece-authors").textContent = piece.authors.length
      ? "by " + piece.authors.join(", ") : "author unknown";

    const chips = node.querySelector(".chips");
    const evidence = node.querySelector(".evidence-list");
    const targets = Object.entries(piece.targets ?? {});
    for (const [name, t] of targets) {
      const chip = document.createElement("li");
      const stance = t.stance ?? "none";
      chip.className = `chip chip-${t.stance ? stance : "none"}`;
      chip.dataset.target = name;
      const label = document.createElement("strong");
      label.textContent = name;
      chip.append(label);
      const detail = document.createElement("span");
      detail.textContent = t.stance
        ? `${t.stance} ${formatScore(t.score)}`
        : `${t.mentions} mention${t.mentions === 1 ? "" : "s"}`;
      chip.append(detail);
      chip.title = t.stance
        ? `p(favor) ${t.probabilities.favor.toFixed(2)}, p(against) ${t.probabilities.against.toFixed(2)}, p(none) ${t.probabilities.none.toFixed(2)} — ${t.mentions} mention(s)`
        : `${t.mentions} mention(s); no stance model loaded`;
      chips.append(chip);
      for (const sentence of (t.evidence ?? []).slice(0, 2)) {
        const li = document.createElement("li");
        const tag = document.createElement("span");
        tag.className = "evidence-target";
        tag.textContent = name + ":";
        li.append(tag, document.createTextNode(sentence));
        evidence.append(li);
      }
    }
    if (targets.length === 0) {
      const chip = document.createElement("li");
      chip.className = "chip chip-none";
      chip.textContent = "no configured target mentioned";
      chips.append(chip);
      node.querySelector(".evidence").hidden = true;
    }
    if (isNew) node.classList.add("is-new");
    return node;
  }

  function addPieces(pieces, { prepend, isNew }) {
    const list = el("pieces");
    const sorted = [...pieces].sort((a, b) => prepend ? a.id - b.id : b.id - a.id);
    for (const piece of sorted) {
      if (state.pieces.has(piece.id)) continue;
      state.pieces.set(piece.id, piece);
      const node = renderPiece(piece, isNew);
      if (prepend) list.prepend(node); else list.append(node);
      state.newestId = Math.max(state.newestId, piece.id);
      state.oldestId = state.oldestId === null ? piece.id : Math.min(state.oldestId, piece.id);
    }
    el("empty").hidden = state.pieces.size > 0;
    el("piece-count").textContent = state.pieces.size ? `${state.pieces.size} shown` : "";
  }

  function renderSummary(summary) {
    const box = el("target-totals");
    box.replaceChildren();
    for (const t of summary) {
      const card = document.createElement("div");
      card.className = "total";
      card.dataset.target = t.target;
      const name = document.createElement("div");
      name.className = "total-name";
      name.textContent = t.target;
      const figure = document.createElement("div");
      figure.className = "total-figure";
      figure.textContent = String(t.pieces);
      const note = document.createElement("div");
      note.className = "total-note";
      note.textContent = t.scored > 0
        ? `pieces · ${t.favor} favor · ${t.against} against · ${t.none} none`
        : "pieces mention it";
      card.append(name, figure, note);
      box.append(card);
    }
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  async function refreshDemo() {
    try {
      const demo = await getJson("/api/demo");
      el("demo-banner").hidden = demo.demoPieces === 0;
    } catch (e) { console.warn(e); }
  }

  async function refreshSummary() {
    try { renderSummary(await getJson("/api/summary")); } catch (e) { console.warn(e); }
  }

  async function loadLatest() {
    const pieces = await getJson("/api/pieces?limit=50");
    addPieces(pieces, { prepend: false, isNew: false });
    el("more").hidden = pieces.length < 50;
  }

  // After a reconnect: fetch what arrived while we were away.
  async function resync() {
    const pieces = await getJson("/api/pieces?limit=200");
    addPieces(pieces.filter((p) => p.id > state.newestId), { prepend: true, isNew: true });
    await refreshSummary();
  }

  async function loadOlder() {
    if (state.oldestId === null) return;
    const pieces = await getJson(`/api/pieces?limit=50&before=${state.oldestId}`);
    addPieces(pieces, { prepend: false, isNew: false });
    el("more").hidden = pieces.length < 50;
  }

  let summaryTimer = null;
  function scheduleSummary() {
    if (summaryTimer) return;
    summaryTimer = setTimeout(() => { summaryTimer = null; refreshSummary(); }, 400);
  }

  function connect() {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/stance")
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 500 * 2 ** ctx.previousRetryCount) + Math.random() * 500,
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    connection.on("pieceScored", (piece) => {
      addPieces([piece], { prepend: true, isNew: true });
      if (piece.isDemo) el("demo-banner").hidden = false;
      scheduleSummary();
    });
    connection.onreconnecting(() => setStatus("reconnecting", "reconnecting…"));
    connection.onreconnected(async () => {
      setStatus("live", "live");
      try { await resync(); } catch (e) { console.warn(e); }
    });
    connection.onclose(() => {
      setStatus("offline", "offline");
      setTimeout(() => start(connection, 0), 2000);
    });
    return connection;
  }

  async function start(connection, attempt) {
    try {
      await connection.start();
      setStatus("live", "live");
      if (attempt > 0 || state.pieces.size > 0) await resync();
    } catch (e) {
      setStatus("offline", "offline — retrying");
      const delay = Math.min(30000, 1000 * 2 ** attempt);
      setTimeout(() => start(connection, attempt + 1), delay);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    el("more").addEventListener("click", loadOlder);
    const connection = connect();
    const started = start(connection, 0);
    try {
      await Promise.all([loadLatest(), refreshSummary(), refreshDemo()]);
    } catch (e) {
      console.warn(e);
    }
    await started;
  });
})();
