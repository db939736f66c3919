#pragma once
#include "whisk/dna/id.hh"

namespace whisk::dna {

/** A linked file. Its IDs carry `lib` pointing here. */
struct Library {
  static constexpr IDType id_type = IDType::Library;
  ID id;
  char filepath[1024] = {};
};

}  // namespace whisk::dna
