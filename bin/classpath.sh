# Prints the runtime classpath of the project, compiling first when sources changed. Sourced by
# bin/app and bin/ops-baseline so neither pays Maven's start-up when nothing changed.
ops_baseline_classpath() {
  local file=target/app-classpath.txt
  if [ ! -f "$file" ] || [ -n "$(find pom.xml src/main -newer "$file" -print -quit)" ]; then
    mvn -q -B compile >&2  # the pom writes $file during compile
    touch "$file"
  fi
  echo "target/classes:$(cat "$file")"
}

# The options of bin/jvm.options, one per line: comments and blank lines dropped, spaces trimmed.
ops_baseline_jvm_options() {
  sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^#/d' -e '/^$/d' bin/jvm.options
}

# bin/app's classpath: the same, with target/classes as a jar (rebuilt when a class changed),
# because the JVM's class-data archive accepts jars only. Falls back to the directory without `jar`.
ops_baseline_app_classpath() {
  local cp jar=target/app-classes.jar tool
  cp=$(ops_baseline_classpath)
  tool="$(dirname "$(readlink -f "$(command -v java)")")/jar"
  if [ ! -x "$tool" ]; then
    echo "$cp"
    return
  fi
  if [ ! -f "$jar" ] || [ -n "$(find target/classes -newer "$jar" -print -quit)" ]; then
    if ! { "$tool" --create --file "$jar.$$" -C target/classes . && mv -f "$jar.$$" "$jar"; }; then
      rm -f "$jar.$$" "$jar"
      echo "$cp"
      return
    fi
  fi
  echo "$PWD/$jar:${cp#target/classes:}"
}

# Class-data sharing (AppCDS) for bin/app: the classes a synth loads, parsed and verified once into
# target/app.jsa and mapped by later runs (start-up and config load take about half the CPU).
# Lazy and optional, in three steps, each keyed by a stamp of the java binary and of every classpath
# entry's path, size and time (what the JVM itself checks):
#   1. no class list for this stamp: this run records the classes it loads (target/app.classlist);
#   2. a class list of a run that got as far as building stacks: dump the archive (a few seconds,
#      once; output in target/app.jsa.log; a failed dump is remembered and not retried, and the
#      run goes on without an archive);
#   3. an archive for this stamp: use it.
# Prints the options to add for this run, one per line. Never fails: no archive, no options.
ops_baseline_cds_options() {
  local cp=$1 archive=target/app.jsa list=target/app.classlist stamp state
  shift
  stamp=$(ops_baseline_cds_stamp "$cp") || return 0
  state=$(cat "$archive.stamp" 2>/dev/null || true)
  if [ "$state" = "failed $stamp" ]; then
    return 0
  fi
  if [ ! -f "$archive" ] || [ "$state" != "$stamp" ]; then
    if [ "$(cat "$list.stamp" 2>/dev/null || true)" != "$stamp" ] \
        || ! grep -qx 'io/github/opsbaseline/app/BaselineStacks' "$list" 2>/dev/null; then
      { echo "$stamp" > "$list.stamp"; } 2>/dev/null && echo "-XX:DumpLoadedClassList=$list"
      return 0
    fi
    ops_baseline_cds_dump "$cp" "$stamp" "$@" || return 0
  fi
  # -Xshare:auto (the default): an archive the JVM cannot map is skipped and the run goes on.
  echo "-XX:SharedArchiveFile=$archive"
}

ops_baseline_cds_stamp() {
  local java_bin entries
  java_bin=$(readlink -f "$(command -v java)") || return 1
  IFS=: read -r -a entries <<< "$1"
  stat -c '%n %s %Y' "$java_bin" "${entries[@]}" 2>/dev/null | md5sum | cut -d' ' -f1
}

# Dumps target/app.jsa from the recorded class list with the run's own options (an archive only maps
# into a JVM with the same GC and heap layout); classes the JVM cannot archive it skips itself.
ops_baseline_cds_dump() {
  local cp=$1 stamp=$2 archive=target/app.jsa
  shift 2
  rm -f "$archive"
  if java "$@" -Xshare:dump -XX:SharedClassListFile=target/app.classlist \
      -XX:SharedArchiveFile="$archive.$$" -cp "$cp" > "$archive.log" 2>&1 </dev/null \
      && mv -f "$archive.$$" "$archive"; then
    echo "$stamp" > "$archive.stamp"
  else
    rm -f "$archive.$$"
    echo "failed $stamp" > "$archive.stamp"
    return 1
  fi
}

export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

# The class-data archive option when a fresh one exists, without recording or dumping: for other
# mains on bin/app's classpath (the benchmark's empty-app floor appends its test classes to it).
ops_baseline_cds_existing() {
  local stamp
  stamp=$(ops_baseline_cds_stamp "$1") || return 0
  if [ -f target/app.jsa ] && [ "$(cat target/app.jsa.stamp 2>/dev/null || true)" = "$stamp" ]; then
    echo "-XX:SharedArchiveFile=target/app.jsa"
  fi
}
