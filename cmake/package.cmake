# The Debian package: `cpack -G DEB` in a release build dir (tests/package/run
# builds it, lists it, unpacks it and runs the binary from there).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME makeorbuy)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "makeorbuy")
set(CPACK_PACKAGE_CONTACT "makeorbuy maintainers <maintainers@makeorbuy.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "advisor for the AI make-or-buy decision")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Answer a few questions about your product; makeorbuy ranks a frontier API,
 a smaller hosted model, a self-hosted open model and a fine-tuned model, says
 why, and records the decision as an architecture decision record that CI can
 re-check when the rules or the facts change.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Depends: computed by dpkg-shlibdeps (package dpkg-dev) from what the binary
# loads; none for the default static build, libc6, libstdc++6 and the YAML
# library for a shared one (MAKEORBUY_STATIC=OFF).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
