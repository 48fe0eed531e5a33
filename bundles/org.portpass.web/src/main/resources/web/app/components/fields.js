// Form fields as template functions, in the GOV.UK Design System's pattern: label, hint, error
// message (above the input, tied to it with aria-describedby), then the input. Every field has a
// label; an error marks the field and is repeated in the error summary, which links to it.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../i18n.js';

function describedBy(id, hint, error) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function hintAndError(id, hint, error) {
  return html`${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
  ${error
    ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${t('error.prefix')}</span>${error}</p>`
    : nothing}`;
}

/**
 * A text input. Options: id, label, value, error, hint, type, autocomplete, inputmode, required,
 * readonly, width ('short' | 'medium'), onInput(value), name.
 */
export function textField(o) {
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <label class="label" for="${o.id}">${o.label}${o.optional ? html` <span class="optional">${t('field.optional')}</span>` : nothing}</label>
    ${hintAndError(o.id, o.hint, o.error)}
    <input
      class="input ${o.width ? `input--${o.width}` : ''}"
      id="${o.id}"
      name="${o.name || o.id}"
      type="${o.type || 'text'}"
      .value=${live(o.value ?? '')}
      autocomplete="${ifDefined(o.autocomplete)}"
      inputmode="${ifDefined(o.inputmode)}"
      ?required=${o.required}
      ?readonly=${o.readonly}
      aria-invalid="${o.error ? 'true' : 'false'}"
      aria-describedby="${ifDefined(describedBy(o.id, o.hint, o.error))}"
      @input=${(e) => o.onInput && o.onInput(e.target.value)}
    />
  </div>`;
}

/** A select of options [{value, label}]; options: id, label, value, error, hint, onChange, empty (label of the empty choice). */
export function selectField(o) {
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <label class="label" for="${o.id}">${o.label}</label>
    ${hintAndError(o.id, o.hint, o.error)}
    <select
      class="select"
      id="${o.id}"
      name="${o.name || o.id}"
      aria-invalid="${o.error ? 'true' : 'false'}"
      aria-describedby="${ifDefined(describedBy(o.id, o.hint, o.error))}"
      @change=${(e) => o.onChange && o.onChange(e.target.value)}
    >
      ${o.empty !== undefined ? html`<option value="" ?selected=${!o.value}>${o.empty}</option>` : nothing}
      ${o.options.map((opt) => html`<option value="${opt.value}" ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
  </div>`;
}

/** A group of checkboxes [{value, label, hint}] in a fieldset; value is an array. */
export function checkboxes(o) {
  const selected = new Set(o.value || []);
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <fieldset class="fieldset" aria-describedby="${ifDefined(describedBy(o.id, o.hint, o.error))}">
      <legend class="legend">${o.label}</legend>
      ${hintAndError(o.id, o.hint, o.error)}
      <div class="checkboxes" id="${o.id}">
        ${o.options.map(
          (opt, i) => html`<div class="checkbox">
            <input
              type="checkbox"
              id="${o.id}-${i}"
              name="${o.id}"
              value="${opt.value}"
              .checked=${live(selected.has(opt.value))}
              @change=${(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(opt.value);
                else next.delete(opt.value);
                o.onChange && o.onChange([...next]);
              }}
            />
            <label for="${o.id}-${i}">${opt.label}${opt.hint ? html`<span class="hint">${opt.hint}</span>` : nothing}</label>
          </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

/** Radios [{value, label}] in a fieldset. */
export function radios(o) {
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <fieldset class="fieldset" aria-describedby="${ifDefined(describedBy(o.id, o.hint, o.error))}">
      <legend class="legend">${o.label}</legend>
      ${hintAndError(o.id, o.hint, o.error)}
      <div class="radios ${o.inline ? 'radios--inline' : ''}" id="${o.id}">
        ${o.options.map(
          (opt, i) => html`<div class="radio">
            <input
              type="radio"
              id="${o.id}-${i}"
              name="${o.id}"
              value="${opt.value}"
              .checked=${live(opt.value === o.value)}
              @change=${() => o.onChange && o.onChange(opt.value)}
            />
            <label for="${o.id}-${i}">${opt.label}</label>
          </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

/**
 * The error summary at the top of a page: a heading and one link per problem to its field.
 * errors: [{target: element id, message, go: optional async function showing the field first}]. Links move the focus themselves, because a plain
 * #id link would change the route.
 */
export function errorSummary(errors, title) {
  if (!errors || errors.length === 0) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 class="error-summary__title" id="error-summary-title">${title || t('error.summary')}</h2>
    <ul class="error-summary__list">
      ${errors.map(
        (e) => html`<li>
          ${e.target
            ? html`<a href="#" @click=${(ev) => focusField(ev, e.target, e.go)}>${e.message}</a>`
            : html`${e.message}`}
        </li>`,
      )}
    </ul>
  </div>`;
}

async function focusField(event, id, go) {
  event.preventDefault();
  // a problem on another step of a wizard: go there first, then focus the field
  if (go) await go();
  const element = document.getElementById(id);
  if (!element) return;
  const input = element.matches('input,select,textarea,button') ? element : element.querySelector('input,select,textarea,button');
  (input || element).focus();
  (input || element).scrollIntoView({ block: 'center' });
}

/** Moves the focus to the error summary after a failed submit (call from updated()). */
export function focusErrorSummary(root) {
  const summary = root.querySelector('.error-summary');
  if (summary) summary.focus();
}

/** A notification banner (success or information) with role=status. */
export function banner(message, kind = 'success') {
  if (!message) return nothing;
  return html`<div class="banner banner--${kind}" role="status"><p>${message}</p></div>`;
}
