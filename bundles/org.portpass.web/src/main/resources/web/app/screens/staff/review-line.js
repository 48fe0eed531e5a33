// One line of a review queue: the subject as submitted, its attachments (viewable), the rule
// findings and every decision so far; then approve, or reject with a reason. The decision names
// the revision seen here, so a line resubmitted meanwhile is refused rather than decided blind.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { radios, errorSummary, focusErrorSummary } from '../../components/fields.js';
import { portName } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { formatDate, formatDateTime } from '../../dates.js';
import { t, tEnum, currentLanguage } from '../../i18n.js';
import { ports } from '../../ports.js';
import { navigate } from '../../router.js';
import * as api from '../../api.js';
import '../../components/attachments.js';
import { textareaField, snapshotRows, subjectIdOf } from './common.js';
import { findingTags } from './review-queue.js';

// record fields that say nothing to a reviewer
const HIDDEN = new Set(['id', 'companyId', 'version', 'createdAt', 'updatedAt']);
const ENUMS = { identityKind: 'IdentityKind', type: 'VehicleType' };

function snapshotLabel(name) {
  const key = `snapshot.${name}`;
  const label = t(key);
  return label === key ? name : label;
}

function snapshotValue(name, value) {
  if (value === 'null' || value === '') return '–';
  if (ENUMS[name]) return tEnum(ENUMS[name], value);
  if (name === 'birthDate') return formatDate(value);
  return value;
}

