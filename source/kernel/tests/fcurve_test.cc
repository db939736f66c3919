// F-curves against Blender 3.4: tests/fixtures/fcurves.json (tools/oracle/gen_fcurves.py)
// for handles, evaluation, modifiers and key insertion; plus behaviour Blender's numbers
// cannot pin down (Whisk's own NOISE, flags, action helpers).

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "whisk/kernel/fcurve.hh"

using namespace whisk;
using namespace whisk::kernel;
using json = nlohmann::json;
using dna::HandleType;
using dna::KeyInterpolation;

namespace {

const json &fixture()
{
  static const json data = [] {
    std::ifstream stream(std::filesystem::path(WHISK_FIXTURE_DIR) / "fcurves.json");
    return stream ? json::parse(stream) : json();
  }();
  return data;
}

#define REQUIRE_FIXTURE() \
  if (fixture().is_null()) { \
    GTEST_SKIP() << "tests/fixtures/fcurves.json is not there"; \
  }

bool near(double ours, double theirs)
{
  return std::abs(ours - theirs) <= 1e-5 * std::max(1.0, std::abs(theirs));
}

template<typename T> T enum_of(const std::string &id, std::initializer_list<const char *> names)
{
  int i = 0;
  for (const char *name : names) {
    if (id == name) {
      return T(i);
    }
    i++;
  }
  ADD_FAILURE() << "unknown enum item " << id;
  return T(0);
}

HandleType handle_type(const std::string &id)
{
  return enum_of<HandleType>(id, {"FREE", "AUTO", "VECTOR", "ALIGNED", "AUTO_CLAMPED"});
}

KeyInterpolation interpolation(const std::string &id)
{
  return enum_of<KeyInterpolation>(id, {"CONSTANT", "LINEAR", "BEZIER", "BACK", "BOUNCE", "CIRC",
                                        "CUBIC", "ELASTIC", "EXPO", "QUAD", "QUART", "QUINT",
                                        "SINE"});
}

float2 f2(const json &v) { return {v[0].get<float>(), v[1].get<float>()}; }

dna::FModifierCycleMode cycle_mode(const std::string &id)
{
  return enum_of<dna::FModifierCycleMode>(id, {"NONE", "REPEAT", "REPEAT_OFFSET", "MIRROR"});
}

/** The curve a fixture record describes, before update(). */
FCurve build(const json &rec)
{
  FCurve fcu;
  fcu.extrapolation = rec["extrapolation"] == "LINEAR" ? dna::FCurveExtrapolation::Linear :
                                                         dna::FCurveExtrapolation::Constant;
  fcu.auto_smoothing = rec["auto_smoothing"] == "CONT_ACCEL" ?
                           dna::FCurveAutoSmoothing::ContinuousAcceleration :
                           dna::FCurveAutoSmoothing::None;
  for (const json &k : rec["keys_in"]) {
    BezTriple key;
    key.co = f2(k["co"]);
    key.handle_left = f2(k["handle_left"]);
    key.handle_right = f2(k["handle_right"]);
    key.handle_left_type = handle_type(k["handle_left_type"]);
    key.handle_right_type = handle_type(k["handle_right_type"]);
    key.interpolation = interpolation(k["interpolation"]);
    key.easing = enum_of<dna::KeyEasing>(k["easing"],
                                         {"AUTO", "EASE_IN", "EASE_OUT", "EASE_IN_OUT"});
    key.back = k["back"];
    key.amplitude = k["amplitude"];
    key.period = k["period"];
    key.select_left_handle = k["select_left_handle"];
    fcu.keyframe_points.push_back(key);
  }
  for (const json &m : rec["modifiers"]) {
    const std::string type = m["type"];
    FModifier *fcm = fcurve_modifier_add(
        fcu, type == "GENERATOR" ? dna::FModifierType::Generator : dna::FModifierType::Cycles);
    EXPECT_NE(fcm, nullptr);
    fcm->mute = m["mute"];
    fcm->use_restricted_range = m["use_restricted_range"];
    fcm->frame_start = m["frame_start"];
    fcm->frame_end = m["frame_end"];
    fcm->blend_in = m["blend_in"];
    fcm->blend_out = m["blend_out"];
    fcm->use_influence = m["use_influence"];
    fcm->influence = m["influence"];
    if (type == "GENERATOR") {
      fcm->generator.mode = m["mode"] == "POLYNOMIAL" ?
                                dna::FModifierGeneratorMode::Polynomial :
                                dna::FModifierGeneratorMode::PolynomialFactorised;
      fcm->generator.use_additive = m["use_additive"];
      fcm->generator.poly_order = m["poly_order"];
      fcm->generator.coefficients = m["coefficients"].get<std::vector<float>>();
    }
    else {
      fcm->cycles.mode_before = cycle_mode(m["mode_before"]);
      fcm->cycles.mode_after = cycle_mode(m["mode_after"]);
      fcm->cycles.cycles_before = m["cycles_before"];
      fcm->cycles.cycles_after = m["cycles_after"];
    }
  }
  return fcu;
}

/** Compares the curve's keys with a fixture state; returns the number of mismatches. */
int compare_keys(const FCurve &fcu, const json &keys, const std::string &where)
{
  if (fcu.keyframe_points.size() != keys.size()) {
    ADD_FAILURE() << where << ": " << fcu.keyframe_points.size() << " keys, Blender "
                  << keys.size();
    return 1;
  }
  int bad = 0;
  for (size_t i = 0; i < keys.size(); i++) {
    const BezTriple &k = fcu.keyframe_points[i];
    const json &theirs = keys[i];
    for (const auto &[name, ours] : {std::pair{"co", k.co}, std::pair{"handle_left", k.handle_left},
                                     std::pair{"handle_right", k.handle_right}})
    {
      const float2 t = f2(theirs[name]);
      if (!near(ours.x, t.x) || !near(ours.y, t.y)) {
        if (bad++ < 3) {
          ADD_FAILURE() << where << " key " << i << " " << name << ": Whisk (" << ours.x << ", "
                        << ours.y << "), Blender (" << t.x << ", " << t.y << ")";
        }
      }
    }
    if (theirs.contains("interpolation") &&
        k.interpolation != interpolation(theirs["interpolation"]))
    {
      bad++;
      ADD_FAILURE() << where << " key " << i << " interpolation";
    }
  }
  return bad;
}

}  // namespace

