// Simple driver expressions: a recursive-descent parser that emits a flat postfix program
// (with relative jumps for and/or/if and comparison chains), and a stack machine that runs
// it. Floating point errors are tracked with explicit checks that mirror the IEEE flags
// Blender reads after evaluation, rather than with <cfenv>: that is faster, and compilers do
// not promise to keep floating point operations ordered around fenv calls.

#include "whisk/base/expr_simple.hh"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace whisk {

enum class SimpleExpr::OpCode : uint8_t {
  /* Pure operations: pop `arity` values, push one. */
  Neg, Not, Sin, Cos, Tan, Asin, Acos, Atan, Floor, Ceil, Trunc, Round, Abs, Sqrt, Exp, Log,
  Radians, Degrees, Clamp01,
  Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, Atan2, Pow, Fmod, LogBase, Min, Max,
  Lerp, Smoothstep, Clamp,
  /* Program flow. */
  Const, Param,
  JumpIfFalseKeep,  // `and`: falsy keeps the value and jumps, truthy pops it
  JumpIfTrueKeep,   // `or`
  JumpIfFalsePop,   // `if`: pops the condition
  Jump,
  ChainCompare,     // [x, y] -> [y] when `x compare y` holds, else [0] and jump to the end
};

using OpCode = SimpleExpr::OpCode;
using Op = SimpleExpr::Op;

namespace {

constexpr unsigned kInvalid = 1;  // FE_INVALID: math domain error
constexpr unsigned kDivZero = 2;  // FE_DIVBYZERO

int arity(OpCode code)
{
  if (code <= OpCode::Clamp01) {
    return 1;
  }
  if (code <= OpCode::Max) {
    return 2;
  }
  return 3;
}

/* An operation that makes NaN out of numbers raises "invalid"; NaN inputs stay quiet. */
inline double nan_check(double r, double x, unsigned &flags)
{
  if (std::isnan(r) && !std::isnan(x)) {
    flags |= kInvalid;
  }
  return r;
}

inline double nan_check(double r, double x, double y, unsigned &flags)
{
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) {
    flags |= kInvalid;
  }
  return r;
}

inline double divide(double x, double y, unsigned &flags)
{
  const double r = x / y;
  nan_check(r, x, y, flags);
  /* Only a finite non-zero dividend divides by zero: inf/0 is exact, 0/0 is invalid. */
  if (y == 0.0 && x != 0.0 && std::isfinite(x)) {
    flags |= kDivZero;
  }
  return r;
}

/* Ordered comparisons signal "invalid" on NaN; == and != are quiet. */
inline bool ordered(double x, double y, unsigned &flags)
{
  if (std::isnan(x) || std::isnan(y)) {
    flags |= kInvalid;
    return false;
  }
  return true;
}

inline bool less(double x, double y, unsigned &flags)
{
  return ordered(x, y, flags) && x < y;
}

inline double log_checked(double x, unsigned &flags)
{
  if (x == 0.0) {
    flags |= kDivZero;
  }
  return nan_check(std::log(x), x, flags);
}

inline double clamp(double x, double lo, double hi, unsigned &flags)
{
  if (less(x, lo, flags)) {
    return lo;
  }
  return less(hi, x, flags) ? hi : x;
}

inline bool compare(OpCode code, double x, double y, unsigned &flags)
{
  switch (code) {
    case OpCode::Lt: return ordered(x, y, flags) && x < y;
    case OpCode::Le: return ordered(x, y, flags) && x <= y;
    case OpCode::Gt: return ordered(x, y, flags) && x > y;
    case OpCode::Ge: return ordered(x, y, flags) && x >= y;
    case OpCode::Eq: return x == y;
    default: return x != y;
  }
}

/** Applies a pure operation to its arguments a[0..arity). Shared by evaluation and by
 * constant folding, so both raise the same flags. One switch keeps dispatch to a single
 * jump table. */
