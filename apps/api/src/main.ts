import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { configureApp, createHttpAdapter } from './app.setup.js';
import { runCluster } from './core/cluster.js';
import { AppConfig, ConfigError } from './core/config/app-config.js';
import { validateConfiguration } from './core/config/configuration.js';
import { runMigrations } from './core/database/migrate.js';
import { bootstrapData } from './modules/seed/bootstrap-data.js';

async function main(): Promise<void> {
  // Validate first, so a bad configuration stops the process with a clear message before anything starts.
  const settings = validateConfiguration();
  if (cluster.isPrimary && settings.apiProcesses > 1 && settings.role !== 'worker') {
    runCluster(settings.apiProcesses, settings.role);
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(settings), { bufferLogs: true });
  await configureApp(app);
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
  await app.init();
  // Every interface, as Express did (Fastify alone would listen on localhost only).
  await app.listen(config.port, '::').catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EAFNOSUPPORT' && err.code !== 'EADDRNOTAVAIL') throw err;
    return app.listen(config.port, '0.0.0.0'); // no IPv6 on this machine
  });
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
