// GeoReport v2 answers in the format the path names (`.json` or `.xml`), and errors as
// [{code, description}] / <errors><error>… on every Open311 route (the spec's error shape).
import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { AppError } from '../../core/errors/app-error.js';
import type { ErrorWriter } from '../../core/errors/http-exception.filter.js';
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
 * asked for: the global error filter writes every error under /open311/ with it (app.setup.ts), those
 * of the Open311 routes and those raised before a route is reached (a body too large, an unknown resource).
 */
export const writeGeoReportError: ErrorWriter = (body, req, res) => {
  const details = body.details?.length ? `（${body.details.map((d) => `${d.field ?? ''} ${d.message}`.trim()).join('；')}）` : '';
  send(res, formatOf(req), body.statusCode, [{ code: body.statusCode, description: `${body.message}${details}` }], 'errors', 'error');
};

