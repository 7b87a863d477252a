/**
 * Cross-field rules (DHIS2-style: sum of the left side, operator, sum of the right side), checked
 * only when both sides were reported. One evaluation serves the rows of a return (`antt
 * validate`) and the added-up figures of districts and provinces (`antt check`).
 */
import type { Rule } from '../../schemas/catalogue.js';
import type { Catalogue } from './catalogue.js';
import { finding, type Finding } from './findings.js';
import { scaledToPlain } from './numbers.js';

export function holds(left: number, operator: Rule['operator'], right: number): boolean {
  switch (operator) {
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    default:
      return left === right;
  }
}

/**
 * The rules broken by one unit's figures for one period. `valueOf` gives an indicator's scaled
 * value, or null when it was not reported.
 */
export function brokenRules(
  catalogue: Catalogue,
  valueOf: (id: string) => number | null,
  where: { unit: string; period: string; file?: string | null; line?: number | null; record?: number | null },
): Finding[] {
  const findings: Finding[] = [];
  const side = (ids: readonly string[]) => {
    let sum = 0;
    let any = false;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === null) continue;
      sum += value;
      any = true;
    }
    return any ? sum : null;
  };
  const labels = (ids: readonly string[], field: 'label_vi' | 'label_en') => ids.map((id) => catalogue.indicator(id)![field]).join(' + ');
  for (const rule of catalogue.rules) {
    const left = side(rule.left);
    const right = side(rule.right);
    if (left === null || right === null || holds(left, rule.operator, right)) continue;
    const decimals = Math.max(...[...rule.left, ...rule.right].map((id) => catalogue.indicator(id)!.decimals));
    findings.push(
      finding('rule-violated', {
        file: where.file ?? null,
        line: where.line ?? null,
        record: where.record ?? null,
        level: rule.importance,
        unit: where.unit,
        indicator: rule.left[0]!,
        params: {
          rule: rule.id,
          period: where.period,
          leftVi: labels(rule.left, 'label_vi'),
          leftEn: labels(rule.left, 'label_en'),
          rightVi: labels(rule.right, 'label_vi'),
          rightEn: labels(rule.right, 'label_en'),
          operator: rule.operator,
          leftValue: scaledToPlain(left, decimals),
          rightValue: scaledToPlain(right, decimals),
        },
      }),
    );
  }
  return findings;
}

/** A catalogue rule with indicator indexes in place of ids, for the per-row check. */
export interface CompiledRule {
  left: number[];
  right: number[];
  operator: Rule['operator'];
}

export function compileRules(catalogue: Catalogue): CompiledRule[] {
  return catalogue.rules.map((rule) => ({
    left: rule.left.map((id) => catalogue.indexOf(id)),
    right: rule.right.map((id) => catalogue.indexOf(id)),
    operator: rule.operator,
  }));
}

/** The rules a row of these indicators can break: those with an indicator of theirs on each side. */
export function rulesFor(rules: readonly CompiledRule[], indexes: readonly number[]): CompiledRule[] {
  const present = new Set(indexes);
  return rules.filter((rule) => rule.left.some((i) => present.has(i)) && rule.right.some((i) => present.has(i)));
}

/**
 * Whether a row's figures (by catalogue index, NaN: not given) break any of `rules`: the same
 * test as brokenRules, on numbers, for every row; brokenRules then says which and why.
 */
export function anyRuleBroken(figures: Float64Array, rules: readonly CompiledRule[]): boolean {
  // Counted loops: run for every row, mostly before V8 has compiled it.
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    let left = 0;
    let right = 0;
    let anyLeft = false;
    let anyRight = false;
    for (let k = 0; k < rule.left.length; k++) {
      const v = figures[rule.left[k]!]!;
      if (v === v) {
        left += v;
        anyLeft = true;
      }
    }
    if (!anyLeft) continue;
    for (let k = 0; k < rule.right.length; k++) {
      const v = figures[rule.right[k]!]!;
      if (v === v) {
        right += v;
        anyRight = true;
      }
    }
    if (anyRight && !holds(left, rule.operator, right)) return true;
  }
  return false;
}
