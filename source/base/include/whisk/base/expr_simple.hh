#pragma once
// "Simple" driver expressions: the subset of Python expressions that Blender evaluates
// natively, without the Python interpreter (driver.is_simple_expression). Which expressions
// qualify and what they evaluate to follow Blender 3.4 as recorded by
// tools/oracle/gen_driver_expr.py:
//
//   numbers     123, 1.5, .5, 5., 1e3, 1.5E-2 (Python rules: "01" and "5a" are rejected)
//   names       parameters (a driver's variables and "frame"), pi, True, False
//   operators   unary + -, binary + - * /, comparisons == != < <= > >= (chains such as
//               a < b < c evaluate b once and short-circuit), not, and, or (Python value
//               semantics: "a or b" yields a or b, not a bool), x if c else y
//   functions   sin cos tan asin acos atan atan2 floor ceil trunc int round abs fabs sqrt
//               exp log(x) log(x, base) pow fmod min(...) max(...) (one or more arguments)
//               radians degrees lerp(a, b, t) smoothstep(e0, e1, x) clamp(x) clamp(x, lo, hi)
//
// Everything else (**, %, //, attribute access, strings, subscripts, other functions, wrong
// argument counts, trailing commas) is not simple: Blender hands those to Python.
// Parameter names shadow constants and functions ("sin" as a variable makes "sin(1)" not
// simple); the keywords and/or/not/if/else cannot be shadowed.
//
// Errors follow IEEE floating point flags the way Blender checks them after evaluation: an
// invalid operation (0/0, inf-inf, sqrt(-1), asin(2), log(-1), sin(inf), a comparison with
// NaN...) is a math domain error and wins over a division by zero (x/0, log(0), pow(0, -1)).
// Overflow is not an error: exp(1000) evaluates to inf, and NaN inputs propagate quietly
// through arithmetic. Only the branch taken by and/or/if and by comparison chains counts.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace whisk {

enum class ExprStatus : uint8_t {
  Ok,
  DivisionByZero,  // Blender logs "Division by Zero in Driver" and marks the driver invalid
  MathDomain,      // Blender logs "Math Domain Error in Driver" and marks the driver invalid
  MissingParams,   // fewer parameter values than the expression reads: a caller bug
};

const char *expr_status_name(ExprStatus status);

struct ExprResult {
  ExprStatus status = ExprStatus::Ok;
  /** The computed value; may be inf or NaN even when status is Ok (Blender's driver then
   * keeps its previous output and stays valid). */
  double value = 0.0;

  bool ok() const { return status == ExprStatus::Ok; }
};

class SimpleExpr {
 public:
  /** Deeper nesting (parentheses, call arguments, else-branches) is refused. Blender stores
   * at most 255 bytes of expression, which cannot nest deeper than 127. */
  static constexpr int max_nesting = 128;
  /** Evaluation stack size; expressions needing more are refused (a 255-byte expression
   * needs at most about 64). */
  static constexpr int max_stack = 256;

  /**
   * Compiles an expression reading the given parameters, in the order Blender passes them
   * to drivers: "frame" first, then the variables. When a name repeats, the last one wins.
   * Returns nullopt when Blender would not consider the expression simple. A NUL byte ends
   * the expression, as in Blender's C string.
   */
  static std::optional<SimpleExpr> compile(std::string_view expression,
                                           std::span<const std::string> param_names);

  /** Evaluates with one value per parameter name given to compile. Allocates nothing and is
   * safe to call from several threads at once. */
  ExprResult evaluate(std::span<const double> params) const;

  /** Whether the expression reads parameter `index` (a driver reading "frame" depends on
   * time). */
  bool uses_param(size_t index) const;
  /** Whether the compiled program is a single constant (no parameters, folded). */
  bool is_constant() const;
  size_t op_count() const { return ops_.size(); }

  enum class OpCode : uint8_t;
  struct Op {
    OpCode code;
    OpCode compare;  // the comparison of a chain link
    int32_t arg;     // parameter index, or relative jump distance
    double value;    // constant
  };

 private:
  friend class ExprParser;
  std::vector<Op> ops_;
  size_t required_params_ = 0;
};

/** Whether Blender would evaluate this driver expression without Python. */
bool is_simple_expression(std::string_view expression, std::span<const std::string> param_names);

}  // namespace whisk
