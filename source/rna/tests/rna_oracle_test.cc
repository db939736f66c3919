// Every RNA declaration against Blender 3.4: the metadata in rna_schema.json and the
// values of startup and freshly created data-blocks in startup_scene.json and
// new_ids.json (generators in tools/oracle/). A declaration that disagrees fails here.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/access.hh"

using namespace whisk;
using namespace whisk::rna;
using nlohmann::json;

static json load_fixture(const char *name)
{
  std::ifstream file(std::string(WHISK_FIXTURE_DIR) + "/" + name);
  EXPECT_TRUE(file.good()) << name;
  return json::parse(file);
}

/* Whisk-only properties, on purpose: session_uid is Blender 4.x API; the Object ones
 * Blender defines in Python (bpy_types.py), Whisk declares once in RNA instead. */
static const std::set<std::string> whisk_only = {
    "ID.session_uid", "Object.users_collection", "Object.users_scene", "Object.children",
    /* Blender 4 API that 3.4 lacks. */
    "MeshLoopTriangle.center", "Attribute.is_required", "MeshUVLoopLayer.uv"};

/* Declarations that follow Blender 4 where 3.4 differs. is_loose is derived from the faces
 * and read-only in 4 (3.4 stored a flag); loop normals are read-only until custom normals
 * land (3.4 writes custom split normals through them). */
static const std::set<std::string> blender4_read_only = {"MeshEdge.is_loose", "MeshLoop.normal"};
/* Enum items Blender 4 added (attribute types 3.4 does not have). */
static const std::set<std::string> blender4_items = {"INT32_2D", "QUATERNION"};

static const json *fixture_property(const json &schema, const StructRNA *srna,
                                    const std::string &identifier)
{
  for (const StructRNA *s = srna; s; s = s->base) {
    auto it = schema["structs"].find(s->identifier);
    if (it == schema["structs"].end()) {
      continue;
    }
    for (const json &prop : (*it)["properties"]) {
      if (prop["identifier"] == identifier) {
        return &prop;
      }
    }
  }
  return nullptr;
}

static bool near(double a, double b)
{
  if (std::isinf(a) || std::isinf(b) || std::abs(a) > 1e30 || std::abs(b) > 1e30) {
    return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
  }
  return std::abs(a - b) <= 1e-5 * std::max(1.0, std::abs(b));
}

TEST(rna_oracle, metadata_matches_blender)
{
  const json schema = load_fixture("rna_schema.json");
  int compared = 0;
  for (const StructRNA *srna : blender_rna().structs()) {
    if (!schema["structs"].contains(srna->identifier)) {
      continue;
    }
    for (const auto &prop : srna->properties) {
      const std::string where = srna->identifier + "." + prop->identifier;
      const json *theirs = fixture_property(schema, srna, prop->identifier);
      if (!theirs) {
        EXPECT_TRUE(whisk_only.count(where)) << where << " is not a Blender property";
        continue;
      }
      compared++;
      EXPECT_EQ(property_type_name(prop->type), (*theirs)["type"].get<std::string>()) << where;
      EXPECT_EQ(property_subtype_name(prop->subtype), (*theirs)["subtype"].get<std::string>())
          << where;
      EXPECT_EQ(property_unit_name(prop->unit), (*theirs)["unit"].get<std::string>()) << where;
      if (!blender4_read_only.count(where)) {
        EXPECT_EQ(!prop->is_editable(), (*theirs)["is_readonly"].get<bool>()) << where;
      }
      if (prop->type != PropertyType::Collection && prop->type != PropertyType::Pointer) {
        EXPECT_EQ(prop->is_animatable(), (*theirs)["is_animatable"].get<bool>()) << where;
      }
      if (theirs->contains("array_length") && !prop->dynamic_length) {
        EXPECT_EQ(prop->array_length(), (*theirs)["array_length"].get<int>()) << where;
      }
      if (prop->type == PropertyType::Int || prop->type == PropertyType::Float) {
        EXPECT_TRUE(near(prop->hard_min, (*theirs)["hard_min"].get<double>())) << where;
        EXPECT_TRUE(near(prop->hard_max, (*theirs)["hard_max"].get<double>())) << where;
        EXPECT_TRUE(near(prop->soft_min, (*theirs)["soft_min"].get<double>())) << where;
        EXPECT_TRUE(near(prop->soft_max, (*theirs)["soft_max"].get<double>())) << where;
      }
      if (prop->type == PropertyType::Enum) {
        std::set<std::string> blender_items;
        for (const json &item : (*theirs)["enum_items"]) {
          blender_items.insert(item["identifier"].get<std::string>());
        }
        for (const EnumItem &item : prop->enum_items) {
          EXPECT_TRUE(blender_items.count(item.identifier) || blender4_items.count(item.identifier))
              << where << " item " << item.identifier << " is not Blender's";
        }
        EXPECT_EQ(prop->is_enum_flag(), (*theirs)["is_enum_flag"].get<bool>()) << where;
      }
      if (prop->type == PropertyType::Pointer || prop->type == PropertyType::Collection) {
        ASSERT_NE(prop->item_type, nullptr) << where;
        EXPECT_EQ(prop->item_type->identifier, (*theirs)["fixed_type"].get<std::string>())
            << where;
      }
    }
  }
  EXPECT_GT(compared, 100);
}

