import type { ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of everything served (the web client at `/`, the API, OpenAPI docs).
 * Scripts only from this origin: access tokens live in localStorage, so an injected script would be
 * costly. Styles allow 'unsafe-inline' because Ant Design writes its CSS-in-JS into <style> tags;
 * images and previews may be blob:/data: URLs the client makes from fetched attachments.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Plain-HTTP deployments (a bureau's LAN) would break if requests were upgraded; HSTS covers TLS.
  upgradeInsecureRequests: null,
};

/** One year, as browsers' preload lists expect. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** helmet's middleware, built once: every header it sets is the same for every answer. */
const helmetHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});

/**
 * helmet with a strict CSP, frame-ancestors 'none' and X-Frame-Options DENY, Referrer-Policy
 * no-referrer, nosniff on every response; HSTS only on requests that arrived over TLS (directly or,
 * with TRUST_PROXY, as told by the proxy), since HSTS on plain HTTP is meaningless. Set on the Node
 * response, so that Fastify sends them with errors and 404s too.
 */
export function setSecurityHeaders(req: FastifyRequest, res: ServerResponse): void {
  // req.protocol weighs the proxy's word (an address check per request); without TLS on the socket or
  // a forwarded protocol it is http whatever the proxy settings, so it is not asked.
  if (((req.raw.socket as TLSSocket).encrypted || req.headers['x-forwarded-proto'] !== undefined) && req.protocol === 'https') {
    res.setHeader('Strict-Transport-Security', HSTS);
  }
  helmetHeaders(req.raw, res, () => undefined); // synchronous: it only sets headers
}

/**
 * The security headers on every request, from an `onRequest` hook. helmet itself, not @fastify/helmet,
 * which builds helmet's middleware again for every request.
 */
export function registerSecurityHeaders(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', (req, reply, done) => {
    setSecurityHeaders(req, reply.raw);
    done();
  });
}

/** Raster images may be shown inline; everything else (HTML, PDF, SVG with its scripts…) is downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif', 'image/heic']);

/** Content-Disposition of a stored file: inline only for a raster image, attachment otherwise. */
export function dispositionFor(mime: string, originalName: string): string {
  const kind = INLINE_TYPES.has(mime.toLowerCase()) ? 'inline' : 'attachment';
  return `${kind}; filename*=UTF-8''${encodeURIComponent(originalName)}`;
}

/** CSP of a served attachment: it can run nothing and load nothing, even if opened directly. */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
