package io.github.opsbaseline.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.App;

/** Apps configured the way the tests need them: the CDK's own template validator on and strict. */
public final class TestApps {

    private TestApps() { }

    /** The context every test app gets: what the app forces on every synth. */
    public static Map<String, Object> context() {
        return new TreeMap<>(io.github.opsbaseline.app.OpsBaselineApp.strictValidation());
    }

    public static App app(Path outdir) {
        return App.Builder.create()
                .outdir(outdir.toString())
                .context(context())
                .analyticsReporting(false)
                .build();
    }

    /** An app writing to a temporary directory, for construct tests. */
    public static App app() {
        try {
            return app(java.nio.file.Files.createTempDirectory("ops-baseline-test-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
