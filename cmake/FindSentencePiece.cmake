# Finds Google's SentencePiece (Debian: libsentencepiece-dev), for the tokenizers of LLaMA-family
# models. Optional: Unveil builds without it and then refuses SentencePiece model cards.
#
# Defines SentencePiece_FOUND and two imported targets:
#   SentencePiece::sentencepiece        the tokenizer runtime (linked by the module unveil_sentencepiece)
#   SentencePiece::sentencepiece_train  the trainer (linked by a test-only module, to make tiny models)
# pkg-config gives hints only: its single `sentencepiece` module lists both libraries together.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_SentencePiece QUIET sentencepiece)
endif()

find_path(SentencePiece_INCLUDE_DIR NAMES sentencepiece_processor.h
          HINTS ${PC_SentencePiece_INCLUDEDIR} ${PC_SentencePiece_INCLUDE_DIRS})
find_library(SentencePiece_LIBRARY NAMES sentencepiece
             HINTS ${PC_SentencePiece_LIBDIR} ${PC_SentencePiece_LIBRARY_DIRS})
find_library(SentencePiece_TRAIN_LIBRARY NAMES sentencepiece_train
             HINTS ${PC_SentencePiece_LIBDIR} ${PC_SentencePiece_LIBRARY_DIRS})
set(SentencePiece_VERSION ${PC_SentencePiece_VERSION})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SentencePiece
  REQUIRED_VARS SentencePiece_LIBRARY SentencePiece_INCLUDE_DIR
  VERSION_VAR SentencePiece_VERSION)
mark_as_advanced(SentencePiece_INCLUDE_DIR SentencePiece_LIBRARY SentencePiece_TRAIN_LIBRARY)

if(SentencePiece_FOUND AND NOT TARGET SentencePiece::sentencepiece)
  add_library(SentencePiece::sentencepiece UNKNOWN IMPORTED)
  set_target_properties(SentencePiece::sentencepiece PROPERTIES
    IMPORTED_LOCATION "${SentencePiece_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SentencePiece_INCLUDE_DIR}")
  if(SentencePiece_TRAIN_LIBRARY AND EXISTS "${SentencePiece_INCLUDE_DIR}/sentencepiece_trainer.h")
    add_library(SentencePiece::sentencepiece_train UNKNOWN IMPORTED)
    set_target_properties(SentencePiece::sentencepiece_train PROPERTIES
      IMPORTED_LOCATION "${SentencePiece_TRAIN_LIBRARY}"
      INTERFACE_LINK_LIBRARIES SentencePiece::sentencepiece)
  endif()
endif()
