package io.github.opsbaseline.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line of {@code status}.
 *
 * @param sections the sections to read, in screen order (alarms are always read: they decide the exit code)
 * @param maxRefreshes stop after this many readings in watch mode; 0 = until interrupted
 * @param endpoint send every AWS call to this URL (LocalStack, a proxy, the tests); null = AWS
 */
record StatusOptions(String env, List<String> sections, boolean json, boolean watch, int intervalSeconds,
                     int maxRefreshes, String profile, Path configDir, Path assembly, URI endpoint) {

    static final List<String> ALL_SECTIONS = List.of("services", "infra", "logs", "cost");

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: status --env <name> [--services-only|--infra-only|--logs-only|--cost-only] [--output table|json]",
            "              [--watch [--interval <seconds>] [--max-refreshes <n>]] [--profile <name>]",
            "              [--assembly <cdk.out dir>] [--config-dir <dir>] [--endpoint-url <url>]");

    /** Thrown for a command line that cannot run; the message is printed with the usage. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static StatusOptions parse(String[] args) throws UsageException {
        String env = null;
        String only = null;
        boolean json = false;
        boolean watch = false;
        int interval = 60;
        int maxRefreshes = 0;
        String profile = null;
        Path configDir = Path.of("stacks-config");
        Path assembly = null;
        URI endpoint = null;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // a second value would silently win over the first: refuse it, as a second -only flag is
            if (arg.startsWith("--") && !arg.endsWith("-only") && !given.add(arg)) {
                throw new UsageException(arg + " is given twice");
            }
            switch (arg) {
                case "--env" -> env = value(args, ++i, arg);
                case "--services-only", "--infra-only", "--logs-only", "--cost-only" -> {
                    if (only != null) {
                        throw new UsageException("choose one of --services-only, --infra-only, --logs-only, --cost-only");
                    }
                    only = arg.substring(2, arg.length() - "-only".length());
                }
                case "--output" -> {
                    String output = value(args, ++i, arg);
                    if (!output.equals("table") && !output.equals("json")) {
                        throw new UsageException("--output is table or json, found \"" + output + "\"");
                    }
                    json = output.equals("json");
                }
                case "--watch" -> watch = true;
                case "--interval" -> interval = number(value(args, ++i, arg), arg, 5);
                case "--max-refreshes" -> maxRefreshes = number(value(args, ++i, arg), arg, 1);
                case "--profile" -> profile = value(args, ++i, arg);
                case "--config-dir" -> configDir = Path.of(value(args, ++i, arg));
                case "--assembly" -> assembly = Path.of(value(args, ++i, arg));
                case "--endpoint-url" -> endpoint = endpoint(value(args, ++i, arg));
                default -> throw new UsageException("unknown argument \"" + arg + "\"");
            }
        }
        if (env == null) {
            throw new UsageException("missing --env <name>");
        }
        if (!watch && maxRefreshes > 0) {
            throw new UsageException("--max-refreshes needs --watch");
        }
        if (!watch && given.contains("--interval")) {
            throw new UsageException("--interval needs --watch");
        }
        return new StatusOptions(env, only == null ? ALL_SECTIONS : List.of(only), json, watch, interval, maxRefreshes,
                profile, configDir, assembly, endpoint);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** An http(s) URL with a host, e.g. a local AWS emulator's {@code http://localhost:4566}. */
    private static URI endpoint(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--endpoint-url expects an http:// or https:// URL with a host, found \"" + value + "\"");
    }

    private static int number(String value, String option, int min) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " expects a whole number of at least " + min + ", found \"" + value + "\"");
    }

    boolean has(String section) {
        return sections.contains(section);
    }
}
