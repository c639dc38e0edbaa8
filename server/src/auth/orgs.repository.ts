import type { Clock } from '../clock';
import { iso } from '../clock';
import type { Sql } from '../store/sql';
import { newId } from '../ids';

export interface OrgRow {
  id: string;
  name: string;
  created: string;
}

export function orgsRepository(sql: Sql, clock: Clock) {
  return {
    async create(name: string): Promise<OrgRow> {
      const row = { id: newId().id, name, created: iso(clock) };
      await sql.run('INSERT INTO organizations (id, name, created) VALUES (?, ?, ?)', [
        row.id,
        row.name,
        row.created,
      ]);
      return row;
    },
    first: () => sql.get<OrgRow>('SELECT * FROM organizations ORDER BY created LIMIT 1'),
    byName: (name: string) =>
      sql.get<OrgRow>('SELECT * FROM organizations WHERE name = ? ORDER BY created LIMIT 1', [
        name,
      ]),
    list: () => sql.all<OrgRow>('SELECT * FROM organizations ORDER BY created'),
    byId: (id: string) => sql.get<OrgRow>('SELECT * FROM organizations WHERE id = ?', [id]),
  };
}
