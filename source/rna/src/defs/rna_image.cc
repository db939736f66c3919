#include "defs.hh"

namespace whisk::rna {

void define_image(BlenderRNA &rna) {}

}  // namespace whisk::rna
