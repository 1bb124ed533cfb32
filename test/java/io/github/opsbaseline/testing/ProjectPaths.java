package io.github.opsbaseline.testing;

import java.nio.file.Path;

/** Where the tests find the project's own files, whatever the working directory. */
public final class ProjectPaths {

    private ProjectPaths() { }

    public static Path root() {
        String root = System.getProperty("project.root");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root);
    }

    public static Path stacksConfig() {
        return root().resolve("stacks-config");
    }

    public static Path snapshots() {
        return root().resolve("test/snapshots");
    }

    public static Path badConfigs() {
        return root().resolve("test/resources/bad-configs");
    }

    public static Path cfnGuardPackage() {
        return root().resolve("node_modules/@cdklabs/cdk-validator-cfnguard");
    }

    /** Whether {@code -Dsnapshot.update=true} asks the snapshot tests to rewrite what they compare. */
    public static boolean updateSnapshots() {
        return Boolean.parseBoolean(System.getProperty("snapshot.update", "false"));
    }
}
