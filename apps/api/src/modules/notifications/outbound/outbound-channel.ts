import type { NotifyChannelName } from '../notify.config.js';

/** One urgent message for people outside the app (1530 fast track): ids and text only. */
export interface OutboundMessage {
  /** `alert`: a short exceedance told to the enterprise's contact (DESIGN §10; no case). */
  kind: 'overdue' | 'reminder' | 'alert';
  caseId: string;
  caseCode: string;
  /** Short text, SMS-ready (Chinese). */
  text: string;
  /** The in-app recipients of the same message. */
  recipients: { userId: string; username: string; displayName: string }[];
  /** Phones outside the app the message is for (an enterprise's contact); the SMS channel sends to these instead of the duty phones. */
  phones?: readonly string[];
  at: string;
}

/**
 * Where outbound messages go: `log`, `webhook` or `sms` (NOTIFY_CHANNEL). `send` rejects when the
 * far end fails; callers send after their transaction has committed and log the failure.
 */
export interface OutboundChannel {
  readonly name: NotifyChannelName;
  send(message: OutboundMessage): Promise<void>;
}

export const OUTBOUND_CHANNEL = Symbol('OUTBOUND_CHANNEL');
