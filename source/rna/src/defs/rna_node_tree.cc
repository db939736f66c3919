#include "defs.hh"

namespace whisk::rna {

void define_node_tree(BlenderRNA &rna) {}

}  // namespace whisk::rna
