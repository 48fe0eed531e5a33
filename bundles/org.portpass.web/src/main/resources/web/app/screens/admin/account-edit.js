// One account: create it (username, first password, company for company roles) or change its
// contact data, roles, ports and status. Changes name the version read, so two people editing the
// same account cannot overwrite each other unseen (409).
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, selectField, checkboxes, radios, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { portName } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { ports } from '../../ports.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';

const ROLES = ['COMPANY_USER', 'COMPANY_ADMIN', 'CUSTOMER_SERVICE', 'REVIEWER', 'POLICE', 'SUPERVISOR', 'CARD_DESK', 'ADMIN'];
const PORT_ROLES = ['REVIEWER', 'POLICE', 'SUPERVISOR', 'CARD_DESK'];

export class AccountEdit extends Screen {
  static properties = {
    _data: { state: true },
    _account: { state: true },
    _companies: { state: true },
    _ports: { state: true },
    _problems: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._data = { roles: [], ports: [], status: 'ACTIVE' };
    this._problems = { fields: {}, summary: [] };
  }

  get isNew() {
    return !this.params?.id;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this._ports = await ports().catch(() => []);
    try {
      if (this.isNew) {
        this._companies = await api.all('/companies');
      } else {
        this._account = await api.get(`/accounts/${encodeURIComponent(this.params.id)}`);
        const a = this._account;
        this._data = { displayName: a.displayName, email: a.email, phone: a.phone, roles: [...a.roles], ports: [...(a.ports || [])], status: a.status };
      }
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  set(name, value) {
    this._data = { ...this._data, [name]: value };
  }

  async save(event) {
    event.preventDefault();
    this._busy = true;
    const d = this._data;
    const text = (v) => (v || '').trim() || null;
    try {
      let saved;
      if (this.isNew) {
        saved = await api.post('/accounts', {
          username: text(d.username),
          password: d.password || null,
          displayName: text(d.displayName),
          email: text(d.email),
          phone: text(d.phone),
          roles: d.roles,
          companyId: d.companyId ? Number(d.companyId) : null,
          ports: d.ports,
        });
      } else {
        saved = await api.patch(
          `/accounts/${this._account.id}`,
          { displayName: text(d.displayName), email: text(d.email), phone: text(d.phone), roles: d.roles, ports: d.ports, status: d.status, version: this._account.version },
          { ifMatch: this._account.version },
        );
      }
      navigate(`/admin/accounts?saved=${encodeURIComponent(saved.username)}`);
    } catch (error) {
      this._problems = problemsOf(error, { labels: { username: t('accounts.username'), password: t('accounts.password'), roles: t('accounts.roles'), ports: t('accounts.ports'), companyId: t('accounts.company') } });
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  render() {
    const back = html`<p class="body"><a href="#/admin/accounts">${t('accounts.back')}</a></p>`;
    if (this._error) return html`${back}<p class="field-error" role="alert">${this._error}</p>`;
    if (!this.isNew && !this._account) return html`<p class="body">${t('app.loading')}</p>`;
    const d = this._data;
    const f = this._problems.fields;
    const needsPorts = d.roles.some((r) => PORT_ROLES.includes(r));
    const needsCompany = d.roles.some((r) => r.startsWith('COMPANY_'));
    return html`${errorSummary(this._problems.summary)} ${back}
      <h1 class="heading-l">${this.isNew ? t('accounts.new') : this._account.username}</h1>
      <form novalidate class="narrow" @submit=${(e) => this.save(e)}>
        ${this.isNew
          ? html`${textField({ id: 'username', label: t('accounts.username'), autocomplete: 'off', value: d.username, error: f.username, onInput: (v) => this.set('username', v) })}
            ${textField({ id: 'password', type: 'password', label: t('accounts.password'), hint: t('accounts.passwordHint'), autocomplete: 'new-password', value: d.password, error: f.password, onInput: (v) => this.set('password', v) })}`
          : nothing}
        ${textField({ id: 'displayName', label: t('accounts.displayName'), optional: true, value: d.displayName, error: f.displayName, onInput: (v) => this.set('displayName', v) })}
        ${textField({ id: 'email', type: 'email', label: t('accounts.email'), optional: true, value: d.email, error: f.email, onInput: (v) => this.set('email', v) })}
        ${textField({ id: 'phone', type: 'tel', width: 'medium', label: t('accounts.phone'), optional: true, value: d.phone, error: f.phone, onInput: (v) => this.set('phone', v) })}
        ${checkboxes({ id: 'roles', label: t('accounts.roles'), value: d.roles, error: f.roles, options: ROLES.map((r) => ({ value: r, label: tEnum('Role', r) })), onChange: (v) => this.set('roles', v) })}
        ${needsPorts || d.ports.length
          ? checkboxes({ id: 'ports', label: t('accounts.ports'), hint: t('accounts.portsHint'), value: d.ports, error: f.ports, options: this.portOptions(), onChange: (v) => this.set('ports', v) })
          : nothing}
        ${this.isNew && needsCompany
          ? selectField({ id: 'companyId', label: t('accounts.company'), value: d.companyId, error: f.companyId, empty: t('accounts.chooseCompany'), options: (this._companies || []).map((c) => ({ value: String(c.id), label: `${c.name} (${c.taxId})` })), onChange: (v) => this.set('companyId', v) })
          : nothing}
        ${this.isNew
          ? nothing
          : radios({ id: 'status', label: t('accounts.status'), inline: true, value: d.status, error: f.status, options: ['ACTIVE', 'DISABLED'].map((s) => ({ value: s, label: tEnum('AccountStatus', s) })), onChange: (v) => this.set('status', v) })}
        <button class="button" id="account-save" type="submit" ?disabled=${this._busy}>${this.isNew ? t('accounts.create') : t('action.save')}</button>
      </form>`;
  }

  portOptions() {
    const codes = new Set([...(this._ports || []).map((p) => p.code), ...this._data.ports]);
    return [...codes].map((code) => ({ value: code, label: portName(this._ports, code) }));
  }
}
customElements.define('pp-admin-account-edit', AccountEdit);
