package dev.studentapi.core.backup;

import java.net.URI;
import java.time.Instant;

/** One backup with a freshly signed download link and when the link expires. */
public record BackupDetails(Backup backup, URI downloadUrl, Instant expiresAt) {}
