/**
 * `data`: moves on with every committed write to a cached table (triggers, migrations 20261129020000 and
 * 20261129060000); `callers`: only with the writes that change who a caller is or what they may do
 * (20261129080000, ADR 0021).
 */
export interface DataVersions {
  data: number;
  callers: number;
}

/** The two counters of `data_version` (rows 1 and 2), read by one statement. */
export function versionsFromRows(rows: readonly { id: number | bigint; value: number | bigint }[]): DataVersions {
  const value = (id: number) => rows.find((row) => Number(row.id) === id)?.value;
  const data = value(1);
  const callers = value(2);
  if (data === undefined || callers === undefined) throw new Error('data_version : ligne absente');
  return { data: Number(data), callers: Number(callers) };
}
