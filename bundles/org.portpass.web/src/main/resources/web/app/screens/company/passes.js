// The company's passes (通行證): number, person or vehicle, ports, validity, state and card;
// filter by port, state and "valid on" a day.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { selectField, textField, banner } from '../../components/fields.js';
import { textareaField } from '../staff/common.js';
import { statusTag, portName } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDate } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { ports as loadPorts } from '../../ports.js';
import { pagination } from './persons.js';
import * as api from '../../api.js';

const STATUSES = ['PENDING_CARD', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'SEIZED', 'EXPIRED'];
// a pass the company may still revoke (註銷): not yet withdrawn or over
const REVOCABLE = new Set(['PENDING_CARD', 'ACTIVE', 'SUSPENDED']);

export class Passes extends Screen {
  static properties = {
    _filter: { state: true },
    _result: { state: true },
    _ports: { state: true },
    _error: { state: true },
    _revoking: { state: true },
    _reason: { state: true },
    _reasonError: { state: true },
    _done: { state: true },
  };

  constructor() {
    super();
    this._filter = { port: '', status: '', validOn: '', page: 0 };
    this._ports = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    this._ports = await loadPorts().catch(() => []);
    this.search();
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._filter = { ...this._filter, page: 0 };
    try {
      this._result = await api.get('/passes', { companyId: currentAccount().companyId, ...this._filter, size: 50 });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  startRevoking(pass) {
    this._revoking = pass;
    this._reason = '';
    this._reasonError = null;
    this._done = null;
  }

  async revoke(event) {
    event.preventDefault();
    const pass = this._revoking;
    try {
      await api.post(`/passes/${encodeURIComponent(pass.number)}/revoke`, { reason: this._reason });
      this._revoking = null;
      this._done = t('passes.revoked', { number: pass.number });
      this.search();
    } catch (error) {
      this._reasonError = error.fieldErrors?.reason || messageOf(error);
    }
  }

  updated(changed) {
    // the form and the answer are above the list: bring them into view
    if (changed.has('_revoking') && this._revoking) this.querySelector('#revoke-reason')?.focus();
    if (changed.has('_done') && this._done) this.querySelector('.banner')?.scrollIntoView({ block: 'center' });
  }

  renderRevoke() {
    const pass = this._revoking;
    if (!pass) return nothing;
    return html`<form novalidate class="narrow panel" id="revoke-form" @submit=${(e) => this.revoke(e)}>
      <h2 class="heading-m">${t('passes.revokeTitle', { number: pass.number })}</h2>
      <p class="body">${t('passes.revokeHint')}</p>
      ${textareaField({ id: 'revoke-reason', label: t('passes.revokeReason'), value: this._reason, error: this._reasonError, onInput: (v) => (this._reason = v) })}
      <button class="button button--warning" id="revoke-confirm" type="submit">${t('passes.revokeConfirm')}</button>
      <button class="button button--secondary" id="revoke-cancel" type="button" @click=${() => (this._revoking = null)}>${t('passes.cancel')}</button>
    </form>`;
  }

  set(field, value) {
    this._filter = { ...this._filter, [field]: value };
  }

  render() {
    const r = this._result;
    return html`<h1 class="heading-l">${t('passes.title')}</h1>
      <p class="body">${t('passes.intro')}</p>
      <form class="search" @submit=${(e) => this.search(e)}>
        ${selectField({ id: 'filter-port', label: t('passes.port'), value: this._filter.port, empty: t('passes.allPorts'), options: this._ports.map((p) => ({ value: p.code, label: portName(this._ports, p.code) })), onChange: (v) => this.set('port', v) })}
        ${selectField({ id: 'filter-status', label: t('passes.status'), value: this._filter.status, empty: t('passes.allStatuses'), options: STATUSES.map((s) => ({ value: s, label: tEnum('PassStatus', s) })), onChange: (v) => this.set('status', v) })}
        ${textField({ id: 'filter-validOn', label: t('passes.validOn'), type: 'date', value: this._filter.validOn, onInput: (v) => this.set('validOn', v) })}
        <button class="button button--secondary" id="filter-passes" type="submit">${t('passes.filter')}</button>
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${banner(this._done)} ${this.renderRevoke()}
      ${!r
        ? this._error ? nothing : html`<p class="body">${t('app.loading')}</p>`
        : r.items.length === 0
          ? html`<p class="body" id="no-passes">${t('passes.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="passes">
              <caption class="visually-hidden">${t('passes.title')}</caption>
              <thead><tr><th scope="col">${t('passes.number')}</th><th scope="col">${t('wizard.subject')}</th><th scope="col">${t('forms.passType')}</th><th scope="col">${t('wizard.accessPorts')}</th><th scope="col">${t('passes.validity')}</th><th scope="col">${t('passes.status')}</th><th scope="col">${t('passes.card')}</th><th scope="col"><span class="visually-hidden">${t('passes.revoke')}</span></th></tr></thead>
              <tbody>
                ${r.items.map(
                  (p) => html`<tr>
                    <td class="pass-number">${p.number}</td>
                    <td>${tEnum('SubjectKind', p.subjectKind)}：${p.subjectLabel}</td>
                    <td>${tEnum('PassType', p.passType)}</td>
                    <td>${(p.accessPorts || []).map((c) => portName(this._ports, c)).join('、')}</td>
                    <td>${formatDate(p.validFrom)} –<br />${formatDate(p.validTo)}</td>
                    <td>${statusTag('PassStatus', p.status)}${p.statusReason ? html`<br /><span class="secondary-text">${p.statusReason}</span>` : nothing}</td>
                    <td>${p.card ? statusTag('CardStatus', p.card.status) : '—'}${p.collectedBy ? html`<br /><span class="secondary-text">${t('passes.collectedBy', { name: p.collectedBy })}</span>` : nothing}</td>
                    <td>${REVOCABLE.has(p.status) ? html`<button class="button button--secondary button--small" id="revoke-${p.number}" type="button" @click=${() => this.startRevoking(p)}>${t('passes.revoke')}</button>` : nothing}</td>
                  </tr>`,
                )}
              </tbody></table></div>
            ${pagination(r, (page) => {
              this._filter = { ...this._filter, page };
              this.search();
            })}`}`;
  }
}

customElements.define('pp-passes', Passes);
