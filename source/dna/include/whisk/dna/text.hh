#pragma once
#include <string>

#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Text {
  static constexpr IDType id_type = IDType::Text;
  ID id;
  /** The whole body, lines separated by '\n'. */
  std::string body;
  char filepath[1024] = {};
  bool use_module = false;
  /* A new text has not been saved to its file: dirty, as in Blender. */
  bool is_dirty = true;
  bool is_modified = false;
  bool is_in_memory = true;
  int32_t current_line = 0;
  int32_t current_character = 0;
};

}  // namespace whisk::dna
