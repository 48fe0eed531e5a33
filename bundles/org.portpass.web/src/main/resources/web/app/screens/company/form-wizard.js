// The new-form wizard (slide 10): 1 pass type, ports and company attachments; 2 persons and
// vehicles; 3 each line's dates and attachments; 4 check your answers and submit. The draft is
// saved on the server whenever the user asks (草稿匣) and can be continued later from the list.
// A failed submit keeps everything and shows each problem beside its line and field.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Screen } from '../../components/screen.js';
import { checkboxes, radios, textField, errorSummary, focusErrorSummary, banner } from '../../components/fields.js';
import { problemsOf, messageOf, fieldId } from '../../components/problems.js';
import { portName, personName } from '../../components/format.js';
import { formatDate, today, addDays } from '../../dates.js';
import { t, tEnum } from '../../i18n.js';
import { currentAccount } from '../../session.js';
import { navigate } from '../../router.js';
import { ports as loadPorts } from '../../ports.js';
import { requirementsOf, requirementsBox, lineWarnings } from './requirements.js';
import * as api from '../../api.js';

const STEPS = ['basics', 'subjects', 'lines', 'check'];
const BASIC_FIELDS = ['passType', 'accessPorts', 'pickupPort', 'purpose', 'companyAttachmentIds'];
const PICKER_LIMIT = 200;

function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function keyOf(kind, id) {
  return `${kind}:${id}`;
}

export class FormWizard extends Screen {
  static properties = {
    _step: { state: true },
    _form: { state: true },
    _lines: { state: true },
    _ports: { state: true },
    _requirements: { state: true },
    _companyAttachments: { state: true },
    _subjects: { state: true },
    _pickerQuery: { state: true },
    _pickerKind: { state: true },
    _all: { state: true },
    _problems: { state: true },
    _busy: { state: true },
    _saved: { state: true },
    _loadError: { state: true },
  };

  constructor() {
    super();
    this._step = 'basics';
    this._form = { id: null, version: null, passType: 'LONG_TERM', accessPorts: [], pickupPort: '', purpose: '', companyAttachmentIds: [] };
    this._lines = [];
    this._ports = [];
    this._requirements = {};
    this._companyAttachments = [];
    this._subjectAttachments = new Map();
    this._subjects = { persons: null, vehicles: null };
    this._pickerQuery = '';
    this._pickerKind = 'PERSON';
    this._all = { validFrom: today(), validTo: addDays(today(), 29) };
    this._problems = { fields: {}, summary: [] };
    this._dirty = false;
    this._beforeUnload = (e) => {
      if (this._dirty) e.preventDefault();
    };
  }

