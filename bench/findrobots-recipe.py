#!/usr/bin/env python3
"""The Python Cookbook's findrobots recipe (3rd ed., 12.8), as published: one process per
*.log.gz file in LOGDIR, field 0 of each line whose field 6 is /robots.txt.

usage: findrobots-recipe.py LOGDIR
"""
import gzip
import io
import glob
import sys
from concurrent import futures


def find_robots(filename):
    '''
    Find all of the hosts that access robots.txt in a single log file
    '''
    robots = set()
    with gzip.open(filename) as f:
        for line in io.TextIOWrapper(f, encoding='ascii'):
            fields = line.split()
            if fields[6] == '/robots.txt':
                robots.add(fields[0])
    return robots


def find_all_robots(logdir):
    '''
    Find all hosts across and entire sequence of files
    '''
    files = glob.glob(logdir + '/*.log.gz')
    all_robots = set()
    with futures.ProcessPoolExecutor() as pool:
        for robots in pool.map(find_robots, files):
            all_robots.update(robots)
    return all_robots


if __name__ == '__main__':
    robots = find_all_robots(sys.argv[1] if len(sys.argv) > 1 else 'logs')
    for ipaddr in robots:
        print(ipaddr)
