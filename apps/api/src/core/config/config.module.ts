import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { TimersConfig } from '../../modules/deadlines/timers.config.js';
import { NotifyConfig } from '../../modules/notifications/notify.config.js';
import { AppConfig } from './app-config.js';
import { appConfig, notifyConfig, timersConfig } from './configuration.js';

/** Each namespace injectable by its class, e.g. `constructor(private readonly config: AppConfig)`. */
const byClass = [
  { provide: AppConfig, inject: [appConfig.KEY], useFactory: (config: AppConfig) => config },
  { provide: TimersConfig, inject: [timersConfig.KEY], useFactory: (config: TimersConfig) => config },
  { provide: NotifyConfig, inject: [notifyConfig.KEY], useFactory: (config: NotifyConfig) => config },
];

@Global()
@Module({
  imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, load: [appConfig, timersConfig, notifyConfig] })],
  providers: byClass,
  exports: byClass.map((p) => p.provide),
})
export class ConfigModule {}
