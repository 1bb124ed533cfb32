# Prints the runtime classpath of the project, compiling first when sources changed. Sourced by
# bin/app and bin/ops-baseline so neither pays Maven's start-up when nothing changed.
ops_baseline_classpath() {
  local file=target/app-classpath.txt
  if [ ! -f "$file" ] || [ -n "$(find pom.xml src/main -newer "$file" -print -quit)" ]; then
    mvn -q -B compile dependency:build-classpath -Dmdep.outputFile="$file" -Dmdep.includeScope=runtime >&2
    touch "$file"
  fi
  echo "target/classes:$(cat "$file")"
}
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

# The JVM options of the CDK app, one definition for bin/app and the benchmark's empty-app floor:
# the java argument file bin/jvm.options (one option a line, # starts a comment) when it exists.
ops_baseline_java_options() {
  if [ -f bin/jvm.options ]; then echo "@bin/jvm.options"; fi
}
