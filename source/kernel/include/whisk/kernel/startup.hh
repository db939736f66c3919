#pragma once
// The factory startup file, built in code: what `blender --factory-startup` opens, with
// the values Blender 3.4 shows (tests/fixtures/startup_scene.json is the reference).

#include "whisk/dna/scene.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

/** What a window shows after loading: the scene and view layer that context uses. */
struct StartupState {
  dna::Scene *scene = nullptr;
  dna::ViewLayer *view_layer = nullptr;
};

/** Fills an empty Main with the factory startup content. */
StartupState build_factory_startup(Main &bmain);

}  // namespace whisk::kernel
