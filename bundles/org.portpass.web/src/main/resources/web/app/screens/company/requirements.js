// What each access port requires, from GET /ports/{code}/requirements, and the checks the
// wizard can make before submitting (the server checks everything again on submit).
import { html, nothing } from 'lit';
import * as api from '../../api.js';
import { t, tEnum } from '../../i18n.js';
import { portName } from '../../components/format.js';
import { onLogout } from '../../session.js';

const cache = new Map();
onLogout(() => cache.clear());

export async function requirementsOf(code) {
  if (!cache.has(code)) {
    cache.set(
      code,
      api.get(`/ports/${encodeURIComponent(code)}/requirements`).catch((error) => {
        cache.delete(code);
        throw error;
      }),
    );
  }
  return cache.get(code);
}

function days(from, to) {
  const [a, b] = [from, to].map((d) => Date.parse(`${d}T00:00:00Z`));
  return Math.round((b - a) / 86400000) + 1;
}

function appliesTo(rule, line, passType) {
  return rule.subjectKind === line.subjectKind && (!rule.passType || rule.passType === passType) && rule.attachmentType;
}

/**
 * The problems the wizard can already see on one line: a validity longer than a port allows, an
 * attachment a port requires that is not ticked. attachmentTypes: the types of the line's
 * ticked attachments.
 */
export function lineWarnings(line, passType, requirements, attachmentTypes, ports) {
  const warnings = [];
  for (const [code, req] of Object.entries(requirements)) {
    if (!req) continue;
    const max = req.maxDays?.[passType];
    if (max && line.validFrom && line.validTo && days(line.validFrom, line.validTo) > max) {
      warnings.push(t('requirements.tooLong', { port: portName(ports, code), days: max }));
    }
    for (const rule of req.attachments || []) {
      if (appliesTo(rule, line, passType) && !attachmentTypes.includes(rule.attachmentType)) {
        warnings.push(`${portName(ports, code)}：${rule.text || tEnum('AttachmentType', rule.attachmentType)}`);
      }
    }
  }
  return warnings;
}

/** The box listing every selected port's requirements. */
export function requirementsBox(requirements, passType, ports) {
  const entries = Object.entries(requirements);
  if (entries.length === 0) return nothing;
  return html`<section class="port-requirements" aria-labelledby="requirements-heading" id="port-requirements">
    <h2 class="heading-s" id="requirements-heading">${t('requirements.title')}</h2>
    ${entries.map(
      ([code, req]) => html`<h3 class="heading-s">${portName(ports, code)}</h3>
        ${req === null
          ? html`<p class="body">${t('requirements.unavailable')}</p>`
          : html`<ul>
              ${passType && req.maxDays?.[passType] ? html`<li>${t('requirements.maxDays', { type: tEnum('PassType', passType), days: req.maxDays[passType] })}</li>` : nothing}
              ${(req.attachments || []).filter((a) => !a.passType || !passType || a.passType === passType).map((a) => html`<li>${a.text}</li>`)}
              ${(req.limits || []).map((l) => html`<li>${l.text}</li>`)}
            </ul>`}`,
    )}
  </section>`;
}
