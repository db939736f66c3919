# Oracle generator: which driver expressions Blender 3.4 evaluates without Python ("simple"
# expressions) and what they evaluate to, for tests/fixtures/driver_expr.json (read by
# source/base/tests/expr_simple_test.cc).
#
# Regenerate with:
#   blender -b --factory-startup --enable-autoexec --python tools/oracle/gen_driver_expr.py -- tests/fixtures/driver_expr.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# Setup: one empty object with float custom properties "a", "b", "c" (values chosen exactly
# representable as float32, since driver variables are float) and a SCRIPTED driver on its
# custom property "out" with SINGLE_PROP variables a, b, c reading those properties. Before
# each record the driver is reset to "0" and evaluated once, then the expression is set and
# the view layer updated at the record's frame (frame_set with subframe).
#
# "params": parameter names in the order Blender hands them to the simple evaluator: "frame"
#   first, then the variables (a variable named like a constant or function shadows it).
# "records": one per (expression, variable set):
#   "expression": what the driver stored (Blender keeps at most 255 bytes, longer input is
#     cut), "input_length": length of the string we set,
#   "values": [frame, a, b, c] as the driver saw them ("nan"/"inf" as strings),
#   "is_simple": driver.is_simple_expression, "is_valid": driver.is_valid after evaluation,
#   "value": the driver's output as written to "out" (float32 precision),
#   "log": Blender's error line for the expression ("Division by Zero", "Math Domain Error",
#     or Python's message), "" when none.
# "autoexec": whether Python auto-execution was enabled; "autoexec_fail": whether a driver
#   was refused for it (bpy.app.autoexec_fail). Without --enable-autoexec,
#   non-simple expressions still run in Python's restricted driver namespace (math
#   functions, bpy-less builtins), but names outside it fail with "restricted access
#   disallows name"; simple expressions never depend on it.
#
# Facts this fixture shows: a simple expression that divides by zero or leaves a math
# domain reports the error, marks the driver invalid (is_valid False) and outputs 0.0 until
# the expression is edited; a simple expression whose result is inf or NaN without an
# error (overflow, NaN input) leaves the output unassigned (0.0 here) and stays valid.

import json
import os
import random
import sys
import tempfile

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "driver_expr.json"


def fnum(x):
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        return str(x)
    r = round(x, 6)
    return 0.0 if r == 0.0 else r


# Variable sets: (frame, subframe, a, b, c). Zeros and negatives reach domain errors.
VARSETS = [
    (1, 0.0, 2.0, 0.0, -1.5),
    (7, 0.0, 0.5, 3.0, -0.25),
    (0, 0.0, -4.0, 1.0, 0.0),
    (12, 0.5, 0.25, -2.0, 10.0),
    (-3, 0.0, 1.0, 1.0, -1.0),
]

