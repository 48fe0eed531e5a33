// Helpers the staff, desk and administration screens share: a reason box, the ports and stages an
// account works at, the submitted snapshot as label/value rows, progress of a batched operation.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n.js';

export const STAGES = [
  { stage: 'REVIEW', role: 'REVIEWER' },
  { stage: 'POLICE', role: 'POLICE' },
  { stage: 'SUPERVISOR', role: 'SUPERVISOR' },
];

/** A multi-line text field in the pattern of fields.js: label, hint, error, then the textarea. */
export function textareaField(o) {
  const described = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <label class="label" for="${o.id}">${o.label}</label>
    ${o.hint ? html`<div class="hint" id="${o.id}-hint">${o.hint}</div>` : nothing}
    ${o.error
      ? html`<p class="field-error" id="${o.id}-error"><span class="visually-hidden">${t('error.prefix')}</span>${o.error}</p>`
      : nothing}
    <textarea
      class="textarea"
      id="${o.id}"
      name="${o.id}"
      rows="${o.rows || 3}"
      .value=${live(o.value ?? '')}
      aria-invalid="${o.error ? 'true' : 'false'}"
      aria-describedby="${ifDefined(described || undefined)}"
      @input=${(e) => o.onInput && o.onInput(e.target.value)}
    ></textarea>
  </div>`;
}

/** The review queues an account may open: [{port, stage}] from its port roles and ports. */
export function queuesOf(account) {
  if (!account) return [];
  const queues = [];
  for (const port of account.ports || []) {
    for (const { stage, role } of STAGES) {
      if (account.roles.includes(role)) queues.push({ port, stage });
    }
  }
  return queues;
}

/** The ports an account runs card desks at. */
export function deskPortsOf(account) {
  return account && account.roles.includes('CARD_DESK') ? account.ports || [] : [];
}

/**
 * The subject as submitted: the snapshot is the registry record's text form,
 * "Person[id=3, companyId=1, nameZh=王小明, ...]", read back into [[name, value]] rows.
 */
export function snapshotRows(snapshot) {
  if (!snapshot) return [];
  const match = /^\w+\[(.*)\]$/s.exec(snapshot.trim());
  if (!match) return [['', snapshot]];
  const rows = [];
  // split at ", name=" so that values holding commas stay whole
  for (const part of match[1].split(/, (?=\w+=)/)) {
    const at = part.indexOf('=');
    rows.push(at < 0 ? ['', part] : [part.slice(0, at), part.slice(at + 1)]);
  }
  return rows;
}

/** The registry id of the submitted subject (the snapshot's id), or null. */
export function subjectIdOf(snapshot) {
  const id = snapshotRows(snapshot).find(([name]) => name === 'id');
  return id && /^\d+$/.test(id[1]) ? Number(id[1]) : null;
}

/** A progress bar with "done of total" for an operation run in batches. */
export function progressBar(id, progress) {
  if (!progress) return nothing;
  return html`<div class="field" id="${id}">
    <label class="label" for="${id}-bar">${t('staff.progress', { done: progress.done, total: progress.total })}</label>
    <progress id="${id}-bar" max="${progress.total}" .value=${progress.done}></progress>
  </div>`;
}

/** A result page with previous/next links; go(page) loads another page. */
export function pager(result, go) {
  if (!result || result.total <= result.size) return nothing;
  const pages = Math.ceil(result.total / result.size);
  return html`<nav class="pagination" aria-label="${t('list.pages')}">
    ${result.page > 0 ? html`<button class="link-button" @click=${() => go(result.page - 1)}>${t('list.previous')}</button>` : nothing}
    <span>${t('list.page', { page: result.page + 1, pages })}</span>
    ${result.page + 1 < pages ? html`<button class="link-button" @click=${() => go(result.page + 1)}>${t('list.next')}</button>` : nothing}
  </nav>`;
}
