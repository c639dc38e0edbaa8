import { parse } from 'pg-connection-string';

/**
 * A database URL with its password hidden, for messages and logs. A regular expression, not
 * URL parsing: libpq's forms (a Unix socket as `postgres://user@/db?host=/run/postgresql`) are
 * not WHATWG URLs, and a URL that fails to parse must not be echoed with its password.
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1:***@');
}

/** Whether PostgreSQL's driver reads this as a connection URL with a database to use. */
export function isPostgresUrl(url: string): boolean {
  if (!/^postgres(ql)?:\/\//i.test(url)) return false;
  try {
    const parsed = parse(url);
    return Boolean(parsed.database) && Boolean(parsed.host);
  } catch {
    return false;
  }
}
