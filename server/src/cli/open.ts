import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { readConfig } from '../env';
import { systemClock } from '../clock';
import { keysRepository } from '../auth/keys.repository';
import { orgsRepository } from '../auth/orgs.repository';
import { productsRepository } from '../catalog/products.repository';

/** Opens the server's database from the same configuration `npm start` uses. */
export function openForCli() {
  const config = readConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(path.join(config.dataDir, 'scanner.db'));
  const orgs = orgsRepository(db, systemClock);
  return {
    config,
    db,
    orgs,
    keys: keysRepository(db, systemClock),
    products: productsRepository(db, systemClock),
  };
}
