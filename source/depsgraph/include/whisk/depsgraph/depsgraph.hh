#pragma once
// The dependency graph: one per scene view layer (and mode), several at once. Original data
// stays as authored; the graph keeps evaluated copies that share arrays with the originals
// (implicit sharing) and brings them up to date incrementally and in parallel.
//
// Nodes are operations on one ID: copy-on-write, animation, each driver, parameters,
// transform, geometry and instances. Relations follow parenting, object data, modifiers
// that read other objects, driver variables and collection instancing. The graph is built
// when relations change (Main::relations_version) and evaluates only what tags and time
// reach. Graphs are "active": like Blender's active depsgraph they write animated values,
// world matrices and bounds back to the originals, so scripts read them after frame_set().

#include "whisk/kernel/evaluation.hh"

namespace whisk::depsgraph {

/** Installs this implementation as the kernel's depsgraph factory. Idempotent. */
void install();

/** The graph of the scene's first view layer, created on demand and evaluated. */
kernel::Depsgraph &evaluated_depsgraph(kernel::Main &bmain, dna::Scene &scene,
                                       dna::ViewLayer &view_layer);

/** Scene.frame_set(): sets the frame and updates every graph of the scene (each view
 * layer gets one). */
void scene_frame_set(kernel::Main &bmain, dna::Scene &scene, int frame, float subframe);

/** Worker threads used for evaluation (0: TBB's default, all cores). For benchmarks and
 * the command line's -t. */
void set_thread_count(int threads);

}  // namespace whisk::depsgraph
