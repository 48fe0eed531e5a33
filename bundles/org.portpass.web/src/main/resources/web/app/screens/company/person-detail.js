// One person: details, employment history, attachments (photo and documents, with preview and
// upload); change or delete. Deleting a person still on an application is refused by the
// server (409 in-use) and the reason is shown in words.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { banner } from '../../components/fields.js';
import { personName } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDate, formatDateTime } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';
import '../../components/attachments.js';

export const PERSON_ATTACHMENTS = 'PHOTO,ID_COPY,TRAINING_CERTIFICATE,OTHER';

export class PersonDetail extends Screen {
  static properties = { _person: { state: true }, _employments: { state: true }, _error: { state: true }, _deleteError: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      const id = this.params.id;
      [this._person, this._employments] = await Promise.all([api.get(`/persons/${id}`), api.get(`/persons/${id}/employments`)]);
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async deletePerson() {
    if (!confirm(t('person.confirmDelete', { name: personName(this._person) }))) return;
    try {
      await api.del(`/persons/${this._person.id}`, { query: { version: this._person.version } });
      navigate('/persons?deleted=1');
    } catch (error) {
      this._deleteError = error.type === 'in-use' ? `${t('person.inUse')} ${messageOf(error)}` : messageOf(error);
      await this.updateComplete;
      this.querySelector('#delete-error')?.focus();
    }
  }

  render() {
    if (this._error) return html`<h1 class="heading-l">${t('person.title')}</h1><p class="body" role="alert">${this._error}</p>`;
    const p = this._person;
    if (!p) return html`<p class="body">${t('app.loading')}</p>`;
    return html`<a class="back-link" href="#/persons">${t('persons.back')}</a>
      ${this.query?.saved ? banner(t('person.savedBanner')) : nothing}
      ${this._deleteError
        ? html`<div class="error-summary" role="alert" tabindex="-1" id="delete-error"><h2 class="error-summary__title">${t('person.cannotDelete')}</h2><p>${this._deleteError}</p></div>`
        : nothing}
      <span class="caption">${t('person.title')}</span>
      <h1 class="heading-l" id="person-name">${personName(p)}</h1>
      <dl class="summary-list">
        ${row(t('person.identityKind'), tEnum('IdentityKind', p.identityKind))}
        ${row(t('person.identityNumber'), p.identityNumber)}
        ${p.nationality ? row(t('person.nationality'), p.nationality) : nothing}
        ${row(t('person.nameZh'), p.nameZh)}
        ${row(t('person.nameEn'), p.nameEn)}
        ${row(t('person.birthDate'), formatDate(p.birthDate))}
        ${row(t('person.phone'), p.phone)}
        ${row(t('person.company'), `${p.companyName || ''} (${p.companyTaxId || ''})`)}
      </dl>
      <div class="button-group">
        <a class="button" id="edit-person" href="#/persons/${p.id}/edit">${t('person.edit')}</a>
        <button class="button button--warning" id="delete-person" @click=${() => this.deletePerson()}>${t('person.delete')}</button>
      </div>
      <h2 class="heading-m">${t('person.attachments')}</h2>
      <p class="body">${t('person.attachmentsHint')}</p>
      <pp-attachments owner="persons" owner-id="${p.id}" types="${PERSON_ATTACHMENTS}" editable></pp-attachments>
      <h2 class="heading-m">${t('person.employments')}</h2>
      ${!this._employments?.length
        ? html`<p class="body">${t('person.noEmployments')}</p>`
        : html`<div class="table-wrap"><table class="table" id="employments">
            <caption class="visually-hidden">${t('person.employments')}</caption>
            <thead><tr><th scope="col">${t('person.company')}</th><th scope="col">${t('person.from')}</th><th scope="col">${t('person.to')}</th></tr></thead>
            <tbody>
              ${this._employments.map(
                (e) => html`<tr><td>${e.companyName} (${e.companyTaxId})</td><td>${formatDateTime(e.startedAt)}</td><td>${e.endedAt ? formatDateTime(e.endedAt) : t('person.current')}</td></tr>`,
              )}
            </tbody></table></div>`}`;
  }
}

export function row(label, value) {
  return html`<div class="summary-list__row"><dt>${label}</dt><dd>${value || '—'}</dd></div>`;
}

customElements.define('pp-person-detail', PersonDetail);