export class ReviewLine extends Screen {
  static properties = {
    _task: { state: true },
    _ports: { state: true },
    _violations: { state: true },
    _decision: { state: true },
    _reason: { state: true },
    _problems: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._decision = '';
    this._reason = '';
    this._problems = { fields: {}, summary: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get queue() {
    return `/reviews/${encodeURIComponent(this.params.port)}/${encodeURIComponent(this.params.stage)}`;
  }

  async load() {
    this._ports = await ports().catch(() => []);
    try {
      const tasks = await api.all(this.queue);
      this._task = tasks.find((task) => String(task.lineId) === this.params.lineId) || null;
      this._error = null;
      const subjectId = this._task && subjectIdOf(this._task.subjectSnapshot);
      this._violations = subjectId
        ? await api.get('/violations', { subjectKind: this._task.subjectKind, subjectId }).catch(() => null)
        : null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  languageChanged() {
    super.languageChanged();
    this.load();
  }

  async decide(event) {
    event.preventDefault();
    if (!this._decision) {
      this._problems = { fields: { decision: t('line.chooseDecision') }, summary: [{ target: 'decision', message: t('line.chooseDecision') }] };
      return;
    }
    this._busy = true;
    try {
      await api.post(`${this.queue}/lines/${this._task.lineId}`, {
        decision: this._decision,
        reason: this._reason || null,
        revision: this._task.revision,
      });
      navigate(`${this.queue}?decided=1`);
    } catch (error) {
      this._problems = problemsOf(error, { labels: { reason: t('queue.reason') } });
    } finally {
      this._busy = false;
    }
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  render() {
    const back = html`<p class="body"><a id="back-to-queue" href="#${this.queue}">${t('line.back')}</a></p>`;
    if (this._error) return html`${back}<p class="field-error" role="alert">${this._error}</p>`;
    if (this._task === undefined) return html`<p class="body">${t('app.loading')}</p>`;
    if (this._task === null) {
      return html`<h1 class="heading-l">${t('line.gone')}</h1><p class="body">${t('line.goneText')}</p>${back}`;
    }
    const task = this._task;
    const f = this._problems.fields;
    const owner = task.subjectKind === 'PERSON' ? 'persons' : 'vehicles';
    const subjectId = subjectIdOf(task.subjectSnapshot);
    return html`${errorSummary(this._problems.summary)} ${back}
      <span class="caption">${task.formNumber} · ${portName(this._ports, task.port)} · ${tEnum('Stage', task.stage)}</span>
      <h1 class="heading-l" id="line-subject">${task.subjectLabel}</h1>

      <h2 class="heading-m">${t('line.snapshot')}</h2>
      <dl class="summary-list" id="snapshot">
        ${snapshotRows(task.subjectSnapshot)
          .filter(([name]) => !HIDDEN.has(name))
          .map(([name, value]) => html`<div class="summary-list__row"><dt>${snapshotLabel(name)}</dt><dd>${snapshotValue(name, value)}</dd></div>`)}
      </dl>

      <h2 class="heading-m">${t('line.attachments')}</h2>
      ${task.attachments.length === 0
        ? html`<p class="body">${t('line.noAttachments')}</p>`
        : html`<ul class="list" id="ticked-attachments">
            ${task.attachments.map((a) => html`<li>${tEnum('AttachmentType', a.type)}${a.validUntil ? ` – ${t('line.validUntil', { date: formatDate(a.validUntil) })}` : ''}</li>`)}
          </ul>`}
      ${subjectId ? html`<pp-attachments owner="${owner}" owner-id="${subjectId}"></pp-attachments>` : nothing}

      <h2 class="heading-m">${t('line.findings')}</h2>
      ${task.findings.length === 0
        ? html`<p class="body" id="findings">${t('queue.findings.NONE')}</p>`
        : html`<ul class="list" id="findings">
            ${task.findings.map((finding) => html`<li>${findingTags([finding])} ${finding.port ? `${portName(this._ports, finding.port)}: ` : ''}${finding.message}</li>`)}
          </ul>`}

      <h2 class="heading-m">${t('line.violations')}</h2>
      ${this.renderViolations(this._violations)}

      <h2 class="heading-m">${t('line.history')}</h2>
      ${this.renderHistory(task.history)}

      <form novalidate id="decision-form" @submit=${(e) => this.decide(e)}>
        <h2 class="heading-m">${t('line.decide')}</h2>
        ${radios({ id: 'decision', label: t('queue.decision'), value: this._decision, error: f.decision, options: [{ value: 'APPROVE', label: t('decision.APPROVE') }, { value: 'REJECT', label: t('decision.REJECT') }], onChange: (v) => (this._decision = v) })}
        ${this._decision === 'REJECT' ? textareaField({ id: 'reason', label: t('queue.reason'), hint: t('queue.reasonHint'), value: this._reason, error: f.reason, onInput: (v) => (this._reason = v) }) : nothing}
        <button class="button ${this._decision === 'REJECT' ? 'button--warning' : ''}" id="decide" type="submit" ?disabled=${this._busy}>${t('line.confirm')}</button>
      </form>`;
  }

  renderViolations(violations) {
    if (!violations) return nothing;
    if (!violations.length) return html`<p class="body" id="violations">${t('line.noViolations')}</p>`;
    return html`<div class="table-wrap"><table class="table" id="violations">
      <caption class="visually-hidden">${t('line.violations')}</caption>
      <thead><tr><th scope="col">${t('line.violationOn')}</th><th scope="col">${t('line.violationPort')}</th><th scope="col">${t('line.violationType')}</th><th scope="col">${t('violation.seizedPass')}</th><th scope="col">${t('violation.note')}</th></tr></thead>
      <tbody>
        ${violations.map(
          (v) => html`<tr>
            <td>${formatDate(v.occurredOn)}</td><td>${portName(this._ports, v.port)}</td>
            <td>${currentLanguage() === 'zh-TW' ? v.typeNameZhTw : v.typeNameEn}${v.bannedUntil ? html`<br /><strong class="tag tag--red">${t('line.bannedUntil', { date: formatDate(v.bannedUntil) })}</strong>` : nothing}</td>
            <td>${v.seizedPass || '–'}</td><td>${v.note || ''}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  renderHistory(history) {
    if (!history.length) return html`<p class="body">${t('line.noHistory')}</p>`;
    return html`<div class="table-wrap"><table class="table" id="history">
      <caption class="visually-hidden">${t('line.history')}</caption>
      <thead><tr><th scope="col">${t('line.when')}</th><th scope="col">${t('line.who')}</th><th scope="col">${t('reviews.port')}</th><th scope="col">${t('reviews.stage')}</th><th scope="col">${t('queue.decision')}</th><th scope="col">${t('queue.reason')}</th></tr></thead>
      <tbody>
        ${history.map(
          (d) => html`<tr>
            <td>${formatDateTime(d.decidedAt)}</td><td>${d.reviewer}</td><td>${d.port ? portName(this._ports, d.port) : ''}</td>
            <td>${tEnum('Stage', d.stage)}</td><td>${t(`decision.${d.decision}`)}</td><td>${d.reason || ''}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
customElements.define('pp-review-line', ReviewLine);
