// The field rules of a student (SPEC §2), mirrored from the server's StudentValidator so that most
// mistakes are caught before a request is spent; the server stays the judge.

export const FIELDS = Object.freeze(['studentid', 'name', 'class', 'birthdate', 'email']);

export const MAX_LENGTH = Object.freeze({ studentid: 64, name: 200, class: 64, email: 254 });

const ID = /^[A-Za-z0-9_-]{1,64}$/;
// Java's \s is [ \t\n\x0B\f\r]; spelled out so both sides agree on the same characters.
const EMAIL = /^[^@ \t\n\x0B\f\r]+@[^@ \t\n\x0B\f\r.]+(\.[^@ \t\n\x0B\f\r.]+)*\.[^@ \t\n\x0B\f\r.]{2,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const codePoints = (text) => [...text].length;

/** True when text is a real calendar date written YYYY-MM-DD. */
export function isRealDate(text) {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // years below 100 would otherwise be read as 19xx
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The latest birthdate the server accepts: one day after today in UTC, as YYYY-MM-DD. */
export function latestBirthdate(now = new Date()) {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return tomorrow.toISOString().slice(0, 10);
}

/** Today's local date as YYYY-MM-DD, for the date picker's max. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function problemWith(field, value, now) {
  switch (field) {
    case 'studentid':
      if (ID.test(value)) return null;
      return value.length > MAX_LENGTH.studentid ? 'too-long' : 'bad-id';
    case 'name':
    case 'class':
      return codePoints(value) > MAX_LENGTH[field] ? 'too-long' : null;
    case 'birthdate':
      if (!isRealDate(value)) return 'not-a-date';
      return value > latestBirthdate(now) ? 'in-the-future' : null;
    case 'email':
      if (value.length > MAX_LENGTH.email) return 'too-long';
      return EMAIL.test(value) ? null : 'bad-email';
    default:
      return 'unknown-field';
  }
}

/**
 * Checks the raw form values. Returns { student, problems } where student holds the trimmed values
 * and problems maps a field name to a problem code ('required', 'bad-id', 'too-long', ...).
 */
export function validateStudent(raw, now = new Date()) {
  const student = {};
  const problems = {};
  for (const field of FIELDS) {
    const value = String(raw[field] ?? '').trim();
    student[field] = value;
    const problem = value === '' ? 'required' : problemWith(field, value, now);
    if (problem) problems[field] = problem;
  }
  return { student, problems };
}

// The server's reasons, in both of its languages, mapped to our problem codes so that they can be
// shown in the page's language. An unknown reason is shown as the server wrote it.
const SERVER_REASONS = new Map([
  ['is required', 'required'],
  ['là bắt buộc', 'required'],
  ['must be a string', 'not-a-string'],
  ['phải là chuỗi ký tự', 'not-a-string'],
  ["must be 1-64 letters, digits, '-' or '_'", 'bad-id'],
  ["phải gồm 1-64 chữ cái, chữ số, '-' hoặc '_'", 'bad-id'],
  ['is too long', 'too-long'],
  ['quá dài', 'too-long'],
  ['must be a real date YYYY-MM-DD', 'not-a-date'],
  ['phải là ngày hợp lệ dạng YYYY-MM-DD', 'not-a-date'],
  ['must not be in the future', 'in-the-future'],
  ['không được ở tương lai', 'in-the-future'],
  ['must be an e-mail address like name@example.com', 'bad-email'],
  ['phải là địa chỉ email dạng ten@example.com', 'bad-email'],
  ['is not a student field', 'unknown-field'],
  ['không phải trường của sinh viên', 'unknown-field'],
]);

/** The problem code for a reason the server gave, or null when the page does not know it. */
export function problemFromServer(reason) {
  return SERVER_REASONS.get(String(reason).trim()) ?? null;
}
