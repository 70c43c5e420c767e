#!/usr/bin/env python3
"""findrobots-gen: realistic combined-format access log lines on stdout, seeded.

usage: findrobots-gen.py SEED LINES [HOSTS [HOSTSEED]]
IPv4 and IPv6 clients (canonical text, so that the cookbook recipe and findrobots agree),
a few host names, ~1% of requests for /robots.txt, user agents with spaces, referers, times
that advance through a day. Clean: no hazard the recipe would trip on.
"""
import random
import sys
import time


def main():
    seed, lines = int(sys.argv[1]), int(sys.argv[2])
    nhosts = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else seed)
    hosts = []
    for i in range(nhosts):
        r = rnd.random()
        if r < 0.75:
            hosts.append("%d.%d.%d.%d" % (rnd.randint(1, 223), rnd.randint(0, 255),
                                          rnd.randint(0, 255), rnd.randint(1, 254)))
        elif r < 0.95:
            hosts.append("2001:db8:%x:%x::%x" % (rnd.randint(1, 0xffff), rnd.randint(1, 0xffff),
                                                 rnd.randint(1, 0xffff)))
        else:
            hosts.append("crawl-%d.bot%d.example.net" % (i, rnd.randint(1, 9)))
    paths = ["/", "/index.html", "/about/", "/blog/2026/11/some-post.html", "/static/app.js",
             "/static/style.css", "/images/logo.png", "/favicon.ico", "/search?q=log+files",
             "/api/v1/items?page=2", "/feed.xml", "/sitemap.xml", "/wp-login.php",
             "/robots.txt?x=1", "/docs/manual/en/index.html"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36",
              "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0",
              "curl/7.88.1", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
              "python-requests/2.31.0"]
    rnd = random.Random(seed)
    refs = ["-", "https://www.example.com/", "https://www.google.com/search?q=example", "-"]
    methods = ["GET"] * 18 + ["POST", "HEAD"]
    t = 1764000000 + seed * 86400
    out = []
    w = sys.stdout.write
    for n in range(lines):
        t += rnd.random() < 0.3
        host = hosts[int(rnd.paretovariate(1.2)) % nhosts] if rnd.random() < 0.7 else rnd.choice(hosts)
        path = "/robots.txt" if rnd.random() < 0.01 else rnd.choice(paths)
        stamp = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(t))
        out.append('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
            host, stamp, rnd.choice(methods), path, rnd.choice((200, 200, 200, 304, 404)),
            rnd.randint(0, 50000), rnd.choice(refs), rnd.choice(agents)))
        if len(out) == 10000:
            w("".join(out))
            out = []
    w("".join(out))


if __name__ == "__main__":
    main()