TEST(fcurve_oracle, handles_after_update)
{
  REQUIRE_FIXTURE();
  int failed = 0;
  for (const json &rec : fixture()["curves"]) {
    FCurve fcu = build(rec);
    fcurve_update(fcu);
    failed += compare_keys(fcu, rec["keys"], rec["name"]) != 0;
  }
  EXPECT_EQ(failed, 0);
}

TEST(fcurve_oracle, evaluate)
{
  REQUIRE_FIXTURE();
  int failed = 0;
  for (const json &rec : fixture()["curves"]) {
    FCurve fcu = build(rec);
    fcurve_update(fcu);
    int bad = 0;
    for (const json &s : rec["samples"]) {
      const float frame = s[0], theirs = s[1];
      const float ours = fcurve_evaluate(fcu, frame);
      /* Where the curve is steep, a float rounding step in the frame or a handle moves the
       * value by slope x step: allow a few ulps of the frame on top of the value tolerance. */
      const float h = 1e-3f;
      const float slope = std::abs(fcurve_evaluate(fcu, frame + h) - fcurve_evaluate(fcu, frame - h)) /
                          (2 * h);
      const double ulps = 4.0 * std::max(1.0f, std::abs(frame)) * 1.2e-7;
      if (!near(ours, theirs) && std::abs(ours - theirs) > slope * ulps + 1e-5 &&
          bad++ < 3) {
        ADD_FAILURE() << rec["name"].get<std::string>() << " at " << frame << ": Whisk " << ours
                      << ", Blender " << theirs;
      }
    }
    failed += bad != 0;
  }
  EXPECT_EQ(failed, 0);
}

