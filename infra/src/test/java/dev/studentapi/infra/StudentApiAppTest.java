package dev.studentapi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.cxapi.CloudAssembly;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StudentApiAppTest {

    @Test
    void synthesisesTheStackIntoTheGivenDirectoryWithoutTheCli(@TempDir Path outdir) throws Exception {
        SynthesizedStack.requireNode();

        CloudAssembly assembly = StudentApiApp.synthesize(outdir, SynthesizedStack.PLACEHOLDERS);

        Path template = outdir.resolve(StudentApiApp.STACK_NAME + ".template.json");
        assertThat(assembly.getDirectory()).isEqualTo(outdir.toString());
        assertThat(template).exists();
        assertThat(Files.readString(template)).contains("\"DailyDynamoDBBackup\"", "\"studentData\"");
        assertThat(outdir.resolve("manifest.json")).exists();
    }
}
