// The rules of a list held whole in the page: accent-insensitive search, class filter, stable sort, 25-row pages.

import { FIELDS } from './validate.js';

export const PAGE_SIZE = 25;

/** Lower case without accents, so "nguyen" finds "Nguyễn" and "dang" finds "Đặng". */
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The students of class className (exact, when given) for which every word of query occurs in a column. */
export function filterStudents(students, query, className = '') {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const wanted = className.trim();
  return students.filter((student) => {
    if (wanted && String(student.class ?? '') !== wanted) return false;
    const columns = FIELDS.map((field) => fold(student[field]));
    return words.every((word) => columns.some((column) => column.includes(word)));
  });
}

/** A sorted copy; ties are broken by Student ID so the order is stable across refreshes. */
export function sortStudents(students, column, direction, locale = 'en') {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'descending' ? -1 : 1;
  return [...students].sort((a, b) =>
    sign * (collator.compare(String(a[column] ?? ''), String(b[column] ?? ''))
      || collator.compare(String(a.studentid ?? ''), String(b.studentid ?? ''))));
}

/** One page of rows (pages count from 1; an out-of-range page is clamped). */
export function paginate(rows, page, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  return { rows: rows.slice(start, start + size), page: current, pages, from: rows.length ? start + 1 : 0, to: Math.min(start + size, rows.length) };
}