double apply(OpCode code, const double *a, unsigned &flags)
{
  constexpr double pi = std::numbers::pi;
  const double x = a[0];
  switch (code) {
    case OpCode::Neg: return -x;
    case OpCode::Not: return x == 0.0 ? 1.0 : 0.0;
    case OpCode::Sin: return nan_check(std::sin(x), x, flags);
    case OpCode::Cos: return nan_check(std::cos(x), x, flags);
    case OpCode::Tan: return nan_check(std::tan(x), x, flags);
    case OpCode::Asin: return nan_check(std::asin(x), x, flags);
    case OpCode::Acos: return nan_check(std::acos(x), x, flags);
    case OpCode::Atan: return std::atan(x);
    case OpCode::Floor: return std::floor(x);
    case OpCode::Ceil: return std::ceil(x);
    case OpCode::Trunc: return std::trunc(x);
    case OpCode::Round: return std::round(x); /* half away from zero, unlike Python */
    case OpCode::Abs: return std::fabs(x);
    case OpCode::Sqrt: return nan_check(std::sqrt(x), x, flags);
    case OpCode::Exp: return std::exp(x);
    case OpCode::Log: return log_checked(x, flags);
    case OpCode::Radians: return x * (pi / 180.0);
    case OpCode::Degrees: return x * (180.0 / pi);
    case OpCode::Clamp01: return clamp(x, 0.0, 1.0, flags);
    case OpCode::Add: return nan_check(x + a[1], x, a[1], flags);
    case OpCode::Sub: return nan_check(x - a[1], x, a[1], flags);
    case OpCode::Mul: return nan_check(x * a[1], x, a[1], flags);
    case OpCode::Div: return divide(x, a[1], flags);
    case OpCode::Lt:
    case OpCode::Le:
    case OpCode::Gt:
    case OpCode::Ge:
    case OpCode::Eq:
    case OpCode::Ne: return compare(code, x, a[1], flags) ? 1.0 : 0.0;
    case OpCode::Atan2: return std::atan2(x, a[1]);
    case OpCode::Pow:
      if (x == 0.0 && a[1] < 0.0 && std::isfinite(a[1])) {
        flags |= kDivZero;
      }
      return nan_check(std::pow(x, a[1]), x, a[1], flags);
    case OpCode::Fmod: return nan_check(std::fmod(x, a[1]), x, a[1], flags);
    case OpCode::LogBase: {
      const double num = log_checked(x, flags);
      return divide(num, log_checked(a[1], flags), flags);
    }
    case OpCode::Min: return less(a[1], x, flags) ? a[1] : x;
    case OpCode::Max: return less(x, a[1], flags) ? a[1] : x;
    case OpCode::Lerp: {
      const double d = nan_check(a[1] - x, x, a[1], flags);
      const double s = nan_check(d * a[2], d, a[2], flags);
      return nan_check(x + s, x, s, flags);
    }
    case OpCode::Smoothstep: {
      const double num = nan_check(a[2] - x, a[2], x, flags);
      const double den = nan_check(a[1] - x, a[1], x, flags);
      const double t = clamp(divide(num, den, flags), 0.0, 1.0, flags);
      return t * t * (3.0 - 2.0 * t);
    }
    case OpCode::Clamp: return clamp(x, a[1], a[2], flags);
    default: return 0.0; /* flow ops never get here */
  }
}

ExprStatus status_from_flags(unsigned flags)
{
  if (flags & kInvalid) {
    return ExprStatus::MathDomain;
  }
  return (flags & kDivZero) ? ExprStatus::DivisionByZero : ExprStatus::Ok;
}

/* ---- Tokens -------------------------------------------------------------------------- */

