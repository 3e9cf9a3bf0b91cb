# Runs a program with the dynamic loader's trace (LD_DEBUG=files) and fails when it loaded libtorch
# or OpenCV's image codecs: work that runs no model and reads no image must not pay their start-up
# (core/model/torch_runtime.h, core/data/image_codecs.h).
#   -DPROGRAM=path -DWORK=scratch folder -DMODE=cli|window
file(MAKE_DIRECTORY "${WORK}")
set(preds "${WORK}/predictions.jsonl")
file(WRITE "${preds}"
  "{\"id\":\"a\",\"probs\":[0.95,0.05],\"label\":0,\"split\":\"cal\"}\n"
  "{\"id\":\"b\",\"probs\":[0.85,0.15],\"label\":1,\"split\":\"cal\"}\n"
  "{\"id\":\"c\",\"probs\":[0.25,0.75],\"label\":1,\"split\":\"test\"}\n"
  "{\"id\":\"d\",\"probs\":[0.65,0.35],\"label\":0,\"split\":\"test\"}\n")
if(MODE STREQUAL "cli")
  set(runs "--version" "metrics|${preds}" "calibrate|--fit|${preds}|--split|cal")
else()
  set(runs "--screenshot|${WORK}/shot.png|${preds}")
endif()
# One element per run, its arguments separated by '|' (a CMake list cannot hold lists).
foreach(args IN LISTS runs)
  string(REPLACE "|" " " shown "${args}")
  string(REPLACE "|" ";" argv "${args}")
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LD_DEBUG=files QT_QPA_PLATFORM=offscreen
            "HOME=${WORK}" "XDG_CONFIG_HOME=${WORK}/config" ${PROGRAM} ${argv}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${shown} failed (${rc}):\n${out}\n${err}")
  endif()
  string(REGEX MATCH "file=[^ \n]*(libtorch|libopencv_imgcodecs|libunveil_)[^ \n]*" hit "${err}")
  if(hit)
    message(FATAL_ERROR "${PROGRAM} ${shown} loaded ${hit} without running a model or reading "
                        "an image")
  endif()
  string(FIND "${err}" "file=" traced)
  if(traced EQUAL -1)
    message(FATAL_ERROR "LD_DEBUG=files gave no trace for ${PROGRAM} ${shown}: cannot check")
  endif()
  message(STATUS "${PROGRAM} ${shown}: neither libtorch nor the image codecs loaded")
endforeach()