TEST(fcurve_oracle, insert_sequences)
{
  REQUIRE_FIXTURE();
  for (const json &seq : fixture()["sequences"]) {
    FCurve fcu;
    fcu.extrapolation = seq["extrapolation"] == "LINEAR" ? dna::FCurveExtrapolation::Linear :
                                                           dna::FCurveExtrapolation::Constant;
    fcu.auto_smoothing = dna::FCurveAutoSmoothing::ContinuousAcceleration;
    if (seq["cycles"].get<bool>()) {
      fcurve_modifier_add(fcu, dna::FModifierType::Cycles);
    }
    const json &ops = seq["ops"];
    for (size_t i = 0; i < ops.size(); i++) {
      const json &op = ops[i];
      auto index = [&] {
        const int n = int(fcu.keyframe_points.size()), at = op["index"];
        return at < 0 ? n + at : at;
      };
      if (op["op"] == "insert") {
        /* Blender 3.4 swaps options and keyframe_type here (see gen_fcurves.py): the key is a
         * KEYFRAME and MOVING_HOLD's value is the FAST bit. */
        const uint32_t flags = op["type"] == "MOVING_HOLD" ? INSERTKEY_FAST : INSERTKEY_NONE;
        fcurve_insert_keyframe(fcu, op["frame"], op["value"], dna::KeyframeType::Keyframe,
                               flags);
      }
      else if (op["op"] == "remove") {
        fcurve_key_remove(fcu, index(), !op["fast"].get<bool>());
      }
      else if (op["op"] == "add") {
        fcurve_keys_add(fcu, op["count"]);
      }
      else if (op["op"] == "interpolation") {
        fcu.keyframe_points[size_t(index())].interpolation = interpolation(op["value"]);
      }
      const std::string where = seq["name"].get<std::string>() + " op " + std::to_string(i);
      ASSERT_EQ(compare_keys(fcu, seq["states"][i], where), 0) << op.dump();
    }
  }
}

TEST(fcurve_oracle, struct_keyframe_insert_options)
{
  REQUIRE_FIXTURE();
  for (const json &seq : fixture()["struct_sequences"]) {
    FCurve fcu;
    fcu.auto_smoothing = dna::FCurveAutoSmoothing::ContinuousAcceleration;
    const json &calls = seq["calls"];
    for (size_t i = 0; i < calls.size(); i++) {
      const json &c = calls[i];
      uint32_t flags = 0;
      for (const json &o : c[2]) {
        flags |= o == "INSERTKEY_NEEDED" ? INSERTKEY_NEEDED : INSERTKEY_REPLACE;
      }
      const int result = fcurve_insert_keyframe(fcu, c[0], c[1], dna::KeyframeType::Keyframe,
                                                flags);
      EXPECT_EQ(result >= 0, c[3].get<bool>()) << seq["name"] << " call " << i;
      ASSERT_EQ(compare_keys(fcu, seq["states"][i], seq["name"].get<std::string>() + " call " +
                                                        std::to_string(i)),
                0);
    }
  }
}

TEST(fcurve_oracle, integer_and_boolean_curves)
{
  REQUIRE_FIXTURE();
  for (const json &rec : fixture()["flag_curves"]) {
    FCurve fcu;
    fcu.auto_smoothing = dna::FCurveAutoSmoothing::ContinuousAcceleration;
    fcu.flag |= rec["flags"][0] == "INT_VALUES" ? dna::FCURVE_INT_VALUES :
                                                  dna::FCURVE_DISCRETE_VALUES;
    for (const json &k : rec["keys"]) {
      fcurve_insert_keyframe(fcu, k["co"][0], k["co"][1]);
    }
    EXPECT_EQ(compare_keys(fcu, rec["keys"], rec["data_path"]), 0);
    for (const json &s : rec["samples"]) {
      EXPECT_TRUE(near(fcurve_evaluate(fcu, s[0]), s[1])) << rec["data_path"] << " at " << s[0];
    }
  }
}

TEST(fcurve_oracle, action_frame_range)
{
  REQUIRE_FIXTURE();
  for (const json &rec : fixture()["frame_ranges"]) {
    Action action;
    int index = 0;
    for (const json &xs : rec["curves"]) {
      FCurve &fcu = action_fcurve_ensure(action, "r", index++);
      for (const json &x : xs) {
        BezTriple key;
        key.co = {x.get<float>(), 0.0f};
        fcu.keyframe_points.push_back(key);
      }
    }
    const auto [start, end] = action_frame_range_of_keys(action);
    EXPECT_FLOAT_EQ(start, rec["frame_range"][0].get<float>()) << rec.dump();
    EXPECT_FLOAT_EQ(end, rec["frame_range"][1].get<float>()) << rec.dump();
  }
}

