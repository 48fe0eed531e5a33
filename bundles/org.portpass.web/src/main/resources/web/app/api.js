// The only way screens talk to the server: fetch against /api/v1 with the bearer token, the
// user's language, and problem+json turned into an ApiError that knows each field's message.
import { currentLanguage } from './i18n.js';

const BASE = '/api/v1';
const TOKEN_KEY = 'portpass.token';

// The token lives in memory; sessionStorage only keeps it across a reload of this tab.
let token = sessionStorage.getItem(TOKEN_KEY);
const unauthorizedListeners = new Set();

export function setToken(value) {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function hasToken() {
  return !!token;
}

/** Called when the server answers 401 to a call made with a token (expired or revoked). */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** An error answer of the API: status, stable type code, words for people, and field errors. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.type = (problem.type || '').replace('urn:portpass:problem:', '') || `http-${status}`;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }

  /** Field path → message, e.g. {"lines/0/validTo": "must be after validFrom"}. */
  get fieldErrors() {
    const map = {};
    for (const e of this.errors) {
      if (e && e.field && !(e.field in map)) map[e.field] = e.message;
    }
    return map;
  }
}

/** A network failure (server unreachable): shown like an API error with its own words. */
export class NetworkError extends Error {}

function url(path, query) {
  const u = new URL(BASE + path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') {
      if (Array.isArray(v)) v.forEach((item) => u.searchParams.append(k, item));
      else u.searchParams.set(k, v);
    }
  }
  return u.pathname + u.search;
}

function headers(extra) {
  const h = { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLanguage(), ...extra };
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function fail(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText };
  }
  if (response.status === 401 && token) {
    unauthorizedListeners.forEach((l) => l());
  }
  throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
}

/**
 * One JSON call. Options: query (object), body (sent as JSON), headers, ifMatch (a version).
 * Resolves to the parsed body (null for 204).
 */
export async function request(method, path, { query, body, headers: extra, ifMatch } = {}) {
  const h = headers(extra);
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (ifMatch !== undefined && ifMatch !== null) h['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  if (!response.ok) await fail(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, query) => request('GET', path, { query });
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });
export const patch = (path, body, options = {}) => request('PATCH', path, { ...options, body });
export const del = (path, options = {}) => request('DELETE', path, options);

/** Downloads a protected file (an attachment, a card image) as a Blob. */
export async function blob(path, query) {
  let response;
  try {
    response = await fetch(url(path, query), { headers: headers({ Accept: '*/*' }), cache: 'no-store' });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  if (!response.ok) await fail(response);
  return response.blob();
}

/**
 * Uploads a file as the request body (the attachment API takes the bytes, with type, fileName and
 * validUntil as query parameters), reporting progress as a fraction from 0 to 1.
 */
export function upload(path, file, query, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(path, query));
    for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onload = () => {
      let body = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = { title: xhr.statusText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else {
        if (xhr.status === 401 && token) unauthorizedListeners.forEach((l) => l());
        reject(new ApiError(xhr.status, body, xhr.getResponseHeader('Retry-After')));
      }
    };
    xhr.send(file);
  });
}

/** Reads every page of a list endpoint (for pickers of a company's persons and vehicles). */
export async function all(path, query = {}, size = 500) {
  const items = [];
  for (let page = 0; ; page++) {
    const result = await get(path, { ...query, page, size });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}
