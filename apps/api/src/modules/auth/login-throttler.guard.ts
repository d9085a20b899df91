import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppError } from '../../core/errors/app-error.js';

/** The username a login request is for, normalised (undefined when it names none). */
export const loginName = (req: { body?: unknown }): string | undefined => {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' && username ? username.toLowerCase().slice(0, 64) : undefined;
};

/** Limits login attempts per username and client address (10 a minute by default). */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const username = loginName(req) ?? '';
    return `${username}@${req.ip}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppError(429, 'too_many_requests', '登录尝试过于频繁，请一分钟后再试');
  }
}

