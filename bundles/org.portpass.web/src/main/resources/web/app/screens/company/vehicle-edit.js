// Add a vehicle (the owner is the user's company, its tax ID filled in) or change one.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, selectField, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';

const TYPES = ['CAR', 'VAN', 'TRUCK', 'TRACTOR', 'TRAILER', 'BUS', 'MOTORCYCLE', 'FORKLIFT', 'CRANE', 'OTHER'];
const FIELDS = ['plateNumber', 'type', 'make', 'colour'];

export class VehicleEdit extends Screen {
  static properties = { _data: { state: true }, _problems: { state: true }, _company: { state: true }, _busy: { state: true }, _loadError: { state: true } };

  constructor() {
    super();
    this._data = { plateNumber: '', type: 'TRUCK', make: '', colour: '' };
    this._problems = { fields: {}, summary: [] };
  }

  get editing() {
    return !!this.params?.id;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      if (this.editing) {
        const vehicle = await api.get(`/vehicles/${this.params.id}`);
        this._version = vehicle.version;
        this._data = Object.fromEntries(FIELDS.map((f) => [f, vehicle[f] ?? '']));
        this._company = { name: vehicle.companyName, taxId: vehicle.companyTaxId };
      } else if (currentAccount()?.companyId) {
        this._company = await api.get(`/companies/${currentAccount().companyId}`);
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
    for (const key of ['make', 'colour']) if (!body[key]) body[key] = null;
    this._busy = true;
    try {
      const saved = this.editing
        ? await api.put(`/vehicles/${this.params.id}`, { ...body, version: this._version })
        : await api.post('/vehicles', body);
      navigate(`/vehicles/${saved.id}?saved=1`);
    } catch (error) {
      this._problems = problemsOf(error, { labels: Object.fromEntries(FIELDS.map((f) => [f, t(`vehicle.${f}`)])) });
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  render() {
    if (this._loadError) return html`<h1 class="heading-l">${t('error.unexpected')}</h1><p class="body">${this._loadError}</p>`;
    const f = this._problems.fields;
    const text = (name, options = {}) =>
      textField({ id: name, label: t(`vehicle.${name}`), optional: options.optional, hint: options.hint, width: 'medium', value: this._data[name], error: f[name], onInput: (v) => this.set(name, v) });
    return html`<div class="narrow">
      ${errorSummary(this._problems.summary)}
      <a class="back-link" href="${this.editing ? `#/vehicles/${this.params.id}` : '#/vehicles'}">${t('action.back')}</a>
      <h1 class="heading-l">${t(this.editing ? 'vehicle.edit' : 'vehicle.new')}</h1>
      ${this._company
        ? html`<p class="body" id="vehicle-owner">${t('vehicle.owner')}: <strong>${this._company.name}</strong> (${t('vehicle.ownerTaxId')} ${this._company.taxId})</p>`
        : nothing}
      <form novalidate @submit=${this.save}>
        ${text('plateNumber', { hint: t('vehicle.plateNumberHint') })}
        ${selectField({
          id: 'type',
          label: t('vehicle.type'),
          value: this._data.type,
          error: f.type,
          options: TYPES.map((v) => ({ value: v, label: tEnum('VehicleType', v) })),
          onChange: (v) => this.set('type', v),
        })}
        ${text('make', { optional: true })} ${text('colour', { optional: true })}
        <button class="button" id="vehicle-save" type="submit" ?disabled=${this._busy}>${t('action.save')}</button>
      </form>
    </div>`;
  }
}

customElements.define('pp-vehicle-edit', VehicleEdit);
