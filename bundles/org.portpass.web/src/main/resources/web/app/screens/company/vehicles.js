// The company's vehicles: search by plate number, add a vehicle.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, banner } from '../../components/fields.js';
import { messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { pagination } from './persons.js';
import * as api from '../../api.js';

export class Vehicles extends Screen {
  static properties = { _q: { state: true }, _result: { state: true }, _page: { state: true }, _error: { state: true } };

  constructor() {
    super();
    this._q = '';
    this._page = 0;
    this._result = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.search();
  }

  async search(event) {
    event?.preventDefault();
    if (event) this._page = 0;
    try {
      this._result = await api.get('/vehicles', {
        plateNumber: this._q.trim() || undefined,
        companyId: currentAccount()?.companyId,
        page: this._page,
        size: 50,
      });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  render() {
    const r = this._result;
    return html`<h1 class="heading-l">${t('vehicles.title')}</h1>
      ${this.query?.deleted ? banner(t('vehicles.deletedBanner')) : nothing}
      <a class="button" id="add-vehicle" href="#/vehicles/new">${t('vehicles.add')}</a>
      <form class="search" role="search" @submit=${(e) => this.search(e)}>
        ${textField({ id: 'vehicle-search', label: t('vehicles.search'), hint: t('vehicles.searchHint'), value: this._q, width: 'medium', onInput: (v) => (this._q = v) })}
        <button class="button button--secondary" id="vehicle-search-submit" type="submit">${t('action.search')}</button>
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${!r
        ? html`<p class="body">${t('app.loading')}</p>`
        : r.items.length === 0
          ? html`<p class="body" id="no-vehicles">${this._q ? t('vehicles.noneFound') : t('vehicles.none')}</p>`
          : html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
            <div class="table-wrap"><table class="table" id="vehicles">
              <caption class="visually-hidden">${t('vehicles.title')}</caption>
              <thead><tr><th scope="col">${t('vehicle.plateNumber')}</th><th scope="col">${t('vehicle.type')}</th><th scope="col">${t('vehicle.make')}</th><th scope="col">${t('vehicle.colour')}</th></tr></thead>
              <tbody>
                ${r.items.map(
                  (v) => html`<tr>
                    <td><a class="vehicle-link" href="#/vehicles/${v.id}">${v.plateNumber}</a></td>
                    <td>${tEnum('VehicleType', v.type)}</td>
                    <td>${v.make}</td>
                    <td>${v.colour}</td>
                  </tr>`,
                )}
              </tbody></table></div>
            ${pagination(r, (p) => {
              this._page = p;
              this.search();
            })}`}`;
  }
}

customElements.define('pp-vehicles', Vehicles);
