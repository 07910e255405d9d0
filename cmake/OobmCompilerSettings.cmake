# SPDX-License-Identifier: GPL-2.0-or-later
# Flags every OOBM target shares (qBittorrent's qbt_common_cfg). Generated code (gSOAP) does not
# link this target, so warnings and -Werror never apply to it.
add_library(oobm_common_cfg INTERFACE)
target_compile_features(oobm_common_cfg INTERFACE cxx_std_20)
target_compile_options(oobm_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual)
if(OOBM_WERROR)
    target_compile_options(oobm_common_cfg INTERFACE -Werror)
endif()
target_compile_definitions(oobm_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    OOBM_VERSION_STRING="${PROJECT_VERSION}")

if(OOBM_SANITIZE)
    # Applied to everything below, including test executables, so the runtime is linked once.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
