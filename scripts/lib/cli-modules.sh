# Shared by scripts/package-cli and scripts/jlink-image (sourced, not run). Gives:
#   parse_args "$@"   -Ddrivers=sqlite,pg (or --drivers sqlite,pg; default all four), --skip-build,
#                     --pool DIR (jars to take the modules from; default: the example's target/modules,
#                     which holds the CLI, every driver and their dependencies), --out DIR
#   build_jars        ./mvnw package of the CLI and the example (unless --skip-build)
#   explicit_pool     copies the pool to $work/modules (a temporary folder) and gives the automatic modules the chosen drivers need a descriptor
#                     (jdeps --generate-module-info, javac, "$jdk/bin/jar" --update): jlink refuses automatic modules
#   select_modules    prints "jar PATH" / "jdk NAME" for the root modules (no service binding)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n "s:.*<version>\(.*\)</version>.*:\1:p" "$root/pom.xml" | head -1)"   # the reactor's
drivers=sqlite,pg,mysql,mongo
skip_build=false
pool="$root/eloquent-examples/target/modules"
out=""
# The JDK whose tools build (and, for the image, whose jmods are linked): JAVA_HOME, else java on the PATH.
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -Ddrivers=*) drivers="${1#-Ddrivers=}" ;;
      --drivers) drivers="$2"; shift ;;
      --drivers=*) drivers="${1#--drivers=}" ;;
      --skip-build) skip_build=true ;;
      --pool) pool="$2"; shift ;;
      --out) out="$2"; shift ;;
      -h|--help) sed -n '2,/^set -e/p' "$0" | sed 's/^# \{0,1\}//;/^set -e/d'; exit 0 ;;
      *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
  done
  roots="dev.eloquent.cli org.slf4j.simple"
  jdk_extra=""
  automatic=""   # file-name prefixes of the automatic modules the chosen drivers need
  IFS=',' read -ra chosen <<< "$drivers"
  [ ${#chosen[@]} -gt 0 ] || { echo "choose at least one driver: -Ddrivers=sqlite,pg,mysql,mongo" >&2; exit 2; }
  for d in "${chosen[@]}"; do
    case "$d" in
      # The JDK modules no class names but a network driver needs: TLS (EC keys), charsets, DNS SRV lookups.
      sqlite) roots="$roots dev.eloquent.driver.sqlite" ;;
      pg) roots="$roots dev.eloquent.driver.pg"; jdk_extra="$jdk_extra,jdk.crypto.ec"; automatic="$automatic postgresql-" ;;
      mysql) roots="$roots dev.eloquent.driver.mysql"; jdk_extra="$jdk_extra,jdk.crypto.ec,jdk.charsets"
             automatic="$automatic mysql-connector-j- protobuf-java-" ;;
      mongo) roots="$roots dev.eloquent.driver.mongo"; jdk_extra="$jdk_extra,jdk.crypto.ec,jdk.naming.dns"
             automatic="$automatic bson- mongodb-driver-" ;;
      *) echo "unknown driver: $d (choose from sqlite, pg, mysql, mongo)" >&2; exit 2 ;;
    esac
  done
  drivers_tag="$(echo "$drivers" | tr ',' '-')"
  # A private work folder, so two builds (say the suite's RuntimeImageIT and yours) never share one.
  work="$(mktemp -d "${TMPDIR:-/tmp}/eloquent-cli.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
}

build_jars() {
  if [ "$skip_build" = false ]; then
    (cd "$root" && ./mvnw -q -B -ntp -pl eloquent-cli,eloquent-examples -am package -DskipTests)
  fi
  [ -d "$pool" ] || { echo "no jars in $pool: build first (drop --skip-build)" >&2; exit 1; }
}

explicit_pool() {
  rm -rf "$work" && mkdir -p "$work/modules" "$work/automatic" "$work/info" "$work/classes"
  for jar in "$pool"/*.jar; do
    case "$(basename "$jar")" in eloquent-examples-*) continue ;; esac
    if "$jdk/bin/jar" --describe-module --file "$jar" 2>/dev/null | grep -q "automatic module"; then
      for prefix in $automatic; do
        case "$(basename "$jar")" in "$prefix"*) cp "$jar" "$work/automatic/" ;; esac
      done
    else
      cp "$jar" "$work/modules/"
    fi
  done
  for jar in "$work/modules"/datafaker-*.jar; do
    if [ -f "$jar" ]; then "$jdk/bin/java" "$root/scripts/lib/SelectModules.java" --strip-stray-versions "$jar"; fi
  done
  if ls "$work/automatic"/*.jar >/dev/null 2>&1; then
    # Descriptors from what the classes use; optional dependencies that are absent are left out.
    "$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --generate-module-info "$work/info" "$work/automatic"/*.jar \
      2>&1 | grep -v -e "split package" -e "Missing dependencies" -e "^writing to" || true
    for info in "$work/info"/*/versions/17/module-info.java; do
      module="$(basename "$(dirname "$(dirname "$(dirname "$info")")")")"
      # jdeps names unresolved packages "unnamed"; the MongoDB driver logs through SLF4J when it is present.
      sed -i '/requires .*unnamed;/d' "$info"
      if [ "$module" = org.mongodb.driver.core ]; then
        sed -i 's/^module org.mongodb.driver.core {/module org.mongodb.driver.core {\n    requires static org.slf4j;/' "$info"
      fi
      found=""
      for jar in "$work/automatic"/*.jar; do
        # "No module descriptor found. Derived automatic module.", a blank line, then "name@version automatic".
        if [ "$("$jdk/bin/jar" --describe-module --file "$jar" | sed -n 3p | sed 's/[@ ].*//')" = "$module" ]; then found="$jar"; fi
      done
      [ -n "$found" ] || { echo "no jar for $module" >&2; exit 1; }
      # An explicit module must declare the services it loads: find ServiceLoader.load(X.class) in its classes.
      mkdir -p "$work/scan/$module" && (cd "$work/scan/$module" && "$jdk/bin/jar" xf "$found")
      for class in $(grep -rl --include='*.class' "java/util/ServiceLoader" "$work/scan/$module" || true); do
        "$jdk/bin/javap" -c -p "$class" | grep -B3 "java/util/ServiceLoader.load" | sed -n 's#.*// class \([A-Za-z0-9_/$]*\)$#\1#p'
      done | tr '/$' '..' | sort -u | while read -r service; do
        sed -i "s/^module $module {/module $module {\n    uses $service;/" "$info"
      done
      module_version="$("$jdk/bin/jar" --describe-module --file "$found" | sed -n 3p | sed -n 's/^[^@ ]*@\([^ ]*\).*/\1/p')"
      # javac does not see packages that only hold package-info or versioned classes: drop those exports.
      if ! "$jdk/bin/javac" -nowarn -d "$work/classes/$module" --module-path "$work/automatic:$work/modules" \
          --patch-module "$module=$found" "$info" 2> "$work/javac.err"; then
        for package in $(sed -n 's/.*package is empty or does not exist: \(.*\)$/\1/p' "$work/javac.err"); do
          sed -i "/exports $package;/d; /opens $package;/d" "$info"
        done
        "$jdk/bin/javac" -nowarn -d "$work/classes/$module" --module-path "$work/automatic:$work/modules" \
          --patch-module "$module=$found" "$info"
      fi
      "$jdk/bin/jar" --update --file "$found" ${module_version:+--module-version "$module_version"} -C "$work/classes/$module" module-info.class
      mv "$found" "$work/modules/"
    done
  fi
}

select_modules() {
  "$jdk/bin/java" "$root/scripts/lib/SelectModules.java" "$work/modules" $roots
}
