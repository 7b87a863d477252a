#!/usr/bin/env node
// Builds data/son-la, the bundled sample province (DESIGN §10): returns from all 200 communes of
// Sơn La's 12 districts for 2013–2023, whose CT09 totals (--from 2013 --to 2023) equal the figures
// published for Sơn La (seed figures), plus what a user meets in real life: Sông Mã's 2024 returns
// (the only district that has sent 2024 so far), districts' own returns (one of which, Mai Sơn's
// 2023, disagrees with its communes) and the province's own return with its 86 kinds of model.
//
// The per-commune values are made up (deterministic pseudo-random) but plausible; the totals are
// exact by construction: every total is split over its slots by largest remainder.
// Run: node scripts/make-son-la.mjs [--out DIR]   (then `npm test` checks the totals)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// File names are made as `antt init` makes them (needs the build: `npm install` runs it).
import { slug } from '../dist/src/core/forms.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR writes elsewhere (the tests rebuild the sample and compare it with the shipped one).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? process.argv[outFlag + 1] : join(root, 'data', 'son-la');

const units = readFileSync(join(root, 'data/gazetteer/vn-units-2025-03-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const districts = units.filter((u) => u[4] === '14' && u[3] === 'district').map(([code, name]) => ({ code, name }));
const communesOf = (district) => units.filter((u) => u[4] === district && u[3] === 'commune').map(([code, name]) => ({ code, name }));
const communes = districts.flatMap((d) => communesOf(d.code).map((c) => ({ ...c, district: d.code })));
if (districts.length !== 12 || communes.length !== 200) throw new Error('Sơn La should have 12 districts and 200 communes');

const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

let seed = 14_2013;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** Splits `total` into integers proportional to `weights`, summing exactly (largest remainder). */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/** Splits `total` over slots but never above `caps[i]` (e.g. quitters ≤ participants). */
function splitCapped(total, weights, caps) {
  const parts = split(total, weights).map((p, i) => Math.min(p, caps[i]));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts.length) {
    if (parts[i] < caps[i]) {
      parts[i]++;
      left--;
    }
  }
  return parts;
}

// Communes differ in size; bigger communes have more of everything.
const size = communes.map(() => 0.4 + random() * 1.6);

// ---- Stocks: what exists at the end of 2023 (the window's latest year) ----------------------
const seedStock = { self_managed_orgs: 28229, lien_gia_groups: 17429, people_security_teams: 2530, mediation_teams: 2537, fire_prevention_teams: 2182 };
const stock2023 = {};
for (const id of ['lien_gia_groups', 'people_security_teams', 'mediation_teams', 'fire_prevention_teams']) {
  stock2023[id] = split(seedStock[id], size.map((s) => s * (0.8 + random() * 0.4)));
}
// Organisations include the four kinds of team plus others (clubs, camera groups…): never fewer.
const teams2023 = communes.map((_, c) => stock2023.lien_gia_groups[c] + stock2023.people_security_teams[c] + stock2023.mediation_teams[c] + stock2023.fire_prevention_teams[c]);
const extra = split(seedStock.self_managed_orgs - teams2023.reduce((a, b) => a + b, 0), size);
stock2023.self_managed_orgs = teams2023.map((t, c) => t + extra[c]);

/** A stock grows towards its 2023 value: about 60% of it in 2013. */
function stockIn(id, c, year) {
  if (year === 2023) return stock2023[id][c];
  const share = 0.6 + (0.4 * (year - 2013)) / 10;
  return Math.floor(stock2023[id][c] * share);
}

// ---- Flows: summed over 2013–2023 ------------------------------------------------------------
const slots = [];
for (let c = 0; c < communes.length; c++) for (const year of YEARS) slots.push({ c, year });
const slotWeight = () => slots.map(({ c }) => size[c] * (0.6 + random() * 0.8));
const flows = {};
flows.propaganda_sessions = split(2500, slotWeight());
flows.propaganda_participants = split(248600 - 2500, flows.propaganda_sessions.map((s) => s * (70 + random() * 60))).map((p, i) => p + flows.propaganda_sessions[i]);
flows.erring_people_supported = split(6626, slotWeight());
flows.community_rehab_rounds = split(31, slots.map(({ c }) => (random() < 0.015 ? size[c] : 0)));
flows.rehab_participants = split(6505, slotWeight());
flows.addicts_quit = splitCapped(1250, flows.rehab_participants, flows.rehab_participants);
flows.opium_destroyed_ha = split(237, slots.map(({ c }) => (random() < 0.06 ? size[c] : 0))); // tenths of a hectare
flows.weapons_surrendered = split(25643, slotWeight());
flows.surrendered_subjects = split(209, slots.map(({ c }) => (random() < 0.08 ? size[c] : 0)));
flows.wanted_surrendered = splitCapped(122, flows.surrendered_subjects, flows.surrendered_subjects);

const COLUMNS = [
  ['STT', null],
  ['Mã đơn vị', null],
  ['Tên đơn vị', null],
  ['Năm', null],
  ['Tổ chức tự quản làm công tác ANTT', 'self_managed_orgs'],
  ['Nhóm liên gia tự quản', 'lien_gia_groups'],
  ['Tổ an ninh nhân dân', 'people_security_teams'],
  ['Tổ hòa giải', 'mediation_teams'],
  ['Tổ phòng cháy chữa cháy', 'fire_prevention_teams'],
  ['Đợt tuyên truyền', 'propaganda_sessions'],
  ['Lượt người được tuyên truyền', 'propaganda_participants'],
  ['Người lầm lỗi được giúp đỡ tại cộng đồng', 'erring_people_supported'],
  ['Đợt cai nghiện ma túy tại cộng đồng', 'community_rehab_rounds'],
  ['Người cai nghiện ma túy tại cộng đồng', 'rehab_participants'],
  ['Người từ bỏ ma túy', 'addicts_quit'],
  ['Diện tích cây thuốc phiện bị triệt phá (ha)', 'opium_destroyed_ha'],
  ['Vũ khí, vật liệu nổ thu hồi, giao nộp', 'weapons_surrendered'],
  ['Đối tượng ra đầu thú', 'surrendered_subjects'],
  ['Đối tượng truy nã ra đầu thú', 'wanted_surrendered'],
];

/** Vietnamese number format, as the clerks' Excel writes it: 1.250 and 2,5 (quoted in CSV). */
function vi(value, decimals = 0) {
  if (value === '') return '';
  if (value === 0) return '-';
  const text = decimals ? (value / 10 ** decimals).toFixed(decimals).replace('.', ',') : String(value);
  const [int, frac] = text.split(',');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `"${grouped},${frac}"` : grouped;
}

function communeRow(n, c, year) {
  const slot = c * YEARS.length + YEARS.indexOf(year);
  const commune = communes[c];
  return COLUMNS.map(([, id], k) => {
    if (k === 0) return String(n);
    if (k === 1) return commune.code;
    if (k === 2) return commune.name;
    if (k === 3) return String(year);
    if (id in seedStock) return vi(stockIn(id, c, year));
    return vi(flows[id][slot], id === 'opium_destroyed_ha' ? 1 : 0);
  });
}

/** A district's own return: the sum of its communes' row, as the district office adds it up. */
function districtTotals(district, year) {
  const totals = {};
  communes.forEach((commune, c) => {
    if (commune.district !== district.code) return;
    const slot = c * YEARS.length + YEARS.indexOf(year);
    for (const [, id] of COLUMNS.slice(4)) totals[id] = (totals[id] ?? 0) + (id in seedStock ? stockIn(id, c, year) : flows[id][slot]);
  });
  return totals;
}

function districtRow(n, district, year, totals) {
  return COLUMNS.map(([, id], k) => {
    if (k === 0) return String(n);
    if (k === 1) return district.code;
    if (k === 2) return district.name;
    if (k === 3) return String(year);
    return vi(totals[id], id === 'opium_destroyed_ha' ? 1 : 0);
  });
}

const BOM = '\uFEFF';
const cell = (c) => (c.includes(',') && !c.startsWith('"') ? `"${c}"` : c);
const csv = (rows) => BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Districts that also send their own totals row, and the one whose 2023 row disagrees.
const OWN_RETURNS = new Set(['119', '125', '126']);
const DISAGREEING = { district: '125', year: 2023, id: 'lien_gia_groups', delta: 12 };

for (const year of YEARS) {
  mkdirSync(join(out, String(year)), { recursive: true });
  for (const district of districts) {
    const rows = [COLUMNS.map(([label]) => label)];
    let n = 1;
    communes.forEach((commune, c) => {
      if (commune.district === district.code) rows.push(communeRow(n++, c, year));
    });
    if (OWN_RETURNS.has(district.code) && year >= 2021) {
      const totals = districtTotals(district, year);
      if (district.code === DISAGREEING.district && year === DISAGREEING.year) totals[DISAGREEING.id] += DISAGREEING.delta;
      rows.push(districtRow(n++, district, year, totals));
    }
    writeFileSync(join(out, String(year), `${year}-${district.code}-${slug(district.name)}.csv`), csv(rows));
  }
}

// The province's own return: what only the province reports (86 kinds of model, CT09 review).
writeFileSync(
  join(out, '2023', '2023-14-tinh-son-la.csv'),
  csv([
    ['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Số loại mô hình'],
    ['14', 'Tỉnh Sơn La', '2023', '86'],
  ]),
);

// ---- Sông Mã, 2024: the only district that has reported so far ------------------------------
// Its communes' returns add up to the district's published 2024 figures, and Xã Mường Sai's row
// carries that commune's own published figures.
const songMa = communes.filter((c) => c.district === '126');
const w = songMa.map((c) => size[communes.indexOf(c)]);
const y2024 = {
  propaganda_sessions: split(70, w),
  integrated_propaganda_sessions: split(16, w),
  loudspeaker_broadcasts: split(1167, w),
  team_members_trained: split(951, w),
  lien_gia_groups: split(2050, w),
  people_security_teams: split(317, w),
  fire_prevention_teams: split(317, w),
  mediation_teams: split(317, w),
};
y2024.propaganda_participants = split(6217 - 70, y2024.propaganda_sessions.map((s) => s + 0.1)).map((p, i) => p + y2024.propaganda_sessions[i]);
y2024.integrated_propaganda_participants = split(813 - 16, y2024.integrated_propaganda_sessions.map((s) => s + 0.1)).map((p, i) => p + y2024.integrated_propaganda_sessions[i]);
// 14 of the 19 communes meet the security-safety standard.
const notMeeting = new Set(['04174', '04186', '04198', '04207', '04219']);
const muongSai = { criminal_cases: 1, criminal_subjects: 1, drug_cases: 3, drug_subjects: 3, environment_cases: 1, guns_surrendered: 5, compulsory_rehab_referrals: 4, drug_tests: 10 };
const COLUMNS_2024 = [
  ['Mã đơn vị', null],
  ['Tên đơn vị', null],
  ['Năm', null],
  ['Hội nghị tuyên truyền', 'propaganda_sessions'],
  ['Lượt người tham gia tuyên truyền', 'propaganda_participants'],
  ['Hội nghị lồng ghép tuyên truyền', 'integrated_propaganda_sessions'],
  ['Người tham gia hội nghị lồng ghép', 'integrated_propaganda_participants'],
  ['Lượt tuyên truyền qua loa truyền thanh', 'loudspeaker_broadcasts'],
  ['Thành viên tổ bảo vệ ANTT được tập huấn', 'team_members_trained'],
  ['Nhóm liên gia tự quản', 'lien_gia_groups'],
  ['Tổ an ninh nhân dân', 'people_security_teams'],
  ['Đội PCCC dân phòng', 'fire_prevention_teams'],
  ['Tổ hòa giải', 'mediation_teams'],
  ['Xã đạt chuẩn an toàn về ANTT', 'communes_meeting_safety_standard'],
  ['Vụ phạm pháp hình sự', 'criminal_cases'],
  ['Đối tượng phạm pháp hình sự', 'criminal_subjects'],
  ['Vụ phạm tội về ma túy', 'drug_cases'],
  ['Đối tượng phạm tội về ma túy', 'drug_subjects'],
  ['Vụ vi phạm về môi trường', 'environment_cases'],
  ['Súng thu hồi, giao nộp', 'guns_surrendered'],
  ['Đối tượng lập hồ sơ đưa đi cai nghiện bắt buộc', 'compulsory_rehab_referrals'],
  ['Đối tượng nghi vấn được thử ma túy', 'drug_tests'],
];
const rows2024 = [COLUMNS_2024.map(([label]) => label)];
songMa.forEach((commune, i) => {
  rows2024.push(
    COLUMNS_2024.map(([, id], k) => {
      if (k === 0) return commune.code;
      if (k === 1) return commune.name;
      if (k === 2) return '2024';
      if (id === 'communes_meeting_safety_standard') return notMeeting.has(commune.code) ? 'không' : 'có';
      if (id in muongSai) return commune.code === '04213' ? vi(muongSai[id]) : '';
      return vi(y2024[id][i]);
    }),
  );
});
mkdirSync(join(out, '2024'), { recursive: true });
writeFileSync(join(out, '2024', '2024-126-huyen-song-ma.csv'), csv(rows2024));

// ---- After the 1 July 2025 reform: 75 communes, no districts ------------------------------------
// 2025: the annual return of the 75 new communes, one form for the province (as `antt init --year
// 2025` makes it). Each new commune's figures continue those of the old communes that went into
// it (all of one that went wholly, a share of one that was split): a flow about its 2021–2023
// yearly average, a stock a little above 2023's. 2026: so far only the first 10 communes have sent.
const newUnits = readFileSync(join(root, 'data/gazetteer/vn-units-2025-07-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const newCommunes = newUnits.filter((u) => u[4] === '14' && u[3] === 'commune').map(([code, name]) => ({ code, name }));
const crosswalk = readFileSync(join(root, 'data/gazetteer/crosswalk-2025-07-01.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
if (newCommunes.length !== 75) throw new Error('Sơn La should have 75 communes after the reform');
const successors = new Map();
for (const [oldCode, , newCode] of crosswalk) successors.set(oldCode, [...(successors.get(oldCode) ?? []), newCode]);
const STOCKS = ['self_managed_orgs', 'lien_gia_groups', 'people_security_teams', 'mediation_teams', 'fire_prevention_teams'];
/** An old commune's figure carried into a year after the reform: the flow's recent average, or the 2023 stock. */
const carried = (id, c) => (STOCKS.includes(id) ? stockIn(id, c, 2023) : [2021, 2022, 2023].reduce((sum, year) => sum + flows[id][c * YEARS.length + YEARS.indexOf(year)], 0) / 3);
const after = newCommunes.map((commune) => {
  const figures = {};
  const growth = 1 + random() * 0.06; // one factor for every stock: organisations stay above their teams
  for (const [, id] of COLUMNS.slice(4)) {
    let sum = 0;
    communes.forEach((old, c) => {
      const into = successors.get(old.code) ?? [];
      if (into.includes(commune.code)) sum += carried(id, c) / into.length;
    });
    figures[id] = STOCKS.includes(id) ? Math.floor(sum * growth) : Math.round(sum * (0.85 + random() * 0.3));
  }
  figures.addicts_quit = Math.min(figures.addicts_quit, figures.rehab_participants);
  figures.wanted_surrendered = Math.min(figures.wanted_surrendered, figures.surrendered_subjects);
  figures.propaganda_participants = Math.max(figures.propaganda_participants, figures.propaganda_sessions);
  const teams = figures.lien_gia_groups + figures.people_security_teams + figures.mediation_teams + figures.fire_prevention_teams;
  figures.self_managed_orgs = Math.max(figures.self_managed_orgs, teams);
  return figures;
});
const province = { code: '14', name: 'Tỉnh Sơn La' };
for (const [year, count] of [
  [2025, newCommunes.length],
  [2026, 10],
]) {
  const rows = [COLUMNS.map(([label]) => label)];
  newCommunes.slice(0, count).forEach((commune, i) => {
    // 2026: a year on, flows vary again and stocks grow a little.
    const figure = (id) => (year === 2025 ? after[i][id] : STOCKS.includes(id) ? after[i][id] + Math.floor(after[i][id] * 0.02) : Math.round(after[i][id] * (0.9 + random() * 0.2)));
    const row = COLUMNS.map(([, id], k) => {
      if (k === 0) return String(i + 1);
      if (k === 1) return commune.code;
      if (k === 2) return commune.name;
      if (k === 3) return String(year);
      return figure(id);
    });
    // The rules hold a year on too.
    const at = (id) => COLUMNS.findIndex(([, x]) => x === id);
    row[at('addicts_quit')] = Math.min(row[at('addicts_quit')], row[at('rehab_participants')]);
    row[at('wanted_surrendered')] = Math.min(row[at('wanted_surrendered')], row[at('surrendered_subjects')]);
    row[at('propaganda_participants')] = Math.max(row[at('propaganda_participants')], row[at('propaganda_sessions')]);
    rows.push(row.map((v, k) => (k < 4 ? v : vi(v, COLUMNS[k][1] === 'opium_destroyed_ha' ? 1 : 0))));
  });
  mkdirSync(join(out, String(year)), { recursive: true });
  writeFileSync(join(out, String(year), `${year}-${province.code}-${slug(province.name)}.csv`), csv(rows));
}

writeFileSync(
  join(out, 'antt.config.json'),
  JSON.stringify(
    {
      province: '14',
      title: 'Tổng kết 10 năm thực hiện Chương trình phối hợp 09/CTr-BCA-MTTW (2013–2023), tỉnh Sơn La',
      programme: 'CT09',
      from: 2013,
      to: 2023,
      // The 2025 return is the new communes' (most of their codes and names are also old ones).
      list_2025: 'new',
    },
    null,
    2,
  ) + '\n',
);

writeFileSync(
  join(out, 'README.md'),
  `# Sơn La: the bundled sample province

Returns of the 200 communes of Sơn La's 12 districts (codes before the 1 July 2025 reform), one
file per district and year, 2013–2023, as UTF-8 CSV with Vietnamese headers and number formats.
The per-commune values are made up; the CT09 10-year province totals (\`antt aggregate data/son-la\`,
window 2013–2023 from \`antt.config.json\`) equal the figures published for Sơn La.

What a user meets in real life is here too:
- Thuận Châu, Mai Sơn and Sông Mã also send their own totals row (2021–2023); Mai Sơn's 2023 row
  says ${DISAGREEING.delta} more liên gia groups than its communes add up to (a reconciliation warning);
- the province's own 2023 return carries the 86 kinds of model (not additive);
- only Sông Mã has sent 2024 so far (\`antt aggregate data/son-la --from 2024 --to 2024\`);
- after the 1 July 2025 reform: the 2025 return of the 75 new communes (one form for the province,
  no districts), whose figures continue those of the old communes that went into them, and 2026
  sent so far by 10 of them (\`antt aggregate data/son-la --from 2016 --to 2025\`, a review
  across the reform).

Generated by \`node scripts/make-son-la.mjs\`; do not edit by hand.
`,
);


console.log(`wrote ${out}`);
