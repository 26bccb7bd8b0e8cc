import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link, a session or an API token; only its hash is stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const addMinutes = (minutes: number, from = new Date()): string => new Date(from.getTime() + minutes * 60_000).toISOString();
