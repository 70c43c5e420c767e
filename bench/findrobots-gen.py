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
    words = ["log", "nginx", "apache", "cache", "robots", "search", "index", "crawler", "http",
             "server", "proxy", "gzip", "python", "parallel", "thread", "linux", "debian"]
    paths = ["/", "/index.html", "/about/", "/static/style.css", "/images/logo.png",
             "/favicon.ico", "/feed.xml", "/sitemap.xml", "/wp-login.php", "/robots.txt?x=1"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.36",
              "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.%d",
              "curl/7.%d.%d", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
              "python-requests/2.%d.%d",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.%d (KHTML, like Gecko) Version/17.%d Mobile/15E148 Safari/604.1"]

    def path():
        r = rnd.random()
        if r < 0.3:
            return rnd.choice(paths)
        if r < 0.55:
            return "/blog/20%02d/%02d/%s-%s-%d.html" % (rnd.randint(15, 26), rnd.randint(1, 12),
                                                      rnd.choice(words), rnd.choice(words), rnd.randint(1, 999))
        if r < 0.75:
            return "/static/%s.%08x.js" % (rnd.choice(words), rnd.getrandbits(32))
        if r < 0.9:
            return "/search?q=%s+%s&page=%d" % (rnd.choice(words), rnd.choice(words), rnd.randint(1, 50))
        return "/api/v1/items/%d?session=%016x" % (rnd.randint(1, 100000), rnd.getrandbits(64))

    def agent():
        a = rnd.choice(agents)
        return a % tuple(rnd.randint(1, 130) for _ in range(a.count("%d")))

    def ref():
        r = rnd.random()
        if r < 0.5:
            return "-"
        if r < 0.8:
            return "https://www.example.com" + path()
        return "https://www.google.com/search?q=%s+%s" % (rnd.choice(words), rnd.choice(words))

    rnd = random.Random(seed)
    methods = ["GET"] * 18 + ["POST", "HEAD"]
    t = 1764000000 + seed * 86400
    out = []
    w = sys.stdout.write
    for n in range(lines):
        t += rnd.random() < 0.3
        host = hosts[int(rnd.paretovariate(1.2)) % nhosts] if rnd.random() < 0.7 else rnd.choice(hosts)
        p = "/robots.txt" if rnd.random() < 0.01 else path()
        stamp = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(t))
        out.append('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
            host, stamp, rnd.choice(methods), p, rnd.choice((200, 200, 200, 304, 404)),
            rnd.randint(0, 50000), ref(), agent()))
        if len(out) == 10000:
            w("".join(out))
            out = []
    w("".join(out))


if __name__ == "__main__":
    main()
