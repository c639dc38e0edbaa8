import type { Clock } from '../clock';
import { iso } from '../clock';
import { type Db, statement } from '../db/database';
import { newId } from '../ids';

export interface OrgRow {
  id: string;
  name: string;
  created: string;
}

export function orgsRepository(db: Db, clock: Clock) {
  return {
    create(name: string): OrgRow {
      const row = { id: newId().id, name, created: iso(clock) };
      statement(
        db,
        'INSERT INTO organizations (id, name, created) VALUES (@id, @name, @created)',
      ).run(row);
      return row;
    },
    first: () =>
      statement(db, 'SELECT * FROM organizations ORDER BY created LIMIT 1').get() as
        OrgRow | undefined,
    byName: (name: string) =>
      statement(db, 'SELECT * FROM organizations WHERE name = ? ORDER BY created LIMIT 1').get(
        name,
      ) as OrgRow | undefined,
    list: () => statement(db, 'SELECT * FROM organizations ORDER BY created').all() as OrgRow[],
    byId: (id: string) =>
      statement(db, 'SELECT * FROM organizations WHERE id = ?').get(id) as OrgRow | undefined,
  };
}
