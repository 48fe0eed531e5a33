// A port's queue at one stage, oldest submission first (the server's order): filter by kind,
// findings and text, select lines and approve or reject them together. Large selections are sent
// in batches so the progress bar moves and a refusal of one line never hides the others.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { checkboxes, radios, textField, errorSummary, focusErrorSummary, banner } from '../../components/fields.js';
import { portName } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { t, tEnum } from '../../i18n.js';
import { ports } from '../../ports.js';
import * as api from '../../api.js';
import { textareaField, progressBar } from './common.js';

const BATCH = 50;

export class ReviewQueue extends Screen {
  static properties = {
    _tasks: { state: true },
    _ports: { state: true },
    _filter: { state: true },
    _selected: { state: true },
    _decision: { state: true },
    _reason: { state: true },
    _problems: { state: true },
    _progress: { state: true },
    _outcome: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this._filter = { text: '', kinds: [], findings: [] };
    this._selected = new Set();
    this._decision = 'APPROVE';
    this._reason = '';
    this._problems = { fields: {}, summary: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.query?.decided) this._outcome = { applied: Number(this.query.decided), refused: [] };
    this.load();
  }

  get base() {
    return `/reviews/${encodeURIComponent(this.params.port)}/${encodeURIComponent(this.params.stage)}`;
  }

