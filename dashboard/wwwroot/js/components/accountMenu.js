// The account corner of the top bar: "Sign in", or the account's name and role with "Sign out";
// and the navigation links that need a role (Label for annotators and admins, Users for admins).
import { h } from "../dom.js";
import { onSession, ready, signOut } from "../session.js";

function render(box, s) {
  for (const link of document.querySelectorAll(".nav [data-needs]")) {
    const needs = link.dataset.needs;
    link.hidden = !(s.role === "admin" || (needs === "annotator" && s.role === "annotator"));
  }
  if (s.signedIn) {
    const button = h("button", { type: "button", className: "link-button", id: "sign-out" }, "Sign out");
    button.addEventListener("click", async () => {
      button.disabled = true;
      await signOut();
      document.dispatchEvent(new CustomEvent("navigate", { detail: "/" }));
    });
    box.replaceChildren(h("span", { className: "account-name", title: `Signed in as ${s.name} (${s.role})` }, s.name), " ",
      h("span", { className: "account-role" }, s.role), " ", button);
  } else {
    const next = location.pathname === "/signin" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    box.replaceChildren(h("a", { href: `/signin${next}`, dataset: { link: "" }, id: "sign-in-link" }, "Sign in"));
  }
}

export async function initAccount() {
  const box = document.getElementById("account");
  if (!box) return;
  onSession((s) => render(box, s));
  render(box, await ready());
}
