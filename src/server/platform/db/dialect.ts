import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const nowIso = (): string => new Date().toISOString();

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | boolean): boolean => value === 1 || value === true;

/** JSON arrays of strings kept as text. */
export const toJsonList = (values: readonly string[] | undefined | null): string => JSON.stringify(values ?? []);
export function fromJsonList(text: string | null): string[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** LIKE patterns from user text: wildcards are dropped so the text is matched literally on both engines. */
const literal = (text: string): string => text.replace(/[\\%_]/g, '');
export const likeContains = (text: string): string => `%${literal(text)}%`;
export const likePrefix = (text: string): string => `${literal(text)}%`;

/** Every word of the user's text must appear (in any order) in the normalised search column. */
export function searchWords(normalizedText: string): string[] {
  return normalizedText.split(' ').map(literal).filter((w) => w.length > 0).slice(0, 10);
}
