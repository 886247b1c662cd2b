// What the server's answers mean, decided on their stable codes (never on their sentences) and said in the
// page's language; an answer without a code the page knows is shown as the server wrote it.

import { t } from './i18n.js';

/** The codes of the data plane's answer bodies, each with an i18n key `code.<CODE>`. */
export const ANSWER_CODES = Object.freeze([
  'STUDENT_SAVED', 'STUDENT_SAVED_MAIL_FAILED', 'BACKUP_DONE', 'BACKUP_MAIL_FAILED', 'BACKUP_FAILED',
  'INVALID_JSON', 'VALIDATION_FAILED', 'DUPLICATE_STUDENT_ID', 'NOT_FOUND', 'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR', 'LINK_EXPIRED', 'SIGNATURE_MISMATCH',
  'STUDENT_NOT_FOUND', 'PRECONDITION_FAILED', 'INVALID_PARAMETER', 'INVALID_CURSOR', 'IMPORT_INVALID',
  'UNSUPPORTED_MEDIA_TYPE', 'BACKUP_NOT_FOUND', 'CONFIRMATION_REQUIRED', 'INVALID_BACKUP',
]);

/** The codes of one refused field (`errors.<field>.code`), each with an i18n key `problem.<CODE>`. */
export const FIELD_CODES = Object.freeze([
  'REQUIRED', 'INVALID_TYPE', 'INVALID_FORMAT', 'TOO_LONG', 'INVALID_DATE', 'DATE_IN_FUTURE', 'INVALID_EMAIL',
  'INVALID_CHARACTERS', 'UNKNOWN_FIELD',
]);

const text = (value) => (typeof value === 'string' ? value : '');

/** The values a code's sentence names, taken from the answer's fields (never from its message). */
const PARAMS = {
  STUDENT_SAVED_MAIL_FAILED: (body) => ({ email: text(body.student?.email), reason: text(body.mailError) }),
  BACKUP_MAIL_FAILED: (body) => ({ reason: text(body.mailError) }),
  BACKUP_FAILED: (body) => ({ reason: text(body.reason) }),
  VALIDATION_FAILED: (body) => ({ fields: Object.keys(fieldErrors(body)).join(', ') }),
};

/** The code of an answer body, or '' when it has none. */
export function codeOf(body) {
  return text(body?.code);
}

/** The field errors of an answer: field name to { code, message }, empty when there are none. */
export function fieldErrors(body) {
  const errors = body?.errors;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return {};
  return Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, {
    code: text(error?.code),
    message: typeof error === 'string' ? error : text(error?.message),
  }]));
}

/** The page's sentence for an answer body, as a function so that it follows the language. */
export function answerText(body) {
  const code = codeOf(body);
  if (!ANSWER_CODES.includes(code)) {
    const message = text(body?.message);
    return () => message;
  }
  const params = PARAMS[code]?.(body) ?? {};
  return () => t(`code.${code}`, params);
}

/** The page's sentence for one refused field, as a function; max is the field's length limit. */
export function problemText(problem, max = '') {
  if (!FIELD_CODES.includes(problem.code)) return () => problem.message;
  return () => t(`problem.${problem.code}`, { max });
}
