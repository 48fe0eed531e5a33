// The page MTNet (航港單一窗口) sends the user back to, with its signed assertion:
// #/mtnet?assertion=<jwt>. A linked, complete account is logged in at once; otherwise the user
// completes the missing data, either by linking an existing PortPass account or by creating
// the company's account (slide 3 of the seed).
import { html, nothing } from 'lit';
import { Screen } from '../components/screen.js';
import { textField, radios, errorSummary, focusErrorSummary } from '../components/fields.js';
import { problemsOf, messageOf } from '../components/problems.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { navigate } from '../router.js';

const NEW_FIELDS = ['companyTaxId', 'companyName', 'displayName', 'phone', 'email', 'username'];

export class Mtnet extends Screen {
  static properties = {
    _state: { state: true },
    _missing: { state: true },
    _mode: { state: true },
    _data: { state: true },
    _problems: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._state = 'checking';
    this._mode = 'new';
    this._data = {};
    this._problems = { fields: {}, summary: [] };
  }

  async connectedCallback() {
    super.connectedCallback();
    const assertion = this.query?.assertion;
    // the assertion must not stay in the address bar or the history
    history.replaceState(null, '', `${location.pathname}#/mtnet`);
    if (!assertion) {
      this._state = 'failed';
      this._error = t('mtnet.noAssertion');
      return;
    }
    try {
      const answer = await api.post('/auth/external/mtnet', { assertion });
      if (answer.token) {
        await session.begin(answer);
        navigate('/');
        return;
      }
      this._completionToken = answer.completionToken;
      this._missing = answer.missing || [];
      this._state = 'complete';
    } catch (error) {
      this._state = 'failed';
      this._error = messageOf(error);
    }
  }

  set(field, value) {
    this._data = { ...this._data, [field]: value };
  }

  async submit(event) {
    event.preventDefault();
    const body = { completionToken: this._completionToken };
    const fields = this._mode === 'link' ? ['username', 'password'] : NEW_FIELDS;
    for (const f of fields) if (this._data[f]) body[f] = this._data[f];
    try {
      const answer = await api.post('/auth/external/complete', body);
      await session.begin(answer);
      navigate('/');
    } catch (error) {
      this._problems = problemsOf(error);
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  field(name, options = {}) {
    return textField({
      id: name,
      label: t(`register.${name}`),
      type: options.type,
      optional: options.optional,
      hint: options.hint,
      width: options.width,
      value: this._data[name],
      error: this._problems.fields[name],
      onInput: (v) => this.set(name, v),
    });
  }

  render() {
    if (this._state === 'checking') return html`<h1 class="heading-l">${t('mtnet.checking')}</h1>`;
    if (this._state === 'failed') {
      return html`<h1 class="heading-l">${t('mtnet.failed')}</h1>
        <p class="body" id="mtnet-error">${this._error}</p>
        <p class="body"><a href="#/login">${t('register.back')}</a></p>`;
    }
    return html`<div class="narrow">
      ${errorSummary(this._problems.summary)}
      <h1 class="heading-l">${t('mtnet.completeTitle')}</h1>
      <p class="body">${t('mtnet.completeIntro')}</p>
      ${this._missing?.length
        ? html`<div class="inset">${t('mtnet.missing')} ${this._missing.map((m) => t(`register.${m}`)).join('、')}</div>`
        : nothing}
      <form novalidate @submit=${this.submit}>
        ${radios({
          id: 'mode',
          label: t('mtnet.mode'),
          value: this._mode,
          options: [
            { value: 'new', label: t('mtnet.modeNew') },
            { value: 'link', label: t('mtnet.modeLink') },
          ],
          onChange: (v) => (this._mode = v),
        })}
        ${this._mode === 'link'
          ? html`${this.field('username', { width: 'medium' })} ${this.field('password', { type: 'password', width: 'medium' })}`
          : html`${this.field('companyTaxId', { width: 'short', hint: t('register.companyTaxIdHint') })}
            ${this.field('companyName', { optional: true, hint: t('register.companyNameHint') })}
            ${this.field('displayName')} ${this.field('phone', { type: 'tel', width: 'medium' })}
            ${this.field('email', { type: 'email', optional: true })} ${this.field('username', { width: 'medium' })}`}
        <button class="button" id="mtnet-submit" type="submit">${t('mtnet.submit')}</button>
      </form>
    </div>`;
  }
}

customElements.define('pp-mtnet', Mtnet);
