// F-curve modifiers: the stack's two passes and the Generator, Cycles and Noise modifiers.
//
// Evaluation runs the stack twice, as Blender does. The time pass goes from the last
// modifier to the first, each time-changing modifier (Cycles) mapping the frame to the one
// the keys are read at; the value pass then goes from first to last at that mapped frame.
// Each modifier blends its result with its input by its influence, which a restricted
// frame range ramps in and out (blend_in, blend_out) and zeroes outside. Cycles only works
// as the first modifier; elsewhere it is invalid and does nothing.
//
// NOISE: Blender uses its own noise tables. Whisk does not copy them: its noise is 2D
// gradient noise from an integer hash, summed over octaves like Blender's turbulence
// (scale: size of the features in frames, phase: a second coordinate that picks another
// stretch of noise, offset: shifts it in time, depth: extra octaves of finer detail,
// strength: amplitude). NOISE values therefore differ from Blender's.

#include <cmath>

#include "fcurve_intern.hh"
#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::FModifierCycleMode;
using dna::FModifierType;

namespace {

/** Influence of a modifier at `frame`: its own influence (when used), ramped by the
 * restricted range's blend in and out, 0 outside the range. */
float influence_at(const FModifier &fcm, float frame)
{
  const float influence = fcm.use_influence ? fcm.influence : 1.0f;
  if (!fcm.use_restricted_range) {
    return influence;
  }
  if (frame < fcm.frame_start || frame > fcm.frame_end) {
    return 0.0f;
  }
  /* The ramps include the range's ends, where the influence is 0. */
  if (frame >= fcm.frame_start && frame < fcm.frame_start + fcm.blend_in) {
    return influence * (frame - fcm.frame_start) / fcm.blend_in;
  }
  if (frame <= fcm.frame_end && frame > fcm.frame_end - fcm.blend_out) {
    return influence * (frame - fcm.frame_end) / -fcm.blend_out;
  }
  return influence;
}

bool applies_at(const FModifier &fcm, float frame)
{
  return !fcm.use_restricted_range || (fcm.frame_start <= frame && fcm.frame_end >= frame);
}

/** t * a + (1 - t) * b */
float blend(float a, float b, float t) { return t * a + (1.0f - t) * b; }

/** The frame inside the keys' range that `frame` repeats, and the value offset of that
 * repetition (REPEAT_OFFSET). Returns `frame` unchanged inside the range, without keys, or
 * past the number of cycles asked for. */
float cycles_time(const FCurve &fcu, const FModifier &fcm, float frame, float *r_offset)
{
  *r_offset = 0.0f;
  const std::vector<dna::BezTriple> &keys = fcu.keyframe_points;
  if (keys.empty()) {
    return frame;
  }
  const float2 first = keys.front().co, last = keys.back().co;
  int side = 0, cycles = 0;
  FModifierCycleMode mode = FModifierCycleMode::None;
  float origin = 0.0f;
  if (frame < first.x && fcm.cycles.mode_before != FModifierCycleMode::None) {
    side = -1;
    mode = fcm.cycles.mode_before;
    cycles = fcm.cycles.cycles_before;
    origin = first.x;
  }
  else if (frame > last.x && fcm.cycles.mode_after != FModifierCycleMode::None) {
    side = 1;
    mode = fcm.cycles.mode_after;
    cycles = fcm.cycles.cycles_after;
    origin = last.x;
  }
  if (side == 0) {
    return frame;
  }
  const float period = last.x - first.x, rise = last.y - first.y;
  if (period == 0.0f) {
    return frame;
  }
  /* Which repetition (counted away from the keys) and where in it. */
  const float cycle = float(side) * (frame - origin) / period;
  const float within = float(std::fmod(double(frame - origin), double(period)));
  if (cycles != 0 && cycle > float(cycles)) {
    return frame; /* past the last repetition: the keys' own extrapolation */
  }
  float offset = 0.0f;
  if (mode == FModifierCycleMode::RepeatOffset) {
    const double n = double(frame - origin) / double(period);
    offset = float(side < 0 ? std::floor(n) : std::ceil(n)) * rise;
  }
  float t;
  if (within == 0.0f) {
    /* On a cycle boundary: the end key of that side (the other one when mirrored). */
    t = side == 1 ? last.x : first.x;
    if (mode == FModifierCycleMode::Mirror && int(cycle) % 2) {
      t = side == 1 ? first.x : last.x;
    }
  }
  else if (mode == FModifierCycleMode::Mirror && int(cycle + 1) % 2) {
    /* Odd repetitions play backwards. */
    t = (side < 0 ? first.x : last.x) - within;
  }
  else {
    t = first.x + within;
  }
  if (t < first.x) {
    t += period;
  }
  *r_offset = offset;
  return t;
}

void generator_evaluate(const FModifier &fcm, float *value, float frame)
{
  const FModifier::Generator &g = fcm.generator;
  const std::vector<float> &co = g.coefficients;
  float result;
  if (g.mode == dna::FModifierGeneratorMode::Polynomial) {
    /* Sum of c_i x^i, powers built up by multiplication. */
    result = 0.0f;
    float power = 1.0f;
    const size_t n = std::min(co.size(), size_t(std::max(g.poly_order, 0) + 1));
    for (size_t i = 0; i < n; i++) {
      result += co[i] * power;
      power *= frame;
    }
  }
  else {
    /* Product of (a_i x + b_i). */
    result = 1.0f;
    for (int i = 0; i < g.poly_order && size_t(2 * i + 1) < co.size(); i++) {
      result *= co[size_t(2 * i)] * frame + co[size_t(2 * i + 1)];
    }
  }
  if (g.poly_order) {
    *value = g.use_additive ? *value + result : result;
  }
}

void noise_evaluate(const FModifier &fcm, float *value, float frame)
{
  const FModifier::Noise &n = fcm.noise;
  const float noise = fmodifier_noise_turbulence(n.scale, frame - n.offset, n.phase, n.depth);
  switch (n.blend_type) {
    case dna::FModifierNoiseBlend::Add: *value += noise * n.strength; break;
    case dna::FModifierNoiseBlend::Subtract: *value -= noise * n.strength; break;
    case dna::FModifierNoiseBlend::Multiply: *value *= noise * n.strength; break;
    default: *value += (noise - 0.5f) * n.strength; break; /* REPLACE: centred on the curve */
  }
}

/* ---- Whisk's gradient noise ---- */

uint32_t hash2(int32_t x, int32_t y)
{
  /* A small integer mixer (xorshift-multiply rounds); any good hash would do. */
  uint32_t h = uint32_t(x) * 0x8da6b343u ^ uint32_t(y) * 0xd8163841u;
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}

/** Dot product of the lattice point's pseudo-random unit gradient with the offset. */
float grad(int32_t ix, int32_t iy, float dx, float dy)
{
  const float angle = float(hash2(ix, iy) & 0xffffu) * (6.28318530718f / 65536.0f);
  return std::cos(angle) * dx + std::sin(angle) * dy;
}

float fade(float t) { return t * t * t * (t * (t * 6 - 15) + 10); }

/** Gradient noise in about [-0.71, 0.71], 0 on the lattice points. */
float gradient_noise(float x, float y)
{
  const float fx = std::floor(x), fy = std::floor(y);
  const int32_t ix = int32_t(fx), iy = int32_t(fy);
  const float dx = x - fx, dy = y - fy;
  const float u = fade(dx), v = fade(dy);
  const float n00 = grad(ix, iy, dx, dy), n10 = grad(ix + 1, iy, dx - 1, dy);
  const float n01 = grad(ix, iy + 1, dx, dy - 1), n11 = grad(ix + 1, iy + 1, dx - 1, dy - 1);
  const float a = n00 + u * (n10 - n00), b = n01 + u * (n11 - n01);
  return a + v * (b - a);
}

}  // namespace

