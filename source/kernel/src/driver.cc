#include "whisk/kernel/driver.hh"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace whisk::dna {
/** The compiled expression of a driver, remade when the expression or names change. */
struct DriverRuntime {
  std::mutex mutex;
  std::string expression;
  std::vector<std::string> names;
  std::optional<SimpleExpr> simple;
};
}  // namespace whisk::dna

namespace whisk::kernel {
using namespace dna;

bool driver_variable_name_valid(std::string_view name)
{
  static const char *const keywords[] = {
      "False", "None",     "True",   "and",   "as",     "assert", "async",  "await",   "break",
      "class", "continue", "def",    "del",   "elif",   "else",   "except", "finally", "for",
      "from",  "global",   "if",     "import", "in",    "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise",  "return", "try",   "while",  "with",   "yield"};
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_' || u >= 0x80)) {
      return false;
    }
  }
  return std::none_of(std::begin(keywords), std::end(keywords),
                      [&](const char *k) { return name == k; });
}

const SimpleExpr *driver_simple_expression(const ChannelDriver &driver)
{
  if (driver.type != DriverType::Scripted) {
    return nullptr;
  }
  DriverRuntime &rt = driver.runtime.get([] { return std::make_shared<DriverRuntime>(); });
  std::lock_guard lock(rt.mutex);
  /* "frame" first, then the variables, as SimpleExpr::compile expects them. */
  std::vector<std::string> names{"frame"};
  for (const auto &var : driver.variables) {
    names.push_back(var->name);
  }
  if (rt.expression != driver.expression || rt.names != names || !rt.simple) {
    rt.expression = driver.expression;
    rt.names = std::move(names);
    rt.simple = SimpleExpr::compile(rt.expression, rt.names);
  }
  return rt.simple ? &*rt.simple : nullptr;
}

bool driver_is_simple_expression(const ChannelDriver &driver)
{
  return driver_simple_expression(driver) != nullptr;
}

bool driver_needs_python(const ChannelDriver &driver)
{
  return driver.type == DriverType::Scripted && !driver.expression.empty() &&
         driver_simple_expression(driver) == nullptr;
}

}  // namespace whisk::kernel
