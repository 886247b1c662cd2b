// The console's HTTP client: the control plane's own routes on this origin, with the session cookie and the
// session's CSRF token in X-CSRF-Token. A refusal becomes an ApiError carrying its status, the control plane's
// error type and stable code (x-studentapi-code), and its message.

let csrfToken = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, type, code, message, retryAfter) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.type = type || '';
    this.code = code || '';
    this.retryAfter = retryAfter;
  }
}

export function useToken(token) {
  csrfToken = token;
}

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function call(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'NetworkError', 'NETWORK', '');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, response.headers.get('x-amzn-ErrorType'),
      response.headers.get('x-studentapi-code'), data && data.message, response.headers.get('Retry-After'));
    if (response.status === 401 && error.code === 'SESSION_REQUIRED' && path !== '/console/session') {
      csrfToken = null;
      onSignedOut();
    }
    throw error;
  }
  return data;
}

/** Every item of a paged AWS list (item + position). */
export async function all(path) {
  const items = [];
  let position = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call('GET', `${path}${separator}limit=500${position ? `&position=${encodeURIComponent(position)}` : ''}`);
    items.push(...((page && (page.item || page.items)) || []));
    position = page && page.position;
  } while (position);
  return items;
}

export const enc = encodeURIComponent;