HAND = [
    # Numbers.
    "0", "00", "01", "007", "09", "0.7", "00.5", "007.5", "007e1", "09.5", "0e0", "0.", "00.",
    ".5", "5.", "1.e2", "1e3", "1E3", "1e-3", "1e+3", "1.5e+2", "1.5E+0", "1e0001", "1e400",
    "-1e400", "1e-400", "0x10", "0o10", "0b10", "1_000", "0_0", "1j", "1e", "1e+", ".e1", "0e",
    "1.5.3", "1..2", "1e5e3", "1.5e3.5", "5a", "1.5a", "2pi", "1if 1else 0",
    # Names and constants.
    "a", "b", "c", "frame", "pi", "True", "False", "None", "e", "tau", "inf", "nan", "x", "A",
    "Pi", "PI", "TRUE", "true", "a1", "_a", "a_b", "frame2", "abs", "sin", "and", "if", "not",
    "\u00e9", "a+\u00e9", "a\u00a0",
    # Whitespace and structure.
    " ", "a  +  b", "\ta", "a\n+b", "a\r", "a\x0b", "a\x0c", "\na", "(a)", "((((a))))", "a)",
    "(a", "a,b", "a,", "(a, b)", "a b", "a = 1", "a + ", "[a]", "a[0]", "a.real", "1 .real",
    "math.sin(a)", "\"abc\"", "'a'", "lambda: 1", "a(1)", "(a)(1)", "(sin)(a)", "min(a)(1)",
    "sin(a)(1)", "min(*a)", "sin(x=a)",
    # Unary and binary operators.
    "-a", "+a", "--a", "- - a", "+-+1", "a+-+-b", "-(1)", "~a", "!a", "a + b", "a - b - c",
    "a * b", "a / 2 / 2", "a * (b + c)", "2 * -a", "2 - -a", "2*pi", "pi*2", "True + 1",
    "a ** 2", "-a ** 2", "a % 3", "a // 3", "a ^ 3", "a & 1", "a << 1", "a&&b", "a <> 2",
    "frame * 2", "frame + a + b + c", "frame / (frame - 6)",
    # Comparisons.
    "a == 2", "a != 2", "a!=b", "a <= 2", "a >= 2", "a < b", "a > b", "a=<b", "a < b < c",
    "c < b < a", "a <= b <= c", "a == b == c", "a < b > c", "1 < 2 == 1", "a < b == c",
    "1 == 1.0", "1 < 2 < 3 < 4", "a is b", "a is not b", "a in b", "a not in b",
    "3 < 2 < 1/b", "0 < 2 < 1/b", "1/b < 2 < 1/b",
    # Logic and conditionals.
    "not a", "not not a", "not not not a", "not -a", "-not a", "a < not b", "not a < b",
    "not a == b", "a * not b", "a not b", "a and c", "a or c", "b or c", "b and c",
    "a and b or c", "a or b and c", "a and not b", "not a and b", "True and False", "not True",
    "a if b else c", "a if c else b", "a if b else c if b else a", "a < b if a else c",
    "a if b else c + 1", "a or b if c else a", "a and b if c else b", "a if b or c else b",
    "(a if b else c) if a else b", "a if (b) else c", "frame if frame else 0", "a if b",
    "a if b else", "if", "x if", "if a else b", "a if else b", "b and 1/b", "a or 1/b",
    "b or 1/b", "a and log(b)", "0 and log(0)", "1/b if 0 else 2", "1/b if 1 else 2",
    "a if b else 1/0", "1/0 if b else a", "sqrt(-1) if b else a",
    # Functions: accepted ones, arities, and rejected ones.
    "sin(a)", "cos(a)", "tan(a)", "asin(0.5)", "acos(0.5)", "atan(a)", "atan2(a, 1)",
    "atan2(a, b)", "floor(c)", "ceil(c)", "trunc(c)", "round(c)", "round(2.5)", "round(-2.5)",
    "round(0.5)", "round(1.5)", "round(-0.5)", "round(-0.4)", "int(c)", "int(-0.5)", "abs(c)",
    "fabs(c)", "sqrt(a)", "exp(a)", "log(a)", "log(a, 10)", "log(8, 2)", "pow(a, 3)",
    "pow(a, c)", "fmod(7, 3)", "fmod(-7, 3)", "fmod(a, c)", "fmod(c, a)", "min(a, c)",
    "min(a, c, 1)", "min(a)", "max(a, c)", "max(a, c, 5, 6)", "max(a)",
    "max(a, b, c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", "radians(a)", "radians(180)", "degrees(a)",
    "smoothstep(0, 1, 0.3)", "smoothstep(0, 1, -1)", "smoothstep(0, 1, 2)",
    "smoothstep(1, 0, 0.3)", "smoothstep(0, 2, 0.5)", "smoothstep(a, b, c)", "lerp(0, 10, 0.3)",
    "lerp(0, 10, 2)", "lerp(a, c, 0.25)", "lerp(1, 2, a)", "clamp(a)", "clamp(c)",
    "clamp(a, 0, 1)", "clamp(0.5, 1, 0)", "clamp(2, 1, 0)", "clamp(-1, 1, 0)", "clamp(a, c, 1)",
    "sin (a)", "sin((a))", "sin(cos(a))", "abs(-a)", "max(sin(a), cos(a))", "sin(a)*cos(a)",
    "sin(a) if a else cos(a)", "round(a, 1)", "float(c)", "log10(a)", "log2(a)", "min()",
    "sign(c)", "signum(c)", "clamp(a, 0)", "hypot(3, 4)", "sinh(a)", "cosh(a)", "tanh(a)",
    "asinh(a)", "acosh(a)", "atanh(0.5)", "copysign(1, c)", "ceil(a, 1)", "sin()", "sin(a, b)",
    "min(a,)", "min(a,b,)", "sin(a,)", "pow(a, 3, 1)", "atan2(a)", "bool(a)", "sum(a)",
    "noise(a)", "isnan(a)", "exp2(a)", "cbrt(a)", "ldexp(a, 2)", "sin(a,b,c)", "lerp(a,b)",
    "smoothstep(a,b)", "clamp(a,b)", "clamp(a,b,c,a)", "fmod(a)", "atan2(a,b,c)", "pow(a)",
    "log()", "log(a,b,c)",
    # Errors: division by zero, domain errors, overflow, and short-circuits around them.
    "1/b", "a/0", "1/0", "0/0", "b/b", "a/b*0", "1/b+1", "fmod(a, 0)", "fmod(a, b)",
    "fmod(1e400, 1)", "acos(2)", "asin(a)", "sqrt(c)", "sqrt(-0.0)", "log(c)", "log(0)",
    "log(b)", "log(a, 1)", "log(a, 0)", "log(0, 0)", "log(a, -1)", "log(1, 1)", "log(0, 2)",
    "log(-1, 2)", "log(2, -1)", "log(b, b)", "pow(0, -1)", "pow(b, -1)", "pow(c, 0.5)",
    "pow(0, 0)", "pow(10, 400)", "pow(-8, 1/3)", "pow(0, -1e400)", "smoothstep(1, 1, 0.5)",
    "smoothstep(1, 1, 2)", "smoothstep(1, 1, 1)", "exp(1000)", "exp(710)", "-exp(710)",
    "exp(-1000)", "1e308*10", "1e400 - 1e400", "exp(1000) - exp(1000)", "exp(1000) * 0",
    "a*exp(1000) - exp(1000)", "tan(pi/2)", "sin(exp(1000))", "cos(1e400)", "atan2(0, 0)",
    "atan2(b, b)", "degrees(exp(1000))", "exp(1000) < 1", "(exp(1000) - exp(1000)) < 1",
    "(exp(1000) - exp(1000)) == 1", "min(exp(1000) - exp(1000), 1)", "min(1, 1/b)",
    "floor(exp(1000))", "int(1e400)", "round(exp(1000))", "1e400/0", "lerp(0, 1e400, 0)",
    "smoothstep(1e400, 1, 0)", "log(1e400, 1e400)", "min(1e400, 1)", "clamp(1e400)",
    "pow(-1, 1e400)", "atan(1e400)", "a/(b-1)", "1/(a-2)", "sqrt(b-1)", "log(c+1)",
    # Length: Blender keeps 255 bytes of the expression.
    "(" * 127 + "a" + ")" * 127, "-" * 254 + "a", "+".join(["a"] * 150),
    "sin(" * 50 + "a" + ")" * 50, "not " * 63 + "a",
]

