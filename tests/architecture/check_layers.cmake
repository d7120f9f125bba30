# Proves that the layers are enforced (cmake/layers.cmake): a source of a
# layer compiles with its own headers, and one that includes a header of a
# layer above it does not. Run by CTest: cmake -DBUILD_DIR=... -P this file.
function(build_probe target expect_success needle)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${target}
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect_success AND NOT result EQUAL 0)
    message(FATAL_ERROR "${target} should compile and did not:\n${out}${err}")
  endif()
  if(NOT expect_success)
    if(result EQUAL 0)
      message(FATAL_ERROR "${target} compiled, but it includes a header of a layer above its own")
    endif()
    string(FIND "${out}${err}" "${needle}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${target} failed, but not on the wrong-way include '${needle}':\n${out}${err}")
    endif()
  endif()
  message(STATUS "${target}: as expected")
endfunction()

build_probe(makeorbuy_probe_core_includes_core TRUE "")
build_probe(makeorbuy_probe_core_includes_render FALSE "makeorbuy/render/render.hpp")
build_probe(makeorbuy_probe_render_includes_adr FALSE "makeorbuy/adr/adr_check.hpp")
