#!/usr/bin/env bash
# bench/daemonize.sh BINARY: time from "start" to the daemon running (its pid exec'd into the
# program), and start+stop cycles per second, for cookbox daemonize, start-stop-daemon (dpkg)
# and daemonize(1) (Debian package daemonize), in one run on the same program (sleep).
# Prints medians and ratios. Peers that are missing are skipped with a note.
set -u
bin=${1:-./cookbox}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-bench-dz.XXXXXX")
trap 'python3 "$here/daemonize-bench.py" --cleanup "$work"; rm -rf "$work"' EXIT
python3 "$here/daemonize-bench.py" "$bin" "$work" "${REPS:-40}" "${CYCLES:-30}"
