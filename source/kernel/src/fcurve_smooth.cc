// CONT_ACCEL handle smoothing: runs of free auto keys get handles that make the curve's
// acceleration continuous, as Blender's "Continuous Acceleration" smoothing does.
//
// In a run of keys k_0..k_m, the first pass already set every auto handle's x to a third of
// its interval, so x is linear in the Bezier parameter and each segment is a cubic in x.
// The unknown h_i is the height of key i's right handle above the key; its left handle sits
// at -h_i / l_i with l_i = dx_{i+1} / dx_i, which keeps the two handles on one line (C1).
// Equating the second derivatives at each inner key (C2) gives, for 0 < i < m,
//     l_i^2 h_{i-1} + 2 (l_i + 1) h_i + h_{i+1} / l_{i+1} = l_i^2 dy_i + dy_{i+1}.
// The run's ends are either fixed handles (a locked key: its height is given, and an x
// extent other than a third of the interval corrects the neighbouring equation) or free
// curve ends with zero acceleration. A whole cycle of free keys closes the system into a
// cyclic one. AUTO_CLAMPED handles are bounded (no reversal, no overshoot of the next key):
// the solver locks handles that leave their bounds and releases them again when the
// equations pull them back inside.

#include <cfloat>
#include <cmath>

#include "fcurve_intern.hh"

