import { registerAs } from '@nestjs/config';
import { loadTimersConfig } from '../../modules/deadlines/timers.config.js';
import { loadNotifyConfig } from '../../modules/notifications/notify.config.js';
import { type AppConfig, loadConfig } from './app-config.js';

/**
 * The only place that reads the environment (DESIGN §2: configuration by environment only): one
 * @nestjs/config namespace per concern, each validated and frozen by its loader, which throws a
 * ConfigError listing every problem. Modules get them by constructor injection of AppConfig,
 * TimersConfig or NotifyConfig (config.module.ts).
 */
export const appConfig = registerAs('app', () => loadConfig(process.env, process.argv));
export const timersConfig = registerAs('timers', () => loadTimersConfig(process.env));
export const notifyConfig = registerAs('notify', () => loadNotifyConfig(process.env));

/**
 * Validates every namespace: main.ts calls it first, so a bad value stops the process before
 * anything starts. Returns the application's settings (main.ts decides on processes and role).
 */
export function validateConfiguration(): AppConfig {
  timersConfig();
  notifyConfig();
  return appConfig();
}

/** For the CLI (migrations, seeding), which needs the database and nothing else. */
export function databaseUrlFromEnvironment(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  return url;
}
