# demo-fnmatch.sh: sourced by examples/demo.sh (show, PATH with the applet links, cwd examples/)
echo
echo "== fnmatch: shell wildcards for pipelines, many patterns at once, never exponential"
show fnmatch '*.c' main.c README util.h io.c
show fnmatch -p 'doc/**/*.md' --input=fnmatch-paths.txt
show fnmatch -v -f fnmatch-ignore.txt --input=fnmatch-paths.txt
show fnmatch -i '*.txt' --input=fnmatch-paths.txt
show fnmatch -x -c '!(*.@(md|txt|TXT))' --input=fnmatch-paths.txt
show fnmatch --translate -p 'src/**/*.[ch]'
show sh -c "head -c 100000 /dev/zero | tr '\\0' a | fnmatch -c '*a*a*a*a*a*a*a*a*a*a*b'"
