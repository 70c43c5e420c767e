# demo-findrobots.sh: sourced by examples/demo.sh (cwd examples/, show() and the links on PATH).
echo
echo "== findrobots: the hosts that fetched /robots.txt, from plain, gzip and bzip2 logs"
show findrobots findrobots-hazards.log
show findrobots -c --match=exact findrobots-hazards.log
show findrobots --details --format=json --method=HEAD,GET -E '^/robots\.txt$' findrobots-hazards.log
demo_tmp=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-demo.XXXXXX")
head -n 6 findrobots-hazards.log | gzip -c >"$demo_tmp/a.log.gz"
head -n 12 findrobots-hazards.log | gzip -c | head -c 300 >"$demo_tmp/cut.log.gz"
findrobots --details "$demo_tmp/a.log.gz" >"$demo_tmp/a.details"
findrobots --details findrobots-hazards.log >"$demo_tmp/b.details"
cd "$demo_tmp"
show findrobots -v .
show findrobots --merge a.details b.details
cd "$here"
rm -rf "$demo_tmp"
