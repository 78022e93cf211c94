#!/usr/bin/env python3
"""Generates the CPython 3.11 oracle vectors for the MiniPy numeric core tests.

Run from anywhere with CPython 3.11:  python3 gen_vectors.py
Writes *.json next to this script. Every file is a JSON list of rows (lists of strings/ints).
Encodings: floats are 16-hex-digit IEEE bit patterns, ints are decimal strings, and a raised
exception is the string "!ExcName: message".
"""
import json, math, os, random, struct, sys

assert sys.version_info[:2] == (3, 11), "vectors must come from CPython 3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20240611)
SURROGATE_MSG = "!ValueError: MiniPy strings cannot contain surrogate code points"
COMPLEX_MSG = "!ValueError: MiniPy has no complex numbers: negative number cannot be raised to a fractional power"


def fb(x):
    return format(struct.unpack('<Q', struct.pack('<d', x))[0], '016x')


def bf(s):
    return struct.unpack('<d', struct.pack('<Q', int(s, 16)))[0]


def istr(v):
    """Decimal, or hex for ints too long for str() under the 4300-digit limit."""
    return str(v) if v.bit_length() < 14000 else hex(v)


def enc(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return istr(v)
    if isinstance(v, float):
        return fb(v)
    if isinstance(v, complex):
        return COMPLEX_MSG
    if isinstance(v, tuple):
        return [enc(x) for x in v]
    if v is None:
        return None
    if isinstance(v, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in v):
        return SURROGATE_MSG
    return v


def run(f):
    try:
        return enc(f())
    except Exception as e:
        return f"!{type(e).__name__}: {e}"


def write(name, rows):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as fh:
        fh.write('[\n')
        fh.write(',\n'.join(json.dumps(r, ensure_ascii=False) for r in rows))
        fh.write('\n]\n')
    print(name, len(rows), 'rows', os.path.getsize(os.path.join(HERE, name)), 'bytes')


# ---------------------------------------------------------------- float pools
SPECIAL_FLOATS = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-323,
                  2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
                  -1.7976931348623157e308, 1e16, 1e16 - 2, 9999999999999998.0, 1e-5, 1e-4,
                  0.0001, 0.00011, 9.999999999999999e-05, 123456789012345.0, 1234567890123456.0,
                  1.2345678901234567e19, 9007199254740992.0, 9007199254740994.0, 0.1, 0.2, 0.3,
                  0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e22, 1e23, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375,
                  1.0, -1.0, 2.0, 10.0, 1e100, 1e-100, 123.456, -0.001, 1e15, 1e17, 5e-5, 0.015,
                  0.025, 1.005, 2.675, 1234.5, 0.45, 99.995, 314159.26535, 6.02214076e23,
                  1.602176634e-19, 4.35, 2.0 ** 63, 2.0 ** 64, -2.0 ** 63, 2.0 ** 53 + 2, 1e300,
                  2.0 ** -1022, 2.0 ** -1074 * 3, 7.0, 0.7, 1e-7, 12345678.0, 0.5e-323]


