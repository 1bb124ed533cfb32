package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.NagFindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The foundation's gates for the backup stacks: no unsuppressed cdk-nag or validator finding. */
class BackupGatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void backupStacksHaveNoUnsuppressedFindings(String env) throws IOException {
        // GIVEN the environment's stacks with its compliance packs
        BackupFixtures.Built built = BackupFixtures.built(env);
        List<Stack> backupStacks = new ArrayList<>();
        backupStacks.add(built.backup());
        if (built.dr() != null) {
            backupStacks.add(built.dr());
        }
        List<String> findings = new ArrayList<>();
        for (Stack stack : backupStacks) {
            // WHEN synthesized
            findings.addAll(NagFindings.of(stack));
            Path out = Path.of("target", "backup-templates", env);
            Files.createDirectories(out);
            Files.writeString(out.resolve(stack.getStackName() + ".template.json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(Template.fromStack(stack).toJSON()));
        }
        // THEN nothing is left unsuppressed
        assertThat(findings).isEmpty();
    }
}
