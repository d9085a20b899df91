import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Secrets that ship in the repository and so must never be used in production. */
export const DEFAULT_DEV_SECRETS = ['dev-secret-change-me', 'test-secret'];

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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginRateLimitPerMinute = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
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
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: env.LOG_LEVEL || undefined,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}));
  if (config.isProduction) {
    if (config.jwtSecret && (DEFAULT_DEV_SECRETS.includes(config.jwtSecret) || config.jwtSecret.length < 32)) {
      problems.push('JWT_SECRET must be a non-default secret of at least 32 characters in production');
    }
    if (config.demoSeed) problems.push('DEMO_SEED is refused in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return Object.freeze(config);
}
