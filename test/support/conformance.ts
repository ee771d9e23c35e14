import { readFileSync } from 'node:fs';
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

/**
 * 1EdTech's JSON Schemas for Open Badges 3.0 and CLR 2.0 (draft 2019-09), vendored under
 * `test/conformance/schemas/` (see the README there), run with ajv as 1EdTech's validators
 * and strict consumers run them.
 */
export const schemaFiles = {
  achievementCredential: 'ob_v3p0_achievementcredential_schema.json',
  endorsementCredential: 'ob_v3p0_endorsementcredential_schema.json',
  profile: 'ob_v3p0_profile_schema.json',
  clrCredential: 'clr_v2p0_clrcredential_schema.json',
  clrAchievementCredential: 'clr_v2p0_achievementcredential_schema.json',
  clrEndorsementCredential: 'clr_v2p0_endorsementcredential_schema.json',
} as const;
export type SchemaName = keyof typeof schemaFiles;

const directory = new URL('../conformance/schemas/', import.meta.url);
const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    // Each schema is self-contained; one Ajv per schema, as their `$id`s share definitions.
    // `strict: false`: the schemas use tuple `items` with `additionalItems`, which is valid
    // 2019-09 that ajv's strict mode only warns about.
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(
      readFileSync(new URL(schemaFiles[name], directory), 'utf8'),
    ) as object;
    validate = ajv.compile(schema);
    validators.set(name, validate);
  }
  return validate;
}

/** The schema's errors for `document` as `<path> <message>` lines; empty when it validates. */
export function schemaErrors(name: SchemaName, document: unknown): string[] {
  const validate = validator(name);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}
