// Writes the API reference and the bpy.types stubs: rna_doc <out.md> <out.pyi>.

#include <fstream>
#include <iostream>

#include "whisk/rna/doc.hh"

int main(int argc, char **argv)
{
  if (argc != 3) {
    std::cerr << "usage: whisk_rna_doc OUT.md OUT.pyi\n";
    return 2;
  }
  const whisk::rna::BlenderRNA &rna = whisk::rna::blender_rna();
  std::ofstream(argv[1]) << whisk::rna::generate_markdown(rna);
  std::ofstream(argv[2]) << whisk::rna::generate_pyi(rna);
  return 0;
}
