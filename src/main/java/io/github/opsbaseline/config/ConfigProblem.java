package io.github.opsbaseline.config;

/**
 * One thing wrong with an environment file.
 *
 * @param file the file the offending value came from, as given on the command line
 *     (e.g. {@code stacks-config/prod.json})
 * @param path the JSON path of the value, e.g. {@code $.alerting.critical.emails[1]}
 * @param message what was expected and what was found
 */
public record ConfigProblem(String file, String path, String message) {

    /** {@code <file>: <path>: <message>}, the one line an operator reads. */
    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
