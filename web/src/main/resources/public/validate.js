// The field rules of a student (SPEC §2), mirrored from the server's StudentValidator so that most
// mistakes are caught before a request is spent; the server stays the judge. Problems are named with the
// server's field codes, so that the page says the same thing whichever side found the mistake. Refused
// characters (controls, bidi overrides) are left to the server: its INVALID_CHARACTERS reaches the field too.

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
      return value.length > MAX_LENGTH.studentid ? 'TOO_LONG' : 'INVALID_FORMAT';
    case 'name':
    case 'class':
      return codePoints(value) > MAX_LENGTH[field] ? 'TOO_LONG' : null;
    case 'birthdate':
      if (!isRealDate(value)) return 'INVALID_DATE';
      return value > latestBirthdate(now) ? 'DATE_IN_FUTURE' : null;
    case 'email':
      if (value.length > MAX_LENGTH.email) return 'TOO_LONG';
      return EMAIL.test(value) ? null : 'INVALID_EMAIL';
    default:
      return 'UNKNOWN_FIELD';
  }
}

/**
 * Checks the raw form values. Returns { student, problems } where student holds the trimmed values
 * and problems maps a field name to its field code ('REQUIRED', 'INVALID_FORMAT', 'TOO_LONG', ...).
 */
export function validateStudent(raw, now = new Date()) {
  const student = {};
  const problems = {};
  for (const field of FIELDS) {
    const value = String(raw[field] ?? '').trim();
    student[field] = value;
    const problem = value === '' ? 'REQUIRED' : problemWith(field, value, now);
    if (problem) problems[field] = problem;
  }
  return { student, problems };
}
