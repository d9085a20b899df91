import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { AlertsController } from '../../modules/alerts/alerts.controller.js';
import { ApiKeyGuard } from '../../modules/alerts/api-keys.service.js';
import { AUTHENTICATED_KEY, AUTHORIZE_KEY, PUBLIC_KEY } from '../auth/access.decorators.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

interface Route {
  route: string;
  public: boolean;
  authorize: unknown;
  authenticated: boolean;
}

function listRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          route: `${Reflect.getMetadata(METHOD_METADATA, handler)} ${controller.name}.${name}`,
          public: meta(PUBLIC_KEY) === true,
          authorize: meta(AUTHORIZE_KEY),
          authenticated: meta(AUTHENTICATED_KEY) === true,
        });
      }
    }
  }
  return routes;
}

describe('route guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares @Public(), @Authenticated() or @Authorize() on every route', () => {
    const routes = listRoutes(t);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.public && !r.authorize && !r.authenticated).map((r) => r.route);
    expect(undeclared).toEqual([]);
  });

  it('keeps the public routes to login, refresh, health, public intake and device intake', () => {
    const publicRoutes = listRoutes(t)
      .filter((r) => r.public)
      .map((r) => r.route.split(' ')[1]);
    for (const r of publicRoutes) expect(r).toMatch(/^(AuthController\.(login|refresh)|HealthController\.health|Open311Controller\.\w+|AlertsController\.create)$/);
    // Devices have no login, but every alert needs a live API key.
    expect(Reflect.getMetadata(GUARDS_METADATA, AlertsController.prototype.create)).toEqual([ApiKeyGuard]);
  });
});
