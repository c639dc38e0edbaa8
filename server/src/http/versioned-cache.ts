/**
 * The latest serialised answer per key, valid for one version: several readers of an unchanged
 * big session share one serialisation instead of each building it again. The oldest key goes
 * when the cache is full.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: number; body: string }>();

  constructor(private readonly capacity = 64) {}

  get(key: string, version: number, build: () => string): string {
    const hit = this.entries.get(key);
    if (hit?.version === version) return hit.body;
    const body = build();
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return body;
  }
}
