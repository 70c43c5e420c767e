# textwrap: Python's textwrap.fill per paragraph, columns, CJK, options, errors.

=== fills to 70 columns by default, paragraph by paragraph, blank lines kept
$ textwrap
< The quick brown fox jumps over the lazy dog, and then it sleeps in the warm afternoon sun.
<
<
< Second paragraph.
> The quick brown fox jumps over the lazy dog, and then it sleeps in the
> warm afternoon sun.
>
>
> Second paragraph.

=== a line of only spaces and tabs is a blank line, printed empty
$ printf 'one\n \t \ntwo\n' | textwrap
> one
>
> two

=== -w and line breaks inside a paragraph are spaces
< Hello there -- you goof-ball,
< use the -b option!
$ textwrap -w 12
> Hello there
> -- you goof-
> ball, use
> the -b
> option!

=== --width N as a separate argument, final line without newline
$ printf 'one two three' | textwrap --width 8
> one two
> three

=== -i indents every line
$ echo 'one two three four' | textwrap -w 10 -i '> '
> > one two
> > three
> > four

=== --initial-indent and --subsequent-indent
$ echo 'one two three four five' | textwrap -w 10 --initial-indent='* ' --subsequent-indent='  '
> * one two
>   three
>   four
>   five

=== --tabsize and tab expansion
$ printf 'a\tb\tc\n' | textwrap --tabsize=4 | od -An -c | tr -s ' '
>  a b c \n

=== --no-expand-tabs --no-replace-whitespace keeps the tab
$ printf 'a\tb\n' | textwrap --no-expand-tabs --no-replace-whitespace | od -An -c | tr -s ' '
>  a \t b \n

=== --fix-sentence-endings
$ echo 'Hello there. How are you? Fine, Mr. Smith.' | textwrap --fix-sentence-endings
> Hello there.  How are you?  Fine, Mr.  Smith.

=== long words are broken, after a hyphen when there is one
$ echo 'a supercalifragilistic well-known-thing' | textwrap -w 8
> a superc
> alifragi
> listic
> well-
> known-
> thing

=== --no-break-long-words lets a long word overflow
$ echo 'a supercalifragilistic b' | textwrap -w 8 --no-break-long-words
> a
> supercalifragilistic
> b

=== --no-break-on-hyphens
$ echo 'one well-known thing' | textwrap -w 8 --no-break-on-hyphens
> one well
> -known
> thing

=== --no-drop-whitespace keeps the spaces at line ends
$ echo 'one   two   three' | textwrap -w 8 --no-drop-whitespace | sed 's/$/|/'
> one   |
> two   |
> three|

=== --max-lines and the default placeholder
$ echo 'one two three four five six seven eight' | textwrap -w 15 --max-lines=2
> one two three
> four five [...]

=== --max-lines with --placeholder
$ echo 'one two three four five six seven eight' | textwrap -w 15 --max-lines=1 --placeholder=...
> one two...

=== --shorten collapses and truncates each paragraph
$ printf 'Hello  world!\n\nHello\tbrave   new world\n' | textwrap --shorten -w 11
> Hello [...]
>
> Hello [...]

=== --shorten when it fits
$ echo 'Hello  world!' | textwrap --shorten -w 12
> Hello world!

=== --dedent removes the common margin first
$ printf '    one two\n      three\n\n    four\n' | textwrap --dedent -w 80 --no-replace-whitespace --no-drop-whitespace
> one two
>   three
>
> four

=== files are read in order; - is standard input; gzip and bzip2 are read
$ echo 'one two' >a; echo 'three four' | gzip >b.gz; echo 'five six' | bzip2 >c.bz2
$ echo 'seven' | textwrap -w 5 a - b.gz c.bz2
> one
> two
> seven
> three
> four
> five
> six

=== a missing file is an error; the others are still filled
$ echo 'one two' >a; textwrap -w 3 nosuch a
> one
> two
2> textwrap: nosuch: No such file or directory
? 2

# Columns, not code points.

=== CJK text is two columns a character and breaks between characters
$ printf '我能吞下玻璃而不伤身体。\n' | textwrap -w 10
> 我能吞下玻
> 璃而不伤身
> 体。

=== closing punctuation never starts a line, an opening bracket never ends one
$ printf 'あいうえお「かきくけ」こ。\n' | textwrap -w 10
> あいうえお
> 「かきく
> け」こ。

=== CJK mixed with spaced words
$ printf '日本語 テキスト と English words\n' | textwrap -w 12
> 日本語 テキ
> スト と
> English
> words

=== --count=codepoints is Python's measure
$ printf '日本語のテキスト 日本語\n' | textwrap --count=codepoints -w 5
> 日本語のテ
> キスト
> 日本語

=== combining accents in NFD count 0 and stay on their letter
$ printf 'cafe\314\201 re\314\201sume\314\201 nai\314\210ve\n' | textwrap -w 7 | textwrap -n nfc -w 7
> café
> résumé
> naïve

=== Hangul, precomposed and as NFD jamo, is as wide either way
$ printf '한국어 텍스트\n' | textwrap -w 7; printf '한국어 텍스트\n' | textwrap -n nfd -w 7 | textwrap -n nfc -w 7
> 한국어
> 텍스트
> 한국어
> 텍스트

=== emoji ZWJ sequences, skin tones and flags are 2 columns and never split
$ printf '👨‍👩‍👧 👍🏽 🇫🇷 🇩🇪 ok\n' | textwrap -w 5
> 👨‍👩‍👧 👍🏽
> 🇫🇷 🇩🇪
> ok

=== a cluster wider than the width goes alone
$ printf '😀😀😀\n' | textwrap -w 1
> 😀
> 😀
> 😀

