# Read by cpack before it builds a package (CPACK_PROJECT_CONFIG_FILE). CPack's DEB generator
# quietly writes a package without Depends when dpkg-shlibdeps is missing; refuse instead.
if(CPACK_GENERATOR STREQUAL "DEB" AND CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
  find_program(TRUSTSITE_DPKG_SHLIBDEPS dpkg-shlibdeps)
  if(NOT TRUSTSITE_DPKG_SHLIBDEPS)
    message(FATAL_ERROR
      "dpkg-shlibdeps not found: the package's Depends would be empty. "
      "Install it with: apt-get install dpkg-dev (or bash scripts/install-deps.sh --test)")
  endif()
endif()