def random_double():
    while True:
        x = struct.unpack('<d', struct.pack('<Q', R.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


def human_double():
    k = R.choice([0, 1, 2, 3, 4, 6])
    return round(R.uniform(-1e6, 1e6) / 10 ** R.randint(0, 6), k)


def scaled_double():
    return R.choice([-1, 1]) * 10 ** R.uniform(-30, 30)


def float_pool(n):
    out = []
    for i in range(n):
        out.append([random_double, human_double, scaled_double][i % 3]())
    return out


# ---------------------------------------------------------------- 1. repr
def gen_repr():
    xs = list(SPECIAL_FLOATS)
    for e in range(-330, 310):
        for base in (1.0, 9.999999999999999, 5.0):
            x = base * 10.0 ** e if -300 < e < 300 else float(f"{base}e{e}")
            xs.append(x)
            if math.isfinite(x) and x != 0:
                xs.append(math.nextafter(x, math.inf))
    for e in range(-1074, 1024, 7):
        xs.append(2.0 ** e)
    xs += [float(R.getrandbits(R.randint(1, 70))) for _ in range(600)]
    xs += float_pool(10000 - len(xs))
    return [[fb(x), repr(x)] for x in xs]


# ---------------------------------------------------------------- 2. format()
FLOAT_SPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.3', '.16', '.17', '.0e',
               '.3e', '.10e', '.0f', '.2f', '.10f', '.25f', '.0g', '.1g', '.5g', '.17g', '.30g',
               '#g', '#.3g', '#.0f', '#.0e', '#', '#.5', '#.0', '+', ' ', '-', '+.3f', ' .3e',
               '10', '<10', '>12.3f', '^15.2e', '=+12.4f', '012.3f', '010', '0=10', '*^20',
               'x<15', '_>15.1f', ',', ',.2f', '_.3f', ',e', '015,.2f', '020_.3f', '012,', 'z',
               'z.1f', 'z.0f', '+z.2f', 'z.3g', '.1%', '10.2%', ',.0%', '.3n', '10n', '#x', 'd',
               ',n', '_n', '.', 'ab', '=', '=^10', '.2147483648f', 'c', 's', '\x01', 'é^9.2f',
               '099', ',_', '_,', '0,', '+#010.0f', '-.3G', 'E', '.50f', '.40e', '1000.3',
               '99999999999999999999', 'z,', '#.0%', ' 08.2e', '+015_.3f', '.0%']
INT_SPECS = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', '#b', '#o', '#x', '#X', '+d', ' d', '-d',
             ',', '_', '_b', '_x', '#_x', '_o', '#_X', ',x', ',b', '_c', '010', '010,', '0=12_',
             '+#012x', '<10', '^11', '*>10', 'x=12', '10c', '<5c', '=5c', '05c', 'e', '.2f', '%',
             'g', 'G', 'E', 'F', '.2', 'z', '#c', '+c', ',c', 'q', '.1e', '#', '+', ' ', '020_b',
             '#012_b', '^+12,', '015,d', '0>10', '00', '.', ',_', 'abc', 'n', '10n', ',.1%',
             '+#x', '-#o', '#10x', '=+#10x', 'é>8', '\x7f', '99999999999999999999', ' 05', '+05',
             '-010', '.0f', '12.3e', ',g']
STR_SPECS = ['', 's', '10', '<10', '>10', '^10', '^9', '*^9', '.2', '10.2', '.0', '=10', '+', ' ',
             '#', 'z', 'd', ',', '05', '0>5', 'é^7', '1', '.10', '->6', '^1', '<0', '_', '.2s',
             '.', 'ss', '99999999999999999999', '^5.1', 'x^4']
INT_VALUES = [0, 1, -1, 7, -42, 255, 1234567, -1234567, 2 ** 63 - 1, -2 ** 63, 2 ** 64, 10 ** 30,
              -10 ** 30, 65, 0x10ffff, 0x110000, 0x1F600, 2 ** 100, 10 ** 400, 9, 10, 999,
              1000, -1000, 123456789, 2 ** 53 + 1, 0xdeadbeef, -0xdeadbeef, 0xD800]
STR_VALUES = ['abc', '', 'héllo', '日本語', 'a\u0301b', 'x', 'hello world', '𝔘nicode']


def random_spec(types):
    s = ''
    if R.random() < 0.3:
        s += R.choice(['', '*', '0', 'é', ' ', '_']) + R.choice('<>^=')
    if R.random() < 0.3:
        s += R.choice('+- ')
    if R.random() < 0.1:
        s += 'z'
    if R.random() < 0.2:
        s += '#'
    if R.random() < 0.2:
        s += '0'
    if R.random() < 0.5:
        s += str(R.randint(0, 25))
    if R.random() < 0.2:
        s += R.choice(',_')
    if R.random() < 0.4:
        s += '.' + str(R.randint(0, 20))
    if R.random() < 0.85:
        s += R.choice(types)
    return s


