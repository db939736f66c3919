#include "defs.hh"

namespace whisk::rna {

void define_text(BlenderRNA &rna) {}

}  // namespace whisk::rna
