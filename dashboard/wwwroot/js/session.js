// The signed-in session as the page knows it, and writes to the server. Every POST, PUT, PATCH
// and DELETE carries the antiforgery token from /api/account/session in its header; a refused
// token (the session changed) is fetched again once and the request retried.
import { ApiError } from "./api.js";

let state = { signedIn: false, name: null, role: null, via: null, antiforgery: null, antiforgeryHeader: "X-CSRF-TOKEN" };
let loaded = null;
const listeners = new Set();

export function session() { return state; }
export const canLabel = () => state.role === "annotator" || state.role === "admin";
export const isAdmin = () => state.role === "admin";

/** Calls fn with the session now and after every change; returns an unsubscribe function. */
export function onSession(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export async function refreshSession() {
  const response = await fetch("/api/account/session", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (response.ok) {
    const before = `${state.name}|${state.role}`;
    state = await response.json();
    if (before !== `${state.name}|${state.role}`) {
      for (const fn of [...listeners]) {
        try { fn(state); } catch (e) { console.error(e); }
      }
    }
  }
  return state;
}

/** The session, loaded once. */
export function ready() {
  loaded ??= refreshSession().catch(() => state);
  return loaded;
}

async function problemOf(response) {
  try { return await response.json(); } catch { return null; }
}

/** Sends a write; body is JSON unless contentType is given (then sent as it is). Returns the Response. */
export async function send(method, url, body, { contentType } = {}) {
  await ready();
  const attempt = () => {
    const headers = { Accept: "application/json" };
    if (state.antiforgery) headers[state.antiforgeryHeader] = state.antiforgery;
    if (body !== undefined) headers["Content-Type"] = contentType ?? "application/json";
    return fetch(url, { method, headers, body: body === undefined ? undefined : contentType ? body : JSON.stringify(body) });
  };
  let response = await attempt();
  if (response.status === 400 && (await problemOf(response.clone()))?.field === state.antiforgeryHeader) {
    await refreshSession();
    response = await attempt();
  }
  if (response.status === 401) await refreshSession();
  return response;
}

/** Sends a write and returns its JSON (null for 204); throws ApiError with the problem otherwise. */
export async function sendJson(method, url, body, options) {
  const response = await send(method, url, body, options);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.status === 204 ? null : response.json();
}

/** GET with the session's cookie; throws ApiError on failure; null for 204. */
export async function getAuthed(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (response.status === 401) await refreshSession();
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.status === 204 ? null : response.json();
}

export async function signIn(name, password) {
  await ready();
  const result = await sendJson("POST", "/api/account/signin", { name, password });
  await refreshSession();
  return result;
}

export async function signOut() {
  await send("POST", "/api/account/signout");
  await refreshSession();
}
