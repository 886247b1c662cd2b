// The sentences the server answers with (in English or Vietnamese, SPEC §3) recognised so that the page
// can say them in its own language; a sentence the page does not know is shown as the server wrote it.

import { t } from './i18n.js';

const PATTERNS = [
  [/^Student data saved and confirmation email sent!$/, 'server.savedMailed', []],
  [/^Đã lưu dữ liệu sinh viên và gửi email xác nhận!$/, 'server.savedMailed', []],
  [/^Student data saved, but email to (.*) failed: (.*)$/s, 'server.savedMailFailed', ['email', 'reason']],
  [/^Đã lưu dữ liệu sinh viên, nhưng gửi email tới (.*) thất bại: (.*)$/s, 'server.savedMailFailed', ['email', 'reason']],
  [/^Backup and email sent successfully!$/, 'server.backupMailed', []],
  [/^Sao lưu và gửi email thành công!$/, 'server.backupMailed', []],
  [/^Backup successful but email failed: (.*)$/s, 'server.backupMailFailed', ['reason']],
  [/^Sao lưu thành công nhưng gửi email thất bại: (.*)$/s, 'server.backupMailFailed', ['reason']],
  [/^Backup failed: (.*)$/s, 'server.backupFailed', ['reason']],
  [/^Sao lưu thất bại: (.*)$/s, 'server.backupFailed', ['reason']],
  [/^Invalid data sent\.$/, 'server.invalidData', []],
  [/^Dữ liệu gửi lên không hợp lệ\.$/, 'server.invalidData', []],
  [/^Missing required student information\.$/, 'server.missingFields', []],
  [/^Thiếu thông tin bắt buộc của sinh viên\.$/, 'server.missingFields', []],
  [/^Invalid student information: (.*)$/s, 'server.invalidField', ['detail']],
  [/^Thông tin sinh viên không hợp lệ: (.*)$/s, 'server.invalidField', ['detail']],
  [/^Unknown field\(s\): (.*)$/s, 'server.unknownFields', ['fields']],
  [/^Trường không được hỗ trợ: (.*)$/s, 'server.unknownFields', ['fields']],
];

/**
 * A function giving the server's message in the page's current language; its `key` property names the
 * sentence recognised (for example 'server.savedMailFailed'), or is null.
 */
export function serverText(message) {
  const text = typeof message === 'string' ? message : '';
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      const params = Object.fromEntries(names.map((name, i) => [name, match[i + 1]]));
      return Object.assign(() => t(key, params), { key });
    }
  }
  return Object.assign(() => text, { key: null });
}
