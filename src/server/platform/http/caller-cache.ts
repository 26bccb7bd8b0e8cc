/**
 * Callers already resolved by this process, for one data version (ADR 0019). The writes that change
 * who a caller is or what they may do (sessions ended, tokens revoked, memberships, accounts) move the
 * data version on, here or in another instance, and the next request drops every entry: a caller is
 * never trusted beyond the version it was read under.
 */
export class CallerCache<T> {
  private version = -1;
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 20_000) {}

  get(version: number, key: string): T | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
      return undefined;
    }
    return this.entries.get(key);
  }

  /** Ignored when the version moved on while the caller was read. */
  set(version: number, key: string, value: T): void {
    if (version !== this.version) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}