TEST(fcurve_oracle, object_keyframe_insert_curves)
{
  REQUIRE_FIXTURE();
  /* What the struct-level keyframe_insert makes: one curve per array element, no group unless
   * asked for, CONT_ACCEL smoothing, keys with handles a frame to each side. */
  const json &last = fixture()["keyframe_insert"].back();
  Action action;
  for (const json &c : last["curves"]) {
    const std::string group = c["group"].is_null() ? "" : c["group"].get<std::string>();
    FCurve &fcu = action_fcurve_ensure(action, c["data_path"].get<std::string>(),
                                       c["array_index"], group);
    EXPECT_EQ(fcu.auto_smoothing, dna::FCurveAutoSmoothing::ContinuousAcceleration);
    for (const json &k : c["keys"]) {
      fcurve_insert_keyframe(fcu, k["co"][0], k["co"][1]);
    }
  }
  ASSERT_EQ(action.fcurves.size(), int64_t(last["curves"].size()));
  for (size_t i = 0; i < last["curves"].size(); i++) {
    const json &c = last["curves"][i];
    EXPECT_EQ(action.fcurves[int64_t(i)].data_path, c["data_path"]);
    EXPECT_EQ(compare_keys(action.fcurves[int64_t(i)], c["keys"], c["data_path"]), 0);
  }
  EXPECT_EQ(default_group_for_path(dna::IDType::Object, "location"), "Object Transforms");
  EXPECT_EQ(default_group_for_path(dna::IDType::Object, "[\"prop\"]"), "");
}

/* ---- Behaviour without an oracle ---------------------------------------------------------- */

TEST(fcurve, noise_is_deterministic_and_follows_its_parameters)
{
  FCurve fcu;
  FModifier *noise = fcurve_modifier_add(fcu, dna::FModifierType::Noise);
  ASSERT_NE(noise, nullptr);
  noise->noise.blend_type = dna::FModifierNoiseBlend::Add;
  std::vector<float> a;
  for (int f = 0; f < 50; f++) {
    a.push_back(fcurve_evaluate(fcu, f * 0.37f));
  }
  float lo = 1e9f, hi = -1e9f;
  for (int f = 0; f < 50; f++) {
    EXPECT_EQ(a[size_t(f)], fcurve_evaluate(fcu, f * 0.37f)); /* deterministic */
    lo = std::min(lo, a[size_t(f)]);
    hi = std::max(hi, a[size_t(f)]);
  }
  EXPECT_GE(lo, 0.0f);
  EXPECT_LE(hi, 1.0f);
  EXPECT_GT(hi - lo, 0.1f); /* it varies */
  /* Strength scales the noise; offset shifts it in time. */
  noise->noise.strength = 3.0f;
  EXPECT_NEAR(fcurve_evaluate(fcu, 1.11f), 3.0f * a[3], 1e-5f);
  noise->noise.strength = 1.0f;
  noise->noise.offset = 0.37f;
  EXPECT_NEAR(fcurve_evaluate(fcu, 0.74f), a[1], 1e-5f);
  noise->noise.offset = 0.0f;
  /* Phase picks another stretch of noise; depth adds finer detail. */
  noise->noise.phase = 7.5f;
  EXPECT_NE(fcurve_evaluate(fcu, 1.11f), a[3]);
  noise->noise.phase = 1.0f;
  noise->noise.depth = 3;
  EXPECT_NE(fcurve_evaluate(fcu, 1.11f), a[3]);
  /* REPLACE centres the noise on the curve's value. */
  noise->noise.depth = 0;
  noise->noise.blend_type = dna::FModifierNoiseBlend::Replace;
  EXPECT_NEAR(fcurve_evaluate(fcu, 1.11f), a[3] - 0.5f, 1e-5f);
}

TEST(fcurve, modifier_stack_rules)
{
  FCurve fcu;
  EXPECT_EQ(fcurve_modifier_add(fcu, dna::FModifierType::Null), nullptr);
  FModifier *gen = fcurve_modifier_add(fcu, dna::FModifierType::Generator);
  EXPECT_TRUE(gen->active);
  EXPECT_EQ(fcurve_modifier_add(fcu, dna::FModifierType::Cycles), nullptr); /* must be first */
  FModifier *noise = fcurve_modifier_add(fcu, dna::FModifierType::Noise);
  EXPECT_FALSE(noise->active);
  fcurve_modifier_set_active(fcu, noise);
  EXPECT_EQ(fcurve_modifier_active(fcu), noise);
  EXPECT_FALSE(fcurve_is_empty(fcu)); /* the generator makes values */
  EXPECT_TRUE(fcurve_modifier_remove(fcu, gen));
  EXPECT_FALSE(fcurve_modifier_remove(fcu, gen));
  EXPECT_TRUE(fcurve_is_empty(fcu));
  /* Generator coefficients follow mode and order. */
  FModifier *g = fcurve_modifier_add(fcu, dna::FModifierType::Generator);
  g->generator.poly_order = 3;
  fmodifier_generator_verify(*g);
  EXPECT_EQ(g->generator.coefficients, (std::vector<float>{0, 1, 0, 0}));
  g->generator.mode = dna::FModifierGeneratorMode::PolynomialFactorised;
  fmodifier_generator_verify(*g);
  EXPECT_EQ(g->generator.coefficients.size(), 6u);
}

