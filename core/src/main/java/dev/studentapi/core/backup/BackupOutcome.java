package dev.studentapi.core.backup;

import dev.studentapi.core.mail.MailDelivery;

import java.net.URI;
import java.time.Instant;

/** A backup that was stored in full, with its download link and whether the notice e-mail went out. */
public record BackupOutcome(StoredObject object, long count, URI downloadLink, Instant expiresAt,
                            MailDelivery notice) {}
