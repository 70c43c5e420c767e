# csvstat: the report and its formats, every option, every message; parsing hazards.
# Differential tests against Python are in csvstat-python.test.sh.

=== the full report, in csvkit's layout
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat s.csv
>   1. "id"
>
> 	Type of data:          Number
> 	Contains null values:  False
> 	Null values:           0
> 	Non-null values:       4
> 	Unique values:         4
> 	Smallest value:        1
> 	Largest value:         4
> 	Sum:                   10
> 	Mean:                  2.5
> 	Median:                2.5
> 	StDev:                 1.291
> 	1st quartile:          1.75
> 	3rd quartile:          3.25
> 	Longest value:         1 characters
> 	Shortest value:        1 characters
> 	Most decimal places:   0
> 	Most common values:    1 (1x)
> 	                       2 (1x)
> 	                       3 (1x)
> 	                       4 (1x)
>
>   2. "name"
>
> 	Type of data:          Text
> 	Contains null values:  True (excluded from calculations)
> 	Null values:           1
> 	Non-null values:       3
> 	Unique values:         2
> 	Longest value:         10 characters
> 	Shortest value:        5 characters
> 	Most common values:    apple (2x)
> 	                       pear, ripe (1x)
>
>   3. "price"
>
> 	Type of data:          Number
> 	Contains null values:  False
> 	Null values:           0
> 	Non-null values:       4
> 	Unique values:         4
> 	Smallest value:        0.1
> 	Largest value:         1000
> 	Sum:                   1003.85
> 	Mean:                  250.963
> 	Median:                1.875
> 	StDev:                 499.359
> 	1st quartile:          1.15
> 	3rd quartile:          251.688
> 	Longest value:         4 characters
> 	Shortest value:        3 characters
> 	Most decimal places:   2
> 	Most common values:    1.50 (1x)
> 	                       2.25 (1x)
> 	                       0.1 (1x)
> 	                       1e3 (1x)
>
>   4. "day"
>
> 	Type of data:          Date
> 	Contains null values:  True (excluded from calculations)
> 	Null values:           1
> 	Non-null values:       3
> 	Unique values:         3
> 	Smallest value:        2023-12-31
> 	Largest value:         2024-02-03
> 	Longest value:         10 characters
> 	Shortest value:        10 characters
> 	Most common values:    2024-01-02 (1x)
> 	                       2024-02-03 (1x)
> 	                       2023-12-31 (1x)
>
>   5. "ok"
>
> 	Type of data:          Boolean
> 	Contains null values:  False
> 	Null values:           0
> 	Non-null values:       4
> 	Unique values:         2
> 	Longest value:         5 characters
> 	Shortest value:        2 characters
> 	Most common values:    true (2x)
> 	                       FALSE (2x)
>
> Row count: 4

=== --csv: one row per column
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --csv s.csv
> column_id,column_name,type,nulls,nonnulls,unique,min,max,sum,mean,median,stdev,q1,q3,len,minlen,maxprecision,freq
> 1,id,Number,0,4,4,1,4,10,2.5,2.5,1.2909944487358056,1.75,3.25,1,1,0,"1, 2, 3, 4"
> 2,name,Text,1,3,2,,,,,,,,,10,5,,"apple, pear, ripe"
> 3,price,Number,0,4,4,0.1,1000,1003.85,250.9625,1.875,499.3591282417228,1.15,251.6875,4,3,2,"1.50, 2.25, 0.1, 1e3"
> 4,day,Date,1,3,3,2023-12-31,2024-02-03,,,,,,,10,10,,"2024-01-02, 2024-02-03, 2023-12-31"
> 5,ok,Boolean,0,4,2,,,,,,,,,5,2,,"true, FALSE"

