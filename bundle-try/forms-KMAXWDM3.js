import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  LAST_OLD_YEAR
} from "./chunk-AIH7YAKO.js";
import "./chunk-ZZKADHKU.js";
import "./chunk-MCNMICH4.js";
import "./chunk-TPSE7W5Y.js";

// dist/src/core/forms.js
function formIndicators(catalogue, ids) {
  return ids.map((id) => catalogue.indicator(id)).filter((i) => i !== void 0 && i.kind !== "ratio" && i.kind !== "none");
}
function slug(name) {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
function senders(gazetteer, provinceCode, year) {
  if (year <= LAST_OLD_YEAR) {
    const province2 = gazetteer.unit(provinceCode, "old");
    return province2 ? gazetteer.childrenOf(province2).filter((u) => u.level === "district") : [];
  }
  const province = gazetteer.unit(provinceCode, "new") ?? gazetteer.unit(gazetteer.newProvinceOf(provinceCode) ?? "", "new");
  return province ? [province] : [];
}
function blankForms(gazetteer, provinceCode, years, indicators) {
  const header = ["STT", "M\xE3 \u0111\u01A1n v\u1ECB", "T\xEAn \u0111\u01A1n v\u1ECB", "N\u0103m", ...indicators.map((i) => i.label_vi)];
  const forms = [];
  for (const year of years) {
    for (const unit of senders(gazetteer, provinceCode, year)) {
      const rows = gazetteer.communesOf(unit).map((commune, n) => [String(n + 1), commune.code, commune.name, String(year), ...indicators.map(() => "")]);
      forms.push({ path: `${year}/${year}-${unit.code}-${slug(unit.name)}.csv`, unit, year, header, rows });
    }
  }
  return forms;
}
function configFor(programme, province, from, to) {
  const window = from === to ? String(from) : `${from}\u2013${to}`;
  return {
    province: province.code,
    programme: programme.id,
    title: `${programme.label_vi} \u2014 ${province.name}, ${window}`,
    from,
    to,
    indicators: [],
    rules: []
  };
}
export {
  blankForms,
  configFor,
  formIndicators,
  slug
};
