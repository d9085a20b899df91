import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

/** PostgreSQL through TypeORM; the schema comes from migrations only (run at boot by main.ts). */
export const DatabaseModule = TypeOrmModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
});
