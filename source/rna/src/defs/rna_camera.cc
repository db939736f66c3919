#include "defs.hh"

namespace whisk::rna {

void define_camera(BlenderRNA &rna) {}

}  // namespace whisk::rna
