import { Logger } from '@nestjs/common';
import type { NotifyConfig } from '../notify.config.js';
import { postJson } from './http-post.js';
import type { OutboundChannel, OutboundMessage } from './outbound-channel.js';

/** Default driver: the message goes to the application log. */
export class LogChannel implements OutboundChannel {
  readonly name = 'log' as const;
  private readonly logger = new Logger('Outbound');

  async send(message: OutboundMessage): Promise<void> {
    const to = [...message.recipients.map((r) => r.username), ...(message.phones ?? [])];
    this.logger.log(`[${message.kind}] ${message.text} → ${to.join(', ') || '(no recipients)'}`);
  }
}

/** POSTs the whole message as JSON to NOTIFY_WEBHOOK_URL (e.g. a DingTalk / WeCom robot relay). */
export class WebhookChannel implements OutboundChannel {
  readonly name = 'webhook' as const;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  send(message: OutboundMessage): Promise<void> {
    return postJson(this.url, message, this.timeoutMs);
  }
}

/** POSTs {phone, text} to SMS_GATEWAY_URL once per phone of the message, or per duty phone (NOTIFY_SMS_TO). */
export class SmsChannel implements OutboundChannel {
  readonly name = 'sms' as const;

  constructor(
    private readonly gatewayUrl: string,
    private readonly phones: readonly string[],
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutboundMessage): Promise<void> {
    const phones = message.phones?.length ? message.phones : this.phones;
    const results = await Promise.allSettled(phones.map((phone) => postJson(this.gatewayUrl, { phone, text: message.text }, this.timeoutMs)));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length) {
      throw new Error(`SMS to ${failed.length} of ${phones.length} phones failed: ${failed.map((f) => (f.reason as Error).message).join('; ')}`);
    }
  }
}

/** The driver NOTIFY_CHANNEL names (validated by loadNotifyConfig). */
export function createOutboundChannel(config: NotifyConfig): OutboundChannel {
  switch (config.channel) {
    case 'webhook':
      return new WebhookChannel(config.webhookUrl!, config.timeoutMs);
    case 'sms':
      return new SmsChannel(config.smsGatewayUrl!, config.smsTo, config.timeoutMs);
    default:
      return new LogChannel();
  }
}
