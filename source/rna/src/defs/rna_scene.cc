#include "defs.hh"

namespace whisk::rna {

void define_scene(BlenderRNA &rna) {}

}  // namespace whisk::rna