namespace whisk::kernel {

using dna::BezTriple;
using dna::HandleType;

namespace {

struct System {
  std::vector<float> a, b, c, d;
  explicit System(int n) : a(size_t(n)), b(size_t(n)), c(size_t(n)), d(size_t(n)) {}
  void lock(int i, float value)
  {
    a[size_t(i)] = c[size_t(i)] = 0.0f;
    b[size_t(i)] = 1.0f;
    d[size_t(i)] = value;
  }
};

/** Thomas algorithm in double precision; false when the result is not finite. */
bool solve_tridiagonal(const float *a, const float *b, const float *c, const float *d, float *x,
                       int n)
{
  std::vector<double> cp(static_cast<size_t>(n)), dp(static_cast<size_t>(n));
  cp[0] = double(c[0]) / b[0];
  dp[0] = double(d[0]) / b[0];
  for (int i = 1; i < n; i++) {
    const double den = b[i] - a[i] * cp[size_t(i - 1)];
    cp[size_t(i)] = c[i] / den;
    dp[size_t(i)] = (d[i] - a[i] * dp[size_t(i - 1)]) / den;
  }
  double last = dp[size_t(n - 1)];
  x[n - 1] = float(last);
  for (int i = n - 2; i >= 0; i--) {
    last = dp[size_t(i)] - cp[size_t(i)] * last;
    x[i] = float(last);
  }
  return std::isfinite(last);
}

/** A cyclic tridiagonal system (a[0] couples to x[n-1], c[n-1] to x[0]), solved with the
 * Sherman-Morrison correction of the open system. */
bool solve_cyclic(const System &s, std::vector<float> &x)
{
  const int n = int(s.b.size());
  if (n == 1) {
    /* One unknown coupled to itself on both sides (a cycle of two keys). */
    x[0] = s.d[0] / (s.a[0] + s.b[0] + s.c[0]);
    return std::isfinite(x[0]);
  }
  const float a0 = s.a[0], cn = s.c[size_t(n - 1)];
  if (a0 == 0.0f && cn == 0.0f) {
    return solve_tridiagonal(s.a.data(), s.b.data(), s.c.data(), s.d.data(), x.data(), n);
  }
  std::vector<float> b2 = s.b, u(static_cast<size_t>(n), 0.0f), z(static_cast<size_t>(n));
  b2[0] -= a0;
  b2[size_t(n - 1)] -= cn;
  u[0] = a0;
  u[size_t(n - 1)] = cn;
  if (!solve_tridiagonal(s.a.data(), b2.data(), s.c.data(), u.data(), z.data(), n) ||
      !solve_tridiagonal(s.a.data(), b2.data(), s.c.data(), s.d.data(), x.data(), n))
  {
    return false;
  }
  const float k = (x[0] + x[size_t(n - 1)]) / (1.0f + z[0] + z[size_t(n - 1)]);
  for (int i = 0; i < n; i++) {
    x[size_t(i)] -= k * z[size_t(i)];
  }
  return true;
}

/** Solves with the bounds: out-of-bounds unknowns are locked to their bound and the system
 * solved again; locked ones the equations would pull back inside are released (at most
 * twice each, so it ends). */
bool solve_with_limits(System &s, std::vector<float> &h, const std::vector<float> &hmin,
                       const std::vector<float> &hmax)
{
  const int n = int(s.b.size());
  const System original = s;
  std::vector<uint8_t> is_locked(static_cast<size_t>(n), 0), unlocks(static_cast<size_t>(n), 0);
  bool overshoot, unlocked;
  do {
    if (!solve_cyclic(s, h)) {
      return false;
    }
    bool all = false, locked = false;
    overshoot = unlocked = false;
    do {
      for (int i = 0; i < n; i++) {
        if (h[size_t(i)] >= hmin[size_t(i)] && h[size_t(i)] <= hmax[size_t(i)]) {
          continue;
        }
        overshoot = true;
        const float target = h[size_t(i)] > hmax[size_t(i)] ? hmax[size_t(i)] : hmin[size_t(i)];
        /* Prefer locking handles that keep a direction; flatten only if none do. */
        if (target != 0.0f || all) {
          is_locked[size_t(i)] = 1;
          s.lock(i, target);
          locked = true;
        }
      }
      all = true;
    } while (overshoot && !locked);

    if (!locked) {
      for (int i = 0; i < n; i++) {
        if (!is_locked[size_t(i)] || unlocks[size_t(i)] >= 2) {
          continue;
        }
        const float lhs = original.a[size_t(i)] * h[size_t((i + n - 1) % n)] +
                          original.b[size_t(i)] * h[size_t(i)] +
                          original.c[size_t(i)] * h[size_t((i + 1) % n)];
        const float relax = (original.d[size_t(i)] - lhs) * original.b[size_t(i)];
        if ((relax > 0 && h[size_t(i)] < hmax[size_t(i)]) ||
            (relax < 0 && h[size_t(i)] > hmin[size_t(i)]))
        {
          s.a[size_t(i)] = original.a[size_t(i)];
          s.b[size_t(i)] = original.b[size_t(i)];
          s.c[size_t(i)] = original.c[size_t(i)];
          s.d[size_t(i)] = original.d[size_t(i)];
          is_locked[size_t(i)] = 0;
          unlocks[size_t(i)]++;
          unlocked = true;
        }
      }
    }
  } while (overshoot || unlocked);
  return true;
}

/** Bounds of a handle height going towards a key `dy` higher: no reversal and no overshoot
 * when the key is clamped. */
void clamp_range(std::vector<float> &hmax, std::vector<float> &hmin, int i, float dy, bool clamped)
{
  if (!clamped) {
    return;
  }
  if (dy > 0) {
    hmax[size_t(i)] = std::min(hmax[size_t(i)], dy);
    hmin[size_t(i)] = 0.0f;
  }
  else if (dy < 0) {
    hmax[size_t(i)] = 0.0f;
    hmin[size_t(i)] = std::max(hmin[size_t(i)], dy);
  }
  else {
    hmax[size_t(i)] = hmin[size_t(i)] = 0.0f;
  }
}

bool has_clamped(const BezTriple &key)
{
  return key.handle_left_type == HandleType::AutoClamped ||
         key.handle_right_type == HandleType::AutoClamped;
}

/** Correction of a fixed end handle whose x extent is not a third of the interval (it
 * curves x(t)); handles too long for the interval are first scaled to fit. */
float handle_adjust(float2 &size, float dx)
{
  const float fac = dx / (size.x + dx / 3.0f);
  if (fac < 1.0f) {
    size = size * fac;
  }
  return 1.0f - 3.0f * size.x / dx;
}

/** Sets one handle's height to key + dy (when it is an auto or vector handle), then turns
 * an aligned other handle to match, or mirrors it at the ends of the curve. */
void output_handle(BezTriple &key, bool right, float dy, bool endpoint)
{
  const HandleType own = right ? key.handle_right_type : key.handle_left_type;
  const HandleType other = right ? key.handle_left_type : key.handle_right_type;
  if (!is_auto(own) && own != HandleType::Vector) {
    return;
  }
  float2 &handle = right ? key.handle_right : key.handle_left;
  float2 &opposite = right ? key.handle_left : key.handle_right;
  handle.y = key.co.y + dy;
  const float2 back = key.co - handle;
  if (other == HandleType::Aligned) {
    const float2 o = opposite - key.co;
    const float len_other = std::sqrt(o.x * o.x + o.y * o.y);
    const float len_own = std::sqrt(back.x * back.x + back.y * back.y);
    opposite = key.co + back * (len_other / len_own);
  }
  else if (endpoint && (is_auto(other) || other == HandleType::Vector)) {
    opposite = key.co + back;
  }
}

/** Whether a run's end key is solved (free curve end or vector handle) rather than fixed. */
bool solve_end(const BezTriple &key, HandleType type, bool curve_end, bool locked)
{
  return type == HandleType::Vector || (curve_end && is_auto(type) && !locked);
}

/** Smooths the run of `count` keys from `start` (wrapping past the last key, which is the
 * first one again, on cyclic curves). */
void smooth_run(std::vector<BezTriple> &keys, const std::vector<uint8_t> &locked, int start,
                int count, bool cycle)
{
  const int total = int(keys.size());
  if (count < 2) {
    return;
  }
  const bool full_cycle = start == 0 && count == total && cycle;
  const int last_index = start + count > total ? start + count - total : start + count - 1;
  BezTriple &first = keys[size_t(start)];
  BezTriple &last = keys[size_t(last_index)];
  bool solve_first = solve_end(first, first.handle_right_type, start == 0, locked[size_t(start)]);
  bool solve_last = solve_end(last, last.handle_left_type, start + count == total,
                              locked[size_t(last_index)]);
  if (count == 2 && !full_cycle && solve_first == solve_last) {
    return;
  }

  const size_t n = size_t(count);
  std::vector<float> dx(n, NAN), dy(n, NAN), l(n), hmin(n, -FLT_MAX), hmax(n, FLT_MAX);
  for (int i = 1, j = start + 1; i < count; i++, j++) {
    dx[size_t(i)] = keys[size_t(j)].co.x - keys[size_t(j - 1)].co.x;
    dy[size_t(i)] = keys[size_t(j)].co.y - keys[size_t(j - 1)].co.y;
    if (cycle && j == total - 1) {
      j = 0;
    }
  }
  if (full_cycle) {
    dx[0] = dx[n - 1];
    dy[0] = dy[n - 1];
    l[0] = l[n - 1] = dx[1] / dx[0];
  }
  else {
    l[0] = l[n - 1] = 1.0f;
  }
  for (size_t i = 1; i + 1 < n; i++) {
    l[i] = dx[i + 1] / dx[i];
  }

  bool clamped_prev = false, clamped_cur = has_clamped(first);
  for (int i = 1, j = start + 1; i < count; i++, j++) {
    clamped_prev = clamped_cur;
    clamped_cur = has_clamped(keys[size_t(j)]);
    if (cycle && j == total - 1) {
      j = 0;
      clamped_cur = clamped_cur || has_clamped(keys[0]);
    }
    clamp_range(hmax, hmin, i - 1, dy[size_t(i)], clamped_prev);
    clamp_range(hmax, hmin, i, dy[size_t(i)] * l[size_t(i)], clamped_cur);
  }

  System s(count);
  auto continuous = [&](int i) {
    const size_t k = size_t(i);
    s.a[k] = l[k] * l[k];
    s.b[k] = 2.0f * (l[k] + 1.0f);
    s.c[k] = 1.0f / l[k + 1];
    s.d[k] = dy[k] * l[k] * l[k] + dy[k + 1];
  };
  int solve_count = count;
  float first_adj = 0.0f, last_adj = 0.0f;
  if (full_cycle) {
    /* The last key is the first one again: one unknown less. */
    solve_count = count - 1;
    hmin[0] = std::max(hmin[0], hmin[size_t(solve_count)]);
    hmax[0] = std::min(hmax[0], hmax[size_t(solve_count)]);
    solve_first = solve_last = true;
    continuous(0);
  }
  else {
    if (!solve_first) {
      float2 size = first.handle_right - first.co;
      first_adj = handle_adjust(size, dx[1]);
      s.lock(0, size.y);
    }
    else {
      /* Zero acceleration where the curve starts. */
      s.a[0] = 0.0f;
      s.b[0] = 2.0f;
      s.c[0] = 1.0f / l[1];
      s.d[0] = dy[1];
    }
    if (!solve_last) {
      float2 size = last.co - last.handle_left;
      last_adj = handle_adjust(size, dx[n - 1]);
      s.lock(count - 1, size.y);
    }
    else {
      const float ll = l[n - 1];
      s.a[n - 1] = ll * ll;
      s.b[n - 1] = 2.0f * ll;
      s.c[n - 1] = 0.0f;
      s.d[n - 1] = dy[n - 1] * ll * ll;
    }
  }
  for (int i = 1; i < count - 1; i++) {
    continuous(i);
  }
  if (!full_cycle) {
    if (count > 2 || solve_last) {
      s.b[1] += l[1] * first_adj;
    }
    if (count > 2 || solve_first) {
      s.b[n - 2] += last_adj;
    }
  }

  s.a.resize(size_t(solve_count));
  s.b.resize(size_t(solve_count));
  s.c.resize(size_t(solve_count));
  s.d.resize(size_t(solve_count));
  std::vector<float> h(static_cast<size_t>(solve_count));
  std::vector<float> lo(hmin.begin(), hmin.begin() + solve_count);
  std::vector<float> hi(hmax.begin(), hmax.begin() + solve_count);
  if (!solve_with_limits(s, h, lo, hi)) {
    return;
  }
  h.resize(n);
  if (full_cycle) {
    h[n - 1] = h[0];
  }
  for (int i = 1, j = start + 1; i < count - 1; i++, j++) {
    const bool end = j == total - 1;
    output_handle(keys[size_t(j)], false, -h[size_t(i)] / l[size_t(i)], end);
    if (end) {
      j = 0;
    }
    output_handle(keys[size_t(j)], true, h[size_t(i)], end);
  }
  if (solve_first) {
    output_handle(first, true, h[0], start == 0);
  }
  if (solve_last) {
    output_handle(last, false, -h[n - 1] / l[n - 1], start + count == total);
  }
}

}  // namespace

void fcurve_smooth_handles(std::vector<BezTriple> &keys, const std::vector<uint8_t> &locked,
                           bool cyclic)
{
  const int total = int(keys.size());
  auto is_free = [&](int i) { return both_auto(keys[size_t(i)]) && !locked[size_t(i)]; };
  /* Cycling only joins the ends when both are free. */
  cyclic = cyclic && is_free(0) && is_free(total - 1);
  int base = 0;
  if (cyclic) {
    for (int i = 1; i < total - 1; i++) {
      if (!is_free(i)) {
        base = i;
        break;
      }
    }
    if (base == 0) {
      smooth_run(keys, locked, 0, total, true);
      return;
    }
  }
  /* Runs of free keys between fixed ones; on a cycle they may cross the boundary. */
  int start = base, count = 1;
  for (int i = 1, j = start + 1; i < total; i++, j++) {
    if (j == total - 1 && cyclic) {
      j = 0;
    }
    if (!is_free(j)) {
      smooth_run(keys, locked, start, count + 1, cyclic);
      start = j;
      count = 1;
    }
    else {
      count++;
    }
  }
  if (count > 1) {
    smooth_run(keys, locked, start, count, cyclic);
  }
}

}  // namespace whisk::kernel
