import fs from 'node:fs';
import { openStore } from '../store/open';
import { readConfig } from '../env';
import { systemClock } from '../clock';
import { keysRepository } from '../auth/keys.repository';
import { orgsRepository } from '../auth/orgs.repository';
import { productsRepository } from '../catalog/products.repository';

/** Opens the server's database from the same configuration `npm start` uses. */
export async function openForCli() {
  const config = readConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sql = await openStore(config);
  const orgs = orgsRepository(sql, systemClock);
  return {
    config,
    sql,
    orgs,
    keys: keysRepository(sql, systemClock),
    products: productsRepository(sql, systemClock),
  };
}