=== --json: numbers as numbers, absent statistics null
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --json -c 3,name -n 2 s.csv
> [
>   {"column_id": 3, "column_name": "price", "type": "Number", "nulls": 0, "nonnulls": 4, "unique": 4, "min": 0.1, "max": 1000, "sum": 1003.85, "mean": 250.9625, "median": 1.875, "stdev": 499.3591282417228, "q1": 1.15, "q3": 251.6875, "len": 4, "minlen": 3, "maxprecision": 2, "freq": [{"value": "1.50", "count": 1}, {"value": "2.25", "count": 1}]},
>   {"column_id": 2, "column_name": "name", "type": "Text", "nulls": 1, "nonnulls": 3, "unique": 2, "min": null, "max": null, "sum": null, "mean": null, "median": null, "stdev": null, "q1": null, "q3": null, "len": 10, "minlen": 5, "maxprecision": null, "freq": [{"value": "apple", "count": 2}, {"value": "pear, ripe", "count": 1}]}
> ]

=== sums are exact decimals: 0.1 + 0.2 + 0.3 is 0.6
$ printf 'x\n0.1\n0.2\n0.3\n' | csvstat --sum
> 0.6

=== 20-digit integers do not overflow
$ printf 'x\n12345678901234567890\n98765432109876543210\n-1\n' | csvstat --csv | cut -d, -f7-9
> min,max,sum
> -1,98765432109876543210,111111111011111111099

=== mean and stdev: correctly rounded, shortest form
$ printf 'x\n1\n2\n2\n4\n' | csvstat --csv | cut -d, -f10-14
> mean,median,stdev,q1,q3
> 2.25,2,1.2583057392117916,1.75,2.5

=== q1 and q3 as Python statistics.quantiles(method=inclusive)
$ printf 'x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' | csvstat --json | grep -o '"q[13]": [0-9.]*'
> "q1": 3.25
> "q3": 7.75

=== one value: no stdev, quartiles are the value
$ printf 'x\n7\n' | csvstat --csv | cut -d, -f9-14
> sum,mean,median,stdev,q1,q3
> 7,7,7,,7,7

=== numbers compare as numbers: 1, 1.0, 1e0 are one value, shown as first seen
$ printf 'x\n1.0\n1\n1e0\n2\n' | csvstat --freq
> { "1.0": 3, "2": 1 }

=== booleans compare as booleans
$ printf 'x\nTRUE\ntrue\nyes\nno\nFalse\n' | csvstat --csv | cut -d, -f3-6,18-
> type,nulls,nonnulls,unique,freq
> Boolean,0,5,2,"TRUE, no"

=== a leading zero keeps the column Text
$ printf 'zip\n01234\n02134\n' | csvstat --csv | cut -d, -f3
> type
> Text

=== 0, 0.5, -0.5 are numbers; 00.5 is not
$ printf 'a,b\n0,00.5\n0.5,1\n-0.5,2\n' | csvstat --csv | cut -d, -f2,3
> column_name,type
> a,Number
> b,Text

=== sign, exponent, bare points
$ printf 'x\n+1\n.5\n5.\n-2E-1\n' | csvstat --csv | cut -d, -f3,7-9,17
> type,min,max,sum,maxprecision
> Number,-0.2,5,6.3,1

=== null tokens in any case are left out
$ printf 'x\n1\n\nNA\nn/a\nNone\nNULL\n.\n3\n' | csvstat --csv | cut -d, -f3-6,9
> type,nulls,nonnulls,unique,sum
> Number,6,2,2,4

=== --null-value adds null tokens, in any case
$ printf 'x\n1\n-\nmissing\nMISSING\n3\n' | csvstat --null-value=- --null-value missing --csv | cut -d, -f3-6
> type,nulls,nonnulls,unique
> Number,3,2,2

=== dates and datetimes: min and max
$ printf 'd,t\n2024-02-29,2024-01-02T10:00:00\n2023-12-31,2024-01-02 09:30\n2024-01-01,2024-01-01T23:00:00-02:00\n' | csvstat --csv | cut -d, -f2-8
> column_name,type,nulls,nonnulls,unique,min,max
> d,Date,0,3,3,2023-12-31,2024-02-29
> t,DateTime,0,3,3,2024-01-01T23:00:00-02:00,2024-01-02T10:00:00

