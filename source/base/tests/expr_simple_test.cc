#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <random>

#include <nlohmann/json.hpp>

#include "whisk/base/expr_simple.hh"

using namespace whisk;

namespace {

const std::vector<std::string> kParams = {"frame", "a", "b", "c"};

/* The fixture writes non-finite numbers as strings. */
double json_number(const nlohmann::json &value)
{
  return value.is_string() ? std::strtod(value.get<std::string>().c_str(), nullptr) :
                             value.get<double>();
}

ExprResult eval(std::string_view text, std::vector<double> values = {1.0, 2.0, 0.0, -1.5})
{
  const std::optional<SimpleExpr> expr = SimpleExpr::compile(text, kParams);
  EXPECT_TRUE(expr.has_value()) << text;
  return expr ? expr->evaluate(values) : ExprResult{ExprStatus::MissingParams, 0.0};
}

double value(std::string_view text, std::vector<double> values = {1.0, 2.0, 0.0, -1.5})
{
  const ExprResult result = eval(text, values);
  EXPECT_TRUE(result.ok()) << text << ": " << expr_status_name(result.status);
  return result.value;
}

bool simple(std::string_view text) { return is_simple_expression(text, kParams); }

}  // namespace

TEST(ExprOracle, AgreesWithBlender)
{
  std::ifstream file(WHISK_FIXTURE_DIR "/driver_expr.json");
  ASSERT_TRUE(file) << "missing driver_expr.json";
  const nlohmann::json data = nlohmann::json::parse(file);
  ASSERT_EQ(data["params"].get<std::vector<std::string>>(), kParams);
  int simple_count = 0, error_count = 0;
  for (const nlohmann::json &rec : data["records"]) {
    const std::string text = rec["expression"];
    SCOPED_TRACE(testing::Message() << "expression '" << text << "' values " << rec["values"]);
    const std::optional<SimpleExpr> expr = SimpleExpr::compile(text, kParams);
    ASSERT_EQ(expr.has_value(), rec["is_simple"].get<bool>());
    if (!expr) {
      continue;
    }
    simple_count++;
    std::vector<double> values;
    for (const nlohmann::json &v : rec["values"]) {
      /* Driver variables are float: the fixture's values are exact in float. */
      values.push_back(json_number(v));
    }
    const ExprResult result = expr->evaluate(values);
    const std::string log = rec["log"];
    if (!rec["is_valid"].get<bool>()) {
      error_count++;
      EXPECT_EQ(expr_status_name(result.status), log);
      /* An invalid driver outputs 0. */
      EXPECT_EQ(json_number(rec["value"]), 0.0);
      continue;
    }
    ASSERT_EQ(result.status, ExprStatus::Ok) << expr_status_name(result.status);
    const double expected = json_number(rec["value"]);
    if (!std::isfinite(result.value)) {
      /* Blender's driver keeps its previous output (0 in the fixture) for inf and NaN. */
      EXPECT_EQ(expected, 0.0) << "got " << result.value;
      continue;
    }
    /* Blender stores float32 and the fixture 6 decimals. */
    EXPECT_NEAR(result.value, expected, 1e-5 * std::fabs(expected) + 1e-6);
  }
  EXPECT_GT(simple_count, 500);
  EXPECT_GT(error_count, 100);
}

TEST(ExprGrammar, PrecedenceAndAssociativity)
{
  EXPECT_EQ(value("1 + 2 * 3"), 7.0);
  EXPECT_EQ(value("(1 + 2) * 3"), 9.0);
  EXPECT_EQ(value("8 / 2 / 2"), 2.0);
  EXPECT_EQ(value("8 - 2 - 2"), 4.0);
  EXPECT_EQ(value("-a * 3"), -6.0);
  EXPECT_EQ(value("2 - -a"), 4.0);
  EXPECT_EQ(value("not 1 < 0"), 1.0);
  EXPECT_EQ(value("not a == 2"), 0.0);
  EXPECT_EQ(value("1 if 0 else 2 if 0 else 3"), 3.0);
  EXPECT_EQ(value("0 or 2 if 1 else 5"), 2.0);
  EXPECT_EQ(value("1 + 1 if 0 else 5"), 5.0);
  EXPECT_EQ(value("3 if a < c else 4 + 1"), 5.0);
}