# Run with a = NaN and c = inf: NaN propagates quietly except through ordered comparisons.
SPECIAL_VARSET = (1, 0.0, float("nan"), 1.0, float("inf"))
SPECIAL = [
    "a", "a+1", "a*0", "-a", "a<1", "a>1", "a==1", "a!=1", "min(a,1)", "min(1,a)", "max(a,1)",
    "sqrt(a)", "not a", "a and 1", "a or 1", "1 if a else 2", "floor(a)", "round(a)",
    "int(a)", "clamp(a)", "clamp(1,a,2)", "smoothstep(0,1,a)", "lerp(0,1,a)", "pow(a,0)",
    "pow(1,a)", "fmod(a,1)", "log(a)", "atan2(a,1)", "abs(a)", "sin(a)", "exp(a)", "a/0",
    "0/a", "c", "c/0", "0/c", "c*0", "c-c", "c+c", "sin(c)", "pow(0,-c)", "pow(-1,c)",
    "pow(-2,c)", "pow(2,-c)", "atan2(c,c)", "fmod(1,c)", "log(c)", "exp(-c)", "sqrt(-c)",
    "c<1", "min(c,1)", "floor(c)", "clamp(c)", "smoothstep(0,c,1)", "smoothstep(c,1,0)",
    "lerp(0,c,0)", "lerp(c,0,1)", "log(c, c)", "log(2, c)", "tan(c)", "asin(c)", "atan(c)",
    "radians(c)", "degrees(-c)", "b if a < 1 else 2", "a < 1 < b", "b < 0 < a",
]

ATOMS = ["a", "b", "c", "frame", "0", "1", "2", "0.5", "2.5", "1e-3", "pi", "True", "False"]
FUNCS = {"sin": 1, "cos": 1, "tan": 1, "asin": 1, "acos": 1, "atan": 1, "atan2": 2,
         "floor": 1, "ceil": 1, "trunc": 1, "round": 1, "int": 1, "abs": 1, "fabs": 1,
         "sqrt": 1, "exp": 1, "log": (1, 2), "pow": 2, "fmod": 2, "min": (1, 2, 3),
         "max": (1, 2, 4), "radians": 1, "degrees": 1, "smoothstep": 3, "lerp": 3,
         "clamp": (1, 3),
         # Not simple: Python evaluates these.
         "hypot": 2, "log10": 1, "sign": 1}
