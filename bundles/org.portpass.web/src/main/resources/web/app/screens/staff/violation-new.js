// The harbor police or a supervisor records a violation (違規) at one of their ports: the pass
// seized (查扣) at the gate, or the person or vehicle; the answer tells the ban (管制) it carries.
import { html, nothing } from 'lit';
import { Screen } from '../../components/screen.js';
import { textField, selectField, radios, errorSummary, focusErrorSummary, banner } from '../../components/fields.js';
import { portName } from '../../components/format.js';
import { problemsOf, messageOf } from '../../components/problems.js';
import { formatDate, today } from '../../dates.js';
import { t, tEnum, currentLanguage } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { ports as loadPorts } from '../../ports.js';
import * as api from '../../api.js';
import { textareaField } from './common.js';

const LABELS = ['type', 'port', 'occurredOn', 'seizedPass', 'subjectKind', 'subjectId', 'note'];

export class ViolationNew extends Screen {
  static properties = {
    _data: { state: true },
    _types: { state: true },
    _ports: { state: true },
    _problems: { state: true },
    _recorded: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    const mine = [...(currentAccount()?.ports || [])].sort();
    this._data = { port: mine[0] || '', occurredOn: today(), by: 'PASS', subjectKind: 'PERSON' };
    this._types = [];
    this._ports = [];
    this._problems = { fields: {}, summary: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    loadPorts().then((p) => (this._ports = p)).catch(() => {});
    this.loadTypes();
  }

  async loadTypes() {
    try {
      this._types = await api.get('/violation-types', { port: this._data.port });
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
    }
  }

  set(field, value) {
    this._data = { ...this._data, [field]: value };
    if (field === 'port') this.loadTypes();
  }

  async save(event) {
    event.preventDefault();
    const d = this._data;
    const body = {
      type: d.type || null,
      port: d.port || null,
      occurredOn: d.occurredOn || null,
      note: (d.note || '').trim() || null,
      ...(d.by === 'PASS'
        ? { seizedPass: (d.seizedPass || '').trim() || null }
        : { subjectKind: d.subjectKind, subjectId: /^\d+$/.test(d.subjectId || '') ? Number(d.subjectId) : null }),
    };
    this._busy = true;
    try {
      this._recorded = await api.post('/violations', body);
      this._problems = { fields: {}, summary: [] };
      this._data = { ...this._data, seizedPass: '', subjectId: '', note: '' };
    } catch (error) {
      this._recorded = null;
      this._problems = this.problemsOf(error);
    } finally {
      this._busy = false;
    }
  }

  /** The server's problems; by seized pass, those about the subject (or no such pass) go beside the pass number. */
  problemsOf(error) {
    const labels = Object.fromEntries(LABELS.map((id) => [id, t(`violation.${id}`)]));
    const problems = problemsOf(error, { labels });
    if (this._data.by !== 'PASS') return problems;
    const fields = { ...problems.fields };
    let message = fields.subjectKind || fields.subjectId ? t('violation.seizedPassRequired') : null;
    if (error.status === 404) message = messageOf(error);
    if (!message) return problems;
    delete fields.subjectKind;
    delete fields.subjectId;
    fields.seizedPass = message;
    const summary = problems.summary.filter((p) => p.target && !['subjectKind', 'subjectId'].includes(p.target));
    summary.push({ target: 'seizedPass', message: `${labels.seizedPass}: ${message}` });
    return { fields, summary };
  }

  updated(changed) {
    if (changed.has('_problems')) focusErrorSummary(this);
    // the form is long: show the answer, which is above it
    if (changed.has('_recorded') && this._recorded) this.renderRoot.querySelector('#violation-recorded')?.scrollIntoView({ block: 'center' });
  }

  typeName(type) {
    return currentLanguage() === 'zh-TW' ? type.nameZhTw : type.nameEn;
  }

  render() {
    const f = this._problems.fields;
    const d = this._data;
    const mine = [...(currentAccount()?.ports || [])].sort();
    const v = this._recorded;
    return html`${errorSummary(this._problems.summary)}
      <h1 class="heading-l">${t('violation.title')}</h1>
      <p class="body">${t('violation.intro')}</p>
      ${v
        ? banner(
            html`<span id="violation-recorded">${t('violation.recorded', { id: v.id })}
              ${v.seizedPass ? t('violation.seized', { pass: v.seizedPass }) : ''}
              ${v.bannedUntil ? t('violation.bannedUntil', { date: formatDate(v.bannedUntil) }) : t('violation.noBan')}</span>`,
          )
        : nothing}
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
      <form novalidate class="narrow" id="violation-form" @submit=${(e) => this.save(e)}>
        ${selectField({ id: 'port', label: t('violation.port'), value: d.port, error: f.port, options: mine.map((c) => ({ value: c, label: portName(this._ports, c) })), onChange: (x) => this.set('port', x) })}
        ${selectField({ id: 'type', label: t('violation.type'), value: d.type, error: f.type, empty: t('violation.chooseType'), options: this._types.map((x) => ({ value: x.code, label: `${this.typeName(x)} — ${x.banMonths ? t('violation.months', { n: x.banMonths }) : t('violation.noBan')}` })), onChange: (x) => this.set('type', x) })}
        ${textField({ id: 'occurredOn', label: t('violation.occurredOn'), type: 'date', width: 'medium', value: d.occurredOn, error: f.occurredOn, onInput: (x) => this.set('occurredOn', x) })}
        ${radios({ id: 'by', label: t('violation.by'), value: d.by, options: [{ value: 'PASS', label: t('violation.byPass') }, { value: 'SUBJECT', label: t('violation.bySubject') }], onChange: (x) => this.set('by', x) })}
        ${d.by === 'PASS'
          ? textField({ id: 'seizedPass', label: t('violation.seizedPass'), hint: t('violation.seizedPassHint'), width: 'medium', value: d.seizedPass, error: f.seizedPass, onInput: (x) => this.set('seizedPass', x) })
          : html`${selectField({ id: 'subjectKind', label: t('violation.subjectKind'), value: d.subjectKind, error: f.subjectKind, options: ['PERSON', 'VEHICLE'].map((k) => ({ value: k, label: tEnum('SubjectKind', k) })), onChange: (x) => this.set('subjectKind', x) })}
              ${textField({ id: 'subjectId', label: t('violation.subjectId'), inputmode: 'numeric', width: 'short', value: d.subjectId, error: f.subjectId, onInput: (x) => this.set('subjectId', x) })}`}
        ${textareaField({ id: 'note', label: t('violation.note'), value: d.note, error: f.note, onInput: (x) => this.set('note', x) })}
        <button class="button button--warning" id="violation-save" type="submit" ?disabled=${this._busy}>${t('violation.save')}</button>
      </form>`;
  }
}
customElements.define('pp-violation-new', ViolationNew);