def gen_format():
    rows = []
    floats = SPECIAL_FLOATS[:24] + float_pool(4)
    for x in floats:
        for spec in FLOAT_SPECS:
            rows.append(['float', fb(x), spec, run(lambda: format(x, spec))])
    for x in float_pool(800):
        spec = random_spec('eEfFgGn%')
        rows.append(['float', fb(x), spec, run(lambda: format(x, spec))])
    for v in INT_VALUES:
        for spec in INT_SPECS[:: 1 if abs(v) < 2 ** 64 else 2]:
            rows.append(['int', str(v), spec, run(lambda: format(v, spec))])
    for _ in range(1200):
        v = R.choice([R.randint(-10 ** 6, 10 ** 6), R.randint(-2 ** 70, 2 ** 70), R.randint(0, 300)])
        spec = random_spec('bcdoxXn' + 'eEfFgG%')
        rows.append(['int', str(v), spec, run(lambda: format(v, spec))])
    big = 10 ** 5000 + 7
    for spec in ['', 'd', 'x', ',', '_d', 'e', 'n']:
        rows.append(['int', istr(big), spec, run(lambda: format(big, spec))])
    for v in STR_VALUES:
        for spec in STR_SPECS:
            rows.append(['str', v, spec, run(lambda: format(v, spec))])
    return rows


# ---------------------------------------------------------------- 3. % formatting
def pct_args(args):
    if isinstance(args, dict):
        return {'map': {k: pct_args((v,))[0] for k, v in args.items()}}
    out = []
    for a in args:
        kind = 'int' if isinstance(a, int) else 'float' if isinstance(a, float) else 'str'
        out.append([kind, enc(a) if kind != 'str' else a])
    return out


