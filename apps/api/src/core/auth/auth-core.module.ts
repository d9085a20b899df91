import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { AuthGuard } from './auth.guard.js';
import { UserContextService } from './user-context.service.js';

/** Authentication for every route: JWT verification, the caller's context and ability. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [UserContextService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UserContextService],
})
export class AuthCoreModule {}
