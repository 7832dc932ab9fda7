// SPDX-License-Identifier: MIT
// The one door to the JSON API (contract section 7): same-origin cookie
// session, the X-CSRF-Token header on every state change, and errors as
// ApiError carrying the server's {"error": {code, message, nips}} ("nips":
// the moves a refused plan step concerns, for the caller to show or
// confirm).
let csrf = '';
let onExpired = () => {};

export class ApiError extends Error {
  constructor(status, code, message, nips) {
    super(message || code || String(status));
    this.status = status;
    this.code = code;
    this.nips = nips || [];
  }
}

export function setCsrf(token) {
  csrf = token || '';
}

// Called with no argument when an answer says the session has ended.
export function onSessionExpired(fn) {
  onExpired = fn;
}

async function call(path, { method = 'GET', body, type } = {}) {
  const headers = {};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrf;
  }
  let payload;
  if (body instanceof Blob) {
    headers['Content-Type'] = type || body.type || 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'jaringan', e.message);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(res.status, 'bukan_json', text.slice(0, 200));
    }
  }
  if (!res.ok) {
    const err = (data && data.error) || {};
    if (res.status === 401 && path !== '/api/login' && path !== '/api/me') {
      onExpired();
    }
    throw new ApiError(res.status, err.code, err.message, err.nips);
  }
  return data;
}

export const get = (path) => call(path);
export const post = (path, body) => call(path, { method: 'POST', body: body ?? {} });
export const patch = (path, body) => call(path, { method: 'PATCH', body: body ?? {} });
export const upload = (path, blob, type) => call(path, { method: 'POST', body: blob, type });

// A query string from an object, leaving out empty values.
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      p.set(k, v);
    }
  }
  const s = p.toString();
  return s ? '?' + s : '';
}
