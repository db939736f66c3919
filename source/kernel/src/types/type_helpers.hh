#pragma once
// Shared pieces of the per-type tables: allocation, plain copies and destruction of
// data-block structs that own nothing but their fields.

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_query.hh"

namespace whisk::kernel::types {

template<typename T> ID *alloc() { return reinterpret_cast<ID *>(new T()); }

template<typename T> ID *duplicate_plain(Main &, const ID *src)
{
  return reinterpret_cast<ID *>(new T(*reinterpret_cast<const T *>(src)));
}

template<typename T> void destroy_plain(ID *id) { delete reinterpret_cast<T *>(id); }

template<typename T> T &cast(ID *id) { return *reinterpret_cast<T *>(id); }
template<typename T> const T &cast(const ID *id) { return *reinterpret_cast<const T *>(id); }

}  // namespace whisk::kernel::types

namespace whisk::kernel {
/* Each type's table entry, defined in src/types/<type>.cc. */
extern const IDTypeInfo IDType_LI, IDType_SCE, IDType_GR, IDType_OB, IDType_ME, IDType_CA,
    IDType_LA, IDType_MA, IDType_WO, IDType_IM, IDType_AC, IDType_TXT, IDType_NT,
    IDType_PT;
}  // namespace whisk::kernel