/* ---- Values, serialized the way tools/oracle/gen_startup.py writes them ---- */

static json serialize(const PointerRNA &ptr, int depth);

static json float_value(double v)
{
  return v;
}

static json property_value(const PointerRNA &ptr, const PropertyRNA &prop, int depth)
{
  switch (prop.type) {
    case PropertyType::Boolean:
    case PropertyType::Int:
    case PropertyType::Float: {
      const int length = property_array_length(ptr, prop);
      auto element = [&](int i) -> json {
        if (prop.type == PropertyType::Boolean) {
          return get_bool(ptr, prop, i);
        }
        if (prop.type == PropertyType::Int) {
          return get_int(ptr, prop, i);
        }
        return float_value(get_float(ptr, prop, i));
      };
      if (length == 0) {
        return element(0);
      }
      if (prop.array_dimensions[1]) {
        /* Column-major storage; mathutils prints rows. */
        const int rows = prop.array_dimensions[1], cols = prop.array_dimensions[0];
        json matrix = json::array();
        for (int r = 0; r < rows; r++) {
          json row = json::array();
          for (int c = 0; c < cols; c++) {
            row.push_back(element(c * rows + r));
          }
          matrix.push_back(row);
        }
        return matrix;
      }
      json list = json::array();
      for (int i = 0; i < length; i++) {
        list.push_back(element(i));
      }
      return list;
    }
    case PropertyType::String: return get_string(ptr, prop);
    case PropertyType::Enum: {
      std::vector<std::string> ids = get_enum_identifiers(ptr, prop);
      if (prop.is_enum_flag()) {
        std::sort(ids.begin(), ids.end());
        return ids;
      }
      /* A value matching no item reads as "" in Blender. */
      return ids.empty() ? json("") : json(ids[0]);
    }
    case PropertyType::Pointer: {
      PointerRNA target = get_pointer(ptr, prop);
      if (target.is_null()) {
        return nullptr;
      }
      if (target.type->id_type) {
        return static_cast<dna::ID *>(target.data)->name;
      }
      return depth < 4 ? serialize(target, depth + 1) : json(nullptr);
    }
    case PropertyType::Collection: {
      json list = json::array();
      const int64_t length = collection_length(ptr, prop);
      for (int64_t i = 0; i < length; i++) {
        PointerRNA item = collection_at(ptr, prop, i);
        if (item.type->name_property) {
          list.push_back(get_string(item, *item.type->name_property));
        }
      }
      return list;
    }
  }
  return nullptr;
}

static json serialize(const PointerRNA &ptr, int depth)
{
  json result = json::object();
  for (const PropertyRNA *prop : ptr.type->all_properties()) {
    result[prop->identifier] = property_value(ptr, *prop, depth);
  }
  return result;
}

/* Values that depend on the machine Blender ran on, not on Whisk. */
static bool machine_dependent(const std::string &where)
{
  return where.size() >= 15 && where.compare(where.size() - 15, 15, ".render.threads") == 0;
}

