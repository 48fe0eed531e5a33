// Messages from messages/<language>.json; zh-TW by default, English on request, the choice
// remembered on this device. t('key', {name}) fills {name} placeholders; a missing key shows
// itself, so a forgotten message is visible rather than blank.
const LANGUAGES = ['zh-TW', 'en'];
const KEY = 'portpass.language';
let language = LANGUAGES.includes(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : 'zh-TW';
let messages = {};
const listeners = new Set();

export const languages = LANGUAGES;

export function currentLanguage() {
  return language;
}

// One file per area, so engineers working on different screens edit different files.
const AREAS = ['', 'staff.'];

export async function loadMessages(lang = language) {
  const files = await Promise.all(
    AREAS.map((area) => fetch(new URL(`./messages/${area}${lang}.json`, import.meta.url)).then((r) => r.json())),
  );
  messages = Object.assign({}, ...files);
  language = lang;
  document.documentElement.lang = lang;
}

export async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) return;
  localStorage.setItem(KEY, lang);
  await loadMessages(lang);
  listeners.forEach((l) => l(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key, params) {
  let text = messages[key];
  if (text === undefined) return key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  }
  return text;
}

/** The label of an enum value, e.g. tEnum('LineStatus', 'REVIEW'); falls back to the value. */
export function tEnum(type, value) {
  if (value === null || value === undefined) return '';
  const key = `enum.${type}.${value}`;
  return messages[key] === undefined ? String(value) : messages[key];
}
