// Add a person (the company is the user's own, filled in automatically) or change one.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, selectField, radios, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';

const KINDS = ['NATIONAL_ID', 'RESIDENT_CERTIFICATE', 'PASSPORT'];
const FIELDS = ['identityKind', 'identityNumber', 'nationality', 'nameZh', 'nameEn', 'birthDate', 'phone'];

export class PersonEdit extends Screen {
  static properties = { _data: { state: true }, _problems: { state: true }, _company: { state: true }, _busy: { state: true }, _loadError: { state: true } };

  constructor() {
    super();
    this._data = { identityKind: 'NATIONAL_ID', identityNumber: '', nationality: '', nameZh: '', nameEn: '', birthDate: '', phone: '' };
    this._problems = { fields: {}, summary: [] };
  }

  get editing() {
    return !!this.params?.id;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const companyId = currentAccount()?.companyId;
      if (this.editing) {
        const person = await api.get(`/persons/${this.params.id}`);
        this._version = person.version;
        this._data = Object.fromEntries(FIELDS.map((f) => [f, person[f] ?? '']));
        this._company = { name: person.companyName, taxId: person.companyTaxId };
      } else if (companyId) {
        this._company = await api.get(`/companies/${companyId}`);
      }
    } catch (error) {
      this._loadError = messageOf(error);
    }
  }

  set(field, value) {
    this._data = { ...this._data, [field]: value };
  }

  async save(event) {
    event.preventDefault();
    const body = { ...this._data, companyId: currentAccount()?.companyId };
    for (const key of ['nationality', 'nameEn', 'birthDate', 'phone']) if (!body[key]) body[key] = null;
    if (body.identityKind !== 'PASSPORT') body.nationality = null;
    this._busy = true;
    try {
      const saved = this.editing
        ? await api.put(`/persons/${this.params.id}`, { ...body, version: this._version })
        : await api.post('/persons', body);
      navigate(`/persons/${saved.id}?saved=1`);
    } catch (error) {
      this._problems = problemsOf(error, { labels: Object.fromEntries(FIELDS.map((f) => [f, t(`person.${f}`)])) });
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  field(name, options = {}) {
    return textField({
      id: name,
      label: t(`person.${name}`),
      hint: options.hint,
      type: options.type,
      optional: options.optional,
      width: options.width,
      value: this._data[name],
      error: this._problems.fields[name],
      onInput: (v) => this.set(name, v),
    });
  }

  render() {
    if (this._loadError) return html`<h1 class="heading-l">${t('error.unexpected')}</h1><p class="body">${this._loadError}</p>`;
    const f = this._problems.fields;
    return html`<div class="narrow">
      ${errorSummary(this._problems.summary)}
      <a class="back-link" href="${this.editing ? `#/persons/${this.params.id}` : '#/persons'}">${t('action.back')}</a>
      <h1 class="heading-l">${t(this.editing ? 'person.edit' : 'person.new')}</h1>
      ${this._company
        ? html`<p class="body" id="person-company">${t('person.company')}: <strong>${this._company.name}</strong> (${this._company.taxId})</p>`
        : nothing}
      <form novalidate @submit=${this.save}>
        ${radios({
          id: 'identityKind',
          label: t('person.identityKind'),
          value: this._data.identityKind,
          error: f.identityKind,
          options: KINDS.map((k) => ({ value: k, label: tEnum('IdentityKind', k) })),
          onChange: (v) => this.set('identityKind', v),
        })}
        ${this.field('identityNumber', { hint: t(`person.identityNumberHint.${this._data.identityKind}`), width: 'medium' })}
        ${this._data.identityKind === 'PASSPORT' ? this.field('nationality', { hint: t('person.nationalityHint'), width: 'short' }) : nothing}
        ${this.field('nameZh')}
        ${this.field('nameEn', { optional: true })}
        ${this.field('birthDate', { type: 'date', optional: true, width: 'medium' })}
        ${this.field('phone', { type: 'tel', optional: true, width: 'medium' })}
        <button class="button" id="person-save" type="submit" ?disabled=${this._busy}>${t('action.save')}</button>
      </form>
    </div>`;
  }
}

customElements.define('pp-person-edit', PersonEdit);
