#!/usr/bin/env python3
"""strings_test.py — every Russian text the program shows comes from the string table.

Scans the C sources under engine/ (every .c and .h) for string or character literals that
contain Cyrillic letters. The only files allowed to hold them are the table itself:
engine/core/i18n.h and its parts engine/core/i18n_*.h. Comments are skipped (they may quote
messages), and so are #include lines. Prints each offending literal as FILE:LINE: text and
exits 1; exits 0 when there are none.

Before scanning it checks itself on a small sample, so that a scanner broken into finding
nothing cannot pass.

    python3 tests/strings_test.py [SOURCE_ROOT]
"""
import pathlib
import re
import sys

CYRILLIC = re.compile('[А-Яа-яЁё]')

# The string table: the only place Russian literals may live (docs/conventions.md, "strings").
TABLE = re.compile(r'^engine/core/i18n(_[a-z]+)?\.h$')

# Files allowed to keep Russian literals, each with the reason. Empty: keep it that way.
ALLOWED = {}


def literals(src):
    """Yields (line, literal) for each string or character literal outside comments."""
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == '\n':
            line += 1
            i += 1
        elif src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            line += src.count('\n', i, j)
            i = j
        elif c == '#' and src[src.rfind('\n', 0, i) + 1:i].strip() == '' \
                and re.match(r'#\s*include\b', src[i:]):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c and src[j] != '\n':
                j += 2 if src[j] == '\\' else 1
            yield line, src[i:j + 1]
            i = j + 1
        else:
            i += 1


def offenders(src):
    return [(ln, lit) for ln, lit in literals(src) if CYRILLIC.search(lit)]


def self_test():
    sample = ('/* «Тест» in a comment */\n'
              '// "и здесь" in a line comment\n'
              '#include "ascii.h"\n'
              'static const char *a = "ascii only \\" still ascii";\n'
              'static const char *b = "по-русски";\n'
              'int c = \'я\'; /* "не в счёт" */ const char *d = "x" "ещё";\n')
    got = [ln for ln, _ in offenders(sample)]
    if got != [5, 6, 6]:
        print('strings_test: the scanner itself is broken: found lines %s, expected [5, 6, 6]'
              % got)
        sys.exit(2)


def main():
    self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    files = sorted(p for p in (root / 'engine').rglob('*') if p.suffix in ('.c', '.h'))
    if len(files) < 20:
        print('strings_test: only %d C files under %s/engine: wrong source root?'
              % (len(files), root))
        return 2
    bad = 0
    for path in files:
        rel = path.relative_to(root).as_posix()
        if TABLE.match(rel) or rel in ALLOWED:
            continue
        for ln, lit in offenders(path.read_text(encoding='utf-8')):
            print('%s:%d: Russian text outside the string table: %s' % (rel, ln, lit))
            bad += 1
    if bad:
        print('strings_test: %d literal(s); move them into engine/core/i18n*.h and use '
              'tr(STR_…), or TRF(STR_…) where the text is a printf format' % bad)
        return 1
    print('strings_test: %d files, no Russian literal outside the string table' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
