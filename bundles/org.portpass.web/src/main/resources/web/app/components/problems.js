// Turns a failed API call into what a page shows: a message beside each field and the error
// summary's list. Convention: the element id of a field is its API field path with "/" and "."
// replaced by "-" (lines/0/validTo → lines-0-validTo), so most screens need no mapping at all.
import { ApiError, NetworkError } from '../api.js';
import { t } from '../i18n.js';

export function fieldId(path) {
  return String(path).replace(/[/.[\]]+/g, '-').replace(/-$/, '');
}

/**
 * {fields: {apiPath: message}, summary: [{target, message}]}. ids optionally maps API paths to
 * element ids where the convention does not fit; labels optionally names fields in the summary.
 */
export function problemsOf(error, { ids = {}, labels = {} } = {}) {
  if (error instanceof NetworkError) {
    return { fields: {}, summary: [{ message: t('error.network') }] };
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
    return { fields: {}, summary: [{ message: t('error.unexpected') }] };
  }
  const fields = error.fieldErrors;
  const summary = [];
  for (const [path, message] of Object.entries(fields)) {
    const label = labels[path];
    summary.push({ target: ids[path] || fieldId(path), message: label ? `${label}: ${message}` : message });
  }
  if (summary.length === 0) {
    summary.push({ message: messageOf(error) });
  }
  return { fields, summary };
}

/** One sentence for an error that is not about a field. */
export function messageOf(error) {
  if (error instanceof NetworkError) return t('error.network');
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 429 && error.retryAfter) {
    return `${error.detail || error.title} ${t('error.retryAfter', { seconds: error.retryAfter })}`;
  }
  return error.detail || error.title || t('error.unexpected');
}
