// One submitted application: every line's state as a timeline across its access ports and the
// three review stages, then card production and pickup; a returned line shows the reason and can
// be fixed (dates, attachments) and sent again; lines before card production can be cancelled.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Screen } from '../../components/screen.js';
import { banner, checkboxes, textField, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { statusTag, portName } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { formatDate, formatDateTime } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { ports as loadPorts } from '../../ports.js';
import { row } from './person-detail.js';
import * as api from '../../api.js';

const STAGES = ['REVIEW', 'POLICE', 'SUPERVISOR'];
const AFTER = ['PRODUCTION', 'READY', 'PICKED_UP'];
const CANCELLABLE = ['DRAFT', 'RETURNED', 'REVIEW', 'POLICE', 'SUPERVISOR'];

/** The state of one port's stage for a line: done, current, waiting, returned or cancelled. */
export function stageState(line, port, stage) {
  const at = STAGES.indexOf(line.status);
  const index = STAGES.indexOf(stage);
  if (line.status === 'CANCELLED') return 'cancelled';
  if (line.status === 'RETURNED' || line.status === 'DRAFT') return 'waiting';
  if (at === -1) return 'done'; // past the review: production, ready, picked up
  if (index < at) return 'done';
  if (index > at) return 'waiting';
  return (line.pendingPorts || []).includes(port) ? 'current' : 'done';
}

const MARK = { done: '✓', current: '●', waiting: '○', cancelled: '–' };

export class FormDetail extends Screen {
  static properties = {
    _form: { state: true },
    _ports: { state: true },
    _history: { state: true },
    _fixing: { state: true },
    _fix: { state: true },
    _fixAttachments: { state: true },
    _problems: { state: true },
    _message: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._history = {};
    this._problems = { fields: {}, summary: [] };
  }

  async connectedCallback() {
    super.connectedCallback();
    await this.load();
  }

  async load() {
    try {
      const [form, ports] = await Promise.all([api.get(`/forms/${this.params.id}`), loadPorts().catch(() => [])]);
      this._form = form;
      this._ports = ports;
      // the reason and who returned a line come from its history
      for (const line of form.lines.filter((l) => l.status === 'RETURNED')) this.loadHistory(line.id);
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  async loadHistory(lineId) {
    try {
      this._history = { ...this._history, [lineId]: await api.get(`/lines/${lineId}/history`) };
    } catch (error) {
      this._history = { ...this._history, [lineId]: [] };
    }
  }

  async startFix(line) {
    this._fixing = line.id;
    this._fix = { validFrom: line.validFrom || '', validTo: line.validTo || '', attachmentIds: [...line.attachmentIds] };
    this._problems = { fields: {}, summary: [] };
    const owner = line.subjectKind === 'PERSON' ? 'persons' : 'vehicles';
    try {
      this._fixAttachments = await api.get(`/${owner}/${line.subjectId}/attachments`);
    } catch {
      this._fixAttachments = [];
    }
    await this.updateComplete;
    this.querySelector(`#fix-${line.id} h3`)?.focus();
  }

  async resubmit(line) {
    try {
      await api.post(`/lines/${line.id}/resubmit`, { subjectKind: line.subjectKind, subjectId: line.subjectId, ...this._fix });
      this._fixing = null;
      this._message = t('form.resubmitted', { n: line.lineNo });
      await this.load();
    } catch (error) {
      // field paths of a single line have no lines/N prefix: fix-validFrom, fix-validTo, ...
      const problems = problemsOf(error);
      problems.summary = problems.summary.map((p) => ({ ...p, target: p.target ? `fix-${p.target.replace(/^lines-\d+-/, '')}` : undefined }));
      problems.fields = Object.fromEntries(Object.entries(problems.fields).map(([k, v]) => [k.replace(/^lines\/\d+\//, ''), v]));
      this._problems = problems;
    }
  }

  async cancelLine(line) {
    if (!confirm(t('form.confirmCancelLine', { label: line.subjectLabel }))) return;
    try {
      await api.post(`/lines/${line.id}/cancel`);
      this._message = t('form.lineCancelled', { n: line.lineNo });
      await this.load();
    } catch (error) {
      this._problems = problemsOf(error);
    }
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  render() {
    if (this._error) return html`<h1 class="heading-l">${t('form.title')}</h1><p class="body" role="alert">${this._error}</p>`;
    const f = this._form;
    if (!f) return html`<p class="body">${t('app.loading')}</p>`;
    const ports = [...f.accessPorts].sort();
    return html`<a class="back-link" href="#/forms">${t('wizard.toList')}</a>
      ${errorSummary(this._problems.summary)}
      ${this.query?.submitted ? banner(t('forms.submittedBanner', { number: f.number })) : nothing} ${banner(this._message)}
      <span class="caption">${t('form.title')}</span>
      <h1 class="heading-l" id="form-number">${f.number || t('forms.draftNo', { id: f.id })}</h1>
      <dl class="summary-list">
        ${row(t('form.status'), statusTag('FormStatus', f.status))} ${row(t('forms.passType'), tEnum('PassType', f.passType))}
        ${row(t('wizard.accessPorts'), ports.map((c) => portName(this._ports, c)).join('、'))}
        ${row(t('wizard.pickupPort'), portName(this._ports, f.pickupPort))}
        ${row(t('wizard.purpose'), f.purpose)} ${row(t('forms.submittedAt'), formatDateTime(f.submittedAt))}
      </dl>
      ${f.status === 'DRAFT' ? html`<p><a class="button" href="#/forms/${f.id}/edit">${t('form.continueDraft')}</a></p>` : nothing}
      <h2 class="heading-m">${t('form.lines', { n: f.lines.length })}</h2>
      <p class="body">${t('form.timelineHint')}</p>
      <div class="lines" id="form-lines">${repeat(f.lines, (l) => l.id, (l) => this.renderLine(l, ports))}</div>`;
  }

  renderLine(line, ports) {
    const history = this._history[line.id];
    const rejection = history && [...history].reverse().find((d) => d.decision === 'REJECT');
    return html`<section class="line ${line.status === 'RETURNED' ? 'line--error' : ''}" id="line-${line.id}" aria-labelledby="line-${line.id}-title">
      <h3 class="line__head" id="line-${line.id}-title">${t('wizard.line', { n: line.lineNo })} · ${tEnum('SubjectKind', line.subjectKind)} · <span class="line-label">${line.subjectLabel}</span> ${statusTag('LineStatus', line.status)}</h3>
      <p class="body">${formatDate(line.validFrom)} – ${formatDate(line.validTo)}${line.passNumber ? html` · ${t('form.passNumber')} <strong class="pass-number">${line.passNumber}</strong>` : nothing}${line.cardStatus ? html` · ${statusTag('CardStatus', line.cardStatus)}` : nothing}</p>
      <ul class="timeline" aria-label="${t('form.timeline')}">
        ${ports.map((p) =>
          STAGES.map((s) => {
            const state = stageState(line, p, s);
            return html`<li class="timeline--${state}"><span aria-hidden="true">${MARK[state]}</span> ${portName(this._ports, p)} ${tEnum('Stage', s)}<span class="visually-hidden">: ${t(`form.state.${state}`)}</span></li>`;
          }),
        )}
        ${AFTER.map((s) => {
          const reached = AFTER.indexOf(line.status) >= AFTER.indexOf(s);
          return html`<li><span aria-hidden="true">${reached ? '✓' : '○'}</span> ${tEnum('LineStatus', s)}<span class="visually-hidden">: ${t(reached ? 'form.state.done' : 'form.state.waiting')}</span></li>`;
        })}
      </ul>
      ${line.status === 'RETURNED'
        ? html`<div class="inset return-reason"><strong>${t('form.returnedBy', { port: rejection ? portName(this._ports, rejection.port) : '', stage: rejection ? tEnum('Stage', rejection.stage) : '' })}</strong><br />${t('form.reason')}: <span class="reason-text">${line.lastReason || rejection?.reason || ''}</span></div>`
        : nothing}
      <div class="button-group">
        ${line.status === 'RETURNED' && this._fixing !== line.id ? html`<button class="button button--secondary button--small fix-line" @click=${() => this.startFix(line)}>${t('form.fix')}<span class="visually-hidden"> ${line.subjectLabel}</span></button>` : nothing}
        ${CANCELLABLE.includes(line.status) ? html`<button class="button button--warning button--small cancel-line" @click=${() => this.cancelLine(line)}>${t('form.cancelLine')}<span class="visually-hidden"> ${line.subjectLabel}</span></button>` : nothing}
        <details @toggle=${(e) => e.target.open && !history && this.loadHistory(line.id)}>
          <summary>${t('form.history')}</summary>
          ${history ? this.renderHistory(history) : html`<p class="hint">${t('app.loading')}</p>`}
        </details>
      </div>
      ${this._fixing === line.id ? this.renderFix(line) : nothing}
    </section>`;
  }

  renderHistory(history) {
    if (history.length === 0) return html`<p class="hint">${t('form.noHistory')}</p>`;
    return html`<ol class="history">
      ${history.map(
        (d) => html`<li>${formatDateTime(d.decidedAt)} · ${d.port ? `${portName(this._ports, d.port)} ${tEnum('Stage', d.stage)} · ` : ''}${tEnum('Decision', d.decision)} · ${d.reviewer}${d.reason ? html` · ${t('form.reason')}: ${d.reason}` : nothing}</li>`,
      )}
    </ol>`;
  }

  renderFix(line) {
    const e = this._problems.fields;
    return html`<div class="inset" id="fix-${line.id}">
      <h3 class="heading-s" tabindex="-1">${t('form.fixTitle')}</h3>
      <div class="line__fields">
        ${textField({ id: 'fix-validFrom', label: t('wizard.validFrom'), type: 'date', value: this._fix.validFrom, error: e.validFrom, onInput: (v) => (this._fix = { ...this._fix, validFrom: v }) })}
        ${textField({ id: 'fix-validTo', label: t('wizard.validTo'), type: 'date', value: this._fix.validTo, error: e.validTo, onInput: (v) => (this._fix = { ...this._fix, validTo: v }) })}
      </div>
      ${checkboxes({
        id: 'fix-attachmentIds',
        label: t('wizard.lineAttachments'),
        hint: t('form.fixAttachmentsHint'),
        value: this._fix.attachmentIds,
        error: e.attachmentIds,
        options: (this._fixAttachments || []).map((a) => ({ value: a.id, label: `${tEnum('AttachmentType', a.type)}：${a.fileName}` })),
        onChange: (v) => (this._fix = { ...this._fix, attachmentIds: v }),
      })}
      <button class="button" id="resubmit-line" @click=${() => this.resubmit(line)}>${t('form.resubmit')}</button>
      <button class="button button--secondary" @click=${() => (this._fixing = null)}>${t('action.cancel')}</button>
    </div>`;
  }
}

customElements.define('pp-form-detail', FormDetail);
