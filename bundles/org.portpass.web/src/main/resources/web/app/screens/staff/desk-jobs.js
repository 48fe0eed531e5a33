// The card desk: the port's card jobs (oldest first) with their step, card and attempts, and the
// desks of this port with their devices; "run next job" makes the next card on a desk's devices.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { selectField, banner } from '../../components/fields.js';
import { portName, statusTag } from '../../components/format.js';
import { messageOf } from '../../components/problems.js';
import { formatDateTime } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { ports } from '../../ports.js';
import * as api from '../../api.js';
import { deskPortsOf, pager } from './common.js';

const STATUSES = ['QUEUED', 'PRINTED', 'VERIFIED', 'FAILED', 'DONE', 'CANCELLED'];
const SIZE = 50;

export class DeskJobs extends Screen {
  static properties = {
    _ports: { state: true },
    _port: { state: true },
    _status: { state: true },
    _jobs: { state: true },
    _desks: { state: true },
    _running: { state: true },
    _message: { state: true },
    _error: { state: true },
    _runError: { state: true },
  };

  constructor() {
    super();
    this._status = '';
    this._page = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.start();
  }

  async start() {
    this._ports = await ports().catch(() => []);
    const mine = this.myPorts();
    this._port = this.query?.port && mine.includes(this.query.port) ? this.query.port : mine[0];
    this._status = this.query?.status || '';
    await Promise.all([this.loadJobs(), this.loadDesks()]);
  }

  myPorts() {
    return deskPortsOf(currentAccount());
  }

  async loadJobs() {
    if (!this._port) return;
    try {
      this._jobs = await api.get('/card-jobs', { port: this._port, status: this._status, page: this._page, size: SIZE });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async loadDesks() {
    try {
      this._desks = await api.get('/card-desks');
    } catch (error) {
      this._desks = [];
      this._runError = messageOf(error);
    }
  }

  async run(desk) {
    this._running = desk.desk;
    this._message = null;
    this._runError = null;
    try {
      const job = await api.post(`/card-desks/${encodeURIComponent(desk.port)}/${encodeURIComponent(desk.desk)}/run`);
      this._message = job
        ? t('desk.ran', { pass: job.passNumber, status: tEnum('CardJobStatus', job.status) }) + (job.lastError ? ` ${job.lastError}` : '')
        : t('desk.nothingToRun');
    } catch (error) {
      this._runError = messageOf(error);
    }
    this._running = null;
    await Promise.all([this.loadJobs(), this.loadDesks()]);
  }

  filter(changes) {
    Object.assign(this, changes);
    this._page = 0;
    this.loadJobs();
  }

  render() {
    const mine = this.myPorts();
    if (this._ports && mine.length === 0) return html`<h1 class="heading-l">${t('desk.title')}</h1><p class="body">${t('desk.noPort')}</p>`;
    const desks = (this._desks || []).filter((d) => d.port === this._port);
    return html`<span class="caption">${portName(this._ports, this._port)}</span>
      <h1 class="heading-l">${t('desk.title')}</h1>
      ${banner(this._message, 'info')}
      ${this._runError ? html`<p class="field-error" role="alert" id="run-error">${this._runError}</p>` : nothing}
      <h2 class="heading-m">${t('desk.desks')}</h2>
      ${desks.length === 0 ? html`<p class="body" id="no-desks">${t('desk.noDesks')}</p>` : html`<div class="card-grid">${desks.map((d) => this.renderDesk(d))}</div>`}
      <h2 class="heading-m">${t('desk.jobs')}</h2>
      <form class="search" @submit=${(e) => e.preventDefault()}>
        ${mine.length > 1 ? selectField({ id: 'desk-port', label: t('reviews.port'), value: this._port, options: mine.map((p) => ({ value: p, label: portName(this._ports, p) })), onChange: (v) => this.filter({ _port: v }) }) : nothing}
        ${selectField({ id: 'job-status', label: t('desk.status'), value: this._status, empty: t('desk.allStatuses'), options: STATUSES.map((s) => ({ value: s, label: tEnum('CardJobStatus', s) })), onChange: (v) => this.filter({ _status: v }) })}
      </form>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${this.renderJobs()}`;
  }

  renderDesk(desk) {
    return html`<section class="desk" id="desk-${desk.desk}" aria-labelledby="desk-${desk.desk}-name">
      <h3 class="heading-s" id="desk-${desk.desk}-name">${desk.desk}${desk.autoRun ? html` <strong class="tag tag--grey">${t('desk.autoRun')}</strong>` : nothing}</h3>
      <ul class="list">
        ${desk.devices.map(
          (device) => html`<li>${t(`desk.device.${device.kind}`)} ${device.name}:
            <strong class="tag ${device.online ? 'tag--green' : 'tag--red'}">${device.online ? t('desk.online') : t('desk.offline')}</strong>
            ${device.detail ? html`<span class="secondary-text">${device.detail}</span>` : nothing}</li>`,
        )}
      </ul>
      <button class="button" id="run-${desk.desk}" ?disabled=${!!this._running} @click=${() => this.run(desk)}>
        ${this._running === desk.desk ? t('desk.running') : t('desk.runNext')}
      </button>
    </section>`;
  }

  renderJobs() {
    const r = this._jobs;
    if (!r) return html`<p class="body">${t('app.loading')}</p>`;
    if (r.items.length === 0) return html`<p class="body" id="no-jobs">${t('desk.noJobs')}</p>`;
    return html`<p class="body" role="status">${t('list.count', { total: r.total })}</p>
      <div class="table-wrap"><table class="table" id="jobs">
        <caption class="visually-hidden">${t('desk.jobs')}</caption>
        <thead><tr><th scope="col">${t('desk.pass')}</th><th scope="col">${t('desk.status')}</th><th scope="col">${t('desk.card')}</th><th scope="col">${t('desk.attempts')}</th><th scope="col">${t('desk.updated')}</th></tr></thead>
        <tbody>
          ${r.items.map(
            (job) => html`<tr class="job-row">
              <td><a class="job-link" id="job-${job.id}" href="#/desk/jobs/${job.id}">${job.passNumber}</a>${job.generation > 1 ? html` <span class="secondary-text">${t('desk.replacement', { n: job.generation })}</span>` : nothing}</td>
              <td>${statusTag('CardJobStatus', job.status)}${job.lastError ? html`<br /><span class="secondary-text">${job.lastError}</span>` : nothing}</td>
              <td>${job.cardSerial || '–'}</td>
              <td>${job.attempts.length}</td>
              <td>${formatDateTime(job.updatedAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${pager(r, (page) => {
        this._page = page;
        this.loadJobs();
      })}`;
  }
}
customElements.define('pp-desk-jobs', DeskJobs);
