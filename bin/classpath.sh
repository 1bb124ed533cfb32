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
