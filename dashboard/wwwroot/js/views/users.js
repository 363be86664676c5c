// Accounts, for admins: create an account with a first password, change a role, disable or
// enable, set a new password. Names are shown as text; passwords are only ever sent, never shown.
import { formatDateTime, h } from "../dom.js";
import { getAuthed, isAdmin, ready, sendJson } from "../session.js";

function field(label, input) {
  return h("label", { className: "field" }, h("span", {}, label), input);
}

export async function render(container) {
  document.title = "Users — StanceBoard";
  await ready();
  if (!isAdmin()) {
    container.replaceChildren(h("h1", { className: "page-title" }, "Users"),
      h("p", { className: "empty" }, "Managing accounts needs an admin. ", h("a", { href: "/signin?next=/users", dataset: { link: "" } }, "Sign in"), "."));
    return () => {};
  }

  const status = h("p", { className: "form-status", role: "status", "aria-live": "polite" });
  const list = h("div", {}, h("p", { className: "muted" }, "Loading…"));
  const name = h("input", { id: "new-user-name", autocomplete: "off", maxlength: 64, required: true });
  const role = h("select", { id: "new-user-role" }, h("option", { value: "annotator" }, "annotator"), h("option", { value: "admin" }, "admin"));
  const password = h("input", { id: "new-user-password", type: "password", autocomplete: "new-password", maxlength: 256, required: true });
  const add = h("button", { type: "submit", className: "primary", id: "new-user-add" }, "Add account");
  const form = h("form", { className: "inline-form", id: "new-user" }, field("Name", name), field("Role", role), field("First password", password), add);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    add.disabled = true;
    try {
      const created = await sendJson("POST", "/api/users", { name: name.value.trim(), role: role.value, password: password.value });
      status.textContent = `Account ${created.name} (${created.role}) created.`;
      status.className = "form-status ok";
      name.value = "";
      password.value = "";
      await refresh();
    } catch (e) {
      status.textContent = e.message;
      status.className = "form-status error";
    } finally {
      add.disabled = false;
    }
  });

  async function act(fn, done) {
    try {
      await fn();
      status.textContent = done;
      status.className = "form-status ok";
      await refresh();
    } catch (e) {
      status.textContent = e.message;
      status.className = "form-status error";
    }
  }

  function userRow(u) {
    const path = `/api/users/${encodeURIComponent(u.name)}`;
    const roleSelect = h("select", { "aria-label": `Role of ${u.name}` }, h("option", { value: "annotator" }, "annotator"), h("option", { value: "admin" }, "admin"));
    roleSelect.value = u.role;
    roleSelect.addEventListener("change", () => act(() => sendJson("PATCH", path, { role: roleSelect.value }), `${u.name} is now ${roleSelect.value}.`));
    const toggle = h("button", { type: "button" }, u.disabled ? "Enable" : "Disable");
    toggle.addEventListener("click", () => act(() => sendJson("PATCH", path, { disabled: !u.disabled }), `${u.name} ${u.disabled ? "enabled" : "disabled"}.`));
    const newPassword = h("input", { type: "password", autocomplete: "new-password", "aria-label": `New password for ${u.name}`, placeholder: "new password", maxlength: 256 });
    const reset = h("button", { type: "button" }, "Set password");
    reset.addEventListener("click", () => act(async () => {
      await sendJson("POST", `${path}/password`, { password: newPassword.value });
      newPassword.value = "";
    }, `New password set for ${u.name}; their sessions have ended.`));
    const state = u.disabled ? "disabled" : u.locked ? "locked (too many wrong passwords)" : "active";
    return h("tr", { dataset: { user: u.name } },
      h("th", { scope: "row" }, u.name), h("td", {}, roleSelect), h("td", {}, state),
      h("td", {}, u.lastSignInUtc ? formatDateTime(u.lastSignInUtc) : "never"),
      h("td", { className: "row-actions" }, toggle, " ", newPassword, " ", reset));
  }

  async function refresh() {
    try {
      const users = await getAuthed("/api/users");
      list.replaceChildren(h("div", { className: "table-scroll" }, h("table", { className: "table", id: "users-table" },
        h("thead", {}, h("tr", {}, ...["name", "role", "status", "last sign-in", ""].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...users.map(userRow)))));
    } catch (e) {
      list.replaceChildren(h("p", { className: "empty" }, e.message));
    }
  }

  container.replaceChildren(h("div", { className: "users-page" },
    h("h1", { className: "page-title" }, "Users"),
    h("p", { className: "muted" }, "Annotators label pieces; admins also manage accounts, sources and models, and adjudicate disagreements. A new password, role or disabling ends the account's sessions. Viewers need no account."),
    h("h2", {}, "Add an account"), form, status,
    h("h2", {}, "Accounts"), list));
  await refresh();
  return () => {};
}
