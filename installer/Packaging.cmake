# The Debian package (`cmake --build build --target package`, or `cpack -G DEB` in the build
# folder): both commands, the desktop entry, the icons, the AppStream metadata and the man pages.
# The translations are compiled into the executables (:/i18n), so there are no .qm files to ship.
set(FIELDOPS_PACKAGE_MAINTAINER "FieldOps Console maintainers <maintainers@fieldops.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fieldops)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "FieldOps")
set(CPACK_PACKAGE_CONTACT "${FIELDOPS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "FieldOps Console plans technicians' visits on a schedule board and a live map, follows\n"
    "KPIs and keeps customers, contracts and preventive maintenance. Many consoles share one\n"
    "PostgreSQL server, and a single SQLite file serves one person or a demo. fieldops-cli works\n"
    "on the same databases from the command line.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
# Debug information stays in the build folder; the package gets stripped executables.
set(CPACK_STRIP_FILES ON)
# The folders the package creates are 0755 whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${FIELDOPS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the executables link (Qt, libstdc++ …) are found by dpkg-shlibdeps; these are
# what Qt loads as plugins at run time, which no linker sees: the two SQL drivers, the SVG
# icon engine and image plugin (libqt6svg6: the window and toolbar icons are SVG, and nothing
# links the library itself), and a font with Chinese glyphs for the zh_CN texts. Qt's xcb and
# offscreen platform plugins and the TLS backends come with libqt6gui6 and libqt6network6,
# which shlibdeps finds; qt6-qpa-plugins holds only VNC and TUIO, so it is no dependency.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-psql, libqt6sql6-sqlite, libqt6svg6, fonts-noto-cjk | fonts-wqy-microhei")
# psql to reach the shared server by hand; Qt's Wayland plugin to run natively in a Wayland session;
# Qt's own texts (standard buttons and dialogs) in the console's languages.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-client, qt6-wayland, qt6-translations-l10n")

include(CPack)
