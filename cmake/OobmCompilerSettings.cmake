# SPDX-License-Identifier: GPL-2.0-or-later
# Flags OOBM targets share (qBittorrent's qbt_common_cfg), linked PRIVATE by each target so they do
# not leak into consumers. Generated code (gSOAP) links none of them: no warnings, no -Werror there.

# Warnings and the Qt macros every target uses. Named casts only and nullptr only (-Wold-style-cast,
# -Wzero-as-null-pointer-constant): Qt, gSOAP and OpenSSL are included as system headers, so only our
# own code is judged, macros from those headers included.
add_library(oobm_base_cfg INTERFACE)
target_compile_features(oobm_base_cfg INTERFACE cxx_std_20)
target_compile_options(oobm_base_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast -Wzero-as-null-pointer-constant)
if(OOBM_WERROR)
    target_compile_options(oobm_base_cfg INTERFACE -Werror)
endif()
target_compile_definitions(oobm_base_cfg INTERFACE
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_STRICT_ITERATORS
    OOBM_VERSION_STRING="${PROJECT_VERSION}")
# Debug builds (every build scripts/test makes) check bounds and preconditions in libstdc++
# (std::vector::operator[], std::optional::operator*, ...). It costs run time, so release builds go
# without; the ABI is the same either way.
target_compile_definitions(oobm_base_cfg INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

# Product code: also no implicit conversions from 8-bit strings.
add_library(oobm_common_cfg INTERFACE)
target_link_libraries(oobm_common_cfg INTERFACE oobm_base_cfg)
target_compile_definitions(oobm_common_cfg INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)

# Tests: plain literals allowed in test tables.
add_library(oobm_test_cfg INTERFACE)
target_link_libraries(oobm_test_cfg INTERFACE oobm_base_cfg)

if(OOBM_SANITIZE)
    # Applied to everything below, including test executables, so the runtime is linked once.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
