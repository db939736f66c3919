#include "whisk/kernel/relations.hh"

namespace whisk::kernel {

void Relations::add(ID *target, ID *referrer)
{
  referrers_[target][referrer]++;
}

void Relations::remove(ID *target, ID *referrer)
{
  auto it = referrers_.find(target);
  if (it == referrers_.end()) {
    return;
  }
  auto ref = it->second.find(referrer);
  if (ref == it->second.end()) {
    return;
  }
  if (--ref->second == 0) {
    it->second.erase(ref);
    if (it->second.empty()) {
      referrers_.erase(it);
    }
  }
}

std::vector<ID *> Relations::referrers_of(const ID *target) const
{
  std::vector<ID *> result;
  auto it = referrers_.find(target);
  if (it != referrers_.end()) {
    result.reserve(it->second.size());
    for (const auto &[referrer, count] : it->second) {
      result.push_back(referrer);
    }
  }
  return result;
}

bool Relations::has_referrers(const ID *target) const
{
  return referrers_.count(target) != 0;
}

size_t Relations::pair_count() const
{
  size_t count = 0;
  for (const auto &[target, referrers] : referrers_) {
    count += referrers.size();
  }
  return count;
}

}  // namespace whisk::kernel
