// Sign in with a local account. The form is handled here (no inline script), the password goes
// in a POST body with the antiforgery token, and the session cookie is HttpOnly.
import { h } from "../dom.js";
import { ready, session, signIn } from "../session.js";

function nextPath() {
  const next = new URLSearchParams(location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export async function render(container) {
  document.title = "Sign in — StanceBoard";
  await ready();
  const s = session();
  const name = h("input", { id: "signin-name", name: "username", autocomplete: "username", required: true, maxlength: 64, autocapitalize: "none", spellcheck: "false" });
  const password = h("input", { id: "signin-password", name: "password", type: "password", autocomplete: "current-password", required: true, maxlength: 256 });
  const message = h("p", { className: "form-error", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", className: "primary" }, "Sign in");
  const form = h("form", { className: "signin-form", novalidate: true },
    h("label", { for: "signin-name" }, "Name"), name,
    h("label", { for: "signin-password" }, "Password"), password,
    message, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    if (!name.value.trim() || !password.value) {
      message.textContent = "Enter your name and password.";
      return;
    }
    submit.disabled = true;
    try {
      const who = await signIn(name.value.trim(), password.value);
      password.value = "";
      document.dispatchEvent(new CustomEvent("navigate", { detail: nextPath() ?? (who.role === "admin" ? "/model" : "/label") }));
    } catch (e) {
      message.textContent = e.message;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  container.replaceChildren(
    h("h1", { className: "page-title" }, "Sign in"),
    s.signedIn ? h("p", { className: "muted" }, `You are signed in as ${s.name} (${s.role}). Sign in below to switch accounts.`) : "",
    h("p", { className: "muted" }, "Annotators and admins sign in to label pieces and retrain the model; reading the dashboard needs no account. Accounts are made by an admin (or with ", h("code", {}, "stanceboard users add"), ")."),
    form);
  name.focus();
  return () => {};
}