=== no-break space glues, as does the word joiner
$ printf '10\302\240km away 20\342\201\240km\n' | textwrap -w 6 | LC_ALL=C sed 's/[^ -~]/?/g'
> 10??km
> away
> 20???km

=== a zero-width space is a break opportunity
$ printf 'abcdef\342\200\213ghij\n' | textwrap -w 7
> abcdef​
> ghij

=== a soft hyphen shows "-" when the line breaks there
$ printf 'inter\302\255national\n' | textwrap -w 9
> inter-
> national

=== a soft hyphen before a space or at the end shows nothing: the break is not there
$ printf 'abc\302\255 de fgh\302\255\n' | textwrap -w 4 | od -An -c | tr -s ' ' | sed 's/^ //'
> a b c 302 255 \n d e \n f g h 302 255 \n

=== optimal drops a run of spaces wider than a line at the line's end
$ printf 'a j  d d z\n' | textwrap -w 4 --subsequent-indent='   ' --algorithm=optimal | sed 's/$/|/'
> a j|
>    d|
>    d|
>    z|

=== ANSI colours have width 0 and are carried over the break
$ printf '\033[31mred text here\033[0m plain\n' | textwrap -w 9 | cat -v
> ^[[31mred text^[[0m
> ^[[31mhere^[[0m
> plain

=== --strip-ansi removes escapes
$ printf '\033[1mbold\033[0m text\n' | textwrap --strip-ansi
> bold text

=== -n nfc composes before measuring
$ printf 'e\314\201e\314\201\n' | textwrap -n nfc | od -An -tx1 | tr -s ' '
>  c3 a9 c3 a9 0a

=== invalid UTF-8 passes through, one warning per file, exit 0
$ printf 'ok\nbad \377 byte\nbad \376 again\n' >f; textwrap -w 5 f | LC_ALL=C sed 's/[^ -~]/?/g'
> ok
> bad ?
> byte
> bad ?
> again
2> textwrap: f:2: invalid UTF-8

=== the warning names the line with the first invalid byte, in a paragraph of many lines
$ printf 'a\n\nb\nc\n\tc2\nd \377\ne \376\n \n\377\n' >f; textwrap f | LC_ALL=C sed 's/[^ -~]/?/g'
> a
>
> b c         c2 d ? e ?
>
> ?
2> textwrap: f:6: invalid UTF-8

# Beyond Python.

=== -a right and center pad like str.rjust and str.center
$ echo 'one two three four' | textwrap -w 10 -a right | sed 's/$/|/'; echo 'one two three' | textwrap -w 12 -a center | sed 's/$/|/'
>    one two|
> three four|
>   one two   |
>    three    |

=== -a justify spreads spaces, the last line ragged
$ echo 'one two three four five six seven eight' | textwrap -w 15 -a justify
> one  two  three
> four  five  six
> seven eight

=== --algorithm=optimal is less ragged than greedy
$ echo 'aaa bb cc ddddd' | textwrap -w 6 --algorithm=optimal; echo 'aaa bb cc ddddd' | textwrap -w 6
> aaa
> bb cc
> ddddd
> aaa bb
> cc
> ddddd

=== -p reformats only prefixed lines and puts the prefix back
< > one two three four
< > five six
< >
< > seven
< plain line here
$ textwrap -p '> ' -w 12
> > one two
> > three four
> > five six
> >
> > seven
> plain line here

=== --linebreak=uax14
$ printf 'The price is $100.00 (approx.) for 日本語の説明。\n' | textwrap -w 16 --linebreak=uax14
> The price is
> $100.00
> (approx.) for 日
> 本語の説明。

# Usage errors.

=== width 0
$ echo x | textwrap -w 0
2> textwrap: invalid width 0 (must be > 0)
2> Try 'textwrap --help' for more information.
? 2

=== a width below the indent
$ echo x | textwrap -w 3 -i abcd
2> textwrap: width 3 is smaller than the indent (4)
2> Try 'textwrap --help' for more information.
? 2

=== a placeholder that cannot fit
$ echo x | textwrap -w 4 --max-lines 1
2> textwrap: placeholder too large for max width
2> Try 'textwrap --help' for more information.
? 2

=== a width that is not a number
$ echo x | textwrap -w abc
2> textwrap: invalid -w: 'abc'
2> Try 'textwrap --help' for more information.
? 2

=== an unknown unit
$ echo x | textwrap --count=bytes
2> textwrap: invalid --count: 'bytes'
2> Try 'textwrap --help' for more information.
? 2

=== --shorten with --max-lines
$ echo x | textwrap --shorten --max-lines=2
2> textwrap: --shorten and --max-lines cannot be used together
2> Try 'textwrap --help' for more information.
? 2

=== optimal does not truncate
$ echo x | textwrap --algorithm=optimal --max-lines=2
2> textwrap: --algorithm=optimal does not truncate: no --max-lines or --shorten
2> Try 'textwrap --help' for more information.
? 2

=== uax14 counts columns
$ echo x | textwrap --linebreak=uax14 --count=codepoints
2> textwrap: --linebreak=uax14 needs --count=columns
2> Try 'textwrap --help' for more information.
? 2

=== a prefix as wide as the width
$ echo x | textwrap -p '>>' -w 2
2> textwrap: width 2 leaves no room after the prefix '>>'
2> Try 'textwrap --help' for more information.
? 2

=== unknown option
$ textwrap --frob
2> textwrap: unknown option '--frob'
2> Try 'textwrap --help' for more information.
? 2

=== write error
$ echo x | textwrap >/dev/full
2> textwrap: write error: No space left on device
? 2
