// F-curve evaluation: extrapolation before the first and after the last key, the segment
// between two keys (constant, linear, Bezier, the easing equations), then the modifiers.
// Bezier segments are evaluated as Blender does: the handles are first shortened so the
// segment cannot loop back in time, the Bezier parameter is found from the frame by solving
// the cubic x(t) = frame, and the value is y(t). Arithmetic is in float where Blender's is,
// so results agree to float precision.

#include <cfloat>
#include <cmath>
#include <numbers>

#include "whisk/kernel/fcurve.hh"

namespace whisk::kernel {

using dna::BezTriple;
using dna::KeyEasing;
using dna::KeyInterpolation;

namespace {

constexpr float PI = std::numbers::pi_v<float>;

/* ---- Easing (Robert Penner's equations, with Blender's parameters) ---- */

using Ease = float (*)(float t, float b, float c, float d, const BezTriple &k);

float back_in(float t, float b, float c, float d, const BezTriple &k)
{
  t /= d;
  return c * t * t * ((k.back + 1) * t - k.back) + b;
}
float back_out(float t, float b, float c, float d, const BezTriple &k)
{
  t = t / d - 1;
  return c * (t * t * ((k.back + 1) * t + k.back) + 1) + b;
}
float back_in_out(float t, float b, float c, float d, const BezTriple &k)
{
  const float s = k.back * 1.525f;
  if ((t /= d / 2) < 1.0f) {
    return c / 2 * (t * t * ((s + 1) * t - s)) + b;
  }
  t -= 2.0f;
  return c / 2 * (t * t * ((s + 1) * t + s) + 2) + b;
}

float bounce_out_f(float t, float b, float c, float d)
{
  if ((t /= d) < (1 / 2.75f)) {
    return c * (7.5625f * t * t) + b;
  }
  if (t < (2 / 2.75f)) {
    t -= (1.5f / 2.75f);
    return c * ((7.5625f * t) * t + 0.75f) + b;
  }
  if (t < (2.5f / 2.75f)) {
    t -= (2.25f / 2.75f);
    return c * ((7.5625f * t) * t + 0.9375f) + b;
  }
  t -= (2.625f / 2.75f);
  return c * ((7.5625f * t) * t + 0.984375f) + b;
}
float bounce_in_f(float t, float b, float c, float d)
{
  return c - bounce_out_f(d - t, 0, c, d) + b;
}
float bounce_in(float t, float b, float c, float d, const BezTriple &) { return bounce_in_f(t, b, c, d); }
float bounce_out(float t, float b, float c, float d, const BezTriple &) { return bounce_out_f(t, b, c, d); }
float bounce_in_out(float t, float b, float c, float d, const BezTriple &)
{
  if (t < d / 2) {
    return bounce_in_f(t * 2, 0, c, d) * 0.5f + b;
  }
  return bounce_out_f(t * 2 - d, 0, c, d) * 0.5f + c * 0.5f + b;
}

float circ_in(float t, float b, float c, float d, const BezTriple &)
{
  t /= d;
  return -c * (std::sqrt(1 - t * t) - 1) + b;
}
float circ_out(float t, float b, float c, float d, const BezTriple &)
{
  t = t / d - 1;
  return c * std::sqrt(1 - t * t) + b;
}
float circ_in_out(float t, float b, float c, float d, const BezTriple &)
{
  if ((t /= d / 2) < 1.0f) {
    return -c / 2 * (std::sqrt(1 - t * t) - 1) + b;
  }
  t -= 2.0f;
  return c / 2 * (std::sqrt(1 - t * t) + 1) + b;
}

/** The power easings (QUAD 2, CUBIC 3, QUART 4, QUINT 5). */
template<int N> float ipow(float t)
{
  float r = t;
  for (int i = 1; i < N; i++) {
    r *= t;
  }
  return r;
}
template<int N> float pow_in(float t, float b, float c, float d, const BezTriple &)
{
  t /= d;
  return c * ipow<N>(t) + b;
}
template<int N> float pow_out(float t, float b, float c, float d, const BezTriple &)
{
  t = t / d - 1;
  /* Odd powers rise to 0 at the end, even ones fall to it. */
  return (N % 2) ? c * (ipow<N>(t) + 1) + b : -c * (ipow<N>(t) - 1) + b;
}
template<int N> float pow_in_out(float t, float b, float c, float d, const BezTriple &)
{
  if ((t /= d / 2) < 1.0f) {
    return c / 2 * ipow<N>(t) + b;
  }
  t -= 2.0f;
  return (N % 2) ? c / 2 * (ipow<N>(t) + 2) + b : -c / 2 * (ipow<N>(t) - 2) + b;
}

/* Exponential easing, rescaled so it starts and ends exactly on the keys. */
constexpr float EXPO_MIN = 0.0009765625f; /* 2^-10 */
constexpr float EXPO_SCALE = 1.0f / (1.0f - EXPO_MIN);
float expo_in_f(float t, float b, float c, float d)
{
  if (t == 0.0f) {
    return b;
  }
  return c * (std::pow(2.0f, 10 * (t / d - 1)) - EXPO_MIN) * EXPO_SCALE + b;
}
float expo_out_f(float t, float b, float c, float d)
{
  if (t == 0.0f) {
    return b;
  }
  return c * (1 - (std::pow(2.0f, -10 * t / d) - EXPO_MIN) * EXPO_SCALE) + b;
}
float expo_in(float t, float b, float c, float d, const BezTriple &) { return expo_in_f(t, b, c, d); }
float expo_out(float t, float b, float c, float d, const BezTriple &) { return expo_out_f(t, b, c, d); }
float expo_in_out(float t, float b, float c, float d, const BezTriple &)
{
  d *= 0.5f;
  if (t < d) {
    return expo_in_f(t, b, c / 2, d);
  }
  return expo_out_f(t - d, b + c / 2, c / 2, d);
}

float sine_in(float t, float b, float c, float d, const BezTriple &)
{
  return -c * std::cos(t / d * (PI / 2)) + c + b;
}
float sine_out(float t, float b, float c, float d, const BezTriple &)
{
  return c * std::sin(t / d * (PI / 2)) + b;
}
float sine_in_out(float t, float b, float c, float d, const BezTriple &)
{
  return -c / 2 * (std::cos(PI * t / d) - 1) + b;
}

/* Elastic: with an amplitude smaller than the change, Blender fades the oscillation in
 * over the first quarter period instead of jumping. */
float elastic_fade(float t, float c, float d, float amplitude, float s, float f)
{
  if (c != 0.0f) {
    const float q = std::abs(s);
    f = amplitude != 0.0f ? f * amplitude / std::abs(c) : 0.0f;
    if (std::abs(t * d) < q) {
      const float l = std::abs(t * d) / q;
      f = (f * l) + (1.0f - l);
    }
  }
  return f;
}
/** Shared setup: returns the phase shift s and sets the amplitude and fade factor. */
float elastic_setup(float t, float c, float d, float &amplitude, float period, float &f)
{
  if (amplitude == 0.0f || amplitude < std::abs(c)) {
    const float s = period / 4;
    f = elastic_fade(t, c, d, amplitude, s, f);
    amplitude = c;
    return s;
  }
  return period / (2 * PI) * std::asin(c / amplitude);
}
float elastic_wave(float t, float d, float amplitude, float s, float period)
{
  return amplitude * std::pow(2.0f, 10 * t) * std::sin((t * d - s) * (2 * PI) / period);
}
float elastic_in(float t, float b, float c, float d, const BezTriple &k)
{
  if (t == 0.0f) {
    return b;
  }
  if ((t /= d) == 1.0f) {
    return b + c;
  }
  t -= 1.0f;
  const float period = k.period != 0.0f ? k.period : d * 0.3f;
  float amplitude = k.amplitude, f = 1.0f;
  const float s = elastic_setup(t, c, d, amplitude, period, f);
  return -f * elastic_wave(t, d, amplitude, s, period) + b;
}
float elastic_out(float t, float b, float c, float d, const BezTriple &k)
{
  if (t == 0.0f) {
    return b;
  }
  if ((t /= d) == 1.0f) {
    return b + c;
  }
  t = -t;
  const float period = k.period != 0.0f ? k.period : d * 0.3f;
  float amplitude = k.amplitude, f = 1.0f;
  const float s = elastic_setup(t, c, d, amplitude, period, f);
  return f * elastic_wave(t, d, amplitude, s, period) + c + b;
}
float elastic_in_out(float t, float b, float c, float d, const BezTriple &k)
{
  if (t == 0.0f) {
    return b;
  }
  if ((t /= d / 2) == 2.0f) {
    return b + c;
  }
  t -= 1.0f;
  const float period = k.period != 0.0f ? k.period : d * (0.3f * 1.5f);
  float amplitude = k.amplitude, f = 1.0f;
  const float s = elastic_setup(t, c, d, amplitude, period, f);
  if (t < 0.0f) {
    f *= -0.5f;
    return f * elastic_wave(t, d, amplitude, s, period) + b;
  }
  t = -t;
  f *= 0.5f;
  return f * elastic_wave(t, d, amplitude, s, period) + c + b;
}

struct EasingFamily {
  Ease in, out, in_out;
  /** What AUTO easing means for this interpolation. */
  KeyEasing automatic;
};

const EasingFamily *easing_family(KeyInterpolation ipo)
{
  static const EasingFamily back{back_in, back_out, back_in_out, KeyEasing::Out};
  static const EasingFamily bounce{bounce_in, bounce_out, bounce_in_out, KeyEasing::Out};
  static const EasingFamily circ{circ_in, circ_out, circ_in_out, KeyEasing::In};
  static const EasingFamily cubic{pow_in<3>, pow_out<3>, pow_in_out<3>, KeyEasing::In};
  static const EasingFamily elastic{elastic_in, elastic_out, elastic_in_out, KeyEasing::Out};
  static const EasingFamily expo{expo_in, expo_out, expo_in_out, KeyEasing::In};
  static const EasingFamily quad{pow_in<2>, pow_out<2>, pow_in_out<2>, KeyEasing::In};
  static const EasingFamily quart{pow_in<4>, pow_out<4>, pow_in_out<4>, KeyEasing::In};
  static const EasingFamily quint{pow_in<5>, pow_out<5>, pow_in_out<5>, KeyEasing::In};
  static const EasingFamily sine{sine_in, sine_out, sine_in_out, KeyEasing::In};
  switch (ipo) {
    case KeyInterpolation::Back: return &back;
    case KeyInterpolation::Bounce: return &bounce;
    case KeyInterpolation::Circ: return &circ;
    case KeyInterpolation::Cubic: return &cubic;
    case KeyInterpolation::Elastic: return &elastic;
    case KeyInterpolation::Expo: return &expo;
    case KeyInterpolation::Quad: return &quad;
    case KeyInterpolation::Quart: return &quart;
    case KeyInterpolation::Quint: return &quint;
    case KeyInterpolation::Sine: return &sine;
    default: return nullptr;
  }
}

/* ---- Bezier segments ---- */

/** Shortens handles longer (in x) than the segment, keeping their direction, so that x(t)
 * is monotonic and the segment a function of time. */
void correct_handles(float2 v1, float2 &v2, float2 &v3, float2 v4)
{
  const float2 h1 = v1 - v2, h2 = v4 - v3;
  const float len = v4.x - v1.x, len1 = std::abs(h1.x), len2 = std::abs(h2.x);
  if (len1 + len2 == 0.0f) {
    return;
  }
  if (len1 > len) {
    const float fac = len / len1;
    v2 = v1 - h1 * fac;
  }
  if (len2 > len) {
    const float fac = len / len2;
    v3 = v4 - h2 * fac;
  }
}

double cube_root(double d)
{
  if (d == 0.0) {
    return 0.0;
  }
  return d < 0 ? -std::exp(std::log(-d) / 3) : std::exp(std::log(d) / 3);
}

bool in_unit(float t) { return t >= -1.0e-10f && t <= 1.000001f; }

/** The first root in [0, 1] of c0 + c1 t + c2 t^2 + c3 t^3 (Cardano's formulas; roots tried
 * in a fixed order so the choice is deterministic). */
bool solve_cubic_unit(double c0, double c1, double c2, double c3, float *r_t)
{
  auto accept = [&](double t) {
    if (in_unit(float(t))) {
      *r_t = float(t);
      return true;
    }
    return false;
  };
  if (c3 != 0.0) {
    const double a = c2 / c3 / 3, b = c1 / c3, c = c0 / c3;
    const double p = b / 3 - a * a;
    const double q = (2 * a * a * a - a * b + c) / 2;
    const double disc = q * q + p * p * p;
    if (disc > 0.0) {
      const double s = std::sqrt(disc);
      return accept(cube_root(-q + s) + cube_root(-q - s) - a);
    }
    if (disc == 0.0) {
      const double s = cube_root(-q);
      return accept(2 * s - a) || accept(-s - a);
    }
    const double phi = std::acos(-q / std::sqrt(-(p * p * p)));
    const double s = std::sqrt(-p), cp = std::cos(phi / 3), sq = std::sqrt(3 - 3 * cp * cp);
    return accept(2 * s * cp - a) || accept(-s * (cp + sq) - a) || accept(-s * (cp - sq) - a);
  }
  if (c2 != 0.0) {
    const double disc = c1 * c1 - 4 * c2 * c0;
    if (disc > 0) {
      const double s = std::sqrt(disc);
      return accept((-c1 - s) / (2 * c2)) || accept((-c1 + s) / (2 * c2));
    }
    return disc == 0 && accept(-c1 / (2 * c2));
  }
  if (c1 != 0.0) {
    return accept(-c0 / c1);
  }
  if (c0 == 0.0) {
    *r_t = 0.0f;
    return true;
  }
  return false;
}

float bezier_segment(const BezTriple &a, const BezTriple &b, float frame)
{
  float2 v1 = a.co, v2 = a.handle_right, v3 = b.handle_left, v4 = b.co;
  if (std::abs(v1.y - v4.y) < FLT_EPSILON && std::abs(v2.y - v3.y) < FLT_EPSILON &&
      std::abs(v3.y - v4.y) < FLT_EPSILON)
  {
    return v1.y; /* flat */
  }
  correct_handles(v1, v2, v3, v4);
  /* Power-basis coefficients of x(t) - frame, computed in float as Blender does. */
  const float c0 = v1.x - frame;
  const float c1 = 3.0f * (v2.x - v1.x);
  const float c2 = 3.0f * (v1.x - 2.0f * v2.x + v3.x);
  const float c3 = v4.x - v1.x + 3.0f * (v2.x - v3.x);
  float t;
  if (!solve_cubic_unit(c0, c1, c2, c3, &t)) {
    return 0.0f;
  }
  const float y0 = v1.y, y1 = 3.0f * (v2.y - v1.y), y2 = 3.0f * (v1.y - 2.0f * v2.y + v3.y),
              y3 = v4.y - v1.y + 3.0f * (v2.y - v3.y);
  return y0 + t * y1 + t * t * y2 + t * t * t * y3;
}

/** Before the first key (`end` 0, `dir` +1) or after the last (`end` n-1, `dir` -1). */
float extrapolate(const FCurve &fcu, int end, int dir, float frame)
{
  const std::vector<BezTriple> &keys = fcu.keyframe_points;
  const BezTriple &key = keys[size_t(end)];
  if (key.interpolation == KeyInterpolation::Constant ||
      fcu.extrapolation == dna::FCurveExtrapolation::Constant ||
      (fcu.flag & dna::FCURVE_DISCRETE_VALUES))
  {
    return key.co.y;
  }
  const float dx = key.co.x - frame;
  if (key.interpolation == KeyInterpolation::Linear) {
    /* Continue the line through the neighbouring key. */
    if (keys.size() == 1) {
      return key.co.y;
    }
    const BezTriple &neighbor = keys[size_t(end + dir)];
    const float fac = neighbor.co.x - key.co.x;
    if (fac == 0.0f) {
      return key.co.y;
    }
    return key.co.y - ((neighbor.co.y - key.co.y) / fac) * dx;
  }
  /* Continue along the outer handle. */
  const float2 handle = dir > 0 ? key.handle_left : key.handle_right;
  const float fac = key.co.x - handle.x;
  if (fac == 0.0f) {
    return key.co.y;
  }
  return key.co.y - ((key.co.y - handle.y) / fac) * dx;
}

float interpolate(const FCurve &fcu, float frame)
{
  const std::vector<BezTriple> &keys = fcu.keyframe_points;
  bool exact = false;
  /* Blender's evaluation treats frames within 1e-4 of a key as on it. */
  const int a = fcurve_key_search(fcu, frame, 0.0001f, &exact);
  const BezTriple &next = keys[size_t(a)];
  if (exact) {
    return next.co.y;
  }
  const BezTriple &prev = a > 0 ? keys[size_t(a - 1)] : next;
  if (std::abs(next.co.x - frame) < 1.e-8f) {
    return next.co.y;
  }
  if (frame < prev.co.x || next.co.x < frame) {
    return 0.0f; /* unsorted keys */
  }
  const float begin = prev.co.y, change = next.co.y - prev.co.y;
  const float duration = next.co.x - prev.co.x, time = frame - prev.co.x;
  if (prev.interpolation == KeyInterpolation::Constant ||
      (fcu.flag & dna::FCURVE_DISCRETE_VALUES) || duration == 0.0f)
  {
    return prev.co.y;
  }
  if (prev.interpolation == KeyInterpolation::Bezier) {
    return bezier_segment(prev, next, frame);
  }
  if (prev.interpolation == KeyInterpolation::Linear) {
    return change * time / duration + begin;
  }
  const EasingFamily *family = easing_family(prev.interpolation);
  if (!family) {
    return prev.co.y;
  }
  KeyEasing easing = prev.easing == KeyEasing::Auto ? family->automatic : prev.easing;
  const Ease f = easing == KeyEasing::In  ? family->in :
                 easing == KeyEasing::Out ? family->out :
                                            family->in_out;
  return f(time, begin, change, duration, prev);
}

}  // namespace

int fcurve_key_search(const FCurve &fcu, float frame, float threshold, bool *r_exact)
{
  const std::vector<BezTriple> &keys = fcu.keyframe_points;
  *r_exact = false;
  const int n = int(keys.size());
  if (n == 0) {
    return 0;
  }
  auto near = [&](float x) { return std::abs(frame - x) <= threshold; };
  if (near(keys[0].co.x)) {
    *r_exact = true;
    return 0;
  }
  if (frame < keys[0].co.x) {
    return 0;
  }
  if (near(keys[size_t(n - 1)].co.x)) {
    *r_exact = true;
    return n - 1;
  }
  if (frame > keys[size_t(n - 1)].co.x) {
    return n;
  }
  int start = 0, end = n;
  for (int guard = 0; start <= end && guard < n * 2; guard++) {
    const int mid = start + (end - start) / 2;
    const float x = keys[size_t(mid)].co.x;
    if (near(x)) {
      *r_exact = true;
      return mid;
    }
    if (frame > x) {
      start = mid + 1;
    }
    else if (frame < x) {
      end = mid - 1;
    }
  }
  return start;
}

float fcurve_evaluate_keys(const FCurve &fcu, float frame)
{
  const std::vector<BezTriple> &keys = fcu.keyframe_points;
  if (keys.empty()) {
    return 0.0f;
  }
  if (frame <= keys.front().co.x) {
    return extrapolate(fcu, 0, +1, frame);
  }
  if (keys.back().co.x <= frame) {
    return extrapolate(fcu, int(keys.size()) - 1, -1, frame);
  }
  return interpolate(fcu, frame);
}

float fcurve_evaluate_ex(const FCurve &fcu, float frame, float base_value)
{
  float cycle_offset = 0.0f;
  const float time = fmodifiers_evaluate_time(fcu, frame, &cycle_offset);
  float value = fcu.keyframe_points.empty() ? base_value : fcurve_evaluate_keys(fcu, time);
  value = fmodifiers_evaluate_value(fcu, value, time, cycle_offset);
  if (fcu.flag & dna::FCURVE_INT_VALUES) {
    value = std::floor(value + 0.5f);
  }
  return value;
}

float fcurve_evaluate(const FCurve &fcu, float frame) { return fcurve_evaluate_ex(fcu, frame, 0.0f); }

float fcurve_evaluate_driver(const FCurve &fcu, float driver_value)
{
  float base = 0.0f;
  if (fcu.keyframe_points.empty()) {
    /* A 1:1 mapping, unless a range-restricted modifier is out of its range here. */
    bool pass_through = true;
    for (const auto &fcm : fcu.modifiers) {
      if (fcm->use_restricted_range &&
          !(fcm->frame_start <= driver_value && fcm->frame_end >= driver_value))
      {
        pass_through = false;
      }
    }
    if (pass_through) {
      base = driver_value;
    }
  }
  return fcurve_evaluate_ex(fcu, driver_value, base);
}

std::pair<float, float> fcurve_frame_range(const FCurve &fcu)
{
  if (fcu.keyframe_points.empty()) {
    return {0.0f, 0.0f};
  }
  return {fcu.keyframe_points.front().co.x, fcu.keyframe_points.back().co.x};
}

bool fcurve_is_empty(const FCurve &fcu)
{
  if (!fcu.keyframe_points.empty() || fcu.driver) {
    return false;
  }
  for (const auto &fcm : fcu.modifiers) {
    if (fcm->type == dna::FModifierType::Generator || fcm->type == dna::FModifierType::FnGenerator) {
      return false;
    }
  }
  return true;
}

}  // namespace whisk::kernel
