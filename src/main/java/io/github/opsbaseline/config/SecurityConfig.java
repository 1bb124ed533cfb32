package io.github.opsbaseline.config;

/** The security section of the environment file; its controls arrive with the SecurityStack. */
public record SecurityConfig() {

    public static SecurityConfig defaults() {
        return new SecurityConfig();
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        // No fields yet: unknown keys are already refused by strict binding.
    }
}
