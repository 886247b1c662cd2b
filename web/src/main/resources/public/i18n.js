// Every label and message of the page, in English and Vietnamese, and the code that applies them.

const en = {
  'app.title': 'Student Records',
  'app.subtitle': 'Save students, browse the list and back up the data.',
  'app.footer': 'The API key stays in this tab only; nothing is sent anywhere but the API you connect to.',
  'skip.toStudents': 'Skip to the student list',
  'language.label': 'Language',

  'connection.heading': 'Connection',
  'key.label': 'API key',
  'key.placeholder': 'Paste the key shown by the server',
  'key.hint': 'Kept only in this browser tab and sent as the x-api-key header.',
  'key.show': 'Show key',
  'key.hide': 'Hide key',
  'key.connect': 'Connect',
  'key.forget': 'Forget key',
  'key.forgotten': 'The API key was removed from this tab.',
  'key.needed': 'Enter the API key first.',

  'settings.summary': 'Settings',
  'settings.using': 'API:',
  'settings.baseLabel': 'API base URL',
  'settings.apply': 'Apply',
  'settings.reset': 'Use default',
  'settings.hint.default': 'Default: {url} (this server).',
  'settings.hint.config': 'Default: {url} (from config.json).',
  'settings.saved': 'The page now talks to {url}.',
  'settings.invalid': 'Enter an http:// or https:// address, for example https://abc123.execute-api.us-east-1.amazonaws.com/prod',

  'form.heading': 'Add a student',
  'form.save': 'Save Student',
  'form.fix': 'Check the highlighted fields.',
  'form.saved': 'Saved {name} ({id}).',
  'form.duplicate': 'Student ID {id} already exists.',
  'form.rejected': 'The server did not accept the student.',

  'field.studentid': 'Student ID',
  'field.name': 'Full Name',
  'field.class': 'Class',
  'field.birthdate': 'Birthdate',
  'field.email': 'Email',
  'placeholder.studentid': 'SV001',
  'placeholder.name': 'Nguyễn Văn An',
  'placeholder.class': 'CNTT1',
  'placeholder.email': 'an.nguyen@example.com',
  'hint.studentid': 'Letters, digits, - or _ (up to 64).',

  'problem.REQUIRED': 'This field is required.',
  'problem.INVALID_TYPE': 'Must be text.',
  'problem.INVALID_FORMAT': 'Use 1–64 letters, digits, - or _ (no spaces).',
  'problem.TOO_LONG': 'Too long: at most {max} characters.',
  'problem.INVALID_DATE': 'Enter a real date (YYYY-MM-DD).',
  'problem.DATE_IN_FUTURE': 'The birthdate cannot be in the future.',
  'problem.INVALID_EMAIL': 'Enter an e-mail address like name@example.com.',
  'problem.INVALID_CHARACTERS': 'Remove the characters that are not allowed (control or text-direction characters).',
  'problem.UNKNOWN_FIELD': 'This is not a student field.',

  'list.heading': 'Students',
  'list.caption': 'Students, sortable by any column',
  'list.searchLabel': 'Search',
  'list.searchPlaceholder': 'ID, name, class, date or e-mail',
  'list.refresh': 'Refresh',
  'list.loading': 'Loading students…',
  'list.count.one': '1 student',
  'list.count.other': '{count} students',
  'list.count.filtered': '{shown} of {total} students match',
  'list.empty.title': 'No students yet',
  'list.empty.detail': 'Add the first one with the form.',
  'list.nomatch.title': 'No students match “{query}”',
  'list.nomatch.detail': 'Try fewer or different words.',
  'list.nokey.title': 'Connect to see the students',
  'list.nokey.detail': 'Paste the API key above and press Connect.',
  'list.failed.title': 'The list could not be loaded',
  'list.failed.detail': 'See the message above, then press Refresh.',
  'list.retried': 'Loaded after a short wait.',

  'pager.label': 'Pagination',
  'pager.previous': 'Previous',
  'pager.next': 'Next',
  'pager.info': 'Showing {from}–{to} of {total} · page {page} of {pages}',

  'backup.heading': 'Backup',
  'backup.intro': 'Saves a snapshot of every student and e-mails a download link that works for one hour.',
  'backup.button': 'Backup Data',
  'backup.running': 'Backing up… this can take a moment.',
  'backup.done': 'Backup saved',
  'backup.key': 'File',
  'backup.count': 'Students',
  'backup.size': 'Size',
  'backup.expires': 'Link expires',
  'backup.download': 'Download backup',
  'backup.mailFailed': 'Backup saved as {key}, but the e-mail failed',
  'backup.failed': 'The backup failed',

  'error.forbidden': 'The API key is missing or wrong.',
  'error.forbidden.detail': 'Paste the key printed by the server (StudentApiKey) into the API key field.',
  'error.throttled': 'Too many requests — please slow down.',
  'error.throttled.retrying': 'Trying again in a second…',
  'error.throttled.detail': 'Wait a moment, then try again.',
  'error.quota': 'The daily request quota for this key is used up.',
  'error.quota.detail': 'Try again after {time}, or ask for a plan with a higher quota.',
  'error.quota.detailTomorrow': 'Try again tomorrow, or ask for a plan with a higher quota.',
  'error.network': 'Cannot reach the API at {url}.',
  'error.network.detail': 'Check the network connection and the API base URL in Settings.',
  'error.timeout': 'The API at {url} did not answer in time.',
  'error.notFound': 'Nothing answers at {url}.',
  'error.notFound.detail': 'Check the API base URL in Settings.',
  'error.server': 'The server reported a problem (HTTP {status}).',
  'error.unexpected': 'The server sent an unexpected answer (HTTP {status}).',

  'code.STUDENT_SAVED': 'A confirmation e-mail was sent to the student.',
  'code.STUDENT_SAVED_MAIL_FAILED': 'The confirmation e-mail to {email} failed: {reason}',
  'code.BACKUP_DONE': 'The download link was e-mailed.',
  'code.BACKUP_MAIL_FAILED': 'The e-mail with the download link failed: {reason}',
  'code.BACKUP_FAILED': 'Backup failed: {reason}',
  'code.INVALID_JSON': 'The server could not read the data sent.',
  'code.VALIDATION_FAILED': 'The server refused these fields: {fields}',
  'code.DUPLICATE_STUDENT_ID': 'This Student ID is already taken.',
  'code.NOT_FOUND': 'The server has nothing at this address.',
  'code.METHOD_NOT_ALLOWED': 'The server does not take this kind of request here.',
  'code.PAYLOAD_TOO_LARGE': 'The data sent is too large (at most 1 MiB).',
  'code.SERVICE_UNAVAILABLE': 'The server cannot reach its storage right now; try again in a moment.',
  'code.INTERNAL_ERROR': 'The server failed unexpectedly; try again later.',
  'code.LINK_EXPIRED': 'The download link has expired; start a new backup for a fresh link.',
  'code.SIGNATURE_MISMATCH': 'The download link is not valid: it was changed or cut short.',

  'message.dismiss': 'Dismiss message',
  'bytes.b': '{n} bytes',
  'bytes.kb': '{n} kB',
  'bytes.mb': '{n} MB',
};

