import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Secrets that ship in the repository (scripts, tests, benchmarks) and so must never be used in production. */
export const DEFAULT_DEV_SECRETS = [
  'dev-secret-change-me',
  'test-secret',
  'ecoloop-dev-only-secret-do-not-use-in-production',
  'ecoloop-test-only-jwt-secret',
  'ecoloop-bench-only-jwt-secret',
];

/** Shapes of shipped placeholder secrets, so a renamed default (e.g. in a new script) is refused too. */
const SHIPPED_SECRET_SHAPES = [/(dev|test|bench|demo|example)[-_ ]?only/i, /do[-_ ]?not[-_ ]?use/i, /change[-_ ]?me/i, /^ecoloop-/i];

/** True for a secret that ships with the repository or looks like one of its placeholders. */
export function isShippedSecret(secret: string): boolean {
  return DEFAULT_DEV_SECRETS.includes(secret) || SHIPPED_SECRET_SHAPES.some((re) => re.test(secret));
}

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * The process configuration: read once from the environment, validated, then frozen.
 * The process refuses to start on a bad value (DESIGN §2: configuration by environment only).
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  databaseUrl!: string;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  redisUrl!: string;

  /** Key prefix for everything this deployment puts into Redis (queues, throttling). */
  @IsString()
  @IsNotEmpty()
  redisPrefix = 'ecoloop';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  port = 3000;

  @IsString()
  @IsNotEmpty()
  jwtSecret!: string;

  /** Access tokens are short-lived; refresh tokens rotate. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  accessTokenTtlSeconds = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  refreshTokenTtlSeconds = 7 * 24 * 3600;

  @IsString()
  @IsNotEmpty()
  storageDir = '.data/storage';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  attachmentMaxBytes = 20 * 1024 * 1024;

  @Transform(toBool)
  @IsBoolean()
  demoSeed = false;

  /** How many demo cases DEMO_SEED creates in an empty database. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  demoCases = 300;

  /** Directory of the built web client served at `/`; absent → API only. */
  @IsOptional()
  @IsString()
  webDist?: string;

  @IsIn(['all', 'api', 'worker'])
  role: 'all' | 'api' | 'worker' = 'all';

  /**
   * HTTP processes this instance runs on its port (node:cluster): one serves one core, so set it to
   * the cores the API may use. The first process has `role`; the others serve HTTP only (`api`).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  apiProcesses = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginRateLimitPerMinute = 10;

  /**
   * Login attempts from one client address a minute, whatever the usernames (then a 5-minute block).
   * Unset: 3 × LOGIN_RATE_LIMIT_PER_MINUTE (30 by default).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginIpRateLimitPerMinute = 30;

  /**
   * Login attempts for one username a minute, whatever the addresses (then a 2-minute block).
   * Unset: 2 × LOGIN_RATE_LIMIT_PER_MINUTE (20 by default).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginUserRateLimitPerMinute = 20;

  /** Attachments one user may upload an hour (then 429); a client address may upload 3 × as many. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  uploadQuotaPerHour = 300;

  /**
   * Which proxy hops' X-Forwarded-For / -Proto to believe, so that rate limits see
   * the real client and HSTS sees TLS. `loopback` (default), `false`, `true`, a hop count, or a
   * comma-separated list of addresses/subnets (e.g. `10.0.0.0/8`).
   */
  @Transform(({ value }: { value: unknown }) => parseTrustProxy(value))
  trustProxy: boolean | number | string = 'loopback';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  /** Open311 `jurisdiction_id` of this deployment (its website's domain, as GeoReport v2 suggests); it means the whole city. */
  @Matches(/^[a-z0-9.-]{3,64}$/, { message: 'OPEN311_JURISDICTION_ID must be a domain name such as jiaxing.gov.cn' })
  open311JurisdictionId = 'jiaxing.gov.cn';

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export class ConfigError extends Error {}

/** TRUST_PROXY → Express's `trust proxy` value. */
export function parseTrustProxy(value: unknown): boolean | number | string | undefined {
  if (value === undefined || value === '' || typeof value !== 'string') return value as undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === 'none') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

/** Reads and validates `env` (and `--role=` in argv). Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[]): AppConfig {
  const roleArg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  const raw: Record<string, unknown> = {
    nodeEnv: env.NODE_ENV || undefined,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX || undefined,
    port: env.PORT,
    jwtSecret: env.JWT_SECRET,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    storageDir: env.STORAGE_DIR || undefined,
    attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
    demoSeed: env.DEMO_SEED,
    demoCases: env.DEMO_CASES,
    webDist: env.WEB_DIST || undefined,
    role: roleArg ?? (env.APP_ROLE || undefined),
    apiProcesses: env.API_PROCESSES || undefined,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginIpRateLimitPerMinute: env.LOGIN_IP_RATE_LIMIT_PER_MINUTE,
    loginUserRateLimitPerMinute: env.LOGIN_USER_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    uploadQuotaPerHour: env.UPLOAD_QUOTA_PER_HOUR,
    logLevel: env.LOG_LEVEL || undefined,
    open311JurisdictionId: env.OPEN311_JURISDICTION_ID || undefined,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  const config = plainToInstance(AppConfig, raw);
  // The wider login limits follow the per (username, address) one unless set themselves.
  if (raw.loginIpRateLimitPerMinute === undefined) config.loginIpRateLimitPerMinute = 3 * config.loginRateLimitPerMinute;
  if (raw.loginUserRateLimitPerMinute === undefined) config.loginUserRateLimitPerMinute = 2 * config.loginRateLimitPerMinute;
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}));
  if (config.isProduction) {
    if (config.jwtSecret && (isShippedSecret(config.jwtSecret) || config.jwtSecret.length < 32)) {
      problems.push('JWT_SECRET must be a non-default secret of at least 32 characters in production');
    }
    if (config.demoSeed) problems.push('DEMO_SEED is refused in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return Object.freeze(config);
}
