#include "defs.hh"

namespace whisk::rna {

void define_action(BlenderRNA &rna) {}

}  // namespace whisk::rna
