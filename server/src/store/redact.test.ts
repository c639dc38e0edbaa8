import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactUrl } from './redact';

describe('database URLs', () => {
  it('hide the password, whatever the form', () => {
    expect(redactUrl('postgres://scanner:s3cr:et@db.local:5432/store')).toBe(
      'postgres://scanner:***@db.local:5432/store',
    );
    expect(redactUrl('postgres://scanner:p%40ss@/store?host=/run/postgresql')).toBe(
      'postgres://scanner:***@/store?host=/run/postgresql',
    );
    expect(redactUrl('postgres://scanner@db/store')).toBe('postgres://scanner@db/store');
    expect(redactUrl('mysql://root:hunter2@db/x')).toBe('mysql://root:***@db/x');
  });

  it('accept what the driver reads, including a Unix socket, and nothing else', () => {
    expect(isPostgresUrl('postgres://scanner:pw@db.local:5432/store')).toBe(true);
    expect(isPostgresUrl('postgresql://scanner@/store?host=%2Frun%2Fpostgresql')).toBe(true);
    expect(isPostgresUrl('mysql://scanner@db/store')).toBe(false);
    expect(isPostgresUrl('postgres://db.local')).toBe(false);
    expect(isPostgresUrl('postgres://a:b@[::1/x')).toBe(false);
  });
});
