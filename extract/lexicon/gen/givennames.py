#!/usr/bin/env python3
"""Writes extract/lexicon/givenname.txt from the U.S. Census Bureau's 1990 first-name files.

The two files (dist.male.first, dist.female.first: name, share of men or women in percent,
cumulative share, rank) are public domain. Debian's libtext-names-perl (Text::Names 0.46)
carries them unchanged inside Text/Names.pm, between the here-document markers of
$COMMON_MALE_FIRSTNAMES and $COMMON_FEMALE_FIRSTNAMES; this script reads them from there.

Usage: python3 extract/lexicon/gen/givennames.py /usr/share/perl5/Text/Names.pm > extract/lexicon/givenname.txt
A name is female when its share among women is at least RATIO times its share among men,
male the other way round; a name between is kept as sub=x (it tells no gender, and a pet
form's full name must not decide it either: "Terry").
"""
import re
import sys

RATIO = 4.0

HEADER = open(__file__.replace('givennames.py', 'givenname-header.txt')).read()


def block(src, name):
    m = re.search(r'\$' + name + r' = <<ENDNAMES;\n(.*?)\nENDNAMES', src, re.S)
    if not m:
        sys.exit('no %s block in the input' % name)
    out = {}
    for line in m.group(1).splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main():
    src = open(sys.argv[1], encoding='latin-1').read()
    male = block(src, 'COMMON_MALE_FIRSTNAMES')
    female = block(src, 'COMMON_FEMALE_FIRSTNAMES')
    sys.stdout.write(HEADER)
    for n in sorted(set(male) | set(female)):
        m, f = male.get(n, 0.0), female.get(n, 0.0)
        if f > 0 and f >= RATIO * m:
            sys.stdout.write('%s\tsub=f\n' % n)
        elif m > 0 and m >= RATIO * f:
            sys.stdout.write('%s\tsub=m\n' % n)
        else:
            sys.stdout.write('%s\tsub=x\n' % n)


if __name__ == '__main__':
    main()
