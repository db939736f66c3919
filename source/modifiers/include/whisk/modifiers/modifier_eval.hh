#pragma once
// Evaluation of an object's modifier stack: each enabled modifier turns the mesh it gets
// into a new one through the geometry layer. A modifier that cannot run (bad settings, a
// result too large) records why in its `error` and passes its input on: evaluation always
// finishes.

#include <optional>

#include "whisk/dna/mesh.hh"
#include "whisk/dna/object.hh"
#include "whisk/kernel/evaluation.hh"

namespace whisk::modifiers {

/** show_viewport / show_render for the mode. */
bool modifier_is_enabled(const dna::ModifierData &md, kernel::EvalMode mode);
/** Whether any enabled modifier of the stack reads the object's world matrix or another
 * object's transform (the graph adds those relations). */
bool stack_uses_transforms(const dna::Object &object);

/** Runs the enabled modifiers of the (evaluated) object on `input`. nullopt when none is
 * enabled: the input is the result. References in the modifiers point at evaluated
 * objects. */
std::optional<dna::Mesh> evaluate_mesh_stack(dna::Object &object, const dna::Mesh &input,
                                             kernel::EvalMode mode);

}  // namespace whisk::modifiers
