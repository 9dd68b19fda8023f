# One INTERFACE target carries the compile options every Kontor target shares.
add_library(kontor_compile_options INTERFACE)
add_library(Kontor::CompileOptions ALIAS kontor_compile_options)

target_compile_definitions(kontor_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(MSVC)
    target_compile_options(kontor_compile_options INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(kontor_compile_options INTERFACE -Wall -Wextra -Wpedantic
        -Wno-missing-field-initializers)
endif()