/* Compares what Whisk declares with what Blender printed; returns mismatch count. */
static int compare(const json &ours, const json &theirs, const std::string &where)
{
  int mismatches = 0;
  if (machine_dependent(where)) {
    return 0;
  }
  if (ours.is_object()) {
    for (auto &[key, value] : ours.items()) {
      if (!theirs.is_object() || !theirs.contains(key)) {
        continue; /* metadata test reports unknown properties */
      }
      mismatches += compare(value, theirs[key], where + "." + key);
    }
    return mismatches;
  }
  if (ours.is_array() && theirs.is_array() && ours.size() == theirs.size()) {
    for (size_t i = 0; i < ours.size(); i++) {
      mismatches += compare(ours[i], theirs[i], where + "[" + std::to_string(i) + "]");
    }
    return mismatches;
  }
  if (ours.is_number() && theirs.is_number()) {
    if (near(ours.get<double>(), theirs.get<double>())) {
      return 0;
    }
  }
  else if (ours == theirs) {
    return 0;
  }
  ADD_FAILURE() << where << ": Whisk " << ours.dump() << ", Blender " << theirs.dump();
  return 1;
}

TEST(rna_oracle, startup_values_match_blender)
{
  const json fixture = load_fixture("startup_scene.json");
  kernel::Main bmain;
  kernel::build_factory_startup(bmain);
  int compared = 0;
  bmain.for_each_id([&](dna::ID *id) {
    const char *plural = kernel::id_type_info(id->type).name_plural;
    const json &list = fixture["ids"][plural];
    for (const json &record : list) {
      if (record["name"] == id->name) {
        if (!record.contains("properties")) {
          continue; /* the generator records only counts for meshes */
        }
        compare(serialize(pointer_from_id(&bmain, id), 0), record["properties"],
                std::string(plural) + "[\"" + id->name + "\"]");
        compared++;
      }
    }
  });
  EXPECT_GE(compared, 8);
}

TEST(rna_oracle, new_id_values_match_blender)
{
  const json fixture = load_fixture("new_ids.json");
  kernel::Main bmain;
  auto check = [&](const char *key, dna::ID *id) {
    ASSERT_TRUE(fixture["ids"].contains(key)) << key;
    if (!fixture["ids"][key].contains("properties")) {
      return; /* the generator records only counts for meshes */
    }
    compare(serialize(pointer_from_id(&bmain, id), 0), fixture["ids"][key]["properties"], key);
  };
  dna::Mesh *mesh = kernel::id_new<dna::Mesh>(bmain, "NewMesh");
  check("objects:empty", &kernel::object_new(bmain, "NewEmpty", nullptr)->id);
  check("objects:mesh", &kernel::object_new(bmain, "NewMeshObject", &mesh->id)->id);
  check("meshes:mesh", &mesh->id);
  check("cameras:camera", kernel::id_new(bmain, dna::IDType::Camera, "NewCamera"));
  const char *light_types[] = {"POINT", "SUN", "SPOT", "AREA"};
  const char *light_keys[] = {"lights:point", "lights:sun", "lights:spot", "lights:area"};
  for (int i = 0; i < 4; i++) {
    dna::ID *light = kernel::id_new(bmain, dna::IDType::Light, std::string("New") + light_types[i]);
    PointerRNA ptr = pointer_from_id(&bmain, light);
    const PropertyRNA *type = ptr.type->find_property("type");
    ASSERT_NE(type, nullptr);
    set_enum_identifier(ptr, *type, light_types[i]);
    check(light_keys[i], light);
  }
  check("materials:material", kernel::id_new(bmain, dna::IDType::Material, "NewMaterial"));
  check("worlds:world", kernel::id_new(bmain, dna::IDType::World, "NewWorld"));
  check("collections:collection", kernel::id_new(bmain, dna::IDType::Collection, "NewCollection"));
  check("scenes:scene", kernel::id_new(bmain, dna::IDType::Scene, "NewScene"));
  check("actions:action", kernel::id_new(bmain, dna::IDType::Action, "NewAction"));
  check("texts:text", kernel::id_new(bmain, dna::IDType::Text, "NewText"));
  check("pointclouds:pointcloud",
        kernel::id_new(bmain, dna::IDType::PointCloud, "NewPointCloud"));
}
