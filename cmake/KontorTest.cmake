# kontor_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABELS <labels...>)
# Registers one Qt Test executable with ctest, offscreen, with asserts forced on.
function(kontor_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test Kontor::CompileOptions ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE QT_FORCE_ASSERTS
        KONTOR_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
    set_target_properties(${T_NAME} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;LC_ALL=C.UTF-8;KONTOR_CREDENTIALS=file")
endfunction()
