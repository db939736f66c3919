#include "defs.hh"

namespace whisk::rna {

void define_light(BlenderRNA &rna) {}

}  // namespace whisk::rna