const vi = {
  'app.title': 'Hồ sơ sinh viên',
  'app.subtitle': 'Lưu sinh viên, xem danh sách và sao lưu dữ liệu.',
  'app.footer': 'Khóa API chỉ được giữ trong thẻ này; dữ liệu chỉ được gửi tới API mà bạn kết nối.',
  'skip.toStudents': 'Chuyển tới danh sách sinh viên',
  'language.label': 'Ngôn ngữ',

  'connection.heading': 'Kết nối',
  'key.label': 'Khóa API',
  'key.placeholder': 'Dán khóa mà máy chủ đã in ra',
  'key.hint': 'Chỉ được giữ trong thẻ trình duyệt này và gửi trong tiêu đề x-api-key.',
  'key.show': 'Hiện khóa',
  'key.hide': 'Ẩn khóa',
  'key.connect': 'Kết nối',
  'key.forget': 'Xóa khóa',
  'key.forgotten': 'Đã xóa khóa API khỏi thẻ này.',
  'key.needed': 'Hãy nhập khóa API trước.',

  'settings.summary': 'Cài đặt',
  'settings.using': 'API:',
  'settings.baseLabel': 'Địa chỉ gốc của API',
  'settings.apply': 'Áp dụng',
  'settings.reset': 'Dùng mặc định',
  'settings.hint.default': 'Mặc định: {url} (máy chủ này).',
  'settings.hint.config': 'Mặc định: {url} (từ config.json).',
  'settings.saved': 'Trang giờ kết nối tới {url}.',
  'settings.invalid': 'Hãy nhập địa chỉ http:// hoặc https://, ví dụ https://abc123.execute-api.us-east-1.amazonaws.com/prod',

  'form.heading': 'Thêm sinh viên',
  'form.save': 'Lưu sinh viên',
  'form.fix': 'Hãy kiểm tra các trường được đánh dấu.',
  'form.saved': 'Đã lưu {name} ({id}).',
  'form.duplicate': 'Mã sinh viên {id} đã tồn tại.',
  'form.rejected': 'Máy chủ không chấp nhận sinh viên này.',

  'field.studentid': 'Mã sinh viên',
  'field.name': 'Họ và tên',
  'field.class': 'Lớp',
  'field.birthdate': 'Ngày sinh',
  'field.email': 'Email',
  'placeholder.studentid': 'SV001',
  'placeholder.name': 'Nguyễn Văn An',
  'placeholder.class': 'CNTT1',
  'placeholder.email': 'an.nguyen@example.com',
  'hint.studentid': 'Chữ cái, chữ số, - hoặc _ (tối đa 64).',

  'problem.REQUIRED': 'Trường này là bắt buộc.',
  'problem.INVALID_TYPE': 'Phải là văn bản.',
  'problem.INVALID_FORMAT': 'Dùng 1–64 chữ cái, chữ số, - hoặc _ (không có khoảng trắng).',
  'problem.TOO_LONG': 'Quá dài: tối đa {max} ký tự.',
  'problem.INVALID_DATE': 'Hãy nhập một ngày có thật (YYYY-MM-DD).',
  'problem.DATE_IN_FUTURE': 'Ngày sinh không được ở tương lai.',
  'problem.INVALID_EMAIL': 'Hãy nhập địa chỉ email dạng ten@example.com.',
  'problem.INVALID_CHARACTERS': 'Hãy bỏ các ký tự không được phép (ký tự điều khiển hoặc ký tự đổi hướng văn bản).',
  'problem.UNKNOWN_FIELD': 'Đây không phải trường của sinh viên.',

  'list.heading': 'Danh sách sinh viên',
  'list.caption': 'Danh sách sinh viên, sắp xếp được theo mọi cột',
  'list.searchLabel': 'Tìm kiếm',
  'list.searchPlaceholder': 'Mã, tên, lớp, ngày sinh hoặc email',
  'list.refresh': 'Làm mới',
  'list.loading': 'Đang tải danh sách…',
  'list.count.one': '1 sinh viên',
  'list.count.other': '{count} sinh viên',
  'list.count.filtered': '{shown} trên {total} sinh viên khớp',
  'list.empty.title': 'Chưa có sinh viên nào',
  'list.empty.detail': 'Hãy thêm sinh viên đầu tiên bằng biểu mẫu.',
  'list.nomatch.title': 'Không có sinh viên nào khớp “{query}”',
  'list.nomatch.detail': 'Hãy thử ít từ hơn hoặc từ khác.',
  'list.nokey.title': 'Kết nối để xem danh sách',
  'list.nokey.detail': 'Dán khóa API ở trên rồi nhấn Kết nối.',
  'list.failed.title': 'Không tải được danh sách',
  'list.failed.detail': 'Xem thông báo ở trên, rồi nhấn Làm mới.',
  'list.retried': 'Đã tải sau khi chờ một chút.',

  'pager.label': 'Phân trang',
  'pager.previous': 'Trang trước',
  'pager.next': 'Trang sau',
  'pager.info': 'Hiển thị {from}–{to} trên {total} · trang {page}/{pages}',

  'backup.heading': 'Sao lưu',
  'backup.intro': 'Lưu bản chụp toàn bộ sinh viên và gửi email chứa liên kết tải xuống có hiệu lực một giờ.',
  'backup.button': 'Sao lưu dữ liệu',
  'backup.running': 'Đang sao lưu… có thể mất một lúc.',
  'backup.done': 'Đã sao lưu',
  'backup.key': 'Tệp',
  'backup.count': 'Số sinh viên',
  'backup.size': 'Dung lượng',
  'backup.expires': 'Liên kết hết hạn',
  'backup.download': 'Tải bản sao lưu',
  'backup.mailFailed': 'Đã sao lưu thành {key}, nhưng gửi email thất bại',
  'backup.failed': 'Sao lưu thất bại',

  'error.forbidden': 'Khóa API bị thiếu hoặc không đúng.',
  'error.forbidden.detail': 'Hãy dán khóa do máy chủ in ra (StudentApiKey) vào ô Khóa API.',
  'error.throttled': 'Quá nhiều yêu cầu — hãy chậm lại.',
  'error.throttled.retrying': 'Sẽ thử lại sau một giây…',
  'error.throttled.detail': 'Hãy chờ một chút rồi thử lại.',
  'error.quota': 'Khóa này đã dùng hết hạn mức yêu cầu trong ngày.',
  'error.quota.detail': 'Hãy thử lại sau {time}, hoặc xin gói có hạn mức cao hơn.',
  'error.quota.detailTomorrow': 'Hãy thử lại vào ngày mai, hoặc xin gói có hạn mức cao hơn.',
  'error.network': 'Không kết nối được tới API tại {url}.',
  'error.network.detail': 'Hãy kiểm tra kết nối mạng và địa chỉ gốc của API trong Cài đặt.',
  'error.timeout': 'API tại {url} không trả lời kịp.',
  'error.notFound': 'Không có gì trả lời tại {url}.',
  'error.notFound.detail': 'Hãy kiểm tra địa chỉ gốc của API trong Cài đặt.',
  'error.server': 'Máy chủ báo lỗi (HTTP {status}).',
  'error.unexpected': 'Máy chủ trả lời không như mong đợi (HTTP {status}).',

  'code.STUDENT_SAVED': 'Đã gửi email xác nhận cho sinh viên.',
  'code.STUDENT_SAVED_MAIL_FAILED': 'Gửi email xác nhận tới {email} thất bại: {reason}',
  'code.BACKUP_DONE': 'Đã gửi liên kết tải xuống qua email.',
  'code.BACKUP_MAIL_FAILED': 'Gửi email chứa liên kết tải xuống thất bại: {reason}',
  'code.BACKUP_FAILED': 'Sao lưu thất bại: {reason}',
  'code.INVALID_JSON': 'Máy chủ không đọc được dữ liệu gửi lên.',
  'code.VALIDATION_FAILED': 'Máy chủ từ chối các trường: {fields}',
  'code.DUPLICATE_STUDENT_ID': 'Mã sinh viên này đã được dùng.',
  'code.NOT_FOUND': 'Máy chủ không có gì ở địa chỉ này.',
  'code.METHOD_NOT_ALLOWED': 'Máy chủ không nhận loại yêu cầu này ở đây.',
  'code.PAYLOAD_TOO_LARGE': 'Dữ liệu gửi lên quá lớn (tối đa 1 MiB).',
  'code.SERVICE_UNAVAILABLE': 'Máy chủ hiện không truy cập được kho dữ liệu; hãy thử lại sau giây lát.',
  'code.INTERNAL_ERROR': 'Máy chủ gặp lỗi không mong đợi; hãy thử lại sau.',
  'code.LINK_EXPIRED': 'Liên kết tải xuống đã hết hạn; hãy sao lưu lại để có liên kết mới.',
  'code.SIGNATURE_MISMATCH': 'Liên kết tải xuống không hợp lệ: nó đã bị thay đổi hoặc bị cắt ngắn.',

  'message.dismiss': 'Đóng thông báo',
  'bytes.b': '{n} byte',
  'bytes.kb': '{n} kB',
  'bytes.mb': '{n} MB',
};

export const dictionaries = Object.freeze({ en, vi });
export const languages = Object.freeze(Object.keys(dictionaries));

let current = 'en';

/** The language to start with: the stored choice, else the first browser language we speak, else English. */
export function initialLanguage(stored, browserLanguages) {
  if (languages.includes(stored)) {
    return stored;
  }
  for (const tag of browserLanguages ?? []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (languages.includes(base)) {
      return base;
    }
  }
  return 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = languages.includes(lang) ? lang : 'en';
  document.documentElement.lang = current;
}

/** The text for key in the current language with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Writes the current language into every element marked with data-i18n* attributes under root. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  document.title = t('app.title');
}
