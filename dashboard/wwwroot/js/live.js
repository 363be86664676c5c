// The live connection: one SignalR connection per page, reconnecting with backoff, with a
// status indicator, piece events, and chart subscriptions that are renewed after a reconnect.

const listeners = { piece: new Set(), chart: new Set(), reconnected: new Set(), progress: new Set(), removed: new Set(), training: new Set() };
const subscriptions = new Map(); // chartKey -> count
let connection = null;

function setStatus(kind, text) {
  const status = document.getElementById("status");
  status.className = `status status-${kind}`;
  status.textContent = text;
  status.dataset.state = kind;
}

export function onPiece(fn) { listeners.piece.add(fn); return () => listeners.piece.delete(fn); }
export function onChart(fn) { listeners.chart.add(fn); return () => listeners.chart.delete(fn); }
export function onReconnected(fn) { listeners.reconnected.add(fn); return () => listeners.reconnected.delete(fn); }
export function onProgress(fn) { listeners.progress.add(fn); return () => listeners.progress.delete(fn); }
export function onRemoved(fn) { listeners.removed.add(fn); return () => listeners.removed.delete(fn); }
export function onTraining(fn) { listeners.training.add(fn); return () => listeners.training.delete(fn); }

function emit(kind, ...args) {
  for (const fn of [...listeners[kind]]) {
    try { fn(...args); } catch (e) { console.error(e); }
  }
}

function isConnected() {
  return connection && connection.state === signalR.HubConnectionState.Connected;
}

/** Subscribes to chartUpdated for a chart key ("name?query"); returns an unsubscribe function. */
export function subscribeChart(key) {
  subscriptions.set(key, (subscriptions.get(key) ?? 0) + 1);
  if (subscriptions.get(key) === 1 && isConnected()) {
    connection.invoke("subscribe", key).catch((e) => console.warn("subscribe failed", e));
  }
  return () => {
    const count = (subscriptions.get(key) ?? 1) - 1;
    if (count > 0) { subscriptions.set(key, count); return; }
    subscriptions.delete(key);
    if (isConnected()) connection.invoke("unsubscribe", key).catch(() => {});
  };
}

async function resubscribeAll() {
  for (const key of subscriptions.keys()) {
    try { await connection.invoke("subscribe", key); } catch (e) { console.warn("subscribe failed", e); }
  }
}

async function start(attempt) {
  try {
    await connection.start();
    setStatus("live", "live");
    await resubscribeAll();
    if (attempt > 0) emit("reconnected");
  } catch {
    setStatus("offline", "offline — retrying");
    setTimeout(() => start(attempt + 1), Math.min(30000, 1000 * 2 ** attempt) + Math.random() * 500);
  }
}

export function connect() {
  if (connection) return;
  connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/stance")
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 500 * 2 ** ctx.previousRetryCount) + Math.random() * 500,
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("pieceScored", (piece) => emit("piece", piece));
  connection.on("chartUpdated", (key, version, svg, marks) => emit("chart", key, version, svg, marks ?? []));
  connection.on("rescoreProgress", (progress) => emit("progress", progress));
  connection.on("piecesRemoved", (removal) => emit("removed", removal));
  connection.on("trainingProgress", (status) => emit("training", status));
  connection.onreconnecting(() => setStatus("reconnecting", "reconnecting…"));
  connection.onreconnected(async () => {
    setStatus("live", "live");
    await resubscribeAll();
    emit("reconnected");
  });
  connection.onclose(() => {
    setStatus("offline", "offline");
    setTimeout(() => start(1), 2000);
  });
  start(0);
}
