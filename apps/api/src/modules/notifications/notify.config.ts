import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '../../core/config/app-config.js';

export const NOTIFY_CHANNELS = ['log', 'webhook', 'sms'] as const;
export type NotifyChannelName = (typeof NOTIFY_CHANNELS)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
const HTTP_URL = /^https?:\/\/\S+$/;

/**
 * The outbound channel for urgent messages (1530 fast track overdue and reminders), read from the
 * environment once and validated; in-app notifications need no configuration.
 */
export class NotifyConfig {
  /** NOTIFY_CHANNEL: log (default: the message goes to the log), webhook, or sms. */
  @IsIn(NOTIFY_CHANNELS) channel: NotifyChannelName = 'log';

  /** NOTIFY_WEBHOOK_URL: POSTed a JSON message (channel webhook). */
  @IsOptional() @IsString() @Matches(HTTP_URL, { message: 'NOTIFY_WEBHOOK_URL must be an http(s) URL' }) webhookUrl?: string;

  /** SMS_GATEWAY_URL: POSTed {phone, text} once per phone (channel sms). */
  @IsOptional() @IsString() @Matches(HTTP_URL, { message: 'SMS_GATEWAY_URL must be an http(s) URL' }) smsGatewayUrl?: string;

  /** NOTIFY_SMS_TO: comma-separated duty phone numbers that receive the SMS. */
  @Transform(toList) @IsString({ each: true }) @Matches(/^\+?[0-9-]{5,20}$/, { each: true, message: 'NOTIFY_SMS_TO must be phone numbers, comma-separated' })
  smsTo: string[] = [];

  /** NOTIFY_TIMEOUT_MS: an outbound request slower than this is abandoned (and logged). */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) timeoutMs = 5000;
}

export function loadNotifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const raw: Record<string, unknown> = {
    channel: env.NOTIFY_CHANNEL,
    webhookUrl: env.NOTIFY_WEBHOOK_URL,
    smsGatewayUrl: env.SMS_GATEWAY_URL,
    smsTo: env.NOTIFY_SMS_TO,
    timeoutMs: env.NOTIFY_TIMEOUT_MS,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined || raw[key] === '') delete raw[key];
  const config = plainToInstance(NotifyConfig, raw);
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}));
  if (config.channel === 'webhook' && !config.webhookUrl) problems.push('NOTIFY_CHANNEL=webhook needs NOTIFY_WEBHOOK_URL');
  if (config.channel === 'sms' && !config.smsGatewayUrl) problems.push('NOTIFY_CHANNEL=sms needs SMS_GATEWAY_URL');
  if (config.channel === 'sms' && config.smsTo.length === 0) problems.push('NOTIFY_CHANNEL=sms needs NOTIFY_SMS_TO (the duty phone numbers)');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return Object.freeze(config);
}