TEST(ExprGrammar, PythonValueSemanticsOfLogic)
{
  EXPECT_EQ(value("a or c"), 2.0);
  EXPECT_EQ(value("b or c"), -1.5);
  EXPECT_EQ(value("a and c"), -1.5);
  EXPECT_EQ(value("b and c"), 0.0);
  EXPECT_EQ(value("a and b or c"), -1.5);
  EXPECT_EQ(value("not not a"), 1.0);
  EXPECT_EQ(value("c < b < a"), 1.0);
  EXPECT_EQ(value("a < b < c"), 0.0);
  EXPECT_EQ(value("1 < 2 < 3 < 4"), 1.0);
  EXPECT_EQ(value("1 < 2 > 0 == 0"), 1.0);
}

TEST(ExprGrammar, ShortCircuitSkipsErrors)
{
  EXPECT_EQ(value("b and 1/b"), 0.0);
  EXPECT_EQ(value("a or 1/b"), 2.0);
  EXPECT_EQ(value("1/b if b else 7"), 7.0);
  EXPECT_EQ(value("3 < 2 < 1/b"), 0.0);
  EXPECT_EQ(eval("0 < 2 < 1/b").status, ExprStatus::DivisionByZero);
  EXPECT_EQ(eval("1/b if a else 7").status, ExprStatus::DivisionByZero);
}

TEST(ExprGrammar, ErrorsAreNotFoldedAway)
{
  /* Constant folding must leave failing constants for evaluation to report. */
  EXPECT_TRUE(simple("1/0"));
  EXPECT_EQ(eval("1/0").status, ExprStatus::DivisionByZero);
  EXPECT_EQ(eval("0/0").status, ExprStatus::MathDomain);
  EXPECT_EQ(eval("log(0, 0)").status, ExprStatus::MathDomain);
  EXPECT_TRUE(SimpleExpr::compile("2 * pi + sin(1)", kParams)->is_constant());
  EXPECT_FALSE(SimpleExpr::compile("1 or a", kParams)->is_constant());
}

TEST(ExprGrammar, NamesAndShadowing)
{
  const std::vector<std::string> params = {"frame", "pi", "sin", "frame"};
  const std::optional<SimpleExpr> pi = SimpleExpr::compile("pi", params);
  ASSERT_TRUE(pi);
  EXPECT_EQ(pi->evaluate(std::vector<double>{1, 5, 6, 7}).value, 5.0);
  /* The last name wins: a variable called "frame" hides the frame parameter. */
  EXPECT_EQ(SimpleExpr::compile("frame", params)->evaluate(std::vector<double>{1, 5, 6, 7}).value,
            7.0);
  EXPECT_FALSE(is_simple_expression("sin(1)", params));
  EXPECT_TRUE(is_simple_expression("sin", params));
  const std::vector<std::string> keywords = {"and", "True"};
  EXPECT_FALSE(is_simple_expression("and", keywords));
  EXPECT_EQ(SimpleExpr::compile("True", keywords)->evaluate(std::vector<double>{0, 3}).value, 3.0);
}

TEST(ExprGrammar, UsesParam)
{
  const std::optional<SimpleExpr> expr = SimpleExpr::compile("a * 2 + frame", kParams);
  ASSERT_TRUE(expr);
  EXPECT_TRUE(expr->uses_param(0));
  EXPECT_TRUE(expr->uses_param(1));
  EXPECT_FALSE(expr->uses_param(2));
  EXPECT_EQ(expr->evaluate(std::vector<double>{1.0}).status, ExprStatus::MissingParams);
}

TEST(ExprGrammar, NumbersAndNul)
{
  EXPECT_EQ(value("1e400"), HUGE_VAL);
  EXPECT_EQ(value("1" + std::string(400, '0')), HUGE_VAL);
  EXPECT_EQ(value("0." + std::string(400, '0') + "1"), 0.0);
  EXPECT_EQ(value("1e-99999999999999999999999"), 0.0);
  EXPECT_EQ(value("0.00012e99999999999999999999999"), HUGE_VAL);
  EXPECT_EQ(value("000.5e1"), 5.0);
  EXPECT_FALSE(simple("01"));
  EXPECT_FALSE(simple("1e"));
  EXPECT_FALSE(simple("1_0"));
  /* A NUL ends the expression, as in Blender's C string. */
  EXPECT_EQ(value(std::string_view("a\0+b", 4)), 2.0);
  EXPECT_FALSE(simple(""));
  EXPECT_FALSE(simple(" \t\n"));
}

