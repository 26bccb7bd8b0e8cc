/**
 * `data`: moves on with every committed write to a cached table (triggers, migrations 20261129020000 and
 * 20261129060000); `callers`: only with the writes that change who a caller is or what they may do
 * (20261129080000, ADR 0021); `tables`: for each cached table, the value `data` had after its last
 * write (20261129090000, ADR 0022).
 */
export interface DataVersions {
  data: number;
  callers: number;
  tables: ReadonlyMap<string, number>;
}

/**
 * The names of `table_version`: the tables whose writes move `data` on, and `convention_activity`, moved
 * instead of `convention` by an update that changes nothing but its `updated_at`.
 */
export const CACHED_TABLES = [
  'territory', 'territory_member', 'organisation', 'person', 'mandate', 'theme',
  'convention', 'convention_activity', 'convention_territory', 'convention_theme', 'convention_status_change', 'party', 'signature_event', 'signatory',
  'axis', 'action', 'action_theme', 'action_axis', 'budget_line', 'facility', 'action_note', 'action_document',
  'indicator', 'indicator_value', 'review', 'plan_version', 'amendment', 'coverage_target', 'data_series', 'data_value',
  'news_item', 'news_item_signature', 'convention_source', 'plan_external_ref', 'app_user',
] as const;

export type CachedTable = (typeof CACHED_TABLES)[number];

export type Counters = Omit<DataVersions, 'tables'>;

type Row<Key> = Key & { value: number | bigint };

/** The two counters of `data_version` (rows 1 and 2). */
export function countersFromRows(rows: readonly Row<{ id: number | bigint }>[]): Counters {
  const value = (id: number) => rows.find((row) => Number(row.id) === id)?.value;
  const data = value(1);
  const callers = value(2);
  if (data === undefined || callers === undefined) throw new Error('data_version : ligne absente');
  return { data: Number(data), callers: Number(callers) };
}

/**
 * The statement both engines read the versions with, up to its one parameter (the value of row 1 already
 * known): the two counters (named '1' and '2') and, only when row 1 no longer has that value, every table
 * version — one statement, one snapshot (one round trip to PostgreSQL).
 */
export const VERSIONS_SQL_BEFORE_PARAMETER = `select cast(id as text) as name, value from data_version where id in (1, 2)
  union all select name, value from table_version where (select value from data_version where id = 1) <>`;

/**
 * The versions in the rows of that statement run with `known?.data` (or -1): without table rows, row 1 still
 * had the known value, whose tables the memo holds.
 */
export function versionsFromRows(rows: readonly Row<{ name: string }>[], known: DataVersions | null): DataVersions {
  const isCounter = (row: { name: string }) => row.name === '1' || row.name === '2';
  const counters = countersFromRows(rows.filter(isCounter).map((row) => ({ id: Number(row.name), value: row.value })));
  const tableRows = rows.filter((row) => !isCounter(row));
  const tables = tableRows.length > 0 || !known ? new Map(tableRows.map((row) => [row.name, Number(row.value)])) : known.tables;
  return { ...counters, tables };
}

/**
 * The versions of the last read, counters and tables as one consistent pair: the tables move only with
 * `data`, so a read that finds `data` unchanged takes them from here instead of reading them again.
 */
export class TableVersionsMemo {
  private last: DataVersions | null = null;

  get known(): DataVersions | null {
    return this.last;
  }

  /** Keeps the latest pair: a read that ends after a later one does not bring the memo back. */
  remember(versions: DataVersions): DataVersions {
    if (!this.last || versions.data >= this.last.data) this.last = versions;
    return versions;
  }
}