  async connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._beforeUnload);
    try {
      const companyId = currentAccount().companyId;
      const [ports, companyAttachments] = await Promise.all([loadPorts(), api.get(`/companies/${companyId}/attachments`)]);
      this._ports = ports;
      this._companyAttachments = companyAttachments;
      if (this.params?.id) await this.loadDraft(this.params.id);
      this.loadRequirements();
    } catch (error) {
      this._loadError = messageOf(error);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._beforeUnload);
  }

  async loadDraft(id) {
    const form = await api.get(`/forms/${id}`);
    if (form.status !== 'DRAFT') {
      navigate(`/forms/${id}`);
      return;
    }
    this._form = {
      id: form.id,
      version: form.version,
      passType: form.passType || 'LONG_TERM',
      accessPorts: [...(form.accessPorts || [])].sort(),
      pickupPort: form.pickupPort || '',
      purpose: form.purpose || '',
      companyAttachmentIds: form.companyAttachmentIds || [],
    };
    this._lines = (form.lines || []).map((l) => ({
      key: keyOf(l.subjectKind, l.subjectId),
      subjectKind: l.subjectKind,
      subjectId: l.subjectId,
      label: l.subjectLabel,
      validFrom: l.validFrom || '',
      validTo: l.validTo || '',
      attachmentIds: l.attachmentIds || [],
      autoTick: false,
    }));
    if (this._lines.length) this._step = 'lines';
    // a draft's lines carry no label yet (it is taken when the form is submitted): name them here
    if (this._lines.some((l) => !l.label)) {
      await this.loadSubjects();
      const label = (l) => {
        if (l.subjectKind === 'PERSON') {
          const p = this._subjects.persons.find((s) => s.id === l.subjectId);
          return p ? `${personName(p)} ${p.identityNumber}` : `#${l.subjectId}`;
        }
        const v = this._subjects.vehicles.find((s) => s.id === l.subjectId);
        return v ? v.plateNumber : `#${l.subjectId}`;
      };
      this._lines = this._lines.map((l) => (l.label ? l : { ...l, label: label(l) }));
    }
    this.loadSubjectAttachments();
  }

  // ---- changes --------------------------------------------------------------------------

  setForm(field, value) {
    this._form = { ...this._form, [field]: value };
    this._dirty = true;
    if (field === 'accessPorts') {
      if (!value.includes(this._form.pickupPort)) this._form = { ...this._form, pickupPort: value.length === 1 ? value[0] : '' };
      this.loadRequirements();
    }
  }

  async loadRequirements() {
    const next = {};
    await Promise.all(
      this._form.accessPorts.map(async (code) => {
        try {
          next[code] = await requirementsOf(code);
        } catch {
          next[code] = null; // shown as "not available"; the server still checks on submit
        }
      }),
    );
    this._requirements = next;
  }

  async loadSubjects() {
    if (this._subjects.persons) return;
    const companyId = currentAccount().companyId;
    const [persons, vehicles] = await Promise.all([api.all('/persons', { companyId }), api.all('/vehicles', { companyId })]);
    this._subjects = { persons, vehicles };
  }

  toggleSubject(kind, subject, selected) {
    const key = keyOf(kind, subject.id);
    if (selected && !this._lines.some((l) => l.key === key)) {
      this._lines = [
        ...this._lines,
        {
          key,
          subjectKind: kind,
          subjectId: subject.id,
          label: kind === 'PERSON' ? `${personName(subject)} ${subject.identityNumber}` : subject.plateNumber,
          validFrom: this._all.validFrom,
          validTo: this._all.validTo,
          attachmentIds: [],
          autoTick: true,
        },
      ];
    } else if (!selected) {
      this._lines = this._lines.filter((l) => l.key !== key);
    }
    this._dirty = true;
  }

  selectAllShown(kind, shown) {
    for (const s of shown) this.toggleSubject(kind, s, true);
  }

  setLine(index, field, value) {
    const line = this._lines[index];
    this._lines = this._lines.map((l, i) => (i === index ? { ...line, [field]: value, autoTick: field === 'attachmentIds' ? false : line.autoTick } : l));
    this._dirty = true;
  }

  applyToAll() {
    const { validFrom, validTo } = this._all;
    this._lines = this._lines.map((l) => ({ ...l, validFrom, validTo }));
    this._dirty = true;
  }

  /** Every selected subject's attachments, a few requests at a time; new lines tick them all. */
  async loadSubjectAttachments() {
    const missing = this._lines.filter((l) => !this._subjectAttachments.has(l.key));
    const queue = [...missing];
    const worker = async () => {
      for (let line = queue.shift(); line; line = queue.shift()) {
        const owner = line.subjectKind === 'PERSON' ? 'persons' : 'vehicles';
        try {
          this._subjectAttachments.set(line.key, await api.get(`/${owner}/${line.subjectId}/attachments`));
        } catch {
          this._subjectAttachments.set(line.key, []);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    this._lines = this._lines.map((l) =>
      l.autoTick && l.attachmentIds.length === 0 ? { ...l, attachmentIds: (this._subjectAttachments.get(l.key) || []).map((a) => a.id) } : l,
    );
  }

  async goTo(step) {
    this._step = step;
    if (step === 'subjects') {
      try {
        await this.loadSubjects();
      } catch (error) {
        this._problems = problemsOf(error);
      }
    }
    if (step === 'lines' || step === 'check') this.loadSubjectAttachments();
    await this.updateComplete;
    window.scrollTo(0, 0);
    this.querySelector('h1')?.focus();
  }

  // ---- saving and submitting ------------------------------------------------------------

  input() {
    const f = this._form;
    return {
      passType: f.passType,
      accessPorts: f.accessPorts,
      pickupPort: f.pickupPort || null,
      purpose: f.purpose || null,
      companyAttachmentIds: f.companyAttachmentIds,
      lines: this._lines.map((l) => ({
        subjectKind: l.subjectKind,
        subjectId: l.subjectId,
        validFrom: l.validFrom || null,
        validTo: l.validTo || null,
        attachmentIds: l.attachmentIds,
      })),
    };
  }

  async save() {
    const saved = this._form.id
      ? await api.put(`/forms/${this._form.id}`, this.input(), { ifMatch: this._form.version })
      : await api.post('/forms', this.input());
    this._form = { ...this._form, id: saved.id, version: saved.version };
    this._dirty = false;
    if (!this.params?.id) history.replaceState(null, '', `#/forms/${saved.id}/edit`);
    return saved;
  }

  async saveDraft() {
    this._busy = true;
    try {
      await this.save();
      this._problems = { fields: {}, summary: [] };
      this._saved = true;
    } catch (error) {
      this.showProblems(error);
    } finally {
      this._busy = false;
    }
  }

  async submit() {
    this._busy = true;
    this._saved = false;
    try {
      await this.save();
      await api.post(`/forms/${this._form.id}/submit`, undefined, { headers: { 'Idempotency-Key': idempotencyKey() } });
      this._dirty = false;
      navigate(`/forms/${this._form.id}?submitted=1`);
    } catch (error) {
      this.showProblems(error);
    } finally {
      this._busy = false;
    }
  }

  /** Problems of the whole form: each on its step, beside its field, all in the summary. */
  showProblems(error) {
    const problems = problemsOf(error);
    problems.summary = problems.summary.map((p) => {
      const path = Object.keys(problems.fields).find((k) => fieldId(k) === p.target);
      if (!path) return p;
      const step = this.stepOf(path);
      const line = /^lines\/(\d+)/.exec(path);
      const label = line && this._lines[Number(line[1])] ? `${t('wizard.line', { n: Number(line[1]) + 1 })} ${this._lines[Number(line[1])].label}: ` : '';
      const target = line && !/\/(validFrom|validTo)$/.test(path) ? `lines-${line[1]}` : step === 'subjects' ? 'subjects-heading' : p.target;
      return { ...p, target, message: `${label}${p.message}`, go: () => this.goTo(step) };
    });
    this._problems = problems;
  }

  stepOf(path) {
    if (/^lines\/\d+/.test(path)) return 'lines';
    if (path === 'lines') return 'subjects';
    return 'basics';
  }

  updated(changed) {
    if (changed.has('_problems') && this._problems.summary.length) focusErrorSummary(this);
  }

  // ---- rendering ------------------------------------------------------------------------

  render() {
    if (this._loadError) return html`<h1 class="heading-l">${t('wizard.title')}</h1><p class="body" role="alert">${this._loadError}</p>`;
    const index = STEPS.indexOf(this._step);
    return html`<a class="back-link" href="#/forms">${t('wizard.toList')}</a>
      ${errorSummary(this._problems.summary)} ${this._saved ? banner(t('wizard.savedBanner')) : nothing}
      <span class="caption">${this._form.id ? t('forms.draftNo', { id: this._form.id }) : t('wizard.title')}</span>
      <ol class="steps" aria-label="${t('wizard.steps')}">
        ${STEPS.map((s, i) => html`<li aria-current="${s === this._step ? 'step' : 'false'}">${i + 1}. ${t(`wizard.step.${s}`)}</li>`)}
      </ol>
      ${this[`render_${this._step}`]()}
      <div class="button-group">
        ${index < STEPS.length - 1
          ? html`<button class="button" id="wizard-next" @click=${() => this.goTo(STEPS[index + 1])}>${t('action.continue')}</button>`
          : html`<button class="button" id="wizard-submit" ?disabled=${this._busy} @click=${() => this.submit()}>${t('wizard.submit')}</button>`}
        ${index > 0 ? html`<button class="button button--secondary" id="wizard-previous" @click=${() => this.goTo(STEPS[index - 1])}>${t('wizard.previous')}</button>` : nothing}
        <button class="button button--secondary" id="save-draft" ?disabled=${this._busy} @click=${() => this.saveDraft()}>${t('wizard.saveDraft')}</button>
      </div>
      ${this._busy ? html`<p class="body" role="status">${t('wizard.working')}</p>` : nothing}`;
  }

  render_basics() {
    const f = this._form;
    const e = this._problems.fields;
    return html`<h1 class="heading-l" tabindex="-1">${t('wizard.step.basics')}</h1>
      ${radios({
        id: 'passType',
        label: t('forms.passType'),
        value: f.passType,
        error: e.passType,
        hint: t('wizard.passTypeHint'),
        options: ['LONG_TERM', 'TEMPORARY'].map((v) => ({ value: v, label: tEnum('PassType', v) })),
        onChange: (v) => this.setForm('passType', v),
      })}
      ${checkboxes({
        id: 'accessPorts',
        label: t('wizard.accessPorts'),
        hint: t('wizard.accessPortsHint'),
        value: f.accessPorts,
        error: e.accessPorts,
        options: this._ports.map((p) => ({ value: p.code, label: portName(this._ports, p.code) })),
        onChange: (v) => this.setForm('accessPorts', v.sort()),
      })}
      ${f.accessPorts.length
        ? radios({
            id: 'pickupPort',
            label: t('wizard.pickupPort'),
            hint: t('wizard.pickupPortHint'),
            value: f.pickupPort,
            error: e.pickupPort,
            options: f.accessPorts.map((code) => ({ value: code, label: portName(this._ports, code) })),
            onChange: (v) => this.setForm('pickupPort', v),
          })
        : nothing}
      ${requirementsBox(this._requirements, f.passType, this._ports)}
      ${textField({ id: 'purpose', label: t('wizard.purpose'), optional: true, value: f.purpose, error: e.purpose, onInput: (v) => this.setForm('purpose', v) })}
      ${this._companyAttachments.length
        ? checkboxes({
            id: 'companyAttachmentIds',
            label: t('wizard.companyAttachments'),
            hint: t('wizard.companyAttachmentsHint'),
            value: f.companyAttachmentIds,
            error: e.companyAttachmentIds,
            options: this._companyAttachments.map((a) => ({ value: a.id, label: `${tEnum('AttachmentType', a.type)}：${a.fileName}` })),
            onChange: (v) => this.setForm('companyAttachmentIds', v),
          })
        : html`<p class="body">${t('wizard.noCompanyAttachments')}</p>`}`;
  }

  render_subjects() {
    const kind = this._pickerKind;
    const list = kind === 'PERSON' ? this._subjects.persons : this._subjects.vehicles;
    const q = this._pickerQuery.trim().toLowerCase();
    const matches = (list || []).filter((s) =>
      !q ? true : (kind === 'PERSON' ? [s.nameZh, s.nameEn, s.identityNumber] : [s.plateNumber, s.make]).some((v) => v && v.toLowerCase().includes(q)),
    );
    const shown = matches.slice(0, PICKER_LIMIT);
    const selected = new Set(this._lines.map((l) => l.key));
    const e = this._problems.fields;
    return html`<h1 class="heading-l" tabindex="-1" id="subjects-heading">${t('wizard.step.subjects')}</h1>
      ${e.lines ? html`<p class="field-error" id="lines-error"><span class="visually-hidden">${t('error.prefix')}</span>${e.lines}</p>` : nothing}
      <p class="body" role="status" id="selected-count">${t('wizard.selectedCount', { persons: this._lines.filter((l) => l.subjectKind === 'PERSON').length, vehicles: this._lines.filter((l) => l.subjectKind === 'VEHICLE').length })}</p>
      ${this._form.passType === 'TEMPORARY' ? html`<div class="inset">${t('wizard.temporaryMin')}</div>` : nothing}
      ${radios({
        id: 'pickerKind',
        label: t('wizard.pick'),
        inline: true,
        value: kind,
        options: [
          { value: 'PERSON', label: t('nav.persons') },
          { value: 'VEHICLE', label: t('nav.vehicles') },
        ],
        onChange: (v) => (this._pickerKind = v),
      })}
      <div class="search">
        ${textField({ id: 'picker-search', label: t(kind === 'PERSON' ? 'wizard.searchPersons' : 'wizard.searchVehicles'), value: this._pickerQuery, onInput: (v) => (this._pickerQuery = v) })}
        <button class="button button--secondary" id="select-all-shown" @click=${() => this.selectAllShown(kind, shown)}>${t('wizard.selectAllShown', { n: shown.length })}</button>
      </div>
      ${list === null
        ? html`<p class="body">${t('app.loading')}</p>`
        : html`<fieldset class="fieldset picker" id="picker">
            <legend class="visually-hidden">${t('wizard.pick')}</legend>
            ${shown.length === 0 ? html`<p class="body">${t('wizard.noMatch')}</p>` : nothing}
            ${repeat(
              shown,
              (s) => s.id,
              (s) => html`<div class="checkbox">
                <input type="checkbox" id="pick-${kind}-${s.id}" .checked=${selected.has(keyOf(kind, s.id))} @change=${(ev) => this.toggleSubject(kind, s, ev.target.checked)} />
                <label for="pick-${kind}-${s.id}">${kind === 'PERSON' ? html`${personName(s)} <span class="secondary-text">${s.identityNumber}</span>` : html`${s.plateNumber} <span class="secondary-text">${tEnum('VehicleType', s.type)}</span>`}</label>
              </div>`,
            )}
            ${matches.length > shown.length ? html`<p class="hint">${t('wizard.refine', { n: matches.length - shown.length })}</p>` : nothing}
          </fieldset>`}
      ${(list || []).length === 0 && list !== null
        ? html`<p class="body"><a href="${kind === 'PERSON' ? '#/persons/new' : '#/vehicles/new'}">${t(kind === 'PERSON' ? 'persons.add' : 'vehicles.add')}</a></p>`
        : nothing}`;
  }

  render_lines() {
    const e = this._problems.fields;
    return html`<h1 class="heading-l" tabindex="-1">${t('wizard.step.lines')}</h1>
      ${requirementsBox(this._requirements, this._form.passType, this._ports)}
      ${this._lines.length === 0
        ? html`<p class="body">${t('wizard.noLines')}</p>`
        : html`<fieldset class="fieldset inset" id="apply-all">
              <legend class="legend">${t('wizard.applyToAllLegend', { n: this._lines.length })}</legend>
              <div class="line__fields">
                ${textField({ id: 'all-validFrom', label: t('wizard.validFrom'), type: 'date', value: this._all.validFrom, onInput: (v) => (this._all = { ...this._all, validFrom: v }) })}
                ${textField({ id: 'all-validTo', label: t('wizard.validTo'), type: 'date', value: this._all.validTo, onInput: (v) => (this._all = { ...this._all, validTo: v }) })}
              </div>
              <button class="button button--secondary" id="apply-to-all" @click=${() => this.applyToAll()}>${t('wizard.applyToAll')}</button>
            </fieldset>
            <div class="lines" id="lines">${repeat(this._lines, (l) => l.key, (l, i) => this.renderLine(l, i, e))}</div>`}`;
  }

  renderLine(line, i, e) {
    const attachments = this._subjectAttachments.get(line.key);
    const prefix = `lines/${i}`;
    const lineErrors = Object.entries(e)
      .filter(([k]) => k === prefix || (k.startsWith(`${prefix}/`) && !/\/(validFrom|validTo)$/.test(k)))
      .map(([, m]) => m);
    const ticked = (attachments || []).filter((a) => line.attachmentIds.includes(a.id)).map((a) => a.type);
    const warnings = lineWarnings(line, this._form.passType, this._requirements, ticked, this._ports);
    return html`<div class="line ${lineErrors.length ? 'line--error' : ''}" id="lines-${i}" tabindex="-1">
      <div class="line__head">${t('wizard.line', { n: i + 1 })} · ${tEnum('SubjectKind', line.subjectKind)} · <span class="line-label">${line.label}</span></div>
      ${lineErrors.map((m) => html`<p class="field-error"><span class="visually-hidden">${t('error.prefix')}</span>${m}</p>`)}
      ${warnings.map((w) => html`<p class="warning-text line-warning">${w}</p>`)}
      <div class="line__fields">
        ${textField({ id: `lines-${i}-validFrom`, label: t('wizard.validFrom'), type: 'date', value: line.validFrom, error: e[`${prefix}/validFrom`], onInput: (v) => this.setLine(i, 'validFrom', v) })}
        ${textField({ id: `lines-${i}-validTo`, label: t('wizard.validTo'), type: 'date', value: line.validTo, error: e[`${prefix}/validTo`], onInput: (v) => this.setLine(i, 'validTo', v) })}
      </div>
      ${attachments === undefined
        ? html`<p class="hint">${t('app.loading')}</p>`
        : attachments.length === 0
          ? html`<p class="hint">${t('wizard.subjectHasNoAttachments')}</p>`
          : checkboxes({
              id: `lines-${i}-attachmentIds`,
              label: t('wizard.lineAttachments'),
              value: line.attachmentIds,
              options: attachments.map((a) => ({ value: a.id, label: `${tEnum('AttachmentType', a.type)}：${a.fileName}${a.validUntil ? `（${t('attachments.validUntil')} ${a.validUntil}）` : ''}` })),
              onChange: (v) => this.setLine(i, 'attachmentIds', v),
            })}
      <button class="link-button" @click=${() => this.toggleSubject(line.subjectKind, { id: line.subjectId }, false)}>${t('wizard.removeLine')}<span class="visually-hidden"> ${line.label}</span></button>
    </div>`;
  }

  render_check() {
    const f = this._form;
    const change = (step, what) => html`<dd class="summary-list__actions"><button class="link-button" @click=${() => this.goTo(step)}>${t('action.change')}<span class="visually-hidden"> ${what}</span></button></dd>`;
    const warningCount = this._lines.reduce((n, l) => {
      const ticked = (this._subjectAttachments.get(l.key) || []).filter((a) => l.attachmentIds.includes(a.id)).map((a) => a.type);
      return n + lineWarnings(l, f.passType, this._requirements, ticked, this._ports).length;
    }, 0);
    return html`<h1 class="heading-l" tabindex="-1">${t('wizard.step.check')}</h1>
      <p class="body">${t('wizard.checkIntro')}</p>
      <dl class="summary-list" id="check-answers">
        <div class="summary-list__row"><dt>${t('forms.passType')}</dt><dd>${tEnum('PassType', f.passType)}</dd>${change('basics', t('forms.passType'))}</div>
        <div class="summary-list__row"><dt>${t('wizard.accessPorts')}</dt><dd>${f.accessPorts.map((c) => portName(this._ports, c)).join('、') || '—'}</dd>${change('basics', t('wizard.accessPorts'))}</div>
        <div class="summary-list__row"><dt>${t('wizard.pickupPort')}</dt><dd>${f.pickupPort ? portName(this._ports, f.pickupPort) : '—'}</dd>${change('basics', t('wizard.pickupPort'))}</div>
        <div class="summary-list__row"><dt>${t('wizard.purpose')}</dt><dd>${f.purpose || '—'}</dd>${change('basics', t('wizard.purpose'))}</div>
        <div class="summary-list__row"><dt>${t('wizard.companyAttachments')}</dt><dd>${t('wizard.nAttachments', { n: f.companyAttachmentIds.length })}</dd>${change('basics', t('wizard.companyAttachments'))}</div>
        <div class="summary-list__row"><dt>${t('wizard.linesLabel')}</dt><dd>${t('wizard.selectedCount', { persons: this._lines.filter((l) => l.subjectKind === 'PERSON').length, vehicles: this._lines.filter((l) => l.subjectKind === 'VEHICLE').length })}</dd>${change('subjects', t('wizard.linesLabel'))}</div>
      </dl>
      ${warningCount ? html`<div class="warning-text" id="check-warnings">${t('wizard.warningsBeforeSubmit', { n: warningCount })}</div>` : nothing}
      <div class="table-wrap"><table class="table" id="check-lines">
        <caption>${t('wizard.linesLabel')}</caption>
        <thead><tr><th scope="col">#</th><th scope="col">${t('wizard.subject')}</th><th scope="col">${t('wizard.validFrom')}</th><th scope="col">${t('wizard.validTo')}</th><th scope="col">${t('wizard.lineAttachments')}</th></tr></thead>
        <tbody>
          ${repeat(
            this._lines,
            (l) => l.key,
            (l, i) => html`<tr>
              <td>${i + 1}</td><td>${tEnum('SubjectKind', l.subjectKind)}：${l.label}</td>
              <td>${formatDate(l.validFrom)}</td><td>${formatDate(l.validTo)}</td><td>${l.attachmentIds.length}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      <h2 class="heading-m">${t('wizard.declarationTitle')}</h2>
      <p class="body">${t('wizard.declaration')}</p>`;
  }
}

customElements.define('pp-form-wizard', FormWizard);
