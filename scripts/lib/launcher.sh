#!/bin/sh
# The eloquent CLI on the module path: lib/ (the CLI and the drivers), lib/app/ and $ELOQUENT_APP_PATH (your
# application, which provides dev.eloquent.orm.EloquentApplication). Runs in the current folder, so its
# .env applies. JAVA_HOME or java on PATH (17+); JAVA_OPTS adds JVM options.
home="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
path="$home/lib:$home/lib/app"
if [ -n "$ELOQUENT_APP_PATH" ]; then path="$path:$ELOQUENT_APP_PATH"; fi
exec "$java" $JAVA_OPTS -p "$path" -m dev.eloquent.cli/dev.eloquent.cli.EloquentCli "$@"