TEST(fcurve, delete_keyframe_and_ranges)
{
  FCurve fcu;
  EXPECT_EQ(fcurve_frame_range(fcu), (std::pair<float, float>{0.0f, 0.0f}));
  fcurve_insert_keyframe(fcu, 1, 0);
  fcurve_insert_keyframe(fcu, 5, 2);
  fcurve_insert_keyframe(fcu, 9, 1);
  EXPECT_FALSE(fcurve_delete_keyframe(fcu, 4.0f));
  EXPECT_TRUE(fcurve_delete_keyframe(fcu, 5.005f));
  ASSERT_EQ(fcu.keyframe_points.size(), 2u);
  EXPECT_EQ(fcurve_frame_range(fcu), (std::pair<float, float>{1.0f, 9.0f}));
  EXPECT_EQ(fcurve_insert_keyframe(fcu, 3, 1, dna::KeyframeType::Keyframe, INSERTKEY_REPLACE), -1);
}

TEST(fcurve, action_groups_and_copy)
{
  Action action;
  FCurve &x = action_fcurve_ensure(action, "location", 0, "Object Transforms");
  FCurve &p = action_fcurve_ensure(action, "[\"prop\"]", 0);
  FCurve &y = action_fcurve_ensure(action, "location", 1, "Object Transforms");
  EXPECT_EQ(&action_fcurve_ensure(action, "location", 1), &y);
  ASSERT_EQ(action.fcurves.size(), 3);
  /* Groups stay contiguous and before ungrouped curves. */
  EXPECT_EQ(&action.fcurves[0], &x);
  EXPECT_EQ(&action.fcurves[1], &y);
  EXPECT_EQ(&action.fcurves[2], &p);
  EXPECT_EQ(action_group_add(action, "Object Transforms").name, "Object Transforms.001");

  Action copy(action);
  action_copy_remap_groups(copy, action);
  EXPECT_EQ(copy.fcurves[0].group, copy.groups.get(0));
  EXPECT_EQ(copy.fcurves[2].group, nullptr);

  EXPECT_TRUE(action_group_remove(action, action.groups.get(0)));
  EXPECT_EQ(x.group, nullptr);
  EXPECT_EQ(&action.fcurves[0], &p); /* the group's curves went to the end */
  EXPECT_TRUE(action_fcurve_remove(action, &p));
  EXPECT_FALSE(action_fcurve_remove(action, &p));
  EXPECT_EQ(action_fcurve_find(action, "location", 1), &y);
}

TEST(fcurve, driver_curves_map_the_driver_value)
{
  FCurve fcu;
  EXPECT_FLOAT_EQ(fcurve_evaluate_driver(fcu, 2.5f), 2.5f); /* no keys: 1:1 */
  FModifier *gen = fcurve_modifier_add(fcu, dna::FModifierType::Generator);
  gen->generator.coefficients = {1.0f, 2.0f};
  EXPECT_FLOAT_EQ(fcurve_evaluate_driver(fcu, 2.5f), 6.0f);
  gen->generator.use_additive = true;
  gen->use_restricted_range = true;
  gen->frame_start = 0.0f;
  gen->frame_end = 1.0f;
  EXPECT_FLOAT_EQ(fcurve_evaluate_driver(fcu, 2.5f), 0.0f); /* out of range blocks 1:1 */
  fcurve_insert_keyframe(fcu, 0, 0);
  fcurve_insert_keyframe(fcu, 10, 5);
  EXPECT_NEAR(fcurve_evaluate_driver(fcu, 5.0f), fcurve_evaluate(fcu, 5.0f), 1e-6f);
}
