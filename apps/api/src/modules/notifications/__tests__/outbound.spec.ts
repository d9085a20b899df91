import { Logger } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../../core/config/app-config.js';
import { NotificationsService } from '../notifications.service.js';
import type { NotificationsRepository } from '../notifications.repository.js';
import { loadNotifyConfig } from '../notify.config.js';
import { createOutboundChannel, LogChannel, SmsChannel, WebhookChannel } from '../outbound/channels.js';
import type { OutboundMessage } from '../outbound/outbound-channel.js';

/** A local HTTP server standing in for the webhook receiver and the SMS gateway (no network). */
async function startServer(answer: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.writeHead(200).end('ok')) {
  const received: { method?: string; path?: string; contentType?: string; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, contentType: req.headers['content-type'], body: JSON.parse(body) });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const message: OutboundMessage = {
  kind: 'overdue',
  caseId: '00000000-0000-4000-8000-000000000001',
  caseCode: 'JX-2026-000001',
  text: '【1530超期】JX-2026-000001 凤桥镇秸秆焚烧：交办期限 2026-11-23 18:05 已过',
  recipients: [{ userId: '00000000-0000-4000-8000-000000000002', username: 'dispatcher.nanhu', displayName: '南湖分局调度员' }],
  at: '2026-11-23T10:06:00.000Z',
};

describe('outbound channels', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('webhook: POSTs the message as JSON', async () => {
    const s = await startServer();
    try {
      await new WebhookChannel(`${s.url}/robot?x=1`, 2000).send(message);
      expect(s.received).toEqual([{ method: 'POST', path: '/robot?x=1', contentType: 'application/json; charset=utf-8', body: message }]);
    } finally {
      await s.close();
    }
  });

  it('sms: POSTs {phone, text} once per duty phone', async () => {
    const s = await startServer();
    try {
      await new SmsChannel(`${s.url}/sms`, ['13800000001', '13800000002'], 2000).send(message);
      expect(s.received.map((r) => r.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
        { phone: '13800000001', text: message.text },
        { phone: '13800000002', text: message.text },
      ]);
      expect(s.received.every((r) => r.path === '/sms' && r.method === 'POST')).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('rejects on an error status or a timeout, and the service only logs it', async () => {
    const failing = await startServer((_, res) => res.writeHead(502).end());
    const silent = await startServer(() => undefined); // never answers
    try {
      await expect(new WebhookChannel(failing.url, 2000).send(message)).rejects.toThrow(/502/);
      await expect(new SmsChannel(failing.url, ['13800000001'], 2000).send(message)).rejects.toThrow(/SMS to 1 of 1/);
      await expect(new WebhookChannel(silent.url, 300).send(message)).rejects.toThrow(/timed out/);
      await expect(new WebhookChannel('http://127.0.0.1:9/', 2000).send(message)).rejects.toThrow();

      const service = new NotificationsService({} as NotificationsRepository, new WebhookChannel(failing.url, 2000));
      await expect(service.sendOutbound([message, message])).resolves.toBeUndefined();
      expect(failing.received.length).toBe(4);
    } finally {
      await failing.close();
      await silent.close();
    }
  });

  it('is chosen and validated by NOTIFY_CHANNEL', () => {
    expect(createOutboundChannel(loadNotifyConfig({}))).toBeInstanceOf(LogChannel);
    expect(createOutboundChannel(loadNotifyConfig({ NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:1/x' }))).toBeInstanceOf(WebhookChannel);
    const sms = loadNotifyConfig({ NOTIFY_CHANNEL: 'sms', SMS_GATEWAY_URL: 'https://sms.example/send', NOTIFY_SMS_TO: '13800000001, 13800000002' });
    expect(sms.smsTo).toEqual(['13800000001', '13800000002']);
    expect(createOutboundChannel(sms)).toBeInstanceOf(SmsChannel);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNEL: 'webhook' })).toThrow(ConfigError);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNEL: 'sms', SMS_GATEWAY_URL: 'https://sms.example/send' })).toThrow(/NOTIFY_SMS_TO/);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNEL: 'pigeon' })).toThrow(ConfigError);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: 'ftp://x' })).toThrow(/http/);
  });
});
