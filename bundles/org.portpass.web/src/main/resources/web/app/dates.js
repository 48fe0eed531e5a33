// Dates as people here know them: ISO dates (2026-12-01) with the Republic of China (民國)
// year beside them in Chinese; times in the local time zone.
import { currentLanguage } from './i18n.js';

const ROC_OFFSET = 1911;

/** "2026-12-01" → zh-TW "2026-12-01（民國 115 年 12 月 1 日）", en "1 Dec 2026 (2026-12-01)". */
export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y) return iso;
  if (currentLanguage() === 'zh-TW') {
    const roc = y > ROC_OFFSET ? `民國 ${y - ROC_OFFSET} 年 ${m} 月 ${d} 日` : '';
    return roc ? `${iso.slice(0, 10)}（${roc}）` : iso.slice(0, 10);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  const words = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${words}`;
}

/** A short form for tables: zh-TW "115/12/01", en "2026-12-01". */
export function formatShortDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (currentLanguage() === 'zh-TW' && Number(y) > ROC_OFFSET) {
    return `${iso.slice(0, 10)} (${Number(y) - ROC_OFFSET}/${m}/${d})`;
  }
  return iso.slice(0, 10);
}

/** An instant (ISO timestamp) as local date and time. */
export function formatDateTime(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString();
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** Today as YYYY-MM-DD in the local time zone. */
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus n days. */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
