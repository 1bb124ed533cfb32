package io.github.opsbaseline.config;

import java.util.List;

/** An environment file that cannot be used; carries every problem found, one line each. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in the environment configuration");
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** One line per problem, as printed to stderr. */
    public List<String> lines() {
        return problems.stream().map(ConfigProblem::toString).toList();
    }
}
