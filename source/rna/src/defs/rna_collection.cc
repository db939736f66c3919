#include "defs.hh"

namespace whisk::rna {

void define_collection(BlenderRNA &rna) {}

}  // namespace whisk::rna
