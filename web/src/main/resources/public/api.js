// The HTTP client of the Student Records API: sends the key, reads every error body and names its kind.

const TIMEOUT_MS = 30_000;
const THROTTLE_RETRY_MS = 1_000;

/** A refused or failed call; kind is one of the strings listed in classify() plus 'network' and 'timeout'. */
export class ApiError extends Error {
  constructor(kind, { status = 0, message = '', errors = {}, retryAfter = null, body = null, url = '' } = {}) {
    super(message || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
    this.body = body;
    this.url = url;
  }
}

/** Names the kind of a non-2xx answer from its status and its JSON body. */
export function classify(status, body) {
  const message = typeof body?.message === 'string' ? body.message : '';
  if (status === 403) return 'forbidden';
  if (status === 429) return /limit exceeded/i.test(message) ? 'quota' : 'throttled';
  if (status === 400) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** The absolute URL of path under the base URL, which may or may not end with a slash. */
export function endpoint(baseUrl, path) {
  return baseUrl.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

function retryAfterSeconds(response) {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number.parseInt(header, 10);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client bound to a base URL and a way to read the key at call time.
 * onThrottledRetry is called before the single retry of a read refused with 429 Too Many Requests.
 */
export function createClient({ baseUrl, apiKey, fetchImpl = (...args) => fetch(...args), wait = sleep }) {
  async function call(method, path, body) {
    const key = apiKey();
    if (!key) {
      throw new ApiError('missing-key');
    }
    const url = endpoint(baseUrl(), path);
    const headers = { 'x-api-key': key, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const kind = error?.name === 'TimeoutError' ? 'timeout' : 'network';
      throw new ApiError(kind, { url });
    }
    const json = await readJson(response);
    if (response.ok) {
      return { status: response.status, body: json };
    }
    throw new ApiError(classify(response.status, json), {
      status: response.status,
      message: typeof json?.message === 'string' ? json.message : '',
      errors: json?.errors && typeof json.errors === 'object' ? json.errors : {},
      retryAfter: retryAfterSeconds(response),
      body: json,
      url,
    });
  }

  return {
    /** All students, ordered by the server; retries once after a second when throttled. */
    async listStudents({ onThrottledRetry = () => {} } = {}) {
      let result;
      try {
        result = await call('GET', 'students');
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'throttled') throw error;
        onThrottledRetry(error);
        await wait(THROTTLE_RETRY_MS);
        result = await call('GET', 'students');
        result.retried = true;
      }
      if (!Array.isArray(result.body)) {
        throw new ApiError('unexpected', { status: result.status });
      }
      return { students: result.body, retried: Boolean(result.retried) };
    },

    /** Saves one student; the answer carries the server's message and the saved student. */
    async saveStudent(student) {
      const { body } = await call('POST', 'students', student);
      return body ?? {};
    },

    /** Starts a backup; the answer carries key, count, bytes, downloadUrl and expiresAt. */
    async backup() {
      const { body } = await call('POST', 'backup');
      return body ?? {};
    },
  };
}
