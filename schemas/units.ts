/**
 * The contract of a unit list (gazetteer) and of the reform crosswalk, as shipped in
 * `data/gazetteer/` and as a data folder may override them. Codes are text: leading zeros count.
 */
import * as z from 'zod';

export const unitLevels = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** Province codes have 2 digits, district codes 3, commune codes 5 (GSO). */
export const codeLength: Record<UnitLevel, number> = { province: 2, district: 3, commune: 5 };

const unitName = () => z.string().min(1);
const unitType = () => z.string().min(1);

// Each schema is made the first time it checks something (z.lazy): a start-up reads the shipped
// lists as the build checked them and needs none of them (making them was 1–2 ms of a cold run).

/**
 * One unit: the code's length and the parent follow from the level (province 2 digits and no
 * parent, district 3 under a province, commune 5 under a district or, after the reform, a province).
 */
export const unitRowSchema = z.lazy(() =>
  z.discriminatedUnion('level', [
    z.object({ code: z.string().regex(/^[0-9]{2}$/), name: unitName(), type: unitType(), level: z.literal('province'), parent_code: z.literal('') }),
    z.object({ code: z.string().regex(/^[0-9]{3}$/), name: unitName(), type: unitType(), level: z.literal('district'), parent_code: z.string().regex(/^[0-9]{2}$/) }),
    z.object({ code: z.string().regex(/^[0-9]{5}$/), name: unitName(), type: unitType(), level: z.literal('commune'), parent_code: z.string().regex(/^[0-9]{2,3}$/) }),
  ]),
);
export type UnitRow = z.infer<typeof unitRowSchema>;

export const crosswalkRowSchema = z.lazy(() =>
  z.object({
    old_code: z.string().regex(/^[0-9]{3,5}$/),
    old_name: z.string().min(1),
    new_code: z.string().regex(/^[0-9]{5}$/),
    new_name: z.string().min(1),
    /** `full`: the whole old unit went into the new one; `partial`: some of its area did. */
    kind: z.enum(['full', 'partial']),
  }),
);
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;

export const provinceCrosswalkRowSchema = z.lazy(() =>
  z.object({
    old_code: z.string().regex(/^[0-9]{2}$/),
    old_name: z.string().min(1),
    new_code: z.string().regex(/^[0-9]{2}$/),
    new_name: z.string().min(1),
    kind: z.enum(['full', 'partial']),
  }),
);
export type ProvinceCrosswalkRow = z.infer<typeof provinceCrosswalkRowSchema>;
