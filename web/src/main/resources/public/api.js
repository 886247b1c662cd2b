// The HTTP client of the Student Records API: sends the key, reads every answer's code and names its kind.

const TIMEOUT_MS = 30_000;
const THROTTLE_RETRY_MS = 1_000;

/**
 * A refused or failed call. code is the answer's stable code (its body's `code`, or for the gateway's 403 and
 * 429 the x-amzn-ErrorType header); kind is what the page makes of it: one of the kinds of classify() plus
 * 'network', 'timeout' and 'missing-key'.
 */
export class ApiError extends Error {
  constructor(kind, { status = 0, code = '', retryAfter = null, body = null, url = '' } = {}) {
    super(code || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.body = body;
    this.url = url;
  }
}

const KIND_OF_CODE = Object.freeze({
  ForbiddenException: 'forbidden',
  TooManyRequestsException: 'throttled',
  LimitExceededException: 'quota',
  INVALID_JSON: 'invalid',
  VALIDATION_FAILED: 'invalid',
  DUPLICATE_STUDENT_ID: 'conflict',
  NOT_FOUND: 'not-found',
  METHOD_NOT_ALLOWED: 'not-found',
});

/**
 * Names the kind of a non-2xx answer from its code, or from its status alone when it has no code the page
 * knows (an API that predates codes): a 429 without its error type is taken for the throttle.
 */
export function classify(status, code) {
  if (Object.hasOwn(KIND_OF_CODE, code)) return KIND_OF_CODE[code];
  if (status === 403) return 'forbidden';
  if (status === 429) return 'throttled';
  if (status === 400) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** The stable code of an answer: its body's, else the gateway's error type header. */
function codeOf(response, json) {
  if (typeof json?.code === 'string' && json.code) return json.code;
  const type = response.headers.get('x-amzn-ErrorType');
  return type ? type.split(':')[0].trim() : '';
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
    const code = codeOf(response, json);
    throw new ApiError(classify(response.status, code), {
      status: response.status,
      code,
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

    /** Saves one student; the answer carries its code (STUDENT_SAVED or STUDENT_SAVED_MAIL_FAILED) and the student. */
    async saveStudent(student) {
      const { body } = await call('POST', 'students', student);
      return body ?? {};
    },

    /** Starts a backup; the answer carries its code (BACKUP_DONE), key, count, bytes, downloadUrl and expiresAt. */
    async backup() {
      const { body } = await call('POST', 'backup');
      return body ?? {};
    },
  };
}