PCT_CASES = [
    ('%d', (5,)), ('%5d', (5,)), ('%-5d|', (5,)), ('%05d', (-5,)), ('%+d', (5,)), ('% d', (5,)),
    ('%+05d', (5,)), ('%.3d', (5,)), ('%8.3d', (-5,)), ('%x', (255,)), ('%#x', (255,)),
    ('%#X', (255,)), ('%#08x', (255,)), ('%#-8x|', (255,)), ('%#o', (8,)), ('%#08o', (8,)),
    ('%o', (-8,)), ('%#5.3x', (10,)), ('%e', (1234.5,)), ('%.2e', (0.000123,)),
    ('%10.3f', (3.14159,)), ('%-10.3f|', (-3.14159,)), ('%010.3f', (-3.14159,)), ('%+.1f', (2.25,)),
    ('% .1f', (2.35,)), ('%#.0f', (2.0,)), ('%#g', (2.0,)), ('%g', (1e20,)), ('%G', (1e-20,)),
    ('%E', (12.5,)), ('%F', (math.inf,)), ('%f', (math.nan,)), ('%+f', (-math.inf,)), ('%.0e', (15.0,)),
    ('%c', (65,)), ('%c', ('x',)), ('%5c', (65,)), ('%-5c|', ('é',)), ('%05c', (65,)), ('%s', ('abc',)),
    ('%10s', ('abc',)), ('%-10s|', ('abc',)), ('%.2s', ('abc',)), ('%10.2s', ('abc',)), ('%r', ('a\'b',)),
    ('%a', ('abc',)), ('%%', ()), ('a%%b%%', ()), ('%5%', (1,)), ('%5%', ()), ('%*d', (5, 3)),
    ('%-*d|', (5, 3)), ('%*d|', (-5, 3)), ('%.*f', (2, 3.14159)), ('%.*f', (-2, 3.1)),
    ('%*.*f|', (9, 2, 3.14159)), ('%d', (3.7,)), ('%d', (-3.7,)), ('%d', (math.inf,)),
    ('%d', (math.nan,)), ('%x', (3.0,)), ('%f', ('a',)), ('%d', ('a',)), ('%x', ('a',)), ('%c', ('ab',)),
    ('%c', (1.5,)), ('%c', (0x110000,)), ('%c', (-1,)), ('%c', (2 ** 70,)), ('%f', (10 ** 400,)),
    ('%d', (10 ** 5000,)), ('%x', (10 ** 100,)), ('%q', (1,)), ('%q', ()), ('%', ()), ('%(a', {'a': 1}),
    ('%5', (1,)), ('%.', (1,)), ('%l', (1,)), ('%ld', (7,)), ('%hd', (7,)), ('%Lf', (7.0,)),
    ('%5.2lf', (7.0,)), ('abc %d def %s', (1, 'x')), ('%d %d', (1,)), ('%d', (1, 2)), ('%s %', ('a',)),
    ('%s %q', ('a',)), ('%i', (12,)), ('%u', (-12,)), ('%.50f', (0.1,)), ('%.30e', (0.1,)),
    ('%x', (-255,)), ('%X', (2 ** 70,)), ('%#x', (0,)), ('%05s', ('ab',)), ('%+s', ('ab',)),
    ('%+c', ('a',)), ('%#d', (5,)), ('%0-5d|', (5,)), ('% +d', (5,)), ('%#.3o', (8,)),
    ('%(a)s %(b)d', {'a': 'x', 'b': 5}), ('%(a)5.2f|', {'a': 2.5}), ('%(a)s', ('x',)),
    ('%(a)s %(a)r', {'a': 'q'}), ('%(x(y))s', {'x(y)': 'nested'}), ('%s', ()), ('%s', (1, 2)),
    ('%(a)s', {'b': 1}), ('%s', (12345678901234567890123,)), ('%s', (0.1,)), ('%r', (1e22,)),
    ('%-+8.2e|', (-0.0,)), ('%+.0f', (-0.4,)), ('%08.3g', (-1e-10,)), ('%#8.3x', (-10,)),
    ('%#08X', (-255,)), ('%-08d|', (-5,)), ('%.0d', (0,)), ('%.0x', (0,)), ('%.f', (2.5,)),
    ('%.e', (2.5,)), ('%*c', (4, 'z')), ('%*s', (3.0, 'a')), ('%.*s', ('x', 'a')),
    ('%s\u00e9%s', ('ü', 'ñ')), ('%5s|', ('日本',)), ('%c', (0x1F600,)), ('%10.4s|', ('日本語です',)),
    ('%0*d', (6, -42)), ('%99999999999999999999d', (1,)), ('%.99999999999d', (1,)),
]


def gen_percent():
    rows = []
    for fmt, args in PCT_CASES:
        rows.append([fmt, pct_args(args), run(lambda: fmt % args)])
    for _ in range(2500):
        flags = ''.join(R.choice('-+ #0') for _ in range(R.choice([0, 0, 1, 1, 2, 3])))
        width = R.choice(['', '', str(R.randint(0, 20))])
        prec = R.choice(['', '', '.' + str(R.randint(0, 15)), '.'])
        t = R.choice('diouxXeEfFgGcsra')
        if t in 'diouxXc':
            v = R.choice([R.randint(-10 ** 6, 10 ** 6), R.randint(-2 ** 80, 2 ** 80), R.randint(32, 0x3000)])
        elif t in 'eEfFgG':
            v = R.choice(float_pool(3) + [R.randint(-10 ** 9, 10 ** 9)])
        else:
            v = R.choice(['abc', 'héllo', "it's", '', R.randint(-999, 999), human_double()])
        fmt = '%' + flags + width + prec + t
        rows.append([fmt, pct_args((v,)), run(lambda: fmt % (v,))])
    return rows


