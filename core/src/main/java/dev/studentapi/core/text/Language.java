package dev.studentapi.core.text;

import java.util.Locale;
import java.util.Optional;

/** The languages that messages and e-mails are written in. */
public enum Language {
    EN("en"),
    VI("vi");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
