/**
 * The latest serialised answer per key, valid for one version: several readers of an unchanged
 * big session share one serialisation (even while it is being built) instead of each building
 * it again. The oldest key goes when the cache is full; a build that fails is not kept.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; body: Promise<T> }>();

  constructor(private readonly capacity = 64) {}

  get(key: string, version: number, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit?.version === version) return hit.body;
    const body = build();
    const entry = { version, body };
    body.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return body;
  }
}
