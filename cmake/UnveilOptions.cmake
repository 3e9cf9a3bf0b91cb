# One place for build settings (cf. qBittorrent's CommonConfig.cmake). Every target links
# unveil_options; UI targets link unveil_qt_options in addition.
add_library(unveil_options INTERFACE)
target_compile_features(unveil_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(unveil_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  # GCC 12 reports false -Wrestrict positives inside libstdc++ string concatenation (PR 105651).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${UNVEIL_WERROR}>:-Werror>)
if(UNVEIL_SANITIZE)
  target_compile_options(unveil_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(unveil_options INTERFACE -fsanitize=address,undefined)
endif()

# Qt's strict defines, for code that includes Qt headers only.
add_library(unveil_qt_options INTERFACE)
target_link_libraries(unveil_qt_options INTERFACE unveil_options)
target_compile_definitions(unveil_qt_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_UP_TO=0x060400)