  async load() {
    this._ports = await ports().catch(() => []);
    try {
      this._tasks = await api.all(this.base);
      this._error = null;
      const open = new Set(this._tasks.map((task) => task.lineId));
      this._selected = new Set([...this._selected].filter((id) => open.has(id)));
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  languageChanged() {
    super.languageChanged();
    this.load(); // findings and reasons come from the server in the user's language
  }

  visible() {
    const { text, kinds, findings } = this._filter;
    const needle = text.trim().toLowerCase();
    return (this._tasks || []).filter((task) => {
      if (kinds.length && !kinds.includes(task.subjectKind)) return false;
      if (findings.length) {
        const severities = new Set(task.findings.map((f) => f.severity));
        if (!findings.some((s) => (s === 'NONE' ? severities.size === 0 : severities.has(s)))) return false;
      }
      if (!needle) return true;
      return [task.formNumber, task.subjectLabel, task.subjectSnapshot].some((v) => (v || '').toLowerCase().includes(needle));
    });
  }

  toggle(lineId, on) {
    const next = new Set(this._selected);
    if (on) next.add(lineId);
    else next.delete(lineId);
    this._selected = next;
  }

  toggleAll(tasks, on) {
    const next = new Set(this._selected);
    tasks.forEach((task) => (on ? next.add(task.lineId) : next.delete(task.lineId)));
    this._selected = next;
  }

  async decide(event) {
    event.preventDefault();
    const chosen = this._tasks.filter((task) => this._selected.has(task.lineId));
    if (chosen.length === 0) {
      this._problems = { fields: {}, summary: [{ target: 'select-all', message: t('queue.selectFirst') }] };
      return;
    }
    const labels = new Map(chosen.map((task) => [task.lineId, task.subjectLabel]));
    let applied = 0;
    const refused = [];
    this._problems = { fields: {}, summary: [] };
    this._outcome = null;
    this._progress = { done: 0, total: chosen.length };
    try {
      for (let i = 0; i < chosen.length; i += BATCH) {
        const lines = chosen.slice(i, i + BATCH).map((task) => ({ lineId: task.lineId, revision: task.revision }));
        const results = await api.post(`${this.base}/decisions`, { decision: this._decision, reason: this._reason || null, lines });
        for (const r of results) {
          if (r.errorCode) refused.push({ label: labels.get(r.lineId), message: r.message || r.errorCode });
          else applied++;
        }
        this._progress = { done: Math.min(i + BATCH, chosen.length), total: chosen.length };
      }
    } catch (error) {
      this._problems = problemsOf(error, { labels: { reason: t('queue.reason') } });
    }
    this._progress = null;
    if (applied || refused.length) {
      this._outcome = { applied, refused };
      if (!refused.length) this._reason = '';
      await this.load();
    }
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
  }

  render() {
    const tasks = this.visible();
    const port = portName(this._ports, this.params.port);
    const stage = tEnum('Stage', this.params.stage);
    const allVisibleSelected = tasks.length > 0 && tasks.every((task) => this._selected.has(task.lineId));
    const f = this._problems.fields;
    return html`${errorSummary(this._problems.summary)}
      <span class="caption">${port}</span>
      <h1 class="heading-l">${t('queue.title', { stage })}</h1>
      ${this._outcome ? this.renderOutcome() : nothing}
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      ${!this._tasks
        ? html`<p class="body">${t('app.loading')}</p>`
        : html`<form class="search" role="search" @submit=${(e) => e.preventDefault()}>
              ${textField({ id: 'queue-search', label: t('queue.search'), hint: t('queue.searchHint'), value: this._filter.text, onInput: (v) => (this._filter = { ...this._filter, text: v }) })}
            </form>
            <details class="filters">
              <summary>${t('queue.filters')}</summary>
              ${checkboxes({ id: 'filter-kind', label: t('queue.kind'), value: this._filter.kinds, options: ['PERSON', 'VEHICLE'].map((v) => ({ value: v, label: tEnum('SubjectKind', v) })), onChange: (v) => (this._filter = { ...this._filter, kinds: v }) })}
              ${checkboxes({ id: 'filter-findings', label: t('queue.findings'), value: this._filter.findings, options: ['BLOCKING', 'WARNING', 'NONE'].map((v) => ({ value: v, label: t(`queue.findings.${v}`) })), onChange: (v) => (this._filter = { ...this._filter, findings: v }) })}
            </details>
            <p class="body" role="status" id="queue-count">${t('queue.count', { shown: tasks.length, total: this._tasks.length })}</p>
            ${tasks.length === 0 ? html`<p class="body" id="queue-empty">${t('queue.empty')}</p>` : this.renderTable(tasks, allVisibleSelected)}
            ${this._tasks.length ? this.renderDecision(f) : nothing}`}`;
  }

  renderTable(tasks, allSelected) {
    return html`<div class="table-wrap"><table class="table" id="queue">
      <caption class="visually-hidden">${t('queue.caption')}</caption>
      <thead><tr>
        <th scope="col"><div class="checkbox"><input type="checkbox" id="select-all" .checked=${allSelected} @change=${(e) => this.toggleAll(tasks, e.target.checked)} /><label for="select-all"><span class="visually-hidden">${t('queue.selectAll')}</span></label></div></th>
        <th scope="col">${t('queue.subject')}</th><th scope="col">${t('queue.form')}</th><th scope="col">${t('queue.kind')}</th><th scope="col">${t('queue.findings')}</th>
      </tr></thead>
      <tbody>
        ${tasks.map(
          (task) => html`<tr class="queue-row" data-line="${task.lineId}">
            <td><div class="checkbox"><input type="checkbox" id="select-${task.lineId}" .checked=${this._selected.has(task.lineId)} @change=${(e) => this.toggle(task.lineId, e.target.checked)} /><label for="select-${task.lineId}"><span class="visually-hidden">${t('queue.select', { subject: task.subjectLabel })}</span></label></div></td>
            <td><a class="line-link" id="line-${task.lineId}" href="#${this.base}/lines/${task.lineId}">${task.subjectLabel}</a></td>
            <td>${task.formNumber}</td>
            <td>${tEnum('SubjectKind', task.subjectKind)}</td>
            <td>${findingTags(task.findings)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  renderDecision(f) {
    const n = this._selected.size;
    return html`<form novalidate id="bulk-decision" @submit=${(e) => this.decide(e)}>
      <h2 class="heading-m">${t('queue.decideSelected', { count: n })}</h2>
      ${radios({ id: 'decision', label: t('queue.decision'), inline: true, value: this._decision, error: f.decision, options: [{ value: 'APPROVE', label: t('decision.APPROVE') }, { value: 'REJECT', label: t('decision.REJECT') }], onChange: (v) => (this._decision = v) })}
      ${this._decision === 'REJECT' ? textareaField({ id: 'reason', label: t('queue.reason'), hint: t('queue.reasonHint'), value: this._reason, error: f.reason, onInput: (v) => (this._reason = v) }) : nothing}
      ${progressBar('bulk-progress', this._progress)}
      <button class="button ${this._decision === 'REJECT' ? 'button--warning' : ''}" id="decide-selected" type="submit" ?disabled=${!!this._progress}>
        ${this._decision === 'REJECT' ? t('queue.rejectSelected', { count: n }) : t('queue.approveSelected', { count: n })}
      </button>
    </form>`;
  }

  renderOutcome() {
    const { applied, refused } = this._outcome;
    return html`${applied ? banner(t('queue.decided', { count: applied })) : nothing}
      ${refused.length
        ? html`<div class="error-summary" role="alert" id="refused">
            <h2 class="error-summary__title">${t('queue.refused', { count: refused.length })}</h2>
            <ul class="error-summary__list">${refused.map((r) => html`<li>${r.label}: ${r.message}</li>`)}</ul>
          </div>`
        : nothing}`;
  }
}

/** Blocking findings in red, warnings in yellow, "none" in grey. */
export function findingTags(findings) {
  if (!findings.length) return html`<strong class="tag tag--grey">${t('queue.findings.NONE')}</strong>`;
  const blocking = findings.filter((f) => f.severity === 'BLOCKING').length;
  const warnings = findings.length - blocking;
  return html`${blocking ? html`<strong class="tag tag--red">${t('queue.blockingCount', { count: blocking })}</strong> ` : nothing}${warnings ? html`<strong class="tag tag--yellow">${t('queue.warningCount', { count: warnings })}</strong>` : nothing}`;
}

customElements.define('pp-review-queue', ReviewQueue);
