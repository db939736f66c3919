// The reference and stubs come from the declarations: what is declared appears, typed.

#include <gtest/gtest.h>

#include "whisk/rna/doc.hh"

using namespace whisk::rna;

TEST(rna_doc, stubs_type_every_declared_property)
{
  const std::string pyi = generate_pyi(blender_rna());
  EXPECT_NE(pyi.find("class Object(ID):"), std::string::npos);
  EXPECT_NE(pyi.find("    location: mathutils.Vector\n"), std::string::npos);
  EXPECT_NE(pyi.find("    rotation_quaternion: mathutils.Quaternion\n"), std::string::npos);
  EXPECT_NE(pyi.find("    matrix_world: mathutils.Matrix\n"), std::string::npos);
  EXPECT_NE(pyi.find("    parent: Object | None\n"), std::string::npos);
  EXPECT_NE(pyi.find("    material_slots: bpy_prop_collection[MaterialSlot]\n"), std::string::npos);
  EXPECT_NE(pyi.find("    def select_set(self, state: bool, view_layer: ViewLayer | None = ...) -> None:"),
            std::string::npos);
  for (const StructRNA *srna : blender_rna().structs()) {
    EXPECT_NE(pyi.find("class " + srna->identifier + "("), std::string::npos) << srna->identifier;
    for (const auto &prop : srna->properties) {
      EXPECT_NE(pyi.find("    " + prop->identifier + ": "), std::string::npos)
          << srna->identifier << "." << prop->identifier;
    }
  }
}

TEST(rna_doc, markdown_lists_ranges_and_items)
{
  const std::string md = generate_markdown(blender_rna());
  EXPECT_NE(md.find("## Object (ID)"), std::string::npos);
  EXPECT_NE(md.find("`rotation_mode`"), std::string::npos);
  EXPECT_NE(md.find("`AXIS_ANGLE`"), std::string::npos);
  EXPECT_NE(md.find("Range [0, 32767]"), std::string::npos);
}
