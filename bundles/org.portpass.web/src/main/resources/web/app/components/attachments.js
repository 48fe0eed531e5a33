// <pp-attachments owner="persons" owner-id="12" types="PHOTO,ID_COPY,..."> lists the
// attachments of a company, person or vehicle, previews them (fetched with the token, shown from
// a blob: URL), uploads new ones with a progress bar and deletes them. Photos are shown as
// images, PDFs in a frame, and the user's file name is only ever shown as text.
import { html, nothing } from 'lit';
import { Screen } from './screen.js';
import { selectField, textField, errorSummary } from './fields.js';
import { problemsOf, messageOf } from './problems.js';
import { formatDate, formatDateTime } from '../dates.js';
import { t, tEnum } from '../i18n.js';
import * as api from '../api.js';
import { onLogout } from '../session.js';

const previews = new Set();
onLogout(() => {
  previews.forEach((u) => URL.revokeObjectURL(u));
  previews.clear();
});

export class Attachments extends Screen {
  static properties = {
    owner: {},
    ownerId: { attribute: 'owner-id' },
    types: {},
    editable: { type: Boolean },
    _items: { state: true },
    _preview: { state: true },
    _type: { state: true },
    _validUntil: { state: true },
    _progress: { state: true },
    _problems: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._items = null;
    this._problems = { fields: {}, summary: [] };
    this._validUntil = '';
  }

  get typeList() {
    return (this.types || 'PHOTO,ID_COPY,OTHER').split(',');
  }

  connectedCallback() {
    super.connectedCallback();
    this._type = this.typeList[0];
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.closePreview();
  }

  get base() {
    return `/${this.owner}/${this.ownerId}/attachments`;
  }

