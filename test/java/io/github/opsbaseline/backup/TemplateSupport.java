package io.github.opsbaseline.backup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Templates of the shared fixture stacks, built once. */
final class TemplateSupport {

    private TemplateSupport() { }

    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    static Template backup(String env) {
        return TEMPLATES.computeIfAbsent("backup-" + env, k -> Template.fromStack(BackupFixtures.built(env).backup()));
    }

    static Template dr(String env) {
        return TEMPLATES.computeIfAbsent("dr-" + env, k -> {
            Stack dr = BackupFixtures.built(env).dr();
            return Template.fromStack(dr);
        });
    }
}
