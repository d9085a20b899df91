import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { AppConfig, ConfigError, loadConfig } from './core/config/app-config.js';
import { runMigrations } from './core/database/migrate.js';
import { loadTimersConfig } from './modules/deadlines/timers.config.js';
import { loadNotifyConfig } from './modules/notifications/notify.config.js';
import { bootstrapData } from './modules/seed/bootstrap-data.js';

async function main(): Promise<void> {
  // Validate first, so a bad configuration stops the process with a clear message before anything starts.
  loadConfig();
  loadTimersConfig();
  loadNotifyConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  const config = app.get(AppConfig);
  const db = app.get<DataSource>(getDataSourceToken());
  await runMigrations(db);
  await bootstrapData(app, config);
  if (config.role === 'worker') {
    // No HTTP: app.init() starts the deadline worker and reconciler; SIGTERM closes them (shutdown hooks).
    await app.init();
    console.log('EcoLoop worker started (deadline jobs and reconciler)');
    return;
  }
  await app.listen(config.port);
  console.log(`EcoLoop API listening on http://localhost:${config.port}`);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(err);
  process.exit(1);
});