=== a datetime with an offset is the same instant as its UTC form
$ printf 't\n2024-01-03T00:00:00Z\n2024-01-03T02:00:00+02:00\n' | csvstat --unique
> 1

=== dates and datetimes mixed make DateTime
$ printf 't\n2024-01-03\n2024-01-02T12:00\n' | csvstat --csv | cut -d, -f3,7,8
> type,min,max
> DateTime,2024-01-02T12:00,2024-01-03

=== an invalid date keeps the column Text
$ printf 'd\n2023-02-29\n' | csvstat --csv | cut -d, -f3
> type
> Text

=== --date-format
$ printf 'd\n31/12/2023\n01/01/2024\n' | csvstat --date-format=%d/%m/%Y --csv | cut -d, -f3,7,8
> type,min,max
> Date,2023-12-31,2024-01-01

=== -I: every column is Text
$ printf 'x\n1\n1.0\n' | csvstat -I --csv | cut -d, -f3,6
> type,unique
> Text,2

=== the text report escapes line breaks
$ printf '"a\nb"\n"x\ny"\nz\n' | csvstat | sed -n '1p;/common/,$p'
>   1. "a\nb"
> 	Most common values:    x\ny (1x)
> 	                       z (1x)
>
> Row count: 2

=== --freq-count
$ printf 'x\na\nb\nb\nc\nc\nc\n' | csvstat -n 2 --freq
> { "c": 3, "b": 2 }

=== freq ties: first appearance first
$ printf 'x\nb\na\nc\na\nb\n' | csvstat --freq
> { "b": 2, "a": 2, "c": 1 }

=== lengths count characters, not bytes
$ printf 'x\n\303\251t\303\251\n\360\237\230\200\n' | csvstat --csv | cut -d, -f15,16
> len,minlen
> 3,1

=== -c and -C: names, indices and ranges
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat -c 1-3,ok -C name --csv s.csv | cut -d, -f1,2
> column_id,column_name
> 1,id
> 3,price
> 5,ok

=== -c N-: to the last column
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat -c 4- --csv s.csv | cut -d, -f1,2
> column_id,column_name
> 4,day
> 5,ok

=== an unknown column
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat -c nope s.csv
2> csvstat: s.csv: no column 'nope' (5 columns)
? 2

=== column 0 is not a column
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat -c 0 s.csv
2> csvstat: s.csv: no column '0' (5 columns)
? 2

=== -H: the first row is data, columns a, b, ...
$ printf '1,x\n2,y\n' | csvstat -H --csv | cut -d, -f1-6
> column_id,column_name,type,nulls,nonnulls,unique
> 1,a,Number,0,2,2
> 2,b,Text,0,2,2

=== --count
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --count s.csv
> 4

=== --count -H
$ printf '1\n2\n' | csvstat --count -H
> 2

=== --nulls
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --nulls s.csv
>   1. id: 0
>   2. name: 1
>   3. price: 0
>   4. day: 1
>   5. ok: 0

=== --unique
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --unique s.csv
>   1. id: 4
>   2. name: 2
>   3. price: 4
>   4. day: 3
>   5. ok: 2

=== --min
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --min s.csv
>   1. id: 1
>   2. name: None
>   3. price: 0.1
>   4. day: 2023-12-31
>   5. ok: None

=== --max
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --max s.csv
>   1. id: 4
>   2. name: None
>   3. price: 1000
>   4. day: 2024-02-03
>   5. ok: None

=== --sum
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --sum s.csv
>   1. id: 10
>   2. name: None
>   3. price: 1003.85
>   4. day: None
>   5. ok: None

=== --mean
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --mean s.csv
>   1. id: 2.5
>   2. name: None
>   3. price: 250.963
>   4. day: None
>   5. ok: None

