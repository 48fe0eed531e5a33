// Log in: user name and password (direct login), or through MTNet; a link to apply for a
// company account (新帳號申請).
import { html, nothing } from 'lit';
import { Screen } from '../components/screen.js';
import { textField, errorSummary, focusErrorSummary } from '../components/fields.js';
import { problemsOf } from '../components/problems.js';
import { t } from '../i18n.js';
import * as session from '../session.js';
import { navigate } from '../router.js';

// set by the server from its configuration (org.portpass.web mtnetLoginUrl); empty: no MTNet
const MTNET_URL = document.querySelector('meta[name="portpass-mtnet-login"]')?.content;

export class Login extends Screen {
  static properties = { _username: { state: true }, _password: { state: true }, _problems: { state: true }, _busy: { state: true } };

  constructor() {
    super();
    this._username = '';
    this._password = '';
    this._problems = { fields: {}, summary: [] };
    this._busy = false;
  }

  async submit(event) {
    event.preventDefault();
    const missing = [];
    if (!this._username.trim()) missing.push(['username', t('login.usernameMissing')]);
    if (!this._password) missing.push(['password', t('login.passwordMissing')]);
    if (missing.length) {
      this._problems = {
        fields: Object.fromEntries(missing),
        summary: missing.map(([target, message]) => ({ target, message })),
      };
      return;
    }
    this._busy = true;
    this._problems = { fields: {}, summary: [] };
    try {
      await session.login(this._username.trim(), this._password);
      navigate('/');
    } catch (error) {
      this._password = '';
      this._problems = problemsOf(error);
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  render() {
    const f = this._problems.fields;
    return html`<div class="narrow">
      ${errorSummary(this._problems.summary)}
      <h1 class="heading-l">${t('login.title')}</h1>
      <p class="body">${t('login.intro')}</p>
      <form novalidate @submit=${this.submit}>
        ${textField({ id: 'username', label: t('login.username'), value: this._username, error: f.username, autocomplete: 'username', onInput: (v) => (this._username = v) })}
        ${textField({ id: 'password', label: t('login.password'), type: 'password', value: this._password, error: f.password, autocomplete: 'current-password', onInput: (v) => (this._password = v) })}
        <button class="button" id="login-submit" type="submit" ?disabled=${this._busy}>${t('login.submit')}</button>
      </form>
      <h2 class="heading-m">${t('login.mtnetHeading')}</h2>
      <p class="body">${t('login.mtnetText')}</p>
      ${MTNET_URL
        ? html`<p><a class="button button--secondary" id="mtnet-login" href="${MTNET_URL}">${t('login.mtnet')}</a></p>`
        : html`<p class="hint">${t('login.mtnetNotConfigured')}</p>`}
      <h2 class="heading-m">${t('login.registerHeading')}</h2>
      <p class="body">${t('login.registerText')}</p>
      <p><a class="button button--secondary" id="register-link" href="#/register">${t('login.register')}</a></p>
    </div>`;
  }
}

customElements.define('pp-login', Login);
