// Generic attribute storage: identifiers, unique names, add/remove/resize.

#include "whisk/kernel/attribute.hh"

#include <cstdio>
#include <algorithm>
#include <cstring>

#include "whisk/base/error.hh"

namespace whisk::kernel {

namespace {

constexpr const char *DOMAIN_IDS[] = {"POINT", "EDGE", "FACE", "CORNER", "CURVE", "INSTANCE"};
constexpr const char *TYPE_IDS[] = {"FLOAT",   "INT",    "FLOAT_VECTOR", "FLOAT_COLOR",
                                    "BYTE_COLOR", "STRING", "BOOLEAN",     "FLOAT2",
                                    "INT8",    "INT32_2D", "QUATERNION"};
static_assert(std::size(DOMAIN_IDS) == dna::ATTR_DOMAIN_COUNT);
static_assert(std::size(TYPE_IDS) == dna::ATTR_TYPE_COUNT);

/** Blender's custom-data type numbers, which order its attribute lists. */
int type_order(AttrType type)
{
  switch (type) {
    case AttrType::Float: return 10;
    case AttrType::Int: return 11;
    case AttrType::String: return 12;
    case AttrType::ByteColor: return 17;
    case AttrType::Int8: return 45;
    case AttrType::FloatColor: return 47;
    case AttrType::FloatVector: return 48;
    case AttrType::Float2: return 49;
    case AttrType::Bool: return 50;
    case AttrType::Int2: return 51;
    case AttrType::Quaternion: return 52;
  }
  return 100;
}

}  // namespace

const char *attr_domain_identifier(AttrDomain domain) { return DOMAIN_IDS[int(domain)]; }
const char *attr_type_identifier(AttrType type) { return TYPE_IDS[int(type)]; }

std::optional<AttrDomain> attr_domain_from_identifier(std::string_view identifier)
{
  for (int i = 0; i < dna::ATTR_DOMAIN_COUNT; i++) {
    if (identifier == DOMAIN_IDS[i]) {
      return AttrDomain(i);
    }
  }
  return std::nullopt;
}

std::optional<AttrType> attr_type_from_identifier(std::string_view identifier)
{
  for (int i = 0; i < dna::ATTR_TYPE_COUNT; i++) {
    if (identifier == TYPE_IDS[i]) {
      return AttrType(i);
    }
  }
  return std::nullopt;
}

std::string attribute_unique_name(const AttributeStorage &storage, std::string_view base)
{
  std::string name(base.substr(0, MAX_ATTRIBUTE_NAME));
  if (!storage.find(name)) {
    return name;
  }
  for (int number = 1;; number++) {
    char suffix[16];
    std::snprintf(suffix, sizeof(suffix), ".%03d", number);
    std::string stem = name;
    /* Cut the base so the suffix fits, on a UTF-8 character boundary. */
    size_t keep = std::min(stem.size(), MAX_ATTRIBUTE_NAME - std::strlen(suffix));
    while (keep > 0 && (static_cast<unsigned char>(stem[keep]) & 0xC0) == 0x80) {
      keep--;
    }
    stem.resize(keep);
    std::string candidate = stem + suffix;
    if (!storage.find(candidate)) {
      return candidate;
    }
  }
}

Attribute &attribute_add_shared(AttributeStorage &storage, std::string name, AttrDomain domain,
                                AttrType type, SharedArray<std::byte> values)
{
  if (storage.find(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", name, "\" already exists");
  }
  auto attribute = std::make_unique<Attribute>();
  attribute->name = std::move(name);
  attribute->domain = domain;
  attribute->type = type;
  attribute->data = std::move(values);
  /* Blender lists attributes by domain, then by type in its custom-data order, then by
   * creation; scripts that iterate `mesh.attributes` see the same order here. */
  const auto key = [](const Attribute &a) {
    return std::pair(int(a.domain), type_order(a.type));
  };
  auto it = std::find_if(storage.attributes.begin(), storage.attributes.end(),
                         [&](const auto &other) { return key(*attribute) < key(*other); });
  return **storage.attributes.insert(it, std::move(attribute));
}

Attribute &attribute_add(AttributeStorage &storage, std::string name, AttrDomain domain,
                         AttrType type, int64_t size)
{
  SharedArray<std::byte> values(size_t(size) * dna::attr_type_size(type), std::byte(0));
  return attribute_add_shared(storage, std::move(name), domain, type, std::move(values));
}

void attribute_fill_default(Attribute &attribute)
{
  if (attribute.type == AttrType::FloatColor) {
    std::ranges::fill(attribute.mutable_span<float4>(), float4(1, 1, 1, 1));
  }
  else if (attribute.type == AttrType::ByteColor) {
    std::ranges::fill(attribute.mutable_span<uchar4>(), uchar4{255, 255, 255, 255});
  }
  else if (attribute.type == AttrType::Quaternion) {
    std::ranges::fill(attribute.mutable_span<float4>(), float4(1, 0, 0, 0));
  }
}

bool attribute_remove(AttributeStorage &storage, std::string_view name)
{
  for (auto it = storage.attributes.begin(); it != storage.attributes.end(); ++it) {
    if ((*it)->name == name) {
      storage.attributes.erase(it);
      return true;
    }
  }
  return false;
}

void attributes_resize_domain(AttributeStorage &storage, AttrDomain domain, int64_t new_size)
{
  for (const auto &attribute : storage.attributes) {
    if (attribute->domain == domain) {
      attribute->data.resize(size_t(new_size) * dna::attr_type_size(attribute->type),
                             std::byte(0));
    }
  }
}

void attributes_gather_domain(AttributeStorage &storage, AttrDomain domain,
                              std::span<const int32_t> indices)
{
  for (const auto &attribute : storage.attributes) {
    if (attribute->domain != domain) {
      continue;
    }
    const size_t width = dna::attr_type_size(attribute->type);
    SharedArray<std::byte> gathered(indices.size() * width, SharedArray<std::byte>::NoInit());
    std::span<std::byte> dst = gathered.mutable_span();
    const std::byte *src = attribute->data.data();
    for (size_t i = 0; i < indices.size(); i++) {
      std::memcpy(dst.data() + i * width, src + size_t(indices[i]) * width, width);
    }
    attribute->data = std::move(gathered);
  }
}

}  // namespace whisk::kernel
