/**
 * A shipped unit list's bytes, made into units one province at a time. The list's bytes are as the
 * build vouched for them (src/io/shipped.ts): UTF-8 in its usual columns
 * (code,name,type,level,parent_code), one unit per line, in tree order — each province, then
 * everything below it — with every code once. scripts/check-shipped.mjs fails the build unless
 * the list read province by province (UnitBlocks) is the list read whole (UnitList).
 */
import type { UnitLevel, UnitRow } from '../../schemas/units.js';
import { namesOf, UnitList, type Unit, type Units, type UnitSystem } from '../core/gazetteer.js';

/**
 * How many codes are searched for in the bytes before the rest of the list is made whole: a run
 * over one province (the usual job) finds its province in one search; one over many provinces,
 * or over codes the list lacks, soon costs no more than the whole list.
 */
const SEARCHES_BEFORE_WHOLE = 8;

const LF = 0x0a;
const CR = 0x0d;

/**
 * The province holding `at`, given where each province starts and then where the last ends
 * (its lines' bytes, or its units' places): the last start at or before `at`.
 */
function provinceHolding(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A vouched list made one province at a time, when a unit of it is first asked for. A province's
 * job needs some 200 of the 10,800 units of the old list: making them all (an object each, a map
 * entry each, mostly before V8 has compiled the loop) was a tenth of a cold `antt aggregate
 * data/son-la`, and decoding the whole file 4 ms more. The province of a code is found by
 * searching the bytes for its line; the units of a province are those from its line to the next
 * province's, decoded then, and their places in the list are counted from the lines before.
 */
export class UnitBlocks implements Units {
  private readonly byCode = new Map<string, Unit>();
  private readonly children = new Map<string, Unit[]>();
  /** Where each province's line starts, and then the end of the bytes. */
  private readonly starts: number[] = [];
  /** Each province's place in the list (made on first need: counting lines reads all the bytes). */
  private firstOrders: number[] | undefined;
  private readonly made: Unit[][] = [];
  /** 1 where the children of the province's units are in `children`. */
  private readonly childrenMade: number[] = [];
  private searches = 0;
  private everything: Unit[] | undefined;
  private names: Map<string, Unit[]> | undefined;

  constructor(
    readonly system: UnitSystem,
    private readonly bytes: Buffer,
  ) {
    // A province's line is the only one whose level cell is "province" (no cell holds a comma).
    for (let at = bytes.indexOf(',province,'); at >= 0; at = bytes.indexOf(',province,', at + 1)) {
      this.starts.push(bytes.lastIndexOf(LF, at) + 1);
    }
    this.starts.push(bytes.length);
  }

  get(code: string): Unit | undefined {
    const known = this.byCode.get(code);
    if (known !== undefined || this.everything !== undefined) return known;
    if (++this.searches > SEARCHES_BEFORE_WHOLE) {
      this.all();
      return this.byCode.get(code);
    }
    const line = this.bytes.indexOf(`\n${code},`);
    if (line < 0) return undefined;
    this.province(provinceHolding(this.starts, line + 1));
    return this.byCode.get(code);
  }

  at(order: number): Unit | undefined {
    if (this.everything !== undefined) return this.everything[order];
    const firstOrders = this.orders();
    if (!(order >= 0 && order < firstOrders[firstOrders.length - 1]!)) return undefined;
    const k = provinceHolding(firstOrders, order);
    return this.province(k)[order - firstOrders[k]!];
  }

  all(): readonly Unit[] {
    if (this.everything === undefined) {
      // The provinces not made yet, each run of them in one pass (one decoding, one loop that V8
      // soon compiles): made one by one, the whole old list took a third longer than read whole.
      const provinces = this.starts.length - 1;
      for (let k = 0; k < provinces; ) {
        if (this.made[k] !== undefined) {
          k++;
          continue;
        }
        let to = k + 1;
        while (to < provinces && this.made[to] === undefined) to++;
        this.make(k, to);
        k = to;
      }
      const everything: Unit[] = [];
      for (let k = 0; k < provinces; k++) for (const unit of this.made[k]!) everything.push(unit);
      this.everything = everything;
    }
    return this.everything;
  }

  childrenOf(code: string): readonly Unit[] {
    // A unit's children are in its province.
    const unit = this.get(code);
    if (unit === undefined) return [];
    this.childrenIn(provinceHolding(this.orders(), unit.order));
    return this.children.get(code) ?? [];
  }

  get byName(): Map<string, Unit[]> {
    return (this.names ??= namesOf(this.all()));
  }

  /** Each province's place in the list, then the list's length: lines with something on them, as the whole list counts them. */
  private orders(): number[] {
    if (this.firstOrders === undefined) {
      const bytes = this.bytes;
      const orders: number[] = [];
      let count = 0;
      let k = 0;
      for (let at = this.starts[0]!; ; ) {
        while (k < this.starts.length - 1 && this.starts[k]! <= at) orders[k++] = count;
        if (at >= bytes.length) break;
        const lf = bytes.indexOf(LF, at);
        let end = lf < 0 ? bytes.length : lf;
        if (end > at && bytes[end - 1] === CR) end--;
        if (end > at) count++;
        at = lf < 0 ? bytes.length : lf + 1;
      }
      while (k < this.starts.length) orders[k++] = count;
      this.firstOrders = orders;
    }
    return this.firstOrders;
  }

  /** The units of the k-th province, made the first time. */
  private province(k: number): Unit[] {
    if (this.made[k] === undefined) this.make(k, k + 1);
    return this.made[k]!;
  }

  /**
   * Makes the units of provinces `from` to `to` − 1, none of them made yet: one loop over their
   * lines (V8 soon compiles it), each province decoded on its own (its lines start after a line
   * end: no character is cut in two). A run from the first province needs no count of lines.
   */
  private make(from: number, to: number): void {
    const system = this.system;
    let order = from === 0 ? 0 : this.orders()[from]!;
    for (let k = from; k < to; k++) {
      const text = this.bytes.toString('utf8', this.starts[k]!, this.starts[k + 1]!);
      const units: Unit[] = [];
      for (let at = 0; at < text.length; ) {
        const lf = text.indexOf('\n', at);
        const next = lf < 0 ? text.length : lf + 1;
        let end = lf < 0 ? text.length : lf;
        if (end > at && text.charCodeAt(end - 1) === 0x0d) end--;
        if (end > at) {
          const c1 = text.indexOf(',', at);
          const c2 = text.indexOf(',', c1 + 1);
          const c3 = text.indexOf(',', c2 + 1);
          const c4 = text.indexOf(',', c3 + 1);
          const unit: Unit = {
            code: text.slice(at, c1),
            name: text.slice(c1 + 1, c2),
            type: text.slice(c2 + 1, c3),
            level: text.slice(c3 + 1, c4) as UnitLevel,
            parentCode: c4 + 1 === end ? null : text.slice(c4 + 1, end),
            system,
            order: order++,
          };
          units.push(unit);
          this.byCode.set(unit.code, unit);
        }
        at = next;
      }
      this.made[k] = units;
    }
  }

  /** The units below each unit of the k-th province (made), in order: made on the first question. */
  private childrenIn(k: number): void {
    if (this.childrenMade[k] === 1) return;
    this.childrenMade[k] = 1;
    for (const unit of this.province(k)) {
      if (unit.parentCode === null) continue;
      const siblings = this.children.get(unit.parentCode);
      if (siblings) siblings.push(unit);
      else this.children.set(unit.parentCode, [unit]);
    }
  }
}

/**
 * Where a list read province by province differs from the same list read whole, or null: what
 * the build checks of each shipped list before it vouches for its bytes. Each province is read
 * first in a list of its own (nothing else made yet), its units and their children compared;
 * then every place in the list; then the whole list.
 */
export function provinceByProvinceDiffers(system: UnitSystem, bytes: Buffer, rows: readonly UnitRow[]): string | null {
  const whole = new UnitList(system, rows);
  const same = (a: Unit | undefined, b: Unit | undefined) => JSON.stringify(a) === JSON.stringify(b);
  const sameList = (a: readonly Unit[], b: readonly Unit[]) => a.length === b.length && a.every((u, i) => same(u, b[i]));
  const provinces = whole.all().filter((u) => u.level === 'province');
  for (const province of provinces) {
    const blocks = new UnitBlocks(system, bytes);
    if (!same(blocks.get(province.code), province)) return `province ${province.code}`;
    const below = (unit: Unit): Unit[] => whole.childrenOf(unit.code).flatMap((child) => [child, ...below(child)]);
    for (const unit of [province, ...below(province)]) {
      if (!same(blocks.get(unit.code), unit)) return `unit ${unit.code} (province ${province.code})`;
      if (!sameList(blocks.childrenOf(unit.code), whole.childrenOf(unit.code))) return `units below ${unit.code}`;
    }
  }
  const byPlace = new UnitBlocks(system, bytes);
  for (let order = whole.all().length; order >= -1; order--) if (!same(byPlace.at(order), whole.at(order))) return `place ${order}`;
  if (!sameList(new UnitBlocks(system, bytes).all(), whole.all())) return 'the whole list';
  return null;
}

