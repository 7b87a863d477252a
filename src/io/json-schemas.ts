/**
 * The published JSON Schemas, generated from the Zod schemas by zod's own converter: a return row,
 * a data folder's config, a unit list, the catalogue. Only `antt schema` loads this module: it is
 * the one place that needs zod's converter, so the rest of antt carries none of it.
 */
import * as z from 'zod';
import { catalogueSchema } from '../../schemas/catalogue.js';
import { dataFolderConfigSchema } from '../../schemas/config.js';
import { returnRowInputSchema } from '../../schemas/return.js';
import { crosswalkRowSchema, unitRowSchema } from '../../schemas/units.js';
import { loadCatalogue } from './shipped.js';

/** Every published schema by file name, as JSON text. */
export function jsonSchemas(): Record<string, string> {
  const catalogue = loadCatalogue();
  const schemas: Record<string, z.ZodType> = {
    'return-row.schema.json': returnRowInputSchema(catalogue.indicators),
    'config.schema.json': dataFolderConfigSchema.meta({ title: 'antt data folder config (antt.config.json)' }),
    'units.schema.json': z.array(unitRowSchema).meta({ title: 'antt unit list (gazetteer), one object per CSV row' }),
    'crosswalk.schema.json': z.array(crosswalkRowSchema).meta({ title: 'antt reform crosswalk, old commune to new commune' }),
    'catalogue.schema.json': catalogueSchema.meta({ title: 'antt indicator catalogue (schemas/catalogue.json)' }),
  };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2) + '\n']));
}