float fmodifier_noise_turbulence(float scale, float x, float phase, int depth)
{
  const float inv = scale != 0.0f ? 1.0f / scale : 1.0f;
  x *= inv;
  phase *= inv;
  /* Octave k has twice the frequency and half the weight of octave k - 1. */
  float sum = 0.0f, weight = 1.0f, total = 0.0f, freq = 1.0f;
  for (int k = 0; k <= std::min(depth, 32); k++) {
    sum += weight * (0.5f + 0.7f * gradient_noise(x * freq, phase * freq + 0.1f));
    total += weight;
    weight *= 0.5f;
    freq *= 2.0f;
  }
  return sum / total;
}

float fmodifiers_evaluate_time(const FCurve &fcu, float frame, float *r_cycle_offset)
{
  *r_cycle_offset = 0.0f;
  for (int64_t i = fcu.modifiers.size() - 1; i >= 0; i--) {
    const FModifier &fcm = fcu.modifiers[i];
    if (fcm.type != FModifierType::Cycles || fcm.mute || !applies_at(fcm, frame)) {
      continue;
    }
    if (i != 0) {
      continue; /* Cycles only works first in the stack */
    }
    const float mapped = cycles_time(fcu, fcm, frame, r_cycle_offset);
    frame = blend(mapped, frame, influence_at(fcm, frame));
  }
  return frame;
}

