# kontor-bench-ui: start to the first painted invoice list, and resident memory, on a
# 100,000-invoice ledger (see uibench.cpp and docs/benchmarks.md). Build it in Release.
qt_add_executable(kontor-bench-ui uibench.cpp)
target_link_libraries(kontor-bench-ui PRIVATE Kontor::Ui Kontor::CompileOptions Qt6::Widgets)
set_target_properties(kontor-bench-ui PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
