#include "defs.hh"

namespace whisk::rna {

void define_world(BlenderRNA &rna) {}

}  // namespace whisk::rna
