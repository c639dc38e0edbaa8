import type { Clock } from '../../clock';
import { iso } from '../../clock';
import type { Sql } from '../../store/sql';

export interface UploadRow {
  s3_key: string;
  session_id: string;
  org_id: string;
  content_type: string;
  size: number;
  created: string;
}

export function uploadsRepository(sql: Sql, clock: Clock) {
  return {
    async record(row: Omit<UploadRow, 'created'>): Promise<void> {
      await sql.run(
        `INSERT INTO uploads (s3_key, session_id, org_id, content_type, size, created) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(s3_key) DO UPDATE SET content_type = excluded.content_type, size = excluded.size`,
        [row.s3_key, row.session_id, row.org_id, row.content_type, row.size, iso(clock)],
      );
    },
    get: (key: string) => sql.get<UploadRow>('SELECT * FROM uploads WHERE s3_key = ?', [key]),
  };
}
