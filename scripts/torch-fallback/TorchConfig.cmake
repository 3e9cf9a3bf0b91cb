# A last resort for scripts/cuda_check.sh when PyTorch's own TorchConfig.cmake fails to configure
# (it wants nvcc, the CUDA toolkit and cuDNN to agree with each other): the libtorch libraries of a
# PyTorch install linked directly. Set UNVEIL_TORCH_PREFIX (the folder of torch/__init__.py) and
# UNVEIL_TORCH_CXX11_ABI (0 or 1); optional UNVEIL_TORCH_INCLUDE_DIRS and UNVEIL_TORCH_LIB_DIR
# (Debian's layout). libtorch_cuda is linked with --no-as-needed so that its CUDA hooks register.
if(NOT UNVEIL_TORCH_INCLUDE_DIRS)
  set(UNVEIL_TORCH_INCLUDE_DIRS "${UNVEIL_TORCH_PREFIX}/include"
                                "${UNVEIL_TORCH_PREFIX}/include/torch/csrc/api/include")
endif()
if(NOT UNVEIL_TORCH_LIB_DIR)
  set(UNVEIL_TORCH_LIB_DIR "${UNVEIL_TORCH_PREFIX}/lib")
endif()
find_library(TORCH_LIBRARY torch PATHS "${UNVEIL_TORCH_LIB_DIR}" NO_DEFAULT_PATH)
set(_unveil_torch_libs "")
foreach(_l torch torch_cpu c10)
  find_library(UNVEIL_TORCH_${_l}_LIB ${_l} PATHS "${UNVEIL_TORCH_LIB_DIR}" NO_DEFAULT_PATH)
  if(UNVEIL_TORCH_${_l}_LIB)
    list(APPEND _unveil_torch_libs "${UNVEIL_TORCH_${_l}_LIB}")
  endif()
endforeach()
foreach(_l torch_cuda c10_cuda)
  find_library(UNVEIL_TORCH_${_l}_LIB ${_l} PATHS "${UNVEIL_TORCH_LIB_DIR}" NO_DEFAULT_PATH)
  if(UNVEIL_TORCH_${_l}_LIB)
    list(APPEND _unveil_torch_libs "-Wl,--no-as-needed,${UNVEIL_TORCH_${_l}_LIB},--as-needed")
  endif()
endforeach()
if(NOT TARGET unveil_torch_fallback)
  add_library(unveil_torch_fallback INTERFACE IMPORTED)
  set_target_properties(unveil_torch_fallback PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${UNVEIL_TORCH_INCLUDE_DIRS}"
    INTERFACE_COMPILE_DEFINITIONS "_GLIBCXX_USE_CXX11_ABI=${UNVEIL_TORCH_CXX11_ABI}"
    INTERFACE_LINK_LIBRARIES "${_unveil_torch_libs};Threads::Threads")
endif()
set(TORCH_LIBRARIES unveil_torch_fallback)
set(TORCH_INCLUDE_DIRS "${UNVEIL_TORCH_INCLUDE_DIRS}")
set(TORCH_CXX_FLAGS "-D_GLIBCXX_USE_CXX11_ABI=${UNVEIL_TORCH_CXX11_ABI}")
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Torch DEFAULT_MSG TORCH_LIBRARY TORCH_INCLUDE_DIRS)
message(STATUS "Torch: scripts/torch-fallback, libraries: ${_unveil_torch_libs}")
