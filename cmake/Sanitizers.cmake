# Sanitizer builds: GAZETTE_SANITIZE is a comma-separated list handed to -fsanitize= (for example
# "address,undefined", "thread", "memory" with clang). gazette_apply_sanitizers() is called by
# gazette_target_defaults() for every Gazette target, so the library, both binaries, the tools
# and every test get the same instrumentation (compile and link flags must agree).
# Every finding stops the program (-fno-sanitize-recover=all): a UBSan report fails the test
# that triggered it instead of scrolling by.
set(GAZETTE_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined (empty: none)")

if(GAZETTE_SANITIZE)
    string(REPLACE " " "" GAZETTE_SANITIZE "${GAZETTE_SANITIZE}")
    set(_gazette_known_sanitizers address undefined leak thread memory)
    string(REPLACE "," ";" _gazette_sanitizer_list "${GAZETTE_SANITIZE}")
    foreach(_s IN LISTS _gazette_sanitizer_list)
        if(NOT _s IN_LIST _gazette_known_sanitizers)
            message(FATAL_ERROR "GAZETTE_SANITIZE: unknown sanitizer '${_s}' "
                                "(known: ${_gazette_known_sanitizers})")
        endif()
    endforeach()
    if("address" IN_LIST _gazette_sanitizer_list AND "thread" IN_LIST _gazette_sanitizer_list)
        message(FATAL_ERROR "GAZETTE_SANITIZE: address and thread cannot be combined")
    endif()
    message(STATUS "Gazette: building with -fsanitize=${GAZETTE_SANITIZE}")
endif()

function(gazette_apply_sanitizers target)
    if(NOT GAZETTE_SANITIZE)
        return()
    endif()
    set(_flags -fsanitize=${GAZETTE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_compile_options(${target} PRIVATE ${_flags})
    # PUBLIC on libraries: whatever links a sanitized static library must link the runtime too.
    get_target_property(_type ${target} TYPE)
    if(_type STREQUAL "STATIC_LIBRARY" OR _type STREQUAL "SHARED_LIBRARY")
        target_link_options(${target} PUBLIC -fsanitize=${GAZETTE_SANITIZE})
    else()
        target_link_options(${target} PRIVATE -fsanitize=${GAZETTE_SANITIZE})
    endif()
endfunction()
