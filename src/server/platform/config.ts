import type { DatabaseTarget } from './db/create-db.js';
import type { MailConfig } from './mail/mailer.js';
import { loadOidcConfig, type OidcConfig } from '../accounts/oidc.config.js';

export interface BrandConfig {
  /** Name shown in the header (the service). */
  name: string;
  tagline: string;
  /** The organisation running this instance, shown beside the service name. */
  organisation: string;
  logoUrl: string | null;
  /** The State brand block and Marianne font, only for deployments by authorised State entities. */
  stateBrand: boolean;
}

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseTarget;
  brand: BrandConfig;
  logLevel: string;
  clientDir: string;
  /** The address users reach the app at, for links in mails; https also makes cookies Secure. */
  publicUrl: string;
  mail: MailConfig;
  /** ProConnect-compatible OpenID Connect sign-in; null when OIDC_ISSUER is not set. */
  oidc: OidcConfig | null;
  /** How often each instance looks for due background jobs. */
  jobPollMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim();
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/$/, '');
  return {
    port: Number.parseInt(env.PORT ?? '3000', 10),
    host: env.HOST ?? '0.0.0.0',
    database: databaseUrl ? { databaseUrl } : { sqlitePath: env.SQLITE_PATH ?? 'data/pilote-ctg.sqlite' },
    brand: {
      name: env.BRAND_NAME ?? 'Pilote CTG',
      tagline: env.BRAND_TAGLINE ?? 'Conventions territoriales globales',
      organisation: env.BRAND_ORGANISATION ?? 'Caf des Hauts-de-Seine',
      logoUrl: env.BRAND_LOGO_URL ?? null,
      stateBrand: env.STATE_BRAND === '1' || env.STATE_BRAND === 'true',
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: env.CLIENT_DIR ?? 'dist/client',
    publicUrl,
    mail: { smtpUrl: env.SMTP_URL?.trim() || null, from: env.MAIL_FROM ?? 'Pilote CTG <ne-pas-repondre@pilote-ctg.localhost>' },
    oidc: loadOidcConfig(env, publicUrl),
    jobPollMs: Number.parseInt(env.JOB_POLL_MS ?? '1000', 10) || 1000,
  };
}

/** Where the database is, said without secrets (for logs and the CLI). */
export function describeDatabase(target: DatabaseTarget): string {
  if ('sqlitePath' in target) return `SQLite (${target.sqlitePath})`;
  const url = new URL(target.databaseUrl);
  return `PostgreSQL (${url.hostname}:${url.port || 5432}${url.pathname})`;
}
