// 新帳號申請: a company applies for its first account (the company administrator). An unknown
// company is created and waits for customer service to verify it.
import { html, nothing } from 'lit';
import { Screen } from '../components/screen.js';
import { textField, errorSummary, focusErrorSummary, banner } from '../components/fields.js';
import { problemsOf } from '../components/problems.js';
import { t } from '../i18n.js';
import * as api from '../api.js';

const FIELDS = ['companyTaxId', 'companyName', 'displayName', 'email', 'phone', 'username', 'password'];

export class Register extends Screen {
  static properties = { _data: { state: true }, _problems: { state: true }, _done: { state: true }, _busy: { state: true } };

  constructor() {
    super();
    this._data = Object.fromEntries(FIELDS.map((f) => [f, '']));
    this._problems = { fields: {}, summary: [] };
    this._done = null;
  }

  set(field, value) {
    this._data = { ...this._data, [field]: value };
  }

  async submit(event) {
    event.preventDefault();
    this._busy = true;
    try {
      const body = { ...this._data };
      if (!body.companyName) delete body.companyName;
      if (!body.email) delete body.email;
      this._done = await api.post('/auth/register', body);
    } catch (error) {
      this._problems = problemsOf(error, { labels: this.labels() });
    } finally {
      this._busy = false;
    }
  }

  labels() {
    return Object.fromEntries(FIELDS.map((f) => [f, t(`register.${f}`)]));
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  field(name, options = {}) {
    return textField({
      id: name,
      label: t(`register.${name}`),
      hint: options.hint,
      type: options.type,
      optional: options.optional,
      autocomplete: options.autocomplete,
      width: options.width,
      value: this._data[name],
      error: this._problems.fields[name],
      onInput: (v) => this.set(name, v),
    });
  }

  render() {
    if (this._done) {
      return html`<div class="narrow">
        ${banner(t('register.done', { username: this._done.username }))}
        <h1 class="heading-l">${t('register.doneTitle')}</h1>
        <p class="body">${t('register.doneText')}</p>
        <p><a class="button" href="#/login" id="to-login">${t('register.toLogin')}</a></p>
      </div>`;
    }
    return html`<div class="narrow">
      ${errorSummary(this._problems.summary)}
      <h1 class="heading-l">${t('register.title')}</h1>
      <p class="body">${t('register.intro')}</p>
      <form novalidate @submit=${this.submit}>
        <h2 class="heading-m">${t('register.company')}</h2>
        ${this.field('companyTaxId', { hint: t('register.companyTaxIdHint'), width: 'short' })}
        ${this.field('companyName', { hint: t('register.companyNameHint'), optional: true })}
        <h2 class="heading-m">${t('register.you')}</h2>
        ${this.field('displayName', { autocomplete: 'name' })}
        ${this.field('phone', { type: 'tel', autocomplete: 'tel', width: 'medium' })}
        ${this.field('email', { type: 'email', autocomplete: 'email', optional: true })}
        ${this.field('username', { autocomplete: 'username', width: 'medium' })}
        ${this.field('password', { type: 'password', autocomplete: 'new-password', hint: t('register.passwordHint'), width: 'medium' })}
        <button class="button" id="register-submit" type="submit" ?disabled=${this._busy}>${t('register.submit')}</button>
      </form>
      <p class="body"><a href="#/login">${t('register.back')}</a></p>
    </div>`;
  }
}

customElements.define('pp-register', Register);
