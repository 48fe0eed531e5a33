// Customer service creates a company from its registration: tax ID and names are set here only.
import { html } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { problemsOf } from '../../components/problems.js';
import { t } from '../../i18n.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';

const FIELDS = [
  { id: 'taxId', width: 'short', inputmode: 'numeric' },
  { id: 'name' },
  { id: 'nameEn', optional: true },
  { id: 'address', optional: true },
  { id: 'phone', width: 'medium', type: 'tel', optional: true },
  { id: 'industry', optional: true },
];

export class CompanyNew extends Screen {
  static properties = { _data: { state: true }, _problems: { state: true }, _busy: { state: true } };

  constructor() {
    super();
    this._data = {};
    this._problems = { fields: {}, summary: [] };
  }

  async save(event) {
    event.preventDefault();
    this._busy = true;
    try {
      const body = Object.fromEntries(FIELDS.map(({ id }) => [id, (this._data[id] || '').trim() || null]));
      const company = await api.post('/companies', { ...body, contacts: [] });
      navigate(`/admin/companies?created=${encodeURIComponent(company.name)}`);
    } catch (error) {
      this._problems = problemsOf(error, { labels: Object.fromEntries(FIELDS.map(({ id }) => [id, t(`companies.${id}`)])) });
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  render() {
    const f = this._problems.fields;
    return html`${errorSummary(this._problems.summary)}
      <p class="body"><a href="#/admin/companies">${t('companies.back')}</a></p>
      <h1 class="heading-l">${t('companies.new')}</h1>
      <form novalidate class="narrow" @submit=${(e) => this.save(e)}>
        ${FIELDS.map((o) =>
          textField({ ...o, label: t(`companies.${o.id}`), value: this._data[o.id], error: f[o.id], onInput: (v) => (this._data = { ...this._data, [o.id]: v }) }),
        )}
        <button class="button" id="company-save" type="submit" ?disabled=${this._busy}>${t('companies.create')}</button>
      </form>`;
  }
}
customElements.define('pp-admin-company-new', CompanyNew);
