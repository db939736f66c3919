// Animation through RNA paths: keyframe_insert builds the action Blender builds, the
// channels write the curves' values, drivers compute from their variables.

#include <gtest/gtest.h>

#include "whisk/anim/animsys.hh"
#include "whisk/anim/driver.hh"
#include "whisk/anim/keyframing.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/driver.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/structs.hh"

namespace whisk::anim {
namespace {

using namespace dna;

TEST(Keyframing, InsertCreatesActionAndCurves)
{
  kernel::Main bmain;
  kernel::build_factory_startup(bmain);
  auto *cube = reinterpret_cast<Object *>(bmain.find(IDType::Object, "Cube"));
  rna::PointerRNA ptr = rna::pointer_from_id(&bmain, &cube->id);
  EXPECT_TRUE(keyframe_insert(bmain, ptr, "location", -1, 1.0f, "", 0));
  cube->location.x = 4.0f;
  EXPECT_TRUE(keyframe_insert(bmain, ptr, "location", 0, 11.0f, "", 0));
  ASSERT_NE(cube->id.anim_data, nullptr);
  Action *action = cube->id.anim_data->action;
  ASSERT_NE(action, nullptr);
  EXPECT_STREQ(action->id.name, "CubeAction");
  EXPECT_EQ(action->fcurves.size(), 3);
  EXPECT_EQ(action->fcurves[0].keyframe_points.size(), 2u);

  ActionChannels channels;
  channels.resolve(&bmain, &cube->id, *action);
  cube->location.x = 100.0f;
  channels.evaluate(*action, 6.0f, nullptr);
  EXPECT_NEAR(cube->location.x, 2.0f, 1e-4f) << "halfway between 0 and 4 on a symmetric curve";

  EXPECT_THROW(keyframe_insert(bmain, ptr, "nonexistent", -1, 1.0f, "", 0), Error);
  EXPECT_THROW(keyframe_insert(bmain, ptr, "name", -1, 1.0f, "", 0), Error);
  EXPECT_THROW(keyframe_insert(bmain, ptr, "location", 5, 1.0f, "", 0), Error);
  EXPECT_TRUE(keyframe_delete(bmain, ptr, "location", -1, 1.0f));
  EXPECT_EQ(action->fcurves.size(), 1) << "curves left without keys go";
}

TEST(Drivers, SimpleExpressionWithVariables)
{
  kernel::Main bmain;
  kernel::build_factory_startup(bmain);
  auto *cube = reinterpret_cast<Object *>(bmain.find(IDType::Object, "Cube"));
  auto *camera = reinterpret_cast<Object *>(bmain.find(IDType::Object, "Camera"));
  rna::PointerRNA ptr = rna::pointer_from_id(&bmain, &cube->id);
  std::vector<FCurve *> curves = driver_add(bmain, ptr, "location", 2);
  ASSERT_EQ(curves.size(), 1u);
  ChannelDriver &driver = *curves[0]->driver;
  EXPECT_EQ(driver.expression, "0.0");
  EXPECT_EQ(curves[0]->modifiers.size(), 1);

  auto var = std::make_unique<DriverVariable>();
  var->name = "x";
  var->type = DriverVarType::Transforms;
  var->targets[0].id = &camera->id;
  var->targets[0].transform_type = DriverTransformChannel::LocX;
  driver.variables.append(std::move(var));
  driver.expression = "x * 2 + frame";
  EXPECT_TRUE(kernel::driver_is_simple_expression(driver));
  DriverContext ctx;
  ctx.bmain = &bmain;
  ctx.frame = 3.0f;
  camera->object_to_world = kernel::object_compute_world_matrix(*camera);
  const float expected = camera->object_to_world.translation().x * 2.0f + 3.0f;
  EXPECT_NEAR(driver_evaluate(driver, ctx), expected, 1e-4f);
  EXPECT_TRUE(driver.is_valid);

  driver.expression = "x +";
  driver_evaluate(driver, ctx);
  EXPECT_FALSE(driver.is_valid) << "a broken expression marks the driver invalid";

  driver.variables[0].targets[0].id = nullptr;
  driver.expression = "x";
  driver_evaluate(driver, ctx);
  EXPECT_FALSE(driver.is_valid);
}

TEST(Drivers, UntrustedScriptsNeverRun)
{
  kernel::Main bmain;
  kernel::build_factory_startup(bmain);
  bmain.scripts_trusted = false;
  ChannelDriver driver;
  driver.expression = "__import__('os').getcwd()";
  driver.value = 7.0f;
  bool ran = false;
  kernel::set_scripted_expression_fn([&](auto &, auto &, ID *, double &) {
    ran = true;
    return true;
  });
  DriverContext ctx;
  ctx.bmain = &bmain;
  ctx.allow_python = true;
  EXPECT_FLOAT_EQ(driver_evaluate(driver, ctx), 7.0f);
  EXPECT_TRUE(driver.is_blocked_untrusted);
  EXPECT_FALSE(ran);
  kernel::set_scripted_expression_fn(nullptr);
}

}  // namespace
}  // namespace whisk::anim
