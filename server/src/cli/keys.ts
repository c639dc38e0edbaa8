import { parseArgs } from 'node:util';
import { API_KEY_PREFIXES, type ApiKeyPrefix } from '#contract';
import type { ApiKeyRow } from '../auth/keys.repository';
import { openForCli } from './open';

const USAGE = `Manage the local server's API keys (data folder: SCANNER_DATA_DIR, default .data).

Usage:
  npm run keys -- create [--org ID|NAME] [--prefix cpk|csb|csu] [--label TEXT] [--expires-days N]
                         [--per-minute N] [--per-day N]
  npm run keys -- list [--org ID|NAME]
  npm run keys -- revoke <key id or hint>
  npm run keys -- orgs
  npm run keys -- --help

--org names the organization a key belongs to, by id or name; a name that is not known yet
creates that organization. Without it, keys go to the first organization. --per-minute and
--per-day give the key its own rate limits instead of the server's.`;

type Cli = Awaited<ReturnType<typeof openForCli>>;

function keyState(k: ApiKeyRow): string {
  if (k.revoked_at) return 'revoked';
  return k.expires_at && Date.parse(k.expires_at) <= Date.now() ? 'expired' : 'active';
}

/** The organization --org names (created when a new name), or the first one. */
async function organization({ orgs }: Cli, name: string | undefined) {
  if (name === undefined) return (await orgs.first()) ?? orgs.create('Local organization');
  const found = (await orgs.byId(name)) ?? (await orgs.byName(name));
  if (found) return found;
  const created = await orgs.create(name);
  console.log(`Created organization ${created.id} (${created.name}).`);
  return created;
}

async function create(
  cli: Cli,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const prefix = text('prefix') ?? 'cpk';
  if (!(API_KEY_PREFIXES as readonly string[]).includes(prefix))
    throw new Error(`--prefix must be one of ${API_KEY_PREFIXES.join(', ')}.`);
  const daysText = text('expires-days');
  const days = daysText === undefined ? null : Number(daysText);
  if (days !== null && !(Number.isInteger(days) && days > 0))
    throw new Error('--expires-days must be a positive whole number.');
  const limit = (name: string) => {
    const value = text(name);
    if (value === undefined) return 0;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000_000)
      throw new Error(`--${name} must be a whole number from 1 to 1000000000.`);
    return n;
  };
  const perMinute = limit('per-minute');
  const perDay = limit('per-day');
  const org = await organization(cli, text('org'));
  const { key, row } = await cli.keys.create(org.id, {
    prefix: prefix as ApiKeyPrefix,
    label: text('label') ?? '',
    expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString(),
    perMinute,
    perDay,
  });
  console.log(
    `Created key ${row.id} (${row.hint}) for ${org.name} (${org.id}). It is shown once; store it now:\n${key}`,
  );
}

async function list(cli: Cli, orgName: string | undefined): Promise<void> {
  const org =
    orgName === undefined
      ? null
      : ((await cli.orgs.byId(orgName)) ?? (await cli.orgs.byName(orgName)));
  if (orgName !== undefined && !org) throw new Error(`No organization with id or name ${orgName}.`);
  for (const k of (await cli.keys.list()).filter((k) => !org || k.org_id === org.id)) {
    console.log(
      [
        k.id,
        k.hint,
        keyState(k),
        k.label || '-',
        `org ${k.org_id}`,
        `created ${k.created}`,
        `last used ${k.last_used ?? 'never'}`,
      ].join('  '),
    );
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        prefix: { type: 'string' },
        label: { type: 'string' },
        'expires-days': { type: 'string' },
        'per-minute': { type: 'string' },
        'per-day': { type: 'string' },
        org: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, target] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const cli = await openForCli();
  try {
    if (command === 'create') await create(cli, values);
    else if (command === 'list') await list(cli, values.org);
    else if (command === 'orgs') {
      for (const o of await cli.orgs.list())
        console.log(`${o.id}  ${o.name}  created ${o.created}`);
    } else if (command === 'revoke' && target) {
      if ((await cli.keys.revoke(target)) === 0)
        throw new Error(`No active key with id or hint ${target}.`);
      console.log(`Revoked ${target}.`);
    } else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await cli.sql.close();
  }
}

process.exit(await run(process.argv.slice(2)));