# ---------------------------------------------------------------- 4. parsing
INT_STRINGS = [('0', 10), ('-0', 10), ('  12  ', 10), ('+5', 10), ('1_000', 10), ('1__0', 10),
               ('_1', 10), ('1_', 10), ('0x1f', 16), ('0x1f', 0), ('0X1F', 0), ('0b101', 0),
               ('0o17', 0), ('017', 0), ('00', 0), ('0_0', 0), ('0x_1f', 0), ('0x__1f', 0),
               ('0x', 16), ('0x', 0), ('z', 36), ('Z', 36), ('12', 2), (' \t\n12\r\x0b\x0c', 10),
               ('\u0661\u0662', 10), ('\u00a012\u2003', 10), ('12abc', 10), ('', 10), (' ', 10),
               ('-', 10), ('+-1', 10), ('9' * 30, 10), ('1' * 4301, 10), ('1' * 4300, 10),
               ('0b' + '1' * 5000, 0), ('f' * 4400, 16), ('a' * 300, 10), ("it's", 10),
               ('ab\ncd', 10), ('١٢٣', 10), ('12\x00', 10), ('𝟏𝟐', 10), ('٣_٤', 10), ('1', 1),
               ('1', 37), ('1', -1), ('12', 3), ('0b1', 2), ('0o7', 8), ('0B1', 0), ('0O7', 0),
               ('1_2_3', 0), ('0_7', 0), ('08', 0), ('-0x10', 0), ('- 1', 10), ('1 2', 10),
               ('\x1c1', 10), ('1\x85', 10), ('0x1g', 0), ('zz', 35), ('\u2007' + '5', 10),
               ('１２', 10), ('12é', 10), ('😀', 10), ('0' * 50 + '1', 0), ('0' * 50, 0)]
FLOAT_STRINGS = ['1.5', ' 1.5 ', '1e10', '1E-5', '.5', '5.', '-.5e-3', 'inf', '-Infinity', 'nAn',
                 '-nan', '+inf', 'infinity ', 'infinit', '1_000.5', '1__0', '1_.5', '1._5', '1e1_0',
                 '_1', '1_', '0x10', '1e', 'e5', '.', '', ' ', '1.5.5', '1e500', '-1e500',
                 '1e-400', '4.9e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
                 '1.7976931348623158e308', '1.7976931348623159e308', '0.1', '٣.٥', '1\x00',
                 'nan(1)', '1 000', '+-1', '--1', '1e+', '1e-', '1.e5', '-0', '-0.0', '00012.5000',
                 '\t\n 7 \x0c', '\u20031.25\u3000', '1_2.3_4e1_0', 'in f', 'INFINITY', '+', '-',
                 '12é', '١_٢', '0' * 400 + '1', '1' + '0' * 400, '0.' + '0' * 400 + '1',
                 '9007199254740993', '9007199254740992.5000000000000000001', '1e-5_0',
                 '2.2250738585072011e-308', '123456789012345678901234567890e-10']


def gen_parse():
    rows = []
    for s, base in INT_STRINGS:
        rows.append(['int', s, base, run(lambda: int(s, base))])
    for _ in range(1000):
        base = R.choice([2, 8, 10, 16, 36, 0, 7, 10])
        v = R.randint(-2 ** R.randint(1, 200), 2 ** R.randint(1, 200))
        b = base or R.choice([2, 8, 10, 16])
        digits = ''
        n = abs(v)
        while True:
            digits = '0123456789abcdefghijklmnopqrstuvwxyz'[n % b] + digits
            n //= b
            if n == 0:
                break
        if R.random() < 0.3:
            digits = ''.join(c + ('_' if R.random() < 0.2 else '') for c in digits)
        if R.random() < 0.1:
            digits = digits.upper()
        prefix = {2: '0b', 8: '0o', 16: '0x'}.get(b, '') if base in (0, 2, 8, 16) and R.random() < 0.5 else ''
        if base == 0 and b != 10:
            prefix = {2: '0b', 8: '0o', 16: '0x'}[b]
        s = ('-' if v < 0 else R.choice(['', '+'])) + prefix + digits
        if R.random() < 0.1:
            s = ' ' + s + '\n'
        if R.random() < 0.05:
            s = s + R.choice(['_', 'g', ' x', '__1'])
        rows.append(['int', s, base, run(lambda: int(s, base))])
    for s in FLOAT_STRINGS:
        rows.append(['float', s, 0, run(lambda: float(s))])
    for _ in range(1200):
        k = R.random()
        if k < 0.4:
            s = repr(random_double())
        elif k < 0.7:
            s = ''.join(R.choice('0123456789') for _ in range(R.randint(1, 40)))
            p = R.randint(0, len(s))
            s = s[:p] + '.' + s[p:] + 'e' + str(R.randint(-330, 310))
        else:
            s = format(random_double(), '.%de' % R.randint(15, 25))
        rows.append(['float', s, 0, run(lambda: float(s))])
    return rows


