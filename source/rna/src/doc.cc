#include "whisk/rna/doc.hh"

#include <sstream>

namespace whisk::rna {

static std::string float_array_type(const PropertyRNA &prop)
{
  const int length = prop.array_length();
  switch (prop.subtype) {
    case PropertySubtype::Matrix: return "mathutils.Matrix";
    case PropertySubtype::Euler: return length == 3 ? "mathutils.Euler" : "bpy_prop_array[float]";
    case PropertySubtype::Quaternion:
      return length == 4 ? "mathutils.Quaternion" : "bpy_prop_array[float]";
    case PropertySubtype::Color:
    case PropertySubtype::ColorGamma:
      return length == 3 ? "mathutils.Color" : "bpy_prop_array[float]";
    case PropertySubtype::Translation:
    case PropertySubtype::Direction:
    case PropertySubtype::Velocity:
    case PropertySubtype::Acceleration:
    case PropertySubtype::XYZ:
    case PropertySubtype::XYZLength:
    case PropertySubtype::Coords:
    case PropertySubtype::AxisAngle: return "mathutils.Vector";
    default: return "bpy_prop_array[float]";
  }
}

std::string python_type_of(const PropertyRNA &prop)
{
  const bool array = prop.is_array() || prop.dynamic_length;
  switch (prop.type) {
    case PropertyType::Boolean: return array ? "bpy_prop_array[bool]" : "bool";
    case PropertyType::Int: return array ? "bpy_prop_array[int]" : "int";
    case PropertyType::Float: return array ? float_array_type(prop) : "float";
    case PropertyType::String: return "str";
    case PropertyType::Enum: return prop.is_enum_flag() ? "set[str]" : "str";
    case PropertyType::Pointer: {
      const std::string item = prop.item_type ? prop.item_type->identifier : "bpy_struct";
      return (prop.flag & PROP_NEVER_NULL) ? item : item + " | None";
    }
    case PropertyType::Collection: {
      const std::string item = prop.item_type ? prop.item_type->identifier : "bpy_struct";
      return "bpy_prop_collection[" + item + "]";
    }
  }
  return "object";
}

static std::string one_line(const std::string &text)
{
  std::string out = text;
  for (char &c : out) {
    if (c == '\n' || c == '|') {
      c = ' ';
    }
  }
  return out;
}

static std::string enum_list(const PropertyRNA &prop)
{
  std::string out;
  for (const EnumItem &item : prop.enum_items) {
    out += (out.empty() ? "" : ", ") + std::string("`") + item.identifier + "`";
  }
  return out;
}

std::string generate_pyi(const BlenderRNA &rna)
{
  std::ostringstream out;
  out << "# Generated from Whisk's RNA declarations. Do not edit.\n"
         "from __future__ import annotations\n"
         "import mathutils\n"
         "from bpy.types import bpy_struct, bpy_prop_array, bpy_prop_collection\n\n";
  for (const StructRNA *srna : rna.structs()) {
    out << "class " << srna->identifier << "(" << (srna->base ? srna->base->identifier : "bpy_struct")
        << "):\n";
    out << "    \"\"\"" << one_line(srna->description.empty() ? srna->name : srna->description)
        << "\"\"\"\n";
    for (const auto &prop : srna->properties) {
      out << "    " << prop->identifier << ": " << python_type_of(*prop) << "\n";
      out << "    \"\"\"" << one_line(prop->description.empty() ? prop->name : prop->description)
          << (prop->is_editable() ? "" : " (read-only)") << "\"\"\"\n";
    }
    for (const auto &func : srna->functions) {
      out << "    def " << func->identifier << "(self";
      std::string result = "None";
      for (const auto &param : func->parameters) {
        if (param->flag & PARM_OUTPUT) {
          result = python_type_of(*param);
          continue;
        }
        out << ", " << param->identifier << ": " << python_type_of(*param);
        if (!(param->flag & PARM_REQUIRED)) {
          out << " = ...";
        }
      }
      out << ") -> " << result << ":\n";
      out << "        \"\"\"" << one_line(func->description) << "\"\"\"\n";
    }
    if (srna->properties.empty() && srna->functions.empty()) {
      out << "    ...\n";
    }
    out << "\n";
  }
  return out.str();
}

std::string generate_markdown(const BlenderRNA &rna)
{
  std::ostringstream out;
  out << "# Whisk API reference (bpy.types)\n\nGenerated from the RNA declarations.\n\n";
  for (const StructRNA *srna : rna.structs()) {
    out << "## " << srna->identifier;
    if (srna->base) {
      out << " (" << srna->base->identifier << ")";
    }
    out << "\n\n" << one_line(srna->description) << "\n\n";
    if (!srna->properties.empty()) {
      out << "| property | type | description |\n|---|---|---|\n";
      for (const auto &prop : srna->properties) {
        out << "| `" << prop->identifier << "` | " << python_type_of(*prop);
        if (prop->subtype != PropertySubtype::None) {
          out << ", " << property_subtype_name(prop->subtype);
        }
        if (prop->unit != PropertyUnit::None) {
          out << ", unit " << property_unit_name(prop->unit);
        }
        out << " | " << one_line(prop->description);
        if (prop->type == PropertyType::Enum && !prop->enum_items.empty()) {
          out << " One of " << enum_list(*prop) << ".";
        }
        if ((prop->type == PropertyType::Int || prop->type == PropertyType::Float) &&
            prop->hard_min > -1e30 && prop->hard_max < 1e30)
        {
          out << " Range [" << prop->hard_min << ", " << prop->hard_max << "].";
        }
        if (!prop->is_editable()) {
          out << " Read-only.";
        }
        out << " |\n";
      }
      out << "\n";
    }
    for (const auto &func : srna->functions) {
      out << "- `" << func->identifier << "(";
      bool first = true;
      for (const auto &param : func->parameters) {
        if (param->flag & PARM_OUTPUT) {
          continue;
        }
        out << (first ? "" : ", ") << param->identifier;
        first = false;
      }
      out << ")`: " << one_line(func->description) << "\n";
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace whisk::rna
