// Numbers, sizes, times and links as the page shows them, in the page's language.

import { language, t } from './i18n.js';

export function formatNumber(value, maximumFractionDigits = 0) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits }).format(value);
}

/** A byte count as "374 bytes", "12.3 kB" or "4.1 MB". */
export function formatBytes(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n)) return String(bytes ?? '');
  if (n < 1000) return t('bytes.b', { n: formatNumber(n) });
  if (n < 1_000_000) return t('bytes.kb', { n: formatNumber(n / 1000, 1) });
  return t('bytes.mb', { n: formatNumber(n / 1_000_000, 1) });
}

/** A moment as a medium date and short time in the reader's time zone. */
export function formatTime(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An http(s) URL resolved against base, or null: an answer cannot make the page link to javascript:. */
export function safeLink(href, base) {
  try {
    const url = new URL(String(href), `${base}/`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
