# One static library per folder of src/, each linking only the layers below
# it, so the arrows of ARCHITECTURE.md are checked by the compiler.
#
# A layer's public headers are include/makeorbuy/<layer>/. Each library
# exposes them through an include root of its own in the build tree
# (<build>/layers/<layer>/makeorbuy/<layer> is a link to that folder), so a
# source sees the headers of its own layer and of the layers it links, and no
# others: an include that points the wrong way does not compile. Private
# headers sit beside their sources and are included by file name.
#
# makeorbuy_layer(NAME [DEPENDS LAYER...] [SOURCES FILE...] [PRIVATE_LIBS LIB...])
# defines makeorbuy_<NAME> from src/<NAME>/*.cpp (or SOURCES).
function(makeorbuy_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "DEPENDS;SOURCES;PRIVATE_LIBS")
  if(NOT arg_SOURCES)
    file(GLOB arg_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  endif()
  set(root ${PROJECT_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${root}/makeorbuy)
  if(NOT EXISTS ${root}/makeorbuy/${name})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/makeorbuy/${name} ${root}/makeorbuy/${name} SYMBOLIC)
  endif()
  add_library(makeorbuy_${name} STATIC ${arg_SOURCES})
  target_include_directories(makeorbuy_${name} PUBLIC ${root})
  set(deps makeorbuy_flags)
  foreach(dep IN LISTS arg_DEPENDS)
    list(APPEND deps makeorbuy_${dep})
  endforeach()
  target_link_libraries(makeorbuy_${name} PUBLIC ${deps} PRIVATE ${arg_PRIVATE_LIBS})
endfunction()
