import { createSecretKey, type KeyObject } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { AuthGuard, TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth.guard.js';
import { AuthUsersRepository } from './auth-users.repository.js';
import { SessionVersions } from './session-versions.js';
import { UserContextService } from './user-context.service.js';

const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Authentication for every route: JWT verification, the caller's context and ability. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every call.
        secretOrKeyProvider: () => secretKey(config.jwtSecret),
        signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
      }),
    }),
  ],
  providers: [AuthUsersRepository, UserContextService, SessionVersions, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UserContextService, SessionVersions],
})
export class AuthCoreModule {}
