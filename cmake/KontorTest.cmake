# kontor_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABELS <labels...>
#                 [TIMEOUT <seconds>] [ENV <VAR=value...>] [FIXTURES <fixtures...>]
#                 [EXECUTABLE <test target>])
# Registers one Qt Test executable with ctest, offscreen, with asserts forced on. ENV adds to the
# test's environment and FIXTURES names the ctest fixtures it needs (FIXTURES_REQUIRED).
# EXECUTABLE registers a test executable built by an earlier call again, under another name and
# environment (the same suite in another setup), instead of building one from SOURCES.
function(kontor_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT;EXECUTABLE" "SOURCES;LIBS;LABELS;ENV;FIXTURES"
        ${ARGN})
    if(T_EXECUTABLE)
        set(executable ${T_EXECUTABLE})
    else()
        qt_add_executable(${T_NAME} ${T_SOURCES})
        target_link_libraries(${T_NAME} PRIVATE Qt6::Test Kontor::CompileOptions ${T_LIBS})
        target_compile_definitions(${T_NAME} PRIVATE QT_FORCE_ASSERTS
            KONTOR_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
        set_target_properties(${T_NAME} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
        set(executable ${T_NAME})
    endif()
    add_test(NAME ${T_NAME} COMMAND ${executable})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set(environment QT_QPA_PLATFORM=offscreen QT_FORCE_ASSERTS=1 LC_ALL=C.UTF-8
        KONTOR_CREDENTIALS=file ${T_ENV})
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "${environment}")
    if(T_FIXTURES)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
    endif()
endfunction()
