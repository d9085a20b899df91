import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppAction, AppSubject } from '@ecoloop/auth';
import type { RequestUser } from './request-user.js';

export const PUBLIC_KEY = 'ecoloop:public';
export const AUTHORIZE_KEY = 'ecoloop:authorize';
export const AUTHENTICATED_KEY = 'ecoloop:authenticated';

export interface AuthorizeRule {
  action: AppAction;
  subject: AppSubject;
}

/** The route needs no login (login, refresh, health, public intake). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Any logged-in user may call the route (their own profile, inbox); record checks stay in the service. */
export const Authenticated = () => SetMetadata(AUTHENTICATED_KEY, true);

/**
 * The route needs a login and the ability to do `action` on some `subject` of that type.
 * Record-level checks (jurisdiction, unit, sign-off level) happen in the service on the record.
 */
export const Authorize = (action: AppAction, subject: AppSubject) =>
  SetMetadata(AUTHORIZE_KEY, { action, subject } satisfies AuthorizeRule);

/** The authenticated user of the request (set by AuthGuard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: RequestUser }>();
  if (!req.user) throw new Error('CurrentUser used on a route without AuthGuard');
  return req.user;
});
