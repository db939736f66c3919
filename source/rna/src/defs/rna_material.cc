#include "defs.hh"

namespace whisk::rna {

void define_material(BlenderRNA &rna) {}

}  // namespace whisk::rna
