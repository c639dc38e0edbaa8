/**
 * One text for one value whatever the order of its keys, so that `{"a":1,"b":2}` and
 * `{"b":2,"a":1}` are the same request to the idempotency check. Keys sort by UTF-16 code
 * units (the default sort), not by locale. Bodies reach it after the depth limit, so the
 * recursion is bounded.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