  async load() {
    try {
      this._items = await api.get(this.base);
      this.dispatchEvent(new CustomEvent('attachments-changed', { detail: this._items, bubbles: true }));
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async preview(item) {
    this.closePreview();
    try {
      const blob = await api.blob(`${this.base}/${item.id}/content`);
      const url = URL.createObjectURL(blob);
      previews.add(url);
      this._preview = { item, url, pdf: item.contentType === 'application/pdf' };
      await this.updateComplete;
      this.querySelector('#preview-heading')?.focus();
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  closePreview() {
    if (this._preview) {
      URL.revokeObjectURL(this._preview.url);
      previews.delete(this._preview.url);
      this._preview = null;
    }
  }

  async deleteAttachment(item) {
    if (!confirm(t('attachments.confirmDelete', { name: item.fileName }))) return;
    try {
      await api.del(`${this.base}/${item.id}`);
      if (this._preview?.item.id === item.id) this.closePreview();
      await this.load();
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async upload(event) {
    event.preventDefault();
    const input = this.querySelector('#attachment-file');
    const file = input.files[0];
    if (!file) {
      this._problems = { fields: { file: t('attachments.chooseFile') }, summary: [{ target: 'attachment-file', message: t('attachments.chooseFile') }] };
      return;
    }
    this._problems = { fields: {}, summary: [] };
    this._progress = 0;
    try {
      await api.upload(this.base, file, { type: this._type, fileName: file.name, validUntil: this._validUntil }, (p) => (this._progress = p));
      input.value = '';
      this._validUntil = '';
      await this.load();
    } catch (error) {
      this._problems = problemsOf(error, { ids: { type: 'attachment-type', validUntil: 'attachment-validUntil', fileName: 'attachment-file' } });
      const f = this._problems.fields;
      this._problems.fields = { type: f.type, validUntil: f.validUntil, file: f.fileName || f.content || (!f.type && !f.validUntil ? this._problems.summary[0]?.message : undefined) };
    } finally {
      this._progress = undefined;
    }
  }

  render() {
    const f = this._problems.fields;
    return html`${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${this._items === null
        ? html`<p class="body">${t('app.loading')}</p>`
        : this._items.length === 0
          ? html`<p class="body" id="no-attachments">${t('attachments.none')}</p>`
          : html`<div class="table-wrap"><table class="table attachments">
              <caption class="visually-hidden">${t('attachments.title')}</caption>
              <thead><tr><th scope="col">${t('attachments.type')}</th><th scope="col">${t('attachments.file')}</th><th scope="col">${t('attachments.validUntil')}</th><th scope="col">${t('attachments.uploaded')}</th><th scope="col"><span class="visually-hidden">${t('attachments.actions')}</span></th></tr></thead>
              <tbody>
                ${this._items.map(
                  (a) => html`<tr>
                    <td>${tEnum('AttachmentType', a.type)}</td>
                    <td class="attachment-name">${a.fileName}<br /><span class="secondary-text">${Math.ceil(a.size / 1024)} KB</span></td>
                    <td>${a.validUntil ? formatDate(a.validUntil) : t('attachments.noExpiry')}</td>
                    <td>${formatDateTime(a.uploadedAt)}</td>
                    <td>
                      <button class="button button--secondary button--small preview-button" @click=${() => this.preview(a)}>${t('attachments.preview')}<span class="visually-hidden"> ${a.fileName}</span></button>
                      ${this.editable
                        ? html`<button class="button button--warning button--small" @click=${() => this.deleteAttachment(a)}>${t('action.delete')}<span class="visually-hidden"> ${a.fileName}</span></button>`
                        : nothing}
                    </td>
                  </tr>`,
                )}
              </tbody></table></div>`}
      ${this._preview
        ? html`<section class="inset" aria-labelledby="preview-heading">
            <h3 class="heading-s" id="preview-heading" tabindex="-1">${t('attachments.previewOf')} ${this._preview.item.fileName}</h3>
            ${this._preview.pdf
              ? html`<iframe class="preview-frame" src="${this._preview.url}" title="${this._preview.item.fileName}"></iframe>`
              : html`<img class="preview" id="attachment-preview" src="${this._preview.url}" alt="${tEnum('AttachmentType', this._preview.item.type)}: ${this._preview.item.fileName}" />`}
            <button class="button button--secondary button--small" @click=${() => this.closePreview()}>${t('attachments.closePreview')}</button>
          </section>`
        : nothing}
      ${this.editable
        ? html`<form class="upload" novalidate @submit=${this.upload}>
            <h3 class="heading-s">${t('attachments.add')}</h3>
            ${selectField({
              id: 'attachment-type',
              label: t('attachments.type'),
              value: this._type,
              error: f.type,
              options: this.typeList.map((v) => ({ value: v, label: tEnum('AttachmentType', v) })),
              onChange: (v) => (this._type = v),
            })}
            ${textField({ id: 'attachment-validUntil', label: t('attachments.validUntil'), type: 'date', optional: true, hint: t('attachments.validUntilHint'), value: this._validUntil, error: f.validUntil, width: 'medium', onInput: (v) => (this._validUntil = v) })}
            <div class="field ${f.file ? 'field--error' : ''}">
              <label class="label" for="attachment-file">${t('attachments.file')}</label>
              <div class="hint" id="attachment-file-hint">${t('attachments.fileHint')}</div>
              ${f.file ? html`<p class="field-error" id="attachment-file-error"><span class="visually-hidden">${t('error.prefix')}</span>${f.file}</p>` : nothing}
              <input class="input" type="file" id="attachment-file" accept="image/jpeg,image/png,application/pdf" aria-describedby="attachment-file-hint${f.file ? ' attachment-file-error' : ''}" />
            </div>
            ${this._progress !== undefined
              ? html`<p><label for="upload-progress">${t('attachments.uploading')}</label><br /><progress id="upload-progress" max="1" .value=${this._progress}></progress></p>`
              : nothing}
            <button class="button button--secondary" id="attachment-upload" type="submit" ?disabled=${this._progress !== undefined}>${t('attachments.upload')}</button>
          </form>`
        : nothing}`;
  }
}

customElements.define('pp-attachments', Attachments);
