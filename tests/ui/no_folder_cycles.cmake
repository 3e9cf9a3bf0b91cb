# Fails when the folders under DIR (ui/) include each other in a cycle. A folder may include
# another only when that one does not include it back, directly or through other folders; the
# allowed direction of each pair is in docs/ARCHITECTURE.md ("Folders").
#
#   cmake -DDIR=<source>/ui -P no_folder_cycles.cmake
#
# An include counts when it names a file under DIR ("app/settings.h" for ui/app/settings.h); an
# include of core ("calib/metrics.h") or of Qt does not.
cmake_minimum_required(VERSION 3.25)

if(NOT IS_DIRECTORY "${DIR}")
  message(FATAL_ERROR "DIR must name the ui/ folder; got \"${DIR}\"")
endif()

file(GLOB entries LIST_DIRECTORIES true RELATIVE "${DIR}" "${DIR}/*")
set(folders "")
foreach(entry IN LISTS entries)
  if(IS_DIRECTORY "${DIR}/${entry}")
    list(APPEND folders "${entry}")
  endif()
endforeach()
list(SORT folders)

# deps_<folder>: the folders it includes; why_<folder>_<other>: the first include that says so.
set(files 0)
foreach(folder IN LISTS folders)
  set(deps_${folder} "")
  file(GLOB_RECURSE sources RELATIVE "${DIR}"
    "${DIR}/${folder}/*.h" "${DIR}/${folder}/*.hpp" "${DIR}/${folder}/*.cpp" "${DIR}/${folder}/*.cc")
  list(SORT sources)
  foreach(source IN LISTS sources)
    math(EXPR files "${files} + 1")
    file(STRINGS "${DIR}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"/]+/[^\"]+\"")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*$" "\\1" header "${line}")
      string(REGEX REPLACE "/.*$" "" other "${header}")
      if(NOT other STREQUAL folder AND EXISTS "${DIR}/${header}" AND NOT other IN_LIST deps_${folder})
        list(APPEND deps_${folder} "${other}")
        set(why_${folder}_${other} "${source} includes ${header}")
      endif()
    endforeach()
  endforeach()
  list(SORT deps_${folder})
endforeach()

# For each folder, a breadth-first walk along its includes: reaching the folder again is a cycle,
# the shortest through it. The same cycle found from each of its folders is reported once, from
# its first folder by name.
set(cycles "")
set(reasons "")
foreach(start IN LISTS folders)
  foreach(folder IN LISTS folders)
    unset(from_${folder})
  endforeach()
  set(queue ${deps_${start}})
  set(seen ${deps_${start}})
  foreach(next IN LISTS deps_${start})
    set(from_${next} "${start}")
  endforeach()
  set(closed FALSE)
  while(queue AND NOT closed)
    list(POP_FRONT queue folder)
    foreach(next IN LISTS deps_${folder})
      if(next STREQUAL start)
        set(from_${start} "${folder}")
        set(closed TRUE)
        break()
      elseif(NOT next IN_LIST seen)
        list(APPEND seen "${next}")
        set(from_${next} "${folder}")
        list(APPEND queue "${next}")
      endif()
    endforeach()
  endwhile()
  if(NOT closed)
    continue()
  endif()

  set(path "")
  set(folder "${from_${start}}")
  while(NOT folder STREQUAL start)
    list(PREPEND path "${folder}")
    set(folder "${from_${folder}}")
  endwhile()
  list(PREPEND path "${start}")
  # Rotated to start at its first folder by name, so that each cycle has one spelling.
  set(first "${path}")
  list(SORT first)
  list(GET first 0 first)
  list(FIND path "${first}" at)
  list(SUBLIST path ${at} -1 head)
  list(SUBLIST path 0 ${at} tail)
  set(path ${head} ${tail} ${first})
  list(JOIN path " -> " spelled)
  if(spelled IN_LIST cycles)
    continue()
  endif()
  list(APPEND cycles "${spelled}")
  string(APPEND reasons "\n  ${spelled}")
  list(LENGTH path n)
  math(EXPR last "${n} - 2")
  foreach(i RANGE 0 ${last})
    math(EXPR j "${i} + 1")
    list(GET path ${i} a)
    list(GET path ${j} b)
    string(APPEND reasons "\n    ${why_${a}_${b}}")
  endforeach()
endforeach()

list(LENGTH folders nfolders)
if(cycles)
  message(FATAL_ERROR
    "ui/ folders include each other in a cycle. A folder may include another only when that "
    "one does not include it back, directly or through other folders: move the piece that both "
    "need to a folder they may both include, or the piece that needs the higher folder into a "
    "folder of its own.${reasons}")
endif()
foreach(folder IN LISTS folders)
  list(JOIN deps_${folder} " " spelled)
  message(STATUS "ui/${folder}/ includes: ${spelled}")
endforeach()
message(STATUS "checked ${files} files in ${nfolders} folders under ui/: no include cycles")
