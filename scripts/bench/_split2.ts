import { requestSplitSections } from "./request-split";
void requestSplitSections().then((rows) => { for (const r of rows) console.log(r.value.toFixed(1).padStart(8), r.unit, r.name, r.detail ?? ""); });