# ---------------------------------------------------------------- 5. int arithmetic
def int_pool():
    vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 2 ** 31, 2 ** 53, 2 ** 53 + 1, 2 ** 62,
            2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64, -(2 ** 64) - 1, 10 ** 20, -10 ** 20, 3 ** 100,
            -(3 ** 100), 12345, -98765]
    for _ in range(50):
        bits = R.choice([8, 30, 62, 64, 65, 100, 200])
        vals.append(R.randint(-2 ** bits, 2 ** bits))
    return vals


def gen_intops():
    rows = []
    pool = int_pool()
    small = [v for v in pool if abs(v) < 2 ** 40]
    binops = {
        'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
        'truediv': lambda a, b: a / b, 'and': lambda a, b: a & b, 'or': lambda a, b: a | b,
        'xor': lambda a, b: a ^ b,
    }
    for name, f in binops.items():
        for _ in range(180):
            a, b = R.choice(pool), R.choice(pool)
            rows.append([name, istr(a), istr(b), run(lambda: f(a, b))])
        for a in (0, 1, -1, 2 ** 64):
            rows.append([name, str(a), '0', run(lambda: f(a, 0))])
    rows.append(['floordiv', str(-2 ** 63), '-1', str(2 ** 63)])
    rows.append(['divmod', str(-2 ** 63), '-1', [str(2 ** 63), '0']])
    rows.append(['mod', str(-2 ** 63), '-1', '0'])
    hard_div = [(10 ** 400, 3), (3, 10 ** 400), (2 ** 1100 + 1, 2 ** 80), (1, 2 ** 1074),
                (1, 2 ** 1075), (3, 2 ** 1075), (1, 3 * 2 ** 1070), (2 ** 1024, 1), (2 ** 1024 - 1, 1),
                (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 971, 1), (2 ** 2000, 2 ** 976),
                (-(2 ** 2000), 2 ** 977), (2 ** 53 + 1, 1), (2 ** 54 + 2, 2), (10 ** 30, 10 ** 10 + 1),
                (-1, 10 ** 330), (0, -5), (0, 10 ** 400), (7, -10 ** 400)]
    for _ in range(100):
        hard_div.append((R.randint(-2 ** 1200, 2 ** 1200) >> R.randint(0, 1200),
                         R.randint(1, 2 ** 1200) >> R.randint(0, 1199)))
    for a, b in hard_div:
        rows.append(['truediv', istr(a), istr(b), run(lambda: a / b)])
    for _ in range(300):
        a, b = R.choice(small), R.randint(-3, 40)
        rows.append(['pow', str(a), str(b), run(lambda: a ** b)])
    for a, b in [(0, -1), (0, 0), (2, -1), (-2, -3), (10 ** 400, -1), (2, -10 ** 400), (-1, 10 ** 30),
                 (1, 10 ** 30), (0, 10 ** 30), (-1, 10 ** 30 + 1), (7, 300), (-3, 201)]:
        rows.append(['pow', str(a), str(b), run(lambda: a ** b)])
    for _ in range(300):
        a, b, m = R.choice(pool), R.randint(-5, 300), R.choice(pool)
        rows.append(['pow3', str(a), str(b), str(m), run(lambda: pow(a, b, m))])
    for a, b, m in [(2, 3, 0), (3, -1, 7), (3, -1, -7), (2, -1, 4), (0, -1, 1), (5, 0, 1), (5, 0, -1),
                    (-3, 5, 7), (3, 5, -7), (6, -2, 35), (0, 0, 5), (10 ** 30, -1, 10 ** 20 + 1)]:
        rows.append(['pow3', str(a), str(b), str(m), run(lambda: pow(a, b, m))])
    for _ in range(300):
        a, n = R.choice(pool), R.choice([-1, 0, 1, 3, 63, 64, 65, 127, 200, R.randint(0, 100)])
        rows.append(['lshift', str(a), str(n), run(lambda: a << n)])
        rows.append(['rshift', str(a), str(n), run(lambda: a >> n)])
    rows.append(['lshift', '1', str(2 ** 70), run(lambda: 1 << 2 ** 70)])
    rows.append(['lshift', '0', str(2 ** 70), '0'])
    rows.append(['rshift', '-5', str(2 ** 70), '-1'])
    rows.append(['rshift', '5', str(2 ** 70), '0'])
    for a in pool:
        rows.append(['invert', str(a), '', str(~a)])
        rows.append(['tofloat', str(a), '', run(lambda: float(a))])
        rows.append(['str', str(a), '', run(lambda: str(a))])
        rows.append(['bin', str(a), '', bin(a)])
        rows.append(['oct', str(a), '', oct(a)])
        rows.append(['hex', str(a), '', hex(a)])
        for n in (-1, -2, -5, -20, -100, 0, 3):
            rows.append(['round', str(a), str(n), str(round(a, n))])
    for v in [2 ** 53 + 1, 2 ** 54 + 2, 2 ** 54 + 6, (2 ** 53 + 1) * 2 ** 100, 2 ** 1024 - 2 ** 970,
              2 ** 1024 - 2 ** 971, 2 ** 1024 - 2 ** 971 + 1, 2 ** 1024, -(2 ** 1024), 10 ** 308, 10 ** 309,
              2 ** 64 - 1, 2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1, 2 ** 64 + 3 * 2 ** 11]:
        rows.append(['tofloat', str(v), '', run(lambda: float(v))])
    for v in [25, 35, -25, 15, 150, 250, -250, 5, 10 ** 20 + 5 * 10 ** 10]:
        for n in (-1, -2, -11):
            rows.append(['round', str(v), str(n), str(round(v, n))])
    for v in [10 ** 4300, 10 ** 4299, -10 ** 4300, 10 ** 4300 - 1, 2 ** 14300]:
        rows.append(['str', istr(v), '', run(lambda: str(v))])
    for _ in range(200):
        a, b = R.choice(pool), R.choice(pool)
        rows.append(['gcd', str(a), str(b), str(math.gcd(a, b))])
    return rows


