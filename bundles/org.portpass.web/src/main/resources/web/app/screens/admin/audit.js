// The audit trail, newest first: who did what to which record and when, with the record before
// and after. Filters are the API's own (actor, action prefix, entity, period).
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { problemsOf } from '../../components/problems.js';
import { formatDateTime, addDays } from '../../dates.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { pager } from '../staff/common.js';

const SIZE = 50;
const FILTERS = ['actor', 'action', 'entityType', 'entityId'];

/** A local date (YYYY-MM-DD) as the instant its day starts here. */
function startOf(day) {
  return day ? new Date(`${day}T00:00:00`).toISOString() : null;
}

export class Audit extends Screen {
  static properties = { _filter: { state: true }, _result: { state: true }, _problems: { state: true } };

  constructor() {
    super();
    this._filter = {};
    this._page = 0;
    this._problems = { fields: {}, summary: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    this._filter = { ...(this.query || {}) };
    this.search();
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._page = 0;
    const f = this._filter;
    try {
      this._result = await api.get('/audit', {
        ...Object.fromEntries(FILTERS.map((k) => [k, (f[k] || '').trim()])),
        from: startOf(f.from),
        to: f.to ? startOf(addDays(f.to, 1)) : null,
        page: this._page,
        size: SIZE,
      });
      this._problems = { fields: {}, summary: [] };
    } catch (error) {
      this._problems = problemsOf(error, { labels: { from: t('audit.from'), to: t('audit.to') } });
    }
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  set(name, value) {
    this._filter = { ...this._filter, [name]: value };
  }

  render() {
    const r = this._result;
    const e = this._problems.fields;
    return html`${errorSummary(this._problems.summary)}
      <h1 class="heading-l">${t('audit.title')}</h1>
      <form class="search" role="search" id="audit-search" @submit=${(ev) => this.search(ev)}>
        ${FILTERS.map((k) => textField({ id: k, label: t(`audit.${k}`), width: 'medium', value: this._filter[k], error: e[k], onInput: (v) => this.set(k, v) }))}
        ${textField({ id: 'from', type: 'date', label: t('audit.from'), value: this._filter.from, error: e.from, onInput: (v) => this.set('from', v) })}
        ${textField({ id: 'to', type: 'date', label: t('audit.to'), value: this._filter.to, error: e.to, onInput: (v) => this.set('to', v) })}
        <button class="button" id="audit-search-submit" type="submit">${t('action.search')}</button>
      </form>
      ${!r
        ? nothing
        : r.items.length === 0
          ? html`<p class="body" id="no-events">${t('audit.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="events">
              <caption class="visually-hidden">${t('audit.title')}</caption>
              <thead><tr><th scope="col">${t('audit.at')}</th><th scope="col">${t('audit.actor')}</th><th scope="col">${t('audit.action')}</th><th scope="col">${t('audit.entity')}</th><th scope="col">${t('audit.change')}</th></tr></thead>
              <tbody>
                ${r.items.map(
                  (ev) => html`<tr class="event-row">
                    <td>${formatDateTime(ev.at)}</td>
                    <td>${ev.actor}${ev.clientAddress ? html`<br /><span class="secondary-text">${ev.clientAddress}</span>` : nothing}</td>
                    <td>${ev.action}</td>
                    <td>${ev.entityType} ${ev.entityId || ''}</td>
                    <td>${ev.before || ev.after
                      ? html`<details><summary>${t('audit.show')}</summary>
                          ${ev.before ? html`<p class="label">${t('audit.before')}</p><pre class="audit-value">${ev.before}</pre>` : nothing}
                          ${ev.after ? html`<p class="label">${t('audit.after')}</p><pre class="audit-value">${ev.after}</pre>` : nothing}
                        </details>`
                      : '–'}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>
            ${pager(r, (page) => {
              this._page = page;
              this.search();
            })}`}`;
  }
}
customElements.define('pp-admin-audit', Audit);
