/**
 * `npm run token -- --role <role> [--issuer <institution id>] [--partner <partner id>]
 * [--qa-role <role>]... [--design <design id>]... [--sub <id>] [--email <address>] [--name <name>]
 * [--expires-in <seconds>]` (`--design`: the designs an assessor assesses)
 * prints a bearer token from the local identity issuer (the key under .local/identity, shared
 * with `npm start`). Issuer-scoped roles default to the seeded demo institution.
 */
import '../infra/local/quiet-warnings';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { roles, type Role } from '../functions/core/auth/principal';
import { LocalIdentityIssuer } from '../infra/local/identity';
import { readSeedRecord } from '../infra/local/seed';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    issuer: { type: 'string' },
    partner: { type: 'string' },
    'qa-role': { type: 'string', multiple: true },
    design: { type: 'string', multiple: true },
    sub: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    'expires-in': { type: 'string' },
  },
});

const role = values.role;
if (!role || !(roles as readonly string[]).includes(role)) {
  console.error(
    `usage: npm run token -- --role <${roles.join('|')}> [--issuer <id>] [--partner <id>] ` +
      '[--qa-role <role>]… [--design <design id>]… [--sub <id>] [--email <address>] ' +
      '[--name <name>] [--expires-in <seconds>]',
  );
  process.exit(2);
}
const dataDir = resolve(process.env.TESSERA_DATA_DIR ?? '.local');
const scoped = role === 'issuer-admin' || role === 'qa-reviewer' || role === 'assessor';
const institutionId =
  values.issuer ?? (scoped ? readSeedRecord(join(dataDir, 'seed.json'))?.institutionId : undefined);
if (role === 'partner-admin' && !values.partner) {
  console.error('--partner <partner id> is required for partner-admin.');
  process.exit(2);
}
if (scoped && !institutionId) {
  console.error(`--issuer <institution id> is required for ${role} (no seeded institution found).`);
  process.exit(2);
}
const identity = await LocalIdentityIssuer.open(join(dataDir, 'identity', 'signing-key.json'));
const token = await identity.mint({
  role: role as Role,
  institutionId,
  partnerId: values.partner,
  qaRoles: values['qa-role'],
  assessedDesigns: values.design,
  subject: values.sub,
  email: values.email,
  name: values.name,
  expiresIn: values['expires-in'] ? Number(values['expires-in']) : undefined,
});
console.log(token);
