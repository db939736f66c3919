// Collection: its objects and child collections (with link/unlink), visibility flags,
// instance offset and outliner color.

#include "defs.hh"
#include "whisk/kernel/collection.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;
using kernel::Main;

namespace {

using D = StructDef<Collection>;

/** An object of the collection by name: through Main's name map when the name is local,
 * else by scanning (linked objects share names across libraries). */
std::optional<PointerRNA> lookup_object(const PointerRNA &p, std::string_view key)
{
  Collection &collection = D::data(p);
  if (p.main) {
    ID *id = p.main->find(IDType::Object, key);
    if (id && collection.objects.contains(reinterpret_cast<Object *>(id))) {
      return pointer_from_id(p.main, id);
    }
  }
  std::optional<PointerRNA> found;
  collection.objects.for_each([&](Object *object) {
    if (!found && key == object->id.name) {
      found = pointer_from_id(p.main, &object->id);
    }
  });
  return found;
}

void define_collection_objects(BlenderRNA &rna)
{
  StructDef<Collection> funcs = struct_<Collection>(rna, "CollectionObjects");
  funcs.ui("Collection Objects", "The objects a collection holds directly");
  const StructRNA *object_srna = rna.find("Object");

  FunctionRNA &link = funcs.function(
      "link", "Add an object to the collection", [](FunctionCall &call) {
        Collection &collection = D::data(call.self);
        Object *object = defs::id_argument<Object>(call, 0, "CollectionObjects.link", "object");
        kernel::collection_object_link(defs::main_of(call.self), &collection, object);
        kernel::id_tag_update(&collection.id, ID_RECALC_HIERARCHY);
      });
  parameter(link, "object", PropertyType::Pointer, object_srna, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("Object", "Object to add")
      .flag(PROP_NEVER_NULL);

  FunctionRNA &unlink = funcs.function(
      "unlink", "Remove an object from the collection", [](FunctionCall &call) {
        Collection &collection = D::data(call.self);
        Object *object = defs::id_argument<Object>(call, 0, "CollectionObjects.unlink",
                                                   "object");
        kernel::collection_object_unlink(defs::main_of(call.self), &collection, object);
        kernel::id_tag_update(&collection.id, ID_RECALC_HIERARCHY);
      });
  parameter(unlink, "object", PropertyType::Pointer, object_srna, PARM_REQUIRED)
      .ui("Object", "Object to remove");
}

void define_collection_children(BlenderRNA &rna)
{
  StructDef<Collection> funcs = struct_<Collection>(rna, "CollectionChildren");
  funcs.ui("Collection Children", "The collections nested directly in a collection");
  const StructRNA *collection_srna = rna.find("Collection");

  FunctionRNA &link = funcs.function(
      "link", "Nest a collection in this one", [](FunctionCall &call) {
        Collection &parent = D::data(call.self);
        Collection *child = defs::id_argument<Collection>(call, 0, "CollectionChildren.link",
                                                          "child");
        kernel::collection_child_link(defs::main_of(call.self), &parent, child);
        kernel::id_tag_update(&parent.id, ID_RECALC_HIERARCHY);
      });
  parameter(link, "child", PropertyType::Pointer, collection_srna, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("Child", "Collection to nest")
      .flag(PROP_NEVER_NULL);

  FunctionRNA &unlink = funcs.function(
      "unlink", "Take a nested collection out of this one", [](FunctionCall &call) {
        Collection &parent = D::data(call.self);
        Collection *child = defs::id_argument<Collection>(call, 0, "CollectionChildren.unlink",
                                                          "child");
        kernel::collection_child_unlink(defs::main_of(call.self), &parent, child);
        kernel::id_tag_update(&parent.id, ID_RECALC_HIERARCHY);
      });
  parameter(unlink, "child", PropertyType::Pointer, collection_srna, PARM_REQUIRED)
      .ui("Child", "Collection to take out");
}

}  // namespace

void define_collection(BlenderRNA &rna)
{
  define_collection_objects(rna);
  define_collection_children(rna);

  D def = struct_<Collection>(rna, "Collection");
  def.ui("Collection", "A set of objects and nested collections");

  def.floats("instance_offset", &Collection::instance_offset)
      .ui("Instance Offset", "Origin of the collection when an object instances it")
      .subtype(PropertySubtype::Translation)
      .unit(PropertyUnit::Length)
      .ui_step(10, 5)
      .recalc(ID_RECALC_TRANSFORM);

  def.collection(
         "objects", "Object",
         [](const PointerRNA &p) { return D::data(p).objects.size(); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_id(p.main, &D::data(p).objects.at(i)->id);
         },
         lookup_object)
      .functions(rna.find("CollectionObjects"))
      .ui("Objects", "Objects held directly by the collection, in link order");

  PropertyRNA *all_objects = def.add("all_objects", PropertyType::Collection)
                                 .ui("All Objects", "Objects of the collection and of every "
                                                    "collection nested in it, each once")
                                 .read_only()
                                 .get();
  all_objects->item_type = rna.find("Object");
  defs::id_vector_collection_accessors(all_objects, [](const PointerRNA &p) {
    std::vector<ID *> result;
    for (Object *object : kernel::collection_all_objects(&D::data(p))) {
      result.push_back(&object->id);
    }
    return result;
  });

  def.collection(
         "children", "Collection",
         [](const PointerRNA &p) { return int64_t(D::data(p).children.size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_id(p.main, &D::data(p).children.at(size_t(i))->id);
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           for (Collection *child : D::data(p).children) {
             if (key == child->id.name) {
               return pointer_from_id(p.main, &child->id);
             }
           }
           return std::nullopt;
         })
      .functions(rna.find("CollectionChildren"))
      .ui("Children", "Collections nested directly in this one");

  /* Visibility flags change which objects view layers show: their bases resync. */
  auto hierarchy_update = [](Main &main, const PointerRNA &) {
    kernel::collections_hierarchy_changed(main);
  };
  def.bit("hide_select", &Collection::flag, COLLECTION_HIDE_SELECT)
      .ui("Disable Selection", "Make the collection's objects unselectable in viewports")
      .not_animatable()
      .recalc(ID_RECALC_SELECT)
      .update(hierarchy_update);
  def.bit("hide_viewport", &Collection::flag, COLLECTION_HIDE_VIEWPORT)
      .ui("Disable in Viewports", "Hide the collection in every viewport, for all view layers")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS)
      .update(hierarchy_update);
  def.bit("hide_render", &Collection::flag, COLLECTION_HIDE_RENDER)
      .ui("Disable in Renders", "Leave the collection out of final renders")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS)
      .update(hierarchy_update);

  def.enumeration("color_tag", &Collection::color_tag,
                  {item("NONE", "None", -1, "No color tag"),
                   item("COLOR_01", "Color 01", 0), item("COLOR_02", "Color 02", 1),
                   item("COLOR_03", "Color 03", 2), item("COLOR_04", "Color 04", 3),
                   item("COLOR_05", "Color 05", 4), item("COLOR_06", "Color 06", 5),
                   item("COLOR_07", "Color 07", 6), item("COLOR_08", "Color 08", 7)})
      .ui("Collection Color", "Color tag shown for the collection in the outliner")
      .recalc(ID_RECALC_PARAMETERS);
}

}  // namespace whisk::rna
