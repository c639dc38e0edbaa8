import { seedCatalog } from './catalog/seed';
import type { Services } from './services';

/**
 * First start on an empty data folder: seed the catalog, create the organization and a key.
 * Returns the key in clear only when it was created now; it is shown once and never stored.
 */
export async function bootstrap(
  s: Services,
  bootstrapKey: string | null,
): Promise<{ key: string | null; seeded: number }> {
  const seeded = (await s.products.count()) === 0 ? await s.products.upsertMany(seedCatalog()) : 0;
  let org = await s.orgs.first();
  let created: string | null = null;
  if (!org) {
    org = await s.orgs.create('Local organization');
    if (!bootstrapKey)
      created = (await s.keys.create(org.id, { prefix: 'cpk', label: 'bootstrap' })).key;
  }
  // A given key is (re)registered on every start, so automation can rely on it.
  if (bootstrapKey && !(await s.keys.byKey(bootstrapKey))) {
    await s.keys.create(org.id, { given: bootstrapKey, label: 'SCANNER_BOOTSTRAP_KEY' });
    created = bootstrapKey;
  }
  return { key: created, seeded };
}
