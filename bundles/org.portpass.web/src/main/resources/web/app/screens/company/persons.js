// The company's persons: search by identity number or name, a page at a time; add a person.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, banner } from '../../components/fields.js';
import { personName } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDate } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import * as api from '../../api.js';

const SIZE = 50;

export class Persons extends Screen {
  static properties = { _q: { state: true }, _result: { state: true }, _page: { state: true }, _error: { state: true } };

  constructor() {
    super();
    this._q = '';
    this._page = 0;
    this._result = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._q = this.query?.q || '';
    this.search();
  }

  /** A query that looks like an identity number searches by number, anything else by name. */
  static criteria(q) {
    const text = q.trim();
    if (!text) return {};
    return /^[A-Za-z]{1,2}\d{5,}$|^\d{6,}$/.test(text) ? { identityNumber: text } : { name: text };
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._page = 0;
    try {
      const searched = this._q.trim();
      this._result = await api.get('/persons', {
        ...Persons.criteria(this._q),
        companyId: currentAccount()?.companyId,
        page: this._page,
        size: SIZE,
      });
      this._searched = searched;
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  go(page) {
    this._page = page;
    this.search();
  }

  render() {
    const r = this._result;
    return html`<h1 class="heading-l">${t('persons.title')}</h1>
      ${this.query?.deleted ? banner(t('persons.deletedBanner')) : nothing}
      <a class="button" id="add-person" href="#/persons/new">${t('persons.add')}</a>
      <form class="search" role="search" @submit=${(e) => this.search(e)}>
        ${textField({ id: 'person-search', label: t('persons.search'), hint: t('persons.searchHint'), value: this._q, onInput: (v) => (this._q = v) })}
        <button class="button button--secondary" id="person-search-submit" type="submit">${t('action.search')}</button>
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      <div id="person-results" data-searched="${this._searched ?? ''}">
      ${!r
        ? html`<p class="body">${t('app.loading')}</p>`
        : r.items.length === 0
          ? html`<p class="body" id="no-persons">${this._q ? t('persons.noneFound') : t('persons.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="persons">
              <caption class="visually-hidden">${t('persons.title')}</caption>
              <thead><tr><th scope="col">${t('person.name')}</th><th scope="col">${t('person.identityNumber')}</th><th scope="col">${t('person.birthDate')}</th><th scope="col">${t('person.phone')}</th></tr></thead>
              <tbody>
                ${r.items.map(
                  (p) => html`<tr>
                    <td><a class="person-link" href="#/persons/${p.id}">${personName(p)}</a></td>
                    <td>${p.identityNumber} <span class="secondary-text">${tEnum('IdentityKind', p.identityKind)}</span></td>
                    <td>${formatDate(p.birthDate)}</td>
                    <td>${p.phone}</td>
                  </tr>`,
                )}
              </tbody></table></div>
            ${pagination(r, (p) => this.go(p))}`}
      </div>`;
  }
}

/** Previous / next links of a page {page, size, total}. */
export function pagination(r, go) {
  const pages = Math.ceil(r.total / r.size);
  if (pages <= 1) return nothing;
  return html`<nav class="pagination" aria-label="${t('list.pages')}">
    ${r.page > 0 ? html`<button class="link-button" @click=${() => go(r.page - 1)}>${t('list.previous')}</button>` : nothing}
    <span>${t('list.page', { page: r.page + 1, pages })}</span>
    ${r.page + 1 < pages ? html`<button class="link-button" @click=${() => go(r.page + 1)}>${t('list.next')}</button>` : nothing}
  </nav>`;
}

customElements.define('pp-persons', Persons);
