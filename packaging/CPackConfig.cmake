# The .deb of the workbench: `cpack` in the build folder writes unveil_VERSION_ARCH.deb, which
# installs with `apt-get install ./unveil_*.deb`. Included by the top-level CMakeLists.txt.
include(GNUInstallDirs)

set(_pkg ${CMAKE_CURRENT_LIST_DIR})
install(FILES ${_pkg}/unveil.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/unveil.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/examples/synthetic_test.jsonl
              ${PROJECT_SOURCE_DIR}/resources/examples/synthetic_calibration.jsonl
        DESTINATION ${CMAKE_INSTALL_DATADIR}/unveil/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unveil)
set(CPACK_PACKAGE_VENDOR "The Unveil authors")
set(CPACK_PACKAGE_CONTACT "Unveil maintainers <unveil@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # unveil_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/unveil")
set(CPACK_PACKAGE_DESCRIPTION
    "Reliability diagrams, confidence histograms, calibration metrics (ECE, MCE, ACE, Brier, NLL, \
AUROC, AURC) and temperature scaling for the predictions of multimodal language models, in a \
Qt window (unveil) and on the command line (unveil-cli).")
# The libraries come from dpkg-shlibdeps. Plug-ins are loaded at run time, so shlibdeps cannot
# see them: the platform plug-ins (xcb, offscreen) ship with libqt6gui6, which it does find;
# the SVG icon engine ships with libqt6svg6, named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, fonts-wqy-microhei, qt6-translations-l10n")

include(CPack)
