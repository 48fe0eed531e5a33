// One vehicle: details and attachments (registration, insurance, photo); change or delete
// (refused in words while the vehicle is on an application).
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { banner } from '../../components/fields.js';
import { messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { navigate } from '../../router.js';
import { row } from './person-detail.js';
import * as api from '../../api.js';
import '../../components/attachments.js';

export const VEHICLE_ATTACHMENTS = 'VEHICLE_REGISTRATION,INSURANCE,PHOTO,OTHER';

export class VehicleDetail extends Screen {
  static properties = { _vehicle: { state: true }, _error: { state: true }, _deleteError: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      this._vehicle = await api.get(`/vehicles/${this.params.id}`);
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async deleteVehicle() {
    if (!confirm(t('vehicle.confirmDelete', { plate: this._vehicle.plateNumber }))) return;
    try {
      await api.del(`/vehicles/${this._vehicle.id}`, { query: { version: this._vehicle.version } });
      navigate('/vehicles?deleted=1');
    } catch (error) {
      this._deleteError = error.type === 'in-use' ? `${t('vehicle.inUse')} ${messageOf(error)}` : messageOf(error);
      await this.updateComplete;
      this.querySelector('#delete-error')?.focus();
    }
  }

  render() {
    if (this._error) return html`<h1 class="heading-l">${t('vehicle.title')}</h1><p class="body" role="alert">${this._error}</p>`;
    const v = this._vehicle;
    if (!v) return html`<p class="body">${t('app.loading')}</p>`;
    return html`<a class="back-link" href="#/vehicles">${t('vehicles.back')}</a>
      ${this.query?.saved ? banner(t('vehicle.savedBanner')) : nothing}
      ${this._deleteError
        ? html`<div class="error-summary" role="alert" tabindex="-1" id="delete-error"><h2 class="error-summary__title">${t('vehicle.cannotDelete')}</h2><p>${this._deleteError}</p></div>`
        : nothing}
      <span class="caption">${t('vehicle.title')}</span>
      <h1 class="heading-l" id="vehicle-plate">${v.plateNumber}</h1>
      <dl class="summary-list">
        ${row(t('vehicle.plateNumber'), v.plateNumber)}
        ${row(t('vehicle.type'), tEnum('VehicleType', v.type))}
        ${row(t('vehicle.make'), v.make)}
        ${row(t('vehicle.colour'), v.colour)}
        ${row(t('vehicle.owner'), `${v.companyName || ''} (${v.companyTaxId || ''})`)}
      </dl>
      <div class="button-group">
        <a class="button" id="edit-vehicle" href="#/vehicles/${v.id}/edit">${t('vehicle.edit')}</a>
        <button class="button button--warning" id="delete-vehicle" @click=${() => this.deleteVehicle()}>${t('vehicle.delete')}</button>
      </div>
      <h2 class="heading-m">${t('vehicle.attachments')}</h2>
      <pp-attachments owner="vehicles" owner-id="${v.id}" types="${VEHICLE_ATTACHMENTS}" editable></pp-attachments>`;
  }
}

customElements.define('pp-vehicle-detail', VehicleDetail);
