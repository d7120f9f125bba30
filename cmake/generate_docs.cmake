# Runs the built binary to write the man page and the shell completions:
#   cmake -DBIN=path/to/makeorbuy -DDIR=out/ -P generate_docs.cmake
# They come from the binary's own command tree and embedded rules, so they
# always match its --help and the allowed values of every answer.
foreach(pair "manpage;makeorbuy.1" "completions;bash;makeorbuy.bash" "completions;zsh;_makeorbuy"
             "completions;fish;makeorbuy.fish")
  list(POP_BACK pair file)
  execute_process(COMMAND ${BIN} ${pair} OUTPUT_FILE ${DIR}/${file}.tmp RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "`makeorbuy ${pair}` failed (${result})")
  endif()
  file(COPY_FILE ${DIR}/${file}.tmp ${DIR}/${file} ONLY_IF_DIFFERENT)
  file(REMOVE ${DIR}/${file}.tmp)
endforeach()
