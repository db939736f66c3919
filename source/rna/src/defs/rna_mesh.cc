#include "defs.hh"

namespace whisk::rna {

void define_mesh(BlenderRNA &rna) {}

}  // namespace whisk::rna
