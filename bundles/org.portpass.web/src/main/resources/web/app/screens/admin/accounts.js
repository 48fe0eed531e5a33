// Customer service and administrators: every account, searched by name; open one to change its
// roles, ports and status, or create a new one.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, banner } from '../../components/fields.js';
import { statusTag } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import * as api from '../../api.js';
import { pager } from '../staff/common.js';

const SIZE = 50;

export class Accounts extends Screen {
  static properties = { _q: { state: true }, _result: { state: true }, _error: { state: true } };

  constructor() {
    super();
    this._q = '';
    this._page = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.search();
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._page = 0;
    try {
      this._result = await api.get('/accounts', { q: this._q.trim(), page: this._page, size: SIZE });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  render() {
    const r = this._result;
    return html`<h1 class="heading-l">${t('accounts.title')}</h1>
      ${this.query?.saved ? banner(t('accounts.saved', { name: this.query.saved })) : nothing}
      <a class="button" id="add-account" href="#/admin/accounts/new">${t('accounts.add')}</a>
      <form class="search" role="search" @submit=${(e) => this.search(e)}>
        ${textField({ id: 'account-search', label: t('accounts.search'), value: this._q, onInput: (v) => (this._q = v) })}
        <button class="button button--secondary" id="account-search-submit" type="submit">${t('action.search')}</button>
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${!r
        ? html`<p class="body">${t('app.loading')}</p>`
        : r.items.length === 0
          ? html`<p class="body" id="no-accounts">${t('accounts.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="accounts">
              <caption class="visually-hidden">${t('accounts.title')}</caption>
              <thead><tr><th scope="col">${t('accounts.username')}</th><th scope="col">${t('accounts.displayName')}</th><th scope="col">${t('accounts.roles')}</th><th scope="col">${t('accounts.ports')}</th><th scope="col">${t('accounts.status')}</th></tr></thead>
              <tbody>
                ${r.items.map(
                  (a) => html`<tr>
                    <td><a class="account-link" id="account-${a.username}" href="#/admin/accounts/${a.id}">${a.username}</a></td>
                    <td>${a.displayName || ''}</td>
                    <td>${a.roles.map((role) => tEnum('Role', role)).join('、')}</td>
                    <td>${(a.ports || []).join(', ')}</td>
                    <td>${statusTag('AccountStatus', a.status)}</td>
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
customElements.define('pp-admin-accounts', Accounts);
