// The company's basic data (公司基本資料). Name, tax ID and status are kept by customer service and
// shown read-only; the company administrator changes phone, address, industry and contacts, and
// the company attachments.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, errorSummary, focusErrorSummary, banner } from '../../components/fields.js';
import { statusTag } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { t } from '../../i18n.js';
import { currentAccount, hasRole } from '../../session.js';
import { row } from './person-detail.js';
import * as api from '../../api.js';
import '../../components/attachments.js';

const EMPTY_CONTACT = { name: '', title: '', phone: '', email: '' };

export class CompanyScreen extends Screen {
  static properties = { _company: { state: true }, _data: { state: true }, _problems: { state: true }, _saved: { state: true }, _error: { state: true }, _busy: { state: true } };

  constructor() {
    super();
    this._problems = { fields: {}, summary: [] };
  }

  get editable() {
    return hasRole('COMPANY_ADMIN');
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.take(await api.get(`/companies/${currentAccount().companyId}`));
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  take(company) {
    this._company = company;
    this._data = {
      phone: company.phone || '',
      address: company.address || '',
      industry: company.industry || '',
      contacts: (company.contacts || []).map((c) => ({ ...EMPTY_CONTACT, ...c })),
    };
  }

  set(field, value) {
    this._data = { ...this._data, [field]: value };
    this._saved = false;
  }

  setContact(index, field, value) {
    const contacts = this._data.contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c));
    this.set('contacts', contacts);
  }

  async save(event) {
    event.preventDefault();
    this._busy = true;
    try {
      const contacts = this._data.contacts
        .filter((c) => Object.values(c).some((v) => v.trim()))
        .map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.trim() || null])));
      const saved = await api.patch(`/companies/${this._company.id}`, {
        phone: this._data.phone,
        address: this._data.address,
        industry: this._data.industry,
        contacts,
        version: this._company.version,
      });
      this.take(saved);
      this._problems = { fields: {}, summary: [] };
      this._saved = true;
    } catch (error) {
      this._problems = problemsOf(error);
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  render() {
    if (this._error) return html`<h1 class="heading-l">${t('company.title')}</h1><p class="body" role="alert">${this._error}</p>`;
    const c = this._company;
    if (!c) return html`<p class="body">${t('app.loading')}</p>`;
    const f = this._problems.fields;
    return html`${errorSummary(this._problems.summary)} ${this._saved ? banner(t('company.savedBanner')) : nothing}
      <h1 class="heading-l">${t('company.title')}</h1>
      <h2 class="heading-m">${t('company.registered')}</h2>
      <p class="body">${t('company.registeredHint')}</p>
      <dl class="summary-list" id="company-fixed">
        ${row(t('company.name'), c.name)} ${row(t('company.nameEn'), c.nameEn)} ${row(t('company.taxId'), c.taxId)}
        ${row(t('company.status'), statusTag('CompanyStatus', c.status))}
      </dl>
      ${c.status === 'PENDING' ? html`<div class="warning-text">${t('company.pendingText')}</div>` : nothing}
      ${this.editable ? this.renderForm(f) : this.renderReadOnly()}
      <h2 class="heading-m">${t('company.attachments')}</h2>
      <pp-attachments owner="companies" owner-id="${c.id}" types="COMPANY_REGISTRATION,OTHER" ?editable=${this.editable}></pp-attachments>`;
  }

  renderReadOnly() {
    const d = this._data;
    return html`<h2 class="heading-m">${t('company.contactData')}</h2>
      <p class="body">${t('company.onlyAdmin')}</p>
      <dl class="summary-list">
        ${row(t('company.phone'), d.phone)} ${row(t('company.address'), d.address)} ${row(t('company.industry'), d.industry)}
        ${d.contacts.map((k, i) => row(t('company.contactN', { n: i + 1 }), [k.name, k.title, k.phone, k.email].filter(Boolean).join('，')))}
      </dl>`;
  }

  renderForm(f) {
    const d = this._data;
    return html`<form novalidate @submit=${this.save}>
      <h2 class="heading-m">${t('company.contactData')}</h2>
      ${textField({ id: 'phone', label: t('company.phone'), type: 'tel', width: 'medium', value: d.phone, error: f.phone, onInput: (v) => this.set('phone', v) })}
      ${textField({ id: 'address', label: t('company.address'), value: d.address, error: f.address, onInput: (v) => this.set('address', v) })}
      ${textField({ id: 'industry', label: t('company.industry'), hint: t('company.industryHint'), width: 'medium', value: d.industry, error: f.industry, onInput: (v) => this.set('industry', v) })}
      <h2 class="heading-m">${t('company.contacts')}</h2>
      ${d.contacts.map(
        (k, i) => html`<fieldset class="fieldset inset">
          <legend class="legend">${t('company.contactN', { n: i + 1 })}</legend>
          ${['name', 'title', 'phone', 'email'].map((field) =>
            textField({
              id: `contacts-${i}-${field}`,
              label: t(`company.contact.${field}`),
              optional: field !== 'name',
              type: field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text',
              width: 'medium',
              value: k[field],
              error: f[`contacts/${i}/${field}`],
              onInput: (v) => this.setContact(i, field, v),
            }),
          )}
          <button type="button" class="button button--secondary button--small" @click=${() => this.set('contacts', d.contacts.filter((_, j) => j !== i))}>
            ${t('company.removeContact', { n: i + 1 })}
          </button>
        </fieldset>`,
      )}
      <p><button type="button" class="button button--secondary" id="add-contact" @click=${() => this.set('contacts', [...d.contacts, { ...EMPTY_CONTACT }])}>${t('company.addContact')}</button></p>
      <button class="button" id="company-save" type="submit" ?disabled=${this._busy}>${t('company.save')}</button>
    </form>`;
  }
}

customElements.define('pp-company', CompanyScreen);
