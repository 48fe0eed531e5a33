// The company's application forms: the draft box (saved, not yet submitted) and the submitted
// forms with a count of lines per state. One main action: start a new form.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { banner } from '../../components/fields.js';
import { statusTag } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDateTime } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import * as api from '../../api.js';

export class Forms extends Screen {
  static properties = { _drafts: { state: true }, _submitted: { state: true }, _error: { state: true }, _page: { state: true }, _total: { state: true } };

  constructor() {
    super();
    this._drafts = null;
    this._submitted = null;
    this._page = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [drafts, submitted] = await Promise.all([
        api.get('/forms', { status: 'DRAFT', size: 100 }),
        api.get('/forms', { status: 'SUBMITTED', page: this._page, size: 20 }),
      ]);
      const finished = await api.get('/forms', { status: 'FINISHED', size: 20 });
      this._drafts = drafts.items;
      // only forms with a number belong here, whatever the filter answered
      this._submitted = [...submitted.items, ...finished.items].filter((f) => f.status !== 'DRAFT');
      this._total = submitted.total;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  counts(form) {
    return Object.entries(form.lineCounts || {})
      .filter(([, n]) => n > 0)
      .map(([status, n]) => html`${statusTag('LineStatus', status)} ${n} `);
  }

  render() {
    return html`<h1 class="heading-l">${t('forms.title')}</h1>
      ${this.query?.saved ? banner(t('forms.savedBanner')) : nothing}
      ${this.query?.submitted ? banner(t('forms.submittedBanner', { number: this.query.submitted })) : nothing}
      ${this._error ? html`<div class="error-summary" role="alert"><p>${this._error}</p></div>` : nothing}
      <a class="button" id="new-form" href="#/forms/new">${t('forms.new')}</a>
      <h2 class="heading-m" id="drafts-heading">${t('forms.drafts')}</h2>
      ${this._drafts === null
        ? html`<p class="body">${t('app.loading')}</p>`
        : this._drafts.length === 0
          ? html`<p class="body">${t('forms.noDrafts')}</p>`
          : html`<div class="table-wrap"><table class="table" id="drafts" aria-labelledby="drafts-heading">
              <thead><tr><th scope="col">${t('forms.draft')}</th><th scope="col">${t('forms.passType')}</th><th scope="col">${t('forms.ports')}</th><th scope="col">${t('forms.lines')}</th><th scope="col">${t('forms.created')}</th></tr></thead>
              <tbody>
                ${this._drafts.map(
                  (f) => html`<tr>
                    <td><a href="#/forms/${f.id}/edit" id="draft-${f.id}">${t('forms.draftNo', { id: f.id })}</a></td>
                    <td>${tEnum('PassType', f.passType)}</td>
                    <td>${(f.accessPorts || []).join('、')}</td>
                    <td>${f.lineCount}</td>
                    <td>${formatDateTime(f.createdAt)}</td>
                  </tr>`,
                )}
              </tbody></table></div>`}
      <h2 class="heading-m" id="submitted-heading">${t('forms.submitted')}</h2>
      ${this._submitted === null
        ? nothing
        : this._submitted.length === 0
          ? html`<p class="body">${t('forms.noSubmitted')}</p>`
          : html`<div class="table-wrap"><table class="table" id="submitted" aria-labelledby="submitted-heading">
              <thead><tr><th scope="col">${t('forms.number')}</th><th scope="col">${t('forms.passType')}</th><th scope="col">${t('forms.ports')}</th><th scope="col">${t('forms.lineStates')}</th><th scope="col">${t('forms.submittedAt')}</th></tr></thead>
              <tbody>
                ${this._submitted.map(
                  (f) => html`<tr>
                    <td><a href="#/forms/${f.id}" id="form-${f.id}">${f.number || t('forms.draftNo', { id: f.id })}</a></td>
                    <td>${tEnum('PassType', f.passType)}</td>
                    <td>${(f.accessPorts || []).join('、')}</td>
                    <td>${this.counts(f)}</td>
                    <td>${formatDateTime(f.submittedAt)}</td>
                  </tr>`,
                )}
              </tbody></table></div>`}`;
  }
}

customElements.define('pp-forms', Forms);
