/**
 * The contract of a data folder's config file (`antt.config.json`): which province the returns
 * belong to, the programme (form) and title of the report, its default window, and any indicators
 * the province adds to the catalogue on its own form.
 */
import * as z from 'zod';
import { indicatorSchema, ruleSchema } from './catalogue.js';

export const CONFIG_FILE = 'antt.config.json';

export const dataFolderConfigSchema = z
  .object({
    $schema: z.string().optional(),
    province: z.string().regex(/^[0-9]{2}$/, 'a 2-digit GSO province code, e.g. "14" for Sơn La'),
    title: z.string().min(1).optional(),
    programme: z.string().min(1).optional(),
    from: z.number().int().min(1990).max(2100).optional(),
    to: z.number().int().min(1990).max(2100).optional(),
    /**
     * The folder's own unit lists, replacing the shipped ones (CSV files like those in
     * data/gazetteer/, paths relative to this file): for a list the GSO has changed since.
     */
    units: z
      .object({
        old: z.string().min(1).optional(),
        new: z.string().min(1).optional(),
        crosswalk: z.string().min(1).optional(),
      })
      .optional(),
    /**
     * The unit list of the folder's returns for 2025 (and any period across 1 July 2025): "new"
     * for the communes after the reform (what annual 2025 returns use), "old" for those before.
     * Without it, each file's rows say; a file whose rows cannot tell is counted as "new", with a
     * warning.
     */
    list_2025: z.enum(['old', 'new']).optional(),
    /** The province's own form: indicator ids, replacing the programme's list in `antt init`. */
    form: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).optional(),
    indicators: z.array(indicatorSchema).default([]),
    rules: z.array(ruleSchema).default([]),
  })
  .refine((c) => c.from === undefined || c.to === undefined || c.from <= c.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type DataFolderConfig = z.infer<typeof dataFolderConfigSchema>;