BINOPS = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or", "**", "%"]


def gen_expr(rng, depth):
    if depth <= 0 or rng.random() < 0.25:
        return rng.choice(ATOMS)
    kind = rng.random()
    if kind < 0.35:
        op = rng.choice(BINOPS[:12] * 4 + BINOPS[12:])
        return "%s %s %s" % (gen_expr(rng, depth - 1), op, gen_expr(rng, depth - 1))
    if kind < 0.45:
        return rng.choice(["-", "+", "not "]) + gen_expr(rng, depth - 1)
    if kind < 0.55:
        return "(%s)" % gen_expr(rng, depth - 1)
    if kind < 0.65:
        return "%s if %s else %s" % tuple(gen_expr(rng, depth - 1) for _ in range(3))
    if kind < 0.72:
        return " < ".join(gen_expr(rng, depth - 1) for _ in range(3))
    name = rng.choice(sorted(FUNCS))
    arity = FUNCS[name]
    n = rng.choice(arity) if isinstance(arity, tuple) else arity
    return "%s(%s)" % (name, ", ".join(gen_expr(rng, depth - 1) for _ in range(n)))


def build_scene():
    ob = bpy.data.objects.new("Expr", None)
    bpy.context.scene.collection.objects.link(ob)
    for name in "abc":
        ob[name] = 0.0
    ob["out"] = 0.0
    fcu = ob.driver_add('["out"]')
    drv = fcu.driver
    drv.type = 'SCRIPTED'
    for name in "abc":
        var = drv.variables.new()
        var.name = name
        var.type = 'SINGLE_PROP'
        var.targets[0].id = ob
        var.targets[0].data_path = '["%s"]' % name
    return ob, drv


def capture_output(func):
    """Runs func with fd 1 and 2 sent to a file: Blender's C logging writes there."""
    sys.stdout.flush()
    sys.stderr.flush()
    with tempfile.TemporaryFile() as tmp:
        saved = (os.dup(1), os.dup(2))
        os.dup2(tmp.fileno(), 1)
        os.dup2(tmp.fileno(), 2)
        try:
            func()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        tmp.seek(0)
        return tmp.read().decode("utf-8", "replace")


def error_line(text):
    for line in text.splitlines():
        for key in ("Division by Zero", "Math Domain Error"):
            if key in line:
                return key
    for line in reversed(text.splitlines()):
        if "Error" in line or "restricted access" in line:
            return line.strip()
    return ""


def record(ob, drv, expr, varset):
    frame, subframe, a, b, c = varset
    scene = bpy.context.scene
    ob["a"], ob["b"], ob["c"] = a, b, c
    drv.expression = "0"
    scene.frame_set(frame, subframe=subframe)

    def evaluate():
        drv.expression = expr
        bpy.context.view_layer.update()

    log = capture_output(evaluate)
    return {
        "expression": drv.expression,
        "input_length": len(expr),
        "values": [fnum(frame + subframe), fnum(a), fnum(b), fnum(c)],
        "is_simple": bool(drv.is_simple_expression),
        "is_valid": bool(drv.is_valid),
        "value": fnum(ob["out"]),
        "log": error_line(log),
    }


def main():
    ob, drv = build_scene()
    rng = random.Random(20240611)
    records = []
    for i, expr in enumerate(HAND):
        # Every hand-written expression at the first set, and at a second one for coverage.
        records.append(record(ob, drv, expr, VARSETS[0]))
        records.append(record(ob, drv, expr, VARSETS[1 + i % (len(VARSETS) - 1)]))
    for expr in SPECIAL:
        records.append(record(ob, drv, expr, SPECIAL_VARSET))
    seen = set()
    while len(seen) < 250:
        expr = gen_expr(rng, 3)
        if expr in seen or len(expr) > 200:
            continue
        seen.add(expr)
        records.append(record(ob, drv, expr, rng.choice(VARSETS)))
    data = {
        "autoexec": "--enable-autoexec" in sys.argv or "-y" in sys.argv,
        "autoexec_fail": bool(bpy.app.autoexec_fail),
        "params": ["frame", "a", "b", "c"],
        "records": records,
    }
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d records to %s" % (len(records), out_path()))


main()