def gen_floatops():
    rows = []
    pool = SPECIAL_FLOATS + float_pool(90) + [float(R.randint(-20, 20)) for _ in range(30)] + \
        [R.randint(-40, 40) / 4 for _ in range(30)]
    ops = {'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
           'truediv': lambda a, b: a / b, 'pow': lambda a, b: a ** b, 'fmod': math.fmod}
    for name, f in ops.items():
        for _ in range(350):
            a, b = R.choice(pool), R.choice(pool)
            rows.append([name, fb(a), fb(b), run(lambda: f(a, b))])
    for a, b in [(-7.5, 2.0), (7.5, -2.0), (-0.0, 2.0), (0.0, -2.0), (-0.0, -2.0), (5.0, math.inf),
                 (-5.0, math.inf), (5.0, -math.inf), (math.inf, 2.0), (1.0, 0.0), (-8.0, 1 / 3),
                 (0.0, -1.0), (-0.0, -3.0), (10.0, 400.0), (-10.0, 401.0), (-1.0, 1e300), (-1.0, math.inf),
                 (1.0, math.nan), (math.nan, 0.0), (2.0, -1075.0), (-2.0, 0.5), (0.1, 0.01), (1e308, 1e-308),
                 (3.0, 2.0), (-3.0, 2.0), (1e-310, 3.0), (6.0, 3.0), (-6.0, 3.0)]:
        for name, f in ops.items():
            rows.append([name, fb(a), fb(b), run(lambda: f(a, b))])
    unary_pool = pool + [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 5e-324, 1e22, 4.5e15 + 0.5]
    for x in unary_pool:
        rows.append(['round', fb(x), '', run(lambda: round(x))])
        rows.append(['floor', fb(x), '', run(lambda: math.floor(x))])
        rows.append(['ceil', fb(x), '', run(lambda: math.ceil(x))])
        rows.append(['trunc', fb(x), '', run(lambda: math.trunc(x))])
        rows.append(['int', fb(x), '', run(lambda: int(x))])
        rows.append(['is_integer', fb(x), '', run(lambda: x.is_integer())])
        for n in (R.randint(-30, 30), R.randint(-3, 5), 0, 2, -1, -309, 324):
            rows.append(['round_n', fb(x), str(n), run(lambda: round(x, n))])
    for x, n in [(1.7976931348623157e308, -308), (5e307, -308), (2.675, 2), (0.125, 2), (0.375, 2),
                 (2.5, 0), (-0.4, 0), (-0.5, 0), (1.5, 0), (5e-324, 323), (5e-324, 324), (1e-320, 320),
                 (123456.789, -2), (-150.0, -2), (250.0, -2), (1e300, -299)]:
        rows.append(['round_n', fb(x), str(n), run(lambda: round(x, n))])
    ints = int_pool() + [2 ** 53 + 1, 2 ** 1024, -(2 ** 1024), 2 ** 63 + 1, 10 ** 400]
    for _ in range(1500):
        a = R.choice(ints)
        near = [float(a), float(a) + 0.5, math.nextafter(float(a), math.inf)] if abs(a) < 2 ** 1023 else []
        x = R.choice(pool + near)
        rows.append(['cmp', str(a), fb(x), None if x != x else (a > x) - (a < x)])
    for a, x in [(2 ** 53 + 1, float(2 ** 53)), (2 ** 53, float(2 ** 53)), (2 ** 63, 2.0 ** 63),
                 (2 ** 63 - 1, 2.0 ** 63), (-2 ** 63, -2.0 ** 63), (-2 ** 63 - 1, -2.0 ** 63),
                 (10 ** 400, math.inf), (-10 ** 400, -math.inf), (0, -0.0), (1, 1.0000000000000002),
                 (2 ** 1024, 1.7976931348623157e308)]:
        rows.append(['cmp', str(a), fb(x), (a > x) - (a < x)])
    return rows