enum class Tok : uint8_t {
  End, Error, Number, Name, LParen, RParen, Comma, Plus, Minus, Star, Slash,
  Lt, Le, Gt, Ge, Eq, Ne, And, Or, Not, If, Else,
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/** The value of a decimal literal (already validated by the lexer). from_chars is locale
 * independent but reports overflow and underflow without a value; those are told apart by
 * the decimal exponent of the first significant digit. */
double parse_number(std::string_view text)
{
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc::result_out_of_range) {
    return value;
  }
  const size_t exp_pos = std::min(text.find_first_of("eE"), text.size());
  const std::string_view mantissa = text.substr(0, exp_pos);
  const size_t point = std::min(mantissa.find('.'), mantissa.size());
  const size_t first = mantissa.find_first_of("123456789");
  /* Power of ten of the first significant digit within the mantissa. */
  long magnitude = first < point ? long(point - first) - 1 : -long(first - point);
  long exponent = 0;
  bool negative = false;
  for (size_t i = exp_pos + 1; i < text.size(); i++) {
    if (text[i] == '-') {
      negative = true;
    }
    else if (is_digit(text[i])) {
      exponent = std::min(exponent * 10 + (text[i] - '0'), 1L << 40);
    }
  }
  magnitude += negative ? -exponent : exponent;
  return magnitude > 0 ? HUGE_VAL : 0.0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text.substr(0, text.find('\0'))) {}

  Tok next()
  {
    while (pos_ < text_.size() && is_space(text_[pos_])) {
      pos_++;
    }
    if (pos_ >= text_.size()) {
      return Tok::End;
    }
    const char c = text_[pos_];
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      return number();
    }
    if (is_name_start(c)) {
      const size_t start = pos_;
      while (pos_ < text_.size() && is_name_char(text_[pos_])) {
        pos_++;
      }
      name = text_.substr(start, pos_ - start);
      return keyword(name);
    }
    pos_++;
    switch (c) {
      case '(': return Tok::LParen;
      case ')': return Tok::RParen;
      case ',': return Tok::Comma;
      case '+': return Tok::Plus;
      case '-': return Tok::Minus;
      case '*': return Tok::Star;
      case '/': return Tok::Slash;
      case '<': return take('=') ? Tok::Le : Tok::Lt;
      case '>': return take('=') ? Tok::Ge : Tok::Gt;
      case '=': return take('=') ? Tok::Eq : Tok::Error;
      case '!': return take('=') ? Tok::Ne : Tok::Error;
      default: return Tok::Error;
    }
  }

  std::string_view name;
  double number_value = 0.0;

 private:
  char peek(size_t ahead) const
  {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  bool take(char c)
  {
    if (peek(0) != c) {
      return false;
    }
    pos_++;
    return true;
  }

  void skip_digits()
  {
    while (is_digit(peek(0))) {
      pos_++;
    }
  }

  /* Python's decimal literals: no hex/octal/underscores, no suffix letters, and an integer
   * (not a float) may only start with 0 when it is all zeros. */
  Tok number()
  {
    const size_t start = pos_;
    skip_digits();
    const std::string_view integer = text_.substr(start, pos_ - start);
    bool is_float = false;
    if (take('.')) {
      is_float = true;
      skip_digits();
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      is_float = true;
      pos_++;
      if (peek(0) == '+' || peek(0) == '-') {
        pos_++;
      }
      if (!is_digit(peek(0))) {
        return Tok::Error;
      }
      skip_digits();
    }
    if (is_name_char(peek(0))) {
      return Tok::Error;
    }
    if (!is_float && integer.size() > 1 && integer[0] == '0' &&
        integer.find_first_not_of('0') != std::string_view::npos)
    {
      return Tok::Error;
    }
    number_value = parse_number(text_.substr(start, pos_ - start));
    return Tok::Number;
  }

  static Tok keyword(std::string_view word)
  {
    if (word == "and") return Tok::And;
    if (word == "or") return Tok::Or;
    if (word == "not") return Tok::Not;
    if (word == "if") return Tok::If;
    if (word == "else") return Tok::Else;
    return Tok::Name;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

struct FuncInfo {
  std::string_view name;
  int min_args, max_args;
  OpCode one, many;  // op for a single argument, and for more (min/max fold pairwise)
};

constexpr FuncInfo kFunctions[] = {
    {"sin", 1, 1, OpCode::Sin, OpCode::Sin},
    {"cos", 1, 1, OpCode::Cos, OpCode::Cos},
    {"tan", 1, 1, OpCode::Tan, OpCode::Tan},
    {"asin", 1, 1, OpCode::Asin, OpCode::Asin},
    {"acos", 1, 1, OpCode::Acos, OpCode::Acos},
    {"atan", 1, 1, OpCode::Atan, OpCode::Atan},
    {"atan2", 2, 2, OpCode::Atan2, OpCode::Atan2},
    {"floor", 1, 1, OpCode::Floor, OpCode::Floor},
    {"ceil", 1, 1, OpCode::Ceil, OpCode::Ceil},
    {"trunc", 1, 1, OpCode::Trunc, OpCode::Trunc},
    {"int", 1, 1, OpCode::Trunc, OpCode::Trunc},
    {"round", 1, 1, OpCode::Round, OpCode::Round},
    {"abs", 1, 1, OpCode::Abs, OpCode::Abs},
    {"fabs", 1, 1, OpCode::Abs, OpCode::Abs},
    {"sqrt", 1, 1, OpCode::Sqrt, OpCode::Sqrt},
    {"exp", 1, 1, OpCode::Exp, OpCode::Exp},
    {"log", 1, 2, OpCode::Log, OpCode::LogBase},
    {"pow", 2, 2, OpCode::Pow, OpCode::Pow},
    {"fmod", 2, 2, OpCode::Fmod, OpCode::Fmod},
    {"min", 1, 1 << 30, OpCode::Min, OpCode::Min},
    {"max", 1, 1 << 30, OpCode::Max, OpCode::Max},
    {"radians", 1, 1, OpCode::Radians, OpCode::Radians},
    {"degrees", 1, 1, OpCode::Degrees, OpCode::Degrees},
    {"lerp", 3, 3, OpCode::Lerp, OpCode::Lerp},
    {"smoothstep", 3, 3, OpCode::Smoothstep, OpCode::Smoothstep},
    {"clamp", 1, 3, OpCode::Clamp01, OpCode::Clamp},  // 2 arguments are refused below
};

}  // namespace

/* ---- Parser -------------------------------------------------------------------------- */

/** Grammar, lowest precedence first (a subset of Python's):
 *   expr    := or ['if' or 'else' expr]
 *   or      := and {'or' and}          and := not {'and' not}
 *   not     := {'not'} compare         compare := sum {cmp_op sum}
 *   sum     := term {('+'|'-') term}   term := unary {('*'|'/') unary}
 *   unary   := {'+'|'-'} primary
 *   primary := number | name | name '(' expr {',' expr} ')' | '(' expr ')'  */
class ExprParser {
 public:
  ExprParser(std::string_view text, std::span<const std::string> params)
      : lexer_(text), params_(params)
  {
    advance();
  }

  std::optional<SimpleExpr> run()
  {
    if (!parse_expr() || tok_ != Tok::End || !fits_stack()) {
      return std::nullopt;
    }
    return std::move(expr_);
  }

 private:
  void advance() { tok_ = lexer_.next(); }

  bool accept(Tok tok)
  {
    if (tok_ != tok) {
      return false;
    }
    advance();
    return true;
  }

  std::vector<Op> &ops() { return expr_.ops_; }

  size_t emit(OpCode code, int32_t arg = 0, double value = 0.0)
  {
    ops().push_back(Op{code, code, arg, value});
    return ops().size() - 1;
  }

  /* Points the jump at `from` to the current end of the program. Nothing before a jump
   * target may be folded into what follows it. */
  void land_jump(size_t from)
  {
    ops()[from].arg = int32_t(ops().size() - from);
    fold_barrier_ = ops().size();
  }

  /** Emits a pure operation, folding it when all its operands are constants and folding
   * raises no error (errors must surface at evaluation, as in Blender). */
  void emit_pure(OpCode code)
  {
    const size_t n = size_t(arity(code));
    const size_t size = ops().size();
    if (size >= fold_barrier_ + n &&
        std::all_of(ops().end() - n, ops().end(), [](const Op &op) { return op.code == OpCode::Const; }))
    {
      double args[3];
      for (size_t i = 0; i < n; i++) {
        args[i] = ops()[size - n + i].value;
      }
      unsigned flags = 0;
      const double value = apply(code, args, flags);
      if (flags == 0) {
        ops().resize(size - n);
        emit(OpCode::Const, 0, value);
        return;
      }
    }
    emit(code);
  }

  bool parse_expr()
  {
    if (depth_ >= SimpleExpr::max_nesting) {
      return false;
    }
    depth_++;
    const bool ok = parse_conditional();
    depth_--;
    return ok;
  }

  /* `x if c else y` runs c first: x's code is moved behind c's once c is parsed. Jumps are
   * relative, so moving whole blocks keeps them valid. */
  bool parse_conditional()
  {
    const size_t x_start = ops().size();
    if (!parse_or()) {
      return false;
    }
    if (!accept(Tok::If)) {
      return true;
    }
    const size_t c_start = ops().size();
    if (!parse_or() || !accept(Tok::Else)) {
      return false;
    }
    const size_t c_len = ops().size() - c_start;
    std::rotate(ops().begin() + x_start, ops().begin() + c_start, ops().end());
    const size_t branch = x_start + c_len;
    ops().insert(ops().begin() + branch, Op{OpCode::JumpIfFalsePop, OpCode::JumpIfFalsePop, 0, 0.0});
    const size_t skip_else = emit(OpCode::Jump);
    ops()[branch].arg = int32_t(ops().size() - branch);
    if (!parse_expr()) {
      return false;
    }
    land_jump(skip_else);
    return true;
  }

  bool parse_or()
  {
    if (!parse_and()) {
      return false;
    }
    while (accept(Tok::Or)) {
      const size_t jump = emit(OpCode::JumpIfTrueKeep);
      if (!parse_and()) {
        return false;
      }
      land_jump(jump);
    }
    return true;
  }

  bool parse_and()
  {
    if (!parse_not()) {
      return false;
    }
    while (accept(Tok::And)) {
      const size_t jump = emit(OpCode::JumpIfFalseKeep);
      if (!parse_not()) {
        return false;
      }
      land_jump(jump);
    }
    return true;
  }

  bool parse_not()
  {
    int count = 0;
    while (accept(Tok::Not)) {
      count++;
    }
    if (!parse_compare()) {
      return false;
    }
    while (count--) {
      emit_pure(OpCode::Not);
    }
    return true;
  }

  static std::optional<OpCode> compare_op(Tok tok)
  {
    switch (tok) {
      case Tok::Lt: return OpCode::Lt;
      case Tok::Le: return OpCode::Le;
      case Tok::Gt: return OpCode::Gt;
      case Tok::Ge: return OpCode::Ge;
      case Tok::Eq: return OpCode::Eq;
      case Tok::Ne: return OpCode::Ne;
      default: return std::nullopt;
    }
  }

  /* `a < b < c`: every link but the last is a ChainCompare that exits early with 0. */
  bool parse_compare()
  {
    if (!parse_sum()) {
      return false;
    }
    std::vector<size_t> exits;
    while (const std::optional<OpCode> op = compare_op(tok_)) {
      advance();
      if (!parse_sum()) {
        return false;
      }
      if (compare_op(tok_)) {
        exits.push_back(emit(OpCode::ChainCompare));
        ops().back().compare = *op;
      }
      else {
        emit_pure(*op);
      }
    }
    for (const size_t exit : exits) {
      land_jump(exit);
    }
    return true;
  }

  bool parse_sum()
  {
    if (!parse_term()) {
      return false;
    }
    while (tok_ == Tok::Plus || tok_ == Tok::Minus) {
      const OpCode op = tok_ == Tok::Plus ? OpCode::Add : OpCode::Sub;
      advance();
      if (!parse_term()) {
        return false;
      }
      emit_pure(op);
    }
    return true;
  }

  bool parse_term()
  {
    if (!parse_unary()) {
      return false;
    }
    while (tok_ == Tok::Star || tok_ == Tok::Slash) {
      const OpCode op = tok_ == Tok::Star ? OpCode::Mul : OpCode::Div;
      advance();
      if (!parse_unary()) {
        return false;
      }
      emit_pure(op);
    }
    return true;
  }

  /* Prefix signs are collected in a loop so that long runs ("-----a") do not recurse. */
  bool parse_unary()
  {
    bool negate = false;
    while (tok_ == Tok::Plus || tok_ == Tok::Minus) {
      negate ^= tok_ == Tok::Minus;
      advance();
    }
    if (!parse_primary()) {
      return false;
    }
    if (negate) {
      emit_pure(OpCode::Neg);
    }
    return true;
  }

  bool parse_primary()
  {
    switch (tok_) {
      case Tok::Number:
        emit(OpCode::Const, 0, lexer_.number_value);
        advance();
        return true;
      case Tok::LParen:
        advance();
        return parse_expr() && accept(Tok::RParen);
      case Tok::Name:
        return parse_name();
      default:
        return false;
    }
  }

  bool parse_name()
  {
    const std::string_view name = lexer_.name;
    for (size_t i = params_.size(); i-- > 0;) {
      if (params_[i] == name) {
        emit(OpCode::Param, int32_t(i));
        expr_.required_params_ = std::max(expr_.required_params_, i + 1);
        advance();
        return true;
      }
    }
    advance();
    if (tok_ == Tok::LParen) {
      return parse_call(name);
    }
    if (name == "pi") {
      emit(OpCode::Const, 0, std::numbers::pi);
    }
    else if (name == "True" || name == "False") {
      emit(OpCode::Const, 0, name == "True" ? 1.0 : 0.0);
    }
    else {
      return false;
    }
    return true;
  }

  bool parse_call(std::string_view name)
  {
    const FuncInfo *func = nullptr;
    for (const FuncInfo &info : kFunctions) {
      if (info.name == name) {
        func = &info;
      }
    }
    if (!func) {
      return false;
    }
    advance(); /* '(' */
    int count = 0;
    do {
      if (!parse_expr()) {
        return false;
      }
      count++;
      /* min/max fold each further argument into the running result. */
      if (count > 1 && func->max_args > 3) {
        emit_pure(func->many);
      }
    } while (accept(Tok::Comma));
    if (!accept(Tok::RParen) || count < func->min_args || count > func->max_args ||
        (func->one == OpCode::Clamp01 && count == 2))
    {
      return false;
    }
    if (func->max_args <= 3) {
      emit_pure(count == 1 ? func->one : func->many);
    }
    return true;
  }

  /* Stack depth along the code as laid out: each op's effect on the path that falls
   * through; the unconditional jump closes a then-branch, so the else-branch starts one
   * value lower. */
  bool fits_stack() const
  {
    int depth = 0, max_depth = 0;
    for (const Op &op : expr_.ops_) {
      switch (op.code) {
        case OpCode::Const:
        case OpCode::Param: depth++; break;
        case OpCode::JumpIfFalseKeep:
        case OpCode::JumpIfTrueKeep:
        case OpCode::JumpIfFalsePop:
        case OpCode::Jump:
        case OpCode::ChainCompare: depth--; break;
        default: depth -= arity(op.code) - 1; break;
      }
      max_depth = std::max(max_depth, depth);
    }
    return max_depth <= SimpleExpr::max_stack;
  }

  Lexer lexer_;
  std::span<const std::string> params_;
  Tok tok_ = Tok::End;
  SimpleExpr expr_;
  size_t fold_barrier_ = 0;
  int depth_ = 0;
};

/* ---- Public API ---------------------------------------------------------------------- */

const char *expr_status_name(ExprStatus status)
{
  switch (status) {
    case ExprStatus::Ok: return "ok";
    case ExprStatus::DivisionByZero: return "Division by Zero";
    case ExprStatus::MathDomain: return "Math Domain Error";
    case ExprStatus::MissingParams: return "missing parameter values";
  }
  return "?";
}

std::optional<SimpleExpr> SimpleExpr::compile(std::string_view expression,
                                              std::span<const std::string> param_names)
{
  return ExprParser(expression, param_names).run();
}

bool is_simple_expression(std::string_view expression, std::span<const std::string> param_names)
{
  return SimpleExpr::compile(expression, param_names).has_value();
}

bool SimpleExpr::uses_param(size_t index) const
{
  return std::any_of(ops_.begin(), ops_.end(), [&](const Op &op) {
    return op.code == OpCode::Param && size_t(op.arg) == index;
  });
}

bool SimpleExpr::is_constant() const
{
  return ops_.size() == 1 && ops_[0].code == OpCode::Const;
}

ExprResult SimpleExpr::evaluate(std::span<const double> params) const
{
  if (params.size() < required_params_) {
    return {ExprStatus::MissingParams, 0.0};
  }
  double stack[max_stack];
  int sp = 0; /* number of values on the stack */
  unsigned flags = 0;
  const Op *ops = ops_.data();
  const int count = int(ops_.size());
  for (int pc = 0; pc < count; pc++) {
    const Op &op = ops[pc];
    switch (op.code) {
      case OpCode::Const:
        stack[sp++] = op.value;
        break;
      case OpCode::Param:
        stack[sp++] = params[size_t(op.arg)];
        break;
      case OpCode::JumpIfFalseKeep:
        if (stack[sp - 1] == 0.0) {
          pc += op.arg - 1;
        }
        else {
          sp--;
        }
        break;
      case OpCode::JumpIfTrueKeep:
        if (stack[sp - 1] != 0.0) {
          pc += op.arg - 1;
        }
        else {
          sp--;
        }
        break;
      case OpCode::JumpIfFalsePop:
        if (stack[--sp] == 0.0) {
          pc += op.arg - 1;
        }
        break;
      case OpCode::Jump:
        pc += op.arg - 1;
        break;
      case OpCode::ChainCompare:
        sp--;
        if (compare(op.compare, stack[sp - 1], stack[sp], flags)) {
          stack[sp - 1] = stack[sp];
        }
        else {
          stack[sp - 1] = 0.0;
          pc += op.arg - 1;
        }
        break;
      /* The common arithmetic inline; everything else through apply(). */
      case OpCode::Add:
        sp--;
        stack[sp - 1] = nan_check(stack[sp - 1] + stack[sp], stack[sp - 1], stack[sp], flags);
        break;
      case OpCode::Sub:
        sp--;
        stack[sp - 1] = nan_check(stack[sp - 1] - stack[sp], stack[sp - 1], stack[sp], flags);
        break;
      case OpCode::Mul:
        sp--;
        stack[sp - 1] = nan_check(stack[sp - 1] * stack[sp], stack[sp - 1], stack[sp], flags);
        break;
      case OpCode::Div:
        sp--;
        stack[sp - 1] = divide(stack[sp - 1], stack[sp], flags);
        break;
      case OpCode::Neg:
        stack[sp - 1] = -stack[sp - 1];
        break;
      default: {
        sp -= arity(op.code) - 1;
        stack[sp - 1] = apply(op.code, &stack[sp - 1], flags);
        break;
      }
    }
  }
  return {status_from_flags(flags), stack[0]};
}

}  // namespace whisk
