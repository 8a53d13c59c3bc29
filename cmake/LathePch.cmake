# Precompiled headers (cmake/pch/): the standard, JSON, Qt and QCustomPlot headers are parsed
# once per target instead of once per file. They were two thirds of a file's compile time, and
# a cold build of the dev preset nearly filled CI's 90 minutes. LATHE_PCH=OFF builds without
# them (to check that every file includes what it uses).
option(LATHE_PCH "Precompile the common headers (cmake/pch/)" ON)

# lathe_precompile(TARGET HEADER): TARGET's files start from cmake/pch/HEADER. Included as
# <pch/HEADER>, so the generated header names no folder of this checkout.
function(lathe_precompile target header)
  if(LATHE_PCH)
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake)
    target_precompile_headers(${target} PRIVATE <pch/${header}>)
  endif()
endfunction()

# lathe_reuse_precompiled(TARGET DONOR): TARGET uses DONOR's precompiled header, which is only
# valid for files built with the same flags and definitions (the tests of one layer are).
function(lathe_reuse_precompiled target donor)
  if(LATHE_PCH)
    target_precompile_headers(${target} REUSE_FROM ${donor})
  endif()
endfunction()
