// Customer service: every company, searched by name or tax ID; verify a company awaiting
// verification (its accounts may then submit forms); create a company.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, banner } from '../../components/fields.js';
import { statusTag } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDateTime } from '../../dates.js';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { pager } from '../staff/common.js';

const SIZE = 50;

export class Companies extends Screen {
  static properties = { _q: { state: true }, _result: { state: true }, _done: { state: true }, _errors: { state: true }, _error: { state: true } };

  constructor() {
    super();
    this._q = '';
    this._page = 0;
    this._errors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.query?.created) this._done = t('companies.created', { name: this.query.created });
    this.search();
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._page = 0;
    try {
      this._result = await api.get('/companies', { q: this._q.trim(), page: this._page, size: SIZE });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async verify(company) {
    this._done = null;
    try {
      await api.post(`/companies/${company.id}/verify`);
      this._errors = { ...this._errors, [company.id]: null };
      await this.search(); // the new status first, then the message about it
      this._done = t('companies.verified', { name: company.name });
    } catch (error) {
      this._errors = { ...this._errors, [company.id]: messageOf(error) };
    }
  }

  render() {
    const r = this._result;
    return html`<h1 class="heading-l">${t('companies.title')}</h1>
      ${banner(this._done)}
      <a class="button" id="add-company" href="#/admin/companies/new">${t('companies.add')}</a>
      <form class="search" role="search" @submit=${(e) => this.search(e)}>
        ${textField({ id: 'company-search', label: t('companies.search'), hint: t('companies.searchHint'), value: this._q, onInput: (v) => (this._q = v) })}
        <button class="button button--secondary" id="company-search-submit" type="submit">${t('action.search')}</button>
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${!r
        ? html`<p class="body">${t('app.loading')}</p>`
        : r.items.length === 0
          ? html`<p class="body" id="no-companies">${t('companies.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="companies">
              <caption class="visually-hidden">${t('companies.title')}</caption>
              <thead><tr><th scope="col">${t('companies.name')}</th><th scope="col">${t('companies.taxId')}</th><th scope="col">${t('companies.status')}</th><th scope="col">${t('companies.action')}</th></tr></thead>
              <tbody>
                ${r.items.map(
                  (c) => html`<tr class="company-row" data-tax-id="${c.taxId}">
                    <td>${c.name}${c.nameEn ? html`<br /><span class="secondary-text">${c.nameEn}</span>` : nothing}</td>
                    <td>${c.taxId}</td>
                    <td>${statusTag('CompanyStatus', c.status)}${c.verifiedAt ? html`<br /><span class="secondary-text">${t('companies.verifiedBy', { who: c.verifiedBy || '', when: formatDateTime(c.verifiedAt) })}</span>` : nothing}</td>
                    <td>
                      ${c.status === 'PENDING'
                        ? html`<button class="button button--secondary button--small" id="verify-${c.id}" @click=${() => this.verify(c)}>${t('companies.verify')}<span class="visually-hidden"> ${c.name}</span></button>`
                        : nothing}
                      ${this._errors[c.id] ? html`<p class="field-error" role="alert">${this._errors[c.id]}</p>` : nothing}
                    </td>
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
customElements.define('pp-admin-companies', Companies);
