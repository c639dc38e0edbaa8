import { parseArgs } from 'node:util';
import { API_KEY_PREFIXES, type ApiKeyPrefix } from '#contract';
import { openForCli } from './open';

const USAGE = `Usage:
  npm run keys -- create [--prefix cpk|csb|csu] [--label TEXT] [--expires-days N]
  npm run keys -- list
  npm run keys -- revoke <key id or hint>`;

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      prefix: { type: 'string', default: 'cpk' },
      label: { type: 'string', default: '' },
      'expires-days': { type: 'string' },
    },
  });
  const [command, target] = positionals;
  const { db, orgs, keys } = openForCli();
  try {
    if (command === 'create') {
      if (!(API_KEY_PREFIXES as readonly string[]).includes(values.prefix))
        throw new Error(`--prefix must be one of ${API_KEY_PREFIXES.join(', ')}.`);
      const days = values['expires-days'] === undefined ? null : Number(values['expires-days']);
      if (days !== null && !(Number.isInteger(days) && days > 0))
        throw new Error('--expires-days must be a positive whole number.');
      const org = orgs.first() ?? orgs.create('Local organization');
      const { key, row } = keys.create(org.id, {
        prefix: values.prefix as ApiKeyPrefix,
        label: values.label,
        expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString(),
      });
      console.log(`Created key ${row.id} (${row.hint}). It is shown once; store it now:\n${key}`);
      return 0;
    }
    if (command === 'list') {
      for (const k of keys.list()) {
        const state = k.revoked_at
          ? 'revoked'
          : k.expires_at && Date.parse(k.expires_at) <= Date.now()
            ? 'expired'
            : 'active';
        console.log(
          [
            k.id,
            k.hint,
            state,
            k.label || '-',
            `created ${k.created}`,
            `last used ${k.last_used ?? 'never'}`,
          ].join('  '),
        );
      }
      return 0;
    }
    if (command === 'revoke' && target) {
      if (keys.revoke(target) === 0) throw new Error(`No active key with id or hint ${target}.`);
      console.log(`Revoked ${target}.`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    db.close();
  }
}

process.exit(main(process.argv.slice(2)));
