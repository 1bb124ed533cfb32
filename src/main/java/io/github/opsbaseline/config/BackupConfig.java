package io.github.opsbaseline.config;

/** The backup section of the environment file; its plans arrive with the BackupStack. */
public record BackupConfig() {

    public static BackupConfig defaults() {
        return new BackupConfig();
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        // No fields yet: unknown keys are already refused by strict binding.
    }
}
