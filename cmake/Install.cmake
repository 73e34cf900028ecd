# `cmake --install` and CPack: the binary, its man page (help2man, from the binary's own
# --help), the licence and docs; packages as .tar.gz and .deb (ci/package.sh builds them).
include(GNUInstallDirs)

install(TARGETS kep-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set(KEP_LINT_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/kep-lint)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE
        ${CMAKE_SOURCE_DIR}/ci/packaging/copyright
        ${CMAKE_SOURCE_DIR}/rules/kubernetes/data/misspellings.NOTICE
        DESTINATION ${KEP_LINT_DOC_DIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${KEP_LINT_DOC_DIR}/docs)

find_program(HELP2MAN help2man)
find_program(GZIP gzip)
# Not in sanitizer builds: running an instrumented binary at build time is not what they are for.
if(HELP2MAN AND GZIP AND NOT KEP_LINT_SANITIZE AND NOT KEP_LINT_FUZZ)
  set(KEP_LINT_MAN ${CMAKE_BINARY_DIR}/man/kep-lint.1)
  add_custom_command(
    OUTPUT ${KEP_LINT_MAN}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr
            --name "lint enhancement proposals and their metadata"
            --output ${KEP_LINT_MAN} $<TARGET_FILE:kep-lint>
    COMMAND ${GZIP} -9nf ${KEP_LINT_MAN}
    DEPENDS kep-lint
    COMMENT "Generating the man page from kep-lint --help"
    VERBATIM)
  add_custom_target(kep-lint-man ALL DEPENDS ${KEP_LINT_MAN}.gz)
  install(FILES ${KEP_LINT_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man or gzip not found: no man page (ci/install-deps.sh installs help2man)")
endif()

# Debian wants a compressed changelog beside the copyright file.
if(GZIP)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND ${GZIP} -9nc ${CMAKE_SOURCE_DIR}/ci/packaging/changelog
            > ${CMAKE_BINARY_DIR}/packaging/changelog.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/ci/packaging/changelog)
  add_custom_target(kep-lint-changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
  install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${KEP_LINT_DOC_DIR})
endif()

set(CPACK_PACKAGE_NAME kep-lint)
set(CPACK_PACKAGE_VENDOR kep-lint)
set(CPACK_PACKAGE_CONTACT "kep-lint maintainers <kep-lint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/")
set(CPACK_PACKAGE_FILE_NAME kep-lint-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# --changed-from runs git.
set(CPACK_DEBIAN_PACKAGE_DEPENDS git)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "kep-lint checks Kubernetes enhancement proposals (kep.yaml, README.md and\nproduction readiness files) and other enhancement repositories through rule\npacks, with file, line and column for every finding, as a local linter and\nas a CI gate on pull requests (GitHub Actions, Prow).")
include(CPack)
