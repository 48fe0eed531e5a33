// One card job at the desk: the card face, every attempt at every step, every card made for the
// pass; the operator hands a finished card over (who collected it), retries a failed step, voids
// an unfinished card, or reports a collected card lost (a replacement job is queued).
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, errorSummary, focusErrorSummary, banner } from '../../components/fields.js';
import { statusTag } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { formatDateTime } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { onLogout } from '../../session.js';
import * as api from '../../api.js';
import { textareaField } from './common.js';

const previews = new Set();
onLogout(() => {
  previews.forEach((u) => URL.revokeObjectURL(u));
  previews.clear();
});

export class DeskJob extends Screen {
  static properties = {
    _job: { state: true },
    _face: { state: true },
    _faceError: { state: true },
    _input: { state: true },
    _problems: { state: true },
    _busy: { state: true },
    _done: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._input = { collectedBy: '', voidReason: '', lostReason: '' };
    this._problems = { fields: {}, summary: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.dropFace();
  }

  dropFace() {
    if (this._face) {
      URL.revokeObjectURL(this._face);
      previews.delete(this._face);
      this._face = null;
    }
  }

  async load() {
    try {
      this._job = await api.get(`/card-jobs/${encodeURIComponent(this.params.id)}`);
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
      return;
    }
    this.dropFace();
    try {
      const png = await api.blob(`/passes/${encodeURIComponent(this._job.passNumber)}/card.png`);
      this._face = URL.createObjectURL(png);
      previews.add(this._face);
      this._faceError = null;
    } catch (error) {
      this._faceError = messageOf(error);
    }
  }

  /** The card of this job that is live now, if any. */
  liveCard() {
    return this._job.cards.find((c) => c.status === 'LIVE') || null;
  }

  async act(call, done, ids) {
    this._busy = true;
    this._done = null;
    try {
      await call();
      this._problems = { fields: {}, summary: [] };
      this._input = { collectedBy: '', voidReason: '', lostReason: '' };
      this._done = done;
      await this.load();
    } catch (error) {
      this._problems = problemsOf(error, { ids });
    } finally {
      this._busy = false;
    }
  }

  pickup(event) {
    event.preventDefault();
    const pass = encodeURIComponent(this._job.passNumber);
    this.act(() => api.post(`/passes/${pass}/pickup`, { collectedBy: this._input.collectedBy }), t('job.handedOver', { name: this._input.collectedBy }), { collectedBy: 'collectedBy' });
  }

  retry() {
    this.act(() => api.post(`/card-jobs/${this._job.id}/retry`), t('job.retried'));
  }

  voidCard(event) {
    event.preventDefault();
    this.act(() => api.post(`/card-jobs/${this._job.id}/void`, { reason: this._input.voidReason }), t('job.voided'), { reason: 'voidReason' });
  }

  reportLost(event) {
    event.preventDefault();
    const pass = encodeURIComponent(this._job.passNumber);
    this.act(() => api.post(`/passes/${pass}/lost`, { reason: this._input.lostReason }), t('job.lostReported'), { reason: 'lostReason' });
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  set(name, value) {
    this._input = { ...this._input, [name]: value };
  }

  render() {
    const back = html`<p class="body"><a id="back-to-jobs" href="#/desk?port=${this._job?.port || ''}">${t('job.back')}</a></p>`;
    if (this._error) return html`${back}<p class="field-error" role="alert">${this._error}</p>`;
    if (!this._job) return html`<p class="body">${t('app.loading')}</p>`;
    const job = this._job;
    const live = this.liveCard();
    const readyForPickup = job.status === 'DONE' && live && !live.collectedBy;
    const collected = live && live.collectedBy;
    const f = this._problems.fields;
    return html`${errorSummary(this._problems.summary)} ${back}
      <span class="caption">${t('job.caption', { id: job.id })}</span>
      <h1 class="heading-l" id="job-pass">${job.passNumber}</h1>
      ${banner(this._done)}
      <dl class="summary-list" id="job-summary">
        <div class="summary-list__row"><dt>${t('desk.status')}</dt><dd id="job-status">${statusTag('CardJobStatus', job.status)}</dd></div>
        ${job.activeStep || job.failedStep ? html`<div class="summary-list__row"><dt>${t('job.step')}</dt><dd>${tEnum('CardStep', job.activeStep || job.failedStep)}</dd></div>` : nothing}
        ${job.lastError ? html`<div class="summary-list__row"><dt>${t('job.lastError')}</dt><dd id="job-error">${job.lastError}</dd></div>` : nothing}
        <div class="summary-list__row"><dt>${t('job.desk')}</dt><dd>${job.desk || '–'}</dd></div>
        <div class="summary-list__row"><dt>${t('desk.card')}</dt><dd>${job.cardSerial || '–'}</dd></div>
        ${collected ? html`<div class="summary-list__row"><dt>${t('job.collectedBy')}</dt><dd id="job-collected">${live.collectedBy}, ${formatDateTime(live.collectedAt)}</dd></div>` : nothing}
      </dl>

      ${readyForPickup
        ? html`<form novalidate id="pickup-form" @submit=${(e) => this.pickup(e)}>
            <h2 class="heading-m">${t('job.pickup')}</h2>
            ${textField({ id: 'collectedBy', label: t('job.collectedByLabel'), hint: t('job.collectedByHint'), value: this._input.collectedBy, error: f.collectedBy, onInput: (v) => this.set('collectedBy', v) })}
            <button class="button" id="hand-over" type="submit" ?disabled=${this._busy}>${t('job.handOver')}</button>
          </form>`
        : nothing}
      ${job.status === 'FAILED' ? html`<button class="button" id="retry" ?disabled=${this._busy} @click=${() => this.retry()}>${t('job.retry')}</button>` : nothing}

      <h2 class="heading-m">${t('job.face')}</h2>
      ${this._face
        ? html`<img class="card-face" id="card-face" src="${this._face}" alt="${t('job.faceAlt', { pass: job.passNumber })}" />`
        : html`<p class="body" id="card-face-missing">${this._faceError || t('app.loading')}</p>`}

      <h2 class="heading-m">${t('job.attempts')}</h2>
      ${this.renderAttempts(job.attempts)}
      <h2 class="heading-m">${t('job.cards')}</h2>
      ${this.renderCards(job.cards)}

      ${!['DONE', 'CANCELLED'].includes(job.status)
        ? html`<details class="danger" id="void-details">
            <summary>${t('job.void')}</summary>
            <form novalidate id="void-form" @submit=${(e) => this.voidCard(e)}>
              ${textareaField({ id: 'voidReason', label: t('job.voidReason'), value: this._input.voidReason, error: f.reason, onInput: (v) => this.set('voidReason', v) })}
              <button class="button button--warning" id="void" type="submit" ?disabled=${this._busy}>${t('job.voidConfirm')}</button>
            </form>
          </details>`
        : nothing}
      ${collected
        ? html`<details class="danger" id="lost-details">
            <summary>${t('job.lost')}</summary>
            <form novalidate id="lost-form" @submit=${(e) => this.reportLost(e)}>
              ${textareaField({ id: 'lostReason', label: t('job.lostReason'), hint: t('job.lostHint'), value: this._input.lostReason, error: f.reason, onInput: (v) => this.set('lostReason', v) })}
              <button class="button button--warning" id="report-lost" type="submit" ?disabled=${this._busy}>${t('job.lostConfirm')}</button>
            </form>
          </details>`
        : nothing}`;
  }

  renderAttempts(attempts) {
    if (!attempts.length) return html`<p class="body">${t('job.noAttempts')}</p>`;
    return html`<div class="table-wrap"><table class="table" id="attempts">
      <caption class="visually-hidden">${t('job.attempts')}</caption>
      <thead><tr><th scope="col">${t('job.step')}</th><th scope="col">${t('job.outcome')}</th><th scope="col">${t('job.desk')}</th><th scope="col">${t('job.device')}</th><th scope="col">${t('job.started')}</th><th scope="col">${t('job.finished')}</th><th scope="col">${t('desk.card')}</th></tr></thead>
      <tbody>
        ${attempts.map(
          (a) => html`<tr>
            <td>${tEnum('CardStep', a.step)}</td>
            <td>${a.outcome ? tEnum('AttemptOutcome', a.outcome) : t('job.open')}${a.fault ? html` <strong class="tag tag--red">${tEnum('Fault', a.fault)}</strong>` : nothing}${a.message ? html`<br /><span class="secondary-text">${a.message}</span>` : nothing}</td>
            <td>${a.desk}</td><td>${a.device || '–'}</td><td>${formatDateTime(a.startedAt)}</td><td>${formatDateTime(a.finishedAt)}</td><td>${a.cardSerial || '–'}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  renderCards(cards) {
    if (!cards.length) return html`<p class="body">${t('job.noCards')}</p>`;
    return html`<div class="table-wrap"><table class="table" id="cards">
      <caption class="visually-hidden">${t('job.cards')}</caption>
      <thead><tr><th scope="col">${t('desk.card')}</th><th scope="col">${t('desk.status')}</th><th scope="col">${t('job.chip')}</th><th scope="col">${t('job.collectedBy')}</th><th scope="col">${t('job.voidReasonShort')}</th></tr></thead>
      <tbody>
        ${cards.map(
          (c) => html`<tr>
            <td>${c.serial}</td><td>${statusTag('CardStatus', c.status)}</td><td>${c.chipUid || '–'}</td>
            <td>${c.collectedBy ? `${c.collectedBy}, ${formatDateTime(c.collectedAt)}` : '–'}</td><td>${c.voidReason || '–'}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
customElements.define('pp-desk-job', DeskJob);