float fmodifiers_evaluate_value(const FCurve &fcu, float value, float frame, float cycle_offset)
{
  for (int64_t i = 0; i < fcu.modifiers.size(); i++) {
    const FModifier &fcm = fcu.modifiers[i];
    if (fcm.mute || !applies_at(fcm, frame) || !fmodifier_is_valid(fcu, fcm)) {
      continue;
    }
    float result = value;
    switch (fcm.type) {
      case FModifierType::Generator: generator_evaluate(fcm, &result, frame); break;
      case FModifierType::Noise: noise_evaluate(fcm, &result, frame); break;
      case FModifierType::Cycles: result += cycle_offset; break;
      default: continue;
    }
    value = blend(result, value, influence_at(fcm, frame));
  }
  return value;
}

bool fmodifier_is_valid(const FCurve &fcu, const FModifier &fcm)
{
  return fcm.type != FModifierType::Cycles || fcu.modifiers.index_of(&fcm) == 0;
}

int fmodifier_generator_coefficient_count(const FModifier &fcm)
{
  const int order = std::max(fcm.generator.poly_order, 0);
  return fcm.generator.mode == dna::FModifierGeneratorMode::Polynomial ? order + 1 : order * 2;
}

void fmodifier_generator_verify(FModifier &fcm)
{
  fcm.generator.coefficients.resize(size_t(fmodifier_generator_coefficient_count(fcm)), 0.0f);
}

FModifier *fcurve_modifier_add(FCurve &fcu, FModifierType type)
{
  if (type == FModifierType::Null) {
    return nullptr;
  }
  if (type == FModifierType::Cycles && !fcu.modifiers.empty()) {
    return nullptr; /* Cycles must be first */
  }
  auto fcm = std::make_unique<FModifier>();
  fcm->type = type;
  fcm->show_expanded = true;
  fcm->influence = 1.0f;
  fcm->active = fcu.modifiers.empty();
  /* The DNA defaults are Blender's defaults for new modifiers of each type. */
  FModifier &added = fcu.modifiers.append(std::move(fcm));
  if (type == FModifierType::Cycles) {
    fcurve_handles_recalc(fcu); /* cyclic curves join their ends smoothly */
  }
  data_generation_bump();
  return &added;
}

bool fcurve_modifier_remove(FCurve &fcu, const FModifier *fcm)
{
  const int64_t index = fcu.modifiers.index_of(fcm);
  if (index < 0) {
    return false;
  }
  const bool cycles = fcm->type == FModifierType::Cycles;
  fcu.modifiers.remove(index);
  if (cycles) {
    fcurve_handles_recalc(fcu);
  }
  data_generation_bump();
  return true;
}

void fcurve_modifier_set_active(FCurve &fcu, FModifier *fcm)
{
  for (auto &m : fcu.modifiers) {
    m->active = m.get() == fcm;
  }
}

FModifier *fcurve_modifier_active(const FCurve &fcu)
{
  for (const auto &m : fcu.modifiers) {
    if (m->active) {
      return m.get();
    }
  }
  return nullptr;
}

}  // namespace whisk::kernel