=== --median
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --median s.csv
>   1. id: 2.5
>   2. name: None
>   3. price: 1.875
>   4. day: None
>   5. ok: None

=== --stdev
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --stdev s.csv
>   1. id: 1.291
>   2. name: None
>   3. price: 499.359
>   4. day: None
>   5. ok: None

=== --len
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --len s.csv
>   1. id: 1
>   2. name: 10
>   3. price: 4
>   4. day: 10
>   5. ok: 5

=== --freq
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --freq s.csv
>   1. id: { "1": 1, "2": 1, "3": 1, "4": 1 }
>   2. name: { "apple": 2, "pear, ripe": 1 }
>   3. price: { "1.50": 1, "2.25": 1, "0.1": 1, "1e3": 1 }
>   4. day: { "2024-01-02": 1, "2024-02-03": 1, "2023-12-31": 1 }
>   5. ok: { "true": 2, "FALSE": 2 }

=== one column: the value alone
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --max -c price s.csv
> 1000

=== -t: tabs
$ printf 'a\tb\n1\t"x\ty"\n' | csvstat -t --csv | cut -d, -f2,3,18
> column_name,type,freq
> a,Number,1
> b,Text,x	y

=== -d and -q
$ printf "a;b\n1;'x;''y'\n" | csvstat -d ';' -q "'" --freq -c b
> { "x;'y": 1 }

=== ragged rows: reported once, with the first line
$ printf 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n"x\ny",1\n' > r.csv
$ csvstat --csv -n 1 r.csv | cut -d, -f2,4,5
> column_name,nulls,nonnulls
> a,0,4
> b,0,4
> c,2,2
2> csvstat: r.csv:3: 2 fields, header has 3 (3 ragged rows)

=== --strict: a ragged row is an error
$ printf 'a,b,c\n1,2,3\n4,5\n' | csvstat --strict
2> csvstat: (standard input):3: 2 fields, header has 3
? 2

=== one ragged row
$ printf 'a,b\n1,2,3\n' | csvstat --count
> 1
2> csvstat: (standard input):2: 3 fields, header has 2 (1 ragged row)

=== an unterminated quoted field names the line it opened on
$ printf 'a,b\n1,2\n3,"x\ny\nz\n' > q.csv
$ csvstat q.csv
2> csvstat: q.csv:3: unterminated quoted field
? 2

=== blank lines are rows of nulls
$ printf 'a,b\n1,2\n\n3,4\n' | csvstat --csv | cut -d, -f2,4,5
> column_name,nulls,nonnulls
> a,1,2
> b,1,2

=== CRLF, lone CR, BOM, no final newline
$ printf '\357\273\277a,b\r\n1,"x\r\ny"\r2,z' | csvstat --freq
>   1. a: { "1": 1, "2": 1 }
>   2. b: { "x\r\ny": 1, "z": 1 }

=== NUL bytes are data
$ printf 'a\nx\000y\nz\n' | csvstat --len
> 3

=== an empty file
$ csvstat < /dev/null
> Row count: 0

=== an empty file, --json
$ csvstat --json < /dev/null
> []

=== a header only
$ printf 'a,b\n' | csvstat --csv
> column_id,column_name,type,nulls,nonnulls,unique,min,max,sum,mean,median,stdev,q1,q3,len,minlen,maxprecision,freq
> 1,a,Boolean,0,0,0,,,,,,,,,,,,
> 2,b,Boolean,0,0,0,,,,,,,,,,,,

=== gzip input
@ command -v gzip
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ gzip -c s.csv > s.csv.gz
$ csvstat --count s.csv.gz
> 4

=== bzip2 input
@ command -v bzip2
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ bzip2 -c s.csv > s.csv.bz2
$ csvstat --sum -c 1 s.csv.bz2
> 10

=== several files, each headed by its name; a missing one is an error
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --count s.csv nofile.csv - < s.csv
> ==> s.csv <==
> 4
>
> ==> (standard input) <==
> 4
2> csvstat: nofile.csv: No such file or directory
? 2

