// Small display helpers shared by screens: status tags, port names, people's names.
import { html } from 'lit';
import { tEnum, currentLanguage } from '../i18n.js';

const COLOURS = {
  DRAFT: 'grey',
  REVIEW: 'blue',
  POLICE: 'blue',
  SUPERVISOR: 'blue',
  PRODUCTION: 'yellow',
  READY: 'green',
  PICKED_UP: 'green',
  RETURNED: 'red',
  CANCELLED: 'grey',
  SUBMITTED: 'blue',
  FINISHED: 'green',
  PENDING: 'yellow',
  VERIFIED: 'green',
  SUSPENDED: 'red',
  PENDING_CARD: 'yellow',
  ACTIVE: 'green',
  REVOKED: 'red',
  EXPIRED: 'grey',
  LIVE: 'green',
  ISSUING: 'yellow',
  VOID: 'grey',
  // card jobs
  QUEUED: 'grey',
  PRINTED: 'yellow',
  FAILED: 'red',
  DONE: 'green',
  DISABLED: 'grey',
};

/** A coloured tag with the enum's words, e.g. statusTag('LineStatus', 'RETURNED'). */
export function statusTag(type, value) {
  if (!value) return '';
  const colour = COLOURS[value] || 'blue';
  return html`<strong class="tag ${colour === 'blue' ? '' : `tag--${colour}`}">${tEnum(type, value)}</strong>`;
}

/** A port's name in the user's language from the /ports list, else its code. */
export function portName(ports, code) {
  const port = (ports || []).find((p) => p.code === code);
  if (!port || !port.name) return code;
  return port.name[currentLanguage()] || port.name.en || code;
}

/** A person's name: Chinese and English when both exist. */
export function personName(p) {
  return [p.nameZh, p.nameEn].filter(Boolean).join(' ');
}
