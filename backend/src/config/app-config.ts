import { isIP } from 'node:net';
import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

/** A proxy address or CIDR range (`10.0.0.1`, `10.0.0.0/8`, `fd00::/8`). */
const isProxyAddress = (s: string): boolean => {
  const [ip, bits, more] = s.split('/');
  const family = isIP(ip ?? '');
  if (!family || more !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
/**
 * CC_TRUST_PROXY: unset/`0` → trust no proxy (the socket's address is the client's); a number →
 * that many proxy hops; else a comma-separated list of proxy addresses/CIDRs. Anything else is
 * left as the string it was, so validation names it.
 */
const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '' || value === '0' || value === false) return false;
  if (typeof value !== 'string') return value;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value.split(',').map((s) => s.trim());
  return list.every(isProxyAddress) ? list : value;
};
const TRUST_PROXY_MESSAGE =
  'CC_TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses/CIDRs';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const FLAGS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };
/** `1`/`true`/`0`/`false`; anything else is left as is so validation names it. */
const toFlag = ({ value }: { value: unknown }) => (typeof value === 'string' && value in FLAGS ? FLAGS[value] : value);

/**
 * Every environment variable the backend reads (the table in api.md), validated once at start.
 * Read it through the injected `AppConfig`, never through `process.env`.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test']) NODE_ENV: string = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsOptional() @IsString() @MinLength(1) DATABASE_URL?: string;
  /**
   * Where the embedded database keeps its files (an addition to api.md). Default: `.data/` in the
   * directory npm was started from (INIT_CWD), so `npm start` at the root keeps it at the root.
   */
  @IsString() CC_DATA_DIR: string = join(process.env.INIT_CWD ?? process.cwd(), '.data');
  @IsOptional() @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false }) SMTP_URL?: string;
  @IsString() MAIL_FROM: string = 'CustomerConnect <no-reply@localhost>';
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'CC_PLATFORM_ADMIN_TOKEN must be at least 24 characters' })
  CC_PLATFORM_ADMIN_TOKEN?: string;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) PUBLIC_URL?: string;
  @Transform(toInt) @IsInt() @Min(10) CC_JOBS_INTERVAL_MS: number = 15000;
  @Transform(toInt) @IsInt() @Min(1) CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: number = 60;
  @Transform(toInt) @IsInt() @Min(1) CC_RATE_LIMIT_PER_SECOND: number = 100;
  @IsOptional() @IsBase64() CC_ENCRYPTION_KEY?: string;
  @Transform(toTrustProxy)
  @ValidateBy({
    name: 'trustProxy',
    validator: { validate: (v) => typeof v !== 'string', defaultMessage: () => TRUST_PROXY_MESSAGE },
  })
  CC_TRUST_PROXY: false | number | string[] = false;
  /** `1`: webhook URLs may point at loopback, private and other special-purpose addresses (development, tests). */
  @Transform(toFlag)
  @IsBoolean({ message: 'CC_WEBHOOKS_ALLOW_PRIVATE must be 0 or 1' })
  CC_WEBHOOKS_ALLOW_PRIVATE: boolean = false;
  @IsOptional() @Transform(toFlag) @IsBoolean({ message: 'CC_SEED_DEMO must be 0 or 1' }) CC_SEED_DEMO?: boolean;
  /** `1`: production may run on the embedded database (a single-machine install). */
  @Transform(toFlag)
  @IsBoolean({ message: 'CC_ALLOW_EMBEDDED_DB must be 0 or 1' })
  CC_ALLOW_EMBEDDED_DB: boolean = false;
  /** The bearer token `GET /metrics` asks for (unset: open outside production, 404 in production). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'CC_METRICS_TOKEN must be at least 16 characters' })
  CC_METRICS_TOKEN?: string;
  /** `0` turns the in-process worker off (tests drive it by hand). */
  @Transform(toFlag) @IsBoolean({ message: 'CC_WORKER must be 0 or 1' }) CC_WORKER: boolean = true;
  @IsIn(['debug', 'log', 'warn', 'error']) CC_LOG_LEVEL: string = 'log';
  /** Node processes serving the one port (node:cluster); default the number of cores; 1 with PGlite. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(256) CC_WORKERS?: number;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get embedded(): boolean {
    return !this.DATABASE_URL;
  }
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }
  /** Never in production (whose start refuses CC_SEED_DEMO=1): the demo merchant's login is public. */
  get seedDemo(): boolean {
    return !this.isProduction && (this.CC_SEED_DEMO ?? this.embedded);
  }
  /** The demo merchant's site at `/` (with its demo login on the page): never in production. */
  get demoSite(): boolean {
    return !this.isProduction;
  }
}

export class ConfigError extends Error {}

/** What production refuses to start without (each missing one named), and what it refuses to run. */
function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (!config.DATABASE_URL && !config.CC_ALLOW_EMBEDDED_DB)
    problems.push(
      '  DATABASE_URL: required when NODE_ENV=production (or CC_ALLOW_EMBEDDED_DB=1 for the embedded database)',
    );
  if (!config.SMTP_URL) problems.push('  SMTP_URL: required when NODE_ENV=production (mail must reach people)');
  if (!config.CC_ENCRYPTION_KEY)
    problems.push('  CC_ENCRYPTION_KEY: required when NODE_ENV=production (32 bytes, base64)');
  if (config.CC_SEED_DEMO)
    problems.push('  CC_SEED_DEMO: the demo merchant (with a published login) is never created in production');
  return problems;
}

/** Builds the config from an environment, or throws one error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, set, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = errors.map(
    (e) => `  ${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (config.isProduction) problems.push(...productionProblems(config));
  if (config.CC_ENCRYPTION_KEY && Buffer.from(config.CC_ENCRYPTION_KEY, 'base64').length !== 32) {
    problems.push('  CC_ENCRYPTION_KEY: must decode to exactly 32 bytes');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return config;
}
