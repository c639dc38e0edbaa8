import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCatalog } from '../catalog/import';
import { openForCli } from './open';

const USAGE = 'Usage: npm run catalog -- import FILE.csv|FILE.json';

async function main([command, file]: string[]): Promise<number> {
  if (command !== 'import' || !file) {
    console.error(USAGE);
    return 2;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    console.error(`${file}: use a .csv or .json file.`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const { products, errors } = parseCatalog(text, ext === '.csv' ? 'csv' : 'json');
  if (errors.length) {
    console.error(
      `${file}: nothing imported; fix these first:\n${errors.map((e) => `  ${e}`).join('\n')}`,
    );
    return 1;
  }
  const { sql, products: repo } = await openForCli();
  try {
    console.log(`Imported ${await repo.upsertMany(products)} products from ${file}.`);
    return 0;
  } finally {
    await sql.close();
  }
}

process.exit(await main(process.argv.slice(2)));
