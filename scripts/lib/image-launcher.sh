#!/bin/sh
# The eloquent CLI from this runtime image. Your application (it provides dev.eloquent.orm.EloquentApplication)
# joins from app/ in the image or $ELOQUENT_APP_PATH (a module path). Runs in the current folder, so its .env
# applies. JAVA_OPTS adds JVM options.
home="$(cd "$(dirname "$0")/.." && pwd)"
path="$home/app"
if [ -n "$ELOQUENT_APP_PATH" ]; then path="$path:$ELOQUENT_APP_PATH"; fi
exec "$home/bin/java" $JAVA_OPTS -p "$path" -m dev.eloquent.cli/dev.eloquent.cli.EloquentCli "$@"
