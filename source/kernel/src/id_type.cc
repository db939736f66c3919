#include "whisk/kernel/id_type.hh"

#include <cstring>

#include "types/type_helpers.hh"

namespace whisk::kernel {

static const IDTypeInfo *const all_types[dna::ID_TYPE_COUNT] = {
    &IDType_LI, &IDType_SCE, &IDType_GR, &IDType_OB, &IDType_ME, &IDType_CA, &IDType_LA,
    &IDType_MA, &IDType_WO,  &IDType_IM, &IDType_AC, &IDType_TXT, &IDType_NT,
    &IDType_PT,
};

const IDTypeInfo &id_type_info(IDType type)
{
  return *all_types[size_t(type)];
}

const IDTypeInfo *id_type_info_from_code(const char *code)
{
  for (const IDTypeInfo *info : all_types) {
    if (std::strcmp(info->code, code) == 0) {
      return info;
    }
  }
  return nullptr;
}

const IDTypeInfo *const *id_type_infos()
{
  return all_types;
}

}  // namespace whisk::kernel
