# whisk_add_layer(NAME SOURCES... DEPENDS layers...)
# Each layer is a static library with its own include directory. It links only the
# layers it names, so an include of a higher layer fails to compile.
function(whisk_add_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(whisk_${name} STATIC ${ARG_SOURCES})
  target_include_directories(whisk_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(whisk_${name} PUBLIC ${ARG_DEPENDS})
endfunction()

# whisk_add_tests(LAYER sources...): one GoogleTest binary per layer, tests live
# beside the module in tests/.
function(whisk_add_tests layer)
  if(NOT WHISK_BUILD_TESTS)
    return()
  endif()
  add_executable(whisk_${layer}_tests ${ARGN})
  target_link_libraries(whisk_${layer}_tests PRIVATE whisk_${layer} GTest::gtest_main)
  target_compile_definitions(whisk_${layer}_tests PRIVATE
    WHISK_FIXTURE_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
  gtest_discover_tests(whisk_${layer}_tests DISCOVERY_TIMEOUT 60)
endfunction()
