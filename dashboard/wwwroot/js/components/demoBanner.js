// Says so when the board shows demo data, and how to remove it.
import { h } from "../dom.js";
import { getJson } from "../api.js";
import { onPiece } from "../live.js";

export function demoBanner() {
  const banner = h("div", { className: "banner", role: "note", hidden: true },
    h("strong", {}, "Demo data. "),
    "This is a replay of fictional commentary written for StanceBoard (invented authors and outlets, dated Sept–Nov 2020), so you can see the board move. Add your own pieces, or remove the demo with ",
    h("code", {}, "dotnet run --project dashboard -- demo clear"),
    " (or start with ", h("code", {}, "Demo__Enabled=false"), ").");
  getJson("/api/demo").then((d) => { banner.hidden = d.demoPieces === 0; }).catch(() => {});
  const off = onPiece((p) => { if (p.isDemo) banner.hidden = false; });
  banner.dispose = off;
  return banner;
}
