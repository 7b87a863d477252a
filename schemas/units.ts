/**
 * The contract of a unit list (gazetteer) and of the reform crosswalk, as shipped in
 * `data/gazetteer/` and as a data folder may override them. Codes are text: leading zeros count.
 */
import { z } from 'zod';

export const unitLevels = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** Province codes have 2 digits, district codes 3, commune codes 5 (GSO). */
export const codeLength: Record<UnitLevel, number> = { province: 2, district: 3, commune: 5 };

export const unitRowSchema = z
  .object({
    code: z.string().regex(/^[0-9]{2,5}$/, 'a GSO code: 2 (province), 3 (district) or 5 (commune) digits'),
    name: z.string().min(1),
    type: z.string().min(1),
    level: z.enum(unitLevels),
    parent_code: z.string().regex(/^([0-9]{2,3})?$/),
  })
  .refine((u) => u.code.length === codeLength[u.level], {
    message: 'the code length must match the level (province 2, district 3, commune 5 digits)',
  })
  .refine((u) => (u.level === 'province') === (u.parent_code === ''), {
    message: 'only a province has no parent',
  });
export type UnitRow = z.infer<typeof unitRowSchema>;

export const crosswalkRowSchema = z.object({
  old_code: z.string().regex(/^[0-9]{3,5}$/),
  old_name: z.string().min(1),
  new_code: z.string().regex(/^[0-9]{5}$/),
  new_name: z.string().min(1),
  /** `full`: the whole old unit went into the new one; `partial`: some of its area did. */
  kind: z.enum(['full', 'partial']),
});
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;

export const provinceCrosswalkRowSchema = z.object({
  old_code: z.string().regex(/^[0-9]{2}$/),
  old_name: z.string().min(1),
  new_code: z.string().regex(/^[0-9]{2}$/),
  new_name: z.string().min(1),
  kind: z.enum(['full', 'partial']),
});
export type ProvinceCrosswalkRow = z.infer<typeof provinceCrosswalkRowSchema>;
