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
  IMPORT_INVALID: 'invalid',
  INVALID_PARAMETER: 'invalid',
  INVALID_CURSOR: 'invalid',
  UNSUPPORTED_MEDIA_TYPE: 'invalid',
  INVALID_BACKUP: 'invalid',
  CONFIRMATION_REQUIRED: 'invalid',
  DUPLICATE_STUDENT_ID: 'conflict',
  STUDENT_NOT_FOUND: 'gone',
  BACKUP_NOT_FOUND: 'gone',
  PRECONDITION_FAILED: 'changed',
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
  if (status === 412) return 'changed';
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

/** The cursor of the rel="next" link of a Link header (RFC 8288), or null when there is none. */
export function nextCursor(linkHeader) {
  for (const part of String(linkHeader ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(match?.[2] ?? '');
    if (!rel || !(rel[1] ?? rel[2]).toLowerCase().split(/\s+/).includes('next')) continue;
    try {
      return new URL(match[1], 'http://link.invalid/').searchParams.get('cursor');
    } catch {
      return null;
    }
  }
  return null;
}

/** A path with its query: parameters that are undefined, null or '' are left out. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

const segment = (value) => encodeURIComponent(String(value));

/**
 * A client bound to a base URL and a way to read the key at call time.
 * onThrottledRetry is called before the single retry of a read refused with 429 Too Many Requests.
 */
export function createClient({ baseUrl, apiKey, fetchImpl = (...args) => fetch(...args), wait = sleep }) {
  /**
   * One request. options: json (a body sent as JSON), raw and contentType (a body sent as is), headers, accept,
   * blob (read a 2xx body as a Blob instead of JSON). Answers { status, body, headers }.
   */
  async function call(method, path, { json, raw, contentType, headers: extra = {}, accept = 'application/json', blob = false } = {}) {
    const key = apiKey();
    if (!key) {
      throw new ApiError('missing-key');
    }
    const url = endpoint(baseUrl(), path);
    const headers = { 'x-api-key': key, Accept: accept, ...extra };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (raw !== undefined) {
      headers['Content-Type'] = contentType;
      body = raw;
    }
    let response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const kind = error?.name === 'TimeoutError' ? 'timeout' : 'network';
      throw new ApiError(kind, { url });
    }
    if (response.ok && blob) {
      return { status: response.status, body: await response.blob(), headers: response.headers };
    }
    const parsed = await readJson(response);
    if (response.ok) {
      return { status: response.status, body: parsed, headers: response.headers };
    }
    const code = codeOf(response, parsed);
    throw new ApiError(classify(response.status, code), {
      status: response.status,
      code,
      retryAfter: retryAfterSeconds(response),
      body: parsed,
      url,
    });
  }

  /** A read that is retried once after a second when throttled. */
  async function read(path, onThrottledRetry = () => {}) {
    try {
      return await call('GET', path);
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'throttled') throw error;
      onThrottledRetry(error);
      await wait(THROTTLE_RETRY_MS);
      const result = await call('GET', path);
      result.retried = true;
      return result;
    }
  }

  const studentOf = (body) => (body?.student && typeof body.student === 'object' ? body.student : body);

  return {
    /** All students, ordered by the server; retries once after a second when throttled. */
    async listStudents({ onThrottledRetry = () => {} } = {}) {
      const result = await read('students', onThrottledRetry);
      if (!Array.isArray(result.body)) {
        throw new ApiError('unexpected', { status: result.status });
      }
      return { students: result.body, retried: Boolean(result.retried) };
    },

    /**
     * One page of students ordered by Student ID: at most limit, after cursor, matching q and className.
     * Answers { students, next (the cursor of the next page, or null), retried }.
     */
    async listPage({ limit, cursor, q, className, onThrottledRetry = () => {} }) {
      const result = await read(withQuery('students', { limit, cursor, q, class: className }), onThrottledRetry);
      if (!Array.isArray(result.body)) {
        throw new ApiError('unexpected', { status: result.status });
      }
      return { students: result.body, next: nextCursor(result.headers.get('Link')), retried: Boolean(result.retried) };
    },

    /** One student as stored now and its entity tag: { student, etag }. */
    async getStudent(id) {
      const { body, headers } = await call('GET', `students/${segment(id)}`);
      return { student: studentOf(body), etag: headers.get('ETag') };
    },

    /** Replaces a student's fields, only if it is still the version of etag: { student, etag }. */
    async updateStudent(id, student, etag) {
      const { body, headers } = await call('PUT', `students/${segment(id)}`, {
        json: student, headers: etag ? { 'If-Match': etag } : {},
      });
      return { student: studentOf(body), etag: headers.get('ETag') };
    },

    /** Deletes a student, only if it is still the version of etag. */
    async deleteStudent(id, etag) {
      await call('DELETE', `students/${segment(id)}`, { headers: etag ? { 'If-Match': etag } : {} });
    },

    /** The students matching q and className as a CSV file. */
    async exportCsv({ q, className }) {
      const { body } = await call('GET', withQuery('students', { format: 'csv', q, class: className }), {
        accept: 'text/csv', blob: true,
      });
      return body;
    },

    /** Sends a CSV file to the import: { inserted, replaced, skipped, ... } or an 'invalid' ApiError with the row errors. */
    async importCsv(file, { dryRun, onConflict }) {
      const path = withQuery('students/import', { dryRun: dryRun ? 'true' : undefined, onConflict });
      const { body } = await call('POST', path, { raw: file, contentType: 'text/csv' });
      return body ?? {};
    },

    /** Saves one student; the answer carries its code (STUDENT_SAVED or STUDENT_SAVED_MAIL_FAILED) and the student. */
    async saveStudent(student) {
      const { body } = await call('POST', 'students', { json: student });
      return body ?? {};
    },

    /** Starts a backup; the answer carries its code (BACKUP_DONE), key, count, bytes, downloadUrl and expiresAt. */
    async backup() {
      const { body } = await call('POST', 'backup');
      return body ?? {};
    },

    /** A page of backups, newest first: { backups, next }. */
    async listBackups({ limit, cursor } = {}) {
      const { body, headers } = await read(withQuery('backups', { limit, cursor }));
      const backups = Array.isArray(body) ? body : body?.backups;
      if (!Array.isArray(backups)) {
        throw new ApiError('unexpected', { status: 200 });
      }
      return { backups, next: nextCursor(headers.get('Link')) ?? (typeof body?.nextCursor === 'string' ? body.nextCursor : null) };
    },

    /** One backup's details with a fresh download link. */
    async backupDetails(name) {
      const { body } = await call('GET', `backups/${segment(name)}`);
      return body ?? {};
    },

    /** Restores a backup ('merge' or 'replace'); the answer names the counts and the safety backup. */
    async restoreBackup(name, mode) {
      const path = withQuery(`backups/${segment(name)}/restore`, { mode, confirm: mode === 'replace' ? name : undefined });
      const { body } = await call('POST', path);
      return body ?? {};
    },
  };
}
