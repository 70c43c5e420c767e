# demo-daemonize.sh: sourced by demo.sh in a subshell ($bin is set there): start, inspect,
# supervise and stop a daemon in a temporary directory.
echo
echo "== daemonize: a daemon whose pidfile is its lock"
dir=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-demo-dz.XXXXXX")
trap '"$bin" daemonize stop -p "$dir/app.pid" --oknodo; "$bin" daemonize stop -p "$dir/crash.pid" --oknodo; rm -rf "$dir"' EXIT
cd "$dir" || exit 1
dz() { "$bin" daemonize "$@"; }

show dz start -p app.pid -o app.log -- sh -c 'echo "hello from $$"; exec sleep 600'
show dz status -p app.pid
show dz start -p app.pid -- sleep 600
show dz start -p other.pid -- ./no-such-program
sleep 0.2; show cat app.log
show dz stop -p app.pid
show dz status -p app.pid
printf '#!/bin/sh\necho "crashing at $(date +%%T)"\nexit 1\n' >crash; chmod +x crash
show dz start -p crash.pid -r --max-restarts=2 -C "$dir" -o crash.log -e crash.log -- ./crash
sleep 3.5; show cat crash.log
show dz once -p job.lock -- sh -c 'echo "the job ran"; exit 3'
