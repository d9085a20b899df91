import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppError } from '../../core/errors/app-error.js';

/** Limits login attempts per username and client address (10 a minute by default). */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const username = typeof req.body?.username === 'string' ? req.body.username.toLowerCase().slice(0, 64) : '';
    return `${username}@${req.ip}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppError(429, 'too_many_requests', 'Too many login attempts; try again in a minute');
  }
}

