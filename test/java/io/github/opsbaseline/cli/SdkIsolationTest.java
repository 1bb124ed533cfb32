package io.github.opsbaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Importing the construct library never puts the AWS SDK on a user's classpath, and the CLI does
 * not need the CDK: the SDK is only imported by {@code io.github.opsbaseline.cli}, every SDK
 * dependency is optional (not transitive), and the CLI runs on a classpath without the CDK jars
 * (what the shaded {@code -cli.jar} holds).
 */
class SdkIsolationTest {

    private static final String CLI_PACKAGE = "io/github/opsbaseline/cli/";

    @Test
    void onlyTheCliPackageImportsTheSdk() throws IOException {
        Path sources = ProjectPaths.root().resolve("src/main/java");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file).toString().replace(File.separatorChar, '/');
                if (!relative.startsWith(CLI_PACKAGE) && Files.readString(file).contains("software.amazon.awssdk")) {
                    offenders.add(relative);
                }
            }
        }
        assertThat(offenders).as("library classes that mention the AWS SDK").isEmpty();
    }

    @Test
    void everySdkDependencyIsOptional() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ProjectPaths.root().resolve("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        Element dependencies = child(project, "dependencies");
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> sdk = new ArrayList<>();
        List<String> notOptional = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            if (!"software.amazon.awssdk".equals(text(dependency, "groupId"))) {
                continue;
            }
            String artifact = text(dependency, "artifactId");
            sdk.add(artifact);
            if (!"true".equals(text(dependency, "optional")) || text(dependency, "scope") != null && !"compile".equals(text(dependency, "scope"))) {
                notOptional.add(artifact);
            }
        }
        assertThat(sdk).contains("cloudwatch", "ecs", "url-connection-client");
        assertThat(notOptional).as("SDK dependencies a library user would inherit").isEmpty();
    }

    /**
     * The CLI jar's class set: no CDK, jsii, constructs or cdk-nag jar; of aws-cdk-lib only the
     * classes the shade filter in pom.xml includes (extracted here the same way).
     */
    @Test
    void theCliRunsWithoutTheCdkOnItsClasspath(@TempDir Path dir) throws Exception {
        List<String> full = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String cdkJar = full.stream().filter(e -> e.contains("aws-cdk-lib")).findFirst().orElseThrow();
        Path cdkSubset = Files.createDirectories(dir.resolve("cdk-subset"));
        List<String> included = shadeIncludes("software.amazon.awscdk:aws-cdk-lib");
        assertThat(included).as("aws-cdk-lib classes the CLI jar keeps").hasSizeLessThan(5);
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(cdkJar)) {
            for (String entry : included) {
                Path target = cdkSubset.resolve(entry);
                Files.createDirectories(target.getParent());
                try (var in = jar.getInputStream(jar.getEntry(entry))) {
                    Files.copy(in, target);
                }
            }
        }
        List<String> withoutCdk = new ArrayList<>(full.stream()
                .filter(e -> !e.contains("/software/amazon/awscdk/") && !e.contains("/software/amazon/jsii/")
                        && !e.contains("/software/constructs/") && !e.contains("/io/github/cdklabs/") && !e.contains("test-classes"))
                .toList());
        withoutCdk.add(cdkSubset.toString());
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", String.join(File.pathSeparator, withoutCdk), StatusCommand.class.getName(),
                    "--env", "prod", "--config-dir", ProjectPaths.stacksConfig().toString(),
                    "--endpoint-url", aws.endpoint().toString(), "--assembly", AssemblyFixture.write(dir).toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            // the default credential chain, from the environment
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();

            assertThat(output).doesNotContain("NoClassDefFoundError").contains("SERVICES", "INFRA", "LOGS", "COST")
                    .containsPattern("baseline \\(offline\\) +\\d+\\.\\d\\d per month");
            assertThat(exit).as(output).isEqualTo(StatusCommand.CRITICAL_ALARM);
        }
    }

    /** The {@code <include>}s of the shade filter for {@code artifact} in pom.xml. */
    private static List<String> shadeIncludes(String artifact) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ProjectPaths.root().resolve("pom.xml").toFile());
        NodeList filters = pom.getElementsByTagName("filter");
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < filters.getLength(); i++) {
            Element filter = (Element) filters.item(i);
            if (artifact.equals(text(filter, "artifact"))) {
                NodeList list = filter.getElementsByTagName("include");
                for (int j = 0; j < list.getLength(); j++) {
                    includes.add(list.item(j).getTextContent().trim());
                }
            }
        }
        return includes;
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
