// Evaluated copies of data-blocks. They are plain struct copies: arrays are shared with the
// original through implicit sharing until evaluation writes them, so copying a mesh costs
// the size of its header, not of its geometry.

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/lib_id.hh"

namespace whisk::kernel {
using namespace dna;

namespace {

template<typename T> void assign(ID *dst, const ID *src)
{
  *reinterpret_cast<T *>(dst) = *reinterpret_cast<const T *>(src);
}

void assign_struct(ID *dst, const ID *src)
{
  switch (src->type) {
    case IDType::Object: return assign<Object>(dst, src);
    case IDType::Mesh: return assign<Mesh>(dst, src);
    case IDType::PointCloud: return assign<PointCloud>(dst, src);
    case IDType::Camera: return assign<Camera>(dst, src);
    default: raise(ErrorKind::Runtime, "no evaluated copies of ", id_type_info(src->type).name);
  }
}

/** The struct assignment copied the original's header; make it the copy's own again. */
void own_header(ID *eval, const ID *orig, uint32_t session_uid)
{
  eval->session_uid = session_uid;
  eval->flag = (orig->flag & ~(ID_FLAG_FAKEUSER | ID_FLAG_EXTRA_USER)) | ID_FLAG_EVALUATED;
  eval->orig_id = const_cast<ID *>(orig);
  eval->users = 0;
  eval->recalc = 0;
  eval->tag = 0;
  eval->properties = orig->properties ? idprop_copy(*orig->properties).release() : nullptr;
  eval->anim_data = anim_data_copy(orig->anim_data);
}

void free_header_data(ID *eval)
{
  if (eval->properties) {
    idprop_free(eval->properties);
    eval->properties = nullptr;
  }
  anim_data_destroy(eval->anim_data);
  eval->anim_data = nullptr;
}

}  // namespace

bool id_type_is_copied_for_eval(IDType type)
{
  switch (type) {
    case IDType::Object:
    case IDType::Mesh:
    case IDType::PointCloud:
    case IDType::Camera:
      return true;
    default:
      return false;
  }
}

ID *id_copy_for_eval(const ID *orig)
{
  const IDTypeInfo &info = id_type_info(orig->type);
  ID *eval = info.alloc();
  const uint32_t uid = id_session_uid_next();
  assign_struct(eval, orig);
  own_header(eval, orig, uid);
  return eval;
}

void id_update_for_eval(ID *eval, const ID *orig)
{
  const uint32_t uid = eval->session_uid;
  free_header_data(eval);
  assign_struct(eval, orig);
  own_header(eval, orig, uid);
}

void id_free_eval(ID *eval)
{
  free_header_data(eval);
  id_type_info(eval->type).destroy(eval);
}

}  // namespace whisk::kernel
