// GeoReport v2 answers in the format the path names (`.json` or `.xml`), and errors as
// [{code, description}] / <errors><error>… on every Open311 route (the spec's error shape).
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { AppError } from '../../core/errors/app-error.js';
import { type ErrorWriter, sendError } from '../../core/errors/http-exception.filter.js';
import { pathOf } from '../../core/http/request-path.js';

export type Open311Format = 'json' | 'xml';

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false });

/** `air.open_burning.xml` → ['air.open_burning', 'xml']; a name without a known format is not a resource (404). */
export function splitFormat(file: string): [string, Open311Format] {
  const dot = file.lastIndexOf('.');
  const format = dot > 0 ? file.slice(dot + 1) : '';
  if (format !== 'json' && format !== 'xml') throw new AppError(HttpStatus.NOT_FOUND, 'not_found', '资源不存在（格式须为 .json 或 .xml）');
  return [file.slice(0, dot), format];
}

/** The format of the request's path (for answers and errors of routes without a file parameter). */
export function formatOf(req: Pick<FastifyRequest, 'url'>): Open311Format {
  return pathOf(req.url).endsWith('.xml') ? 'xml' : 'json';
}

/** null / undefined become empty elements; arrays of scalars inside an item are wrapped by the caller. */
function xmlValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(xmlValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, xmlValue(x)]));
  return v;
}

/** The XML document `<root><item>…</item>…</root>` (or `<root>…</root>` for one object) with the UTF-8 declaration. */
export function toXml(root: string, body: unknown, item?: string): string {
  const content = item ? { [item]: xmlValue(body) } : xmlValue(body);
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: content });
}

/**
 * Sends `json` as it is, or its XML form: `root`/`item` name the elements (services/service,
 * service_requests/request, …); `xml` may give a different shape where the XML nests lists
 * (<attributes><attribute>…, <formats><format>…).
 */
export function send(res: FastifyReply, format: Open311Format, status: number, json: unknown, root: string, item?: string, xml?: unknown): void {
  res.status(status);
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8').send(toXml(root, xml ?? json, item));
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(json));
  }
}

/**
 * An error as GeoReport v2 errors ([{code, description}] or <errors><error>…), in the format the path
 * asked for: on the Open311 routes (their filter) and on every other path under /open311/, for what
 * fails before a route is reached (a body too large or too deep, an unknown resource; app.setup.ts).
 */
export const writeGeoReportError: ErrorWriter = (body, req, res) => {
  const details = body.details?.length ? `（${body.details.map((d) => `${d.field ?? ''} ${d.message}`.trim()).join('；')}）` : '';
  send(res, formatOf(req), body.statusCode, [{ code: body.statusCode, description: `${body.message}${details}` }], 'errors', 'error');
};

/** Every error of the Open311 routes as GeoReport v2 errors. */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(exception, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), writeGeoReportError);
  }
}