TEST(ExprRobustness, NestingLimit)
{
  const int limit = SimpleExpr::max_nesting;
  auto parens = [](int n) { return std::string(n, '(') + "a" + std::string(n, ')'); };
  EXPECT_EQ(value(parens(limit - 1)), 2.0);
  EXPECT_FALSE(simple(parens(limit + 1)));
  EXPECT_FALSE(simple(parens(200000)));
  EXPECT_FALSE(simple(std::string(200000, '(')));
  std::string calls;
  for (int i = 0; i < 100000; i++) {
    calls += "sin(";
  }
  EXPECT_FALSE(simple(calls + "a"));
  std::string lerps;
  for (int i = 0; i < limit - 1; i++) {
    lerps += "lerp(a, b, ";
  }
  lerps += "c" + std::string(limit - 1, ')');
  const std::optional<SimpleExpr> deep = SimpleExpr::compile(lerps, kParams);
  ASSERT_TRUE(deep);
  EXPECT_TRUE(deep->evaluate(std::vector<double>{1, 2, 0, -1.5}).ok());
}

TEST(ExprRobustness, LongInputs)
{
  std::string sum = "a";
  for (int i = 0; i < 100000; i++) {
    sum += "+a";
  }
  EXPECT_EQ(value(sum), 200002.0);
  EXPECT_EQ(value(std::string(1000001, '-') + "a"), -2.0);
  std::string nots;
  for (int i = 0; i < 100001; i++) {
    nots += "not ";
  }
  EXPECT_EQ(value(nots + "a"), 0.0);
  std::string chain = "c";
  for (int i = 0; i < 100000; i++) {
    chain += " < a";
  }
  EXPECT_EQ(value(chain), 0.0);
  std::string args = "max(a";
  for (int i = 0; i < 100000; i++) {
    args += ", c";
  }
  EXPECT_EQ(value(args + ")"), 2.0);
  std::string ors = "b";
  for (int i = 0; i < 100000; i++) {
    ors += " or b if b else b";
  }
  EXPECT_FALSE(simple(ors + " else"));
}

TEST(ExprRobustness, RandomInputsNeverCrash)
{
  /* Bytes drawn mostly from the expression alphabet, so many inputs get deep into the
   * parser; the rest are arbitrary bytes. */
  const std::string alphabet = "abcframe pisnoxlgq0123456789.eE+-*/<>=!(),_ifelsandornot";
  std::mt19937 rng(12345);
  const std::vector<double> values = {1.0, 0.5, 0.0, -2.0};
  int compiled = 0;
  for (int i = 0; i < 200000; i++) {
    const int length = int(rng() % 40);
    std::string text;
    for (int j = 0; j < length; j++) {
      const unsigned r = rng();
      text += (r % 8 == 0) ? char(r >> 8) : alphabet[(r >> 8) % alphabet.size()];
    }
    if (const std::optional<SimpleExpr> expr = SimpleExpr::compile(text, kParams)) {
      compiled++;
      expr->evaluate(values);
    }
  }
  EXPECT_GT(compiled, 1000);
}

TEST(ExprRobustness, RandomWellFormedInputsEvaluate)
{
  /* Grammar-built expressions: always simple, and evaluation must agree with a second
   * compile of the same text (the program is deterministic and allocation free). */
  std::mt19937 rng(777);
  const char *atoms[] = {"a", "b", "c", "frame", "0", "1", "2.5", "pi", "True"};
  const char *binops[] = {"+", "-", "*", "/", "<", "<=", "==", "!=", "and", "or"};
  const char *funcs[] = {"sin", "sqrt", "log", "floor", "abs", "exp", "clamp"};
  std::function<std::string(int)> gen = [&](int depth) -> std::string {
    const unsigned r = rng() % 7;
    if (depth == 0 || r == 0) {
      return atoms[rng() % std::size(atoms)];
    }
    switch (r) {
      case 1: return "-" + gen(depth - 1);
      case 2: return "(not " + gen(depth - 1) + ")";
      case 3: return "(" + gen(depth - 1) + ")";
      case 4:
        return "(" + gen(depth - 1) + " if " + gen(depth - 1) + " else " + gen(depth - 1) + ")";
      case 5: return std::string(funcs[rng() % std::size(funcs)]) + "(" + gen(depth - 1) + ")";
      default: return "(" + gen(depth - 1) + " " + binops[rng() % std::size(binops)] + " " +
                      gen(depth - 1) + ")";
    }
  };
  const std::vector<double> values = {3.0, 0.5, 0.0, -2.0};
  for (int i = 0; i < 5000; i++) {
    const std::string text = gen(6);
    const std::optional<SimpleExpr> expr = SimpleExpr::compile(text, kParams);
    ASSERT_TRUE(expr) << text;
    const ExprResult r1 = expr->evaluate(values);
    const ExprResult r2 = SimpleExpr::compile(text, kParams)->evaluate(values);
    EXPECT_EQ(r1.status, r2.status);
    if (!std::isnan(r1.value)) {
      EXPECT_EQ(r1.value, r2.value) << text;
    }
  }
}