=== several files as CSV: a file column
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --csv -c 1 s.csv s.csv | cut -d, -f1-4
> file,column_id,column_name,type
> s.csv,1,id,Number
> s.csv,1,id,Number

=== several files as JSON: an object by name
$ printf 'id,name,price,day,ok\n1,apple,1.50,2024-01-02,true\n2,"pear, ripe",2.25,2024-02-03,FALSE\n3,,0.1,,yes\n4,apple,1e3,2023-12-31,no\n' > s.csv
$ csvstat --json -c 1 s.csv - < s.csv | cut -c1-40
> {
> "s.csv": [
>   {"column_id": 1, "column_name": "id", 
> ],
> "(standard input)": [
>   {"column_id": 1, "column_name": "id", 
> ]
> }

=== 10,000 columns
$ seq 10000 | paste -sd, > w.csv
$ seq 10000 | paste -sd, >> w.csv
$ csvstat --csv w.csv | tail -1 | cut -d, -f1-9
> 10000,10000,Number,0,1,1,10000,10000,10000

=== a 100 MB single field
$ { echo h; printf '"'; head -c 100000000 /dev/zero | tr '\0' x; printf '"\n'; } > big.csv
$ csvstat --len big.csv
$ rm big.csv
> 100000000

=== --csv and --json exclude each other
$ csvstat --csv --json
2> csvstat: --csv and --json exclude each other
2> Try 'csvstat --help' for more information.
? 2

=== only one statistic
$ csvstat --mean --sum
2> csvstat: only one statistic may be asked for (--mean, --median, ...)
2> Try 'csvstat --help' for more information.
? 2

=== a statistic and --csv
$ csvstat --mean --csv
2> csvstat: a single statistic cannot be printed as --csv or --json
2> Try 'csvstat --help' for more information.
? 2

=== --count and a statistic
$ csvstat --count --min
2> csvstat: --count and a single statistic exclude each other
2> Try 'csvstat --help' for more information.
? 2

=== a bad --freq-count
$ csvstat -n 0
2> csvstat: invalid count for -n: '0'
2> Try 'csvstat --help' for more information.
? 2

=== a delimiter must be one character
$ csvstat -d ab
2> csvstat: -d needs one character, not 'ab'
2> Try 'csvstat --help' for more information.
? 2

=== the delimiter and quote must differ
$ csvstat -d '"'
2> csvstat: the delimiter and the quote character must differ
2> Try 'csvstat --help' for more information.
? 2

=== --help has no not-implemented note
$ ! csvstat --help | grep -q 'Not implemented'

=== JSON is valid UTF-8: invalid bytes become U+FFFD
@ command -v python3
$ printf 'x\n\377a\n' | csvstat --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["freq"])'
> [{'value': '�a', 'count': 1}]

=== a column name that looks like a number is a name first
$ printf '3,x,y\n1,2,3\n' | csvstat -c 3 --csv | cut -d, -f1,2
> column_id,column_name
> 1,3

=== CR-only line ends
$ printf 'a,b\r1,2\r3,4\r' | csvstat --csv | cut -d, -f1-6
> column_id,column_name,type,nulls,nonnulls,unique
> 1,a,Number,0,2,2
> 2,b,Number,0,2,2

=== a truncated gzip file is an error
@ command -v gzip
$ printf 'a,b\n1,2\n3,4\n5,6\n' | gzip | head -c 25 > t.gz
$ csvstat t.gz
2> csvstat: t.gz: truncated gzip data at byte 25
? 2

=== a directory is an error
$ mkdir d && csvstat d
2> csvstat: d: Is a directory
? 2

=== -c -M: from the first column; N:M as N-M
$ printf 'a,b,c,d\n1,2,3,4\n' > f.csv
$ csvstat -c -2 --csv f.csv | cut -d, -f2
$ csvstat -c 3:4 --csv f.csv | cut -d, -f2
> column_name
> a
> b
> column_name
> c
> d
