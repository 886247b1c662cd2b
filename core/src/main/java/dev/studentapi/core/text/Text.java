package dev.studentapi.core.text;

/** Every user-facing sentence of the API and its e-mails, in English and Vietnamese. */
public enum Text {
    INVALID_DATA("Invalid data sent.", "Dữ liệu gửi lên không hợp lệ."),
    MISSING_FIELDS("Missing required student information.", "Thiếu thông tin bắt buộc của sinh viên."),
    INVALID_FIELD("Invalid student information: {0}", "Thông tin sinh viên không hợp lệ: {0}"),
    UNKNOWN_FIELDS("Unknown field(s): {0}", "Trường không được hỗ trợ: {0}"),
    DUPLICATE_ID("Student ID '{0}' already exists.", "Mã sinh viên '{0}' đã tồn tại."),
    SAVED_AND_MAILED("Student data saved and confirmation email sent!",
            "Đã lưu dữ liệu sinh viên và gửi email xác nhận!"),
    SAVED_MAIL_FAILED("Student data saved, but email to {0} failed: {1}",
            "Đã lưu dữ liệu sinh viên, nhưng gửi email tới {0} thất bại: {1}"),
    BACKUP_DONE("Backup and email sent successfully!", "Sao lưu và gửi email thành công!"),
    BACKUP_MAIL_FAILED("Backup successful but email failed: {0}", "Sao lưu thành công nhưng gửi email thất bại: {0}"),
    BACKUP_FAILED("Backup failed: {0}", "Sao lưu thất bại: {0}"),
    PRECONDITION_FAILED("Student '{0}' has changed since it was read.", "Sinh viên '{0}' đã thay đổi kể từ khi được đọc."),
    INVALID_CURSOR("Invalid cursor.", "Con trỏ trang không hợp lệ."),
    UNSUPPORTED_MEDIA_TYPE("Unsupported Media Type: send text/csv or application/json.",
            "Kiểu dữ liệu không được hỗ trợ: hãy gửi text/csv hoặc application/json."),
    IMPORT_REFUSED("Import refused: {0} row error(s); nothing was stored.",
            "Từ chối nhập: {0} lỗi ở các dòng; không có gì được lưu."),
    IMPORT_DONE("Import done: {0} inserted, {1} replaced, {2} skipped.",
            "Đã nhập: thêm {0}, thay thế {1}, bỏ qua {2}."),
    IMPORT_CHECKED("Import checked, nothing stored: {0} would be inserted, {1} replaced, {2} skipped.",
            "Đã kiểm tra, chưa lưu gì: sẽ thêm {0}, thay thế {1}, bỏ qua {2}."),

    PROBLEM_REQUIRED("is required", "là bắt buộc"),
    PROBLEM_INVALID_TYPE("must be a string", "phải là chuỗi ký tự"),
    PROBLEM_INVALID_FORMAT("must be 1-64 letters, digits, '-' or '_'", "phải gồm 1-64 chữ cái, chữ số, '-' hoặc '_'"),
    PROBLEM_TOO_LONG("is too long", "quá dài"),
    PROBLEM_INVALID_DATE("must be a real date YYYY-MM-DD", "phải là ngày hợp lệ dạng YYYY-MM-DD"),
    PROBLEM_DATE_IN_FUTURE("must not be in the future", "không được ở tương lai"),
    PROBLEM_INVALID_EMAIL("must be an e-mail address like name@example.com",
            "phải là địa chỉ email dạng ten@example.com"),
    PROBLEM_INVALID_CHARACTERS("must not contain control, bidi override or unpaired surrogate characters",
            "không được chứa ký tự điều khiển, ký tự ghi đè hướng văn bản hoặc nửa cặp surrogate lẻ"),
    PROBLEM_UNKNOWN_FIELD("is not a student field", "không phải trường của sinh viên"),
    PROBLEM_ID_MISMATCH("must match the student ID in the address", "phải trùng với mã sinh viên trong địa chỉ"),
    PROBLEM_DUPLICATE_IN_FILE("appears more than once in the file", "xuất hiện nhiều lần trong tệp"),
    PROBLEM_DUPLICATE_STUDENT_ID("already exists", "đã tồn tại"),
    STUDENT_NOT_FOUND("Student '{0}' not found.", "Không tìm thấy sinh viên '{0}'."),
    BACKUP_NOT_FOUND("Backup '{0}' not found.", "Không tìm thấy bản sao lưu '{0}'."),
    BACKUP_CONFIRMATION_REQUIRED("Replacing the table with backup '{0}' requires confirm={0}.",
            "Thay thế toàn bộ bảng bằng bản sao lưu '{0}' cần xác nhận confirm={0}."),
    BACKUP_INVALID("Backup '{0}' cannot be restored: {1}", "Không thể khôi phục bản sao lưu '{0}': {1}"),
    BACKUP_NOT_JSON("the file is not JSON ({0})", "tệp không phải JSON ({0})"),
    BACKUP_NOT_STUDENTS("the file is not a list of students ({0})", "tệp không phải danh sách sinh viên ({0})"),
    BACKUP_ROW_PROBLEM("row {0}: {1} {2}", "dòng {0}: {1} {2}"),
    BACKUP_RESTORED("Backup {0} restored; the table before it was saved as {1}.",
            "Đã khôi phục bản sao lưu {0}; bảng trước đó đã được lưu thành {1}."),
    INVALID_PARAMETER("Invalid parameter {0}: expected {1}.", "Tham số {0} không hợp lệ: cần {1}."),

    CONFIRM_SUBJECT("Student registration confirmed", "Xác nhận đăng ký sinh viên"),
    CONFIRM_GREETING("Hello {0},", "Xin chào {0},"),
    CONFIRM_INTRO("Your student record has been saved:", "Hồ sơ sinh viên của bạn đã được lưu:"),
    LABEL_ID("Student ID", "Mã sinh viên"),
    LABEL_NAME("Full name", "Họ và tên"),
    LABEL_CLASS("Class", "Lớp"),
    LABEL_BIRTHDATE("Date of birth", "Ngày sinh"),
    BACKUP_SUBJECT("Student Data Backup", "Sao lưu dữ liệu sinh viên"),
    BACKUP_HEADING("Student Data Backup", "Sao lưu dữ liệu sinh viên"),
    BACKUP_INTRO("A backup of {0} students was saved as {1}.", "Bản sao lưu gồm {0} sinh viên đã được lưu thành {1}."),
    BACKUP_DOWNLOAD("Download backup", "Tải bản sao lưu"),
    BACKUP_EXPIRES("This link will expire on {0}", "Liên kết này sẽ hết hạn vào {0}"),
    IMPORT_SUBJECT("Student import finished", "Đã nhập xong danh sách sinh viên"),
    IMPORT_HEADING("Student import", "Nhập danh sách sinh viên"),
    IMPORT_INTRO("An import of {0} students has been stored.", "Đã lưu một lần nhập gồm {0} sinh viên."),
    IMPORT_INSERTED("Added", "Thêm mới"),
    IMPORT_REPLACED("Replaced", "Thay thế"),
    IMPORT_SKIPPED("Kept (already stored)", "Giữ nguyên (đã có)");

    private final String english;
    private final String vietnamese;

    Text(String english, String vietnamese) {
        this.english = english;
        this.vietnamese = vietnamese;
    }

    /** The sentence in the language, with {@code {0}}, {@code {1}}... replaced by the arguments. */
    public String in(Language language, Object... args) {
        String text = language == Language.VI ? vietnamese : english;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
