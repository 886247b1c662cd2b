package dev.studentapi.core.student;

import java.io.IOException;

/** Students that can be read more than once, one at a time (a spooled file, a backup object). */
@FunctionalInterface
public interface StudentSource {
    /** Passes every student to the sink, in the source's order; a failure of the sink ends the pass. */
    void forEach(StudentSink sink) throws IOException;
}