def gen_hash():
    rows = []
    for a in int_pool() + [2 ** 61 - 1, 2 ** 61, 2 ** 61 - 2, -(2 ** 61 - 1), 2 ** 122, -2, 2 ** 64 - 1,
                           10 ** 100, -10 ** 100]:
        rows.append(['int', str(a), str(hash(a))])
    for x in SPECIAL_FLOATS + float_pool(500) + [float(2 ** 61), float(2 ** 62), -1.0, 2.0 ** 100, 0.5]:
        if x == x:
            rows.append(['float', fb(x), str(hash(x))])
    return rows


def gen_reprs():
    rows = []
    for s in ['abc', '', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', 'back\\slash',
              '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad', 'héllo', '日本語', '\u2028\u2029', '\u200b', '\ue000',
              '\U0001F600', '\U000E0001', '\U0010FFFF', 'a' * 10, '\u0378', 'é\u0301', '\x0b\x0c']:
        rows.append([s, repr(s)])
    return rows


if __name__ == '__main__':
    write('float_repr.json', gen_repr())
    write('format.json', gen_format())
    write('percent.json', gen_percent())
    write('parse.json', gen_parse())
    write('int_ops.json', gen_intops())
    write('float_ops.json', gen_floatops())
    write('hash.json', gen_hash())
    write('str_repr.json', gen_reprs())
