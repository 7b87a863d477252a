/**
 * The contract of the indicator catalogue (`schemas/catalogue.json`): every figure a return may
 * carry, how it is written and how it adds up. A data folder's config may add indicators with the
 * same fields; they are checked by the same schema.
 */
import * as z from 'zod';

/**
 * How an indicator aggregates (DESIGN §4):
 * - `flow`: summed over units and over years (sessions held, weapons handed in);
 * - `stock`: summed over units, the latest value in the window over years (groups that exist);
 * - `unit_count`: a commune says yes or no; above it, the number of communes that said yes;
 * - `ratio`: computed from its numerator and denominator after they are summed, never averaged;
 * - `none`: not additive, shown only at the level that reported it (86 kinds of model).
 */
export const indicatorKinds = ['flow', 'stock', 'unit_count', 'ratio', 'none'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

const indicatorId = () => z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case English, e.g. lien_gia_groups');

// Each schema is made the first time it checks something (z.lazy): a start-up reads the shipped
// catalogue as the build checked it, and a data folder's config seldom adds indicators or rules
// (making them all was 3–5 ms of a cold run).

export const indicatorSchema = z.lazy(() =>
  z
    .object({
      id: indicatorId(),
      label_vi: z.string().min(1),
      label_en: z.string().min(1),
      unit: z.string().min(1),
      decimals: z.number().int().min(0).max(4),
      kind: z.enum(indicatorKinds),
      aliases: z.array(z.string().min(1)).default([]),
      numerator: indicatorId().optional(),
      denominator: indicatorId().optional(),
    })
    .refine((i) => (i.kind === 'ratio') === (i.numerator !== undefined && i.denominator !== undefined), {
      message: 'a ratio names its numerator and denominator, and only a ratio does',
    }),
);
export type Indicator = z.infer<typeof indicatorSchema>;

/** A cross-field rule, DHIS2-style: sum(left) operator sum(right), checked when both sides were reported. */
export const ruleSchema = z.lazy(() =>
  z.object({
    id: indicatorId(),
    left: z.array(indicatorId()).min(1),
    operator: z.enum(['<=', '<', '>=', '>', '==']),
    right: z.array(indicatorId()).min(1),
    importance: z.enum(['error', 'warning']),
  }),
);
export type Rule = z.infer<typeof ruleSchema>;

/**
 * A programme's form: the indicators its returns carry and, for a review, its default window
 * (CT09: 2013–2023). A yearly form has no default window.
 */
export const programmeSchema = z.lazy(() =>
  z
    .object({
      id: z.string().regex(/^[A-Z0-9_]+$/, 'upper-case letters and digits, e.g. CT09'),
      label_vi: z.string().min(1),
      label_en: z.string().min(1),
      from: z.number().int().min(1990).max(2100).optional(),
      to: z.number().int().min(1990).max(2100).optional(),
      indicators: z.array(indicatorId()).min(1),
    })
    .refine((p) => (p.from === undefined) === (p.to === undefined) && (p.from === undefined || p.from <= p.to!), {
      message: 'a programme has both "from" and "to", in order, or neither',
    }),
);
export type Programme = z.infer<typeof programmeSchema>;

export const catalogueSchema = z.lazy(() =>
  z
    .object({
      $comment: z.string().optional(),
      indicators: z.array(indicatorSchema).min(1),
      rules: z.array(ruleSchema).default([]),
      programmes: z.array(programmeSchema).default([]),
    })
    .superRefine((catalogue, ctx) => {
      const ids = new Set<string>();
      for (const indicator of catalogue.indicators) {
        if (ids.has(indicator.id)) ctx.addIssue({ code: 'custom', message: `indicator ${indicator.id} is listed twice` });
        ids.add(indicator.id);
      }
      for (const indicator of catalogue.indicators) {
        for (const part of [indicator.numerator, indicator.denominator]) {
          if (part && !ids.has(part)) ctx.addIssue({ code: 'custom', message: `${indicator.id} refers to unknown indicator ${part}` });
        }
      }
      for (const rule of catalogue.rules) {
        for (const id of [...rule.left, ...rule.right]) {
          if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `rule ${rule.id} refers to unknown indicator ${id}` });
        }
      }
      for (const programme of catalogue.programmes) {
        for (const id of programme.indicators) {
          if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `programme ${programme.id} refers to unknown indicator ${id}` });
        }
      }
    }),
);
export type CatalogueData = z.infer<typeof catalogueSchema>;
