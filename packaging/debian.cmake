# The Debian package (docs/install.md): `cmake --build build --target package` writes
# build/trustsite_<version>_<arch>.deb with
#   /usr/bin/trustsite
#   /usr/share/trustsite/{themes,locales,schemas}     (found next to the binary, SPEC 1)
#   /usr/share/doc/trustsite/{README.md,docs/,examples/,copyright}
# and Depends computed from the binary's shared libraries by dpkg-shlibdeps (Debian package
# dpkg-dev). Nothing else is installed: no headers, no static library, no tests.
# Included from the top-level CMakeLists.txt after the install() rules.

set(TRUSTSITE_PACKAGE_MAINTAINER "trustsite maintainers" CACHE STRING
    "Maintainer field of the Debian package (Name <email>)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME trustsite)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static, multilingual Trust Center website generator")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # trustsite_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TRUSTSITE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# https monitoring sources need the CA store; `updated: git` runs git.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates, git")
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "trustsite builds a company's public Trust Center (security controls and their
status, data location, sub-processors, AI disclosures, policies) as a static
website in English and Swedish from YAML and Markdown, with precise
diagnostics for editors and CI, JSON Schemas for editor completion, and
optional live control statuses from a monitoring API.")
# Fails `cpack` when dpkg-shlibdeps is missing, instead of a package without Depends.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/cpack-checks.cmake)

include(CPack)
