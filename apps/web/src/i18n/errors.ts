// The zh-CN catalogue of API errors lives with the workflow (libs/workflow error-messages.ts), so
// that the API answers in the same words the web shows. What reaches the screen is checked once
// more here: no English words or codes, whatever a server or a browser said.
import { ERROR_MESSAGES, statusMessage } from '@ecoloop/workflow';

export { ERROR_MESSAGES, statusMessage };

const HAN = /[\u4e00-\u9fff]/;
/** An English word (or a code such as made_up) inside a text. */
const LATIN_WORD = /[A-Za-z_]{3,}/;

/** A text fit to show as it is: Chinese, with no English words or codes in it. */
export function isChineseText(text: string): boolean {
  return HAN.test(text) && !LATIN_WORD.test(text.replace(/\b(?:API|PDF|Excel|Office|xlsx|URL|ID)\b/g, ''));
}

/** What a person reads for an API error: the catalogue by code, a Chinese server text, else the status text. */
export function errorMessage(status: number, code: string | undefined, serverMessage: string): string {
  if (code && ERROR_MESSAGES[code]) return ERROR_MESSAGES[code];
  if (isChineseText(serverMessage)) return serverMessage;
  return statusMessage(status);
}

/** What a person reads for any other failure (a thrown Error): its text when Chinese, else a Chinese summary. */
export function failureMessage(message: string | undefined): string {
  if (message && isChineseText(message)) return message;
  if (message && /Failed to fetch|NetworkError|Load failed|network/i.test(message)) return statusMessage(0);
  return '操作失败，请稍后重试';
}
